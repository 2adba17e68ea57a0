import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { silentLogger, testConfig } from '../helpers';
import { startServerProcess } from '../serverProcess';
import { activity, post, start } from './botClient';

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '').join('\n');

/** The safety behaviours of a conversation, through the real server: checks, holds, replies to advice, language. */
describe('safety over HTTP', () => {
  let dir: string;
  let app: App;
  let base: string;
  const config = () =>
    testConfig({
      STORAGE: 'sqlite',
      SQLITE_PATH: join(dir, 'state.sqlite'),
      EMERGENCY_NUMBER: '999',
      CRISIS_LINE: 'Samaritans on 116 123',
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backcare-safety-'));
    app = createApp(config(), { logger: silentLogger });
    base = await start(app);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const send = async (text: string, conversationId: string, userId: string, channelId = 'emulator') =>
    (await post(base, activity(text, conversationId, { from: { id: userId, name: 'User' }, channelId }))).json
      .activities as Partial<Activity>[];
  const say = async (text: string, conversationId: string, userId: string) =>
    texts(await send(text, conversationId, userId));

  it('asks one question when a message only might be urgent: "no" carries on, "yes" gives the advice', async () => {
    expect(await say('Get a personal plan', 'check-1', 'u-check')).toMatch(/safety check/);
    expect(await say('No, none of these', 'check-1', 'u-check')).toMatch(/How bad is the pain/);
    // The crisis question comes first and alone; after "no" the message it was about is answered (the 6 is kept).
    const asked = await send('about 6, whats the point of trying', 'check-1', 'u-check');
    expect(asked).toHaveLength(1);
    expect(asked[0].text).toMatch(/Are you having thoughts of ending your life/);
    expect(await say('no', 'check-1', 'u-check')).toMatch(/Thank you for letting me know[\s\S]*How long/);

    const [question, ...rest] = await send('better off gone', 'check-3', 'u-check-3');
    expect(question.text).toMatch(/Are you having thoughts of ending your life/);
    expect(rest).toEqual([]);

    await say('nothing ever helps, whats the point', 'check-2', 'u-check-2');
    expect(await say('yes', 'check-2', 'u-check-2')).toMatch(/Samaritans on 116 123/);
  });

  it('shows urgent advice apart from answers, with a button that calls the number, where the channel allows it', async () => {
    const [advice] = await send('i fell down the stairs an hour ago and my back is agony', 'card-1', 'u-card');
    expect(advice.text).toMatch(/Please call 999|call 999/);
    const card = advice.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card?.content)).toMatch(/"style":"attention"/);
    expect((card?.content as { actions: { url: string }[] }).actions[0].url).toBe('tel:999');

    const [plain] = await send('i fell down the stairs an hour ago and my back is agony', 'card-2', 'u-card', 'sms');
    expect(plain.attachments ?? []).toEqual([]);
    expect(plain.text).toMatch(/call 999/);
  });

  it('repeats the one thing to do when someone replies to the advice, and hears pushback', async () => {
    await say('since this morning i cant feel my bum and my inner thighs', 'after-1', 'u-after');
    expect(await say('ok', 'after-1', 'u-after')).toMatch(/^Thank you\. Please call 999 or go to A&E/);
    expect(await say('what now?', 'after-1', 'u-after')).toMatch(/safest answer is the one I gave: please call 999/);
    expect(await say("it's probably nothing, I can't afford to go", 'after-1', 'u-after')).toMatch(
      /can't tell you it's nothing/,
    );
    expect(await say('ok', 'after-1', 'u-after')).not.toMatch(/can't help/);
  });

  it('keeps the hold on self-care for the person: a new conversation, a restart and "start over" keep it', async () => {
    await say('my legs are getting weaker every day and my foot drags', 'hold-1', 'u-hold');
    expect(await say('what is the knee to chest stretch', 'hold-2', 'u-hold')).toMatch(/won't suggest stretches/);
    await app.close();
    app = createApp(config(), { logger: silentLogger });
    base = await start(app);
    expect(await say('start over', 'hold-3', 'u-hold')).toMatch(/Hi, I'm BackCare/);
    expect(await say('what is the knee to chest stretch', 'hold-3', 'u-hold')).toMatch(/won't suggest stretches/);
    expect(await say('what do you know about me', 'hold-3', 'u-hold')).toMatch(/hold back stretches/);
    expect(await say("I've been checked by a doctor", 'hold-3', 'u-hold')).toMatch(/glad you've been checked/);
    expect(await say('what is the knee to chest stretch', 'hold-4', 'u-hold')).toMatch(/knee/i);
  });

  it('lifts the hold after a short confirmation when it was a misunderstanding', async () => {
    await say('i fell off a ladder this morning and my back is agony', 'mis-1', 'u-mis');
    expect(await say('sorry, that was years ago, it all healed', 'mis-1', 'u-mis')).toMatch(/Just to be sure/);
    expect(await say("Yes, that's right", 'mis-1', 'u-mis')).toMatch(/it was a misunderstanding/);
    expect(await say('what is the knee to chest stretch', 'mis-1', 'u-mis')).not.toMatch(/won't suggest/);
  });

  it('answers, in English, a message in another language: it reads English only, and gives the emergency line', async () => {
    const reply = await say('Tengo mucho dolor de espalda desde hace tres días, ¿qué puedo hacer?', 'lang-1', 'u-lang');
    expect(reply).toMatch(/I can only read English[\s\S]*call 999/);
    expect(await say('Rückenschmerzen seit drei Tagen, was soll ich tun?', 'lang-1', 'u-lang')).toMatch(
      /only read English/,
    );
    expect(await say('namaste, my back hurts since 2 days, kindly advise', 'lang-1', 'u-lang')).not.toMatch(
      /only read English/,
    );
  });
});

describe('the server process at start-up', () => {
  it('warns when the emergency number and crisis line are left at their country-neutral defaults', async () => {
    const server = await startServerProcess({ EMERGENCY_NUMBER: '', CRISIS_LINE: '' });
    server.child.kill('SIGTERM');
    await server.exited;
    expect(server.output()).toMatch(/EMERGENCY_NUMBER or CRISIS_LINE is not set/);
  });
});
