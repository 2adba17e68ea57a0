import { normaliseText } from './normalise';
import { isTypoOf } from './typos';

/** What the user can say during a walkthrough. */
export type RoutineControl = 'hurts' | 'next' | 'back' | 'repeat' | 'pause' | 'resume' | 'skip';

/**
 * Pain comes first: "ok but that hurts" must stop the routine, not move on.
 * The other controls are whole short messages, so "next" inside a question is
 * not a control.
 */
const HURTS =
  /\b(that hurts|it hurts|this hurts|hurts|hurting|hurt|ouch+|ow+|oww+|owie|pain (is )?(worse|getting worse|worse now)|worse pain|more pain|twinge|twinged|sharp|stabbing|shooting|too painful|painful|agony|cramp|cramping|pins and needles|tingling|numb)\b/;
const NOT_HURTING = /\b(doesnt|does not|didnt|did not|not|no|isnt|wasnt|without) (hurt|pain|painful|hurting|sharp)\b/;

const CONTROLS: [Exclude<RoutineControl, 'hurts'>, string[]][] = [
  [
    'next',
    [
      'next',
      'done',
      'ok',
      'okay',
      'k',
      'go on',
      'next step',
      'next one',
      'finished',
      'did it',
      'did',
      'im done',
      'yes',
      'yep',
      'yeah',
      'ready',
      'got it',
      'then what',
      'whats next',
      'what next',
      'and then',
      'start',
      'lets go',
      'go',
      'onwards',
      'sure',
    ],
  ],
  ['back', ['back', 'go back', 'previous', 'prev', 'previous step', 'last step', 'step back', 'before', 'undo']],
  [
    'repeat',
    [
      'repeat',
      'again',
      'say again',
      'repeat that',
      'one more time',
      'come again',
      'what',
      'huh',
      'pardon',
      'sorry',
      'show again',
      'repeat step',
      'do it again',
      'once more',
    ],
  ],
  [
    'pause',
    [
      'pause',
      'wait',
      'hold on',
      'later',
      'brb',
      'be right back',
      'pause it',
      'not now',
      'continue later',
      'break',
      'take a break',
    ],
  ],
  ['resume', ['continue', 'resume', 'carry on', 'where was i', 'where were we', 'im back', 'back again', 'unpause']],
  [
    'skip',
    [
      'skip',
      'skip it',
      'skip this',
      'skip step',
      'skip this one',
      'skip that',
      'pass',
      'cant do this one',
      'cant do that',
    ],
  ],
];

const FILLER_BEFORE = /^((ok|okay|k|right|alright|yep|yes|yeah|cool|great|all|and|so|sure|um|erm) )+/;
const FILLER_AFTER = /( (that|it|that one|this one|then|thanks|thank you|ta|cheers|mate))+$/;

export function recognizeRoutineControl(text: string): RoutineControl | null {
  const whole = normaliseText(text);
  const normalised = whole
    .replace(/\b(please|pls|plz|now)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (HURTS.test(normalised) && !NOT_HURTING.test(normalised)) return 'hurts';
  // The whole message first: "not now" is a phrase of its own, not "not" once "now" is dropped. Then without the
  // words around a control that add nothing: "ok done", "right, finished", "done that", "all done".
  const bare = normalised.replace(FILLER_BEFORE, '').replace(FILLER_AFTER, '');
  for (const [control, phrases] of CONTROLS)
    if (phrases.includes(whole) || phrases.includes(normalised) || phrases.includes(bare)) return control;
  // One typed word with a typo ("nxt", "nect", "repaet", "pasue"), never a real word read as another.
  if (!normalised.includes(' '))
    for (const [control, phrases] of CONTROLS)
      if (phrases.some((phrase) => !phrase.includes(' ') && phrase.length >= 4 && isTypoOf(normalised, phrase, 4)))
        return control;
  return SHORTHANDS[normalised] ?? null;
}

/** Shortenings one edit cannot reach from a word of four letters or more. */
const SHORTHANDS: Record<string, RoutineControl> = {
  nxt: 'next',
  nx: 'next',
  n: 'next',
  ok: 'next',
  kk: 'next',
  rpt: 'repeat',
};
