/**
 * The worker thread of src/nlu/readerThread.ts: reads durations with the date-time recognizer and detects languages,
 * both warmed first. Requests are queued by the thread while it warms up.
 */
import { parentPort } from 'node:worker_threads';
import { answer, warmUpReaders, type ReaderRequest } from './readerThread';

warmUpReaders();
parentPort?.on('message', (request: ReaderRequest) => {
  parentPort!.postMessage({ id: request.id, answer: answer(request) });
});
