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
//
// Speed: the full compute never makes an object per purchase. It groups the snapshot's purchase
// table (snapshot.ts) by customer with a counting sort into typed arrays, each customer's purchases a
// range sorted by day, and runs the per-customer rules on those ranges. A customer's purchases become
// objects only when asked for (`purchasesOf`, `ledger`) or when a new sale is added to them.

import type { RowId } from '../model/types';
import type { Day } from './days';
import { churnOf, lifecycleOf, type ChurnWarning, type Lifecycle } from './lifecycle';
import { pointsLedger, pointsLedgerOfRange, type PointsLedger } from './points';
import { lowerBound, quintileScore, segmentOf, smallIntegerCounts, summarizeSegments, upperBound, type RfmScore, type Segment, type SegmentSummary } from './rfm';
import type { AnalysisSettings, TierRule } from './settings';
import { purchaseAt, purchaseTable, type ContactSnap, type CustomerSnap, type PurchaseSnap, type PurchaseTable, type Snapshot } from './snapshot';
import { EMPTY_STATS, statsOf, statsOfRange, type PurchaseColumns } from './stats';
import type { CustomerStats } from './stats';
import { sortTiers, tierOf, tierOfRange, type TierResult } from './tiers';
import { classForRevenue, paretoCurve, valueThresholds, type ParetoPoint, type ValueClass, type ValueThresholds } from './value-classes';

/** Points expiring within the lead days: their total and the soonest day. */
function expiringOf(ledger: PointsLedger): ComputedRow['pointsExpiring'] {
  const exp = ledger.expiring;
  if (exp.length === 0) return undefined;
  let points = 0;
  for (const x of exp) points += x.points;
  return { points, day: exp[0]!.day };
}

/** What the reminders read of a customer (`forEachCustomer`). */
export type CustomerFacts = Pick<ComputedRow, 'totalSpent' | 'firstPurchase' | 'lastPurchase' | 'valueClass' | 'churn' | 'pointsExpiring'>;

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
  /** The customer's purchases by day as objects; undefined while they are still the range below. */
  purchases: PurchaseSnap[] | undefined;
  /** The range of the customer's purchases in the analysis' grouped columns (see `grouped`). */
  start: number;
  end: number;
  stats: CustomerStats;
  tier: TierResult;
  ledger: PointsLedger;
  churn: ChurnWarning | undefined;
  rfm: RfmScore | undefined;
  valueClass: ValueClass | undefined;
  row: ComputedRow | undefined;
};

/**
 * Every linked purchase as columns grouped by customer, each group sorted by day. The amounts and
 * points are only read while the full compute runs (after it, a customer's purchases are read as
 * objects through `table` and `index`), so they are let go of when it ends: 8 MB less to keep on
 * 500k purchases.
 */
type Grouped = PurchaseColumns & { readonly table: PurchaseTable; readonly index: Int32Array };

const EMPTY_INTS = new Int32Array(0);
const EMPTY_FLOATS = new Float64Array(0);

const NO_PURCHASES: Grouped = { table: purchaseTable({ customers: [], purchases: [], contacts: [], issues: { badAmount: [], badDate: [], unknownCustomer: [], contactBadDate: [], duplicateCode: [] } }), index: new Int32Array(0), day: new Int32Array(0), amount: new Float64Array(0), points: new Float64Array(0) };

/** Sorts the positions [start, end) of `order` by day, keeping equal days in their order. */
function sortRangeByDay(order: Int32Array, day: Int32Array, start: number, end: number): void {
  let sorted = true;
  for (let i = start + 1; i < end; i++)
    if (day[order[i]!]! < day[order[i - 1]!]!) {
      sorted = false;
      break;
    }
  if (sorted) return;
  if (end - start <= 32) {
    for (let i = start + 1; i < end; i++) {
      const v = order[i]!;
      const dv = day[v]!;
      let j = i - 1;
      while (j >= start && day[order[j]!]! > dv) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = v;
    }
    return;
  }
  // Array.prototype.sort is stable; the positions are in book order before.
  const part = Array.from(order.subarray(start, end));
  part.sort((a, b) => day[a]! - day[b]!);
  order.set(part, start);
}

/**
 * The last grouping of a purchase table's link array (its identity: snapshot.ts hands the same array
 * back while the links and days are unchanged): the order and the ranges depend on nothing else, so a
 * recompute after an edited amount only gathers the amounts again.
 */
