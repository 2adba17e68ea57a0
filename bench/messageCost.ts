/**
 * How much event-loop time one message costs, for the pathological messages of bench/pathologicalMessages.ts,
 * from 2,000 characters (the most the readers after the safety screen look at) up to the body limit, outside any
 * dialog and at the assessment questions whose readers are costly. Not a test: run `npm run bench`.
 * Target: no message above about 20 ms.
 *
 * The server runs in this process on a loopback port and is sent one request at a time, so the event loop is
 * busy only with that request: its busy time (performance.eventLoopUtilization) is the cost of the message,
 * HTTP parsing, state and reply included. Each case runs REPEATS times in fresh conversations; the worst is kept.
 */
import { performance } from 'node:perf_hooks';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../src/app';
import { MAX_ACTIVITY_BODY_BYTES } from '../src/channels/botFramework/messagesRoute';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { MAX_MESSAGE_CHARS, MAX_UNDERSTOOD_CHARS } from '../src/nlu/messageLimits';
import { PATHOLOGICAL_PATTERNS, pathological } from './pathologicalMessages';

const REPEATS = 5;
const TARGET_MS = 20;
const LARGEST_TEXT = MAX_MESSAGE_CHARS;
const LARGEST_BYTES = MAX_ACTIVITY_BODY_BYTES - 2048;
const PLACES: Record<string, string[]> = {
  'no dialog': [],
  pain: ['Get a personal plan', 'No, none of these'],
  'how long': ['Get a personal plan', 'No, none of these', '6/10'],
  sitting: ['Get a personal plan', 'No, none of these', '6/10', '3 weeks', 'About the same'],
};

async function main(): Promise<void> {
  const app = createApp(loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' }), {
    logger: createLogger('silent'),
    storage: new MemoryStorage(),
  });
  const { port } = await app.listen(0, '127.0.0.1');
  let conversations = 0;
  const send = async (text: string, conversationId: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text,
        channelId: 'emulator',
        serviceUrl: 'http://127.0.0.1:1',
        conversation: { id: conversationId },
        from: { id: `user-${conversationId}` },
        recipient: { id: 'bot' },
        deliveryMode: 'expectReplies',
      }),
    });
    if (response.status !== 200) throw new Error(`status ${response.status} for a ${text.length}-character message`);
    await response.arrayBuffer();
  };

  // Warm-up: compile the code paths once.
  for (let i = 0; i < 3; i++)
    for (const [place, answers] of Object.entries(PLACES)) {
      const id = `warm-${place}-${i}`;
      for (const answer of answers) await send(answer, id);
      await send(pathological('seven 3 weeks ', 3000), id);
    }

  const rows: { place: string; kind: string; chars: number; medianMs: number; worstMs: number }[] = [];
  for (const [place, answers] of Object.entries(PLACES)) {
    for (const [kind, pattern] of Object.entries(PATHOLOGICAL_PATTERNS)) {
      for (const chars of [MAX_UNDERSTOOD_CHARS, LARGEST_TEXT]) {
        const text = pathological(pattern, chars, LARGEST_BYTES);
        const costs: number[] = [];
        for (let repeat = 0; repeat < REPEATS; repeat++) {
          const id = `cost-${conversations++}`;
          for (const answer of answers) await send(answer, id);
          const before = performance.eventLoopUtilization();
          await send(text, id);
          costs.push(performance.eventLoopUtilization(before).active);
        }
        costs.sort((a, b) => a - b);
        const round = (ms: number) => Math.round(ms * 10) / 10;
        rows.push({
          place,
          kind,
          chars: text.length,
          medianMs: round(costs[costs.length >> 1]),
          worstMs: round(costs[costs.length - 1]),
        });
      }
    }
  }
  await app.close();

  console.log(
    'message cost: event-loop busy time per message, median and worst of %d; target %d ms',
    REPEATS,
    TARGET_MS,
  );
  for (const row of rows)
    console.log(
      `  ${row.place.padEnd(10)} ${row.kind.padEnd(20)} ${String(row.chars).padStart(7)} chars  ` +
        `${row.medianMs.toFixed(1).padStart(6)} ms  ${row.worstMs.toFixed(1).padStart(6)} ms${row.worstMs > TARGET_MS ? '  over' : ''}`,
    );
  const worst = rows.reduce((a, b) => (b.worstMs > a.worstMs ? b : a));
  console.log(`  worst: ${worst.worstMs} ms (${worst.place}, ${worst.kind}, ${worst.chars} chars)`);
  console.log(JSON.stringify({ benchmark: 'messageCost', worstMs: worst.worstMs, worst, rows }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
