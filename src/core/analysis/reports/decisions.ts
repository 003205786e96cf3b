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
// Speed (50k customers, 500k sales): one pass over the sales in day order for the whole report; at
// each period end recency and frequency are scored from histograms of whole numbers and monetary
// from a radix sort of cents (only the four values where the score steps up are kept), and the
// segment comes from a 5×5×5 table made with rfm.ts's `segmentOf`: no per-customer objects.

import type { Day } from '../days';
import { segmentOf, SEGMENTS, smallIntegerCounts, type Segment } from '../rfm';
import type { ValueClassCuts } from '../settings';
import { paretoCurve, valueThresholds, VALUE_CLASSES, type ParetoPoint, type ValueClass, type ValueThresholds } from '../value-classes';
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
type Running = {
  next: number;
  /** Customers with a visit so far, and the most visits of one. */
  scored: number;
  maxVisits: number;
  /** Customers with any purchase so far (a refund or a 0 included): they have a value class. */
  buyersAny: number;
  readonly bought: Uint8Array;
  readonly last: Int32Array;
  readonly first: Int32Array;
  readonly visits: Int32Array;
  readonly revenue: Float64Array;
};

function advance(data: ReportData, s: Running, day: Day): void {
  const n = data.day.length;
  while (s.next < n && data.day[s.next]! <= day) {
    const i = s.next++;
    const c = data.customer[i]!;
    if (c < 0) continue;
    const a = data.amount[i]!;
    s.revenue[c]! += a;
    if (!s.bought[c]) {
      s.bought[c] = 1;
      s.buyersAny++;
    }
    if (a > 0 && s.last[c] !== data.day[i]) {
      const v = ++s.visits[c]!;
      if (v === 1) {
        s.first[c] = data.day[i]!;
        s.scored++;
      }
      if (v > s.maxVisits) s.maxVisits = v;
      s.last[c] = data.day[i]!;
    }
  }
}

/**
 * rfm.ts's quintile score for every value of `values` at once, by position into `out`: whole numbers
 * over a small range (days, visit counts) from a histogram, anything else from one native sort and
 * the four values where the score steps up (`quintileScore` would binary search each value).
 */
export function quintileScores(values: Float64Array, out: Uint8Array): void {
  const n = values.length;
  if (n === 0) return;
  const small = smallIntegerCounts(values);
  if (small) {
    const { min, counts } = small;
    const score = new Uint8Array(counts.length);
    histogramScores(counts, n, score);
    for (let i = 0; i < n; i++) out[i] = score[values[i]! - min]!;
    return;
  }
  const t = scoreThresholds(Float64Array.from(values).sort());
  for (let i = 0; i < n; i++) out[i] = scoreOf(t, values[i]!);
}

/** 1 + the number of thresholds (scores 2–5) at or below v. */
const scoreOf = (t: Float64Array, v: number): number => 1 + (v >= t[2]! ? 1 : 0) + (v >= t[3]! ? 1 : 0) + (v >= t[4]! ? 1 : 0) + (v >= t[5]! ? 1 : 0);

/** Work arrays a report reuses across its snapshots (each is as long as the customers). */
type Scratch = { readonly keys: Float64Array; readonly a: Uint32Array; readonly b: Uint32Array };
const scratchFor = (n: number): Scratch => ({ keys: new Float64Array(n), a: new Uint32Array(n), b: new Uint32Array(n) });

/**
 * Radix sort (11-bit digits, as many passes as the span needs) of whole numbers in [min, max] with
 * max - min < 2^32, as offsets from min; returns the sorted offsets, in one of the scratch arrays.
 */
function radixOffsets(values: Float64Array, min: number, max: number, scratch: Scratch): Uint32Array {
  const n = values.length;
  let src = scratch.a.subarray(0, n);
  let dst = scratch.b.subarray(0, n);
  for (let i = 0; i < n; i++) src[i] = values[i]! - min;
  const count = new Int32Array(2049);
  for (let shift = 0; shift < 32 && (max - min) / 2 ** shift >= 1; shift += 11) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((src[i]! >>> shift) & 2047) + 1]!++;
    for (let d = 1; d <= 2048; d++) count[d]! += count[d - 1]!;
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      dst[count[(v >>> shift) & 2047]!++] = v;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/** Whether whole numbers in [min, max] can be radix sorted (and are worth it). */
const radixable = (n: number, min: number, max: number): boolean => n >= 256 && max - min < 2 ** 32;

/**
 * Whole numbers (cents, days) in ascending order: a radix sort when they span less than 2^32 (two
 * or three linear passes), else the native sort. Returns a new array.
 */
