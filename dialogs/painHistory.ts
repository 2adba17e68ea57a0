import type { RoutineRecord, UserProfile } from '../src/plan/profile';

/** Enough for years of use, bounded so a profile cannot grow without limit. */
const MAX_RECORDS = 365;

/**
 * One score per day and occasion: a later answer the same day replaces the
 * earlier one, but a score after a routine sits beside the day's check-in.
 */
export function recordPainScore(profile: UserProfile, date: string, score: number, routineId?: string): void {
  const history = (profile.painHistory ?? []).filter(
    (record) => record.date !== date || record.routineId !== routineId,
  );
  history.push(routineId === undefined ? { date, score } : { date, score, routineId });
  profile.painHistory = history.slice(-MAX_RECORDS);
}

export function recordRoutine(profile: UserProfile, record: RoutineRecord): void {
  profile.routineLog = [...(profile.routineLog ?? []), record].slice(-MAX_RECORDS);
}
