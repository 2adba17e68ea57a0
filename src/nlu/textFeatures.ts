import { stem, type SentenceTokens } from './normalise';

/** Features of one text: name -> value (L2-normalised, plus a constant bias feature). */
export type Features = Map<string, number>;

/** Words that put the next few words of the same clause in a negated scope ("no numbness", "never had a fall"). */
const NEGATIONS = new Set([
  'no',
  'not',
  'never',
  'without',
  'dont',
  'doesnt',
  'didnt',
  'havent',
  'hasnt',
  'hadnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'none',
  'nothing',
  'neither',
  'nor',
  'nope',
]);
/** Words that end a negation's scope: "no fever but my legs are weak". */
const SCOPE_ENDS = new Set(['but', 'however', 'though', 'although', 'except', 'apart', 'yet', 'still', 'and']);
/** How many words after a negation it reaches. */
const NEGATION_REACH = 4;
/**
 * Features are scaled to unit length, but a very short message is not scaled up past this: two words ("not
 * sure") carry less evidence than a sentence, and the classes' prior (the bias) should weigh more for them.
 */
const NORM_FLOOR = 3;
/** The constant feature every text has: it carries the classes' prior odds. */
export const BIAS = '^';

/**
 * The features a linear model reads from a message: word stems (so "drags",
 * "dragging" and "dragged" are one feature), the same stems marked when a
 * negation reaches them ("no numbness" is not "numbness"), neighbouring
 * pairs of stems ("cant feel", "whole pack"), and numbers by their number of
 * digits ("20 paracetamol" and "16 paracetamol" look alike). Pairs never
 * cross a clause. Read from an Utterance's clauses; this counts them, and `scaled` makes the features.
 */
export function featureCounts(
  { words, sentenceOf }: SentenceTokens,
  /** Words' keys already worked out (a long message repeats its words): read and added to. */
  keys = new Map<string, string>(),
  /** Only words `from` up to `to`, as if they were the whole text. */
  from = 0,
  to = words.length,
): Features {
  const counts: Features = new Map();
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const keyOfWord = (word: string) => {
    let key = keys.get(word);
    if (key === undefined) keys.set(word, (key = keyOf(word)));
    return key;
  };
  let negatedFor = 0;
  for (let i = from; i < to; i++) {
    const word = words[i];
    if (i > from && sentenceOf[i] !== sentenceOf[i - 1]) negatedFor = 0;
    if (SCOPE_ENDS.has(word)) negatedFor = 0;
    const key = keyOfWord(word);
    add(negatedFor > 0 ? `!${key}` : key);
    if (i > from && sentenceOf[i] === sentenceOf[i - 1]) add(`${keyOfWord(words[i - 1])}_${key}`);
    if (NEGATIONS.has(word)) negatedFor = NEGATION_REACH;
    else if (negatedFor > 0) negatedFor--;
  }
  return counts;
}

/** Counts scaled to unit length (in place), with the bias: the features. */
export function scaled(counts: Features): Features {
  let norm = 0;
  for (const value of counts.values()) norm += value * value;
  norm = Math.max(Math.sqrt(norm), NORM_FLOOR);
  for (const [name, value] of counts) counts.set(name, value / norm);
  counts.set(BIAS, 1);
  return counts;
}

/** A word's stem; a number as its count of digits ("20" -> "#2"). */
function keyOf(word: string): string {
  return /^\d+$/.test(word) ? `#${Math.min(word.length, 4)}` : stem(word);
}
