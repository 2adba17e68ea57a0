import { recognizeSeverity } from './severity';
import { recognizeSittingHours } from './sittingHours';

/**
 * The number recognizer builds its models on first use (about 65 ms): calling
 * it once at start-up keeps that off the first user's turn. The duration
 * reader warms up on its own thread (readerThread.ts).
 */
export function warmUpRecognizers(): void {
  recognizeSeverity('about a seven out of ten');
  recognizeSittingHours('9 to 5');
}
