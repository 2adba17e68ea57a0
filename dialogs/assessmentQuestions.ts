import type { Reply } from '../src/channels/reply';
import {
  recognizeActivity,
  recognizeFrequency,
  recognizeMattressWorn,
  recognizeStress,
  recognizeTrend,
  recognizeYesNoUnsure,
} from '../src/nlu/choiceAnswers';
import { durationBand, type DurationReading, type RoughUnit } from '../src/nlu/durationBand';
import { readerThread } from '../src/nlu/readerThread';
import { normaliseText } from '../src/nlu/normalise';
import { severityBand, type AssessmentAnswers } from '../src/plan/profile';
import { SCORE_ACTIONS } from './wording';

export type QuestionId =
  | 'warningSigns'
  | 'severity'
  | 'duration'
  | 'trend'
  | 'sittingHours'
  | 'wakesStiff'
  | 'mattressWorn'
  | 'stress'
  | 'activity'
  | 'massageCautions';

/** What an answer turned out to be. */
export type Reading =
  | { kind: 'answer'; answers: AssessmentAnswers }
  /** Words but no number for the pain score: offer the bands rather than guess. */
  | { kind: 'severityBands' }
  | { kind: 'severityInBand'; band: Band }
  /** "For weeks", "months": the band depends on how many, so ask once; estimate is the answer if they cannot say. */
  | { kind: 'howMany'; unit: 'weeks' | 'months'; estimate: AssessmentAnswers }
  /** "Ages", "a while": ask once roughly how long. */
  | { kind: 'roughlyHowLong' }
  /** Not an answer; hint says what was wrong when we know. */
  | { kind: 'miss'; hint?: string };

export type Band = 'mild' | 'moderate' | 'severe';
export const BAND_NUMBERS: Record<Band, number[]> = { mild: [1, 2, 3], moderate: [4, 5, 6], severe: [7, 8, 9, 10] };

/** The questions' clinical wording, from knowledge/red-flags.yaml and knowledge/cautions.yaml. */
export interface QuestionWording {
  checklist: string;
  cautions: string;
}

export interface Question {
  id: QuestionId;
  /** How the summary and "change an answer" name it. */
  label: string;
  /** Words that point at this question when the user asks to change an answer ("the pain score is wrong"). */
  mentions: RegExp;
  ask(wording: QuestionWording, previousScore?: number): Reply;
  /** A polite second try, with an example of a good answer. */
  example: string;
  /** Offered as a numbered list after two misses; each must read back as an answer. */
  choices: string[];
  /** Durations, pain scores and sitting hours are read on another thread, hence the promise. */
  read(text: string, today: Date): Reading | Promise<Reading>;
  /** The answer in a few words for the summary, or undefined when it was skipped. */
  describe(answers: AssessmentAnswers): string | undefined;
  /** A few words a person would say on hearing a notable answer ("7 out of 10 sounds hard going."), or undefined. */
  acknowledge?(answers: AssessmentAnswers): string | undefined;
}

const answer = (answers: AssessmentAnswers): Reading => ({ kind: 'answer', answers });
const miss = (hint?: string): Reading => ({ kind: 'miss', hint });

/** Pain described in words only ("pretty bad", "agony"): worth offering the bands. */
const PAIN_WORDS =
  /\b(bad|awful|terrible|horrible|agony|agonising|excruciating|unbearable|killing|mild|moderate|severe|ok|okay|not too bad|manageable|bearable|sore|hurts?|painful|aching|achy|worst|dull|sharp|niggle|niggling|tolerable|light|slight|little|lot|very)\b/;
const BAND_WORDS: [Band, RegExp][] = [
  ['severe', /^(severe|severe pain|severe 7 10|very bad|really bad)$/],
  ['moderate', /^(moderate|moderate pain|moderate 4 6|medium|middling)$/],
  ['mild', /^(mild|mild pain|mild 1 3|slight|a little)$/],
];

const BAND_WORDS_FOR = { acute: 'under 4 weeks', subacute: '4 to 12 weeks', chronic: 'over 12 weeks' } as const;

