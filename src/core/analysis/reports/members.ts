// The members report: new members per period, the running total, growth, and how the members
// spread over the tiers today.
//
// A member is a row of the customers sheet. The day a member joined is the earlier of `firstSeen`
// and their first sale (amount > 0, not after today); a member with neither is counted in the
// total but in no period ("undated"). Growth of a period = its new members / members at its start
// (undefined when there were none yet).
//
// Tiers are computed by the shop's rules (analysis/settings.ts, the same rule as tiers.ts
// `tierOf`: the best tier whose spend or visits over its window is met wins), here for all members
// in one pass over the sales instead of one customer at a time.

import type { Day } from '../days';
import type { TierRule } from '../settings';
import { sortTiers } from '../tiers';
import { periodIndex, periodsEnding, type PeriodAxis } from './periods';
import type { ReportData } from './report-data';
import type { RangeOptions } from './sales';
import { lowerBound } from './sales';

export type MembersRow = {
  readonly start: Day;
  readonly newMembers: number;
  /** Members who had joined by the end of the period. */
  readonly totalMembers: number;
  /** newMembers / members at the period's start; undefined when there were none. */
  readonly growth: number | undefined;
};

export type TierRow = {
  /** undefined: below the lowest tier. */
  readonly tier: TierRule | undefined;
  readonly count: number;
  readonly share: number;
};

export type MembersReport = {
  readonly axis: PeriodAxis;
  readonly rows: readonly MembersRow[];
  /** Every member, dated or not. */
  readonly totalMembers: number;
  readonly undated: number;
  /** New members in the whole range. */
  readonly newInRange: number;
  /** Lowest tier first, then "no tier" last. */
  readonly tiers: readonly TierRow[];
};

/** Join day per member (index < data.members); undefined when undated. */
export function joinDays(data: ReportData, today: Day): (Day | undefined)[] {
  const join: (Day | undefined)[] = data.customers.slice(0, data.members).map((c) => c.firstSeen);
  for (let i = 0; i < data.day.length; i++) {
    const d = data.day[i]!;
    if (d > today) break;
    const c = data.customer[i]!;
    if (c < 0 || c >= data.members || data.amount[i]! <= 0) continue;
    const j = join[c];
    if (j === undefined || d < j) join[c] = d;
  }
  return join;
}

/** Each member's tier index into `sorted` (-1: none), with `tierOf`'s rule. */
export function memberTiers(data: ReportData, today: Day, sorted: readonly TierRule[]): Int32Array {
  const m = data.members;
  const out = new Int32Array(m).fill(-1);
  const windows = [...new Set(sorted.map((t) => t.windowDays))];
  const totals = new Map<number, { spend: Float64Array; visits: Int32Array }>();
  for (const w of windows) {
    const spend = new Float64Array(m);
    const visits = new Int32Array(m);
    const lastVisit = new Int32Array(m).fill(-2147483648);
    const from = w > 0 ? today - w + 1 : -Infinity;
    for (let i = w > 0 ? lowerBound(data.day, from) : 0; i < data.day.length; i++) {
      const d = data.day[i]!;
      if (d > today) break;
      const c = data.customer[i]!;
      if (c < 0 || c >= m) continue;
      const a = data.amount[i]!;
      spend[c]! += a;
      if (a > 0 && lastVisit[c] !== d) {
        visits[c]!++;
        lastVisit[c] = d;
      }
    }
    totals.set(w, { spend, visits });
  }
  for (let c = 0; c < m; c++)
    sorted.forEach((t, k) => {
      const tot = totals.get(t.windowDays)!;
      const value = t.metric === 'spend' ? Math.round(tot.spend[c]! * 100) / 100 : tot.visits[c]!;
      if (value >= t.threshold) out[c] = k;
    });
  return out;
}

export function membersReport(data: ReportData, opts: RangeOptions & { readonly tiers: readonly TierRule[] }): MembersReport {
  const axis = periodsEnding(opts.today, opts.granularity, opts.periods);
  const join = joinDays(data, opts.today);
  const n = axis.starts.length;
  const fresh = new Int32Array(n);
  let before = 0;
  let undated = 0;
  for (const j of join) {
    if (j === undefined) undated++;
    else if (j < axis.starts[0]!) before++;
    else if (j <= opts.today) {
      const k = periodIndex(axis, j);
      if (k >= 0) fresh[k]!++;
    }
  }
  let running = before;
  const rows: MembersRow[] = axis.starts.map((start, i) => {
    const atStart = running;
    running += fresh[i]!;
    return { start, newMembers: fresh[i]!, totalMembers: running, growth: atStart > 0 ? fresh[i]! / atStart : undefined };
  });

  const sorted = sortTiers(opts.tiers);
  const tierOfMember = memberTiers(data, opts.today, sorted);
  const counts = new Int32Array(sorted.length + 1);
  for (const k of tierOfMember) counts[k < 0 ? sorted.length : k]!++;
  const m = data.members;
  const tiers: TierRow[] = [...sorted, undefined].map((tier, k) => ({ tier, count: counts[k]!, share: m ? counts[k]! / m : 0 }));
  return { axis, rows, totalMembers: m, undated, newInRange: running - before, tiers };
}
