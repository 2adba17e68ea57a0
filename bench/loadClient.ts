/**
 * The benchmark's client: Bot Framework activities posted over keep-alive HTTP on loopback with deliveryMode
 * expectReplies (the replies come back in the response body), every reply checked, from a fixed number of
 * connections for a bounded time or a bounded number of turns, whichever ends first.
 */
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';

export interface Message {
  conversation: string;
  text: string;
  /** What the reply must say: proof that the turn was the one it claims to be. */
  expect: RegExp;
}

export interface LoadResult {
  turns: number;
  errors: number;
  firstError?: string;
  seconds: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The server process's CPU (user and system) per turn, from /proc. */
  cpuUsPerTurn: number;
  /** This client's own CPU per turn: on one machine it shares the cores with the server (a longer reply costs it more). */
  clientCpuUsPerTurn: number;
}

let activityIds = 0;

/** One activity; resolves with the replies' text joined, or rejects on anything but a 200 with replies. */
export function post(agent: Agent, port: number, message: Message): Promise<string> {
  const body = JSON.stringify({
    type: 'message',
    id: `bench-${activityIds++}`,
    text: message.text,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1', // never called: the replies come back in the response body
    conversation: { id: message.conversation },
    from: { id: `user-${message.conversation}` },
    recipient: { id: 'bot' },
    deliveryMode: 'expectReplies',
  });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode} for "${message.text}"`));
          const { activities = [] } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            activities?: { text?: string }[];
          };
          const said = activities.map((activity) => activity.text ?? '').join('\n');
          if (!message.expect.test(said))
            return reject(new Error(`"${message.text}" answered "${said.slice(0, 200)}" (wanted ${message.expect})`));
          resolve(said);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** User and system CPU time of a process so far, in microseconds (Linux). */
export function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

export interface LoadOptions {
  port: number;
  /** The server's process id, for its CPU time. */
  pid: number;
  connections: number;
  seconds: number;
  /** The n-th message of the run (n counts from 0 over all connections), or undefined when there are no more. */
  message(n: number, connection: number): Message | undefined;
}

export async function runLoad({ port, pid, connections, seconds, message }: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let n = 0;
  const cpuBefore = cpuMicros(pid);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const connection = async (index: number) => {
    while (performance.now() < deadline) {
      const next = message(n++, index);
      if (!next) return;
      const sent = performance.now();
      try {
        await post(agent, port, next);
        latencies.push(performance.now() - sent);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, index) => connection(index)));
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuMicros(pid) - cpuBefore;
  const { user, system } = process.cpuUsage(clientBefore);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const turns = latencies.length;
  return {
    turns,
    errors,
    firstError,
    seconds: round(elapsed, 2),
    turnsPerSecond: round(turns / elapsed, 1),
    p50Ms: round(at(0.5), 1),
    p99Ms: round(at(0.99), 1),
    cpuUsPerTurn: Math.round(cpu / Math.max(1, turns + errors)),
    clientCpuUsPerTurn: Math.round((user + system) / Math.max(1, turns + errors)),
  };
}

export const round = (value: number, places: number) => Number(value.toFixed(places));
