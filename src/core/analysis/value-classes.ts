// Value classes by share of revenue: customers sorted by what they spent, best first; a customer
// belongs to the class in which the cumulative revenue *before* them falls (key until 50% of the
// revenue, main until 80%, regular until 95%, occasional after, by default). Customers who spent
// the same get the same class (a run of equal revenue is classed by where the run starts), and a
// customer with no revenue (≤ 0) is occasional. Customers without any purchase have no class.
//
// The result is also expressed as revenue thresholds (the smallest revenue in each class), which
// is what the incremental path uses to class one customer without re-sorting everyone.

import type { ValueClassCuts } from './settings';

export type ValueClass = 'key' | 'main' | 'regular' | 'occasional';
export const VALUE_CLASSES: readonly ValueClass[] = ['key', 'main', 'regular', 'occasional'];
export const valueClassLabelKey = (c: ValueClass): string => `analysis.valueClass.${c}`;

/** Smallest revenue of each class; Infinity when the class is empty. */
export type ValueThresholds = { readonly key: number; readonly main: number; readonly regular: number };

export type ParetoPoint = { readonly customerShare: number; readonly revenueShare: number };

/** The values from largest to smallest; the analysis passes them sorted already (no sort then). */
function descending(xs: ArrayLike<number>): Float64Array {
  const n = xs.length;
  let ascending = true;
  for (let i = 1; i < n; i++)
    if (!(xs[i - 1]! <= xs[i]!)) {
      ascending = false;
      break;
    }
  if (!ascending) return Float64Array.from(xs).sort().reverse();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = xs[n - 1 - i]!;
  return out;
}

export function classForRevenue(revenue: number, t: ValueThresholds): ValueClass {
  if (revenue <= 0) return 'occasional';
  if (revenue >= t.key) return 'key';
  if (revenue >= t.main) return 'main';
  if (revenue >= t.regular) return 'regular';
  return 'occasional';
}

/** Thresholds from every purchasing customer's revenue (any order). */
export function valueThresholds(revenues: ArrayLike<number>, cuts: ValueClassCuts): ValueThresholds {
  const desc = descending(revenues);
  let total = 0;
  for (const r of desc) if (r > 0) total += r;
  const t = { key: Infinity, main: Infinity, regular: Infinity };
  if (total <= 0) return t;
  let before = 0;
  let i = 0;
  while (i < desc.length && desc[i]! > 0) {
    const v = desc[i]!;
    let j = i;
    let run = 0;
    while (j < desc.length && desc[j] === v) run += desc[j++]!;
    const share = before / total;
    if (share < cuts.key) t.key = v;
    else if (share < cuts.main) t.main = v;
    else if (share < cuts.regular) t.regular = v;
    before += run;
    i = j;
  }
  // An empty middle class must not swallow customers of the one below: thresholds only go down.
  if (t.main === Infinity) t.main = t.key;
  if (t.regular === Infinity) t.regular = t.main;
  return t;
}

/**
 * The Pareto curve: cumulative share of revenue against share of customers (best first), at most
 * `points` + 1 points from (0, 0) to (1, 1).
 */
export function paretoCurve(revenues: ArrayLike<number>, points = 100): ParetoPoint[] {
  const desc = descending(revenues);
  const n = desc.length;
  let total = 0;
  for (const r of desc) total += Math.max(0, r);
  const out: ParetoPoint[] = [{ customerShare: 0, revenueShare: 0 }];
  if (n === 0 || total <= 0) return out;
  const step = Math.max(1, Math.ceil(n / points));
  let cum = 0;
  for (let i = 0; i < n; i++) {
    cum += Math.max(0, desc[i]!);
    if ((i + 1) % step === 0 || i === n - 1) out.push({ customerShare: (i + 1) / n, revenueShare: cum / total });
  }
  return out;
}
