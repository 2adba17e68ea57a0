import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { planCard, silentLogger, testConfig } from '../helpers';
import { activity, post, start } from './botClient';

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '').join('\n');

/** Health cautions a person states, through the real server on a SQLite file: kept, shown and applied. */
describe('stated cautions over HTTP', () => {
  let dir: string;
  let app: App;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backcare-cautions-'));
    app = createApp(testConfig({ STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.sqlite') }), {
      logger: silentLogger,
    });
    base = await start(app);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const say = async (text: string, conversation: string, from = conversation) =>
    (await post(base, activity(text, conversation, { from: { id: `user-${from}`, name: 'User' } }))).json
      .activities as Partial<Activity>[];

  it('checks a caution said in passing, keeps it on a yes, shows it, and does not start a routine it rules out', async () => {
    const first = await say("I'm 20 weeks pregnant and my lower back is killing me, what stretch can I do?", 'p1');
    expect(first.at(-1)?.text).toMatch(/^Just to check, so I can keep it in mind: you're pregnant\?/);
    expect(first.at(-1)?.suggestedActions?.actions.map((action) => action.title)).toEqual(['Yes', 'No']);
    expect(texts(await say('yes', 'p1'))).toMatch(/I've noted that you're pregnant/);

    const routine = texts(await say('walk me through the knee to chest stretch', 'p1'));
    expect(routine).toMatch(/You told me you're pregnant, so I won't walk you through the knee-to-chest stretch/);
    expect(routine).not.toMatch(/Step 1/);
    expect(texts(await say('what do you know about me', 'p1'))).toMatch(
      /\*\*Health cautions you told me about:\*\* pregnancy\./,
    );
    // "Forget me" deletes it with the rest.
    await say('forget me', 'p1');
    await say('yes', 'p1');
    expect(texts(await say('what do you know about me', 'p1'))).toMatch(/I don't have anything stored about you/);
  });

  it('keeps nothing on a no, nor for someone else or another time', async () => {
    const asked = await say('im on warfarin since my dvt, can i use a massage gun on my back', 'w1');
    expect(asked.at(-1)?.text).toMatch(/you take blood thinners, or have had clots or a bleeding disorder\?/);
    expect(texts(await say('no', 'w1'))).toMatch(/OK, I won't note it/);
    expect(texts(await say('what do you know about me', 'w1'))).not.toMatch(/Health cautions/);

    for (const text of ['my wife is pregnant, can she have a massage', 'I used to be on warfarin years ago'])
      expect(texts(await say(text, 'w2'))).not.toMatch(/Just to check/);
  });

  it('keeps a caution named at the cautions question at once, and the plan follows it', async () => {
    const script: [string, RegExp][] = [
      ['Get a personal plan', /quick safety check/],
      ['No, none of these', /How bad is the pain/],
      ['5', /How long/],
      ['6 weeks', /better, getting worse/],
      ['About the same', /hours do you spend sitting/],
      ['8', /wake up stiff/],
      ['Yes, often', /mattress/],
      ["No, it's fine", /stress/],
      ['Some', /sport/],
      ['Neither', /massage safety/],
      ["yes I'm on apixaban", /I've noted that you take blood thinners[^]*Here's what I understood/],
    ];
    for (const [message, expected] of script) expect(texts(await say(message, 'a1'))).toMatch(expected);
    const replies = await say('Yes, show my plan', 'a1');
    const { titles } = planCard(replies[0]);
    expect(titles).toContain('Ask your doctor before any massage');
    expect(titles).not.toContain('Finger circles along the spine');
    expect(titles).not.toContain('Lying twist (knee roll)');
  });
});
