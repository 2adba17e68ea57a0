import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinearModel, type LinearModelData } from '../nlu/linearModel';
import type { RedFlagRules } from '../nlu/redFlags';
import { SpellingFixer } from '../nlu/spelling';
import { trainTriageModel } from '../nlu/triageModel';
import { PROJECT_ROOT } from '../paths';
import { KnowledgeIndex } from './knowledgeIndex';
import { KnowledgeError, type Knowledge } from './loadKnowledge';
import { TermIndex } from './termIndex';
import { trainTopicModel } from './topicModel';
import { readTrainingSets, trainingFingerprint, type TrainingKind } from './trainingSets';
import { vocabulary } from './vocabulary';

/** Where trained models are kept: built by `npm run build`, never committed (they are derived from the data). */
export const MODELS_DIR = join(PROJECT_ROOT, 'dist', 'models');

interface Saved<Data> {
  /** What it was built from: the data and the code that reads and learns. */
  fingerprint: string;
  model: Data;
}

/**
 * The code a model depends on: a change to how features are read or weights learned makes saved models stale.
 * The TypeScript sources are read, so the build and the tests (run from source) share the saved models.
 */
const MODEL_CODE = [
  'src/nlu/textFeatures.ts',
  'src/nlu/spelling.ts',
  'src/nlu/utterance.ts',
  'src/kb/vocabulary.ts',
  'src/nlu/linearModel.ts',
  'src/nlu/triageModel.ts',
  'src/kb/topicModel.ts',
  'src/kb/termIndex.ts',
];

/** Models already loaded by this process (every bot, and every test's bot, shares one). */
const inProcess = new Map<string, unknown>();

/** How a built thing is saved as JSON and read back. */
interface Serialised<T, Data> {
  toData(value: T): Data;
  fromData(data: Data): T;
}

const LINEAR_MODEL: Serialised<LinearModel, LinearModelData> = {
  toData: (model) => model.toData(),
  fromData: (data) => LinearModel.fromData(data),
};

/**
 * Something built from exactly this data and code (a model, the spelling fixer): the one in memory or saved on
 * disk when its fingerprint matches, otherwise built now (a model takes seconds) and saved for next time.
 */
function cached<T, Data>(name: string, fingerprint: string, build: () => T, serialised: Serialised<T, Data>): T {
  const key = `${name}:${fingerprint}`;
  if (inProcess.has(key)) return inProcess.get(key) as T;
  const file = join(MODELS_DIR, `${name}.json`);
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Saved<Data>) : undefined;
  let value: T;
  if (saved?.fingerprint === fingerprint) value = serialised.fromData(saved.model);
  else {
    value = build();
    save(file, { fingerprint, model: serialised.toData(value) });
  }
  inProcess.set(key, value);
  return value;
}

/** The spelling fixer: the words of the knowledge base and of both models' training data, with their counts. */
export function spellingFixer(knowledge: Knowledge, knowledgeDir: string): SpellingFixer {
  const known = cached(
    'spelling',
    dataAndCodeFingerprint(knowledgeDir),
    () =>
      vocabulary(knowledge, {
        redFlags: trainingSets(knowledgeDir, 'red-flags'),
        topics: trainingSets(knowledgeDir, 'topics'),
      }),
    {
      toData: ({ counts, curated }) => ({ counts: [...counts], curated: [...curated] }),
      fromData: (data: { counts: [string, number][]; curated: string[] }) => ({
        counts: new Map(data.counts),
        curated: new Set(data.curated),
      }),
    },
  );
  return new SpellingFixer(known);
}

/** The safety model for these red-flag rules and training data, reading words as the spelling fixer fixes them. */
export function triageModel(knowledgeDir: string, rules: RedFlagRules, spelling: SpellingFixer): LinearModel {
  const fingerprint = hash([
    dataAndCodeFingerprint(knowledgeDir),
    rules.categories.map((category) => category.id).join(','),
  ]);
  return cached(
    'triage',
    fingerprint,
    () => {
      const data = { redFlags: trainingSets(knowledgeDir, 'red-flags'), topics: trainingSets(knowledgeDir, 'topics') };
      return trainTriageModel(
        data,
        rules.categories.map((category) => category.id),
        spelling,
      );
    },
    LINEAR_MODEL,
  );
}

/** The knowledge index: the term index over the topics, and the topic model trained on the writers' questions. */
export function knowledgeIndex(knowledge: Knowledge, knowledgeDir: string, spelling: SpellingFixer): KnowledgeIndex {
  const terms = new TermIndex(knowledge);
  const model = cached(
    'topics',
    dataAndCodeFingerprint(knowledgeDir),
    () => trainTopicModel(knowledge, terms, trainingSets(knowledgeDir, 'topics'), spelling),
    LINEAR_MODEL,
  );
  return new KnowledgeIndex(knowledge, terms, model, spelling);
}

function trainingSets<K extends TrainingKind>(knowledgeDir: string, kind: K) {
  const { sets, problems } = readTrainingSets(knowledgeDir, kind);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return sets;
}

/**
 * Everything the spelling fixer and both models are built from: both kinds of training data, the topics and the
 * lexicon (the fixer's words come from all of them, and both models read words as it fixes them), and the code.
 */
function dataAndCodeFingerprint(knowledgeDir: string): string {
  return hash([
    trainingFingerprint(knowledgeDir, ['red-flags', 'topics']),
    filesFingerprint(join(knowledgeDir, 'topics')),
    filesFingerprint(knowledgeDir, ['lexicon.yaml']),
    codeFingerprint(),
  ]);
}

function codeFingerprint(): string {
  return hash(MODEL_CODE.map((file) => readFileSync(join(PROJECT_ROOT, file), 'utf8')));
}

/** The files of a folder (or the named ones), as they are on disk. */
function filesFingerprint(folder: string, names?: string[]): string {
  const present = (names ?? readdirSync(folder).sort()).filter((name) => existsSync(join(folder, name)));
  return hash(present.map((name) => `${name}\n${readFileSync(join(folder, name), 'utf8')}`));
}

function hash(parts: string[]): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex').slice(0, 16);
}

/** Best effort: a read-only installation still works, it just trains again at the next start. */
function save(file: string, saved: Saved<unknown>): void {
  try {
    mkdirSync(MODELS_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(saved));
  } catch {
    // Not writable: nothing is lost but time.
  }
}
