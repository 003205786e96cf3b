// RFM: recency, frequency and monetary scores 1–5 by quintile over the shop's own customers, and
// the named segments.
//
// Scores. Only customers with at least one purchase are scored. For each measure the values are
// sorted; a value's score comes from the middle of the run of equal values it belongs to:
// p = (first + last + 1) / 2n (positions 0-based), score = min(5, 1 + floor(5p)). So equal values
// always get the same score (ties never split by row order), n = 5k spreads exactly k per score,
// and a single customer (or everyone equal) scores 3. Recency scores the last purchase day (more
// recent = higher), frequency the visits, monetary the total spent.
//
// Segments use R and the rounded mean of F and M ("FM" = floor((F + M + 1) / 2)), first match wins:
//   Champions           R 5,   FM 4–5 | also R 4, FM 5
//   Loyal               R 3–4, FM 4–5
//   Can't lose them     R 1–2, FM 5
//   At risk             R 1–2, FM 3–4
//   Need attention      R 3,   FM 3
//   Potential loyalists R 4–5, FM 2–3
//   New                 R 5,   FM 1
//   Promising           R 4,   FM 1
//   About to sleep      R 3,   FM 1–2
//   Hibernating         R 2,   FM 1–2
//   Lost                R 1,   FM 1–2
// (the common R×F grid, with Lost split from Hibernating by R). Every one of the 25 pairs has a segment.

export type Segment =
  | 'champions'
  | 'loyal'
  | 'potentialLoyalists'
  | 'new'
  | 'promising'
  | 'needAttention'
  | 'aboutToSleep'
  | 'atRisk'
  | 'cantLose'
  | 'hibernating'
  | 'lost';

export const SEGMENTS: readonly Segment[] = [
  'champions',
  'loyal',
  'potentialLoyalists',
  'new',
  'promising',
  'needAttention',
  'aboutToSleep',
  'atRisk',
  'cantLose',
  'hibernating',
  'lost',
];

/** i18n key of a segment's name (the catalog is src/i18n/messages/analysis.ts). */
export const segmentLabelKey = (s: Segment): string => `analysis.segment.${s}`;

export type RfmScore = { readonly r: number; readonly f: number; readonly m: number };

/** Index of the first element ≥ v in an ascending array. */
export function lowerBound(sorted: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > v in an ascending array. */
export function upperBound(sorted: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many of `values` hold each whole number from `min` on, when they are all whole numbers in a
 * span small enough to count (days, visits: at most 4n + 1024 wide); undefined otherwise (sort them).
 */
export function smallIntegerCounts(values: Float64Array): { readonly min: number; readonly counts: Int32Array } | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v)) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min > 4 * n + 1024) return undefined;
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < n; i++) counts[values[i]! - min]!++;
  return { min, counts };
}

/** The 1–5 quintile score of `v` among `sorted` (ascending; v should be one of them). */
export function quintileScore(sorted: ArrayLike<number>, v: number): number {
  const n = sorted.length;
  if (n === 0) return 3;
  const a = lowerBound(sorted, v);
  const b = upperBound(sorted, v);
  // A value not in the list (a customer scored against stale boundaries) sits between a and a.
  const p = b > a ? (a + b) / (2 * n) : a / n;
  return Math.min(5, 1 + Math.floor(5 * p + 1e-9));
}

export function segmentOf(score: RfmScore): Segment {
  const r = score.r;
  const fm = Math.floor((score.f + score.m + 1) / 2);
  if ((r === 5 && fm >= 4) || (r === 4 && fm === 5)) return 'champions';
  if (r >= 3 && fm >= 4) return 'loyal';
  if (r <= 2 && fm === 5) return 'cantLose';
  if (r <= 2 && fm >= 3) return 'atRisk';
  if (r === 3 && fm === 3) return 'needAttention';
  if (r >= 4 && fm >= 2) return 'potentialLoyalists';
  if (r === 5) return 'new';
  if (r === 4) return 'promising';
  if (r === 3) return 'aboutToSleep';
  if (r === 2) return 'hibernating';
  return 'lost';
}

/** Ascending copy of the values, for `quintileScore`. */
export function sortedValues(values: Iterable<number>): Float64Array {
  const a = Float64Array.from(values);
  return a.sort();
}

export type SegmentSummary = { readonly segment: Segment; readonly count: number; readonly revenue: number; readonly revenueShare: number; readonly countShare: number };

/** Counts and revenue share per segment (every segment listed, in SEGMENTS order). */
export function summarizeSegments(rows: Iterable<{ readonly segment: Segment | undefined; readonly revenue: number }>): SegmentSummary[] {
  const count = new Map<Segment, number>();
  const revenue = new Map<Segment, number>();
  let totalCount = 0;
  let totalRevenue = 0;
  for (const r of rows) {
    if (!r.segment) continue;
    count.set(r.segment, (count.get(r.segment) ?? 0) + 1);
    revenue.set(r.segment, (revenue.get(r.segment) ?? 0) + r.revenue);
    totalCount++;
    totalRevenue += r.revenue;
  }
  return SEGMENTS.map((segment) => ({
    segment,
    count: count.get(segment) ?? 0,
    revenue: Math.round((revenue.get(segment) ?? 0) * 100) / 100,
    countShare: totalCount ? (count.get(segment) ?? 0) / totalCount : 0,
    revenueShare: totalRevenue > 0 ? (revenue.get(segment) ?? 0) / totalRevenue : 0,
  }));
}
