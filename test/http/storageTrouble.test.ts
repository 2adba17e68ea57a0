import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { SqliteStorage } from '../../src/state/sqliteStorage';
import { silentLogger, testConfig } from '../helpers';
import { activity, post, start } from './botClient';

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '').join('\n');

/** A full disk, as SQLite reports it (SQLITE_FULL), through the real server: here the file reaches SQLITE_MAX_MB. */
describe('the SQLite store when it is full', () => {
  let dir: string;
  let app: App;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backcare-full-'));
    const path = join(dir, 'state.sqlite');
    app = createApp(testConfig({ STORAGE: 'sqlite', SQLITE_PATH: path, SQLITE_MAX_MB: '0.5' }), {
      logger: silentLogger,
    });
    base = await start(app);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the user calmly, loses nothing already saved, reports it on /healthz, and recovers', async () => {
    expect(texts((await post(base, activity('what is hot stone massage', 'saved-before'))).json.activities)).toMatch(
      /stones/,
    );
    // Someone else's data fills the file almost to its limit.
    const other = new SqliteStorage(join(dir, 'state.sqlite'));
    await other.write({ filler: { blob: 'x'.repeat(470 * 1024) } });

    let reply = '';
    for (let i = 0; i < 100 && !/couldn't save/.test(reply); i++)
      reply = texts((await post(base, activity('what is thai massage', `new-${i}`))).json.activities);
    expect(reply).toMatch(/couldn't save that just now.*What you told me before is safe/s);

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', storage: 'the disk is full' });

    // What was saved before is still there.
    expect(texts((await post(base, activity('tell me more', 'saved-before'))).json.activities)).toMatch(/38 to 60/);

    await other.delete(['filler']);
    other.close();
    expect(texts((await post(base, activity('what is swedish massage', 'after-space'))).json.activities)).toMatch(
      /Swedish/,
    );
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
