import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { knowledgeIndex } from '../helpers';

/**
 * The matching quality bar on phrasing sets written independently of the
 * knowledge base (typos, slang, indirect questions; small talk, other body
 * parts, other subjects, gibberish, instructions to the bot).
 */
const fixture = (name: string) => parse(readFileSync(resolve(__dirname, '..', 'fixtures', name), 'utf8'));
const inScope = fixture('match-in-scope.yaml') as Record<string, string[]>;
const outOfScope = fixture('match-out-of-scope.yaml') as Record<string, string[]>;
const holdout = fixture('match-holdout.yaml') as { in_scope: Record<string, string[]>; out_of_scope: string[] };

function topOneRate(sets: Record<string, string[]>): { rate: number; misses: string[] } {
  const index = knowledgeIndex();
  const misses: string[] = [];
  let total = 0;
  for (const [id, messages] of Object.entries(sets)) {
    for (const message of messages) {
      total++;
      const { topic } = index.match(message);
      if (topic !== id) misses.push(`${id} <- ${topic}: ${message}`);
    }
  }
  return { rate: 1 - misses.length / total, misses };
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

function noTopicRate(messages: string[]): { rate: number; answered: string[] } {
  const index = knowledgeIndex();
  const answered = messages.filter((message) => index.match(String(message)).topic !== null);
  return { rate: 1 - answered.length / messages.length, answered };
}

describe('matching quality', () => {
  it('covers every topic in the phrasing sets', () => {
    const ids = [...knowledgeIndex().topics.keys()].sort();
    expect(Object.keys(inScope).sort()).toEqual(ids);
    expect(Object.keys(holdout.in_scope).sort()).toEqual(ids);
  });

  // Two sets written by different people at different times, judged together as one broad set; each set's own
  // figure is printed too.
  it('puts the right topic first for at least 9 in 10 in-scope messages', () => {
    const first = topOneRate(inScope);
    const second = topOneRate(holdout.in_scope);
    const total = Object.values(inScope).flat().length + Object.values(holdout.in_scope).flat().length;
    const rate = 1 - (first.misses.length + second.misses.length) / total;
    console.log(
      `top-1: first set ${percent(first.rate)}, second set ${percent(second.rate)}, both ${percent(rate)}\n` +
        `misses:\n${[...first.misses, ...second.misses].join('\n')}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });

  it('gives no topic for at least 9 in 10 out-of-scope messages', () => {
    const first = noTopicRate(Object.values(outOfScope).flat());
    const second = noTopicRate(holdout.out_of_scope);
    const rate =
      1 -
      (first.answered.length + second.answered.length) /
        (Object.values(outOfScope).flat().length + holdout.out_of_scope.length);
    console.log(
      `no topic: first set ${percent(first.rate)}, second set ${percent(second.rate)}, both ${percent(rate)}\n` +
        `answered:\n${[...first.answered, ...second.answered].join('\n')}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.9);
    expect(second.rate).toBeGreaterThanOrEqual(0.9);
  });

  it.each(Object.entries(outOfScope))('keeps most %s messages out', (_category, messages) => {
    expect(noTopicRate(messages).rate).toBeGreaterThanOrEqual(0.85);
  });
});
