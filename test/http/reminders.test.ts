import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { silentLogger, testConfig } from '../helpers';
import { activity, post, start, until } from './botClient';

/** A web chat visitor through the self-hosted Direct Line, on a clock the test moves. */
describe('stretch-break reminders', () => {
  let app: App;
  let base: string;
  // Monday 1 June 2026, 10:20 in London.
  let now = Date.UTC(2026, 5, 1, 9, 20);

  beforeAll(async () => {
    app = createApp(testConfig(), { logger: silentLogger, now: () => now });
    base = await start(app);
  });
  afterAll(() => app.close());

  async function visitor() {
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.json();
    };
    const session = await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' })).json();
    await call('POST', '/v3/directline/conversations', session.token);
    const path = `/v3/directline/conversations/${session.conversationId}/activities`;
    const seen: Partial<Activity>[] = [];
    let watermark = '';
    const poll = async () => {
      const got = await call('GET', `${path}?watermark=${watermark}`, session.token);
      watermark = got.watermark;
      seen.push(...got.activities.filter((a: Partial<Activity>) => a.type === 'message' && a.from?.role === 'bot'));
    };
    return {
      seen,
      poll,
      /** Sends a message and resolves with the bot's answer to it. */
      say: async (text: string, extra: Partial<Activity> = {}) => {
        const before = seen.length;
        await call('POST', path, session.token, { type: 'message', text, ...extra });
        await until(async () => (await poll(), seen.length > before), `an answer to "${text}"`);
        return seen
          .slice(before)
          .map((reply) => reply.text ?? '')
          .join('\n');
      },
    };
  }

  it('sets reminders in the channel’s time zone, sends each once on time, lists them, and stops them', async () => {
    const chat = await visitor();
    const set = await chat.say('remind me to stretch every hour between 9 and 5 on weekdays', {
      localTimezone: 'Europe/London',
    });
    expect(set).toMatch(
      /every hour from 09:00 to 17:00, Monday to Friday \(Europe\/London time\), starting Monday 11:00/,
    );

    // 11:00 in London comes.
    const before = chat.seen.length;
    now = Date.UTC(2026, 5, 1, 10, 0, 1);
    await until(async () => (await chat.poll(), chat.seen.length > before), 'the reminder', 3000);
    const reminder = chat.seen.at(-1)!;
    expect(reminder.text).toMatch(/Time for a stretch break/);
    expect(reminder.suggestedActions?.actions.map((action) => action.title)).toEqual([
      'Walk me through the two-minute desk break',
      'Stop reminders',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await chat.poll();
    expect(chat.seen.filter((reply) => /Time for a stretch break/.test(reply.text ?? ''))).toHaveLength(1);

    expect(await chat.say('what do you know about me')).toMatch(
      /Stretch reminders:\*\* every hour from 09:00 to 17:00, Monday to Friday \(Europe\/London time\)/,
    );
    expect(await chat.say('Walk me through the two-minute desk break')).toMatch(/Two-minute desk break/);
    await chat.say('stop');
    expect(await chat.say('stop reminders')).toMatch(/no more stretch reminders/);
    now = Date.UTC(2026, 5, 1, 11, 0, 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await chat.poll();
    expect(chat.seen.filter((reply) => /Time for a stretch break/.test(reply.text ?? ''))).toHaveLength(1);
  });

  it('asks the time zone once when the channel does not say it, and "forget me" ends the reminders', async () => {
    now = Date.UTC(2026, 5, 2, 12, 0);
    const chat = await visitor();
    expect(await chat.say('can you remind me to take a stretch break every 2 hours')).toMatch(/Which time zone/);
    expect(await chat.say('America/New_York')).toMatch(/every 2 hours from 09:00 to 17:00.*starting Tuesday 09:00/);
    expect(await chat.say('forget me')).toMatch(/delete/i);
    await chat.say('Yes, delete everything');
    const before = chat.seen.length;
    now = Date.UTC(2026, 5, 2, 13, 0, 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await chat.poll();
    expect(chat.seen.slice(before).filter((reply) => /Time for a stretch break/.test(reply.text ?? ''))).toEqual([]);
  });

  it('says it cannot remind where no message can follow later', async () => {
    const { json } = await post(base, activity('remind me to stretch every hour', 'no-later'));
    expect(json.activities[0].text).toMatch(/can't send reminders here/);
  });
});
