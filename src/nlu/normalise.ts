/**
 * Text normalisation shared by every matcher: the knowledge index and the
 * messages it is asked about must go through exactly the same steps, or a
 * word indexed one way is looked up another.
 */

/** Lower case, accents and apostrophes removed, anything else that is not a letter or digit becomes a space. */
export function normaliseText(text: string): string {
  return foldCase(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Lower case, without accents or apostrophes ("Don’t" -> "dont"); punctuation stays. */
function foldCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '');
}

export function tokenise(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised === '' ? [] : normalised.split(' ');
}

/** A message's words in one flat list, with the sentence (split at . ! ? ; and line breaks) each belongs to. */
export interface SentenceTokens {
  words: string[];
  /** sentenceOf[i]: the number of the sentence word i is in, counting from 0, in ascending order. */
  sentenceOf: number[];
}

/**
 * A message's words, with its parts too: the sentences a person would see (ended by . ! ? or a line break, then a
 * space), as the safety screen reads a long message a few at a time.
 */
export interface MessageTokens extends SentenceTokens {
  /** partStarts[j]: the index of the first word of part j; its words run to the next part's start. */
  partStarts: number[];
  /** clauseOf[i]: as sentenceOf, with commas ending clauses too. */
  clauseOf: number[];
}

/** Where one part of a message ends and the next begins. */
const PART_END = /(?<=[.!?\n])\s+/;

/**
 * Words normalised as normaliseText does, with their sentences, clauses and parts: one flat list, however long the
 * message, read in one pass.
 */
export function tokeniseSentences(text: string): MessageTokens {
  const words: string[] = [];
  const sentenceOf: number[] = [];
  const clauseOf: number[] = [];
  const partStarts: number[] = [];
  let sentence = 0;
  let clause = 0;
  // Native splits rather than a match per word: this runs on every message in full.
  for (const part of foldCase(text).split(PART_END)) {
    if (part.trim() === '') continue;
    partStarts.push(words.length);
    for (const sentenceText of part.split(/[.!?;\n]+/)) {
      const before = words.length;
      for (const clauseText of sentenceText.split(',')) {
        const clauseBefore = words.length;
        for (const word of clauseText.split(/[^a-z0-9]+/)) {
          if (word === '') continue;
          words.push(word);
          sentenceOf.push(sentence);
          clauseOf.push(clause);
        }
        if (words.length > clauseBefore) clause++;
      }
      if (words.length > before) sentence++;
    }
  }
  return { words, sentenceOf, clauseOf, partStarts };
}

const DOUBLED_CONSONANT = /([bdfgklmnprt])\1$/;

/**
 * A deliberately small suffix stripper. It only has to map the forms people
 * type ("stretches", "stretching", "stretched") to one key; the key does not
 * need to be a real word. Short words are left alone because stripping them
 * creates collisions ("bus" -> "bu").
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(ch|sh|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);

  if (DOUBLED_CONSONANT.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 3) w = `${w.slice(0, -1)}i`;
  return w;
}
