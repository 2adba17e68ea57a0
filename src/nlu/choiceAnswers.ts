import { normaliseText } from './normalise';

/**
 * Answers to the assessment's multiple-choice questions, typed or tapped.
 * Each reader returns null when it cannot tell, so the question can be asked
 * again instead of guessed. Patterns are tried in order: the first that
 * matches wins, so "not sure" is read before "no".
 */
type Patterns<T> = [T, RegExp][];

function readFirst<T>(text: string, patterns: Patterns<T>): T | null {
  const normalised = normaliseText(text);
  for (const [value, pattern] of patterns) if (pattern.test(normalised)) return value;
  return null;
}

const UNSURE =
  /\b(not sure|unsure|dont know|do not know|dunno|no idea|maybe|possibly|perhaps|cant tell|not certain|idk)\b/;
const NO =
  /^(no+|nope|nop|nah|na|none|no none|none of (them|these|those)|not really|neither|no not at all|not at all|nothing|i dont(?! think)|n)\b/;
const YES =
  /^(yes+|yeah|yea|yeh|yep|yup|ya|y|aye|sure|definitely|definately|correct|one of them|some of (them|these)|i do|it does)\b/;

export function recognizeYesNoUnsure(text: string): 'yes' | 'no' | 'unsure' | null {
  return readFirst(text, [
    ['unsure', UNSURE],
    ['no', NO],
    ['yes', YES],
  ]);
}

/** "Do you wake up stiff?": yes, sometimes, or no. */
export function recognizeFrequency(text: string): 'yes' | 'sometimes' | 'no' | null {
  return readFirst(text, [
    // "Not always" and "not every day" are sometimes; "not often" is hardly ever: read before "always" and "often".
    [
      'sometimes',
      /\b(some ?times|somtimes|some days|now and then|oc+as+ional+y|on and off|every so often|once in a while|from time to time|a bit|a little|at times|not always|not every (day|morning))\b/,
    ],
    ['no', /\b(never|rarely|hardly|no+|nope|nah|not really|not usually|not often)\b/],
    [
      'yes',
      /\b(yes+|yeah|yep|yup|always|often|usually|every (day|morning)|daily|all the time|most (days|mornings)|mostly|i do)\b/,
    ],
  ]);
}

export function recognizeTrend(text: string): 'better' | 'same' | 'worse' | null {
  return readFirst(text, [
    // "Not getting any better", "no worse": a change denied, read before the change itself.
    ['same', /\b(not|no|isnt|hasnt|never)( getting| got)?( any)? (better|worse|improving|worsening)\b/],
    ['worse', /\b(worse|worst|worsening|getting bad|more pain(ful)?|hurts more|increasing|spreading)\b/],
    ['better', /\b(better|beter|improving|easing|eased|easier|less pain(ful)?|improved|settling|going away)\b/],
    ['same', /\b(same|no change|(hasnt|havent|not) changed|unchanged|steady|stable|constant|no different|neither)\b/],
  ]);
}

export function recognizeStress(text: string): 'low' | 'some' | 'high' | null {
  return readFirst(text, [
    // Negations and "very little" first, or their "very", "really" and "super" would read as high.
    [
      'low',
      /\b(not (very|really|much|at all|too|that|a lot|particularly|super|so|stressed)|really not|very little|hardly|never|relaxed|calm|no stress|none)\b/,
    ],
    [
      'high',
      /\b(a lot|lots|loads|tons|a ton|too much|all the time|very|really|so stressed|stressed out|extremely|super|highly|high|massively|constantly|always|overwhelmed|burnt out|burned out|awful|terrible)\b/,
    ],
    [
      'some',
      /\b(some|a bit|a little|bit|somewhat|moderate(ly)?|sometimes|quite|fairly|a fair (bit|amount)|average|medium|normal)\b/,
    ],
    ['low', /\b(no+|not really|not at all|not much|hardly|low|none|relaxed|calm|fine|little|nope|nah|never)\b/],
  ]);
}

/** "No sport", "I don't lift anything": what follows a negation, up to "but" or "and", is not something the user does. */
const NEGATED = /\b(no|not|dont|do not|never|neither|nor|without)\b.*?(?=\bbut\b|\band\b|$)/g;
/** Lifting weights is training, not lifting work. */
const GYM_LIFTING = /\b(lift(ing)? (weights|at the gym|in the gym)|weight ?lifting)\b/g;
const SPORT =
  /\b(sports?|run|running|runing|jog|jogging|gym|weights|football|soccer|rugby|tennis|golf|cycling|cycle|bike|swim|swimming|yoga|pilates|climbing|hiking|hike|ski|skiing|rowing|surfing|cricket|hockey|netball|basketball|squash|badminton|crossfit|martial arts|boxing|dance|dancing|train|training|workout|work out|exercise)\b/;
const REPETITIVE =
  /\b(lift|lifting|carry|carrying|warehouse|builder|building site|labour|manual|repetitive|bending|nurse|nursing|care work|carer|caring for|look(ing)? after (someone|my)|cleaner|cleaning|factory|delivery|deliveries|courier|postman|gardening|heavy|kids|children|baby|toddler|plumber|mechanic|farm)\b/;
const NO_ACTIVITY =
  /^(no+|nope|nah|none|neither|not really|not much|nothing|no sport|no exercise|i dont|i do not|i do no|never)\b|\b(desk|office) (job|work)\b/;

export function recognizeActivity(text: string): 'none' | 'sport' | 'repetitive' | 'both' | null {
  const done = normaliseText(text).replace(GYM_LIFTING, 'gym').replace(NEGATED, ' ');
  if (/\bboth\b/.test(done)) return 'both';
  const sport = SPORT.test(done);
  const repetitive = REPETITIVE.test(done);
  if (sport && repetitive) return 'both';
  if (sport) return 'sport';
  if (repetitive) return 'repetitive';
  return readFirst(text, [['none', NO_ACTIVITY]]);
}

/**
 * "Is your mattress old or sagging?" answered in words: "it's pretty old, maybe 12 years", "had it for ages",
 * "brand new last year". A denied state ("not that old") is read first; then a plain yes, no or not sure.
 */
export function recognizeMattressWorn(text: string): 'yes' | 'no' | 'unsure' | null {
  return (
    readFirst(text, [
      ['no', /\b(not|isnt|nt|never) (that |very |too |really )?(old|saggy|sagging|worn|lumpy)\b/],
      [
        'yes',
        /\b(old|ancient|sagg(y|ing|s)|sags|dips?|dipped|lumpy|springs?|worn( out)?|knackered|ages|past it|falling apart|hollow|dent|(\d+|many|several) years)\b/,
      ],
      [
        'no',
        /\b(new|newish|brand new|fine|firm|good|great|comfy|comfortable|just (bought|got)|(bought|got) it (last year|recently|this year)|few months|last year)\b/,
      ],
    ]) ?? recognizeYesNoUnsure(text)
  );
}
