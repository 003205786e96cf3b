// The reports on a small hand-checked book: every expected number below was worked out by hand
// (the weekdays from a calendar), not by running the code. The book has months with no sales
// (September and November 2024), a week and a range across the new year, a refund, a sale dated
// after today, a text amount, bad rows and a purchase whose customer code has no customer row.

import { describe, expect, it } from 'vitest';
import { createBook, type Book } from '../../../../src/core/doc/book-doc';
import { addRows } from '../../../../src/core/index';
import { dayOf, dayToIso, isoToDay } from '../../../../src/core/analysis/days';
import type { TierRule } from '../../../../src/core/analysis/settings';
import {
  addPeriods,
  dateTimeOf,
  decisionsReport,
  hourOf,
  membersReport,
  parseItems,
  periodKey,
  periodsEnding,
  productsReport,
  readReportData,
  salesReport,
  weekdayOf,
  type ReportData,
} from '../../../../src/core/analysis/reports/index';

const TODAY = isoToDay('2025-01-15')!; // a Wednesday
const iso = (d: number) => dayToIso(d);

function handBook(): Book {
  const book = createBook();
  book.ensureSchema();
  addRows(book, 'customers', [
    { code: 'A', name: 'Ana', firstSeen: '2024-10-05' },
    { code: 'B', name: 'Bo', firstSeen: null },
    { code: 'C', name: 'Chen', firstSeen: '2023-06-01' },
    { code: 'D', name: 'Dora', firstSeen: 'soon' },
  ]);
  addRows(book, 'purchases', [
    { date: '2024-10-07 14:30', customer: 'A', amount: 100, items: '2x coffee, tea' },
    { date: '2024-10-20', customer: 'B', amount: 50, items: '咖啡 x2' },
    { date: '2024-12-30', customer: 'A', amount: 30.1, items: 'tea' },
    { date: '2025-01-02', customer: 'C', amount: 20.2, items: 'Tea' },
    { date: '2025-01-02', customer: 'C', amount: 9.7, items: 'scones' },
    { date: '2025-01-10', customer: 'B', amount: -10, items: 'coffee' },
    { date: '2025-01-20', customer: 'A', amount: 500, items: 'future' },
    { date: '2024-12-01', customer: 'A', amount: 'abc', items: 'bad amount' },
    { date: '2024-13-01', customer: 'A', amount: 5, items: 'bad date' },
    { date: '2024-08-15', customer: 'Z', amount: 40, items: 'mug' },
    { date: '2024-12-31', customer: 'C', amount: '12,50', items: '' },
    { date: '2024-07-10', customer: 'C', amount: 60, items: 'tea' },
  ]);
  return book;
}

const monthly = { today: TODAY, granularity: 'month' as const, periods: 6 };

describe('reading the book', () => {
  const data = readReportData(handBook());

  it('keeps good rows sorted by day, counts bad ones, links by code, reads hours and text amounts', () => {
    expect(data.issues).toEqual({ badAmount: 1, badDate: 1, noCustomer: 0 });
    expect(data.day.length).toBe(10);
    expect([...data.day].map(iso)).toEqual([
      '2024-07-10', '2024-08-15', '2024-10-07', '2024-10-20', '2024-12-30', '2024-12-31', '2025-01-02', '2025-01-02', '2025-01-10', '2025-01-20',
    ]);
    expect(data.members).toBe(4);
    expect(data.customers.map((c) => c.code)).toEqual(['A', 'B', 'C', 'D', 'Z']);
    expect(data.customers[3]!.firstSeen).toBeUndefined();
    expect(data.amount[5]).toBe(12.5);
    expect(data.hasHours).toBe(true);
    expect(data.hour[2]).toBe(14);
    expect(data.hour[3]).toBe(-1);
    // Same day keeps book order (stable sort): 20.2 then 9.7.
    expect([data.amount[6], data.amount[7]]).toEqual([20.2, 9.7]);
  });

  it('parses dates with times and time cells', () => {
    expect(dateTimeOf('2024-02-29T09:05:00Z')).toEqual({ day: dayOf(2024, 2, 29), hour: 9 });
    expect(dateTimeOf('2023-02-29')).toBeUndefined();
    expect(hourOf('18:45')).toBe(18);
    expect(hourOf('9.05')).toBe(9);
    expect(hourOf(0.75)).toBe(18);
    expect(hourOf('25:00')).toBe(-1);
  });
});

