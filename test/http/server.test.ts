import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { VERSION } from '../../src/version';
import { silentLogger, testConfig } from '../helpers';
import { activity, post, start } from './botClient';

describe('HTTP server', () => {
  let app: App;
  let base: string;

  beforeAll(async () => {
    app = createApp(testConfig(), { logger: silentLogger, storage: new MemoryStorage() });
    base = await start(app);
  });
  afterAll(() => app.close());

  it('answers GET /healthz with the version and the number of topics', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: VERSION, topics: app.index.topics.size });
  });

  it('returns the replies in the response body for deliveryMode expectReplies', async () => {
    const { status, json } = await post(base, activity('what is thai massage?'));
    expect(status).toBe(200);
    const replies = json.activities as Activity[];
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/Thai/);
    expect(replies[0].suggestedActions?.actions.length).toBeGreaterThan(0);
    expect(replies[0].conversation.id).toBe('conv-1');
  });

  it('answers a warning sign with urgent advice first, over HTTP', async () => {
    const { status, json } = await post(
      base,
      activity('my back hurts and since this morning i cant feel my bum', 'conv-urgent'),
    );
    expect(status).toBe(200);
    expect(json.activities[0].text).toMatch(/^Please call your local emergency number/);
  });

  it('keeps conversation state between requests', async () => {
    await post(base, activity('what is hot stone massage', 'conv-2'));
    const { json } = await post(base, activity('tell me more', 'conv-2'));
    expect(json.activities[0].text).toMatch(/38 to 60/);
  });

  it('welcomes a user on conversationUpdate', async () => {
    const { json } = await post(base, {
      ...activity('', 'conv-3'),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'user-1', name: 'User' }],
    });
    expect(json.activities[0].text).toMatch(/not a diagnosis/);
  });

  it('rejects a body that is not JSON and one that is not an activity, without crashing', async () => {
    expect((await post(base, '{not json')).status).toBe(400);
    expect((await post(base, { hello: 'world' })).status).toBe(400);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("answers malformed activities with 400 and leaves the conversation's state as it was", async () => {
    await post(base, activity('what is hot stone massage', 'conv-malformed'));
    const malformed: Partial<Activity>[] = [
      { ...activity('', 'conv-malformed'), text: 42 as unknown as string },
      { ...activity('hello', 'conv-malformed'), membersAdded: 'everyone' as unknown as [] },
      { ...activity('hello', 'conv-malformed'), channelId: undefined },
      { ...activity('', 'conv-malformed'), type: 'invoke', name: undefined, value: undefined },
    ];
    for (const body of malformed) expect((await post(base, body)).status).toBe(400);
    const { json } = await post(base, activity('tell me more', 'conv-malformed'));
    expect(json.activities[0].text).toMatch(/38 to 60/);
  });

  it('answers an invoke it does not handle without failing the turn', async () => {
    const { status } = await post(base, {
      ...activity('', 'conv-invoke'),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {},
    });
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
    const { json } = await post(base, activity('what is thai massage', 'conv-invoke'));
    expect(json.activities[0].text).toMatch(/Thai/);
  });

  it('rejects an oversized body', async () => {
    const { status } = await post(base, activity('x'.repeat(300 * 1024)));
    expect(status).toBe(413);
  });
});

describe('HTTP server with app credentials', () => {
  it('refuses an activity without a Bot Framework token', async () => {
    const app = createApp(testConfig({ MicrosoftAppId: 'backcare-test-app', MicrosoftAppPassword: 'not-used' }), {
      logger: silentLogger,
      storage: new MemoryStorage(),
    });
    try {
      const { status } = await post(await start(app), activity('hello'));
      expect(status).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('HTTP server on the SQLite store', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'backcare-http-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a conversation across a restart', async () => {
    const config = testConfig({ STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.sqlite') });
    const first = createApp(config, { logger: silentLogger });
    const firstBase = await start(first);
    await post(firstBase, activity('what is hot stone massage', 'conv-restart'));
    await first.close();

    const second = createApp(config, { logger: silentLogger });
    try {
      const { json } = await post(await start(second), activity('tell me more', 'conv-restart'));
      expect(json.activities[0].text).toMatch(/38 to 60/);
    } finally {
      await second.close();
    }
  });
});
