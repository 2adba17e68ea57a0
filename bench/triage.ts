/**
 * How long the safety screen's decision takes per message, rules and model together (the language check is
 * apart), on the messages of test/fixtures/blind and a sample of the training sets, after a warm-up.
 * Not a test: run `npm run bench`. Target: at or under 1 ms median per message on a 2-core machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadedKnowledge } from '../src/kb/loadedKnowledge';
import { readTrainingSets } from '../src/kb/trainingSets';
import { PROJECT_ROOT } from '../src/paths';

const ROUNDS = 10;
const knowledgeDir = join(PROJECT_ROOT, 'knowledge');
const { triage } = loadedKnowledge(knowledgeDir);

const blind = readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'blind', 'red-flags-blind-1.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text);
const training = readTrainingSets(knowledgeDir, 'red-flags').sets.flatMap((set) =>
  set.examples.filter((_, i) => i % 5 === 0).map((example) => example.text),
);
const messages = [...blind, ...training];
for (const text of messages.slice(0, 500)) triage.assess(text);

const timings: number[] = [];
for (let round = 0; round < ROUNDS; round++)
  for (const text of messages) {
    const started = process.hrtime.bigint();
    triage.assess(text);
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
timings.sort((a, b) => a - b);
const at = (p: number) =>
  Number(timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))].toFixed(4));
console.log(
  JSON.stringify({
    benchmark: 'triage',
    messages: messages.length,
    samples: timings.length,
    medianMs: at(50),
    p95Ms: at(95),
    p99Ms: at(99),
    maxMs: Number(timings[timings.length - 1].toFixed(4)),
  }),
);
