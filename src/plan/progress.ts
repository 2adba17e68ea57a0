import type { PainRecord, RoutineRecord } from './profile';

const MS_PER_DAY = 86_400_000;
/** The chart and the line show the check-ins (not the scores right after a routine), the last this many. */
const MAX_POINTS = 30;

export interface Progress {
  /** The check-in scores, oldest first, with their dates (yyyy-mm-dd). */
  points: { date: string; score: number }[];
  /** Walkthroughs finished since the first of them. */
  routinesDone: number;
  /** "5 → 4 → 3 over two weeks; 6 routines done": the whole of it in one line, for text channels and screen readers. */
  summary: string;
}

/** How the pain has gone since the first check-in, and what was done; undefined before any score. */
export function progressOf(painHistory: PainRecord[] = [], routineLog: RoutineRecord[] = []): Progress | undefined {
  const points = painHistory
    .filter((record) => record.routineId === undefined)
    .slice(-MAX_POINTS)
    .map(({ date, score }) => ({ date, score }));
  if (points.length === 0) return undefined;
  const since = points[0].date;
  const routinesDone = routineLog.filter((record) => record.outcome === 'completed' && record.date >= since).length;
  const scores = points.length <= 6 ? points.map((point) => point.score) : [points[0].score, '…', points.at(-1)!.score];
  const days = Math.round((Date.parse(points.at(-1)!.date) - Date.parse(since)) / MS_PER_DAY);
  const routines = `${routinesDone} ${routinesDone === 1 ? 'routine' : 'routines'} done`;
  const summary =
    points.length === 1
      ? `${points[0].score}/10 so far (one check-in); ${routines}`
      : `${scores.join(' → ')} over ${span(days)}; ${routines}`;
  return { points, routinesDone, summary };
}

/** "3 days", "two weeks", "about 3 months": as people say a stretch of time. */
function span(days: number): string {
  if (days <= 1) return days === 1 ? 'a day' : 'one day';
  if (days < 14) return `${days} days`;
  const words = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
  const weeks = Math.round(days / 7);
  if (days < 60) return `${words[weeks] ?? weeks} weeks`;
  return `about ${Math.round(days / 30)} months`;
}
