// The points ledger of one customer: every point earned, redeemed, reversed or expired, with its
// date and the row it came from, so the balance (the sum of the entries) is always explained.
//
// How points are recorded in the book: earning is not stored, it is computed from each purchase
// (floor(amount × perAmount)); a purchase row whose `points` cell holds a number uses that number
// instead (a bonus, or 0 for "no points on this sale"). A redemption is a purchases row with
// amount 0 and a negative `points` cell (core/ops/points.ts writes one). A refund (negative amount)
// takes back the points it would have earned. The customers sheet's `points` cell is an opening
// balance (carried over from an old system) that never expires.
//
// Expiry is first-in first-out: each purchase's points form a lot that expires `expiryDays` after
// the purchase; redemptions and reversals use the oldest lots first, and what is left of a lot on
// its expiry day is written off as an "expired" entry.

import type { Day } from './days';
import type { PointsRules } from './settings';
import type { PurchaseSnap } from './snapshot';
import { columnsOf, type PurchaseColumns } from './stats';
import type { RowId } from '../model/types';

export type LedgerEntry = {
  readonly kind: 'opening' | 'earned' | 'redeemed' | 'reversed' | 'expired';
  /** undefined for the opening balance. */
  readonly day: Day | undefined;
  /** Signed: + earned/opening, − redeemed/reversed/expired. */
  readonly points: number;
  /** The purchases row behind the entry (for "expired", the purchase whose points expired). */
  readonly source: RowId | undefined;
};

export type PointsLedger = {
  readonly entries: readonly LedgerEntry[];
  readonly balance: number;
  /** Points that will expire within the lead days, grouped by expiry day, soonest first. */
  readonly expiring: readonly { readonly day: Day; readonly points: number }[];
};

// Lots as parallel arrays reused between calls: a full compute builds ~500k lots, and objects for
// them were a large share of the garbage. Entries only exist when asked for.
const lotLeft: number[] = [];
const lotExpires: number[] = [];
const lotSource: (RowId | undefined)[] = [];

const NO_ENTRIES: readonly LedgerEntry[] = Object.freeze([]);
const NO_EXPIRING: readonly { readonly day: Day; readonly points: number }[] = Object.freeze([]);

/** Points a purchase row gives (+) or takes (−). */
export function pointsOfPurchase(p: PurchaseSnap, perAmount: number): number {
  return pointsOf(p.amount, p.points === undefined ? NaN : p.points, perAmount);
}

/** `pointsOfPurchase` of an amount and a points cell (NaN: none). */
function pointsOf(amount: number, points: number, perAmount: number): number {
  if (points === points) return Math.trunc(points);
  if (amount > 0) return Math.floor(amount * perAmount + 1e-9);
  if (amount < 0) return -Math.floor(-amount * perAmount + 1e-9);
  return 0;
}

/** Points that the last `expireLots` took away. */
let expiredPoints = 0;

/**
 * Expires the lots from `from` on whose day is `until` or before (they expire in order), with an
 * entry each when `entries` is given; returns the next lot that can expire, and leaves the points
 * taken in `expiredPoints` (no object per call: this runs for every customer on a full compute).
 */
function expireLots(from: number, lots: number, until: number, entries: LedgerEntry[] | undefined): number {
  expiredPoints = 0;
  let i = from;
  for (; i < lots; i++) {
    const exp = lotExpires[i]!;
    if (exp > until) break;
    const left = lotLeft[i]!;
    if (left > 0) {
      expiredPoints += left;
      entries?.push({ kind: 'expired', day: exp, points: -left, source: lotSource[i] });
    }
    lotLeft[i] = 0;
  }
  return i;
}

/** The ledger as of `today`; `sorted` are the customer's purchases by day (later ones are ignored). */
export function pointsLedger(sorted: readonly PurchaseSnap[], openingPoints: number, rules: PointsRules, today: Day, keepEntries = true): PointsLedger {
  return pointsLedgerOfRange(columnsOf(sorted), 0, sorted.length, openingPoints, rules, today, keepEntries, (i) => sorted[i]!.id);
}

