import type { ReminderRule } from '../nlu/reminderRequest';
import type { DurationBand, RoughUnit } from '../nlu/durationBand';
import type { Plan } from './buildPlan';

export type YesNoUnsure = 'yes' | 'no' | 'unsure';
export type Frequency = 'yes' | 'sometimes' | 'no';
export type Trend = 'better' | 'same' | 'worse';
export type StressLevel = 'low' | 'some' | 'high';
export type Activity = 'none' | 'sport' | 'repetitive' | 'both';

/**
 * What the assessment found out. A missing answer was skipped (or never
 * asked): every rule must cope with it.
 */
export interface AssessmentAnswers {
  /** Whether any of the warning signs on the checklist applies. */
  warningSigns?: YesNoUnsure;
  /** Pain now, 0-10. */
  severity?: number;
  durationDays?: number;
  durationBand?: DurationBand;
  /** Said as a unit without a number ("for years"): durationDays is an estimate. */
  durationRough?: RoughUnit;
  trend?: Trend;
  sittingHours?: number;
  wakesStiff?: Frequency;
  /** Old or sagging. */
  mattressWorn?: YesNoUnsure;
  stress?: StressLevel;
  /** Sport, or repetitive strain such as lifting at work. */
  activity?: Activity;
  /** Whether any of the massage cautions applies (pregnancy, blood clots or thinners, heart disease...). */
  massageCautions?: YesNoUnsure;
}

export interface PainRecord {
  /** ISO date (yyyy-mm-dd) in the user's time. */
  date: string;
  score: number;
  /** Given right after this routine ("how do you feel now?"). */
  routineId?: string;
}

/** How a walkthrough went: for the user's history and "what do you know about me". */
export interface RoutineRecord {
  date: string;
  routineId: string;
  outcome: 'completed' | 'hurt';
  /** The step (1-based) at which it hurt. */
  step?: number;
}

/** Where a walkthrough was left, so "continue" picks it up, in any conversation. */
export interface RoutineProgress {
  routineId: string;
  /** 0-based index of the step last shown. */
  step: number;
  /** When (ISO time): "continue" picks up whichever was left last, this or a paused assessment. */
  savedAt?: string;
}

/** An assessment paused part-way ("can we carry on later"), so "continue" picks it up, in any conversation. */
export interface AssessmentProgress {
  answers: AssessmentAnswers;
  /** The question to ask next (index into the questions). */
  index: number;
  /** The first question asked, as in the dialog. */
  first: number;
  savedAt: string;
}

/**
 * A warning sign the person reported. It belongs to the person, not to one conversation: stretches and
 * self-massage wait until they say a clinician has checked them (or that it was a misunderstanding).
 */
export interface WarningSignRecord {
  category: string;
  /** ISO date, the user's. */
  reportedOn: string;
  /** How the hold was lifted, if it has been. */
  cleared?: 'clinician' | 'misunderstanding';
}

/** Everything stored about a user, across conversations. */
export interface UserProfile {
  warningSign?: WarningSignRecord;
  /** The health cautions the person said apply to them (ids of knowledge/cautions.yaml), in the order said. */
  cautions?: string[];
  answers?: AssessmentAnswers;
  /** When the answers were last given or updated (ISO date). */
  assessedOn?: string;
  /** The plan given for those answers. */
  plan?: Plan;
  painHistory?: PainRecord[];
  routineLog?: RoutineRecord[];
  routineProgress?: RoutineProgress;
  assessmentProgress?: AssessmentProgress;
  /** The person's time zone (IANA), from their channel or asked once, for reminders. */
  timeZone?: string;
  /** Stretch-break reminders the person asked for. */
  reminders?: ReminderRule;
}

/** Whether a reported warning sign still holds back self-care advice. */
export function warningSignUnchecked(profile: UserProfile): boolean {
  return profile.warningSign !== undefined && profile.warningSign.cleared === undefined;
}

/** NHS bands of the 0-10 scale. */
export type SeverityBand = 'none' | 'mild' | 'moderate' | 'severe';

export function severityBand(score: number): SeverityBand {
  if (score === 0) return 'none';
  if (score < 4) return 'mild';
  if (score < 7) return 'moderate';
  return 'severe';
}

/** A change of two points or more on the 0-10 scale is meaningful; less is "about the same". */
export function trendBetween(previous: number, now: number): Trend {
  if (now - previous >= 2) return 'worse';
  if (previous - now >= 2) return 'better';
  return 'same';
}
