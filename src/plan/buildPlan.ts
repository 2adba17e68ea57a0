import { severityBand, type AssessmentAnswers } from './profile';

export type PlanSection =
  'physician' | 'massage' | 'frequency' | 'selfMassage' | 'stretches' | 'activity' | 'lifestyle' | 'safetyNet';

export interface PlanItem {
  section: PlanSection;
  /** The knowledge topic that explains it: item ids are topic ids, so "tell me more" has somewhere to go. */
  id: string;
  title: string;
  advice: string;
  /** Why this item was chosen for this person, in their terms. */
  why: string;
}

export interface LeftOut {
  id: string;
  title: string;
  why: string;
}

export interface Plan {
  /** Severe, worsening, long-lasting pain or a warning sign: a physician comes before everything else. */
  seePhysicianFirst: boolean;
  items: PlanItem[];
  /** What a reader might expect and does not get, with the reason. */
  leftOut: LeftOut[];
  /** Things to say next, in the user's words. */
  nextSteps: string[];
}

export interface PlanContext {
  /** A warning sign was reported in this conversation and no clinician has checked it yet. */
  warningSignUnchecked?: boolean;
}

const SITTING_LONG_HOURS = 6;

/** As they read mid-sentence ("tell me more about hot stone massage"). */
const THERAPY_NAMES: Record<string, string> = {
  'therapy.swedish': 'Swedish massage',
  'therapy.hot-stone': 'hot stone massage',
  'therapy.thai': 'Thai massage',
};

/**
 * The personal plan: pure rules from answers to advice, each item saying why
 * it was chosen. The safety rules come from knowledge/sources/clinical-facts.md:
 * massage only alongside stretches and activity (NICE NG59); self-massage only
 * for mild to moderate pain; severe, worsening, chronic or warning-sign answers
 * put a physician first; weekly therapy for chronic pain only on a physician's
 * advice; nothing hands-on while a warning sign is unchecked.
 */
export function buildPlan(answers: AssessmentAnswers, context: PlanContext = {}): Plan {
  const items: PlanItem[] = [];
  const leftOut: LeftOut[] = [];
  const held = context.warningSignUnchecked === true || answers.warningSigns === 'yes';

  const reasons = physicianReasons(answers, held);
  if (reasons.length > 0) items.push(physicianFirst(reasons, held));

  if (held) {
    const why = 'until a doctor has checked the warning sign you told me about';
    leftOut.push(
      { id: 'therapy.which', title: 'Massage', why },
      { id: 'selfmassage.overview', title: 'Self-massage', why },
      { id: 'stretch.overview', title: 'Stretches', why },
    );
  } else {
    items.push(...massage(answers, leftOut), ...selfMassage(answers, leftOut), ...stretches(answers), keepActive());
  }
  items.push(...lifestyle(answers));
  if (reasons.length === 0) items.push(safetyNet());

  return { seePhysicianFirst: reasons.length > 0, items, leftOut, nextSteps: nextSteps(items) };
}

function physicianReasons(answers: AssessmentAnswers, held: boolean): string[] {
  const reasons: string[] = [];
  if (held) reasons.push('you told me about a warning sign');
  else if (answers.warningSigns === 'unsure') reasons.push("you weren't sure about the warning signs");
  if (answers.severity !== undefined && severityBand(answers.severity) === 'severe')
    reasons.push(`your pain is severe (${answers.severity}/10)`);
  if (answers.trend === 'worse') reasons.push("it's getting worse");
  if (answers.durationBand === 'chronic') reasons.push('it has lasted more than 12 weeks');
  return reasons;
}

function physicianFirst(reasons: string[], held: boolean): PlanItem {
  return {
    section: 'physician',
    id: held ? 'safety.red-flags' : 'safety.see-physician',
    title: held ? 'Get checked by a doctor first' : 'See a physician first',
    advice: held
      ? 'Follow the urgent advice I gave you. Stretches and massage can wait until a doctor has checked you.'
      : 'Talk to your GP, a physiotherapist or another physician before starting massage or new exercises. ' +
        'Show them this plan.',
    why: `Because ${joinWords(reasons)}.`,
  };
}

