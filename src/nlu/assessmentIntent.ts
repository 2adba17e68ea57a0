import { normaliseText } from './normalise';

/** "lower back", "lowerback", "bak": the user's back, as typed. */
const BACK = String.raw`(lower ?|low )?(back|bak)`;

/**
 * Messages that ask for help with the user's own back rather than a fact
 * about backs: "my back hurts", "what should I do", "start". They begin the
 * assessment; questions such as "why does my back hurt after running" stay
 * with the knowledge base.
 */
const ASKS_FOR_ASSESSMENT = [
  /^((ok|okay|yes|yeah|sure) )?(start|begin|go|lets (start|go|begin)|get started|start (the )?(assessment|questions|check)|start (again|over)|restart|assess me|check me)$/,
  /^((can|could) (you|u|i) )?(get|make|give me|have|i want|i need|i would like|id like|create|build|show me)( me)? (a |an |my )?(new )?(personal |personali[sz]ed |own )?(back )?(plan|assessment|check ?up)( for (me|my back))?$/,
  /^(start a )?(new|another) (assessment|plan)$|^(update|redo|redo my|new) (my )?(plan|assessment|answers)$/,
  // "so" is removed below as a filler, so "hurts so much" arrives as "hurts much".
  new RegExp(
    String.raw`^(my|me) ${BACK}( is|s| has been)?( really| very)? (hurts|hurst|hurting|aches|aching|sore|killing me|painful|bad|stiff|playing up|pain|ache)( (a lot|much|badly|again|today))?$`,
  ),
  new RegExp(
    String.raw`^(i|ive) (have|ve got|got|am having|m having|have got|suffer from|suffer with)( (some|bad|terrible|awful|really bad|chronic|a bit of|a lot of))? ${BACK} ?(pain|ache|problems|issues|trouble)( (again|today))?$`,
  ),
  new RegExp(String.raw`^(i have|ive got|i got) a bad back$|^(i|ive) (hurt|injured|pulled|tweaked|done) my ${BACK}$`),
  new RegExp(String.raw`^${BACK} ?(pain|ache|hurts)$|^bad back$`),
  /^(what (should|can|do) i do|what do you (suggest|recommend)|(can|could) (you|u) help( me)?( with my (lower )?back)?|help me with my (lower )?back|i need help with my (lower )?back|what can i do (about|for) (it|my back|my back pain))$/,
];

export function wantsAssessment(text: string): boolean {
  // "My back hurts, what should I do?": each sentence or clause on its own may ask for help.
  const parts = [text, ...text.split(/[,.;!?]+/)];
  return parts.some((part) => {
    const normalised = normaliseText(part)
      .replace(/\b(please|pls|plz|hi|hello|hey|so)\b/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    return ASKS_FOR_ASSESSMENT.some((pattern) => pattern.test(normalised));
  });
}
