/**
 * How long matching one message against the whole knowledge base takes.
 * Not a test: run `npm run bench`. Target: median under 1 ms on a 2-core machine.
 *
 * Messages come from the phrasing sets in test/fixtures (in-scope and
 * out-of-scope, typos included), matched in several rounds after a warm-up
 * on other text. The matcher remembers spelling corrections (one fuse.js
 * search per distinct unknown word), so rounds after the first show the
 * cost for words it has met before; the first round is the cold figure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadedKnowledge } from '../src/kb/loadedKnowledge';
import { PROJECT_ROOT } from '../src/paths';

const ROUNDS = 20;

function messages(): string[] {
  return ['topics-earlier-sets.jsonl', 'blind/topics-blind-1.jsonl'].flatMap((name) =>
    readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const startBuild = process.hrtime.bigint();
const knowledgeDir = join(PROJECT_ROOT, 'knowledge');
const { index } = loadedKnowledge(knowledgeDir);
const buildMs = Number(process.hrtime.bigint() - startBuild) / 1e6;

const texts = messages();
// Warm-up: let V8 optimise the code paths on text the measurement does not use.
for (let i = 0; i < 200; i++) index.match(`warm up ${i} lower back strech massge`);

const timings: number[] = [];
let firstRound: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const text of texts) {
    const start = process.hrtime.bigint();
    index.match(text);
    timings.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (round === 0) firstRound = [...timings].sort((a, b) => a - b);
}
timings.sort((a, b) => a - b);
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

console.log(
  JSON.stringify({
    benchmark: 'kb.match',
    messages: texts.length,
    samples: timings.length,
    topics: index.topics.size,
    buildIndexMs: Number(buildMs.toFixed(1)),
    medianMs: Number(percentile(timings, 50).toFixed(4)),
    p95Ms: Number(percentile(timings, 95).toFixed(4)),
    p99Ms: Number(percentile(timings, 99).toFixed(4)),
    firstRoundMedianMs: Number(percentile(firstRound, 50).toFixed(4)),
    firstRoundP99Ms: Number(percentile(firstRound, 99).toFixed(4)),
    maxMs: Number(timings[timings.length - 1].toFixed(4)),
    heapUsedMb: Number(heapMb.toFixed(1)),
  }),
);
