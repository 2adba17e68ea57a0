/** How many cue matches are looked at: enough for any real answer, and a bound on the work for a pathological one. */
const MAX_CUES = 64;

/**
 * The part of an answer that a recognizer reads: at most maxChars, placed to
 * cover as many cues (the words that carry the answer: numbers, units, dates)
 * as it can, cut at word boundaries, in plain ASCII. The recognizers-text
 * models take time that grows faster than the length of their input, so they
 * are never given more than this; real answers are shorter and pass whole.
 * (English numbers and dates are ASCII; and V8 compiles every regular
 * expression again for the first string with other characters, a 100 ms stall.)
 */
export function excerpt(text: string, cue: RegExp, maxChars: number): string {
  return window(toAscii(text), cue, maxChars);
}

/** Accents dropped ("é" -> "e"), quotes and dashes made plain ("9–5"), anything else outside ASCII a space. */
function toAscii(text: string): string {
  if (/^[\t\n\r\x20-\x7e]*$/.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[^\t\n\r\x20-\x7e]/g, ' ');
}

function window(text: string, cue: RegExp, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const flags = cue.flags.includes('g') ? cue.flags : `${cue.flags}g`;
  const cues: number[] = [];
  for (const match of text.matchAll(new RegExp(cue.source, flags))) {
    cues.push(match.index);
    if (cues.length === MAX_CUES) break;
  }
  if (cues.length === 0) return wordsWithin(text, 0, maxChars);

  // The window starting at a cue that reaches the most cues after it (two pointers over the sorted positions).
  let best = 0;
  let bestCount = 0;
  let last = 0;
  for (let first = 0; first < cues.length; first++) {
    while (last < cues.length && cues[last] < cues[first] + maxChars) last++;
    if (last - first > bestCount) {
      bestCount = last - first;
      best = first;
    }
  }
  // A little context before the first cue ("about", "since"), as far as a quarter of the window allows.
  const start = Math.max(0, cues[best] - Math.floor(maxChars / 4));
  return wordsWithin(text, start, maxChars);
}

/** Up to maxChars from `start`, without a word cut in two at either end. */
function wordsWithin(text: string, start: number, maxChars: number): string {
  let from = start;
  if (from > 0 && /\w/.test(text[from - 1])) while (from < text.length && /\w/.test(text[from])) from++;
  let to = Math.min(text.length, from + maxChars);
  if (to < text.length && /\w/.test(text[to])) while (to > from && /\w/.test(text[to - 1])) to--;
  return text.slice(from, to).trim();
}
