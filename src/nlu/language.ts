import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODELS_DIR } from '../paths';

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

/** Loaded once per thread, on first use. */
let loaded: Eld | undefined;

/** What the detector says of a text: a language code ('' when it cannot tell) and whether it is sure. */
export interface DetectedLanguage {
  language: string;
  reliable: boolean;
}

/**
 * The language eld detects in a text. Its data takes about 80 ms to load on first use: the server asks it on the
 * reader thread (src/nlu/readerThread.ts), which loads it as it starts.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const result = (loaded ??= loadEld()).detect(text);
  return { language: result.language, reliable: result.isReliable() };
}
