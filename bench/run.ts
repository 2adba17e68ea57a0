/**
 * `npm run bench`: the speed of the whole server beside two reference bots on the same installed packages, in one
 * run, interleaved in rounds so that all three see the same machine. Not a test.
 *
 * - Throughput and latency (bench/loadClient.ts): 50 connections and 1 connection, for a knowledge question, the
 *   first message of a conversation and an answer in the middle of the assessment (the pain score), against
 *   BackCare on a SQLite file, a typical dialog bot (bench/anchors/dialogBot.ts) and the EchoBot
 *   (bench/anchors/echoBot.ts). The server's CPU per turn is read from /proc.
 * - Cold start: spawn to the first good answer to a knowledge question, 5 runs each; for BackCare also its first
 *   turns of each kind against the hundredth.
 * - Per message: triage, matching (bench/triage.ts, bench/match.ts) and the event-loop cost of pathological
 *   messages (bench/messageCost.ts), each in a process of its own.
 *
 * Prints one table with the ratios to the references and the targets, and writes every figure to
 * bench/results/latest.json. BENCH_ROUNDS (default 3) and BENCH_SECONDS (per measurement, default 4) shorten or
 * lengthen it; every loop is bounded and on loopback.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths';
import { post, round, runLoad, type LoadResult, type Message } from './loadClient';

const ROUNDS = positive('BENCH_ROUNDS', 3);
const SECONDS = positive('BENCH_SECONDS', 4);
const STARTS = 5;
const CONNECTIONS = [50, 1] as const;
const QUESTION = 'which massage is best for a stiff lower back';
const GIVE_UP_MS = 30_000;

type SubjectName = 'backcare' | 'dialogBot' | 'echoBot';
type Kind = 'knowledge' | 'first' | 'answer';
const KINDS: Kind[] = ['knowledge', 'first', 'answer'];

interface Subject {
  name: SubjectName;
  script: string;
  /** What each kind of turn must be answered with. */
  expect: Record<Kind, RegExp>;
  /** The messages that bring a new conversation to where an answer is asked for. */
  toAnswer: string[];
  answer: string;
}

