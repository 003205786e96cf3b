// The computed columns of the Customers grid (visits, total spent, average ticket, first and last
// purchase, days since, points, tier, segment, value class, lifecycle, churn) for every customer,
// kept current by an incremental path.
//
// Full compute (`analyzeCustomers`): groups the purchases by customer code, then per customer the
// stats, tier, points balance and churn; then the shop-wide boundaries (RFM quintiles, value-class
// revenue thresholds) and from them each customer's segment, class and lifecycle.
//
// Incremental (`addPurchase`): a new sale changes only its customer's stats, tier, points and churn,
// recomputed exactly from that customer's purchases. The shop-wide boundaries are updated in place
// (the customer's old R/F/M values leave the sorted lists, the new ones enter) and the customer is
// scored against them, but the other customers keep the scores and classes they had: a new sale
// moves another customer's quintile only at the margin, so that waits for `refresh()` (the caller
// debounces it, e.g. when the app is idle or a segments view opens). `stale` says a refresh is due.

import type { RowId } from '../model/types';
import type { Day } from './days';
import { churnOf, lifecycleOf, type ChurnWarning, type Lifecycle } from './lifecycle';
import { pointsLedger, type PointsLedger } from './points';
import { lowerBound, quintileScore, segmentOf, summarizeSegments, upperBound, type RfmScore, type Segment, type SegmentSummary } from './rfm';
import type { AnalysisSettings, TierRule } from './settings';
import type { ContactSnap, CustomerSnap, PurchaseSnap, Snapshot } from './snapshot';
import { EMPTY_STATS, sortByDay, statsOf, type CustomerStats } from './stats';
import { sortTiers, tierOf, type TierResult } from './tiers';
import { classForRevenue, paretoCurve, valueThresholds, type ParetoPoint, type ValueClass, type ValueThresholds } from './value-classes';

/** What the Customers grid shows per row, plus the reasons behind it. */
export type ComputedRow = CustomerStats & {
  readonly points: number;
  readonly tier: TierResult;
  readonly rfm: RfmScore | undefined;
  readonly segment: Segment | undefined;
  readonly valueClass: ValueClass | undefined;
  readonly lifecycle: Lifecycle;
  readonly churn: ChurnWarning | undefined;
  /** Points expiring within the lead days (total, and the soonest day). */
  readonly pointsExpiring: { readonly points: number; readonly day: Day } | undefined;
};

type Entry = {
  customer: CustomerSnap;
  readonly purchases: PurchaseSnap[];
  stats: CustomerStats;
  tier: TierResult;
  ledger: PointsLedger;
  churn: ChurnWarning | undefined;
  rfm: RfmScore | undefined;
  valueClass: ValueClass | undefined;
  row: ComputedRow | undefined;
};

function insertSorted(a: number[], v: number): void {
  a.splice(upperBound(a, v), 0, v);
}

function removeSorted(a: number[], v: number): void {
  const i = lowerBound(a, v);
  if (a[i] === v) a.splice(i, 1);
}

export class CustomerAnalysis {
  readonly today: Day;
  readonly settings: AnalysisSettings;
  private readonly tiers: readonly TierRule[];
  private readonly entries = new Map<RowId, Entry>();
  private readonly byCode = new Map<string, Entry>();
  /** Last contact day per customer code. */
  private readonly lastContactByCode = new Map<string, Day>();
  /** Ascending R (last purchase day), F (visits), M (total spent) of every purchasing customer. */
  private recency: number[] = [];
  private frequency: number[] = [];
  private monetary: number[] = [];
  private thresholds: ValueThresholds = { key: Infinity, main: Infinity, regular: Infinity };
  /** Purchases linked to no customer (their code is empty or unknown). */
  unlinkedPurchases = 0;
  /** Purchases dated after today, left out of every figure. */
  futurePurchases = 0;
  /** True after an incremental change: other customers' segments and classes may be off until `refresh()`. */
  stale = false;

  constructor(snapshot: Snapshot, settings: AnalysisSettings, today: Day) {
    this.today = today;
    this.settings = settings;
    this.tiers = sortTiers(settings.tiers);
    for (const c of snapshot.customers) {
      const e: Entry = { customer: c, purchases: [], stats: EMPTY_STATS, tier: { tier: undefined, reason: undefined, next: undefined }, ledger: { entries: [], balance: 0, expiring: [] }, churn: undefined, rfm: undefined, valueClass: undefined, row: undefined };
      this.entries.set(c.id, e);
      if (c.code && !this.byCode.has(c.code)) this.byCode.set(c.code, e);
    }
    for (const p of snapshot.purchases) {
      const e = this.linked(p.customerCode);
      if (!e) this.unlinkedPurchases++;
      else e.purchases.push(p);
      if (p.day > today) this.futurePurchases++;
    }
    for (const c of snapshot.contacts) this.noteContact(c);
    for (const e of this.entries.values()) {
      sortByDay(e.purchases);
      this.computeOwn(e);
    }
    this.refresh();
  }

