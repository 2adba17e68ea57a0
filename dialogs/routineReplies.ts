import type { Reply } from '../src/channels/reply';
import type { RoutineFinder } from '../src/kb/routineFinder';
import type { Routine, RoutineStep, SafetyMessages } from '../src/kb/schema';
import { lowerFirst, SCORE_ACTIONS } from './wording';

export const START = 'Start';
export const NOT_NOW = 'Not now';
const END_HERE = 'End here';
const STEP_CONTROLS = ['Next', 'Repeat', 'Back', 'Pause', 'Skip', 'That hurts', 'Stop'];
const YOU_CAN_SAY = 'You can say:';

export const gentlerAction = (gentler: Routine) => `Try the gentler ${lowerFirst(gentler.title)}`;
export const walkThroughAction = (routine: Routine) => `Walk me through the ${lowerFirst(routine.title)}`;

/** The walkthrough's words, kept together so the coaching voice stays the same. */
export class RoutineReplies {
  constructor(
    private readonly finder: RoutineFinder,
    private readonly messages: SafetyMessages,
  ) {}

  introduction(routine: Routine): Reply {
    const skip =
      routine.skipIf.length > 0
        ? `\n\nSkip it, and ask a doctor or physio first, if:\n${routine.skipIf.map((caution) => `- ${caution}`).join('\n')}`
        : '';
    return {
      text:
        `**${routine.title}**: ${routine.steps.length} steps, at your pace.\n\n` +
        `Before we start: stop at once if the pain gets worse, and tell me.${skip}\n\n` +
        `You'll need: ${lowerFirst(routine.needs)}`,
      actions: [START, NOT_NOW],
    };
  }

  resuming(routine: Routine, step: number): string {
    return `Welcome back to the ${lowerFirst(routine.title)}. We were at step ${step + 1} of ${routine.steps.length}.`;
  }

  step(routine: Routine, index: number, prefix: string, countsHold: boolean): Reply {
    const step = routine.steps[index];
    const lines = [`${prefix}**Step ${index + 1} of ${routine.steps.length}**${sideOf(step)}: ${step.text}`];
    const dose = doseOf(step);
    if (dose) lines.push(dose);
    if (step.safety) lines.push(step.safety);
    if (step.holdSeconds !== undefined)
      lines.push(
        countsHold
          ? `I'll tell you when ${seconds(step.holdSeconds)} ${step.holdSeconds === 1 ? 'is' : 'are'} up.`
          : "Tell me when you're done, and I'll give you the next step.",
      );
    return { text: lines.join('\n\n'), actions: STEP_CONTROLS, actionsIntro: YOU_CAN_SAY };
  }

  holdOver(step: RoutineStep): Reply {
    const again = step.reps && step.reps > 1 ? ` Repeat it until you've done it ${step.reps} times, then` : ' Then';
    return {
      text: `That's ${seconds(step.holdSeconds!)}: well done.${again} say **next**.`,
      actions: STEP_CONTROLS,
      actionsIntro: YOU_CAN_SAY,
    };
  }

  controls(): Reply {
    return {
      text: "Say **next** when you're ready, or **repeat**, **back**, **skip**, **pause** or **stop**. If anything hurts, say **that hurts**.",
      actions: STEP_CONTROLS,
      actionsIntro: YOU_CAN_SAY,
    };
  }

  paused(routine: Routine, step: number): Reply {
    return {
      text: `Paused at step ${step + 1} of ${routine.steps.length} of the ${lowerFirst(routine.title)}. Say **continue** whenever you're ready, even another day.`,
      actions: ['Continue'],
    };
  }

  notNow(routine: Routine): Reply {
    return { text: `OK. Say "${walkThroughAction(routine).toLowerCase()}" whenever you're ready.` };
  }

  tooSevere(routine: Routine, score: number): Reply {
    return {
      text: this.messages.routineTooSevere
        .replace('{routine}', lowerFirst(routine.title))
        .replace('{score}', String(score)),
      actions: ['When should I see a doctor?'],
    };
  }

  stopForPain(gentler: Routine | undefined): Reply {
    const text = this.messages.stopForPain;
    if (!gentler) return { text, actions: ['When should I see a doctor?'] };
    return {
      text: `${text}\n\nIf you feel up to it later, you could try something gentler: the ${lowerFirst(gentler.title)}. Or we can end here.`,
      actions: [gentlerAction(gentler), END_HERE],
    };
  }

  endedAfterHurt(): Reply {
    return { text: 'OK, we will leave it there. Rest, and be kind to your back today.' };
  }

  howDoYouFeel(routine: Routine): Reply {
    return {
      text: `Well done: that's the end of the ${lowerFirst(routine.title)}. How does your back feel now, from 0 to 10?`,
      actions: [...SCORE_ACTIONS, 'Skip'],
      actionsIntro: 'You can answer:',
    };
  }

  afterwards(routine: Routine, before: number | undefined, now: number | null): Reply {
    const change =
      now === null || before === undefined
        ? ''
        : now === before
          ? `The same as before (${now}/10). `
          : `That's ${now < before ? 'down' : 'up'} from ${before} to ${now}. `;
    const worse = now !== null && before !== undefined && now > before ? `${this.messages.worseAfterRoutine} ` : '';
    const next = routine.next ? this.finder.byId(routine.next) : undefined;
    return {
      text: `${change}${worse}Repeat it ${lowerFirst(routine.howOften)}${next ? ` Next time, you could add the ${lowerFirst(next.title)}.` : ''}`,
      actions: [...(next ? [walkThroughAction(next)] : []), 'Show my plan'],
    };
  }
}

function sideOf(step: RoutineStep): string {
  if (step.side === 'left') return ' (left side)';
  if (step.side === 'right') return ' (right side)';
  return step.side === 'both' ? ' (both sides)' : '';
}

function doseOf(step: RoutineStep): string {
  const hold = step.holdSeconds === undefined ? '' : `Hold for ${seconds(step.holdSeconds)}`;
  const reps = step.reps === undefined || step.reps === 1 ? '' : `${step.reps} times`;
  if (hold && reps) return `${hold}, ${reps}.`;
  if (hold) return `${hold}.`;
  return reps ? `Do it ${reps}.` : '';
}

function seconds(count: number): string {
  return `${count} second${count === 1 ? '' : 's'}`;
}
