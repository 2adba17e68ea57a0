import { isEnglishWord } from './englishWords';

/**
 * Equal, or one edit apart for words of at least minLength letters when what
 * was typed is not itself a word: "tripped" is not a typo of "ripped", nor
 * "fine" of "five".
 */
export function isTypoOf(typed: string, expected: string, minLength: number): boolean {
  if (typed === expected) return true;
  if (expected.length < minLength || Math.abs(typed.length - expected.length) > 1) return false;
  return withinOneEdit(typed, expected) && !isEnglishWord(typed);
}

/** The word a typo was meant to be ("sevn" -> "seven"), or the word itself when it is none of them. */
export function correctTypo(word: string, meant: string[], minLength: number): string {
  return meant.find((candidate) => isTypoOf(word, candidate, minLength)) ?? word;
}

/** Damerau-Levenshtein distance of at most 1: one letter added, dropped, changed, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const rest = (x: number, y: number) => a.slice(x) === b.slice(y);
  return (
    rest(i + 1, i + 1) || // changed
    rest(i + 1, i) || // added in a
    rest(i, i + 1) || // dropped from a
    (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2)) // swapped
  );
}
