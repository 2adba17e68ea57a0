import { SpellingFixer } from '../../src/nlu/spelling';

describe('SpellingFixer', () => {
  const fixer = new SpellingFixer({
    counts: new Map([
      ['mattress', 200],
      ['matress', 7],
      ['stomach', 150],
      ['massage', 2000],
      ['massager', 80],
      ['wasnt', 60],
      ['want', 600],
      ['exercises', 300],
    ]),
    curated: new Set(['mattress', 'massage', 'massager']),
  });

  it.each([
    ['matress', 'mattress'],
    ['stomack', 'stomach'],
    ['excercises', 'exercises'],
    ['masasge', 'massage'],
  ])('reads %j as %j', (typed, meant) => {
    expect(fixer.fix(typed)).toBe(meant);
  });

  it.each([
    // The knowledge base's own word, a word people often write, an English word, short words and numbers.
    'massager',
    'wasnt',
    'story',
    'pian',
    '2026',
    'zzzzzz',
  ])('leaves %j as it is', (word) => {
    expect(fixer.fix(word)).toBe(word);
  });
});
