import { readerThread } from './nlu/readerThread';

/**
 * Imported first by the server (src/index.ts): the reader thread starts before the rest of the server is even loaded,
 * and warms up on another core meanwhile. The bot takes its own hold on the thread; this one is then released.
 */
export const releaseEarlyHold = readerThread.start();
