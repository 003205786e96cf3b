// What the Segments view draws, from the analysis, without Solid: the RFM tiles (each segment's
// count, revenue share, size and colour family), value classes, lifecycle counts, and the Pareto
// curve as SVG path data. Kept plain so it is unit-tested on hand-checked books.

import {
  LIFECYCLES,
  SEGMENTS,
  VALUE_CLASSES,
  type CustomerAnalysis,
  type Lifecycle,
  type ParetoPoint,
  type Segment,
  type ValueClass,
} from '../../core/index';

/** Colour family of a segment: what the owner should do about it. */
export type SegmentTone = 'good' | 'fresh' | 'watch' | 'danger' | 'asleep';

export const SEGMENT_TONE: Readonly<Record<Segment, SegmentTone>> = {
  champions: 'good',
  loyal: 'good',
  potentialLoyalists: 'good',
  new: 'fresh',
  promising: 'fresh',
  needAttention: 'watch',
  aboutToSleep: 'watch',
  atRisk: 'danger',
  cantLose: 'danger',
  hibernating: 'asleep',
  lost: 'asleep',
};

export type SegmentTile = {
  readonly segment: Segment;
  readonly count: number;
  readonly countShare: number;
  readonly revenue: number;
  readonly revenueShare: number;
  readonly tone: SegmentTone;
  /** Flex weight of the tile: grows with the count, never below 1 so an empty segment still shows. */
  readonly weight: number;
  /** Colour strength 0.15–1 by the count relative to the largest segment. */
  readonly strength: number;
};

export type ClassRow = { readonly cls: ValueClass; readonly count: number; readonly revenue: number; readonly revenueShare: number; readonly countShare: number };

export type SegmentsModel = {
  readonly tiles: readonly SegmentTile[];
  /** Customers with no purchase yet (not scored). */
  readonly unscored: number;
  readonly classes: readonly ClassRow[];
  readonly lifecycle: readonly { readonly stage: Lifecycle; readonly count: number }[];
  readonly pareto: readonly ParetoPoint[];
  readonly customers: number;
  readonly revenue: number;
};

export function segmentsModel(a: CustomerAnalysis, paretoPoints = 50): SegmentsModel {
  const summary = a.segments();
  const max = Math.max(1, ...summary.map((s) => s.count));
  const tiles = SEGMENTS.map((segment) => {
    const s = summary.find((x) => x.segment === segment);
    const count = s?.count ?? 0;
    return {
      segment,
      count,
      countShare: s?.countShare ?? 0,
      revenue: s?.revenue ?? 0,
      revenueShare: s?.revenueShare ?? 0,
      tone: SEGMENT_TONE[segment],
      weight: 1 + Math.round((count / max) * 4),
      strength: 0.15 + 0.85 * (count / max),
    };
  });
  const stages = new Map<Lifecycle, number>(LIFECYCLES.map((l) => [l, 0]));
  let customers = 0;
  let scored = 0;
  for (const id of a.rowIds()) {
    const r = a.row(id)!;
    customers++;
    if (r.segment) scored++;
    stages.set(r.lifecycle, stages.get(r.lifecycle)! + 1);
  }
  const vc = a.valueClasses();
  let revenue = 0;
  let classed = 0;
  for (const c of VALUE_CLASSES) {
    revenue += vc[c].revenue;
    classed += vc[c].count;
  }
  return {
    tiles,
    unscored: customers - scored,
    classes: VALUE_CLASSES.map((cls) => ({
      cls,
      count: vc[cls].count,
      revenue: vc[cls].revenue,
      revenueShare: revenue > 0 ? vc[cls].revenue / revenue : 0,
      countShare: classed > 0 ? vc[cls].count / classed : 0,
    })),
    lifecycle: LIFECYCLES.map((stage) => ({ stage, count: stages.get(stage)! })),
    pareto: a.pareto(paretoPoints),
    customers,
    revenue,
  };
}

/** The revenue share the best `customerShare` of customers bring, read off the curve (linear between points). */
export function revenueShareAt(curve: readonly ParetoPoint[], customerShare: number): number {
  if (curve.length < 2) return 0;
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1]!;
    const b = curve[i]!;
    if (b.customerShare >= customerShare) {
      const span = b.customerShare - a.customerShare;
      return span > 0 ? a.revenueShare + ((customerShare - a.customerShare) / span) * (b.revenueShare - a.revenueShare) : b.revenueShare;
    }
  }
  return curve[curve.length - 1]!.revenueShare;
}

/** SVG path data of the curve in a w×h box (y grows downwards, so revenue 100 % is at the top). */
export function paretoPath(curve: readonly ParetoPoint[], w: number, h: number): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  return curve.map((p, i) => `${i ? 'L' : 'M'}${r(p.customerShare * w)} ${r(h - p.revenueShare * h)}`).join(' ');
}
