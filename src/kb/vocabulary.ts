import { tokenise } from '../nlu/normalise';
import type { Vocabulary } from '../nlu/spelling';
import type { Knowledge } from './loadKnowledge';
import type { RedFlagExample, TopicExample, TrainingSet } from './trainingSets';

/**
 * The words of the knowledge base (curated: never taken for typos) and how often each word is used there and
 * in the models' training data: what the spelling fixer knows.
 */
export function vocabulary(
  knowledge: Knowledge,
  training: { redFlags: TrainingSet<RedFlagExample>[]; topics: TrainingSet<TopicExample>[] },
): Vocabulary {
  const counts = new Map<string, number>();
  const curated = new Set<string>();
  const count = (text: string, isCurated: boolean) => {
    for (const word of tokenise(text)) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
      if (isCurated) curated.add(word);
    }
  };
  for (const topic of knowledge.topics)
    for (const text of [topic.title, topic.answer, topic.more ?? '', ...topic.questions, ...topic.keywords])
      count(text, true);
  // The lexicon's variants include misspellings on purpose ("matress"): only its canonical terms are curated.
  for (const [variant, word] of Object.entries(knowledge.lexicon.spelling)) {
    count(variant, false);
    count(word, true);
  }
  for (const [term, words] of Object.entries(knowledge.lexicon.synonyms)) {
    count(term, true);
    count(words.join(' '), false);
  }
  for (const set of [...training.redFlags, ...training.topics])
    for (const example of set.examples) count(example.text, false);
  return { counts, curated };
}