function massage(answers: AssessmentAnswers, leftOut: LeftOut[]): PlanItem[] {
  if (answers.massageCautions === 'yes') {
    leftOut.push({
      id: 'therapy.hot-stone',
      title: 'Hot stone massage',
      why: 'one of the massage cautions applies to you',
    });
    return [
      {
        section: 'massage',
        id: 'safety.contraindications',
        title: 'Ask your doctor before any massage',
        advice: 'If they agree, tell the massage therapist about your condition before the session.',
        why: 'You said one of the massage cautions (such as pregnancy, blood clots or blood thinners) applies to you.',
      },
    ];
  }
  const severe = answers.severity !== undefined && answers.severity >= 7;
  const therapy = chooseTherapy(answers, severe, leftOut);
  const items: PlanItem[] = [
    {
      section: 'massage',
      id: therapy.id,
      title: capitalise(THERAPY_NAMES[therapy.id]),
      advice:
        (severe ? 'Gentle pressure only, and only once your physician agrees. ' : '') +
        'Have it alongside the stretches and activity below: massage helps most as part of an active plan (NICE).',
      why: therapy.why,
    },
  ];
  items.push(frequency(answers));
  return items;
}

function chooseTherapy(answers: AssessmentAnswers, severe: boolean, leftOut: LeftOut[]): { id: string; why: string } {
  const stressed = answers.stress === 'some' || answers.stress === 'high';
  const sporty = answers.activity === 'sport' || answers.activity === 'both';
  if (stressed && !severe) {
    if (answers.massageCautions === 'no')
      return {
        id: 'therapy.hot-stone',
        // Not "heat helps back pain": that evidence is for heat wraps on pain under 12 weeks (ACP 2017), not for
        // hot-stone massage (the therapy.hot-stone topic).
        why: 'You told me you feel stressed: the warmth relaxes tight muscles, and many people find it calming.',
      };
    leftOut.push({
      id: 'therapy.hot-stone',
      title: 'Hot stone massage',
      why: "it could suit your stress, but I don't know whether any of its cautions apply to you",
    });
  }
  if (sporty) {
    const unsuitable = thaiUnsuitable(answers, severe);
    if (unsuitable === undefined)
      return {
        id: 'therapy.thai',
        why: "You play sport: Thai massage's assisted, yoga-like stretches work on flexibility.",
      };
    leftOut.push({ id: 'therapy.thai', title: 'Thai massage', why: unsuitable });
  }

  const stiff: string[] = [];
  if (answers.wakesStiff === 'yes' || answers.wakesStiff === 'sometimes') stiff.push('you wake up stiff');
  if (answers.sittingHours !== undefined && answers.sittingHours >= SITTING_LONG_HOURS)
    stiff.push(`you sit about ${answers.sittingHours} hours a day`);
  const why =
    stiff.length > 0
      ? `Its long, flowing strokes ease stiff, tense muscles, and ${joinWords(stiff)}.`
      : "It's the gentlest and most widely available massage: a good place to start.";
  return { id: 'therapy.swedish', why };
}

/** Why Thai massage is not for this person now, if it is not: the therapy.thai topic's own "is it right for you?". */
function thaiUnsuitable(answers: AssessmentAnswers, severe: boolean): string | undefined {
  if (severe) return 'its strong stretches are too much while pain is severe';
  if (answers.durationBand === 'acute') return 'its firm pressure and big stretches may not suit pain that is new';
  if (answers.durationBand === undefined)
    return "it may not suit pain that is new, and I don't know how long yours has lasted";
  if (answers.massageCautions !== 'no')
    return "it could suit your sport, but I don't know whether any of its cautions apply to you";
  return undefined;
}

