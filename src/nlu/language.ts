import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isEnglishWord } from './englishWords';
import { tokenise } from './normalise';

interface EldResult {
  language: string;
  isReliable(): boolean;
}
interface Eld {
  detect(text: string): EldResult;
}

/**
 * eld (Efficient Language Detector) ships as ES modules only, exported for `import`; this CommonJS project
 * loads its smallest static entry by file (Node 20.19+ loads ES modules with require). The extra-small
 * n-gram set loads in about 250 ms and, on short chat messages, tells English apart as well as the large one.
 */
const ENTRY = join('src', 'entries', 'static.extrasmall.js');

function loadEld(): Eld {
  const folder = require.resolve
    .paths('eld')
    ?.map((modules) => join(modules, 'eld'))
    .find((candidate) => existsSync(join(candidate, ENTRY)));
  if (!folder) throw new Error(`the eld package is not installed (looked for ${ENTRY})`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(folder, ENTRY)) as { eld: Eld }).eld;
}

/** Loaded once per process: every bot shares it. */
let loaded: Eld | undefined;

/** Letters in the message: a message of digits, emoji or one short word says nothing about its language. */
const ENOUGH_LETTERS = 6;
/** Past this share of English words, a message is English whatever the detector says of a few short words. */
const ENGLISH_SHARE = 0.5;

/**
 * Whether a message is written in a language other than English. English is
 * written in Latin letters, so a message mostly in another script is not
 * English. Otherwise a language-identification library decides, erring
 * towards English: only its reliable identification of another language
 * counts, and not for a message that is mostly English words ("I felt a
 * twinge" is not Danish), so broken English, slang, names and foreign
 * greetings inside English are read as English.
 */
export class LanguageCheck {
  private readonly eld = (loaded ??= loadEld());

  isOtherLanguage(text: string): boolean {
    const letters = text.match(/\p{L}/gu) ?? [];
    const latin = letters.filter((letter) => /\p{Script=Latin}/u.test(letter)).length;
    if (letters.length >= 2 && latin < letters.length / 2) return true;
    if (letters.length < ENOUGH_LETTERS) return false;
    const result = this.eld.detect(text);
    if (result.language === '' || result.language === 'en' || !result.isReliable()) return false;
    const words = tokenise(text).filter((word) => !/^\d+$/.test(word));
    return words.filter(isEnglishWord).length < words.length * ENGLISH_SHARE;
  }
}
