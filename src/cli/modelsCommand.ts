import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../kb/loadKnowledge';
import { loadedKnowledge } from '../kb/loadedKnowledge';
import { MODELS_DIR } from '../paths';
import { vocabulary } from '../kb/vocabulary';
import { SpellingFixer } from '../nlu/spelling';
import { KnowledgeIndex, type MatchResult } from '../kb/knowledgeIndex';
import { TermIndex } from '../kb/termIndex';
import { describeTopicFigures, evaluateTopics, type LabelledQuestion } from '../kb/topicEvaluation';
import { trainTopicModel } from '../kb/topicModel';
import { readTrainingSets } from '../kb/trainingSets';
import { Triage } from '../nlu/triage';
import { describeTriageFigures, evaluateTriage, type Assessed, type LabelledMessage } from '../nlu/triageEvaluation';
import { trainTriageModel } from '../nlu/triageModel';

/** `backcare models build`: trains every model whose saved copy is stale (what `npm run build` runs). */
export function buildModelsCommand(knowledgeDir: string): number {
  const started = Date.now();
  const { knowledge, index } = loadedKnowledge(knowledgeDir);
  console.error(
    `models ready in ${MODELS_DIR} (${Date.now() - started} ms): ` +
      `triage (${knowledge.redFlags.categories.length} categories and none), ` +
      `topics (${index.topics.size} topics)`,
  );
  return 0;
}

/**
 * `backcare models cross-validate triage|topics`: holds out one writer's file at a time, trains on the rest and
 * scores the held-out messages with the whole reader (for triage, rules and model): how it does on a writer it
 * never saw.
 */
export function crossValidateCommand(knowledgeDir: string, kind: 'triage' | 'topics'): number {
  return kind === 'triage' ? crossValidateTriage(knowledgeDir) : crossValidateTopics(knowledgeDir);
}

function crossValidateTopics(knowledgeDir: string): number {
  const knowledge = loadKnowledge(knowledgeDir);
  const terms = TermIndex.build(knowledge);
  const sets = readTrainingSets(knowledgeDir, 'topics').sets;
  const redFlags = readTrainingSets(knowledgeDir, 'red-flags').sets;
  const scored: { question: LabelledQuestion; match: MatchResult }[] = [];
  for (const heldOut of sets) {
    const training = sets.filter((set) => set !== heldOut);
    // The held-out writer's words are not known words either.
    const spelling = new SpellingFixer(vocabulary(knowledge, { redFlags, topics: training }));
    const model = trainTopicModel(knowledge, terms, training, spelling);
    const index = new KnowledgeIndex(knowledge, terms, model, spelling);
    for (const question of heldOut.examples) scored.push({ question, match: index.match(question.text) });
    console.error(`held out ${heldOut.file}: ${heldOut.examples.length} messages`);
  }
  for (const line of describeTopicFigures(evaluateTopics(scored))) console.log(line);
  return 0;
}

function crossValidateTriage(knowledgeDir: string): number {
  const knowledge = loadKnowledge(knowledgeDir);
  const rules = knowledge.redFlags;
  const categories = rules.categories.map((category) => category.id);
  const redFlags = readTrainingSets(knowledgeDir, 'red-flags').sets;
  const topics = readTrainingSets(knowledgeDir, 'topics').sets;
  const assessed: Assessed[] = [];
  for (const heldOut of [...redFlags, ...topics]) {
    const training = {
      redFlags: redFlags.filter((set) => set !== heldOut),
      topics: topics.filter((set) => set !== heldOut),
    };
    const spelling = new SpellingFixer(vocabulary(knowledge, training));
    const triage = new Triage(rules, trainTriageModel(training, categories, spelling), spelling);
    const messages: LabelledMessage[] = heldOut.examples.map((example) =>
      'urgent' in example
        ? { text: example.text, urgent: example.urgent, flag: example.flag }
        : { text: example.text, urgent: false, flag: null },
    );
    for (const message of messages) assessed.push({ message, result: triage.assess(message.text) });
    console.error(`held out ${heldOut.file}: ${messages.length} messages`);
  }
  for (const line of describeTriageFigures(evaluateTriage(assessed))) console.log(line);
  return 0;
}

/** `backcare eval topics FILE.jsonl`: the figures on a file of {"text","topic"} lines (topic null: out of scope). */
export function evalTopicsCommand(knowledgeDir: string, file: string): number {
  const { index } = loadedKnowledge(knowledgeDir);
  const scored = readJsonLines<LabelledQuestion>(file).map((question) => ({
    question,
    match: index.match(question.text),
  }));
  for (const line of describeTopicFigures(evaluateTopics(scored))) console.log(line);
  return 0;
}

function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** `backcare eval triage FILE.jsonl`: the figures on a file of {"text","urgent","flag"} lines. */
export function evalTriageCommand(knowledgeDir: string, file: string): number {
  const { triage } = loadedKnowledge(knowledgeDir);
  const messages = readJsonLines<LabelledMessage>(file);
  const assessed = messages.map((message) => ({ message, result: triage.assess(message.text) }));
  for (const line of describeTriageFigures(evaluateTriage(assessed))) console.log(line);
  return 0;
}
