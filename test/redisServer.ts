import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { silentLogger } from './helpers';
import { freePort } from './serverProcess';
import { connectRedis, type RedisClient } from '../src/shared/redis/redisConnection';

/**
 * A real Redis for the tests: REDIS_URL when set (CI starts one), otherwise a
 * `redis-server` of this machine started on a free loopback port (no disk
 * writes) and stopped after the file's tests. Each test file uses its own key
 * prefix, so files running at once on one Redis do not see each other's keys.
 */
const binary = process.env.REDIS_SERVER ?? 'redis-server';
export const redisAvailable =
  process.env.REDIS_URL !== undefined || spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * `describe` when Redis can run here. Without it the cases are skipped, loudly; in CI that is a failure (.ci/run
 * installs and starts redis-server).
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisAvailable) return describe(name, body);
  if (process.env.CI) throw new Error('Redis is required in CI (apt-get install redis-server) for the Redis tests');
  console.warn(`Skipping "${name}": no Redis (set REDIS_URL, or install redis-server)`);
  describe.skip(name, body);
}

export interface TestRedis {
  url: string;
  /** A prefix of its own for each caller. */
  prefix(): string;
  client(): Promise<RedisClient>;
  stop(): Promise<void>;
}

/** `own`: a server of its own even when REDIS_URL is set (a test that stops and restarts it). */
export async function startRedis({
  own = false,
  port: fixedPort,
}: { own?: boolean; port?: number } = {}): Promise<TestRedis> {
  const clients: RedisClient[] = [];
  let url = own ? undefined : process.env.REDIS_URL;
  let stopServer = async () => undefined;
  if (url === undefined) {
    const port = fixedPort ?? (await freePort());
    const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((ready, failed) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) ready();
      });
      child.on('exit', (code) => failed(new Error(`redis-server exited (${code}): ${output}`)));
    });
    url = `redis://127.0.0.1:${port}`;
    stopServer = async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    };
  }
  const at = url;
  return {
    url: at,
    prefix: () => `test:${randomUUID()}:`,
    client: async () => {
      const client = await connectRedis(at, silentLogger);
      clients.push(client);
      return client;
    },
    stop: async () => {
      await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
      await stopServer();
    },
  };
}
