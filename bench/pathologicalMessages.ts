/**
 * Messages built to be expensive: each kind repeats a pattern that is hard for one reader or another (the number
 * and date recognizers, typo correction, sentence splitting, Unicode normalisation) up to a given length. Shared by
 * the message-cost test (with a generous bound) and `bench/messageCost.ts` (which measures precisely).
 */
export const PATHOLOGICAL_PATTERNS: Record<string, string> = {
  'repeated character': 'a',
  digits: '7',
  'number words': 'seven eight nine ten ',
  'dates and durations': 'since march 3rd 2020 or 3 weeks ago, ',
  'many sentences': 'Back hurts. ',
  'nested brackets': '((((((((((',
  'unknown words': 'qwrtx zxcvb plmkj ',
  typos: 'numbnes bladdr massge strech ',
  'warning-sign words': 'no numbness but my legs feel weak and i fell ',
  'combining accents': 'e\u0301\u0302\u0303 ',
  emoji: '\u{1F600}\u{1F4A5} ',
};

/**
 * The pattern repeated to `chars` UTF-16 code units, or fewer where that would pass `maxBytes` of UTF-8 (a body
 * limit counts bytes); a surrogate pair is never cut in two.
 */
export function pathological(pattern: string, chars: number, maxBytes = Number.POSITIVE_INFINITY): string {
  const bytesPerUnit = Buffer.byteLength(pattern) / pattern.length;
  const length = Math.min(chars, Math.floor(maxBytes / bytesPerUnit));
  const text = pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
  return /[\uD800-\uDBFF]$/.test(text) ? `${text.slice(0, -1)}x` : text;
}
