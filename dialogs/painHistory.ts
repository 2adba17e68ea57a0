import type { UserProfile } from '../src/plan/profile';

/** Enough for years of check-ins, bounded so a profile cannot grow without limit. */
const MAX_RECORDS = 365;

/** One score per day: a later answer on the same day replaces the earlier one. */
export function recordPainScore(profile: UserProfile, date: string, score: number): void {
  const history = (profile.painHistory ?? []).filter((record) => record.date !== date);
  history.push({ date, score });
  profile.painHistory = history.slice(-MAX_RECORDS);
}
