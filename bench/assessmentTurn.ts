/**
 * How long one assessment turn takes over real HTTP: the restify server,
 * the Bot Framework adapter, state load and save, the safety screen, the
 * dialog and the recognizers, as a user would feel it (localhost fetch with
 * deliveryMode expectReplies, the replies read from the response body).
 * Not a test: run `npm run bench`.
 * Target on a 2-core machine: a turn well under 50 ms median, and the first
 * duration turn of the run not ~350 ms slower than the rest (the date-time
 * recognizer's first-call cost must be paid by the warm-up in createApp).
 *
 * Each conversation (its own conversation and user id): "my back hurts",
 * "no" to the warning-sign checklist, a pain score, how long, the trend,
 * and hours of sitting; then it stops. The score and duration phrasings
 * rotate. Every reply is checked to be the next question, so the timings
 * are of the turns they claim to be; an apology from the bot aborts the run.
 * N conversations (BENCH_CONVERSATIONS, default 200) run one after another
 * for latency, then N more with 20 at a time for throughput.
 *
 * Each storage (memory, then SQLite on a temporary file) runs in a fresh
 * child process, so its start-up time, first turns and memory are its own.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../src/app';
import { loadConfig, STORAGE_KINDS } from '../src/config';
import { createLogger } from '../src/logger';

const CONCURRENCY = 20;
const SEVERITIES = ['about a 7', '6/10', '4 or 5', 'seven out of ten'];
const DURATIONS = ['3 weeks', 'since last month', 'a couple of months', 'since Christmas'];
/** The turn on which the bot apologised (onTurnError) or did not understand. */
const FAILED = /something went wrong|didn't catch|did not catch/i;

type Storage = (typeof STORAGE_KINDS)[number];
type TurnName = 'start' | 'warningSigns' | 'severity' | 'duration' | 'trend' | 'sittingHours';
interface Turn {
  name: TurnName;
  text: (n: number) => string;
  /** What the bot should ask next: the reply proves the answer was understood. */
  expect: RegExp;
}

const TURNS: Turn[] = [
  { name: 'start', text: () => 'my back hurts', expect: /quick safety check/i },
  { name: 'warningSigns', text: () => 'no', expect: /how bad is the pain/i },
  { name: 'severity', text: (n) => SEVERITIES[n % SEVERITIES.length], expect: /how long have you had/i },
  { name: 'duration', text: (n) => DURATIONS[n % DURATIONS.length], expect: /getting better|getting worse/i },
  { name: 'trend', text: () => 'about the same', expect: /hours do you spend sitting/i },
  { name: 'sittingHours', text: () => '8', expect: /./ },
];

function conversationCount(): number {
  const raw = process.env.BENCH_CONVERSATIONS;
  if (raw === undefined || raw.trim() === '') return 200;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`BENCH_CONVERSATIONS must be a whole number above 0 (got "${raw}")`);
  return n;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (value: number) => Number(value.toFixed(2));
const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

function stats(timings: number[]) {
  const sorted = [...timings].sort((a, b) => a - b);
  return {
    medianMs: ms(percentile(sorted, 50)),
    p95Ms: ms(percentile(sorted, 95)),
    p99Ms: ms(percentile(sorted, 99)),
    maxMs: ms(sorted[sorted.length - 1]),
  };
}

function memory() {
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: mb(rss), heapUsedMb: mb(heapUsed) };
}

/** One message; resolves with the round trip in ms after checking the bot answered as expected. */
async function say(url: string, conversation: string, turn: Turn, n: number): Promise<number> {
  const text = turn.text(n);
  const activity: Partial<Activity> = {
    type: 'message',
    id: `${conversation}-${turn.name}`,
    text,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1', // never called: the replies come back in the response body
    conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: `user-${conversation}`, name: 'User' },
    recipient: { id: 'bot', name: 'BackCare' },
    deliveryMode: 'expectReplies',
  };
  const start = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const body = (await response.json().catch(() => undefined)) as { activities?: Partial<Activity>[] } | undefined;
  const elapsed = performance.now() - start;

  const replies = body?.activities ?? [];
  const said = replies.map((reply) => reply.text ?? '').join('\n');
  const where = `${conversation}, ${turn.name} turn "${text}"`;
  if (response.status !== 200) throw new Error(`${where}: HTTP ${response.status}`);
  if (replies.length === 0 || replies.some((reply) => !reply.text && !reply.attachments?.length)) {
    throw new Error(`${where}: empty reply ${JSON.stringify(body)}`);
  }
  if (FAILED.test(said) || !turn.expect.test(said)) {
    throw new Error(`${where}: unexpected reply (wanted ${turn.expect}):\n${said}`);
  }
  return elapsed;
}