function yesNoQuestion(
  id: 'mattressWorn' | 'massageCautions',
  fields: Pick<Question, 'label' | 'mentions' | 'example' | 'choices'> & {
    text: (wording: QuestionWording) => string;
    words: Record<string, string>;
    /** Reads answers in the question's own words; a plain yes, no or not sure by default. */
    reader?: (text: string) => 'yes' | 'no' | 'unsure' | null;
  },
): Question {
  return {
    id,
    label: fields.label,
    mentions: fields.mentions,
    example: fields.example,
    choices: fields.choices,
    ask: (wording) => ({ text: fields.text(wording), actions: fields.choices }),
    read: (text) => {
      const value = (fields.reader ?? recognizeYesNoUnsure)(text);
      return value ? answer({ [id]: value }) : miss();
    },
    describe: (answers) => {
      const value = answers[id];
      return value && fields.words[value];
    },
  };
}

/** A "no" that goes on: "no, but...", "none except...", "not really, only..." (what follows is in group 1). */
const BUT_SOMETHING = /\b(?:but|except|apart from|other than|besides|only|although|though)\b((?:\s+\w+){2,})/;

/** What a checklist "no" goes on to say, if it goes on: it may name a warning sign after all. */
export function afterTheNo(text: string): string | undefined {
  return BUT_SOMETHING.exec(normaliseText(text))?.[1].trim();
}

export const CHECKLIST_CHOICES = ['No, none of these', 'Yes, one of these', 'Not sure'];