type Grouping = { readonly day: Int32Array; readonly customers: number; readonly order: Int32Array; readonly counts: Int32Array };
const groupings = new WeakMap<Int32Array, Grouping>();

/**
 * The values sorted ascending, as a plain array (a new sale moves one value in it with a splice).
 * Whole numbers in a small range (days, visits) are counted rather than compared.
 */
function sortedList(xs: Float64Array): number[] {
  const n = xs.length;
  const out: number[] = [];
  const small = smallIntegerCounts(xs);
  if (small) {
    const { min, counts } = small;
    for (let v = 0; v < counts.length; v++) for (let c = counts[v]!; c > 0; c--) out.push(v + min);
    return out;
  }
  xs.sort();
  for (let i = 0; i < n; i++) out.push(xs[i]!);
  return out;
}

/**
 * `quintileScore` against `sorted` for every value in it, as a lookup: a table by value when the
 * values are whole numbers in a small range (days, visits), else the binary searches.
 */
function scorer(sorted: readonly number[]): (v: number) => number {
  const n = sorted.length;
  const lo = n ? sorted[0]! : 0;
  const span = n ? sorted[n - 1]! - lo + 1 : 0;
  if (n === 0 || !(span <= 4 * n + 1024) || !sorted.every(Number.isInteger)) return (v) => quintileScore(sorted, v);
  const table = new Int8Array(span);
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && sorted[b] === sorted[a]) b++;
    table[sorted[a]! - lo] = Math.min(5, 1 + Math.floor(5 * ((a + b) / (2 * n)) + 1e-9)); // as quintileScore
    a = b;
  }
  return (v) => {
    const s = Number.isInteger(v) && v >= lo && v - lo < span ? table[v - lo]! : 0;
    return s > 0 ? s : quintileScore(sorted, v);
  };
}

