import { normaliseText, stem } from '../nlu/normalise';
import type { Routine } from './schema';

/** A request to be coached through a routine: a named one, or "it" (the topic just answered). */
export type RoutineRequest = { kind: 'named'; routine: Routine } | { kind: 'it' };

/** Asks to be coached, whatever follows: "walk me through a stretch for my back" (or "though", a common typo). */
const WALK_ME_THROUGH =
  /^(?:(?:can|could|will|would) (?:you|u) )?(?:please )?(?:walk|guide|take|talk|coach|lead|run|step) (?:me|us) (?:through|thru|throught|thro|though|trough)\b/;
/**
 * Could also start a question ("do stretches help?", "show me why"): a request only when nothing but the routine
 * and filler words follow.
 */
const DO_WITH_ME =
  /^(?:(?:can|could) (?:you|u) )?(?:please )?(?:show|teach) me(?: how to do)?\b|^(?:ok |okay )?(?:lets|let us|can we|shall we|i want to|id like to) (?:do|try|start)\b|^(?:do|start|begin|try) (?=(?:the|a|an|it|this|that|my)\b)|^do it with me\b/;
const FILLER = new Set(
  'the a an one it this that my for with me now please again routine back lower stretch stretching massage self exercise how to do of some quick desk break partner'
    .split(' ')
    .map(stem),
);
const IT = /^(?:it|this|that|this one|that one|them|these|those|the stretch|the massage|the exercise|the routine|)$/;
const KIND_WORDS: [Routine['kind'], RegExp][] = [
  [
    'partnerMassage',
    /\b(partner|wife|husband|friend|boyfriend|girlfriend|someone else|somebody else|another person)\b/,
  ],
  ['deskBreak', /\b(desk|office|work ?break|break at work|sitting all day|computer|chair)\b/],
  ['selfMassage', /\b(massage|self massage|rub|massaging)\b/],
  ['stretch', /\b(stretch|stretches|stretching|exercise|exercises)\b/],
];

/**
 * Finds the routine a user asks to be walked through. Names are compared as
 * stemmed word sequences, so "knees to chest" finds "knee to chest". Asking
 * for a kind ("guide me through a back stretch") gets the gentlest routine of
 * that kind: one with no gentler alternative.
 */
export class RoutineFinder {
  private readonly names: { routine: Routine; words: string[] }[];

  constructor(readonly routines: Routine[]) {
    this.names = routines
      .flatMap((routine) => [routine.title, ...routine.names].map((name) => ({ routine, words: stems(name) })))
      // Longer names first: "supine figure 4" before "figure 4".
      .sort((a, b) => b.words.length - a.words.length);
  }

  byId(id: string): Routine | undefined {
    return this.routines.find((routine) => routine.id === id);
  }

  /**
   * The routine a topic's "walk me through it" starts: the one named like the topic; for an overview topic, the
   * gentlest one the user can do alone from its area ("selfmassage.overview" -> spine circles).
   */
  forTopic(topicId: string): Routine | undefined {
    const area = topicId.endsWith('.overview') ? `${topicId.split('.')[0]}.` : undefined;
    const candidates = this.routines.filter(
      (routine) => routine.topic === topicId || (area !== undefined && routine.topic.startsWith(area)),
    );
    return (
      candidates.find((routine) => topicId.endsWith(`.${routine.id}`)) ??
      candidates.find((routine) => routine.kind !== 'partnerMassage' && !routine.gentler) ??
      candidates[0]
    );
  }

  request(text: string): RoutineRequest | null {
    const normalised = normaliseText(text);
    const asked = WALK_ME_THROUGH.exec(normalised) ?? DO_WITH_ME.exec(normalised);
    if (!asked) return null;
    // "walk me through it please", "do it with me": what the request is about, without the politeness.
    const rest = normalised
      .slice(asked[0].length)
      .replace(/\b(?:please|pls|plz|now|with me|for me)\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (IT.test(rest)) return { kind: 'it' };
    const strict = !WALK_ME_THROUGH.test(normalised);
    const words = stems(rest);
    const name = this.names.find((candidate) => containsRun(words, candidate.words));
    const kind = KIND_WORDS.find(([, pattern]) => pattern.test(rest))?.[0];
    const routine =
      name?.routine ?? (kind && this.routines.find((candidate) => candidate.kind === kind && !candidate.gentler));
    if (!routine) return null;
    // After "show me" or "do", anything but the routine and filler words makes it a question, not a request.
    const named = new Set(name?.words ?? []);
    if (
      strict &&
      !words.every((word) => named.has(word) || FILLER.has(word) || KIND_WORDS.some(([, p]) => p.test(word)))
    )
      return null;
    return { kind: 'named', routine };
  }
}

function stems(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised === '' ? [] : normalised.split(' ').map(stem);
}

function containsRun(words: string[], run: string[]): boolean {
  if (run.length === 0) return false;
  for (let start = 0; start + run.length <= words.length; start++)
    if (run.every((word, offset) => words[start + offset] === word)) return true;
  return false;
}
