import type { DurationReading } from './durationBand';
import type { DetectedLanguage } from './language';
import type { SeverityReading } from './severity';
import type { SittingHoursReading } from './sittingHours';

/**
 * The slow readers, which the server runs on its reader thread (readerThread.ts): the recognizers-text models
 * (numbers for pain scores and sitting hours, date-times for durations) and the language detector. Their packages
 * take a while to load and their first calls build models (hundreds of milliseconds in all), so each reader's
 * module is loaded when it is first asked: the language check, which every first message needs, is not kept
 * waiting for the date-time recognizer to load.
 */

/** What the readers are asked (a Date does not cross threads as a Date: `today` is milliseconds since 1970). */
export type Question =
  | { kind: 'duration'; text: string; today: number }
  | { kind: 'language'; text: string }
  | { kind: 'severity'; text: string }
  | { kind: 'sittingHours'; text: string };

export type Answer = DurationReading | DetectedLanguage | SeverityReading | SittingHoursReading;

const WARM_UP = 'since last Christmas, about three weeks';

/**
 * The readers' slow first calls: the language check first (every first message needs it), then durations (the
 * slowest to warm up), then numbers (a score given as a number alone is read on the main thread, without them).
 */
export const WARM_UPS: Question[] = [
  { kind: 'language', text: WARM_UP },
  { kind: 'duration', text: WARM_UP, today: Date.now() },
  { kind: 'severity', text: 'about a seven out of ten' },
  { kind: 'sittingHours', text: '9 to 5' },
];

/* eslint-disable @typescript-eslint/no-require-imports -- each reader loaded on first use (see above) */
/** A question's answer, read on the calling thread (the worker's, or the main one when there is no worker). */
export function answer(question: Question): Answer {
  switch (question.kind) {
    case 'duration':
      return (require('./duration') as typeof import('./duration')).recognizeDuration(
        question.text,
        new Date(question.today),
      );
    case 'language':
      return (require('./language') as typeof import('./language')).detectLanguage(question.text);
    case 'severity':
      return (require('./severity') as typeof import('./severity')).recognizeSeverity(question.text);
    case 'sittingHours':
      return (require('./sittingHours') as typeof import('./sittingHours')).recognizeSittingHours(question.text);
  }
}