function frequency(answers: AssessmentAnswers): PlanItem {
  if (answers.durationBand === 'chronic')
    return {
      section: 'frequency',
      id: 'therapy.frequency',
      title: 'How often: weekly, only on your physician’s advice',
      advice:
        'Weekly sessions can help long-lasting pain (one study used ten weekly sessions), but agree it with your physician first.',
      why: 'Your pain has lasted more than 12 weeks.',
    };
  return {
    section: 'frequency',
    id: 'therapy.frequency',
    title: 'How often: about every two weeks',
    advice: 'That is the clinic’s suggestion, not a fixed rule. Stop if a session leaves you worse.',
    why:
      answers.durationBand === undefined
        ? "You didn't say how long it has lasted. If it's more than 12 weeks, ask your physician about weekly sessions."
        : 'Your pain is fairly recent, so there is no need for more.',
  };
}

function selfMassage(answers: AssessmentAnswers, leftOut: LeftOut[]): PlanItem[] {
  const title = 'Self-massage';
  if (answers.severity === undefined) {
    leftOut.push({
      id: 'selfmassage.overview',
      title,
      why: 'it suits mild to moderate pain, and I don’t know how bad yours is',
    });
    return [];
  }
  if (answers.massageCautions === 'yes') {
    // The self-massage routines' own cautions are the massage cautions (pregnancy, blood thinners, skin...).
    leftOut.push({ id: 'selfmassage.overview', title, why: 'one of the massage cautions applies to you' });
    return [];
  }
  const band = severityBand(answers.severity);
  if (band === 'severe') {
    leftOut.push({ id: 'selfmassage.overview', title, why: 'it is only for mild to moderate pain' });
    return [];
  }
  if (band === 'none') {
    leftOut.push({ id: 'selfmassage.overview', title, why: 'you have no pain right now' });
    return [];
  }
  const items: PlanItem[] = [
    {
      section: 'selfMassage',
      id: 'selfmassage.spine-circles',
      title: 'Finger circles along the spine',
      advice:
        'Gentle circles either side of the spine and over the sacrum. It eases discomfort but does not replace staying active.',
      why: `Your pain is ${band} (${answers.severity}/10): gentle self-massage is a low-risk comfort measure.`,
    },
  ];
  // Only what the person said: "sport" is not also "repetitive work".
  const reasons: string[] = [];
  if (answers.sittingHours !== undefined && answers.sittingHours >= SITTING_LONG_HOURS) reasons.push('long sitting');
  if (answers.activity === 'sport' || answers.activity === 'both') reasons.push('sport');
  if (answers.activity === 'repetitive' || answers.activity === 'both') reasons.push('repetitive work');
  if (reasons.length > 0)
    items.push({
      section: 'selfMassage',
      id: 'selfmassage.glutes',
      title: 'Kneading the glutes',
      advice: 'Knead and press the top of the buttock muscles, a minute each side.',
      why: `${capitalise(joinWords(reasons))} can tighten the hip muscles, which pull on the lower back.`,
    });
  return items;
}

function stretches(answers: AssessmentAnswers): PlanItem[] {
  const severe = answers.severity !== undefined && answers.severity >= 7;
  const items: PlanItem[] = [
    {
      section: 'stretches',
      id: 'stretch.knee-to-chest',
      title: 'Knee-to-chest stretch',
      advice:
        // Both lying stretches list pregnancy and recent surgery among their own cautions (knowledge/routines).
        (answers.massageCautions === 'yes'
          ? "As one of the massage cautions applies to you, ask your doctor or physio first if you're pregnant or have had recent surgery: it is done lying on your back. "
          : '') + `${severe ? 'Very gently, only as far as is comfortable. ' : ''}Stop if the pain gets worse.`,
      why: 'The gentlest start: it eases the lower back and hips, and massage works best alongside stretching.',
    },
  ];
  // The twist asks more of the back (and lying on it longer): not for severe pain, nor until a caution is cleared.
  if (answers.massageCautions === 'yes') return items;
  const reasons: string[] = [];
  if (answers.wakesStiff === 'yes' || answers.wakesStiff === 'sometimes') reasons.push('you wake up stiff');
  if (answers.sittingHours !== undefined && answers.sittingHours >= SITTING_LONG_HOURS) reasons.push('you sit a lot');
  if (answers.activity === 'sport' || answers.activity === 'both') reasons.push('you play sport');
  if (!severe && reasons.length > 0)
    items.push({
      section: 'stretches',
      id: 'stretch.supine-twist',
      title: 'Lying twist (knee roll)',
      advice: 'Shoulders stay on the floor; roll the knees only as far as is comfortable. Stop if the pain gets worse.',
      why: `It loosens the lower back and hips, and ${joinWords(reasons)}.`,
    });
  return items;
}

