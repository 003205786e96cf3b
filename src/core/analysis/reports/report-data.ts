// The book read once into the plain, column-shaped data the reports compute on: purchases sorted by
// day in typed arrays (so a report over 500,000 sales is a few linear passes), each purchase linked
// to a customer index by the customer's code. Read once per book change; the reports never touch
// the Book and never read the clock.
//
// Why not analysis/snapshot.ts's `readSnapshot`: the reports also need the customers' `firstSeen`
// and the hour of a sale when the book has one (a date cell like "2024-05-06 14:30" or a column
// named time/hora/时间), which that snapshot drops. Amount and date rules are the same: a purchase
// whose amount is not a number or whose date is not a date is skipped and counted, never thrown.

import type { Book, SheetReader } from '../../doc/book-doc';
import type { CellValue } from '../../model/types';
import { parseLooseNumber } from '../../model/values';
import { dayOf, daysInMonth, isoToDay, type Day } from '../days';

export type ReportCustomer = {
  readonly code: string;
  /** The day the customer joined, from `firstSeen`; undefined when the cell holds no date. */
  readonly firstSeen: Day | undefined;
};

export type ReportData = {
  /**
   * Customers of the customers sheet first (index < `members`), then one entry per customer code
   * that purchases use but no customer row has (their purchases still count as someone's).
   */
  readonly customers: readonly ReportCustomer[];
  /** How many of `customers` are rows of the customers sheet. */
  readonly members: number;
  /** Purchases, sorted by day (stable: book order within a day). */
  readonly day: Int32Array;
  readonly amount: Float64Array;
  /** Index into `customers`; -1 when the purchase names no customer at all. */
  readonly customer: Int32Array;
  /** Hour of the sale 0–23, or -1 when the book holds no time for it. */
  readonly hour: Int8Array;
  /** The purchase's items text as an index into `itemTexts`; -1 when empty. */
  readonly items: Int32Array;
  /** Each distinct items text once (many sales share one: "té verde, scones"), parsed once per report. */
  readonly itemTexts: readonly string[];
  /** Whether any purchase has an hour (the sales report shows hours only then). */
  readonly hasHours: boolean;
  readonly issues: { readonly badAmount: number; readonly badDate: number; readonly noCustomer: number };
};

const text = (v: CellValue): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v).trim());