  /**
   * The customer a purchase's `customer` cell links to: by code; failing that, a cell holding a
   * customer's row id (written by older tools and the benchmark generator) links to that row.
   */
  private linked(value: string): Entry | undefined {
    return this.byCode.get(value) ?? this.entries.get(value as RowId);
  }

  /** A customer's own figures: everything that does not depend on other customers. */
  private computeOwn(e: Entry): void {
    const s = this.settings;
    e.stats = statsOf(e.purchases, this.today);
    e.tier = tierOf(e.purchases, this.today, this.tiers);
    e.ledger = pointsLedger(e.purchases, e.customer.openingPoints, s.points, this.today, false);
    e.churn = churnOf(e.stats, s.churn);
    e.row = undefined;
  }

  private scoreOf(e: Entry): RfmScore | undefined {
    const st = e.stats;
    if (st.visits === 0 || st.lastPurchase === undefined) return undefined;
    return { r: quintileScore(this.recency, st.lastPurchase), f: quintileScore(this.frequency, st.visits), m: quintileScore(this.monetary, st.totalSpent) };
  }

  /**
   * Recomputes the shop-wide boundaries and every customer's RFM score, segment and value class.
   * Returns the customers whose segment or class changed.
   */
  refresh(): RowId[] {
    const r: number[] = [];
    const f: number[] = [];
    const m: number[] = [];
    for (const e of this.entries.values())
      if (e.stats.visits > 0) {
        r.push(e.stats.lastPurchase!);
        f.push(e.stats.visits);
        m.push(e.stats.totalSpent);
      }
    const asc = (a: number, b: number) => a - b;
    this.recency = r.sort(asc);
    this.frequency = f.sort(asc);
    this.monetary = m.sort(asc);
    this.thresholds = valueThresholds(this.monetary, this.settings.valueClasses);
    const changed: RowId[] = [];
    for (const e of this.entries.values()) {
      const before = e.row;
      this.scoreAndClass(e);
      if (before && (before.segment !== (e.rfm ? segmentOf(e.rfm) : undefined) || before.valueClass !== e.valueClass)) changed.push(e.customer.id);
      e.row = undefined;
    }
    this.stale = false;
    return changed;
  }

  private scoreAndClass(e: Entry): void {
    e.rfm = this.scoreOf(e);
    e.valueClass = e.stats.visits > 0 ? classForRevenue(e.stats.totalSpent, this.thresholds) : undefined;
  }

  private noteContact(c: ContactSnap): void {
    if (c.day > this.today) return;
    const prev = this.lastContactByCode.get(c.customerCode);
    if (prev === undefined || c.day > prev) this.lastContactByCode.set(c.customerCode, c.day);
  }

  /**
   * One new (or newly synced) sale. Updates its customer exactly and the boundaries in place;
   * returns the row ids whose computed columns changed (the customer's, or none when the code is unknown).
   */
  addPurchase(p: PurchaseSnap): RowId[] {
    const e = this.linked(p.customerCode);
    if (p.day > this.today) this.futurePurchases++;
    if (!e) {
      this.unlinkedPurchases++;
      return [];
    }
    const ps = e.purchases;
    // Usually today's sale: it goes at the end; a back-dated one is inserted in order.
    let i = ps.length;
    while (i > 0 && ps[i - 1]!.day > p.day) i--;
    ps.splice(i, 0, p);
    const old = e.stats;
    this.computeOwn(e);
    const now = e.stats;
    if (old.visits > 0) {
      removeSorted(this.recency, old.lastPurchase!);
      removeSorted(this.frequency, old.visits);
      removeSorted(this.monetary, old.totalSpent);
    }
    if (now.visits > 0) {
      insertSorted(this.recency, now.lastPurchase!);
      insertSorted(this.frequency, now.visits);
      insertSorted(this.monetary, now.totalSpent);
    }
    this.scoreAndClass(e);
    this.stale = true;
    return [e.customer.id];
  }

  /** A contact logged (a reminder marked done): it moves the customer's last contact. */
  addContact(c: ContactSnap): void {
    this.noteContact(c);
  }

  /** Replaces every contact (after contacts were edited or deleted: cheap, contacts are few). */
  setContacts(contacts: readonly ContactSnap[]): void {
    this.lastContactByCode.clear();
    for (const c of contacts) this.noteContact(c);
  }