type Timings = Record<TurnName, number[]>;
const emptyTimings = (): Timings =>
  Object.fromEntries(TURNS.map((turn) => [turn.name, [] as number[]])) as unknown as Timings;

async function conversation(url: string, id: string, n: number, timings: Timings): Promise<void> {
  for (const turn of TURNS) timings[turn.name].push(await say(url, id, turn, n));
}

async function runOne(storage: Storage): Promise<void> {
  const conversations = conversationCount();
  const dir = storage === 'sqlite' ? mkdtempSync(join(tmpdir(), 'backcare-bench-')) : undefined;
  const config = loadConfig({
    STORAGE: storage,
    SQLITE_PATH: dir ? join(dir, 'state.sqlite') : undefined,
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
  });
  const afterImports = memory();

  const startedAt = performance.now();
  const app: App = createApp(config, { logger: createLogger(config.logLevel) });
  const startupMs = performance.now() - startedAt;
  try {
    const { port } = await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/api/messages`;
    const afterStart = memory();

    // One after another: what a single user waits for.
    const sequential = emptyTimings();
    for (let n = 0; n < conversations; n++) await conversation(url, `${storage}-seq-${n}`, n, sequential);
    const afterSequential = memory();

    // CONCURRENCY conversations at a time: how many turns a second the process serves.
    const concurrent = emptyTimings();
    let next = 0;
    const worker = async () => {
      for (let n = next++; n < conversations; n = next++) {
        await conversation(url, `${storage}-par-${n}`, n, concurrent);
      }
    };
    const parallelStart = performance.now();
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, conversations) }, worker));
    const parallelSeconds = (performance.now() - parallelStart) / 1000;
    const allConcurrent = Object.values(concurrent).flat();

    console.log(
      JSON.stringify({
        benchmark: 'assessment.turn',
        storage,
        conversations,
        turnsPerConversation: TURNS.length,
        startupMs: ms(startupMs),
        firstConversationMs: Object.fromEntries(TURNS.map((turn) => [turn.name, ms(sequential[turn.name][0])])),
        firstDurationTurnMs: ms(sequential.duration[0]),
        sequential: {
          severityTurn: stats(sequential.severity),
          durationTurn: stats(sequential.duration),
          allTurns: stats(Object.values(sequential).flat()),
        },
        concurrent: {
          concurrency: Math.min(CONCURRENCY, conversations),
          turns: allConcurrent.length,
          turnsPerSecond: Number((allConcurrent.length / parallelSeconds).toFixed(1)),
          allTurns: stats(allConcurrent),
        },
        memory: { afterImports, afterStart, afterSequential, afterConcurrent: memory() },
      }),
    );
  } finally {
    await app.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** The parent runs each storage in a child of its own, one after the other. */
async function runAll(): Promise<void> {
  for (const storage of ['memory', 'sqlite'] as const) {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = fork(__filename, [], { env: { ...process.env, BENCH_STORAGE: storage } });
      child.once('error', reject);
      child.once('exit', (exitCode) => resolve(exitCode));
    });
    if (code !== 0) throw new Error(`the ${storage} run failed (exit code ${code})`);
  }
}

const only = process.env.BENCH_STORAGE;
const run =
  only === undefined
    ? runAll()
    : STORAGE_KINDS.includes(only as Storage)
      ? runOne(only as Storage)
      : Promise.reject(new Error(`BENCH_STORAGE must be one of ${STORAGE_KINDS.join(', ')} (got "${only}")`));
run.catch((error: unknown) => {
  console.error('assessment bench failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
