import { Utterance } from './utterance';

/**
 * A person stepping away in the middle of questions: "hold on, my phone rang, can we carry on later" is a pause
 * until another time; "one sec" is a moment, after which they answer the question as asked.
 */
export type PauseRequest = 'later' | 'moment';

/** Longer messages are answers or questions that happen to mention "later". */
const MAX_WORDS = 20;

const LATER = [
  // "Can we carry on later", "finish this tomorrow", "pick it up another day".
  /\b(carry on|continue|finish|do|pick (this|it) up|come back( to (this|it))?|resume|go on|get back to (this|it|you))( with)?( (this|it|the (rest|questions)))? (later|another (time|day)|tomorrow|tonight|some other time|in a bit|after)\b/,
  // "I have to go", "sorry, gotta dash", "need to run": at the start ("then I have to go to the gym" is not one).
  /^((sorry|ok|oh|right|hold on|wait|oops|argh) )*(i )?(ll )?(have to|got to|gotta|need to|must|better) (go|run|dash|leave|head off|shoot|log off)\b/,
  /^(pause|pause (this|it|the questions)|not now|later|another time|maybe later|(can we|lets) (stop|pause) ((here|there)( for now)?|for now|now)|stop for now|thats enough for now)$/,
];

const MOMENT =
  /^(hold on|hang on|wait|one (sec|second|moment|min|minute)|just a (sec|second|moment|min|minute)|give me a (sec|second|moment|min|minute)|brb|be right back|back in a (sec|minute|min|bit)|one moment please)( (a (sec|second|moment|min|minute)|please))?$/;
/** Why someone steps away for a moment: "hang on, someone's at the door". */
const INTERRUPTION =
  /^(hold on|hang on|wait|one sec|one second|one moment|brb)\b.*\b(phone|door|doorbell|call|calling|rang|ringing|knock\w*|kids?|baby|dog|someone|somebody|boss)\b/;

export function recognizePause(message: string | Utterance): PauseRequest | null {
  const utterance = typeof message === 'string' ? new Utterance(message) : message;
  if (utterance.wordCount > MAX_WORDS) return null;
  const normalised = utterance.normalised;
  if (LATER.some((pattern) => pattern.test(normalised))) return 'later';
  // "Hang on, that's wrong" is not a pause: only a moment said on its own, or with a reason ("wait, phone").
  if (MOMENT.test(normalised) || INTERRUPTION.test(normalised)) return 'moment';
  return null;
}
