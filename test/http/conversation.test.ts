import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { knowledgeIndex, silentLogger, testConfig, titleOf } from '../helpers';
import { activity, post, start } from './botClient';

/** How the bot talks beyond single answers, through the real server: questions back, corrections, small talk. */
describe('conversation over HTTP', () => {
  let app: App;
  let base: string;

  beforeAll(async () => {
    app = createApp(testConfig({ BOOKING_URL: 'https://clinic.example/book', CLINIC_NAME: 'Riverside Physio' }), {
      logger: silentLogger,
    });
    base = await start(app);
  });
  afterAll(() => app.close());

  const say = async (text: string, conversationId: string) => {
    const replies = (
      await post(base, activity(text, conversationId, { from: { id: `user-${conversationId}`, name: 'User' } }))
    ).json.activities as Partial<Activity>[];
    return replies.map((reply) => reply.text ?? '').join('\n');
  };
  const answerOf = (id: string) => knowledgeIndex().topics.get(id)!.answer.split('\n')[0];

  it('asks which topic was meant, and reads the answer by number or by a word of the title', async () => {
    const second = knowledgeIndex().match('massage').alternatives[0].topic;
    expect(second).toBe('selfmassage.glutes'); // the word below is from its title
    expect(await say('massage', 'pick-1')).toMatch(/not completely sure/);
    expect(await say('the second one', 'pick-1')).toContain(answerOf(second));
    expect(await say('massage', 'pick-2')).toMatch(/not completely sure/);
    expect(await say('glutes', 'pick-2')).toContain(answerOf(second));
  });

  it('answers both sides of a comparison, takes "not that one", and varies its fallback', async () => {
    const both = await say('massage or stretches?', 'talk-1');
    expect(both).toContain(titleOf('therapy.which'));
    expect(both).toContain(titleOf('stretch.overview'));
    expect(await say('which is better for my back, swedish or thai massage?', 'talk-1')).toContain(
      answerOf('therapy.which'),
    );
    expect(await say('not that one', 'talk-1')).toContain(answerOf('therapy.thai'));
    const first = await say('who won the football last night', 'talk-1');
    const second = await say('recommend a good film', 'talk-1');
    expect(first).not.toBe(second);
    expect(second).toContain('https://clinic.example/book');
    expect(await say('can I speak to a real person', 'talk-1')).toMatch(/Riverside Physio[\s\S]*clinic\.example\/book/);
  });

  it('answers the part asked about first, reads durations in words, acknowledges, and pauses for another day', async () => {
    expect(await say("is hot stone safe if I'm pregnant", 'section-1')).toMatch(
      /^If you're pregnant: [^\n]*\n\n\*\*Who should take care/,
    );
    expect(await say('tell me more', 'section-1')).toContain(answerOf('therapy.hot-stone'));

    // The assessment, on one person's two conversations.
    const sayAs = async (text: string, conversationId: string) => {
      const replies = (await post(base, activity(text, conversationId, { from: { id: 'user-pauser', name: 'User' } })))
        .json.activities as Partial<Activity>[];
      return replies.map((reply) => reply.text ?? '').join('\n');
    };
    expect(await sayAs('my back hurts', 'assess-1')).toMatch(/quick safety check/);
    expect(await sayAs('no', 'assess-1')).toMatch(/How bad is the pain/);
    expect(await sayAs('8', 'assess-1')).toMatch(/^8 out of 10 sounds hard going\. How long have you had this pain\?/);
    expect(await sayAs('ages', 'assess-1')).toMatch(/Roughly how long would you say/);
    expect(await sayAs('years', 'assess-1')).toMatch(/^Over the last week/);
    expect(await sayAs('one sec', 'assess-1')).toMatch(/^Take your time/);
    expect(await sayAs('sorry gotta go, can we finish this later?', 'assess-1')).toMatch(/even another day/);
    expect(await sayAs('continue', 'assess-2')).toMatch(
      /^Welcome back: let's carry on where we left off\. Over the last week/,
    );
  });

  it('answers small talk and corrections in a few words', async () => {
    expect(await say('thanks', 'small-1')).toMatch(/anything else I can help with/);
    expect(await say('no thanks', 'small-1')).toMatch(/^Take care of your back/);
    expect(await say('cheers', 'small-2')).toMatch(/anything else/);
    expect(await say('yes', 'small-2')).toMatch(/what would you like to know/);
    expect(await say('ok', 'small-2')).toMatch(/^OK\./);
    expect(await say("you're useless", 'small-2')).toMatch(/sorry that didn't help/);
    expect(await say('what is thai massage', 'small-3')).toContain(answerOf('therapy.thai'));
    expect(await say('no, I meant heat packs', 'small-3')).toContain(answerOf('selfcare.heat-cold'));
    expect(await say('the other one', 'small-4')).toMatch(/other words/);
  });
});
