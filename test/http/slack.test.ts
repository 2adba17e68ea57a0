import type { Server } from 'node:http';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { silentLogger, testConfig } from '../helpers';
import { activity, post, start, until } from './botClient';
import {
  directMessage,
  fakeSlackApi,
  postEvent,
  SLACK_ENV,
  sendTap,
  slackHeaders,
  tapBody,
  tapButton,
  type SlackPost,
} from './slackClient';

/** The Slack app this server serves itself: Slack-shaped requests, signed, and replies posted to Slack's Web API. */
describe('the Slack app, without Azure', () => {
  let app: App;
  let base: string;
  let slack: { server: Server; apiUrl: string; posts: SlackPost[] };

  beforeAll(async () => {
    // Slack answers each call in 100 ms: a turn is still running when the next message arrives.
    slack = await fakeSlackApi(100);
    app = createApp(testConfig(SLACK_ENV), { logger: silentLogger, slackApiUrl: slack.apiUrl });
    base = await start(app);
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => slack.server.close(resolve));
  });

  /** Posts the event, then waits for the bot's answer to reach Slack. */
  async function ask(text: string, channel: string): Promise<SlackPost[]> {
    const before = slack.posts.length;
    const response = await postEvent(base, directMessage(text, channel));
    expect(response.status).toBe(200);
    await until(() => slack.posts.length > before, `an answer to "${text}"`);
    return slack.posts.slice(before).filter((posted) => posted.channel === channel);
  }

  it("answers Slack's URL check with the challenge", async () => {
    const response = await postEvent(base, { type: 'url_verification', challenge: 'abc123', token: 'x' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'abc123' });
  });

  it('refuses a request without a good signature, or one older than five minutes, and runs nothing', async () => {
    const before = slack.posts.length;
    const body = JSON.stringify(directMessage('what is thai massage', 'D0FORGED'));
    const forged = await fetch(`${base}/api/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...slackHeaders(body, undefined, 'not-the-secret-at-all') },
      body,
    });
    expect(forged.status).toBe(401);
    // Signed correctly, but six minutes ago: a replay.
    const stale = await fetch(`${base}/api/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...slackHeaders(body, Math.floor(Date.now() / 1000) - 6 * 60) },
      body,
    });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(`${base}/api/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(unsigned.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.posts.slice(before)).toEqual([]);
  });

  it('answers a direct message in mrkdwn, with Block Kit buttons whose taps are read as the person typing them', async () => {
    const [answer] = await ask('what is thai massage', 'D0THAI');
    expect(answer.text).toMatch(/Thai/);
    expect(answer.text).not.toMatch(/\*\*/);
    const buttons = answer.blocks?.find((block) => block.type === 'actions')?.elements ?? [];
    expect(buttons.length).toBeGreaterThan(0);

    const before = slack.posts.length;
    expect((await tapButton(base, buttons[0].value, 'D0THAI')).status).toBe(200);
    await until(() => slack.posts.length > before, 'the answer to the tap');
    expect(slack.posts.at(-1)!.text).not.toBe(answer.text);
    expect(slack.posts.at(-1)!.text).not.toMatch(/can't help/i);
  });

  it('refuses the same signed button tap sent again (a replay within the five minutes)', async () => {
    const body = tapBody('What is Thai massage?', 'D0REPLAY');
    const headers = slackHeaders(body);
    expect((await sendTap(base, body, headers)).status).toBe(200);
    expect((await sendTap(base, body, headers)).status).toBe(401);
    await until(() => slack.posts.some((posted) => posted.channel === 'D0REPLAY'), 'the answer');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.posts.filter((posted) => posted.channel === 'D0REPLAY')).toHaveLength(1);
  });

  it('runs an event once when Slack sends it again (X-Slack-Retry-Num)', async () => {
    const event = directMessage('what is swedish massage', 'D0RETRY');
    expect((await postEvent(base, event)).status).toBe(200);
    await until(() => slack.posts.some((posted) => posted.channel === 'D0RETRY'), 'the first answer');
    // Sent again as it was, and sent again signed anew: both acknowledged (so Slack stops), neither run.
    const body = JSON.stringify(event);
    const same = { 'content-type': 'application/json', ...slackHeaders(body) };
    const retried = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    const retry = await fetch(`${base}/api/slack/events`, { method: 'POST', headers: { ...same, ...retried }, body });
    expect(retry.status).toBe(200);
    const resigned = slackHeaders(body, Math.floor(Date.now() / 1000) + 1);
    expect((await postEvent(base, event, { ...resigned, ...retried, 'x-slack-retry-num': '2' })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.posts.filter((posted) => posted.channel === 'D0RETRY')).toHaveLength(1);
  });

  it("ignores the app's own messages and edits", async () => {
    const own = directMessage('Hi, I am BackCare', 'D0OWN');
    const edited = directMessage('what is thai massage', 'D0OWN');
    await postEvent(base, { ...own, event: { ...own.event, bot_id: 'B0BACKCARE' } });
    await postEvent(base, { ...edited, event: { ...edited.event, subtype: 'message_changed' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.posts.filter((posted) => posted.channel === 'D0OWN')).toEqual([]);
  });

  it("gives urgent advice and keeps a person's turns in order when they type fast", async () => {
    const [advice] = await ask('since this morning i cant feel my bum or my inner thighs', 'D0URGENT');
    expect(advice.text).toMatch(/emergency/i);

    const channel = 'D0FAST';
    const before = slack.posts.length;
    // Slack has the second message acknowledged before the bot has answered the first.
    for (const text of ['what is thai massage', 'tell me more']) await postEvent(base, directMessage(text, channel));
    await until(
      () => slack.posts.slice(before).filter((posted) => posted.channel === channel).length >= 2,
      'two answers',
    );
    const [first, second] = slack.posts.slice(before).filter((posted) => posted.channel === channel);
    expect(first.text).toMatch(/Thai/);
    // "tell me more" read the state the first turn saved: the rest of the Thai massage topic.
    expect(second.text).toMatch(/Thai massage/);
    expect(second.text).not.toMatch(/More about what/);
  });

  it("welcomes a person the first time they open the app's messages", async () => {
    const opened = (id: string) => ({
      type: 'event_callback',
      event_id: id,
      team_id: 'T0CLINIC',
      event: { type: 'app_home_opened', user: 'U0NEW', channel: 'D0WELCOME', tab: 'messages' },
    });
    await postEvent(base, opened('EvOpen1'));
    await until(() => slack.posts.some((posted) => posted.channel === 'D0WELCOME'), 'the welcome');
    await postEvent(base, opened('EvOpen2'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const welcomes = slack.posts.filter((posted) => posted.channel === 'D0WELCOME');
    expect(welcomes).toHaveLength(1);
    expect(welcomes[0].text).toMatch(/^Hi, I'm BackCare/);
  });
});

describe("Azure Bot Service's Slack channel", () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    app = createApp(testConfig(), { logger: silentLogger });
    base = await start(app);
  });
  afterAll(() => app.close());

  const slackActivity = (extra: Partial<Activity>) =>
    activity('', 'B0AZURE:T0CLINIC:D0AZURE', { channelId: 'slack', ...extra });

  it('sends mrkdwn and Block Kit buttons in channelData, and reads a tapped button from the payload', async () => {
    const { json } = await post(base, slackActivity({ text: 'which massage is best for a stiff lower back' }));
    const [reply] = json.activities as Partial<Activity>[];
    expect(reply.text).not.toMatch(/\*\*/);
    const channelData = reply.channelData as {
      text: string;
      blocks: { type: string; elements?: { value: string }[] }[];
    };
    expect(channelData.text).toBe(reply.text);
    const buttons = channelData.blocks.find((block) => block.type === 'actions')!.elements!;
    expect(buttons.length).toBeGreaterThan(0);

    const tapped = await post(
      base,
      slackActivity({
        text: '',
        channelData: {
          Payload: { type: 'block_actions', actions: [{ action_id: 'backcare_reply_0', value: buttons[0].value }] },
        },
      }),
    );
    expect((tapped.json.activities as Partial<Activity>[])[0].text).not.toMatch(/can't help|not text/i);
  });
});
