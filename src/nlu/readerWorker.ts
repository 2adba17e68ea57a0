/**
 * The worker thread of src/nlu/readerThread.ts: reads durations with the date-time recognizer and detects languages,
 * both warmed first. Requests are queued by the thread while it warms up.
 */
import { parentPort } from 'node:worker_threads';
import { answer, WARM_UP, type ReaderRequest } from './readerThread';

answer({ kind: 'duration', text: WARM_UP, today: Date.now() });
answer({ kind: 'language', text: WARM_UP });
parentPort?.on('message', (request: ReaderRequest) => {
  parentPort!.postMessage({ id: request.id, answer: answer(request) });
});