/** A money cell: a number, or numeric text a foreign writer left ("12,50", "€ 8"). */
export function amountOf(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') return parseLooseNumber(v);
  return undefined;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TIME = /^(\d{1,2})[:.h](\d{2})/;

/** A date cell → day number and, when it carries a time, the hour. The time is taken as written
 * (the shop's local time); an offset, if any, is ignored rather than converted. */
export function dateTimeOf(v: CellValue): { day: Day; hour: number } | undefined {
  if (typeof v !== 'string') return undefined;
  // The common case, a plain ISO date, without a regular expression (500,000 of them in a big book).
  if (v.length === 10) {
    const day = isoToDay(v);
    return day === undefined ? undefined : { day, hour: -1 };
  }
  const m = DATE_TIME.exec(v.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  const h = m[4] === undefined ? -1 : Number(m[4]);
  return { day: dayOf(y, mo, d), hour: h >= 0 && h <= 23 ? h : -1 };
}

/** Hour from a time cell ("14:30", "9.05", "14h30") or an Excel day fraction (0.6 = 14:24). */
export function hourOf(v: CellValue): number {
  if (typeof v === 'number') return v >= 0 && v < 1 ? Math.floor(v * 24 + 1e-9) : -1;
  if (typeof v !== 'string') return -1;
  const m = TIME.exec(v.trim());
  if (!m) return -1;
  const h = Number(m[1]);
  return h <= 23 && Number(m[2]) < 60 ? h : -1;
}

const TIME_NAMES = new Set(['time', 'hour', 'hora', '时间', '時間', '时刻', 'horario']);

/** The purchases sheet's time-of-day column, if the owner has one (by id or by name). */
function timeColumn(sheet: SheetReader): string | undefined {
  return sheet.columns().find((c) => c.type !== 'date' && (TIME_NAMES.has(c.id.toLowerCase()) || TIME_NAMES.has(c.name.trim().toLowerCase())))?.id;
}

export function readReportData(book: Book): ReportData {
  const cSheet = book.sheet('customers');
  const customers: ReportCustomer[] = [];
  const byCode = new Map<string, number>();
  for (const id of cSheet.liveRowIds()) {
    const code = text(cSheet.get(id, 'code'));
    const seen = dateTimeOf(cSheet.get(id, 'firstSeen'));
    // A repeated code links purchases to the first customer holding it, as the analysis does.
    if (code && !byCode.has(code)) byCode.set(code, customers.length);
    customers.push({ code, firstSeen: seen?.day });
  }
  const members = customers.length;

  const pSheet = book.sheet('purchases');
  const timeCol = timeColumn(pSheet);
  const ids = pSheet.liveRowIds();
  const n = ids.length;
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const customer = new Int32Array(n);
  const hour = new Int8Array(n);
  const items = new Int32Array(n);
  const itemTexts: string[] = [];
  const textIds = new Map<string, number>();
  let k = 0;
  let badAmount = 0;
  let badDate = 0;
  let noCustomer = 0;
  for (const id of ids) {
    const dt = dateTimeOf(pSheet.get(id, 'date'));
    if (!dt) {
      badDate++;
      continue;
    }
    const a = amountOf(pSheet.get(id, 'amount'));
    if (a === undefined) {
      badAmount++;
      continue;
    }
    const code = text(pSheet.get(id, 'customer'));
    let ci = -1;
    if (code) {
      ci = byCode.get(code) ?? -1;
      if (ci < 0) {
        ci = customers.length;
        byCode.set(code, ci);
        customers.push({ code, firstSeen: undefined });
      }
    } else noCustomer++;
    day[k] = dt.day;
    amount[k] = a;
    customer[k] = ci;
    hour[k] = dt.hour >= 0 ? dt.hour : timeCol ? hourOf(pSheet.get(id, timeCol)) : -1;
    const it = text(pSheet.get(id, 'items'));
    let ti = -1;
    if (it) {
      ti = textIds.get(it) ?? -1;
      if (ti < 0) {
        ti = itemTexts.length;
        textIds.set(it, ti);
        itemTexts.push(it);
      }
    }
    items[k] = ti;
    k++;
  }
  return sortByDay({
    customers,
    members,
    day: day.subarray(0, k),
    amount: amount.subarray(0, k),
    customer: customer.subarray(0, k),
    hour: hour.subarray(0, k),
    items: items.subarray(0, k),
    itemTexts,
    hasHours: false,
    issues: { badAmount, badDate, noCustomer },
  });
}

/** Plain rows → ReportData (tests and benchmarks build books this way too). */
export type PlainPurchase = { readonly day: Day; readonly amount: number; readonly customer: number; readonly hour?: number; readonly items?: string };

export function reportDataOf(customers: readonly ReportCustomer[], purchases: readonly PlainPurchase[], members = customers.length): ReportData {
  const n = purchases.length;
  const itemTexts: string[] = [];
  const textIds = new Map<string, number>();
  const idOf = (t: string | undefined): number => {
    if (!t) return -1;
    let i = textIds.get(t);
    if (i === undefined) {
      textIds.set(t, (i = itemTexts.length));
      itemTexts.push(t);
    }
    return i;
  };
  const data: ReportData = {
    customers,
    members,
    day: Int32Array.from(purchases, (p) => p.day),
    amount: Float64Array.from(purchases, (p) => p.amount),
    customer: Int32Array.from(purchases, (p) => p.customer),
    hour: Int8Array.from(purchases, (p) => p.hour ?? -1),
    items: Int32Array.from(purchases, (p) => idOf(p.items)),
    itemTexts,
    hasHours: false,
    issues: { badAmount: 0, badDate: 0, noCustomer: purchases.filter((p) => p.customer < 0).length },
  };
  return n ? sortByDay(data) : data;
}

/** A stable counting sort by day: days span a few thousand values, so this is linear. */
function sortByDay(d: ReportData): ReportData {
  const n = d.day.length;
  let hasHours = false;
  for (let i = 0; i < n; i++) if (d.hour[i]! >= 0) hasHours = true;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (d.day[i]! < d.day[i - 1]!) sorted = false;
  if (sorted) return { ...d, hasHours };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = d.day[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min + 1;
  let order: Int32Array;
  if (span <= 4 * n + 100_000) {
    const counts = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) counts[d.day[i]! - min + 1]!++;
    for (let i = 1; i <= span; i++) counts[i]! += counts[i - 1]!;
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[counts[d.day[i]! - min]!++] = i;
  } else {
    // Dates far apart (a typo in year 1900 next to 2025): a comparison sort is cheaper.
    order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => d.day[a]! - d.day[b]! || a - b);
  }
  return {
    ...d,
    hasHours,
    day: Int32Array.from(order, (i) => d.day[i]!),
    amount: Float64Array.from(order, (i) => d.amount[i]!),
    customer: Int32Array.from(order, (i) => d.customer[i]!),
    hour: Int8Array.from(order, (i) => d.hour[i]!),
    items: Int32Array.from(order, (i) => d.items[i]!),
  };
}