/**
 * `pointsLedger` over the range [start, end) of columns sorted by day within it; `sourceOf(i)` names
 * the row of purchase i (needed only with `keepEntries`).
 */
export function pointsLedgerOfRange(
  cols: PurchaseColumns,
  start: number,
  end: number,
  openingPoints: number,
  rules: PointsRules,
  today: Day,
  keepEntries: boolean,
  sourceOf?: (i: number) => RowId,
): PointsLedger {
  // The grid needs only the balance: without `keepEntries` the entries are summed, not kept (and
  // the shared empty list stands in, one allocation fewer per customer on a full compute). The lots'
  // sources are only kept with the entries too.
  const entries: LedgerEntry[] = keepEntries ? [] : (NO_ENTRIES as LedgerEntry[]);
  const source = keepEntries && sourceOf ? sourceOf : undefined;
  let balance = 0;
  let lots = 0; // lots in lotLeft / lotExpires
  let head = 0; // lots before head are used up or expired
  if (openingPoints) {
    balance += openingPoints;
    if (keepEntries) entries.push({ kind: 'opening', day: undefined, points: openingPoints, source: undefined });
    if (openingPoints > 0) {
      lotLeft[lots] = openingPoints;
      lotExpires[lots] = Infinity;
      if (keepEntries) lotSource[lots] = undefined;
      lots++;
    }
  }
  // Lots expire in purchase order, and every lot lives the same number of days, so the expired
  // ones are always at the head (the opening lot never expires and is consumed first).
  // `expHead`: the next lot that can expire (the finite lots expire in order). Checked before each
  // purchase inline; most purchases expire nothing.
  let expHead = lots;
  const expiry = rules.expiryDays;
  const perAmount = rules.perAmount;
  const days = cols.day;
  const amounts = cols.amount;
  const pointCells = cols.points;
  for (let i = start; i < end; i++) {
    const day = days[i]!;
    if (day > today) break;
    const cell = pointCells === undefined ? NaN : pointCells[i]!;
    const pts = pointsOf(amounts[i]!, cell, perAmount);
    if (pts === 0) continue;
    if (expHead < lots && lotExpires[expHead]! <= day) {
      expHead = expireLots(expHead, lots, day, keepEntries ? entries : undefined);
      balance -= expiredPoints;
      while (head < lots && lotLeft[head] === 0) head++;
    }
    balance += pts;
    if (pts > 0) {
      if (keepEntries) entries.push({ kind: 'earned', day, points: pts, source: source?.(i) });
      lotLeft[lots] = pts;
      lotExpires[lots] = expiry === null ? Infinity : day + expiry;
      if (keepEntries) lotSource[lots] = source?.(i);
      lots++;
    } else {
      if (keepEntries) entries.push({ kind: cell === cell ? 'redeemed' : 'reversed', day, points: pts, source: source?.(i) });
      let use = -pts;
      for (let j = head; j < lots && use > 0; j++) {
        const take = Math.min(lotLeft[j]!, use);
        lotLeft[j]! -= take;
        use -= take;
      }
      while (head < lots && lotLeft[head] === 0) head++;
    }
  }
  if (expiry === null) return { entries, balance, expiring: NO_EXPIRING };
  expHead = expireLots(expHead, lots, today, keepEntries ? entries : undefined);
  balance -= expiredPoints;
  while (head < lots && lotLeft[head] === 0) head++;
  let expiring: { day: Day; points: number }[] | undefined;
  const until = today + rules.expiringLeadDays;
  for (let i = head; i < lots; i++) {
    const left = lotLeft[i]!;
    const exp = lotExpires[i]!;
    if (left <= 0 || exp === Infinity) continue;
    if (exp > until) break;
    const last = expiring?.[expiring.length - 1];
    if (last && last.day === exp) last.points += left;
    else (expiring ??= []).push({ day: exp, points: left });
  }
  return { entries, balance, expiring: expiring ?? NO_EXPIRING };
}
