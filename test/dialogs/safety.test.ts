import { Writable } from 'node:stream';
import { ActivityTypes, type Activity } from 'botbuilder';
import pino from 'pino';
import { botConversation as conversation, says } from '../helpers';

const URGENT = "I can't feel my inner thighs and I've wet myself";

describe('the safety screen in the conversation', () => {
  it('answers a warning sign first with calm emergency advice, using the configured number', async () => {
    await conversation({ env: { EMERGENCY_NUMBER: '999' } })
      .send(URGENT)
      .assertReply((activity) => {
        expect(activity.text).toMatch(/^Please call 999 or go to A&E/);
        expect(activity.text).toMatch(/bladder or bowel/);
      });
  });

  it('says "your local emergency number" when no number is configured, and a crisis line for crisis', async () => {
    await conversation()
      .send('my legs keep giving way and feel like jelly')
      .assertReply(says(/your local emergency number/))
      .send('honestly i just want to die, the pain never stops')
      .assertReply(says(/crisis line or helpline in your country/));
  });

  it('interrupts a running dialog: a prompt waiting for an answer', async () => {
    await conversation()
      .send('massage')
      .assertReply(says(/not completely sure/))
      .send('fell off a ladder this morning and now my back is agony')
      .assertReply(says(/after a fall, an accident or a blow/))
      // The interrupted prompt is gone: "1" is not taken as a choice, but as a reply to the advice.
      .send('1')
      .assertReply(says(/^Thank you\. Please get checked before anything else/));
  });

  it('interrupts the forget-me confirmation too', async () => {
    await conversation()
      .send('forget me')
      .assertReply(says(/cannot be undone/))
      .send('yes but first, i have chest pain going down my left arm')
      .assertReply(says(/heart or blood vessel/));
  });

  it('does not flag negations, questions about warning signs, or old events', async () => {
    await conversation()
      .send('no numbness and my bladder is fine, which stretch helps a stiff back?')
      .assertReply((activity) => expect(activity.text).not.toMatch(/^Please call/))
      .send('what symptoms mean I should go to A&E?')
      .assertReply(says(/Call your local emergency number now/)) // the safety.red-flags knowledge answer
      .send("I fell off my bike five years ago, now it's just desk ache")
      .assertReply((activity) => expect(activity.text).not.toMatch(/after a fall, an accident or a blow/));
  });

  it('holds back stretches and self-massage after a warning sign until a clinician has checked the user', async () => {
    await conversation()
      .send('I have a high temperature and my lower back is really sore')
      .assertReply(says(/infection/))
      .send('how do i do the knee to chest stretch')
      .assertReply(says(/won't suggest stretches or self-massage/))
      .send('what is swedish massage') // a general question is still answered
      .assertReply(says(/Swedish/))
      .send('start over') // starting over does not lift the hold
      .assertReply(says(/not a diagnosis/))
      .send('how do i do the knee to chest stretch')
      .assertReply(says(/won't suggest stretches or self-massage/))
      .send("I've been checked by a doctor")
      .assertReply(says(/glad you've been checked/))
      .send('how do i do the knee to chest stretch')
      .assertReply(says(/knee/i));
  });

  it('records each urgent event for the clinic without what the user wrote', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    await conversation({ logger }).send(URGENT).assertReply(says(/A&E/));
    const events = lines.map((line) => JSON.parse(line)).filter((entry) => entry.event === 'red_flag');
    expect(events).toEqual([
      expect.objectContaining({
        event: 'red_flag',
        category: 'cauda-equina',
        urgency: 'emergency',
        channel: 'emulator',
      }),
    ]);
    expect(Date.parse(events[0].at)).not.toBeNaN();
    expect(lines.join('\n')).not.toMatch(/inner thighs|wet myself/);
  });

  it('screens messages that arrive as the first thing in a conversation', async () => {
    await conversation()
      .send({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: 'u', name: 'U' }],
        recipient: { id: 'bot', name: 'Bot' },
      } as Partial<Activity>)
      .assertReply(says(/not a diagnosis/))
      .send('cant feel my bum and cant pee')
      .assertReply(says(/A&E/));
  });
});