const NO_LEDGER: PointsLedger = Object.freeze({ entries: Object.freeze([]), balance: 0, expiring: Object.freeze([]) });
const NO_TIER: TierResult = Object.freeze({ tier: undefined, reason: undefined, next: undefined });

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

  private noPurchasesTier: TierResult | undefined;
  /** The purchases grouped by customer at the full compute (ranges of entries index into it). */
  private grouped: Grouped = NO_PURCHASES;

  constructor(snapshot: Snapshot, settings: AnalysisSettings, today: Day) {
    this.today = today;
    this.settings = settings;
    this.tiers = sortTiers(settings.tiers);
    // One entry per snapshot customer, in order: a purchase table's links index into this list.
    const list: Entry[] = [];
    for (const c of snapshot.customers) {
      const e: Entry = { customer: c, purchases: undefined, start: 0, end: 0, stats: EMPTY_STATS, tier: NO_TIER, ledger: NO_LEDGER, churn: undefined, rfm: undefined, valueClass: undefined, row: undefined };
      list.push(e);
      this.entries.set(c.id, e);
      if (c.code && !this.byCode.has(c.code)) this.byCode.set(c.code, e);
    }
    this.group(snapshot, list);
    for (const c of snapshot.contacts) this.noteContact(c);
    for (let i = 0; i < list.length; i++) this.computeOwn(list[i]!);
    // From here on nothing reads the grouped amounts (see `Grouped`): let them go.
    this.grouped = { ...this.grouped, day: EMPTY_INTS, amount: EMPTY_FLOATS, points: undefined };
    this.refresh();
  }

  /**
   * Groups the linked purchases by customer, each group by day (equal days in book order): a counting
   * sort by day, then a stable one by customer, both linear; `grouped` and each entry's range.
   */
  private group(snapshot: Snapshot, list: readonly Entry[]): void {
    const t = purchaseTable(snapshot);
    const n = t.length;
    const today = this.today;
    const tDay = t.day;
    let link = t.link;
    if (!link) {
      // A snapshot made by hand: link by the same rules, through `linked`.
      const byPosition = new Map<Entry, number>();
      list.forEach((e, i) => byPosition.set(e, i));
      link = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const e = this.linked(t.customerCode[i]!);
        link[i] = e ? byPosition.get(e)! : -1;
      }
    }
    const known = t.link ? groupings.get(t.link) : undefined;
    if (known && known.day === tDay && known.customers === list.length) {
      let future = 0;
      for (let i = 0; i < n; i++) if (tDay[i]! > today) future++;
      this.futurePurchases += future;
      this.unlinkedPurchases += n - known.order.length;
      this.gather(t, list, known);
      return;
    }
    const counts = new Int32Array(list.length + 1);
    let future = 0;
    let unlinked = 0;
    let minDay = Infinity;
    let maxDay = -Infinity;
    for (let i = 0; i < n; i++) {
      const day = tDay[i]!;
      if (day > today) future++;
      const o = link[i]!;
      if (o < 0) {
        unlinked++;
        continue;
      }
      counts[o + 1]!++;
      if (day < minDay) minDay = day;
      if (day > maxDay) maxDay = day;
    }
    this.futurePurchases += future;
    this.unlinkedPurchases += unlinked;
    for (let c = 1; c <= list.length; c++) counts[c]! += counts[c - 1]!;
    const linked = counts[list.length]!;
    // Book order, or by day when the days span a sane range (a typo'd year 9999 falls back to
    // sorting each customer's range, below).
    let byDay: Int32Array | undefined;
    const span = maxDay - minDay + 1;
    if (linked > 0 && span <= 4 * linked + 4096) {
      const dayCount = new Int32Array(span + 1);
      for (let i = 0; i < n; i++) if (link[i]! >= 0) dayCount[tDay[i]! - minDay + 1]!++;
      for (let d = 1; d <= span; d++) dayCount[d]! += dayCount[d - 1]!;
      byDay = new Int32Array(linked);
      for (let i = 0; i < n; i++) if (link[i]! >= 0) byDay[dayCount[tDay[i]! - minDay]!++] = i;
    }
    const order = new Int32Array(linked);
    const next = counts.slice(0, list.length);
    if (byDay) for (let k = 0; k < linked; k++) {
      const i = byDay[k]!;
      order[next[link[i]!]!++] = i;
    }
    else for (let i = 0; i < n; i++) {
      const o = link[i]!;
      if (o >= 0) order[next[o]!++] = i;
    }
    for (let c = 0; c < list.length; c++) {
      const start = counts[c]!;
      const end = counts[c + 1]!;
      if (!byDay && end - start > 1) sortRangeByDay(order, tDay, start, end);
    }
    const g: Grouping = { day: tDay, customers: list.length, order, counts };
    if (t.link) groupings.set(t.link, g);
    this.gather(t, list, g);
  }

  /** Each entry's range, and the days, amounts and points in the grouping's order. */
  private gather(t: PurchaseTable, list: readonly Entry[], g: Grouping): void {
    const { order, counts } = g;
    for (let c = 0; c < list.length; c++) {
      const e = list[c]!;
      e.start = counts[c]!;
      e.end = counts[c + 1]!;
    }
    const linked = order.length;
    // The days too (not kept with the grouping: 2 MB less to hold between computes).
    const day = new Int32Array(linked);
    const amount = new Float64Array(linked);
    const tDay = t.day;
    const tAmount = t.amount;
    const tPoints = t.points;
    for (let k = 0; k < linked; k++) {
      const i = order[k]!;
      day[k] = tDay[i]!;
      amount[k] = tAmount[i]!;
    }
    let points: Float64Array | undefined;
    if (tPoints) {
      points = new Float64Array(linked);
      for (let k = 0; k < linked; k++) points[k] = tPoints[order[k]!]!;
    }
    this.grouped = { table: t, index: order, day, amount, points };
  }

  /** The customer's purchases as objects (from then on kept as objects: new sales go in there). */
  private materialize(e: Entry): PurchaseSnap[] {
    if (!e.purchases) {
      const g = this.grouped;
      const ps: PurchaseSnap[] = [];
      for (let k = e.start; k < e.end; k++) ps.push(purchaseAt(g.table, g.index[k]!));
      e.purchases = ps;
    }
    return e.purchases;
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
    // After the full compute the grouped amounts are gone: a range is then read as objects.
    if (e.purchases || (e.end > e.start && this.grouped.amount.length === 0)) {
      const ps = this.materialize(e);
      e.stats = statsOf(ps, this.today);
      e.tier = tierOf(ps, this.today, this.tiers);
      e.ledger = pointsLedger(ps, e.customer.openingPoints, s.points, this.today, false);
    } else {
      const g = this.grouped;
      e.stats = statsOfRange(g, e.start, e.end, this.today);
      e.tier = tierOfRange(g, e.start, e.end, this.today, this.tiers);
      e.ledger = pointsLedgerOfRange(g, e.start, e.end, e.customer.openingPoints, s.points, this.today, false);
    }
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
    const size = this.entries.size;
    const r = new Float64Array(size);
    const f = new Float64Array(size);
    const m = new Float64Array(size);
    let k = 0;
    for (const e of this.entries.values())
      if (e.stats.visits > 0) {
        r[k] = e.stats.lastPurchase!;
        f[k] = e.stats.visits;
        m[k] = e.stats.totalSpent;
        k++;
      }
    this.recency = sortedList(r.subarray(0, k));
    this.frequency = sortedList(f.subarray(0, k));
    this.monetary = sortedList(m.subarray(0, k));
    this.thresholds = valueThresholds(this.monetary, this.settings.valueClasses);
    const changed: RowId[] = [];
    const score = { r: scorer(this.recency), f: scorer(this.frequency), m: scorer(this.monetary) };
    for (const e of this.entries.values()) {
      const before = e.row;
      this.scoreAndClass(e, score);
      if (before && (before.segment !== (e.rfm ? segmentOf(e.rfm) : undefined) || before.valueClass !== e.valueClass)) changed.push(e.customer.id);
      e.row = undefined;
    }
    this.stale = false;
    return changed;
  }

  private scoreAndClass(e: Entry, score?: { r: (v: number) => number; f: (v: number) => number; m: (v: number) => number }): void {
    const st = e.stats;
    e.rfm = !score ? this.scoreOf(e) : st.visits === 0 || st.lastPurchase === undefined ? undefined : { r: score.r(st.lastPurchase), f: score.f(st.visits), m: score.m(st.totalSpent) };
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
    const ps = this.materialize(e);
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
      // An import adds 50k of these in one change: the tier of no purchases is the same for all.
      this.noPurchasesTier ??= tierOf([], this.today, this.tiers);
      const ledger = c.openingPoints ? pointsLedger([], c.openingPoints, this.settings.points, this.today, false) : NO_LEDGER;
      const ne: Entry = { customer: c, purchases: [], start: 0, end: 0, stats: EMPTY_STATS, tier: this.noPurchasesTier, ledger, churn: undefined, rfm: undefined, valueClass: undefined, row: undefined };
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
      const st = e.stats;
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
        pointsExpiring: expiringOf(e.ledger),
      };
    }
    return e.row;
  }

  /**
   * Every customer in book order with the figures the reminders read and the last contact: what
   * `rowIds`, `customer`, `row` and `lastContact` give, without looking each one up and without
   * building (and keeping) 50k rows. `facts` is only valid during the call.
   */
  forEachCustomer(fn: (customer: CustomerSnap, facts: CustomerFacts, lastContact: Day | undefined) => void): void {
    const contacts = this.lastContactByCode.size > 0;
    const f = { totalSpent: 0, firstPurchase: undefined as Day | undefined, lastPurchase: undefined as Day | undefined, valueClass: undefined as ValueClass | undefined, churn: undefined as ChurnWarning | undefined, pointsExpiring: undefined as ComputedRow['pointsExpiring'] };
    for (const e of this.entries.values()) {
      const c = e.customer;
      const st = e.stats;
      f.totalSpent = st.totalSpent;
      f.firstPurchase = st.firstPurchase;
      f.lastPurchase = st.lastPurchase;
      f.valueClass = e.valueClass;
      f.churn = e.churn;
      f.pointsExpiring = e.row ? e.row.pointsExpiring : expiringOf(e.ledger);
      fn(c, f, contacts ? this.lastContact(c.id) : undefined);
    }
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
    const e = this.entries.get(id);
    return e ? this.materialize(e) : [];
  }

  /** The full points ledger of one customer (every entry, for the "why" view). */
  ledger(id: RowId): PointsLedger | undefined {
    const e = this.entries.get(id);
    return e ? pointsLedger(this.materialize(e), e.customer.openingPoints, this.settings.points, this.today, true) : undefined;
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
    // From the scores, not the rows: 50k rows are not built (nor kept) for a summary.
    const rows: { segment: Segment | undefined; revenue: number }[] = [];
    for (const e of this.entries.values()) rows.push({ segment: e.rfm ? segmentOf(e.rfm) : undefined, revenue: e.stats.totalSpent });
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
