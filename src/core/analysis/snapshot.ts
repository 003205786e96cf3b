// Reads the book into plain arrays the analysis works on. Tolerant: a purchase with an amount that
// is not a number or a date that is not a date is skipped and counted (the owner sees how many and
// which rows), a purchase whose customer code matches no customer is kept but counted, so nothing
// is silently lost and nothing throws.
//
// Speed (50k customers, 500k purchases): the sheets are read a column at a time (`readColumn`, one
// pass over the parsed chunks), and the purchases are kept as columns (`PurchaseTable`: typed arrays
// of days, amounts, points and the index of each purchase's customer) rather than 500k objects; the
// `purchases` array of objects is only built when someone reads it. The analysis works on the table.

import { readColumn, type Book, type SheetReader } from '../doc/book-doc';
import type { CellValue, RowId } from '../model/types';
import { isoToDay, type Day } from './days';

export type CustomerSnap = {
  readonly id: RowId;
  /** Links purchases and contacts to the customer (their `customer` column holds it); may be ''. */
  readonly code: string;
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  /** ISO date as stored, when it is a real date. */
  readonly birthday: string | null;
  readonly tags: readonly string[];
  /** The tier stored in the book (what the owner last saw), '' when none. */
  readonly tier: string;
  /** The follow-up date the owner scheduled (`nextContact` column). */
  readonly nextContact: Day | undefined;
  /**
   * The customers sheet's `points` cell: an opening balance carried over from an old system
   * (imported). It enters the ledger as one "opening" entry that never expires.
   */
  readonly openingPoints: number;
};

export type PurchaseSnap = {
  readonly id: RowId;
  readonly customerCode: string;
  readonly day: Day;
  /** Money; 0 for a points-only row (a redemption), negative for a refund. */
  readonly amount: number;
  readonly items: string;
  /**
   * The purchases sheet's `points` cell when it holds a number: it replaces the computed earning
   * of the row. A negative number is a redemption (core/ops/points.ts writes such rows with amount 0).
   */
  readonly points?: number;
};

export type ContactSnap = {
  readonly id: RowId;
  readonly customerCode: string;
  readonly day: Day;
  readonly channel: string;
  readonly outcome: string;
};

export type SnapshotIssues = {
  /** Purchases skipped: the amount is not a number (and no points either). */
  readonly badAmount: readonly RowId[];
  /** Purchases skipped: no valid date. */
  readonly badDate: readonly RowId[];
  /** Purchases kept but linked to no customer (code empty or unknown). */
  readonly unknownCustomer: readonly RowId[];
  /** Contacts skipped for a missing/invalid date. */
  readonly contactBadDate: readonly RowId[];
  /** Customers whose code is also used by an earlier customer (purchases go to the first). */
  readonly duplicateCode: readonly RowId[];
};

export type Snapshot = {
  readonly customers: readonly CustomerSnap[];
  /** Built on first read from the snapshot's purchase table when it came from `readSnapshot`. */
  readonly purchases: readonly PurchaseSnap[];
  readonly contacts: readonly ContactSnap[];
  readonly issues: SnapshotIssues;
};

/**
 * The purchases of a snapshot as columns, in the order of `purchases`. `points` is NaN where the row
 * has no points number, and undefined when no row has one (most books: 4 MB not kept on 500k).
 * `link[i]` is the index in `customers` of purchase i's customer (-1: none).
 */
export type PurchaseTable = {
  readonly length: number;
  readonly id: readonly RowId[];
  readonly customerCode: readonly string[];
  readonly items: readonly string[];
  readonly day: Int32Array;
  readonly amount: Float64Array;
  readonly points: Float64Array | undefined;
  readonly link: Int32Array | undefined;
};

const tables = new WeakMap<Snapshot, PurchaseTable>();

/** Purchase i of a table as an object. */
export function purchaseAt(t: PurchaseTable, i: number): PurchaseSnap {
  const points = t.points ? t.points[i]! : NaN;
  const p: PurchaseSnap = { id: t.id[i]!, customerCode: t.customerCode[i]!, day: t.day[i]!, amount: t.amount[i]!, items: t.items[i]! };
  return points === points ? { ...p, points } : p;
}

/** The purchases of a snapshot as columns (made once from `purchases` for a snapshot built by hand). */
export function purchaseTable(snapshot: Snapshot): PurchaseTable {
  let t = tables.get(snapshot);
  if (!t) {
    const ps = snapshot.purchases;
    const n = ps.length;
    const day = new Int32Array(n);
    const amount = new Float64Array(n);
    const points = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = ps[i]!;
      day[i] = p.day;
      amount[i] = p.amount;
      points[i] = p.points === undefined ? NaN : p.points;
    }
    t = { length: n, id: ps.map((p) => p.id), customerCode: ps.map((p) => p.customerCode), items: ps.map((p) => p.items), day, amount, points, link: undefined };
    tables.set(snapshot, t);
  }
  return t;
}