describe('periods', () => {
  it('weeks start on Monday, months roll over the year, every period is listed', () => {
    expect(weekdayOf(isoToDay('2024-12-30')!)).toBe(1);
    expect(weekdayOf(isoToDay('2025-01-05')!)).toBe(7);
    expect(iso(addPeriods(isoToDay('2024-11-01')!, 'month', 3))).toBe('2025-02-01');
    expect(iso(addPeriods(isoToDay('2025-01-01')!, 'month', -1))).toBe('2024-12-01');
    const weeks = periodsEnding(TODAY, 'week', 3);
    expect(weeks.starts.map(iso)).toEqual(['2024-12-30', '2025-01-06', '2025-01-13']);
    expect(iso(weeks.end)).toBe('2025-01-20');
    expect(periodKey(isoToDay('2024-12-01')!, 'month')).toBe('2024-12');
  });
});

describe('sales report', () => {
  const data = readReportData(handBook());

  it('by month: zeros for empty months, refunds subtract, the future is left out, previous range beside', () => {
    const r = salesReport(data, monthly);
    expect(r.rows.map((x) => periodKey(x.start, 'month'))).toEqual(['2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01']);
    expect(r.rows.map((x) => x.revenue)).toEqual([40, 0, 150, 0, 42.6, 19.9]);
    expect(r.rows.map((x) => x.sales)).toEqual([1, 0, 2, 0, 2, 2]);
    expect(r.rows.map((x) => x.avgTicket)).toEqual([40, 0, 75, 0, 21.3, 9.95]);
    expect(periodKey(r.rows[5]!.prevStart, 'month')).toBe('2024-07');
    expect(r.rows.map((x) => x.prevRevenue)).toEqual([0, 0, 0, 0, 0, 60]);
    expect(r.total).toEqual({ revenue: 252.5, sales: 7, avgTicket: 36.07 });
    expect(r.previousTotal).toEqual({ revenue: 60, sales: 1, avgTicket: 60 });
  });

  it('by week across the new year', () => {
    const r = salesReport(data, { today: TODAY, granularity: 'week', periods: 3 });
    expect(r.rows.map((x) => [iso(x.start), x.revenue, x.sales])).toEqual([
      ['2024-12-30', 72.5, 4],
      ['2025-01-06', -10, 0],
      ['2025-01-13', 0, 0],
    ]);
    expect(r.previousTotal.revenue).toBe(0);
  });

  it('weekdays Monday first, and hours when the book has times', () => {
    const r = salesReport(data, monthly);
    expect(r.weekdays.map((w) => [w.weekday, w.revenue, w.sales])).toEqual([
      [1, 130.1, 2],
      [2, 12.5, 1],
      [3, 0, 0],
      [4, 69.9, 3],
      [5, -10, 0],
      [6, 0, 0],
      [7, 50, 1],
    ]);
    expect(r.hours).toHaveLength(24);
    expect(r.hours[14]).toEqual({ hour: 14, revenue: 100, sales: 1 });
    expect(r.hours.reduce((s, h) => s + h.sales, 0)).toBe(1);
  });
});

const TIERS: TierRule[] = [
  { id: 'g', name: 'Gold', order: 2, metric: 'visits', threshold: 2, windowDays: 0 },
  { id: 's', name: 'Silver', order: 1, metric: 'spend', threshold: 50, windowDays: 365 },
];

