/**
 * The worker thread of src/nlu/durationReader.ts: reads durations with the date-time recognizer, warmed first.
 * Requests are queued by the thread while it warms up.
 */
import { parentPort } from 'node:worker_threads';
import { recognizeDuration } from './duration';
import { WARM_UP } from './durationReader';

export interface DurationRequest {
  id: number;
  text: string;
  /** The user's today, as milliseconds since 1970 (a Date does not cross threads as a Date). */
  today: number;
}

recognizeDuration(WARM_UP, new Date());
parentPort?.on('message', ({ id, text, today }: DurationRequest) => {
  parentPort!.postMessage({ id, reading: recognizeDuration(text, new Date(today)) });
});