  /**
   * A customer row edited or added. Name, phone, birthday, tags, follow-up date apply at once;
   * returns false when the change needs a full compute (the code or opening points changed, or a
   * new customer's code may claim purchases that were unlinked).
   */
  upsertCustomer(c: CustomerSnap): boolean {
    const e = this.entries.get(c.id);
    if (!e) {
      if (c.code && (this.byCode.has(c.code) || this.unlinkedPurchases > 0)) return false;
      const ne: Entry = { customer: c, purchases: [], stats: EMPTY_STATS, tier: tierOf([], this.today, this.tiers), ledger: pointsLedger([], c.openingPoints, this.settings.points, this.today, false), churn: undefined, rfm: undefined, valueClass: undefined, row: undefined };
      this.entries.set(c.id, ne);
      if (c.code) this.byCode.set(c.code, ne);
      return true;
    }
    if (e.customer.code !== c.code || e.customer.openingPoints !== c.openingPoints) return false;
    e.customer = c;
    e.row = undefined;
    return true;
  }

  /** The computed columns of one customer row (undefined for a row not in the analysis). */
  row(id: RowId): ComputedRow | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (!e.row) {
      const rfm = e.rfm;
      const exp = e.ledger.expiring;
      const st = e.stats;
      let expiring = 0;
      for (const x of exp) expiring += x.points;
      // A literal of one fixed shape (no spread): 50k of these are built on a full compute.
      e.row = {
        visits: st.visits,
        tickets: st.tickets,
        totalSpent: st.totalSpent,
        avgTicket: st.avgTicket,
        firstPurchase: st.firstPurchase,
        lastPurchase: st.lastPurchase,
        daysSince: st.daysSince,
        medianGap: st.medianGap,
        points: e.ledger.balance,
        tier: e.tier,
        rfm,
        segment: rfm ? segmentOf(rfm) : undefined,
        valueClass: e.valueClass,
        lifecycle: lifecycleOf(st, e.valueClass, e.churn, this.settings.lifecycle),
        churn: e.churn,
        pointsExpiring: exp.length ? { points: expiring, day: exp[0]!.day } : undefined,
      };
    }
    return e.row;
  }

  /** Customer row ids in book order. */
  rowIds(): IterableIterator<RowId> {
    return this.entries.keys();
  }

  /** The customer row a code links to (the first customer with that code). */
  customerByCode(code: string): RowId | undefined {
    return this.linked(code)?.customer.id;
  }

  customer(id: RowId): CustomerSnap | undefined {
    return this.entries.get(id)?.customer;
  }

  /** The customer's purchases up to today and after, by day (read-only). */
  purchasesOf(id: RowId): readonly PurchaseSnap[] {
    return this.entries.get(id)?.purchases ?? [];
  }

  /** The full points ledger of one customer (every entry, for the "why" view). */
  ledger(id: RowId): PointsLedger | undefined {
    const e = this.entries.get(id);
    return e ? pointsLedger(e.purchases, e.customer.openingPoints, this.settings.points, this.today, true) : undefined;
  }

  lastContact(id: RowId): Day | undefined {
    const c = this.entries.get(id)?.customer;
    if (!c) return undefined;
    // Contacts link like purchases: by code, or by the row id.
    const byCode = c.code ? this.lastContactByCode.get(c.code) : undefined;
    const byId = this.lastContactByCode.get(id);
    return byCode === undefined ? byId : byId === undefined ? byCode : Math.max(byCode, byId);
  }

  valueThresholds(): ValueThresholds {
    return this.thresholds;
  }

  /** Counts and revenue share per RFM segment. */
  segments(): SegmentSummary[] {
    const rows: { segment: Segment | undefined; revenue: number }[] = [];
    for (const id of this.entries.keys()) {
      const r = this.row(id)!;
      rows.push({ segment: r.segment, revenue: r.totalSpent });
    }
    return summarizeSegments(rows);
  }

  /** Counts and revenue per value class. */
  valueClasses(): Record<ValueClass, { count: number; revenue: number }> {
    const out: Record<ValueClass, { count: number; revenue: number }> = { key: { count: 0, revenue: 0 }, main: { count: 0, revenue: 0 }, regular: { count: 0, revenue: 0 }, occasional: { count: 0, revenue: 0 } };
    for (const e of this.entries.values())
      if (e.valueClass) {
        out[e.valueClass].count++;
        out[e.valueClass].revenue += e.stats.totalSpent;
      }
    return out;
  }

  pareto(points = 100): ParetoPoint[] {
    return paretoCurve(this.monetary, points);
  }
}

/** Full compute of every customer's computed columns. */
export function analyzeCustomers(snapshot: Snapshot, settings: AnalysisSettings, today: Day): CustomerAnalysis {
  return new CustomerAnalysis(snapshot, settings, today);
}
