import { spawnSync } from 'node:child_process';
import { createApp } from '../../src/app';
import { openSharedServices } from '../../src/shared/sharedServices';
import { silentLogger, testConfig } from '../helpers';
import { startRedis } from '../redisServer';
import { freePort } from '../serverProcess';
import { activity, post, start, until } from './botClient';

/** Stopping Redis under a running bot needs a server of the test's own: this machine's redis-server. */
const haveBinary = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

(haveBinary ? describe : describe.skip)('when Redis goes away and comes back', () => {
  it('says so in /healthz and in the turn, then carries on where it was', async () => {
    const port = await freePort();
    let redis = await startRedis({ own: true, port });
    const config = testConfig({ STORAGE: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: 'trouble:' });
    const shared = await openSharedServices(config, silentLogger);
    const app = createApp(config, { logger: silentLogger, shared });
    const base = await start(app);
    const health = async () => (await fetch(`${base}/healthz`)).status;
    try {
      expect(await health()).toBe(200);
      expect((await post(base, activity('what is hot stone massage', 'trouble'))).json.activities[0].text).toMatch(
        /stones/,
      );

      await redis.stop();
      await until(async () => (await health()) === 503, '/healthz saying degraded');
      const during = await post(base, activity('tell me more', 'trouble'));
      expect(during.status).toBe(200);
      expect(during.json.activities.map((reply: { text: string }) => reply.text).join(' ')).toMatch(
        /couldn't|could not|sorry/i,
      );

      redis = await startRedis({ own: true, port });
      await until(async () => (await health()) === 200, '/healthz ok again', 10_000);
      const after = await post(base, activity('tell me more', 'trouble'));
      expect(after.json.activities[0].text).not.toMatch(/couldn't|could not/i);
    } finally {
      await app.close();
      await shared.close();
      await redis.stop();
    }
  });
});
