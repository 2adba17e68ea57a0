import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEnglishWord } from './englishWords';
import { MODELS_DIR } from '../paths';
import { MAX_UNDERSTOOD_CHARS } from './messageLimits';
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
 * loads its files by path (Node 20.19+ loads ES modules with require). The extra-small n-gram set tells English
 * apart as well as the large one on short chat messages. As JavaScript it takes about 200 ms to load; the same
 * data saved once as JSON (dist/models/) loads in about 60, so the detector is built from eld's own
 * `createEld` and the saved data. Both files are internal to eld, which is why package.json pins its version.
 */
const DETECTOR = join('src', 'languageDetector.js');
const NGRAMS = join('src', 'ngrams', 'extrasmall.js');
const SAVED_NGRAMS = join(MODELS_DIR, 'eld-extrasmall.json');

interface EldModule {
  createEld(): { instance: Eld; loadData(data: unknown): void };
}

function loadEld(): Eld {
  const folder = require.resolve
    .paths('eld')
    ?.map((modules) => join(modules, 'eld'))
    .find((candidate) => existsSync(join(candidate, DETECTOR)));
  if (!folder) throw new Error(`the eld package is not installed (looked for ${DETECTOR})`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { instance, loadData } = (require(join(folder, DETECTOR)) as EldModule).createEld();
  loadData(ngrams(folder));
  return instance;
}

/** eld's n-gram data, from the saved copy when it is of this version of eld, otherwise from eld and saved. */
function ngrams(folder: string): unknown {
  const version = (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
  try {
    const saved = JSON.parse(readFileSync(SAVED_NGRAMS, 'utf8')) as { version: string; data: unknown };
    if (saved.version === version) return saved.data;
  } catch {
    // Not saved yet, or unreadable: read from eld below.
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = (require(join(folder, NGRAMS)) as { ngramsData: unknown }).ngramsData;
  try {
    mkdirSync(MODELS_DIR, { recursive: true });
    writeFileSync(SAVED_NGRAMS, JSON.stringify({ version, data }));
  } catch {
    // A read-only installation reads eld's file at every start: slower, nothing else.
  }
  return data;
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

  isOtherLanguage(message: string): boolean {
    // A long message's language shows in its beginning: what the readers after the safety screen look at.
    const text = message.slice(0, MAX_UNDERSTOOD_CHARS);
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    const latin = text.match(/(?=\p{L})\p{Script=Latin}/gu)?.length ?? 0;
    if (letters >= 2 && latin < letters / 2) return true;
    if (letters < ENOUGH_LETTERS) return false;
    // Mostly English words is English whatever the detector says, so the detector is asked only about the rest.
    const words = tokenise(text).filter((word) => !/^\d+$/.test(word));
    if (words.filter(isEnglishWord).length >= words.length * ENGLISH_SHARE) return false;
    const result = this.eld.detect(text);
    return result.language !== '' && result.language !== 'en' && result.isReliable();
  }
}