function keepActive(): PlanItem {
  return {
    section: 'activity',
    id: 'stretch.overview',
    title: 'Keep moving',
    advice: 'Walk a little every day and carry on with normal activities as far as you can. Avoid long bed rest.',
    why: 'Staying active and exercising is the main treatment for lower back pain (NICE, NHS).',
  };
}

function lifestyle(answers: AssessmentAnswers): PlanItem[] {
  const items: PlanItem[] = [];
  if (answers.sittingHours !== undefined && answers.sittingHours >= SITTING_LONG_HOURS)
    items.push({
      section: 'lifestyle',
      id: 'lifestyle.breaks',
      title: 'Breaks from sitting',
      advice: 'Stand up, walk or stretch every 30 to 60 minutes; screen at eye level, feet flat, lower back supported.',
      why: `You sit about ${answers.sittingHours} hours a day.`,
    });
  const sleep: string[] = [];
  if (answers.wakesStiff === 'yes' || answers.wakesStiff === 'sometimes') sleep.push('you wake up stiff');
  if (answers.mattressWorn === 'yes') sleep.push('your mattress is old or sagging');
  if (sleep.length > 0)
    items.push({
      section: 'lifestyle',
      id: 'cause.mattress',
      title: 'Sleep and your mattress',
      advice:
        'Check the mattress for a dip or springs you can feel. On your side, a pillow between the knees; ' +
        'on your back, one under them.',
      why: `${capitalise(joinWords(sleep))}.`,
    });
  if (answers.stress === 'some' || answers.stress === 'high')
    items.push({
      section: 'lifestyle',
      id: 'cause.stress',
      title: 'Easing stress',
      advice: 'A few minutes of slow breathing, activities you enjoy, and a regular bedtime.',
      why: 'You said you feel stressed: stress tightens muscles and makes pain feel stronger.',
    });
  if (answers.activity === 'sport' || answers.activity === 'both')
    items.push({
      section: 'lifestyle',
      id: 'cause.sports',
      title: 'Sport: warm up and build up gradually',
      advice: 'Warm up before you play, cool down after, and build back up with shorter, gentler sessions.',
      why: 'You play sport: a sudden jump in load is a common cause of strain.',
    });
  if (answers.activity === 'repetitive' || answers.activity === 'both')
    items.push({
      section: 'lifestyle',
      id: 'lifestyle.lifting',
      title: 'Lifting and repetitive work',
      advice: 'Bend your knees, keep the load close, avoid twisting while lifting, and mix up repetitive tasks.',
      why: 'You told me about lifting or repetitive strain.',
    });
  return items;
}

function safetyNet(): PlanItem {
  return {
    section: 'safetyNet',
    id: 'safety.see-physician',
    title: 'When to see a physician',
    advice: 'If it is no better after a few weeks, stops you doing daily activities, gets worse, or you are worried.',
    why: 'Everyone should know when to get it checked.',
  };
}

function nextSteps(items: PlanItem[]): string[] {
  const steps: string[] = [];
  const stretch = items.find((item) => item.section === 'stretches');
  if (stretch) steps.push(`Walk me through the ${stretch.title.replace(/ \(.*\)$/, '').toLowerCase()}`);
  const therapy = items.find((item) => item.section === 'massage' && item.id in THERAPY_NAMES);
  if (therapy) steps.push(`Tell me more about ${THERAPY_NAMES[therapy.id]}`);
  if (items.some((item) => item.section === 'physician')) steps.push('When should I see a doctor?');
  return steps;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
