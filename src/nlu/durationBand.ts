/** How long back pain has lasted, as the guidelines band it; read from answers by duration.ts. */

export type DurationBand = 'acute' | 'subacute' | 'chronic';

export type RoughUnit = 'days' | 'weeks' | 'months' | 'years';

export interface DurationReading {
  days: number | null;
  band: DurationBand | null;
  /** A unit without a number ("for months", "since my 20s"): days is an estimate, worth refining if the band hangs on it. */
  rough?: RoughUnit;
  /** A while, but not in any unit ("ages", "a long time", "not long"): worth asking roughly how long. */
  unclear?: true;
}

/** acute under 4 weeks (< 28 days), subacute 4-12 weeks (28..84 days), chronic over 12 weeks (> 84) — ACP 2017. */
export function durationBand(days: number): DurationBand {
  if (days < 28) return 'acute';
  if (days <= 84) return 'subacute';
  return 'chronic';
}