/**
 * Where a purchase's `customer` cell points: a customer's code (the first customer with that code),
 * failing that a customer's row id (older tools, the benchmark generator). Index into `customers`.
 */
export function customerIndex(customers: readonly CustomerSnap[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < customers.length; i++) m.set(customers[i]!.id, i);
  // Backwards, so the first customer with a code is the one left; codes win over row ids.
  for (let i = customers.length - 1; i >= 0; i--) {
    const code = customers[i]!.code;
    if (code) m.set(code, i);
  }
  return m;
}

/** Whether a string may need trimming (whitespace or anything non-ASCII at either end): most do not. */
const mayTrim = (s: string): boolean => {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return !(a > 32 && a < 127 && b > 32 && b < 127);
};

const text = (v: CellValue): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v).trim());

/** A number cell; numeric text (from a foreign writer) is accepted too. */
function numberOf(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** One customer row as the analysis sees it. */
export function readCustomer(sheet: SheetReader, id: RowId): CustomerSnap {
  const birthday = sheet.get(id, 'birthday');
  const tags = sheet.get(id, 'tags');
  return {
    id,
    code: text(sheet.get(id, 'code')),
    name: text(sheet.get(id, 'name')),
    phone: text(sheet.get(id, 'phone')),
    email: text(sheet.get(id, 'email')),
    birthday: isoToDay(birthday) === undefined ? null : (birthday as string),
    tags: Array.isArray(tags) ? tags : typeof tags === 'string' && tags ? [tags] : [],
    tier: text(sheet.get(id, 'tier')),
    nextContact: isoToDay(sheet.get(id, 'nextContact')),
    openingPoints: numberOf(sheet.get(id, 'points')) ?? 0,
  };
}

const tagsOf = (tags: CellValue): readonly string[] => (Array.isArray(tags) ? tags : typeof tags === 'string' && tags ? [tags as string] : []);

const CUSTOMER_COLUMNS = ['code', 'name', 'phone', 'email', 'birthday', 'tags', 'tier', 'nextContact', 'points'];

type CustomersRead = { readonly inputs: readonly unknown[]; readonly customers: CustomerSnap[]; readonly duplicateCode: readonly RowId[]; readonly index: Map<string, number> };

/**
 * The last customers read per sheet, reused while the sheet's rows and those columns are the very
 * same arrays (the book keeps them until they change): a full recompute after an edited sale then
 * reads no customer again. The objects are immutable, so two snapshots may share them.
 */
const lastCustomers = new WeakMap<SheetReader, CustomersRead>();

function customersOf(sheet: SheetReader): CustomersRead {
  const inputs = [sheet.liveRowIds(), ...CUSTOMER_COLUMNS.map((c) => readColumn(sheet, c))];
  const last = lastCustomers.get(sheet);
  if (last && last.inputs.every((x, i) => x === inputs[i])) return last;
  const duplicateCode: RowId[] = [];
  const customers = readCustomers(sheet, duplicateCode);
  const read = { inputs, customers, duplicateCode, index: customerIndex(customers) };
  lastCustomers.set(sheet, read);
  return read;
}

function readCustomers(sheet: SheetReader, duplicateCode: RowId[]): CustomerSnap[] {
  const ids = sheet.liveRowIds();
  const col = (c: string) => readColumn(sheet, c);
  const [code, name, phone, email, birthday, tags, tier, nextContact, points] = CUSTOMER_COLUMNS.map(col) as CellValue[][];
  const seen = new Set<string>();
  const out: CustomerSnap[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const b = birthday![i]!;
    const c: CustomerSnap = {
      id,
      code: text(code![i]!),
      name: text(name![i]!),
      phone: text(phone![i]!),
      email: text(email![i]!),
      birthday: isoToDay(b) === undefined ? null : (b as string),
      tags: tagsOf(tags![i]!),
      tier: text(tier![i]!),
      nextContact: isoToDay(nextContact![i]!),
      openingPoints: numberOf(points![i]!) ?? 0,
    };
    if (c.code) {
      if (seen.has(c.code)) duplicateCode.push(id);
      else seen.add(c.code);
    }
    out.push(c);
  }
  return out;
}

/**
 * Customer rows as the analysis sees them, for a set of rows: cell by cell for a few, through the
 * whole-column read for many (an import's 50k new customers in one change).
 */
export function readCustomerRows(sheet: SheetReader, ids: Iterable<RowId> & { readonly size: number }): Map<RowId, CustomerSnap> {
  const out = new Map<RowId, CustomerSnap>();
  if (ids.size < 2000) {
    for (const id of ids) out.set(id, readCustomer(sheet, id));
    return out;
  }
  const all = customersOf(sheet).customers;
  const wanted = new Set<RowId>(ids);
  for (const c of all) if (wanted.has(c.id)) out.set(c.id, c);
  // A row not live (trashed) is not in the read; cell by cell, as the caller may still ask.
  for (const id of wanted) if (!out.has(id)) out.set(id, readCustomer(sheet, id));
  return out;
}

/** Every live contact with a valid date; the ids of those without one go to `badDate`. */
export function readContacts(sheet: SheetReader, badDate: RowId[] = []): ContactSnap[] {
  const contacts: ContactSnap[] = [];
  for (const id of sheet.liveRowIds()) {
    const day = isoToDay(sheet.get(id, 'date'));
    if (day === undefined) {
      badDate.push(id);
      continue;
    }
    contacts.push({ id, customerCode: text(sheet.get(id, 'customer')), day, channel: text(sheet.get(id, 'channel')), outcome: text(sheet.get(id, 'outcome')) });
  }
  return contacts;
}

/**
 * `hasPoints`: whether the sheet has a points column. Without one, the points cell is read only for
 * rows with no positive amount (a redemption written before the column existed): 500k reads saved.
 */
export function readPurchase(sheet: SheetReader, id: RowId, hasPoints = true): PurchaseSnap | 'badAmount' | 'badDate' {
  const day = isoToDay(sheet.get(id, 'date'));
  if (day === undefined) return 'badDate';
  const rawAmount = sheet.get(id, 'amount');
  let amount = numberOf(rawAmount);
  const points = hasPoints || !(amount !== undefined && amount > 0) ? numberOf(sheet.get(id, 'points')) : undefined;
  if (amount === undefined) {
    // A points-only row (a redemption) may leave the amount empty.
    if (points === undefined || (rawAmount !== null && rawAmount !== '')) return 'badAmount';
    amount = 0;
  }
  const items = sheet.get(id, 'items');
  const p: PurchaseSnap = { id, customerCode: text(sheet.get(id, 'customer')), day, amount, items: typeof items === 'string' ? items : text(items) };
  return points === undefined ? p : { ...p, points };
}

/**
 * Per purchases sheet, from the last read: each row's day (BAD_DAY: not a date) and customer index
 * (UNREAD: not looked up), reused while the rows, the dates, the codes and the customers read are the
 * same arrays; and the table's day and link arrays, reused when their content comes out the same, so
 * the analysis can keep its grouping (customer-analysis.ts). A recompute after an edited amount then
 * parses no date and looks up no customer.
 */
type RowCache = {
  readonly rowIds: readonly RowId[];
  readonly dates: readonly CellValue[];
  readonly owners: readonly CellValue[];
  readonly customers: CustomersRead;
  /** Every cell of `owners` is text that needs no trimming (the usual case): the code is the cell. */
  readonly ownersClean: boolean;
  readonly day: Int32Array;
  readonly link: Int32Array;
  readonly tableDay: Int32Array;
  readonly tableLink: Int32Array;
};
const rowCaches = new WeakMap<SheetReader, RowCache>();
const BAD_DAY = -0x80000000;
const UNREAD = -2;

function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The whole book as plain arrays (trashed rows left out). Reading 500k purchases parses that sheet. */
export function readSnapshot(book: Book): Snapshot {
  const read = customersOf(book.sheet('customers'));
  const customers = read.customers;
  const duplicateCode = [...read.duplicateCode];
  const index = read.index;

  const badAmount: RowId[] = [];
  const badDate: RowId[] = [];
  const unknownCustomer: RowId[] = [];
  const pSheet = book.sheet('purchases');
  const hasPoints = pSheet.column('points') !== undefined;
  const rowIds = pSheet.liveRowIds();
  const n = rowIds.length;
  const dates = readColumn(pSheet, 'date');
  const amounts = readColumn(pSheet, 'amount');
  const owners = readColumn(pSheet, 'customer');
  const itemCells = readColumn(pSheet, 'items');
  const pointCells = hasPoints ? readColumn(pSheet, 'points') : undefined;
  // Filled only once a row is skipped or a cell is not plain text; until then the columns themselves
  // are the table's (no copies of 500k references).
  let ids: RowId[] | undefined;
  let codes: string[] | undefined;
  let items: string[] | undefined;
  const copyUpTo = <T,>(col: readonly unknown[], upTo: number): T[] => col.slice(0, upTo) as T[];
  // The table's own days and links are only needed once a row is skipped (until then they are the
  // per-row ones), and points only once a row has a number there: made when first needed.
  let day: Int32Array | undefined;
  let link: Int32Array | undefined;
  let points: Float64Array | undefined;
  const amount = new Float64Array(n);
  const prev = rowCaches.get(pSheet);
  const knownDays = prev && prev.rowIds === rowIds && prev.dates === dates ? prev.day : undefined;
  const knownLinks = prev && prev.rowIds === rowIds && prev.owners === owners && prev.customers === read ? prev.link : undefined;
  let ownersClean = prev && prev.owners === owners ? prev.ownersClean : true;
  if (!(prev && prev.owners === owners))
    for (let i = 0; i < n; i++) {
      const o = owners[i];
      if (typeof o !== 'string' || (o !== '' && mayTrim(o))) {
        ownersClean = false;
        break;
      }
    }
  const dayByRow = knownDays ?? new Int32Array(n);
  const linkByRow = knownLinks ?? new Int32Array(n).fill(UNREAD);
  let k = 0;
  /** A row is skipped: from here on the table is not the rows one to one. */
  const split = () => {
    if (!day || !link) {
      // Rows [0, k) were all kept: their table entries are the per-row ones.
      day = new Int32Array(n);
      day.set(dayByRow.subarray(0, k));
      link = new Int32Array(n);
      link.set(linkByRow.subarray(0, k));
    }
    ids ??= copyUpTo(rowIds, k);
    codes ??= copyUpTo(owners, k);
    items ??= copyUpTo(itemCells, k);
  };
  for (let i = 0; i < n; i++) {
    const id = rowIds[i]!;
    // The same rules as `readPurchase`, on the columns.
    let dd: number | undefined;
    if (knownDays) {
      const x = knownDays[i]!;
      dd = x === BAD_DAY ? undefined : x;
    } else {
      dd = isoToDay(dates[i]);
      dayByRow[i] = dd ?? BAD_DAY;
    }
    if (dd === undefined) {
      badDate.push(id);
      split();
      continue;
    }
    const rawAmount = amounts[i]!;
    let a = numberOf(rawAmount);
    const pts = pointCells ? numberOf(pointCells[i]!) : !(a !== undefined && a > 0) ? numberOf(pSheet.get(id, 'points')) : undefined;
    if (a === undefined) {
      if (pts === undefined || (rawAmount !== null && rawAmount !== '')) {
        badAmount.push(id);
        split();
        continue;
      }
      a = 0;
    }
    const owner = owners[i]!;
    const code = ownersClean ? (owner as string) : typeof owner === 'string' ? (owner === '' || !mayTrim(owner) ? owner : owner.trim()) : text(owner);
    if (!ownersClean && code !== owner) codes ??= copyUpTo(owners, k);
    const it = itemCells[i]!;
    if (typeof it !== 'string') items ??= copyUpTo(itemCells, k);
    let c = linkByRow[i]!;
    if (c === UNREAD) linkByRow[i] = c = index.get(code) ?? -1;
    if (c < 0) unknownCustomer.push(id);
    if (ids) ids.push(id);
    if (codes) codes.push(code);
    if (items) items.push(typeof it === 'string' ? it : text(it));
    if (day) day[k] = dd;
    if (link) link[k] = c;
    amount[k] = a;
    if (pts !== undefined) {
      if (!points) points = new Float64Array(n).fill(NaN, 0, k);
      points[k] = pts;
    } else if (points) points[k] = NaN;
    k++;
  }
  // With no row skipped (the usual case) the table's days and links are the per-row ones: one copy
  // kept instead of two (4 MB on 500k).
  let tableDay: Int32Array = day ? day.subarray(0, k) : dayByRow;
  let tableLink: Int32Array = link ? link.subarray(0, k) : linkByRow;
  if (prev && sameInts(prev.tableDay, tableDay)) tableDay = prev.tableDay;
  if (prev && sameInts(prev.tableLink, tableLink)) tableLink = prev.tableLink;
  rowCaches.set(pSheet, { rowIds, dates, owners, customers: read, ownersClean, day: dayByRow, link: linkByRow, tableDay, tableLink });
  const table: PurchaseTable = { length: k, id: ids ?? rowIds, customerCode: codes ?? (owners as string[]), items: items ?? (itemCells as string[]), day: tableDay, amount: amount.subarray(0, k), points: points?.subarray(0, k), link: tableLink };

  const contactBadDate: RowId[] = [];
  const contacts = readContacts(book.sheet('contacts'), contactBadDate);
  let purchases: PurchaseSnap[] | undefined;
  const snapshot = {
    customers,
    contacts,
    issues: { badAmount, badDate, unknownCustomer, contactBadDate, duplicateCode },
  } as Omit<Snapshot, 'purchases'> as Snapshot;
  Object.defineProperty(snapshot, 'purchases', {
    enumerable: true,
    get: () => {
      if (!purchases) {
        purchases = new Array<PurchaseSnap>(k);
        for (let i = 0; i < k; i++) purchases[i] = purchaseAt(table, i);
      }
      return purchases;
    },
  });
  tables.set(snapshot, table);
  return snapshot;
}
