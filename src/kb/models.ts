import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinearModel, type LinearModelData } from '../nlu/linearModel';
import type { RedFlagRules } from '../nlu/redFlags';
import { trainTriageModel } from '../nlu/triageModel';
import { PROJECT_ROOT } from '../paths';
import { KnowledgeIndex } from './knowledgeIndex';
import { KnowledgeError, type Knowledge } from './loadKnowledge';
import { TermIndex } from './termIndex';
import { trainTopicModel } from './topicModel';
import { readTrainingSets, trainingFingerprint, type TrainingKind } from './trainingSets';

/** Where trained models are kept: built by `npm run build`, never committed (they are derived from the data). */
export const MODELS_DIR = join(PROJECT_ROOT, 'dist', 'models');

interface SavedModel {
  /** What the model was trained from: the data and the code that reads and learns. */
  fingerprint: string;
  model: LinearModelData;
}

/**
 * The code a model depends on: a change to how features are read or weights learned makes saved models stale.
 * The TypeScript sources are read, so the build and the tests (run from source) share the saved models.
 */
const MODEL_CODE = [
  'src/nlu/textFeatures.ts',
  'src/nlu/linearModel.ts',
  'src/nlu/triageModel.ts',
  'src/kb/topicModel.ts',
  'src/kb/termIndex.ts',
];

/** Models already loaded by this process (every bot, and every test's bot, shares one). */
const inProcess = new Map<string, LinearModel>();

/**
 * A model trained from exactly this data and code: the one in memory or saved on disk when its fingerprint
 * matches, otherwise trained now (a few seconds) and saved for next time.
 */
function cachedModel(name: string, fingerprint: string, train: () => LinearModel): LinearModel {
  const key = `${name}:${fingerprint}`;
  const loaded = inProcess.get(key);
  if (loaded) return loaded;
  const file = join(MODELS_DIR, `${name}.json`);
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SavedModel) : undefined;
  let model: LinearModel;
  if (saved?.fingerprint === fingerprint) model = LinearModel.fromData(saved.model);
  else {
    model = train();
    save(file, { fingerprint, model: model.toData() });
  }
  inProcess.set(key, model);
  return model;
}

/** The safety model for these red-flag rules and training data. */
export function triageModel(knowledgeDir: string, rules: RedFlagRules): LinearModel {
  const fingerprint = hash([
    trainingFingerprint(knowledgeDir, ['red-flags', 'topics']),
    rules.categories.map((category) => category.id).join(','),
    codeFingerprint(),
  ]);
  return cachedModel('triage', fingerprint, () => {
    const data = { redFlags: trainingSets(knowledgeDir, 'red-flags'), topics: trainingSets(knowledgeDir, 'topics') };
    return trainTriageModel(
      data,
      rules.categories.map((category) => category.id),
    );
  });
}

/** The knowledge index: the term index over the topics, and the topic model trained on the writers' questions. */
export function knowledgeIndex(knowledge: Knowledge, knowledgeDir: string): KnowledgeIndex {
  const terms = new TermIndex(knowledge);
  const fingerprint = hash([
    trainingFingerprint(knowledgeDir, ['topics']),
    filesFingerprint(join(knowledgeDir, 'topics')),
    filesFingerprint(knowledgeDir, ['lexicon.yaml']),
    codeFingerprint(),
  ]);
  const model = cachedModel('topics', fingerprint, () =>
    trainTopicModel(knowledge, terms, trainingSets(knowledgeDir, 'topics')),
  );
  return new KnowledgeIndex(knowledge, terms, model);
}

function trainingSets<K extends TrainingKind>(knowledgeDir: string, kind: K) {
  const { sets, problems } = readTrainingSets(knowledgeDir, kind);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return sets;
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
function save(file: string, saved: SavedModel): void {
  try {
    mkdirSync(MODELS_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(saved));
  } catch {
    // Not writable: nothing is lost but time.
  }
}
