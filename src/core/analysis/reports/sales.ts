// The sales report: revenue, number of sales and the average ticket per period, each next to the
// same period of the previous range (the month a year before for 12 months, the day 30 days before
// for 30 days), then the best days of the week and, when the book holds times, the hours.
//
// A sale is a purchase row with an amount > 0; revenue is the sum of every amount (a refund, a
// negative amount, subtracts; a points-only row with 0 changes nothing); the average ticket is
// revenue / sales. Purchases dated after `today` are left out (a typo or a booking, not a sale yet).
// Money is rounded to cents after summing so 0.1 + 0.2 shows as 0.3.

import type { Day } from '../days';
import { periodIndex, periodsEnding, previousAxis, type Granularity, type PeriodAxis } from './periods';
import type { ReportData } from './report-data';

export type SalesRow = {
  readonly start: Day;
  readonly revenue: number;
  readonly sales: number;
  readonly avgTicket: number;
  /** The same position in the previous range. */
  readonly prevStart: Day;
  readonly prevRevenue: number;
  readonly prevSales: number;
  readonly prevAvgTicket: number;
};

export type Totals = { readonly revenue: number; readonly sales: number; readonly avgTicket: number };

export type WeekdayRow = { readonly weekday: number; readonly revenue: number; readonly sales: number; readonly avgTicket: number };
export type HourRow = { readonly hour: number; readonly revenue: number; readonly sales: number };

export type SalesReport = {
  readonly axis: PeriodAxis;
  readonly rows: readonly SalesRow[];
  readonly total: Totals;
  readonly previousTotal: Totals;
  /** Monday (1) … Sunday (7), over the range. */
  readonly weekdays: readonly WeekdayRow[];
  /** 0–23 over the range; empty when no purchase has a time. */
  readonly hours: readonly HourRow[];
};

export type RangeOptions = { readonly today: Day; readonly granularity: Granularity; readonly periods: number };

export const cents = (x: number): number => Math.round(x * 100) / 100;
const avg = (revenue: number, sales: number): number => (sales > 0 ? cents(revenue / sales) : 0);

/** First index of a sorted Int32Array holding a value ≥ v. */
export function lowerBound(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Revenue and sales per period of `axis`, days after `today` left out. */
function bucket(data: ReportData, axis: PeriodAxis, today: Day): { revenue: Float64Array; sales: Int32Array } {
  const n = axis.starts.length;
  const revenue = new Float64Array(n);
  const sales = new Int32Array(n);
  const end = Math.min(axis.end, today + 1);
  let hint = 0;
  for (let i = lowerBound(data.day, axis.starts[0]!); i < data.day.length; i++) {
    const d = data.day[i]!;
    if (d >= end) break;
    const k = periodIndex(axis, d, hint);
    hint = k;
    const a = data.amount[i]!;
    revenue[k]! += a;
    if (a > 0) sales[k]!++;
  }
  return { revenue, sales };
}

function totals(revenue: Float64Array, sales: Int32Array): Totals {
  let r = 0;
  let s = 0;
  for (let i = 0; i < revenue.length; i++) {
    r += revenue[i]!;
    s += sales[i]!;
  }
  return { revenue: cents(r), sales: s, avgTicket: avg(r, s) };
}

export function salesReport(data: ReportData, opts: RangeOptions): SalesReport {
  const axis = periodsEnding(opts.today, opts.granularity, opts.periods);
  const prev = previousAxis(axis);
  const cur = bucket(data, axis, opts.today);
  const before = bucket(data, prev, opts.today);
  const rows: SalesRow[] = axis.starts.map((start, i) => ({
    start,
    revenue: cents(cur.revenue[i]!),
    sales: cur.sales[i]!,
    avgTicket: avg(cur.revenue[i]!, cur.sales[i]!),
    prevStart: prev.starts[i]!,
    prevRevenue: cents(before.revenue[i]!),
    prevSales: before.sales[i]!,
    prevAvgTicket: avg(before.revenue[i]!, before.sales[i]!),
  }));

  const wRevenue = new Float64Array(8);
  const wSales = new Int32Array(8);
  const hRevenue = new Float64Array(24);
  const hSales = new Int32Array(24);
  const end = Math.min(axis.end, opts.today + 1);
  for (let i = lowerBound(data.day, axis.starts[0]!); i < data.day.length; i++) {
    const d = data.day[i]!;
    if (d >= end) break;
    const wd = ((((d + 3) % 7) + 7) % 7) + 1;
    const a = data.amount[i]!;
    wRevenue[wd]! += a;
    if (a > 0) wSales[wd]!++;
    const h = data.hour[i]!;
    if (h >= 0) {
      hRevenue[h]! += a;
      if (a > 0) hSales[h]!++;
    }
  }
  const weekdays: WeekdayRow[] = [1, 2, 3, 4, 5, 6, 7].map((w) => ({ weekday: w, revenue: cents(wRevenue[w]!), sales: wSales[w]!, avgTicket: avg(wRevenue[w]!, wSales[w]!) }));
  const hours: HourRow[] = data.hasHours ? Array.from({ length: 24 }, (_, h) => ({ hour: h, revenue: cents(hRevenue[h]!), sales: hSales[h]! })) : [];
  return { axis, rows, total: totals(cur.revenue, cur.sales), previousTotal: totals(before.revenue, before.sales), weekdays, hours };
}
