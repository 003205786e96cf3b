// The decisions report: how many customers are active, how many stop coming each period, how many
// come back, who brings the revenue (value classes and the 80/20 curve) and how the RFM segments
// grew or shrank over time.
//
// Customers here are everyone who can buy: the rows of the customers sheet plus any customer code
// that purchases use without a row (analysis/snapshot.ts counts those as "unknown customer"; their
// sales are still someone's). A visit is a day with a sale (amount > 0), as in stats.ts.
//
// - Active rate: customers with a sale in the last N days (today included) / all customers.
// - Churn rate of a period: of the customers active at its start (a sale in the N days before),
//   the share no longer active at its end (no sale in the N days before the end; the current
//   period ends today). A period shorter than N days can show little churn: choose N to match.
// - Returning share of a period: buyers of the period who had bought before it / its buyers.
// - Repeat-purchase rate: customers with two visits or more / customers with at least one.
// - Value classes and the Pareto curve: value-classes.ts over each customer's all-time revenue.
// - RFM segment sizes at the end of each period (at most the last 12): rfm.ts's quintile scores and
//   segments, recomputed as of that day. NOTE for the analysis engine: this "segments as of a past
//   day" aggregate lives here because analysis/ has no history of segments yet; when it has one,
//   this should read it instead.

import type { Day } from '../days';
import { segmentOf, SEGMENTS, type Segment } from '../rfm';
import type { ValueClassCuts } from '../settings';
import { classForRevenue, paretoCurve, valueThresholds, VALUE_CLASSES, type ParetoPoint, type ValueClass } from '../value-classes';
import { periodsEnding, type PeriodAxis } from './periods';
import type { ReportData } from './report-data';
import { cents, type RangeOptions } from './sales';

export type ChurnRow = {
  readonly start: Day;
  readonly activeAtStart: number;
  readonly churned: number;
  /** churned / activeAtStart; undefined when nobody was active. */
  readonly churnRate: number | undefined;
  readonly buyers: number;
  readonly returning: number;
  readonly returningShare: number | undefined;
};

export type ValueClassRow = {
  readonly valueClass: ValueClass;
  readonly customers: number;
  readonly revenue: number;
  readonly customerShare: number;
  readonly revenueShare: number;
};

export type SegmentSnapshot = { readonly day: Day; readonly counts: Readonly<Record<Segment, number>>; readonly scored: number };

export type DecisionsReport = {
  readonly axis: PeriodAxis;
  readonly customers: number;
  readonly active: number;
  readonly activeRate: number;
  readonly activeDays: number;
  readonly buyers: number;
  readonly repeaters: number;
  readonly repeatRate: number;
  readonly churn: readonly ChurnRow[];
  readonly valueClasses: readonly ValueClassRow[];
  readonly pareto: readonly ParetoPoint[];
  /** Share of the customers (best first) who bring 80% of the revenue. */
  readonly paretoCustomersFor80: number | undefined;
  readonly segments: readonly SegmentSnapshot[];
};

export type DecisionsOptions = RangeOptions & { readonly activeDays: number; readonly cuts: ValueClassCuts };

const NONE = -2147483648;

/** Per customer, as of the end of `day` (inclusive): last visit, visits, revenue. Purchases are
 * consumed from `state.next` on, so successive calls with growing days cost one pass in total. */
type Running = { next: number; readonly last: Int32Array; readonly visits: Int32Array; readonly revenue: Float64Array };

function advance(data: ReportData, s: Running, day: Day): void {
  const n = data.day.length;
  while (s.next < n && data.day[s.next]! <= day) {
    const i = s.next++;
    const c = data.customer[i]!;
    if (c < 0) continue;
    const a = data.amount[i]!;
    s.revenue[c]! += a;
    if (a > 0 && s.last[c] !== data.day[i]) {
      s.visits[c]!++;
      s.last[c] = data.day[i]!;
    }
  }
}

/**
 * rfm.ts's quintile score for every value of `values` at once: sorting once and walking the runs of
 * equal values gives each run its score (the same formula as `quintileScore`, which would binary
 * search each value). Scores are written to `out` by position.
 */
export function quintileScores(values: Float64Array, out: Uint8Array): void {
  const n = values.length;
  if (n === 0) return;
  // Sort (value, position) pairs with the native numeric sort, no comparator callback: each pair
  // is packed into one exact float, value in cents × 2^bits + position. Money, days and visit
  // counts all fit while |cents| × 2^bits < 2^53; otherwise sort with a comparator.
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** bits;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const c = Math.round(values[i]! * 100);
    if (c < min) min = c;
    if (c > max) max = c;
  }
  const packed = (max - min + 1) * scale < Number.MAX_SAFE_INTEGER;
  const order = new Uint32Array(n);
  const key = new Float64Array(n);
  const integers = values.every((v) => Number.isInteger(v));
  if (integers && (max - min) / 100 <= 4 * n + 1024) {
    // Days and visit counts: a counting sort over the (small) range of values.
    const lo = min / 100;
    const counts = new Int32Array((max - min) / 100 + 2);
    for (let i = 0; i < n; i++) counts[values[i]! - lo + 1]!++;
    for (let v = 1; v < counts.length; v++) counts[v]! += counts[v - 1]!;
    for (let i = 0; i < n; i++) {
      const at = counts[values[i]! - lo]!++;
      order[at] = i;
      key[at] = values[i]!;
    }
  } else if (packed) {
    for (let i = 0; i < n; i++) key[i] = (Math.round(values[i]! * 100) - min) * scale + i;
    key.sort();
    for (let i = 0; i < n; i++) {
      const hi = Math.floor(key[i]! / scale);
      order[i] = key[i]! - hi * scale;
      key[i] = hi;
    }
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => values[a]! - values[b]!);
    for (let i = 0; i < n; i++) key[i] = values[order[i]!]!;
  }
  // key[] now holds the sorted values (in cents when packed): walk the runs of equal values.
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && key[j + 1] === key[i]) j++;
    const score = Math.min(5, 1 + Math.floor((5 * (i + j + 1)) / (2 * n) + 1e-9));
    for (let k = i; k <= j; k++) out[order[k]!] = score;
    i = j + 1;
  }
}