const ANY = /./;
const SUBJECTS: Subject[] = [
  {
    name: 'backcare',
    script: join(PROJECT_ROOT, 'bin', 'server.js'),
    expect: { knowledge: /massage/i, first: /back/i, answer: /how long have you had/i },
    toAnswer: ['Get a personal plan', 'No, none of these'],
    answer: '7/10',
  },
  {
    name: 'dialogBot',
    script: join(PROJECT_ROOT, 'dist', 'bench', 'anchors', 'dialogBot.js'),
    expect: { knowledge: ANY, first: /call you/, answer: /talk about/ },
    toAnswer: ['hi'],
    answer: '7/10',
  },
  {
    name: 'echoBot',
    script: join(PROJECT_ROOT, 'dist', 'bench', 'anchors', 'echoBot.js'),
    expect: { knowledge: /Echo/, first: /Echo/, answer: /Echo/ },
    toAnswer: ['hi'],
    answer: '7/10',
  },
];

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a number above 0 (got "${raw}")`);
  return value;
}

interface Running {
  subject: Subject;
  child: ChildProcess;
  port: number;
}

let nextPort = 42_000 + Math.floor(Math.random() * 1000);
const stateDir = mkdtempSync(join(tmpdir(), 'backcare-bench-'));
const sqlitePath = join(stateDir, 'state.sqlite');

function start(subject: Subject, env: Record<string, string> = {}): Running {
  const port = nextPort++;
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', subject.script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { subject, child, port };
}

async function stop({ child }: Running): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

/** Asks the knowledge question every 5 ms until it is answered well; ms from `since`, and the answering turn's own. */
async function firstAnswer(running: Running, since: number): Promise<{ startupMs: number; turnMs: number }> {
  const agent = new Agent({ keepAlive: false });
  const question = { conversation: `cold-${running.port}`, text: QUESTION, expect: running.subject.expect.knowledge };
  try {
    for (;;) {
      if (performance.now() - since > GIVE_UP_MS) throw new Error(`${running.subject.name}: no answer in 30 s`);
      if (running.child.exitCode !== null) throw new Error(`${running.subject.name}: exited before answering`);
      const sent = performance.now();
      const answered = await post(agent, running.port, question).then(
        () => true,
        (error: Error) => {
          // Not listening yet is expected; a wrong answer is not.
          if (!/ECONNREFUSED|ECONNRESET/.test(`${error.message} ${(error as { code?: string }).code}`)) throw error;
          return false;
        },
      );
      if (answered) return { startupMs: performance.now() - since, turnMs: performance.now() - sent };
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    agent.destroy();
  }
}

/** Milliseconds of one message, checked. */
async function timed(agent: Agent, port: number, message: Message): Promise<number> {
  const sent = performance.now();
  await post(agent, port, message);
  return performance.now() - sent;
}

interface FirstTurns {
  startupMs: number;
  /** The first turn of each kind in a fresh process, and the hundredth. */
  first: Record<FirstTurnKind, number>;
  hundredth: Record<FirstTurnKind, number>;
}

/** A duration as a count and a unit ("3 weeks", read at once) and as a date (read by the date-time recognizer). */
const FIRST_TURN_KINDS = ['knowledge', 'severity', 'duration', 'durationAsDate'] as const;
type FirstTurnKind = (typeof FIRST_TURN_KINDS)[number];

/** BackCare's first turns of each kind in a fresh process against its hundredth of the same kind. */
async function firstAndHundredth(running: Running, since: number): Promise<FirstTurns> {
  const { startupMs, turnMs } = await firstAnswer(running, since);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const timings: Record<FirstTurnKind, number[]> = {
    knowledge: [turnMs],
    severity: [],
    duration: [],
    durationAsDate: [],
  };
  for (let n = 0; n < 100; n++) {
    const conversation = `turns-${running.port}-${n}`;
    for (const text of running.subject.toAnswer) await post(agent, running.port, { conversation, text, expect: ANY });
    timings.severity.push(await timed(agent, running.port, { conversation, text: '7/10', expect: /how long/i }));
    timings.duration.push(await timed(agent, running.port, { conversation, text: '3 weeks', expect: /better|worse/i }));
    const dated = `${conversation}-dated`;
    for (const text of [...running.subject.toAnswer, '7/10'])
      await post(agent, running.port, { conversation: dated, text, expect: ANY });
    timings.durationAsDate.push(
      await timed(agent, running.port, { conversation: dated, text: 'since last Monday', expect: /better|worse/i }),
    );
    if (n > 0)
      timings.knowledge.push(
        await timed(agent, running.port, { conversation: `${conversation}-q`, text: QUESTION, expect: /massage/i }),
      );
  }
  agent.destroy();
  const pick = (i: number) =>
    Object.fromEntries(FIRST_TURN_KINDS.map((kind) => [kind, round(timings[kind][i], 1)])) as Record<
      FirstTurnKind,
      number
    >;
  return { startupMs: round(startupMs, 0), first: pick(0), hundredth: pick(99) };
}

async function coldStarts(): Promise<{ startupMs: Record<SubjectName, number[]>; firstTurns: FirstTurns[] }> {
  const startupMs = { backcare: [], dialogBot: [], echoBot: [] } as Record<SubjectName, number[]>;
  const firstTurns: FirstTurns[] = [];
  for (let run = 0; run < STARTS; run++) {
    for (const subject of SUBJECTS) {
      const since = performance.now();
      const running = start(subject, { STORAGE: 'memory' });
      try {
        if (subject.name === 'backcare') {
          const turns = await firstAndHundredth(running, since);
          firstTurns.push(turns);
          startupMs.backcare.push(turns.startupMs);
        } else startupMs[subject.name].push(round((await firstAnswer(running, since)).startupMs, 0));
      } finally {
        await stop(running);
      }
    }
    progress(`cold start ${run + 1}/${STARTS}`);
  }
  return { startupMs, firstTurns };
}

/** Each kind of turn as a stream of messages for one measurement; `prepare` is sent first, unmeasured. */
function workload(subject: Subject, kind: Kind, connections: number, size: number, tag: string) {
  const expect = subject.expect[kind];
  if (kind === 'first')
    return { prepare: [], message: (n: number) => ({ conversation: `${tag}-new-${n}`, text: 'hi', expect }) };
  if (kind === 'knowledge') {
    // One conversation per connection, asked again and again.
    const conversation = (connection: number) => `${tag}-q-${connection}`;
    const prepare = Array.from({ length: connections }, (_, c) => ({ conversation: conversation(c), text: 'hi' }));
    return { prepare, message: (_n: number, c: number) => ({ conversation: conversation(c), text: QUESTION, expect }) };
  }
  // Answers: conversations brought to the question beforehand, each answered once; the pool bounds the measurement.
  const conversation = (n: number) => `${tag}-a-${n}`;
  const prepare = Array.from({ length: size }, (_, n) =>
    subject.toAnswer.map((text) => ({ conversation: conversation(n), text })),
  ).flat();
  return {
    prepare,
    message: (n: number) => (n < size ? { conversation: conversation(n), text: subject.answer, expect } : undefined),
  };
}

/** Sends the preparation messages in order per conversation, 50 conversations at a time. */
async function prepare(running: Running, messages: { conversation: string; text: string }[]): Promise<void> {
  const byConversation = new Map<string, string[]>();
  for (const { conversation, text } of messages)
    byConversation.set(conversation, [...(byConversation.get(conversation) ?? []), text]);
  const queue = [...byConversation];
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift())
        for (const text of next[1]) await post(agent, running.port, { conversation: next[0], text, expect: ANY });
    }),
  );
  agent.destroy();
}

type Key = `${SubjectName}.${Kind}.${number}`;

async function throughput(servers: Running[]): Promise<Record<Key, LoadResult[]>> {
  const results = {} as Record<Key, LoadResult[]>;
  let measurement = 0;
  const measure = async (running: Running, kind: Kind, connections: number, seconds: number, record: boolean) => {
    // The answer pool: enough for the knowledge question's rate with room to spare (the answer may be faster).
    const knowledgeRate = results[`${running.subject.name}.knowledge.${connections}`]?.at(-1)?.turnsPerSecond ?? 200;
    const size = Math.min(8000, Math.ceil(knowledgeRate * seconds * 2) + connections);
    const { prepare: before, message } = workload(running.subject, kind, connections, size, `m${measurement++}`);
    await prepare(running, before);
    const result = await runLoad({ port: running.port, pid: running.child.pid!, connections, seconds, message });
    if (result.errors > 0)
      throw new Error(`${running.subject.name} ${kind}: ${result.errors} errors: ${result.firstError}`);
    if (record) (results[`${running.subject.name}.${kind}.${connections}`] ??= []).push(result);
  };
  // Warm-up: every kind once on every server, unrecorded.
  for (const running of servers) for (const kind of KINDS) await measure(running, kind, 50, 1, false);
  for (let r = 0; r < ROUNDS; r++) {
    for (const kind of KINDS)
      for (const connections of CONNECTIONS)
        // The order of the servers turns each round, so that none always follows the same one.
        for (let s = 0; s < servers.length; s++)
          await measure(servers[(s + r) % servers.length], kind, connections, SECONDS, true);
    progress(`throughput round ${r + 1}/${ROUNDS}`);
  }
  return results;
}

function memoryOf(running: Running): { rssMb: number } {
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${running.child.pid}/status`, 'utf8'))?.[1];
  return { rssMb: round(Number(rss) / 1024, 1) };
}

