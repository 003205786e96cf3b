// Calendar days as integers (days since 1970-01-01, UTC) for the analysis: subtracting two days is
// then plain arithmetic, and a stored ISO date turns into one without allocating a Date.

/** A day number: whole days since 1970-01-01. */
export type Day = number;

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Day number of a valid calendar date (proleptic Gregorian). */
export function dayOf(y: number, m: number, d: number): Day {
  // Days from 1970 to the start of year y, counting leap days (works for y < 1970 too).
  const y1 = y - 1;
  const leaps = Math.floor(y1 / 4) - Math.floor(y1 / 100) + Math.floor(y1 / 400) - 477; // 477 = leap days before 1970
  let n = (y - 1970) * 365 + leaps + DAYS_BEFORE_MONTH[m - 1]! + d - 1;
  if (m > 2 && isLeapYear(y)) n += 1;
  return n;
}

const code = (s: string, i: number) => s.charCodeAt(i) - 48;

/** `YYYY-MM-DD` → day number, or undefined when the text is not a real date. */
export function isoToDay(s: unknown): Day | undefined {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = code(s, 0) * 1000 + code(s, 1) * 100 + code(s, 2) * 10 + code(s, 3);
  const m = code(s, 5) * 10 + code(s, 6);
  const d = code(s, 8) * 10 + code(s, 9);
  if (!(y >= 0 && y <= 9999) || !(m >= 1 && m <= 12) || !(d >= 1 && d <= daysInMonth(y, m))) return undefined;
  // Non-digits make one of the parts NaN or out of range, except an odd mix like "20a4": check.
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = code(s, i);
    if (c < 0 || c > 9) return undefined;
  }
  return dayOf(y, m, d);
}

/** The calendar date of a day number. */
export function ymdOf(day: Day): { y: number; m: number; d: number } {
  const dt = new Date(day * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function dayToIso(day: Day): string {
  const { y, m, d } = ymdOf(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * "Today" as a day number. A Date counts by its local calendar date (the shop's day), a number is
 * taken as a day number already, an ISO string as that date. The analysis never reads the clock.
 */
export function toDay(today: Day | Date | string): Day {
  if (typeof today === 'number') return Math.floor(today);
  if (typeof today === 'string') {
    const d = isoToDay(today);
    if (d === undefined) throw new RangeError(`not an ISO date: ${today}`);
    return d;
  }
  return dayOf(today.getFullYear(), today.getMonth() + 1, today.getDate());
}
