import { describe, expect, it } from 'vitest';
import { dayOf, dayToIso, isoToDay, toDay, ymdOf } from '../../../src/core/analysis/days';

describe('day numbers', () => {
  it('counts days since 1970-01-01 and round-trips ISO dates', () => {
    expect(isoToDay('1970-01-01')).toBe(0);
    expect(isoToDay('1970-01-02')).toBe(1);
    expect(isoToDay('1969-12-31')).toBe(-1);
    expect(isoToDay('2000-03-01')! - isoToDay('2000-02-28')!).toBe(2); // 2000 is a leap year
    expect(isoToDay('1900-03-01')! - isoToDay('1900-02-28')!).toBe(1); // 1900 is not
    for (const iso of ['2024-02-29', '1945-06-30', '2025-12-31', '0001-01-01', '1899-12-31'])
      expect(dayToIso(isoToDay(iso)!)).toBe(iso);
    expect(isoToDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(ymdOf(dayOf(2024, 12, 31))).toEqual({ y: 2024, m: 12, d: 31 });
  });

  it('rejects what is not a real date', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-1-01', '24-01-01', '2024/01/01', '20a4-01-01', '', null, 12, undefined])
      expect(isoToDay(bad)).toBeUndefined();
  });

  it('takes today as a day number, an ISO date or a Date (its local calendar day)', () => {
    expect(toDay(19_000)).toBe(19_000);
    expect(toDay('2025-06-01')).toBe(isoToDay('2025-06-01'));
    expect(toDay(new Date(2025, 5, 1, 23, 59))).toBe(isoToDay('2025-06-01'));
    expect(() => toDay('soon')).toThrow(RangeError);
  });
});
