/**
 * Soak: two replicas on one Redis, mixed web chat conversations at a steady rate for SOAK_MINUTES (10), as Web
 * Chat talks to them (the self-hosted Direct Line: a token, then messages posted and replies polled), each request
 * going to the other replica than the one before. Not a test: `npm run build && node dist/bench/soak.js`.
 * Reports per minute: turns, errors (must be 0), reply latency p50/p99 (message posted to reply seen: polled 20 ms
 * after the post, then every 50 ms), each replica's RSS, and Redis memory per conversation started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createClient } from 'redis';
import { PROJECT_ROOT } from '../src/paths';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
/** New conversations a second; each runs one of the scripts below, a turn after the other. */
const CONVERSATIONS_PER_SECOND = Number(process.env.SOAK_RATE ?? 2);
const REPLY_TIMEOUT_MS = 10_000;
/** People read the answer before they write again; it also keeps each visitor inside Direct Line's request budget. */
const THINK_MS = 2_000;

/** What people do: ask, get a plan, walk through a stretch, report a warning sign. */
const SCRIPTS: string[][] = [
  ['which massage is best for a stiff lower back', 'tell me more', 'is heat or ice better'],
  [
    'Get a personal plan',
    'No, none of these',
    'about a 5',
    'About 2 weeks',
    'About the same',
    '9 to 5',
    'Sometimes',
    "No, it's fine",
    'Some',
    'Neither',
    'No',
    'Yes, show my plan',
  ],
  ['walk me through the knee to chest stretch', 'start', 'next', 'next', 'stop'],
  ['my back hurts and i cant feel my bum since this morning', 'ok', 'what now?'],
];

interface Minute {
  turns: number;
  errors: number;
  latencies: number[];
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not ready in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startRedis(): Promise<{ url: string; child?: ChildProcess }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL };
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  return { url: `redis://127.0.0.1:${port}`, child };
}

async function startReplica(redisUrl: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', join(PROJECT_ROOT, 'bin', 'server.js')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      STORAGE: 'redis',
      REDIS_URL: redisUrl,
      REDIS_PREFIX: 'soak:',
      // Each simulated visitor has an address of its own, as behind a load balancer.
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/healthz`)).ok, `replica on ${port}`);
  return { base, child };
}

function rssMegabytes(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const redis = await startRedis();
  const client = createClient({ url: redis.url });
  await waitFor(async () => (await client.connect(), true), 'redis');
  const memory = async () => Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1] ?? 0);
  const baseline = await memory();
  const replicas = [await startReplica(redis.url), await startReplica(redis.url)];
  let turnOfReplica = 0;
  const nextBase = () => replicas[turnOfReplica++ % replicas.length].base;

  let minute: Minute = { turns: 0, errors: 0, latencies: [] };
  let conversations = 0;
  let visitors = 0;
  const running = new Set<Promise<void>>();

  const request = async (path: string, token: string | undefined, body: unknown, method = 'POST', from = '') => {
    const response = await fetch(`${nextBase()}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': from,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (await response.json()) as any;
  };

  const converse = async (script: string[]) => {
    const from = `10.${(visitors >> 16) & 255}.${(visitors >> 8) & 255}.${visitors++ & 255}`;
    const session = await request('/v3/directline/tokens/generate', undefined, {}, 'POST', from);
    await request('/v3/directline/conversations', session.token, {}, 'POST', from);
    const path = `/v3/directline/conversations/${session.conversationId}/activities`;
    let watermark = '';
    const botReplies = async () => {
      const got = await request(`${path}?watermark=${watermark}`, session.token, undefined, 'GET', from);
      watermark = got.watermark;
      return (got.activities as { type: string; from?: { role?: string } }[]).filter(
        (activity) => activity.type === 'message' && activity.from?.role === 'bot',
      ).length;
    };
    await botReplies();
    for (const text of script) {
      await new Promise((resolve) => setTimeout(resolve, THINK_MS));
      // The rest of the last answer (some come in two messages) is not the reply to this one.
      await botReplies().catch(() => 0);
      const started = performance.now();
      try {
        await request(path, session.token, { type: 'message', text }, 'POST', from);
        await new Promise((resolve) => setTimeout(resolve, 20));
        while ((await botReplies()) === 0) {
          if (performance.now() - started > REPLY_TIMEOUT_MS) throw new Error(`no reply to "${text}"`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        minute.latencies.push(performance.now() - started);
        minute.turns += 1;
      } catch (error) {
        minute.errors += 1;
        console.error(`error: ${(error as Error).message}`);
        return;
      }
    }
  };

  console.log(`soak: ${MINUTES} min, ${CONVERSATIONS_PER_SECOND} new conversations/s, 2 replicas on ${redis.url}`);
  console.log('minute  turns  errors  p50 ms  p99 ms  rss A MB  rss B MB  redis KB/conversation');
  const startedAt = Date.now();
  const launcher = setInterval(() => {
    conversations += 1;
    const conversation = converse(SCRIPTS[conversations % SCRIPTS.length]).finally(() => running.delete(conversation));
    running.add(conversation);
  }, 1000 / CONVERSATIONS_PER_SECOND);
  let totalErrors = 0;
  for (let m = 1; m <= MINUTES; m++) {
    await new Promise((resolve) => setTimeout(resolve, startedAt + m * 60_000 - Date.now()));
    const done = minute;
    minute = { turns: 0, errors: 0, latencies: [] };
    totalErrors += done.errors;
    const sorted = done.latencies.sort((a, b) => a - b);
    const perConversation = ((await memory()) - baseline) / 1024 / Math.max(1, conversations);
    console.log(
      [
        String(m).padStart(6),
        String(done.turns).padStart(6),
        String(done.errors).padStart(7),
        percentile(sorted, 50).toFixed(0).padStart(7),
        percentile(sorted, 99).toFixed(0).padStart(7),
        String(rssMegabytes(replicas[0].child.pid)).padStart(9),
        String(rssMegabytes(replicas[1].child.pid)).padStart(9),
        perConversation.toFixed(1).padStart(22),
      ].join(' '),
    );
  }
  clearInterval(launcher);
  await Promise.allSettled([...running]);
  console.log(`conversations: ${conversations}, errors: ${totalErrors}`);
  for (const replica of replicas) replica.child.kill('SIGTERM');
  await client.close();
  redis.child?.kill('SIGTERM');
  process.exitCode = totalErrors === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
