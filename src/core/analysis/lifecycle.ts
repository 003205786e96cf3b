// Lifecycle stage and the churn warning, both from a customer's own stats.
//
// Lifecycle, first match wins:
//   prospect    no purchase yet
//   lost        no purchase for ≥ lostDays (default 365)
//   atRisk      no purchase for ≥ atRiskDays (default 120), or the churn warning fires, or a
//               one-visit customer who has not come back within newDays (default 60)
//   highValue   a key customer (value class)
//   new         one visit, less than newDays ago
//   repeat      two visits or more
//
// Churn warning: a customer with ≥ minVisits visits (default 2) whose days since the last purchase
// exceed factor × their median gap between visits (default 2×) and are ≥ minDays (default 30).
// Each customer is measured against their own rhythm, not a shop-wide number.

import type { ChurnRules, LifecycleRules } from './settings';
import type { CustomerStats } from './stats';
import type { ValueClass } from './value-classes';

export type Lifecycle = 'prospect' | 'new' | 'repeat' | 'highValue' | 'atRisk' | 'lost';
export const LIFECYCLES: readonly Lifecycle[] = ['prospect', 'new', 'repeat', 'highValue', 'atRisk', 'lost'];
export const lifecycleLabelKey = (l: Lifecycle): string => `analysis.lifecycle.${l}`;

export type ChurnWarning = { readonly usualGapDays: number; readonly daysNow: number };

export function churnOf(s: CustomerStats, rules: ChurnRules): ChurnWarning | undefined {
  if (s.visits < rules.minVisits || s.medianGap === undefined || s.daysSince === undefined) return undefined;
  if (s.daysSince > rules.factor * s.medianGap && s.daysSince >= rules.minDays) return { usualGapDays: s.medianGap, daysNow: s.daysSince };
  return undefined;
}

export function lifecycleOf(s: CustomerStats, valueClass: ValueClass | undefined, churn: ChurnWarning | undefined, rules: LifecycleRules): Lifecycle {
  if (s.visits === 0 || s.daysSince === undefined) return 'prospect';
  if (s.daysSince >= rules.lostDays) return 'lost';
  if (s.daysSince >= rules.atRiskDays || churn || (s.visits === 1 && s.daysSince >= rules.newDays)) return 'atRisk';
  if (valueClass === 'key') return 'highValue';
  if (s.visits === 1) return 'new';
  return 'repeat';
}
