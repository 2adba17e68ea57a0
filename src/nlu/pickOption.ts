import { normaliseText } from './normalise';
import { STOPWORDS } from './stopwords';

const ORDINALS: [RegExp, (count: number) => number][] = [
  [/\b(first|1st|top)\b/, () => 0],
  [/\b(second|2nd|middle)\b/, () => 1],
  [/\b(third|3rd)\b/, () => 2],
  [/\b(fourth|4th)\b/, () => 3],
  [/\b(last|bottom)\b/, (count) => count - 1],
];
const NUMBERED = /^(?:(?:number|no|option|choice|item|the)\s+)?([1-9]|1[0-9])(?:\s+(?:one|please))?$/;

/**
 * Which of the offered options a reply picks: its number ("2", "option 2"), its place ("the first one", "the
 * last"), or words only that option has ("glutes", "the heat one"). Null when the reply picks none of them,
 * or could be more than one: it is then a new message.
 */
export function pickOption(text: string, options: string[]): number | null {
  const normalised = normaliseText(text);
  const numbered = NUMBERED.exec(normalised);
  if (numbered) return inRange(Number(numbered[1]) - 1, options.length);
  const words = contentWords(normalised);
  // A short reply naming a place; a longer one ("the first thing I noticed...") is a new message.
  if (words.size <= 1)
    for (const [pattern, place] of ORDINALS)
      if (pattern.test(normalised)) return inRange(place(options.length), options.length);
  const overlaps = options.map(
    (option) => [...contentWords(normaliseText(option))].filter((word) => words.has(word)).length,
  );
  const best = Math.max(...overlaps);
  // Every word of the reply must be the option's: a question sharing one word with a title is still a question.
  if (best === 0 || best < words.size || overlaps.filter((overlap) => overlap === best).length > 1) return null;
  return overlaps.indexOf(best);
}

/** The number a reply picks by number alone ("3", "number 3", "item 3 please"), or null. */
export function pickedNumber(text: string): number | null {
  const numbered = NUMBERED.exec(normaliseText(text));
  return numbered ? Number(numbered[1]) : null;
}

function inRange(index: number, count: number): number | null {
  return index >= 0 && index < count ? index : null;
}

/** Words that say what an option is about, singular ("stretches" and "stretch" agree). */
function contentWords(normalised: string): Set<string> {
  return new Set(
    normalised
      .split(' ')
      .filter(
        (word) => word.length > 2 && !STOPWORDS.has(word) && !/^(first|second|third|last|option|number)$/.test(word),
      )
      .map((word) => word.replace(/(?<=[a-z]{3})(es|s)$/, '')),
  );
}
