import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { botConversation, says, titleOf } from '../helpers';

const conversation = (channelId = 'emulator', storage = new MemoryStorage()) => botConversation({ channelId, storage });
const actionsOf = (activity: Partial<Activity>) => (activity.suggestedActions?.actions ?? []).map((a) => a.title);

describe('BackCareBot', () => {
  it('welcomes a new user once, says what it does and that it does not diagnose', async () => {
    const adapter = conversation();
    const user = { id: 'user-1', name: 'User' };
    await adapter
      .send({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [user, { id: 'bot', name: 'Bot' }],
        recipient: { id: 'bot', name: 'Bot' },
      } as Partial<Activity>)
      .assertReply((activity) => {
        expect(activity.text).toMatch(/lower back/);
        expect(activity.text).toMatch(/not a diagnosis/);
        expect(actionsOf(activity)).toContain(titleOf('therapy.which'));
      })
      // The channel reporting the user again (for example on reconnect) does not repeat the welcome.
      .send({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [user],
        recipient: { id: 'bot', name: 'Bot' },
      } as Partial<Activity>)
      .send('thanks')
      .assertReply(says(/welcome/));
  });

  it('does not welcome the bot itself joining', async () => {
    const adapter = conversation();
    await adapter
      .send({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: 'bot', name: 'Bot' }],
        recipient: { id: 'bot', name: 'Bot' },
      } as Partial<Activity>)
      .send('hello')
      .assertReply(says(/Hello!/));
  });

  it('answers a knowledge question with the topic answer and offers related topics', async () => {
    await conversation()
      .send('what is hot stone massage?')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/stones/i);
        expect(actionsOf(activity)).toEqual(
          expect.arrayContaining(['Tell me more', titleOf('safety.contraindications')]),
        );
      })
      .send('tell me more')
      .assertReply((activity) => expect(activity.text).toMatch(/38 to 60/));
  });

  it("says where an answer is from, with the topic's own sources and links", async () => {
    await botConversation()
      .send('where is this from?')
      .assertReply(says(/written in my own words from NHS pages, the NICE guideline/))
      .send('what is thai massage')
      .assertReply(says(/Thai/))
      .send('Where is this from?')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/^Where my answer on Thai massage comes from:/);
        expect(activity.text).toMatch(
          /- \[NICE NG59 - Low back pain and sciatica in over 16s\]\(https:\/\/www\.nice\.org\.uk\/guidance\/ng59\)/,
        );
        expect(activity.text).toMatch(/not a diagnosis/);
      });
  });

  it('says "how am I doing?" in words, and as a chart only where the channel shows images', async () => {
    const storage = new MemoryStorage();
    await botConversation({ storage })
      .send('how am I doing')
      .assertReply(says(/I don't have any pain scores from you yet/));
    const history = {
      painHistory: [
        { date: '2026-11-20', score: 6 },
        { date: '2026-12-01', score: 4 },
      ],
    };
    await storage.write({ 'emulator/users/user1/': { profile: history } });
    await botConversation({ storage })
      .send('How am I doing?')
      .assertReply((activity) => {
        expect(activity.text).toBe('Your pain since your first check-in: 6 → 4 over 11 days; 0 routines done.');
        expect(activity.attachments?.[0]).toMatchObject({
          contentType: 'image/png',
          name: 'Chart of your pain scores: 6 → 4 over 11 days; 0 routines done',
        });
        expect(activity.attachments?.[0].contentUrl).toMatch(/^data:image\/png;base64,iVBOR/);
      })
      // At any time: in the middle of the assessment, the question is asked again after it.
      .send('my back hurts')
      .assertReply(says(/work out a plan/))
      .assertReply(says(/quick safety check/))
      .send('how am i doing')
      .assertReply(says(/^Your pain since your first check-in: 6 → 4/))
      .assertReply(says(/quick safety check/));
  });

  it('answers a tapped related topic (its exact title)', async () => {
    await conversation()
      .send(titleOf('safety.contraindications'))
      .assertReply((activity) => expect(activity.text).toMatch(/pregnan|blood clot/i));
  });

  it('says what it can help with when nothing fits', async () => {
    await conversation()
      .send('who won the football last night')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/doctor or pharmacist/);
        expect(actionsOf(activity).length).toBeGreaterThan(0);
      });
  });

  it('says it is unsure and offers the closest topics, then answers the one picked', async () => {
    await conversation()
      .send('massage')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/not completely sure/);
        expect(actionsOf(activity)).toContain('Something else');
      })
      .send('1')
      .assertReply((activity) => expect(activity.text!.length).toBeGreaterThan(50));
  });

  it('takes a new question while offering choices as a new question', async () => {
    await conversation()
      .send('massage')
      .assertReply(says(/not completely sure/))
      .send('how often should i have a massage')
      .assertReply((activity) => expect(activity.text).toMatch(/two weeks/i));
  });

  it('answers help at any time, then asks the open question again', async () => {
    await conversation()
      .send('massage')
      .assertReply(says(/not completely sure/))
      .send('help')
      .assertReply((activity) => expect(activity.text).toMatch(/ask/i))
      .assertReply(says(/not completely sure/))
      .send('2')
      .assertReply((activity) => expect(activity.text!.length).toBeGreaterThan(50));
  });

  it('stops what is running on "stop" and starts afresh on "start over"', async () => {
    await conversation()
      .send('massage')
      .assertReply(says(/not completely sure/))
      .send('stop')
      .assertReply(says(/stopped/))
      .send('1')
      .assertReply(says(/doctor or pharmacist/))
      .send('what is thai massage')
      .assertReply(says(/Thai/))
      .send('start over')
      .assertReply(says(/not a diagnosis/))
      .send('tell me more')
      .assertReply(says(/More about what\?/));
  });

  it('answers small talk kindly without a knowledge answer', async () => {
    await conversation()
      .send('hi')
      .assertReply(says(/Hello!/))
      .send('thank you')
      .assertReply(says(/welcome/))
      .send('bye')
      .assertReply(says(/Take care/));
  });

  it('asks for text when a message has none', async () => {
    await conversation()
      .send({
        type: ActivityTypes.Message,
        attachments: [{ contentType: 'image/png', contentUrl: 'x' }],
      } as Partial<Activity>)
      .assertReply(says(/only read text/));
  });

  it('renders the same reply as card buttons in Teams and as a plain list in a text-only channel', async () => {
    await conversation('msteams')
      .send('what is swedish massage')
      .assertReply((activity) => {
        expect(activity.suggestedActions).toBeUndefined();
        expect(activity.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.hero');
      });
    await conversation('sms')
      .send('what is swedish massage')
      .assertReply((activity) => {
        expect(activity.suggestedActions).toBeUndefined();
        expect(activity.attachments ?? []).toHaveLength(0);
        expect(activity.text).toMatch(/You can also ask:\n- /);
      });
    // Markdown emphasis would show as asterisks in a text-only channel.
    await conversation('sms')
      .send('help')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/Say help any time/);
        expect(activity.text).not.toMatch(/\*\*/);
      });
  });

  it('keeps the conversation in storage between turns', async () => {
    const storage = new MemoryStorage();
    await conversation('emulator', storage)
      .send('what is hot stone massage')
      .assertReply(says(/stones/i));
    const keys = Object.keys((storage as unknown as { memory: Record<string, string> }).memory);
    expect(keys.some((key) => key.includes('/conversations/'))).toBe(true);
  });

  it('forgets the user after a confirmation, and only then', async () => {
    const storage = new MemoryStorage();
    const stored = () =>
      Object.entries((storage as unknown as { memory: Record<string, string | undefined> }).memory)
        .filter(([, value]) => value !== undefined)
        .map(([key]) => key);
    const adapter = conversation('emulator', storage);
    await adapter
      .send('what is hot stone massage')
      .assertReply(says(/stones/i))
      .send('forget me')
      .assertReply(says(/cannot be undone/))
      .send('no')
      .assertReply(says(/haven't deleted anything/));
    expect(stored().length).toBeGreaterThan(0);

    await adapter
      .send('forget me')
      .assertReply(says(/cannot be undone/))
      .send('help')
      .assertReply(says(/ask/i))
      .assertReply(says(/cannot be undone/))
      .send('yes')
      .assertReply(says(/deleted everything/));
    expect(stored()).toEqual([]);

    // Nothing is left: "tell me more" no longer knows the last topic.
    await adapter.send('tell me more').assertReply(says(/More about what\?/));
  });
});
