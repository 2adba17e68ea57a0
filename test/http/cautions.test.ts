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
    expect(titles).not.toContain('Finger circles along the spine and sacrum');
    expect(titles).not.toContain('Lying twist (knee roll)');
  });

  it('asks which caution after a plain yes, keeps the one picked, and leaves its stretches out of the plan', async () => {
    const script: [string, RegExp][] = [
      ['Get a personal plan', /quick safety check/],
      ['No, none of these', /How bad is the pain/],
      ['4', /How long/],
      ['3 weeks', /better, getting worse/],
      ['About the same', /hours do you spend sitting/],
      ['8', /wake up stiff/],
      ['Yes, often', /mattress/],
      ["No, it's fine", /stress/],
      ['Some', /sport/],
      ['Neither', /massage safety[^]*- osteoporosis \(fragile bones\)[^]*- a hip replacement/],
      ['yes', /Which one\? It changes which massage and exercises are safe for you/],
      ['Pregnancy', /I've noted that you're pregnant[^]*Here's what I understood/],
    ];
    for (const [message, expected] of script) expect(texts(await say(message, 'y1'))).toMatch(expected);
    await checkPregnancyPlan('y1');
  });

  it('keeps "yes, I\'m pregnant" at the question at once, with the same plan', async () => {
    for (const message of ['Get a personal plan', 'No, none of these', '4', '3 weeks', 'About the same', '8'])
      await say(message, 'y3');
    for (const message of ['Yes, often', "No, it's fine", 'Some', 'Neither']) await say(message, 'y3');
    expect(texts(await say("Yes, I'm pregnant", 'y3'))).toMatch(
      /I've noted that you're pregnant[^]*Here's what I understood/,
    );
    await checkPregnancyPlan('y3');
  });

  /** The plan of someone who said at the question that they are pregnant: no lying stretches, and why. */
  async function checkPregnancyPlan(conversation: string) {
    const replies = await say('Yes, show my plan', conversation);
    const { titles, text } = planCard(replies[0]);
    expect(titles).toEqual(expect.arrayContaining(['Keep moving', 'Ask your doctor before any massage']));
    // Both lying stretches list pregnancy among their routines' cautions.
    expect(titles).not.toContain('Knee-to-chest stretch');
    expect(titles).not.toContain('Lying twist (knee roll)');
    expect(text).toMatch(/Knee-to-chest stretch: as you're pregnant, ask your doctor or physiotherapist/);
    expect(texts(await say('what do you know about me', conversation))).toMatch(
      /Health cautions you told me about:\*\* pregnancy/,
    );
  }

  it('keeps nothing after "rather not say", and the plan stays cautious', async () => {
    await say('Get a personal plan', 'y2');
    for (const message of [
      'No, none of these',
      '4',
      '3 weeks',
      'About the same',
      '8',
      'Yes, often',
      "No, it's fine",
      'Some',
      'Neither',
    ])
      await say(message, 'y2');
    expect(texts(await say('yes', 'y2'))).toMatch(/Which one\?/);
    expect(texts(await say('Rather not say', 'y2'))).toMatch(
      /^Here's what I understood[^]*Massage cautions: one applies/,
    );
    const { titles } = planCard((await say('Yes, show my plan', 'y2'))[0]);
    expect(titles).toContain('Ask your doctor before any massage');
    expect(texts(await say('what do you know about me', 'y2'))).not.toMatch(/Health cautions/);
  });

  it('answers a question about a topic for the person: no, and why, when one of its cautions is theirs', async () => {
    const asked = texts(await say("is hot stone safe if I'm pregnant?", 'q1'));
    expect(asked).toMatch(
      /^If you're pregnant: not without a doctor's or physiotherapist's OK first\.\n\n\*\*Who should take care:\*\*/,
    );
    // Asked about, not said to be so: nothing to check or keep.
    expect(asked).not.toMatch(/Just to check/);
    expect(texts(await say('is hot stone massage safe for my wife, she is pregnant', 'q1'))).not.toMatch(
      /If you're pregnant/,
    );

    await say("I'm 12 weeks pregnant", 'q2');
    await say('yes', 'q2');
    expect(texts(await say('is thai massage ok for me?', 'q2'))).toMatch(
      /^You told me you're pregnant, so Thai massage is not for you without a doctor's or physiotherapist's OK first\.\n\n\*\*Is it right for you\?\*\*/,
    );
    // A topic whose routine lists the caution, and one that lists none of theirs.
    expect(texts(await say('how do I do the knee to chest stretch', 'q2'))).toMatch(
      /^You told me you're pregnant, so knee-to-chest stretch is not for you/,
    );
    expect(texts(await say('how long should I sit for at work', 'q2'))).not.toMatch(/You told me/);
  });

  it('stops a walkthrough when asked about one of its cautions for oneself, and says why', async () => {
    expect(texts(await say('walk me through the glute kneading', 'r1'))).toMatch(/Kneading the glutes/);
    expect(texts(await say('start', 'r1'))).toMatch(/Step 1 of/);
    const stopped = await say("is this ok if I'm on blood thinners?", 'r1');
    expect(texts(stopped)).toMatch(
      /^If you take blood thinners, or have had clots or a bleeding disorder, let's stop here: this routine is one to skip then/,
    );
    // Its gentler routine, finger circles, lists the same caution: none is offered.
    expect(stopped.at(-1)?.suggestedActions?.actions ?? []).toEqual([]);
    expect(texts(await say('next', 'r1'))).not.toMatch(/Step 2 of/);
  });
});
