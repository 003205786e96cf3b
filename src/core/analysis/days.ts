// Calendar days as integers (days since 1970-01-01, UTC) for the analysis: subtracting two days is
// then plain arithmetic, and a stored ISO date turns into one without allocating a Date.

/** A day number: whole days since 1970-01-01. */
export type Day = number;

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : MONTH_DAYS[m - 1]!;
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

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};

/** `YYYY-MM-DD` → day number, or undefined when the text is not a real date. */
export function isoToDay(s: unknown): Day | undefined {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  // Called for every purchase of a full compute (500k): no allocation, a non-digit gives NaN.
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (!(y >= 0 && y <= 9999) || !(m >= 1 && m <= 12) || !(d >= 1 && d <= daysInMonth(y, m))) return undefined;
  return dayOf(y, m, d);
}

/** The calendar date of a day number (arithmetic, no Date: reminders ask for thousands of them). */
export function ymdOf(day: Day): { y: number; m: number; d: number } {
  // Howard Hinnant's civil_from_days, over 400-year eras of 146,097 days.
  const z = Math.floor(day) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function dayToIso(day: Day): string {
  const { y, m, d } = ymdOf(day);
  return `${y >= 1000 ? String(y) : String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
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