function segmentCounts(s: Running, day: Day): SegmentSnapshot {
  const nc = s.last.length;
  let m = 0;
  for (let c = 0; c < nc; c++) if (s.visits[c]! > 0) m++;
  const rec = new Float64Array(m);
  const freq = new Float64Array(m);
  const mon = new Float64Array(m);
  for (let c = 0, k = 0; c < nc; c++)
    if (s.visits[c]! > 0) {
      rec[k] = s.last[c]!;
      freq[k] = s.visits[c]!;
      mon[k++] = cents(s.revenue[c]!);
    }
  const qr = new Uint8Array(m);
  const qf = new Uint8Array(m);
  const qm = new Uint8Array(m);
  quintileScores(rec, qr);
  quintileScores(freq, qf);
  quintileScores(mon, qm);
  const counts = Object.fromEntries(SEGMENTS.map((g) => [g, 0])) as Record<Segment, number>;
  for (let i = 0; i < m; i++) counts[segmentOf({ r: qr[i]!, f: qf[i]!, m: qm[i]! })]++;
  return { day, counts, scored: m };
}

export function decisionsReport(data: ReportData, opts: DecisionsOptions): DecisionsReport {
  const { today } = opts;
  const N = Math.max(1, Math.floor(opts.activeDays));
  const axis = periodsEnding(today, opts.granularity, opts.periods);
  const nc = data.customers.length;
  const s: Running = { next: 0, last: new Int32Array(nc).fill(NONE), visits: new Int32Array(nc), revenue: new Float64Array(nc) };

  // Walk the period boundaries in order; at each, who is active (a visit in the N days before it).
  const bounds = [...axis.starts, Math.min(axis.end, today + 1)];
  const churn: ChurnRow[] = [];
  let activeBefore: Uint8Array | undefined;
  let lastBefore: Int32Array | undefined;
  const periodEnds = axis.starts.map((_, i) => bounds[i + 1]! - 1);
  const segmentDays = new Set(periodEnds.slice(-12));
  const segments: SegmentSnapshot[] = [];
  for (let b = 0; b < bounds.length; b++) {
    const at = bounds[b]!;
    advance(data, s, at - 1);
    const active = new Uint8Array(nc);
    for (let c = 0; c < nc; c++) if (s.last[c]! >= at - N) active[c] = 1;
    if (activeBefore && lastBefore) {
      let activeAtStart = 0;
      let churned = 0;
      let buyers = 0;
      let returning = 0;
      const start = bounds[b - 1]!;
      for (let c = 0; c < nc; c++) {
        if (activeBefore[c]) {
          activeAtStart++;
          if (!active[c]) churned++;
        }
        if (s.last[c]! >= start) {
          buyers++;
          if (lastBefore[c] !== NONE) returning++;
        }
      }
      churn.push({
        start,
        activeAtStart,
        churned,
        churnRate: activeAtStart ? churned / activeAtStart : undefined,
        buyers,
        returning,
        returningShare: buyers ? returning / buyers : undefined,
      });
    }
    if (b > 0 && segmentDays.has(at - 1)) segments.push(segmentCounts(s, at - 1));
    activeBefore = active;
    lastBefore = s.last.slice();
  }

  // Everything up to today.
  advance(data, s, today);
  let active = 0;
  let buyers = 0;
  let repeaters = 0;
  const revenues: number[] = [];
  const hasPurchase = new Uint8Array(nc);
  for (let i = 0; i < s.next; i++) if (data.customer[i]! >= 0) hasPurchase[data.customer[i]!] = 1;
  for (let c = 0; c < nc; c++) {
    if (s.last[c]! > today - N) active++;
    if (s.visits[c]! > 0) buyers++;
    if (s.visits[c]! > 1) repeaters++;
    if (hasPurchase[c]) revenues.push(cents(s.revenue[c]!));
  }

  const t = valueThresholds(revenues, opts.cuts);
  const classCount = new Map<ValueClass, number>();
  const classRevenue = new Map<ValueClass, number>();
  let totalPositive = 0;
  for (const r of revenues) {
    const k = classForRevenue(r, t);
    classCount.set(k, (classCount.get(k) ?? 0) + 1);
    classRevenue.set(k, (classRevenue.get(k) ?? 0) + r);
    totalPositive += Math.max(0, r);
  }
  const valueClasses: ValueClassRow[] = VALUE_CLASSES.map((valueClass) => ({
    valueClass,
    customers: classCount.get(valueClass) ?? 0,
    revenue: cents(classRevenue.get(valueClass) ?? 0),
    customerShare: revenues.length ? (classCount.get(valueClass) ?? 0) / revenues.length : 0,
    revenueShare: totalPositive > 0 ? Math.max(0, classRevenue.get(valueClass) ?? 0) / totalPositive : 0,
  }));
  const pareto = paretoCurve(revenues, 20);
  const hit = pareto.find((p) => p.revenueShare >= 0.8 - 1e-9);

  return {
    axis,
    customers: nc,
    active,
    activeRate: nc ? active / nc : 0,
    activeDays: N,
    buyers,
    repeaters,
    repeatRate: buyers ? repeaters / buyers : 0,
    churn,
    valueClasses,
    pareto,
    paretoCustomersFor80: pareto.length > 1 ? hit?.customerShare : undefined,
    segments,
  };
}

