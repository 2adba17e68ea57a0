import { rmSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { createApp } from '../../src/app';
import { knowledgeWithShortHold, silentLogger, testConfig } from '../helpers';
import { activity, fakeChannel, post, start, until } from './botClient';
import { directMessage, fakeSlackApi, postEvent, SLACK_ENV } from './slackClient';

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '').join('\n');

describe('routine walkthrough over HTTP', () => {
  it('goes from the plan into a routine and on to its end', async () => {
    const app = createApp(testConfig(), { logger: silentLogger });
    const base = await start(app);
    const say = async (text: string) => texts((await post(base, activity(text, 'plan-to-routine'))).json.activities);
    try {
      expect(await say('Get a personal plan')).toMatch(/safety check/);
      await say('No, none of these');
      expect(await say('5')).toMatch(/How long/);
      for (let i = 0; i < 8; i++) await say('skip');
      const plan = (await post(base, activity('Yes, show my plan', 'plan-to-routine'))).json.activities[0];
      const actions = (plan.attachments[0].content as { actions: { title: string }[] }).actions.map((a) => a.title);
      expect(actions[0]).toBe('Walk me through the knee-to-chest stretch');

      expect(await say(actions[0])).toMatch(/Knee-to-chest stretch\*\*: 5 steps/);
      expect(await say('Start')).toMatch(/Step 1 of 5/);
      // expectReplies returns one response per request: no message can follow later, so the user says when.
      expect(await say('Next')).toMatch(/Step 2 of 5[\s\S]*Tell me when you're done/);
      // "ok done" and "right, finished" move on as "Next" does.
      expect(await say('ok done')).toMatch(/Step 3 of 5/);
      expect(await say('right, finished')).toMatch(/Step 4 of 5/);
      expect(await say('Next')).toMatch(/Step 5 of 5/);
      expect(await say('Next')).toMatch(/How does your back feel now/);
      expect(await say('3')).toMatch(/That's down from 5 to 3\. Repeat it once or twice a day/);
    } finally {
      await app.close();
    }
  });
});

describe('holds counted with a message after the turn', () => {
  let dir: string;
  beforeAll(() => {
    // The real knowledge base with the first hold of the knee-to-chest stretch cut to one second.
    dir = knowledgeWithShortHold(1);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers at once, then says when the hold is over; a new message cancels the count', async () => {
    const channel = await fakeChannel();
    const app = createApp(testConfig({ KNOWLEDGE_DIR: dir }), { logger: silentLogger });
    const base = await start(app);
    // An ordinary channel turn: replies go to the channel service, not into the HTTP response.
    const send = (text: string) =>
      post(base, activity(text, 'holds', { serviceUrl: channel.url, deliveryMode: undefined }));
    const holdOver = () => channel.received.filter((reply) => /That's 1 second: well done/.test(reply.text ?? ''));
    try {
      await send('walk me through the knee to chest stretch');
      await send('start');
      const { status } = await send('next');
      expect(status).toBe(200);
      const shown = channel.received.at(-1)!;
      expect(shown.text).toMatch(/Step 2 of 5[\s\S]*I'll tell you when 1 second is up\./);
      // The request has already been answered and the count is still running.
      expect(holdOver()).toHaveLength(0);
      await until(() => holdOver().length === 1, 'the end of the hold');
      expect(holdOver()[0].text).toMatch(/Repeat it until you've done it 3 times, then say \*\*next\*\*/);

      // Shown again, then the user moves on before the second is up: that count never reports.
      await send('repeat');
      await send('next');
      expect(channel.received.at(-1)!.text).toMatch(/Step 3 of 5/);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(holdOver()).toHaveLength(1);
    } finally {
      await app.close();
      channel.server.close();
    }
  });

  it('counts a hold in the web chat too, through the self-hosted Direct Line', async () => {
    const app = createApp(testConfig({ KNOWLEDGE_DIR: dir }), { logger: silentLogger });
    const base = await start(app);
    const { conversationId, token } = await (
      await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' })
    ).json();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const conversation = `${base}/v3/directline/conversations/${conversationId}`;
    const texts = async () =>
      ((await (await fetch(`${conversation}/activities`, { headers })).json()).activities as Partial<Activity>[]).map(
        (activity) => activity.text ?? '',
      );
    try {
      await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers });
      for (const text of ['walk me through the knee to chest stretch', 'start', 'next'])
        await fetch(`${conversation}/activities`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ type: 'message', text }),
        });
      await until(async () => (await texts()).some((text) => /Step 2 of 5/.test(text)), 'step 2');
      await until(
        async () => (await texts()).some((text) => /That's 1 second: well done/.test(text)),
        'the end of the hold',
      );
    } finally {
      await app.close();
    }
  });

  it('counts a hold in Slack too, through the Slack app this server serves', async () => {
    const slack = await fakeSlackApi();
    const app = createApp(testConfig({ KNOWLEDGE_DIR: dir, ...SLACK_ENV }), {
      logger: silentLogger,
      slackApiUrl: slack.apiUrl,
    });
    const base = await start(app);
    const said = () => slack.posts.map((posted) => posted.text);
    try {
      for (const text of ['walk me through the knee to chest stretch', 'start', 'next']) {
        const before = slack.posts.length;
        await postEvent(base, directMessage(text, 'D0HOLD'));
        await until(() => slack.posts.length > before, `an answer to "${text}"`);
      }
      expect(said().at(-1)).toMatch(/Step 2 of 5/);
      await until(() => said().some((text) => /That's 1 second: well done/.test(text)), 'the end of the hold');
    } finally {
      await app.close();
      slack.server.close();
    }
  });
});
