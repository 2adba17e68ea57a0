import { normaliseText } from './normalise';
import type { Utterance } from './utterance';

/**
 * Things the user says to steer the conversation rather than ask about their
 * back. Only short messages count: "stop" is a command, "when should I stop
 * stretching" is a question.
 */
export type Command =
  | 'help'
  | 'startOver'
  | 'cancel'
  | 'forgetMe'
  | 'whatDoYouKnow'
  | 'showPlan'
  | 'resume'
  | 'skip'
  | 'back'
  | 'clinicianChecked'
  | 'more'
  | 'sources'
  | 'progress'
  | 'greeting'
  | 'thanks'
  | 'goodbye'
  | 'acknowledge'
  | 'complaint'
  | 'human'
  | 'correction';

/** Small talk: answered with a few words, never a knowledge answer, and never a request for the safety screen. */
export const SMALL_TALK: readonly Command[] = ['greeting', 'thanks', 'goodbye', 'acknowledge', 'complaint'];

const PATTERNS: [Command, RegExp][] = [
  [
    'help',
    /^(help|hlep|halp|help me|help please|menu|commands|options|what can (you|u) do|what do (you|u) do|how does this work|how do (i|you) use (this|you)|what are you)$/,
  ],
  [
    'startOver',
    /^(start over|start again|restart|reset|begin again|from the (start|beginning|top)|new conversation|start afresh)$/,
  ],
  [
    'cancel',
    /^(stop|cancel|quit|exit|end|nevermind|never mind|forget it|abort|stop it|cancel that|stop that|no thanks|no thank you)$/,
  ],
  [
    'forgetMe',
    /^(forget me|forget about me|forget everything|delete me|delete my data|delete all my data|delete everything|erase my data|wipe my data|remove my data)$/,
  ],
  [
    'whatDoYouKnow',
    /^(what do (you|u) (know|have|remember|store|keep|hold) (about|on) me|what have (you|u) (got|stored|saved|kept) (about|on) me|what (data|information|info) do (you|u) (have|hold|keep|store)( (about|on) me)?|show (me )?(my data|what (you|u) (know|have|store)( about me)?)|my data)$/,
  ],
  [
    'showPlan',
    /^(show (me )?my (updated )?plan|my plan|show plan|see my plan|view my plan|whats my plan|what is my plan)$/,
  ],
  [
    'resume',
    /^(continue|resume|carry on|pick up where (i|we) left off|continue (the |my )?(routine|stretch|stretches|exercise|exercises|massage|walkthrough)|where was i|where were we)$/,
  ],
  [
    'skip',
    /^(skip|skip it|skip this|skip this one|skip this question|skip question|pass|next question|rather not say|id rather not say|id rather not|prefer not to say|id prefer not to say|no comment|dont want to say|i dont want to say|leave it|skip that)$/,
  ],
  [
    'back',
    /^(back|go back|previous|previous question|last question|undo|wait go back|go back one|back one|oops go back)$/,
  ],
  [
    'clinicianChecked',
    /^(ive|i have|i ve) (been checked|been seen|seen a (doctor|gp|clinician|physio))( by (a|my) (doctor|gp|clinician|physio|nurse))?( already)?$|^(a|my) (doctor|gp|clinician|physio) (has )?checked me( already)?$/,
  ],
  [
    'more',
    /^(more|tell me more|more please|more info|more information|more detail|more details|go on|and|read more|keep going)$/,
  ],
  [
    'sources',
    /^(where (is|does|did) (this|that|it)( (info|information|advice))? (come )?from|where did (you|u) get (this|that|it)( from)?|(whats|what is|what are) (your|the) (source|sources|references?|evidence)|(your |the |any )?(sources?|references?)|source for (this|that)|how do (you|u) know (this|that)|says who|according to (who|whom)|is (this|that) evidence based|(show|give) me (the|your) sources?)$/,
  ],
  [
    'progress',
    /^(how am i doing|how have i been doing|how ive been doing|how am i getting on|how have i got on|(show )?(me )?my (progress|pain history|pain scores|scores|history)|progress( so far)?|my progress so far|am i improving|am i getting better)$/,
  ],
  [
    'greeting',
    /^(hi+|hello+|hey+|hiya|howdy|yo|good (morning|afternoon|evening)|hi there|hello there|hey there|greetings)( (bot|backcare|there))?$/,
  ],
  [
    'thanks',
    /^(thanks?( (a lot|so much|very much|you|you so much|you very much))?|thank u|thx|thanx|ty|cheers|ta|much appreciated|great thanks|ok thanks|okay thanks|that helps|that helped|helpful)$/,
  ],
  ['goodbye', /^(bye+|goodbye|good bye|see (you|ya)|see you later|later|cya|good night|night)$/],
  [
    'acknowledge',
    /^(ok+|okay|okey|okie|k+|alright|all right|right|cool|got it|gotcha|fine|sure|i see|understood|noted|great|nice|good|perfect|lovely|sounds good|will do|fair enough|makes sense|right ok|ok cool|ah ok|oh ok)$/,
  ],
  [
    'complaint',
    /^((you re|youre|ur|you are|this is|thats|that s|that was|this bot is|what a) (useless|rubbish|stupid|dumb|pointless|no help|not helpful|no use|hopeless|crap|terrible|awful|annoying|a waste of time)|useless|rubbish|not helpful|no help|unhelpful|(that|this|it|you) (didnt|did not|doesnt|does not|dont) help( at all)?|waste of time)( bot)?$/,
  ],
  [
    'human',
    /^((can|could|may) i |i (want|need|would like|d like) to |let me |i want |i need )?(talk|speak|chat) (to|with) (a |an |someone|somebody|a real |an actual |real |actual )?(human|person|people|someone|somebody|real person|staff|member of staff|receptionist|therapist|the clinic)$|^((a |an )?(real )?(human|person|agent|operator)( please)?|is there (a|an) (human|real person|person) (here|there)|are you (a )?(human|real|bot|robot|real person))$/,
  ],
  [
    'correction',
    /^(no+ |nope |nah )?(not that( one)?|the other (one|thing)|wrong (one|topic|answer)|thats not (it|what i (asked|meant|wanted))|that s not (it|what i (asked|meant|wanted))|not what i (asked|meant|wanted)|i meant the other (one|thing)|something else|no i meant something else)$/,
  ],
];

/** "No, I meant my mum", "I meant the stretches": what the user meant instead (in group 1). */
const MEANT_INSTEAD =
  /^(?:no+|nope|nah|sorry|oops)?\s*(?:i|i d|id) (?:meant|mean|was asking about|wanted)\s+(?:to ask about\s+)?(.+)$/;

/** What a correction like "no, I meant the stretches" asks about instead, or undefined. */
export function meantInstead(text: string): string | undefined {
  const rest = MEANT_INSTEAD.exec(normaliseText(text))?.[1].trim();
  // "I meant the other one" is a correction without a new question.
  return rest && recognizeCommand(rest) === null ? rest : undefined;
}

/** No command is this long: a longer message is a question or a story that holds a command's words. */
const MAX_COMMAND_WORDS = 20;

export function recognizeCommand(message: string | Utterance): Command | null {
  if (typeof message !== 'string' && message.wordCount > MAX_COMMAND_WORDS) return null;
  const normalised = (typeof message === 'string' ? normaliseText(message) : message.normalised)
    .replace(/\b(please|pls|plz)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [command, pattern] of PATTERNS) if (pattern.test(normalised)) return command;
  return null;
}