export const QUESTIONS: Question[] = [
  {
    id: 'warningSigns',
    label: 'Warning signs',
    mentions: /\b(warning|signs?|checklist|safety)\b/,
    ask: ({ checklist }) => ({ text: checklist, actions: CHECKLIST_CHOICES }),
    example: 'Please answer **yes** if any of them applies to you, **no** if none does, or **not sure**.',
    choices: CHECKLIST_CHOICES,
    read: (text) => {
      const value = recognizeYesNoUnsure(text);
      return value ? answer({ warningSigns: value }) : miss();
    },
    describe: ({ warningSigns }) =>
      warningSigns && { yes: 'one applies', no: 'none', unsure: 'not sure' }[warningSigns],
  },
  {
    id: 'severity',
    label: 'Pain now',
    mentions: /\b(pain|score|severity|how bad|number|scale)\b/,
    ask: (_, previousScore) => ({
      text:
        'How bad is the pain right now, from 0 (no pain) to 10 (the worst you can imagine)?' +
        (previousScore === undefined ? '' : ` Last time you said ${previousScore}.`),
      actions: SCORE_ACTIONS,
    }),
    example: 'Please give me a number from 0 to 10, for example **6**, or "about a 4".',
    choices: ['Mild (1-3)', 'Moderate (4-6)', 'Severe (7-10)'],
    read: (text) => readSeverity(text),
    describe: ({ severity }) => (severity === undefined ? undefined : `${severity}/10 (${bandWords(severity)})`),
    acknowledge: ({ severity }) => {
      if (severity === 0) return "Good to hear it isn't hurting right now.";
      if (severity !== undefined && severity >= 7) return `${severity} out of 10 sounds hard going.`;
      return undefined;
    },
  },
  {
    id: 'duration',
    label: 'How long',
    mentions: /\b(how long|long|duration|weeks?|months?|days?|years?|since|started)\b/,
    ask: () => ({
      text: 'How long have you had this pain?',
      actions: ['A few days', 'About 2 weeks', 'About 2 months', 'More than 3 months'],
    }),
    example: 'For example "3 weeks", "since March" or "a few days".',
    choices: ['A few days', 'About 2 weeks', 'About 2 months', 'More than 3 months'],
    read: async (text, today) => {
      const reading = await readerThread.readDuration(text, today);
      if (reading.unclear) return { kind: 'roughlyHowLong' };
      if (reading.rough === 'weeks' || reading.rough === 'months')
        return { kind: 'howMany', unit: reading.rough, estimate: durationAnswers(reading) };
      return reading.days === null ? miss() : answer(durationAnswers(reading));
    },
    describe: ({ durationDays, durationRough }) =>
      durationDays === undefined
        ? undefined
        : `${durationRough ? ROUGH_WORDS[durationRough] : describeDays(durationDays)} (${BAND_WORDS_FOR[durationBand(durationDays)]})`,
    acknowledge: ({ durationDays }) =>
      durationDays !== undefined && durationDays >= 365 ? "That's a long time to put up with it." : undefined,
  },
  {
    id: 'trend',
    label: 'Getting better or worse',
    mentions: /\b(better|worse|trend|same|changing)\b/,
    ask: () => ({
      text: 'Over the last week or so, is it getting better, getting worse, or staying about the same?',
      actions: ['Getting better', 'About the same', 'Getting worse'],
    }),
    example: 'Is it getting **better**, **worse**, or about the **same**?',
    choices: ['Getting better', 'About the same', 'Getting worse'],
    read: (text) => {
      const trend = recognizeTrend(text);
      return trend ? answer({ trend }) : miss();
    },
    describe: ({ trend }) =>
      trend && { better: 'getting better', same: 'about the same', worse: 'getting worse' }[trend],
    acknowledge: ({ trend }) => (trend === 'better' ? "That's good to hear." : undefined),
  },
  {
    id: 'sittingHours',
    label: 'Sitting',
    mentions: /\b(sit|sitting|desk|hours?|chair)\b/,
    ask: () => ({
      text: 'On a typical day, about how many hours do you spend sitting: at work, driving, in front of a screen?',
      actions: ['2 or less', 'About 4', 'About 6', 'About 8', '10 or more'],
    }),
    example: 'Roughly how many hours a day? A guess is fine, for example **8**, or "9 to 5".',
    choices: ['2 or less', 'About 4', 'About 6', 'About 8', '10 or more'],
    read: async (text) => {
      const { hours, vague } = await readerThread.readSittingHours(text);
      if (hours !== null) return answer({ sittingHours: hours });
      return miss(vague ? 'Roughly how many hours would that be? A guess is fine, for example **9**.' : undefined);
    },
    describe: ({ sittingHours }) => {
      if (sittingHours === undefined) return undefined;
      return sittingHours < 1 ? 'hardly any' : `about ${sittingHours} hours a day`;
    },
  },
  {
    id: 'wakesStiff',
    label: 'Waking up stiff',
    mentions: /\b(stiff|wake|waking|morning)\b/,
    ask: () => ({
      text: 'Do you often wake up stiff or sore in the morning?',
      actions: ['Yes, often', 'Sometimes', 'No'],
    }),
    example: 'Please answer **yes**, **sometimes** or **no**.',
    choices: ['Yes, often', 'Sometimes', 'No'],
    read: (text) => {
      const value = recognizeFrequency(text);
      return value ? answer({ wakesStiff: value }) : miss();
    },
    describe: ({ wakesStiff }) => wakesStiff && { yes: 'often', sometimes: 'sometimes', no: 'no' }[wakesStiff],
  },
  yesNoQuestion('mattressWorn', {
    label: 'Mattress',
    mentions: /\b(mattress|bed|sag|sagging|sleep)\b/,
    text: () => 'Is your mattress old or sagging: a dip where you lie, or springs you can feel?',
    example: 'Please answer **yes**, **no** or **not sure**.',
    choices: ['Yes', "No, it's fine", 'Not sure'],
    words: { yes: 'old or sagging', no: 'fine', unsure: 'not sure' },
    reader: recognizeMattressWorn,
  }),
  {
    id: 'stress',
    label: 'Stress',
    mentions: /\b(stress|stressed|stressful|worry|worried|anxious)\b/,
    ask: () => ({ text: 'How much stress have you been under lately?', actions: ['Hardly any', 'Some', 'A lot'] }),
    example: 'Would you say **hardly any**, **some**, or **a lot**?',
    choices: ['Hardly any', 'Some', 'A lot'],
    read: (text) => {
      const stress = recognizeStress(text);
      return stress ? answer({ stress }) : miss();
    },
    describe: ({ stress }) => stress && { low: 'hardly any', some: 'some', high: 'a lot' }[stress],
    acknowledge: ({ stress }) => (stress === 'high' ? "That's a lot to carry." : undefined),
  },
  {
    id: 'activity',
    label: 'Sport or lifting',
    mentions: /\b(sport|sports|lifting|lift|repetitive|gym|exercise|work)\b/,
    ask: () => ({
      text: 'Do you play sport, or do lifting or repetitive work (at your job, at home, or caring for someone)?',
      actions: ['Sport', 'Lifting or repetitive work', 'Both', 'Neither'],
    }),
    example: 'Which is it: **sport**, **lifting or repetitive work**, **both**, or **neither**?',
    choices: ['Sport', 'Lifting or repetitive work', 'Both', 'Neither'],
    read: (text) => {
      const activity = recognizeActivity(text);
      return activity ? answer({ activity }) : miss();
    },
    describe: ({ activity }) =>
      activity && { none: 'neither', sport: 'sport', repetitive: 'lifting or repetitive work', both: 'both' }[activity],
  },
  yesNoQuestion('massageCautions', {
    label: 'Massage cautions',
    mentions: /\b(caution|cautions|pregnan\w*|clots?|thinners|heart|diabetes|skin|surgery)\b/,
    text: ({ cautions }) => cautions,
    example: 'Please answer **yes** if any of them applies to you, **no** if none does, or **not sure**.',
    choices: ['No', 'Yes', 'Not sure'],
    words: { yes: 'one applies', no: 'none', unsure: 'not sure' },
  }),
];