export function sortWholeNumbers(values: Float64Array): Float64Array {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!radixable(n, min, max)) return Float64Array.from(values).sort();
  const sorted = radixOffsets(values, min, max, scratchFor(n));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sorted[i]! + min;
  return out;
}

/** Segment of every (r, f, m) score triple, as an index into SEGMENTS: rfm.ts decides, once. */
const SEGMENT_OF = (() => {
  const t = new Uint8Array(6 * 6 * 6);
  for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) t[r * 36 + f * 6 + m] = SEGMENTS.indexOf(segmentOf({ r, f, m }));
  return t;
})();

/** The score formula of `quintileScores` for a run of equal values at sorted positions i…j of n. */
const runScore = (i: number, j: number, n: number): number => Math.min(5, 1 + Math.floor((5 * (i + j + 1)) / (2 * n) + 1e-9));

/**
 * Quintile scores of whole numbers in [lo, lo + counts.length) from their histogram: each value's
 * score (the same as `quintileScores`), written to `score[value - lo]`. Linear in values + range.
 */
function histogramScores(counts: Int32Array, n: number, score: Uint8Array): void {
  let before = 0;
  for (let v = 0; v < counts.length; v++) {
    const c = counts[v]!;
    if (c === 0) continue;
    score[v] = runScore(before, before + c - 1, n);
    before += c;
  }
}

/**
 * The smallest value reaching each score 2–5 (`quintileScores`' scores rise with the value, so
 * score(v) = 1 + the number of thresholds ≤ v); Infinity when no value reaches it. `sorted` ascending;
 * radix-sorted offsets from a minimum come with that minimum as `offset` (the thresholds are values again).
 */
function scoreThresholds(sorted: Float64Array | Uint32Array, offset = 0): Float64Array {
  const n = sorted.length;
  const at = new Float64Array(6).fill(Infinity);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && sorted[j + 1] === sorted[i]) j++;
    const s = runScore(i, j, n);
    for (let k = s; k >= 2 && at[k] === Infinity; k--) at[k] = sorted[i]! + offset;
    i = j + 1;
  }
  return at;
}

/**
 * RFM segment sizes as of `day`, from the running state: recency and frequency scored from
 * histograms of whole numbers, monetary (cents) from one native sort; no per-customer objects.
 * The same scores as `quintileScores` on each measure (tested), so the same segments as rfm.ts.
 */
function segmentCounts(s: Running, day: Day, firstDay: Day, scratch: Scratch): SegmentSnapshot {
  const nc = s.last.length;
  const m = s.scored;
  const counts = Object.fromEntries(SEGMENTS.map((g) => [g, 0])) as Record<Segment, number>;
  if (m === 0) return { day, counts, scored: 0 };
  // Last visits lie between the first sale of the book and `day`; when that span is huge (a date
  // typed decades off) find the real one rather than allocate for it.
  let minLast = firstDay;
  let maxLast = day;
  if (day - firstDay > 4 * nc + 100_000) {
    minLast = Infinity;
    maxLast = -Infinity;
    for (let c = 0; c < nc; c++)
      if (s.visits[c]! > 0) {
        const l = s.last[c]!;
        if (l < minLast) minLast = l;
        if (l > maxLast) maxLast = l;
      }
  }
  const recCount = new Int32Array(maxLast - minLast + 1);
  const freqCount = new Int32Array(s.maxVisits + 1);
  const money = scratch.keys.subarray(0, m);
  let minMoney = Infinity;
  let maxMoney = -Infinity;
  for (let c = 0, k = 0; c < nc; c++)
    if (s.visits[c]! > 0) {
      recCount[s.last[c]! - minLast]!++;
      freqCount[s.visits[c]!]!++;
      const v = Math.round(s.revenue[c]! * 100);
      if (v < minMoney) minMoney = v;
      if (v > maxMoney) maxMoney = v;
      money[k++] = v;
    }
  const recScore = new Uint8Array(recCount.length);
  const freqScore = new Uint8Array(freqCount.length);
  histogramScores(recCount, m, recScore);
  histogramScores(freqCount, m, freqScore);
  const t = radixable(m, minMoney, maxMoney) ? scoreThresholds(radixOffsets(money, minMoney, maxMoney, scratch), minMoney) : scoreThresholds(Float64Array.from(money).sort());
  const bySegment = new Int32Array(SEGMENTS.length);
  for (let c = 0, k = 0; c < nc; c++)
    if (s.visits[c]! > 0) {
      const ms = scoreOf(t, money[k++]!);
      bySegment[SEGMENT_OF[recScore[s.last[c]! - minLast]! * 36 + freqScore[s.visits[c]!]! * 6 + ms]!]!++;
    }
  SEGMENTS.forEach((g, i) => (counts[g] = bySegment[i]!));
  return { day, counts, scored: m };
}

