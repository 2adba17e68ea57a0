import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LinearModel, type LinearModelData } from '../nlu/linearModel';
import type { RedFlagRules } from '../nlu/redFlags';
import { SpellingFixer } from '../nlu/spelling';
import { trainTriageModel } from '../nlu/triageModel';
import { MODELS_DIR, PROJECT_ROOT } from '../paths';
import { KnowledgeIndex } from './knowledgeIndex';
import { KnowledgeError, loadKnowledge, type Knowledge } from './loadKnowledge';
import { TermIndex, type TermIndexData } from './termIndex';
import { trainTopicModel } from './topicModel';
import { readTrainingSets, type TrainingKind } from './trainingSets';
import { vocabulary } from './vocabulary';

interface Saved<Data> {
  /** What it was built from: the data and the code that reads and learns. */
  fingerprint: string;
  model: Data;
}

/**
 * The code the saved knowledge depends on: how the knowledge base is read and checked. The TypeScript sources are
 * read, so the build and the tests (run from source) share what is saved.
 */
const KNOWLEDGE_CODE = [
  'src/kb/loadKnowledge.ts',
  'src/kb/frontMatter.ts',
  'src/kb/schema.ts',
  'src/kb/conditionSchema.ts',
  'src/kb/planSchema.ts',
  'src/kb/checkPlanRules.ts',
  'src/plan/planConditions.ts',
  'src/plan/buildPlan.ts',
  'src/kb/trainingSets.ts',
  'src/nlu/normalise.ts',
];

/** The code a model depends on: a change to how features are read or weights learned makes saved models stale. */
const MODEL_CODE = [
  'src/nlu/textFeatures.ts',
  'src/nlu/spelling.ts',
  'src/nlu/utterance.ts',
  'src/kb/vocabulary.ts',
  'src/nlu/linearModel.ts',
  'src/nlu/triageModel.ts',
  'src/kb/topicModel.ts',
  'src/kb/termIndex.ts',
  'src/kb/termExtractor.ts',
  'src/nlu/wordSequences.ts',
  'src/nlu/stopwords.ts',
  'src/nlu/normalise.ts',
];

/** What the saved things were built from; see knowledgeFingerprints. */
export interface Fingerprints {
  /** The whole knowledge folder, where it is, and the code that reads it. */
  knowledge: string;
  /** What the spelling fixer and both models learn from (topics, lexicon, training data) and their code. */
  models: string;
}

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
  const saved = readSaved<Data>(file);
  let value: T;
  if (saved?.fingerprint === fingerprint) value = serialised.fromData(saved.model);
  else {
    value = build();
    save(file, { fingerprint, model: serialised.toData(value) });
  }
  inProcess.set(key, value);
  return value;
}

/**
 * The knowledge base, read and checked (topics, rules, routines, and every training line's label): parsing YAML
 * and checking thousands of training lines is the slowest part of start-up, and a saved copy is only ever one
 * that passed every check with exactly these files and this code. A problem is thrown as loadKnowledge throws it.
 */
export function checkedKnowledge(knowledgeDir: string, fingerprints: Fingerprints): Knowledge {
  return cached<Knowledge, Knowledge>('knowledge', fingerprints.knowledge, () => loadKnowledge(knowledgeDir), {
    toData: (knowledge) => knowledge,
    fromData: (data) => data,
  });
}

/** The spelling fixer: the words of the knowledge base and of both models' training data, with their counts. */
export function spellingFixer(knowledge: Knowledge, knowledgeDir: string, fingerprints: Fingerprints): SpellingFixer {
  const known = cached(
    'spelling',
    fingerprints.models,
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
export function triageModel(
  knowledgeDir: string,
  fingerprints: Fingerprints,
  rules: RedFlagRules,
  spelling: SpellingFixer,
): LinearModel {
  return cached(
    'triage',
    hash([fingerprints.models, rules.categories.map((category) => category.id).join(',')]),
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
export function knowledgeIndex(
  knowledge: Knowledge,
  knowledgeDir: string,
  fingerprints: Fingerprints,
  spelling: SpellingFixer,
): KnowledgeIndex {
  const terms = cached('terms', fingerprints.models, () => TermIndex.build(knowledge), {
    toData: (index) => index.toData(),
    fromData: (data: TermIndexData) => TermIndex.fromData(knowledge, data),
  });
  const model = cached(
    'topics',
    fingerprints.models,
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
 * Both fingerprints from one reading of the folder. The saved knowledge names its files, so its folder's path is
 * part of its fingerprint; the models are shared by any copy of the same topics, lexicon and training data (a test's
 * copy of the knowledge base with one routine changed does not retrain them).
 */
export function knowledgeFingerprints(knowledgeDir: string): Fingerprints {
  const names = readdirSync(knowledgeDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(knowledgeDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  // Reading and hashing every file takes tens of milliseconds at each start; their sizes and times, one. The
  // fingerprints are saved with the stats they were made from, and made again when any stat differs.
  const paths = [
    ...names.map((name) => join(knowledgeDir, name)),
    ...[...KNOWLEDGE_CODE, ...MODEL_CODE].map((name) => join(PROJECT_ROOT, name)),
  ];
  const stats = statSignature(paths);
  const file = join(MODELS_DIR, 'fingerprints.json');
  const saved = readSaved<Fingerprints>(file);
  if (saved?.fingerprint === stats) return saved.model;
  const fingerprints = hashedFingerprints(knowledgeDir, names);
  save(file, { fingerprint: stats, model: fingerprints });
  return fingerprints;
}

/** Each file's path, size and modification time: cheap to read, and changes whenever a file does. */
export function statSignature(paths: string[]): string {
  return paths
    .map((path) => {
      const { size, mtimeMs } = statSync(path);
      return `${path}:${size}:${mtimeMs}`;
    })
    .join('\n');
}

function hashedFingerprints(knowledgeDir: string, names: string[]): Fingerprints {
  const files = names.map((name) => `${name}\n${readFileSync(join(knowledgeDir, name), 'utf8')}`);
  const learnedFrom = files.filter((file) => /^(?:topics\/|training\/|lexicon\.yaml\n)/.test(file));
  const code = (names: string[]) => names.map((name) => readFileSync(join(PROJECT_ROOT, name), 'utf8'));
  return {
    knowledge: hash([knowledgeDir, ...files, ...code(KNOWLEDGE_CODE)]),
    models: hash([...learnedFrom, ...code(MODEL_CODE)]),
  };
}

function hash(parts: string[]): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex').slice(0, 16);
}

/** What is saved in a file; undefined when there is none, or it cannot be read (another process writing it). */
function readSaved<Data>(file: string): Saved<Data> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Saved<Data>;
  } catch {
    return undefined;
  }
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