/** Every answer in a few words, one line per question, for the summary and "what do you know about me". */
export function describeAnswers(answers: AssessmentAnswers): string {
  return QUESTIONS.map((question) => `- ${question.label}: ${question.describe(answers) ?? 'skipped'}`).join('\n');
}

async function readSeverity(text: string): Promise<Reading> {
  const band = bandNamed(text);
  if (band) return { kind: 'severityInBand', band };
  const { value, outOfRange } = await readerThread.readSeverity(text);
  if (value !== null) return answer({ severity: value });
  if (outOfRange) return miss('The scale goes from 0 to 10. Where would you put it, from 0 to 10?');
  return PAIN_WORDS.test(normaliseText(text)) ? { kind: 'severityBands' } : miss();
}

/** Reads the follow-up to words-only pain: a band picked, or a number after all. */
export async function readBand(text: string): Promise<Band | number | null> {
  return bandNamed(text) ?? (await readerThread.readSeverity(text)).value;
}

/** "Moderate", or the tapped "Moderate (4-6)": a band, not the score 6. */
function bandNamed(text: string): Band | undefined {
  const normalised = normaliseText(text);
  return BAND_WORDS.find(([, pattern]) => pattern.test(normalised))?.[0];
}

function bandWords(score: number): string {
  return { none: 'no pain', mild: 'mild', moderate: 'moderate', severe: 'severe' }[severityBand(score)];
}

/** How long, from a reading that gave a figure or an estimate. */
export function durationAnswers({ days, rough }: DurationReading): AssessmentAnswers {
  return { durationDays: days!, durationBand: durationBand(days!), ...(rough && { durationRough: rough }) };
}

/**
 * The reply to "About how many weeks?": a number is that many of the unit ("6"), a figure with its own unit is
 * taken as said ("more like 2 months"), and anything else keeps the estimate: the question is asked only once.
 */
export async function readHowMany(
  text: string,
  unit: 'weeks' | 'months',
  estimate: AssessmentAnswers,
  today: Date,
): Promise<AssessmentAnswers> {
  const reading = await readerThread.readDuration(`${text} ${unit}`, today);
  return reading.days === null || reading.rough ? estimate : durationAnswers(reading);
}

/** The reply to "Roughly how long?": any reading with a figure or a unit, else null. */
export async function readRoughlyHowLong(text: string, today: Date): Promise<AssessmentAnswers | null> {
  const reading = await readerThread.readDuration(text, today);
  return reading.days === null ? null : durationAnswers(reading);
}

const ROUGH_WORDS: Record<RoughUnit, string> = {
  days: 'a few days',
  weeks: 'a few weeks',
  months: 'months',
  years: 'years',
};

function describeDays(days: number): string {
  if (days === 0) return 'since today';
  if (days < 14) return `about ${days} day${days === 1 ? '' : 's'}`;
  if (days < 60) return `about ${Math.round(days / 7)} weeks`;
  if (days < 730) return `about ${Math.round(days / 30.4)} months`;
  return `about ${Math.round(days / 365)} years`;
}
