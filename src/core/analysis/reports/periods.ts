// Report periods: days, weeks and calendar months as runs of day numbers. Weeks start on Monday
// (ISO 8601) everywhere, so two devices in different languages show the same weeks and a week's
// label is the date of its Monday; a week that spans a new year belongs to neither year, it is
// just the week starting that Monday. Every period of a range is listed, with or without sales, so
// a month with no sales shows as a zero rather than disappearing from a chart.

import { dayOf, ymdOf, dayToIso, type Day } from '../days';

export type Granularity = 'day' | 'week' | 'month';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: Day): number => ((((day + 3) % 7) + 7) % 7) + 1;

export function periodStart(day: Day, g: Granularity): Day {
  if (g === 'day') return day;
  if (g === 'week') return day - (weekdayOf(day) - 1);
  const { y, m } = ymdOf(day);
  return dayOf(y, m, 1);
}

/** The start of the period `k` periods after the one starting at `start` (k may be negative). */
export function addPeriods(start: Day, g: Granularity, k: number): Day {
  if (g === 'day') return start + k;
  if (g === 'week') return start + 7 * k;
  const { y, m } = ymdOf(start);
  const idx = y * 12 + (m - 1) + k;
  return dayOf(Math.floor(idx / 12), (((idx % 12) + 12) % 12) + 1, 1);
}

/** A run of consecutive periods: `starts[i]` ≤ day < `starts[i + 1]` (the last ends at `end`). */
export type PeriodAxis = {
  readonly granularity: Granularity;
  readonly starts: readonly Day[];
  /** Exclusive end of the last period. */
  readonly end: Day;
};

/** `count` periods ending with the one that holds `today` (it is counted whole, future days included). */
export function periodsEnding(today: Day, g: Granularity, count: number): PeriodAxis {
  const last = periodStart(today, g);
  const n = Math.max(1, Math.floor(count));
  const starts = Array.from({ length: n }, (_, i) => addPeriods(last, g, i - (n - 1)));
  return { granularity: g, starts, end: addPeriods(last, g, 1) };
}

/** The same number of periods right before `axis` (the comparison range). */
export function previousAxis(axis: PeriodAxis): PeriodAxis {
  const n = axis.starts.length;
  const first = axis.starts[0]!;
  return { granularity: axis.granularity, starts: axis.starts.map((_, i) => addPeriods(first, axis.granularity, i - n)), end: first };
}

/** Index of the period holding `day`, or -1 outside the axis. Days arrive mostly in order, so the
 * caller may pass the previous answer as a hint. */
export function periodIndex(axis: PeriodAxis, day: Day, hint = 0): number {
  const s = axis.starts;
  if (day < s[0]! || day >= axis.end) return -1;
  let i = Math.min(Math.max(hint, 0), s.length - 1);
  while (i > 0 && day < s[i]!) i--;
  while (i + 1 < s.length && day >= s[i + 1]!) i++;
  return i;
}

/** The period's key as text: `2024-05` for a month, the first day `2024-05-06` for a day or a week. */
export function periodKey(start: Day, g: Granularity): string {
  return g === 'month' ? dayToIso(start).slice(0, 7) : dayToIso(start);
}