describe('members report', () => {
  it('new members from firstSeen or the first sale, running totals, growth, undated, tiers', () => {
    const r = membersReport(readReportData(handBook()), { ...monthly, tiers: TIERS });
    expect(r.rows.map((x) => [periodKey(x.start, 'month'), x.newMembers, x.totalMembers])).toEqual([
      ['2024-08', 0, 1],
      ['2024-09', 0, 1],
      ['2024-10', 2, 3],
      ['2024-11', 0, 3],
      ['2024-12', 0, 3],
      ['2025-01', 0, 3],
    ]);
    expect(r.rows.map((x) => x.growth)).toEqual([0, 0, 2, 0, 0, 0]);
    expect(r.totalMembers).toBe(4);
    expect(r.undated).toBe(1);
    expect(r.newInRange).toBe(2);
    expect(r.tiers.map((t) => [t.tier?.id ?? 'none', t.count, t.share])).toEqual([
      ['s', 0, 0],
      ['g', 2, 0.5],
      ['none', 2, 0.5],
    ]);
  });
});

describe('decisions report', () => {
  const r = decisionsReport(readReportData(handBook()), { ...monthly, activeDays: 30, cuts: { key: 0.5, main: 0.8, regular: 0.95 } });

  it('active and repeat rates', () => {
    expect([r.customers, r.active, r.activeRate]).toEqual([5, 2, 0.4]);
    expect([r.buyers, r.repeaters, r.repeatRate]).toEqual([4, 2, 0.5]);
  });

  it('churn and returning buyers per month', () => {
    expect(r.churn.map((c) => [periodKey(c.start, 'month'), c.activeAtStart, c.churned, c.churnRate ?? null, c.buyers, c.returning])).toEqual([
      ['2024-08', 1, 1, 1, 1, 0],
      ['2024-09', 1, 1, 1, 0, 0],
      ['2024-10', 0, 0, null, 2, 0],
      ['2024-11', 2, 2, 1, 0, 0],
      ['2024-12', 0, 0, null, 2, 2],
      ['2025-01', 2, 0, 0, 1, 1],
    ]);
  });

  it('value classes and the Pareto curve', () => {
    expect(r.valueClasses.map((v) => [v.valueClass, v.customers, v.revenue])).toEqual([
      ['key', 2, 232.5],
      ['main', 2, 80],
      ['regular', 0, 0],
      ['occasional', 0, 0],
    ]);
    expect(r.valueClasses[0]!.revenueShare).toBeCloseTo(0.744, 6);
    expect(r.pareto.map((p) => p.customerShare)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(r.pareto[1]!.revenueShare).toBeCloseTo(130.1 / 312.5, 9);
    expect(r.paretoCustomersFor80).toBe(0.75);
  });

  it('RFM segment sizes at each month end', () => {
    expect(r.segments.map((s) => iso(s.day))).toEqual(['2024-08-31', '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31', '2025-01-15']);
    const last = r.segments.at(-1)!;
    expect(last.scored).toBe(4);
    expect(Object.entries(last.counts).filter(([, n]) => n > 0)).toEqual([
      ['champions', 2],
      ['hibernating', 1],
      ['lost', 1],
    ]);
    // At the end of August only C (July) and Z (August) had bought: Z is more recent.
    expect(r.segments[0]!.scored).toBe(2);
  });
});

describe('products report', () => {
  it('parses quantities before and after names, in Latin and CJK punctuation', () => {
    expect(parseItems('2x coffee, tea')).toEqual([
      { name: 'coffee', quantity: 2 },
      { name: 'tea', quantity: 1 },
    ]);
    expect(parseItems('咖啡 x2；蛋糕、茶×3')).toEqual([
      { name: '咖啡', quantity: 2 },
      { name: '蛋糕', quantity: 1 },
      { name: '茶', quantity: 3 },
    ]);
    expect(parseItems(' 3 scones + té verde (2) ')).toEqual([
      { name: 'scones', quantity: 3 },
      { name: 'té verde', quantity: 2 },
    ]);
    expect(parseItems('')).toEqual([]);
  });

  it('hot and slow sellers in the range, revenue shared by quantity, not sold for N days', () => {
    const r = productsReport(readReportData(handBook()), { ...monthly, notSoldDays: 60 });
    const row = (p: { name: string; quantity: number; revenue: number; sales: number; daysSince: number }) => [p.name, p.quantity, p.revenue, p.sales, p.daysSince];
    expect(r.topByQuantity.map(row)).toEqual([
      ['tea', 3, 83.63, 3, 13],
      ['coffee', 2, 56.67, 1, 100],
      ['咖啡', 2, 50, 1, 87],
      ['mug', 1, 40, 1, 153],
      ['scones', 1, 9.7, 1, 13],
    ]);
    expect(r.topByRevenue.map((p) => p.name)).toEqual(['tea', 'coffee', '咖啡', 'mug', 'scones']);
    expect(r.slowest.map((p) => p.name)).toEqual(['scones', 'mug', '咖啡', 'coffee', 'tea']);
    expect(r.notSold.map((p) => [p.name, p.daysSince])).toEqual([
      ['mug', 153],
      ['coffee', 100],
      ['咖啡', 87],
    ]);
    expect(r.withoutItems).toBe(1);
  });
});

describe('an empty book', () => {
  const empty: ReportData = readReportData((() => {
    const b = createBook();
    b.ensureSchema();
    return b;
  })());

  it('gives zeros, never NaN or a throw', () => {
    const s = salesReport(empty, monthly);
    expect(s.rows).toHaveLength(6);
    expect(s.rows.every((x) => x.revenue === 0 && x.sales === 0 && x.avgTicket === 0)).toBe(true);
    expect(s.total).toEqual({ revenue: 0, sales: 0, avgTicket: 0 });
    expect(s.hours).toEqual([]);
    const m = membersReport(empty, { ...monthly, tiers: TIERS });
    expect([m.totalMembers, m.newInRange, m.rows[0]!.growth]).toEqual([0, 0, undefined]);
    expect(m.tiers.every((t) => t.count === 0 && t.share === 0)).toBe(true);
    const d = decisionsReport(empty, { ...monthly, activeDays: 90, cuts: { key: 0.5, main: 0.8, regular: 0.95 } });
    expect([d.activeRate, d.repeatRate, d.paretoCustomersFor80]).toEqual([0, 0, undefined]);
    expect(d.churn.every((c) => c.churnRate === undefined)).toBe(true);
    expect(d.segments.every((g) => g.scored === 0)).toBe(true);
    const p = productsReport(empty, { ...monthly, notSoldDays: 30 });
    expect([p.products.length, p.notSold.length, p.withoutItems]).toEqual([0, 0, 0]);
  });
});

describe('quintile scores in one pass', () => {
  it('give the same score as rfm.ts quintileScore for every value, ties included', async () => {
    const { quintileScore } = await import('../../../../src/core/analysis/rfm');
    const { quintileScores } = await import('../../../../src/core/analysis/reports/decisions');
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    // Whole numbers (days, visits: counting sort), money with cents (packed sort), a huge range (comparator sort).
    const kinds = [() => Math.floor(rnd() * 20), () => Math.round(rnd() * 5000) / 100 - 10, () => (rnd() < 0.5 ? 1e15 : Math.floor(rnd() * 3))];
    for (const make of kinds) for (const n of [1, 2, 5, 13, 200]) {
      const values = Float64Array.from({ length: n }, make);
      const out = new Uint8Array(n);
      quintileScores(values, out);
      const sorted = Float64Array.from(values).sort();
      expect([...out]).toEqual([...values].map((v) => quintileScore(sorted, v)));
    }
  });
});
