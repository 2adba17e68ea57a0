/**
 * The worker thread of src/nlu/readerThread.ts: answers the readers' questions (readers.ts), and warms the
 * readers up.
 */
import { parentPort } from 'node:worker_threads';
import type { ReaderRequest } from './readerThread';
import { answer, WARM_UPS } from './readers';

// One reader at a time, so that a question asked meanwhile (the first message's language) waits for one, not all.
const warmUp = (next: number) => {
  if (next === WARM_UPS.length) return;
  answer(WARM_UPS[next]);
  setImmediate(warmUp, next + 1);
};
warmUp(0);
parentPort?.on('message', (request: ReaderRequest) => {
  parentPort!.postMessage({ id: request.id, answer: answer(request) });
});