/** A per-message benchmark in a process of its own; its last line is its JSON. */
function micro(script: string): Record<string, unknown> {
  const result = spawnSync(
    process.execPath,
    ['--disable-warning=DEP0111', join(PROJECT_ROOT, 'dist', 'bench', script)],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error(`${script} failed (exit ${result.status})`);
  progress(`${script} done`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

function progress(what: string): void {
  process.stderr.write(`bench: ${what} (${Math.round(performance.now() / 1000)} s)\n`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  progress(`${ROUNDS} rounds of ${SECONDS} s per measurement`);
  const cold = await coldStarts();

  const servers = SUBJECTS.map((subject) =>
    start(subject, subject.name === 'backcare' ? { STORAGE: 'sqlite', SQLITE_PATH: sqlitePath } : {}),
  );
  let load: Record<Key, LoadResult[]>;
  let memory;
  try {
    for (const running of servers) await firstAnswer(running, performance.now());
    load = await throughput(servers);
    memory = {
      backcare: memoryOf(servers[0]),
      dialogBot: memoryOf(servers[1]),
      sqliteMb: round(statSync(sqlitePath).size / 1024 / 1024, 1),
    };
  } finally {
    await Promise.all(servers.map(stop));
    rmSync(stateDir, { recursive: true, force: true });
  }

  const perMessage = { triage: micro('triage.js'), match: micro('match.js'), messageCost: micro('messageCost.js') };
  const summary = summarise(load, cold, perMessage);
  const raw = {
    date: new Date().toISOString(),
    rounds: ROUNDS,
    seconds: SECONDS,
    summary,
    load,
    cold,
    memory,
    perMessage,
  };
  mkdirSync(join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
  const file = join(PROJECT_ROOT, 'bench', 'results', 'latest.json');
  writeFileSync(file, `${JSON.stringify(raw, null, 2)}\n`);
  printTable(summary);
  console.log(
    `\nmemory after the load: BackCare RSS ${memory.backcare.rssMb} MB, dialog bot ${memory.dialogBot.rssMb} MB, SQLite file ${memory.sqliteMb} MB`,
  );
  console.log(`raw figures: ${file}`);
}

type Summary = ReturnType<typeof summarise>;

function summarise(
  load: Record<Key, LoadResult[]>,
  cold: Awaited<ReturnType<typeof coldStarts>>,
  perMessage: Record<string, Record<string, unknown>>,
) {
  const figure = (subject: SubjectName, kind: Kind, connections: number, field: keyof LoadResult) =>
    median(load[`${subject}.${kind}.${connections}`].map((result) => result[field] as number));
  const turns = CONNECTIONS.flatMap((connections) =>
    KINDS.map((kind) => {
      const of = (subject: SubjectName) => ({
        turnsPerSecond: figure(subject, kind, connections, 'turnsPerSecond'),
        p99Ms: figure(subject, kind, connections, 'p99Ms'),
        p50Ms: figure(subject, kind, connections, 'p50Ms'),
        cpuUsPerTurn: figure(subject, kind, connections, 'cpuUsPerTurn'),
        clientCpuUsPerTurn: figure(subject, kind, connections, 'clientCpuUsPerTurn'),
      });
      const backcare = of('backcare');
      const dialogBot = of('dialogBot');
      const echoBot = of('echoBot');
      return {
        kind,
        connections,
        backcare,
        dialogBot,
        echoBot,
        throughputToDialogBot: round(backcare.turnsPerSecond / dialogBot.turnsPerSecond, 2),
        throughputToEchoBot: round(backcare.turnsPerSecond / echoBot.turnsPerSecond, 2),
        p99ToDialogBot: round(backcare.p99Ms / dialogBot.p99Ms, 2),
      };
    }),
  );
  const startup = Object.fromEntries(
    Object.entries(cold.startupMs).map(([name, values]) => [name, median(values)]),
  ) as Record<SubjectName, number>;
  const firstTurn = Object.fromEntries(
    FIRST_TURN_KINDS.map((kind) => [
      kind,
      {
        firstMs: median(cold.firstTurns.map((run) => run.first[kind])),
        hundredthMs: median(cold.firstTurns.map((run) => run.hundredth[kind])),
      },
    ]),
  );
  return {
    turns,
    startup: { ...startup, ratioToDialogBot: round(startup.backcare / startup.dialogBot, 2) },
    firstTurn,
    perMessage: {
      triageP99Ms: perMessage.triage.p99Ms as number,
      triageMaxMs: perMessage.triage.maxMs as number,
      matchP99Ms: perMessage.match.p99Ms as number,
      matchMaxMs: perMessage.match.maxMs as number,
      worstMessageMs: perMessage.messageCost.worstMs as number,
    },
  };
}

function printTable(summary: Summary): void {
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const cell = (text: string | number, width: number) => String(text).padStart(width);
  console.log(
    '\nturns (expectReplies, loopback; medians of the rounds)         turns/s                  ratio to          p99 ms             server CPU µs/turn  client CPU µs/turn',
  );
  console.log(
    `${'kind'.padEnd(11)}${'conns'.padStart(6)} ${cell('BackCare', 9)}${cell('dialog', 8)}${cell('echo', 8)}   ${cell('dialog', 7)}${cell('echo', 6)}   ${cell('BackCare', 9)}${cell('dialog', 8)}   ${cell('BackCare', 9)}${cell('dialog', 8)}   ${cell('BackCare', 9)}${cell('dialog', 8)}   target`,
  );
  for (const row of summary.turns) {
    const met = row.throughputToDialogBot >= 1 && row.p99ToDialogBot <= 1;
    console.log(
      `${row.kind.padEnd(11)}${cell(row.connections, 6)} ${cell(row.backcare.turnsPerSecond, 9)}${cell(row.dialogBot.turnsPerSecond, 8)}${cell(row.echoBot.turnsPerSecond, 8)}   ${cell(row.throughputToDialogBot.toFixed(2), 7)}${cell(row.throughputToEchoBot.toFixed(2), 6)}   ${cell(row.backcare.p99Ms, 9)}${cell(row.dialogBot.p99Ms, 8)}   ${cell(row.backcare.cpuUsPerTurn, 9)}${cell(row.dialogBot.cpuUsPerTurn, 8)}   ${cell(row.backcare.clientCpuUsPerTurn, 9)}${cell(row.dialogBot.clientCpuUsPerTurn, 8)}   ${mark(met)}`,
    );
  }
  const { startup, firstTurn, perMessage } = summary;
  console.log(
    `\nstart-up to the first good answer: BackCare ${startup.backcare} ms, dialog bot ${startup.dialogBot} ms (ratio ${startup.ratioToDialogBot}), echo bot ${startup.echoBot} ms   target at most 1500 ms and 1.2: ${mark(startup.backcare <= 1500 && startup.ratioToDialogBot <= 1.2)}`,
  );
  for (const [kind, { firstMs, hundredthMs }] of Object.entries(firstTurn))
    console.log(`first ${kind} turn in a fresh process ${firstMs} ms, the hundredth ${hundredthMs} ms`);
  console.log(
    `per message: triage p99 ${perMessage.triageP99Ms} ms (max ${perMessage.triageMaxMs}), matching p99 ${perMessage.matchP99Ms} ms (max ${perMessage.matchMaxMs})   target 1 ms: ${mark(perMessage.triageP99Ms <= 1 && perMessage.matchP99Ms <= 1)}`,
  );
  console.log(
    `worst event-loop cost of one pathological message: ${perMessage.worstMessageMs} ms   target about 20 ms: ${mark(perMessage.worstMessageMs <= 20)}`,
  );
}

main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? error.message : error);
  rmSync(stateDir, { recursive: true, force: true });
  process.exit(1);
});
