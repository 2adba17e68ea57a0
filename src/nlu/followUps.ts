import type { RedFlagRules } from '../kb/schema';
import { tokenise } from './normalise';
import { PhraseMatcher } from './phraseMatcher';

/** What a short reply to urgent advice is: taking it back, pushing back, asking, or taking it in. */
export type FollowUpKind = 'misunderstanding' | 'pushback' | 'question' | 'acknowledgement';

const QUESTION_START =
  /^(what|whats|how|why|when|where|which|who|should|shall|can|could|will|would|is|are|do|does|did|really)\b/;

/**
 * Reads a reply to urgent advice with the cues in knowledge/red-flags.yaml
 * (`followUps`). A misunderstanding is read first: "sorry, I meant my mum"
 * must not be taken for pushback.
 */
export class FollowUpReader {
  private readonly misunderstanding: PhraseMatcher;
  private readonly pushback: PhraseMatcher;

  constructor(followUps: RedFlagRules['followUps']) {
    const matcher = (phrases: string[]) => new PhraseMatcher(phrases.map(tokenise).filter((p) => p.length > 0));
    this.misunderstanding = matcher(followUps.misunderstanding);
    this.pushback = matcher(followUps.pushback);
  }

  read(text: string): FollowUpKind {
    const words = tokenise(text);
    if (this.misunderstanding.occursIn(words)) return 'misunderstanding';
    if (this.pushback.occursIn(words)) return 'pushback';
    if (/\?\s*$/.test(text) || QUESTION_START.test(words.join(' '))) return 'question';
    return 'acknowledgement';
  }
}
