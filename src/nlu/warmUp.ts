import { recognizeDuration } from './duration';
import { recognizeSeverity } from './severity';
import { recognizeSittingHours } from './sittingHours';

/**
 * The recognizers build their models on first use: about 150 ms for numbers
 * and 350 ms for the first date-time call. Calling each once at start-up
 * keeps that off the first user's turn.
 */
export function warmUpRecognizers(): void {
  recognizeSeverity('about a seven out of ten');
  recognizeSittingHours('9 to 5');
  recognizeDuration('since last Christmas, about three weeks', new Date());
}
