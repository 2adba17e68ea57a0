import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { createBot } from '../../src/createBot';
import { recordingLogger, says, silentLogger, testConfig } from '../helpers';
import { activity, post, start } from './botClient';

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '').join('\n');

describe('"forget me" through the real server', () => {
  let app: App;
  let base: string;
  const storage = new MemoryStorage();

  beforeAll(async () => {
    app = createApp(testConfig({ DIRECTLINE_SECRET: 'a-test-secret-that-is-long-enough-for-hs256' }), {
      logger: silentLogger,
      storage,
    });
    base = await start(app);
  });
  afterAll(() => app.close());

  const say = async (text: string, conversationId: string, userId = 'user-forget') =>
    texts((await post(base, activity(text, conversationId, { from: { id: userId, name: 'User' } }))).json.activities);

  it("deletes every conversation of the person, not only the current one, and nobody else's", async () => {
    // A warning sign in one conversation, an unfinished assessment in another, someone else's chat beside them.
    expect(await say('since this morning i cant feel my bum and my inner thighs', 'forget-a')).toMatch(/emergency/i);
    await say('Get a personal plan', 'forget-b');
    await say('No, none of these', 'forget-b');
    expect(await say('7', 'forget-b')).toMatch(/How long/);
    await say('what is hot stone massage', 'other-person', 'someone-else');
    const keys = [
      'emulator/conversations/forget-a/',
      'emulator/conversations/forget-b/',
      'emulator/users/user-forget/',
    ];
    expect(Object.keys(await storage.read(keys))).toHaveLength(3);

    expect(await say('forget me', 'forget-c')).toMatch(/every conversation/);
    expect(await say('yes', 'forget-c')).toMatch(/deleted everything/);

    expect(await storage.read([...keys, 'emulator/conversations/forget-c/'])).toEqual({});
    expect(await say('what do you know about me', 'forget-a')).toMatch(/don't have anything stored/);
    // The other person's conversation is untouched.
    expect(await say('tell me more', 'other-person', 'someone-else')).toMatch(/38 to 60/);
  });

  it('deletes the Direct Line history too: a later poll from the start shows nothing that was typed', async () => {
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return response.json();
    };
    const { token, conversationId } = await call('POST', '/v3/directline/tokens/generate');
    await call('POST', '/v3/directline/conversations', token);
    const activities = `/v3/directline/conversations/${conversationId}/activities`;
    const history = async () =>
      (await call('GET', `${activities}?watermark=0`, token)).activities as Partial<Activity>[];
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; i < 50 && !(await history()).some((a) => pattern.test(a.text ?? '')); i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
    };
    await call('POST', activities, token, { type: 'message', text: 'my mattress is 15 years old and sags' });
    await waitFor(/mattress/i);
    await call('POST', activities, token, { type: 'message', text: 'forget me' });
    await waitFor(/cannot be undone/);
    await call('POST', activities, token, { type: 'message', text: 'yes' });
    await waitFor(/deleted everything/);

    const left = (await history()).map((a) => a.text ?? '');
    expect(left.join('\n')).toMatch(/deleted everything/);
    expect(left.join('\n')).not.toMatch(/mattress|forget me|cannot be undone/i);
  });
});

describe('a turn that fails', () => {
  function failingBot(lines: string[]) {
    const logger = recordingLogger(lines);
    const parts = createBot(testConfig(), logger, { storage: new MemoryStorage() });
    const adapter = new TestAdapter((context) => parts.bot.run(context));
    adapter.onTurnError = parts.onTurnError;
    return { adapter, parts };
  }

  it('apologises, restarts the dialog, and keeps the warning sign and the rest of the state', async () => {
    const lines: string[] = [];
    const { adapter, parts } = failingBot(lines);
    await adapter.send('since this morning i cant feel my bum').assertReply(says(/emergency/i));
    await adapter.send('what is hot stone massage').assertReply(says(/stones/));
    const match = parts.index.match.bind(parts.index);
    parts.index.match = () => {
      throw new Error('matching broke');
    };
    await adapter.send('what is thai massage').assertReply(says(/something went wrong on my side/));
    parts.index.match = match;
    await adapter.send('what do you know about me').assertReply(says(/warning sign/));
    await adapter.send('tell me more').assertReply(says(/38 to 60/));
  });

  it('logs the failure without the answers the dialog stack holds', async () => {
    const lines: string[] = [];
    const { adapter, parts } = failingBot(lines);
    await adapter
      .send('Get a personal plan')
      .assertReply(says(/plan for you/))
      .assertReply(says(/safety check/));
    await adapter.send('No, none of these').assertReply(says(/How bad/));
    await adapter.send('7 out of 10').assertReply(says(/How long/));
    await adapter.send('about 3 weeks').assertReply(says(/better, getting worse/));
    parts.index.match = () => {
      throw new Error('matching broke');
    };
    await adapter.send('what is thai massage?').assertReply(says(/something went wrong on my side/));
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'turn failed');
    expect(failure.err).toEqual({ type: 'DialogContextError', message: 'matching broke', stack: expect.any(String) });
    expect(lines.join('\n')).not.toMatch(/"dialogContext"|"stack":\[|"severity"|"duration"|thai massage|3 weeks/);
  });
});
