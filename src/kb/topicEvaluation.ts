import { SURE_CONFIDENCE, type MatchResult } from './knowledgeIndex';

/** A message labelled with the topic it wants, or null when no topic answers it. */
export interface LabelledQuestion {
  text: string;
  topic: string | null;
}

export interface TopicFigures {
  inScope: number;
  /** In-scope messages whose best topic is the right one (answered, or first among the topics offered). */
  rightFirst: number;
  /** In-scope messages answered straight away with the right topic. */
  answeredRight: number;
  /** Answered straight away with another topic than the right one (or any topic, out of scope). */
  confidentlyWrong: number;
  outOfScope: number;
  /** Out-of-scope messages not answered with a topic. */
  declined: number;
  total: number;
  /** "wanted -> given" pairs among the confident mistakes, most frequent first. */
  confused: [string, number][];
}

/** How a matcher did on labelled questions: the right topic first, and never a confident wrong one. */
export function evaluateTopics(scored: { question: LabelledQuestion; match: MatchResult }[]): TopicFigures {
  const figures: TopicFigures = {
    inScope: 0,
    rightFirst: 0,
    answeredRight: 0,
    confidentlyWrong: 0,
    outOfScope: 0,
    declined: 0,
    total: scored.length,
    confused: [],
  };
  const confused = new Map<string, number>();
  for (const { question, match } of scored) {
    const answered = match.topic !== null && match.confidence >= SURE_CONFIDENCE;
    const best = match.topic ?? match.alternatives[0]?.topic ?? null;
    if (question.topic !== null) {
      figures.inScope++;
      if (best === question.topic) figures.rightFirst++;
      if (answered && match.topic === question.topic) figures.answeredRight++;
    } else {
      figures.outOfScope++;
      if (!answered) figures.declined++;
    }
    if (answered && match.topic !== question.topic) {
      figures.confidentlyWrong++;
      const pair = `${question.topic ?? 'none'} -> ${match.topic}`;
      confused.set(pair, (confused.get(pair) ?? 0) + 1);
    }
  }
  figures.confused = [...confused].sort((a, b) => b[1] - a[1]);
  return figures;
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

export function describeTopicFigures(figures: TopicFigures): string[] {
  return [
    `right topic first: ${figures.rightFirst}/${figures.inScope} (${percent(figures.rightFirst, figures.inScope)}); ` +
      `answered straight away with it: ${percent(figures.answeredRight, figures.inScope)}`,
    `out of scope declined: ${figures.declined}/${figures.outOfScope} (${percent(figures.declined, figures.outOfScope)})`,
    `confidently wrong: ${figures.confidentlyWrong}/${figures.total} (${percent(figures.confidentlyWrong, figures.total)})`,
    ...figures.confused.slice(0, 10).map(([pair, count]) => `  ${pair}: ${count}`),
  ];
}