/** The index in VALUE_CLASSES of `classForRevenue(revenue, t)`, without the strings. */
export function classIndexFor(revenue: number, t: ValueThresholds): number {
  if (revenue <= 0) return 3;
  if (revenue >= t.key) return 0;
  if (revenue >= t.main) return 1;
  if (revenue >= t.regular) return 2;
  return 3;
}

export function decisionsReport(data: ReportData, opts: DecisionsOptions): DecisionsReport {
  const { today } = opts;
  const N = Math.max(1, Math.floor(opts.activeDays));
  const axis = periodsEnding(today, opts.granularity, opts.periods);
  const nc = data.customers.length;
  const s: Running = { next: 0, scored: 0, maxVisits: 0, buyersAny: 0, bought: new Uint8Array(nc), last: new Int32Array(nc).fill(NONE), first: new Int32Array(nc).fill(NONE), visits: new Int32Array(nc), revenue: new Float64Array(nc) };

  // Walk the period boundaries in order; at each, who is active (a visit in the N days before it).
  const bounds = [...axis.starts, Math.min(axis.end, today + 1)];
  const churn: ChurnRow[] = [];
  let activeBefore = new Uint8Array(nc);
  let activeNow = new Uint8Array(nc);
  const periodEnds = axis.starts.map((_, i) => bounds[i + 1]! - 1);
  const segmentDays = new Set(periodEnds.slice(-12));
  const segments: SegmentSnapshot[] = [];
  let scratch: Scratch | undefined;
  for (let b = 0; b < bounds.length; b++) {
    const at = bounds[b]!;
    advance(data, s, at - 1);
    const from = at - N;
    const last = s.last;
    if (b === 0) {
      for (let c = 0; c < nc; c++) activeNow[c] = last[c]! >= from ? 1 : 0;
    } else {
      let activeAtStart = 0;
      let churned = 0;
      let buyers = 0;
      let returning = 0;
      const start = bounds[b - 1]!;
      const first = s.first;
      for (let c = 0; c < nc; c++) {
        const l = last[c]!;
        const now = l >= from ? 1 : 0;
        activeNow[c] = now;
        if (activeBefore[c]) {
          activeAtStart++;
          if (!now) churned++;
        }
        if (l >= start) {
          buyers++;
          // A visit before the period: the first one came before its start.
          if (first[c]! < start) returning++;
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
    if (b > 0 && segmentDays.has(at - 1)) segments.push(segmentCounts(s, at - 1, data.day.length ? data.day[0]! : 0, (scratch ??= scratchFor(nc))));
    const swap = activeBefore;
    activeBefore = activeNow;
    activeNow = swap;
  }

  // Everything up to today.
  advance(data, s, today);
  let active = 0;
  let buyers = 0;
  let repeaters = 0;
  // Customer order, as the sums below depend on it to the last bit.
  const revenues = new Float64Array(s.buyersAny);
  for (let c = 0, k = 0; c < nc; c++) {
    if (s.last[c]! > today - N) active++;
    if (s.visits[c]! > 0) buyers++;
    if (s.visits[c]! > 1) repeaters++;
    if (s.bought[c]) revenues[k++] = cents(s.revenue[c]!);
  }

  // value-classes.ts sorts what it is given unless it is ascending already: sort once, by cents.
  const byRevenue = new Float64Array(revenues.length);
  for (let i = 0; i < revenues.length; i++) byRevenue[i] = Math.round(revenues[i]! * 100);
  const ascending = sortWholeNumbers(byRevenue);
  for (let i = 0; i < ascending.length; i++) ascending[i] = ascending[i]! / 100;
  const t = valueThresholds(ascending, opts.cuts);
  const classCount = new Float64Array(VALUE_CLASSES.length);
  const classRevenue = new Float64Array(VALUE_CLASSES.length);
  // Indexes into VALUE_CLASSES by the thresholds, the rule of `classForRevenue` (tested alike).
  let totalPositive = 0;
  for (let i = 0; i < revenues.length; i++) {
    const r = revenues[i]!;
    const k = classIndexFor(r, t);
    classCount[k]!++;
    classRevenue[k]! += r;
    totalPositive += Math.max(0, r);
  }
  const valueClasses: ValueClassRow[] = VALUE_CLASSES.map((valueClass, k) => ({
    valueClass,
    customers: classCount[k]!,
    revenue: cents(classRevenue[k]!),
    customerShare: revenues.length ? classCount[k]! / revenues.length : 0,
    revenueShare: totalPositive > 0 ? Math.max(0, classRevenue[k]!) / totalPositive : 0,
  }));
  const pareto = paretoCurve(ascending, 20);
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

