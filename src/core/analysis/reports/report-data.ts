// The book read once into the plain, column-shaped data the reports compute on: purchases sorted by
// day in typed arrays (so a report over 500,000 sales is a few linear passes), each purchase linked
// to a customer index by the customer's code. Read once per book change; the reports never touch
// the Book and never read the clock.
//
// Why not analysis/snapshot.ts's `readSnapshot`: the reports also need the customers' `firstSeen`
// and the hour of a sale when the book has one (a date cell like "2024-05-06 14:30" or a column
// named time/hora/时间), which that snapshot drops. Amount and date rules are the same: a purchase
// whose amount is not a number or whose date is not a date is skipped and counted, never thrown.

import { readColumn, type Book, type SheetReader } from '../../doc/book-doc';
import type { CellValue, RowId } from '../../model/types';
import { parseLooseNumber } from '../../model/values';
import { dayOf, daysInMonth, isoToDay, type Day } from '../days';

export type ReportCustomer = {
  readonly code: string;
  /** The day the customer joined, from `firstSeen`; undefined when the cell holds no date. */
  readonly firstSeen: Day | undefined;
};

export type ReportData = {
  /**
   * Customers of the customers sheet first (index < `members`), then one entry per customer code
   * that purchases use but no customer row has (their purchases still count as someone's).
   */
  readonly customers: readonly ReportCustomer[];
  /** How many of `customers` are rows of the customers sheet. */
  readonly members: number;
  /** Purchases, sorted by day (stable: book order within a day). */
  readonly day: Int32Array;
  readonly amount: Float64Array;
  /** Index into `customers`; -1 when the purchase names no customer at all. */
  readonly customer: Int32Array;
  /** Hour of the sale 0–23, or -1 when the book holds no time for it. */
  readonly hour: Int8Array;
  /** The purchase's items text as an index into `itemTexts`; -1 when empty. */
  readonly items: Int32Array;
  /** Each distinct items text once (many sales share one: "té verde, scones"), parsed once per report. */
  readonly itemTexts: readonly string[];
  /** Whether any purchase has an hour (the sales report shows hours only then). */
  readonly hasHours: boolean;
  readonly issues: { readonly badAmount: number; readonly badDate: number; readonly noCustomer: number };
};

const text = (v: CellValue): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v).trim());

/** A money cell: a number, or numeric text a foreign writer left ("12,50", "€ 8"). */
export function amountOf(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') return parseLooseNumber(v);
  return undefined;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TIME = /^(\d{1,2})[:.h](\d{2})/;

/** A date cell → day number and, when it carries a time, the hour. The time is taken as written
 * (the shop's local time); an offset, if any, is ignored rather than converted. */
export function dateTimeOf(v: CellValue): { day: Day; hour: number } | undefined {
  if (typeof v !== 'string') return undefined;
  // The common case, a plain ISO date, without a regular expression (500,000 of them in a big book).
  if (v.length === 10) {
    const day = isoToDay(v);
    return day === undefined ? undefined : { day, hour: -1 };
  }
  const m = DATE_TIME.exec(v.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  const h = m[4] === undefined ? -1 : Number(m[4]);
  return { day: dayOf(y, mo, d), hour: h >= 0 && h <= 23 ? h : -1 };
}

/** Hour from a time cell ("14:30", "9.05", "14h30") or an Excel day fraction (0.6 = 14:24). */
export function hourOf(v: CellValue): number {
  if (typeof v === 'number') return v >= 0 && v < 1 ? Math.floor(v * 24 + 1e-9) : -1;
  if (typeof v !== 'string') return -1;
  const m = TIME.exec(v.trim());
  if (!m) return -1;
  const h = Number(m[1]);
  return h <= 23 && Number(m[2]) < 60 ? h : -1;
}

const TIME_NAMES = new Set(['time', 'hour', 'hora', '时间', '時間', '时刻', 'horario']);

/** The purchases sheet's time-of-day column, if the owner has one (by id or by name). */
function timeColumn(sheet: SheetReader): string | undefined {
  return sheet.columns().find((c) => c.type !== 'date' && (TIME_NAMES.has(c.id.toLowerCase()) || TIME_NAMES.has(c.name.trim().toLowerCase())))?.id;
}

/**
 * One column parsed row by row into a typed array (book row order), kept with the rows and cells it
 * came from. A later read reuses it whole while both are the same arrays (the book hands out the
 * same column array until that column or the rows change), and row by row when only some cells
 * changed or rows were added at the end: an edited amount then costs one comparison pass, not
 * 500,000 parses.
 */
type RowParse<A> = { readonly rows: readonly RowId[]; readonly cells: readonly CellValue[]; readonly out: A };

/** How many leading rows of `prev` are the same rows of `rows`: all when the same array, the old
 * length when rows were only appended, else none. */
function alignedRows(prev: readonly RowId[], rows: readonly RowId[]): number {
  if (prev === rows) return rows.length;
  if (prev.length > rows.length) return 0;
  for (let i = 0; i < prev.length; i++) if (prev[i] !== rows[i]) return 0;
  return prev.length;
}

/** Rows of `prev` that can be reused: its cells, output and how many rows line up (0: none). */
function reusable<A>(prev: RowParse<A> | undefined, rows: readonly RowId[]): { readonly k: number; readonly cells: readonly CellValue[]; readonly out: A | undefined } {
  if (!prev) return { k: 0, cells: [], out: undefined };
  return { k: alignedRows(prev.rows, rows), cells: prev.cells, out: prev.out };
}

// One loop per kind of column (rather than one loop calling a parser it is handed), so each stays
// monomorphic and the engine inlines the parser: 500,000 rows per column on a first read.

function parseDates(prev: RowParse<Int32Array> | undefined, rows: readonly RowId[], cells: readonly CellValue[]): RowParse<Int32Array> {
  if (prev && prev.rows === rows && prev.cells === cells) return prev;
  const out = new Int32Array(rows.length);
  const { k, cells: pc, out: po } = reusable(prev, rows);
  for (let i = 0; i < rows.length; i++) {
    const v = cells[i]!;
    out[i] = i < k && v === pc[i] ? po![i]! : packedDateOf(v);
  }
  return { rows, cells, out };
}

function parseAmounts(prev: RowParse<Float64Array> | undefined, rows: readonly RowId[], cells: readonly CellValue[]): RowParse<Float64Array> {
  if (prev && prev.rows === rows && prev.cells === cells) return prev;
  const out = new Float64Array(rows.length);
  const { k, cells: pc, out: po } = reusable(prev, rows);
  for (let i = 0; i < rows.length; i++) {
    const v = cells[i]!;
    out[i] = i < k && v === pc[i] ? po![i]! : typeof v === 'number' ? (Number.isFinite(v) ? v : NaN) : (amountOf(v) ?? NaN);
  }
  return { rows, cells, out };
}

function parseHours(prev: RowParse<Int8Array> | undefined, rows: readonly RowId[], cells: readonly CellValue[]): RowParse<Int8Array> {
  if (prev && prev.rows === rows && prev.cells === cells) return prev;
  const out = new Int8Array(rows.length);
  const { k, cells: pc, out: po } = reusable(prev, rows);
  for (let i = 0; i < rows.length; i++) {
    const v = cells[i]!;
    out[i] = i < k && v === pc[i] ? po![i]! : hourOf(v);
  }
  return { rows, cells, out };
}

/** A cell as the trimmed text the reports key on ('' for none). */
function keyText(v: CellValue): string {
  return typeof v === 'string' ? (v === '' || !mayTrim(v) ? v : v.trim()) : text(v);
}

/** Whether a string may need trimming (whitespace or anything non-ASCII at either end): most do not. */
function mayTrim(s: string): boolean {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return !(a > 32 && a < 127 && b > 32 && b < 127);
}

/** Customer codes numbered in order of first sight; a row holds the number, -1 for none. */
type Codes = { readonly ids: Map<string, number>; readonly list: string[] };

function parseCodes(prev: RowParse<Int32Array> | undefined, table: Codes, rows: readonly RowId[], cells: readonly CellValue[]): RowParse<Int32Array> {
  if (prev && prev.rows === rows && prev.cells === cells) return prev;
  const out = new Int32Array(rows.length);
  const { k, cells: pc, out: po } = reusable(prev, rows);
  const { ids, list } = table;
  for (let i = 0; i < rows.length; i++) {
    const v = cells[i]!;
    if (i < k && v === pc[i]) {
      out[i] = po![i]!;
      continue;
    }
    const s = keyText(v);
    let id = -1;
    if (s !== '') {
      // The analysis has looked these codes up already, so their hashes are known: a Map is quick.
      id = ids.get(s) ?? -1;
      if (id < 0) {
        ids.set(s, (id = list.length));
        list.push(s);
      }
    }
    out[i] = id;
  }
  return { rows, cells, out };
}

/**
 * Items texts numbered in order of first sight, in an open-addressing table over a hash computed
 * here: a Map would have the engine hash each of 500,000 fresh strings of 20–40 characters, which
 * measured 3–4× slower in Chromium than this loop.
 */
export class TextTable {
  readonly list: string[] = [];
  private readonly hashes: number[] = [];
  private slots = new Int32Array(1024).fill(-1);

  static hash(s: string): number {
    let h = 0x811c9dc5 ^ s.length;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    return h ^ (h >>> 13);
  }

  /** The number of `s`, a new one when first seen. */
  id(s: string): number {
    const h = TextTable.hash(s);
    let mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id < 0) break;
      if (this.hashes[id] === h && this.list[id] === s) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.list.length;
    this.list.push(s);
    this.hashes.push(h);
    if (this.list.length * 2 > this.slots.length) {
      this.grow();
      mask = this.slots.length - 1;
      slot = h & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    }
    this.slots[slot] = id;
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 4).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.list.length - 1; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot]! >= 0) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

function parseItemCells(prev: RowParse<Int32Array> | undefined, table: TextTable, rows: readonly RowId[], cells: readonly CellValue[]): RowParse<Int32Array> {
  if (prev && prev.rows === rows && prev.cells === cells) return prev;
  const out = new Int32Array(rows.length);
  const { k, cells: pc, out: po } = reusable(prev, rows);
  for (let i = 0; i < rows.length; i++) {
    const v = cells[i]!;
    if (i < k && v === pc[i]) {
      out[i] = po![i]!;
      continue;
    }
    const s = keyText(v);
    out[i] = s === '' ? -1 : table.id(s);
  }
  return { rows, cells, out };
}

const BAD = -0x80000000;

/**
 * A date cell as one integer: day × 32 + hour + 1 (hour -1 when the cell has no time), BAD when not
 * a date. `>> 5` gives the day back and `& 31` the hour + 1, negative days included.
 */
export function packedDateOf(v: CellValue): number {
  if (typeof v === 'string' && v.length === 10) {
    const day = isoToDay(v);
    return day === undefined ? BAD : day * 32;
  }
  const dt = dateTimeOf(v);
  return dt === undefined ? BAD : dt.day * 32 + dt.hour + 1;
}

type CustomersRead = {
  readonly rows: readonly RowId[];
  readonly codes: readonly CellValue[];
  readonly seen: readonly CellValue[];
  readonly customers: readonly ReportCustomer[];
  readonly byCode: ReadonlyMap<string, number>;
};

type PurchasesRead = {
  readonly date: RowParse<Int32Array>;
  readonly amount: RowParse<Float64Array>;
  readonly owner: RowParse<Int32Array>;
  readonly item: RowParse<Int32Array>;
  readonly time: RowParse<Int8Array> | undefined;
  readonly timeCol: string | undefined;
  readonly codes: Codes;
  readonly texts: TextTable;
  /** Code number → customer index among the members (-1: no member has it), for `customers`. */
  readonly codeCustomer: { readonly customers: CustomersRead; readonly map: Int32Array };
  readonly data: ReportData;
  readonly dataInputs: readonly unknown[];
};

/** The last read per sheet (the book keeps one reader per sheet while it is open). */
const customerReads = new WeakMap<SheetReader, CustomersRead>();
const purchaseReads = new WeakMap<SheetReader, PurchasesRead>();

function readCustomers(sheet: SheetReader): CustomersRead {
  const rows = sheet.liveRowIds();
  const codes = readColumn(sheet, 'code');
  const seen = readColumn(sheet, 'firstSeen');
  const prev = customerReads.get(sheet);
  if (prev && prev.rows === rows && prev.codes === codes && prev.seen === seen) return prev;
  const customers: ReportCustomer[] = new Array(rows.length);
  const byCode = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const code = text(codes[i]!);
    const s = seen[i]!;
    // A repeated code links purchases to the first customer holding it, as the analysis does.
    if (code && !byCode.has(code)) byCode.set(code, i);
    customers[i] = { code, firstSeen: s === null || s === '' ? undefined : dateTimeOf(s)?.day };
  }
  const read = { rows, codes, seen, customers, byCode };
  customerReads.set(sheet, read);
  return read;
}

/**
 * The book as report data. Reads whole columns (`readColumn`) and keeps, per sheet, what it parsed:
 * while the book is unchanged the very same ReportData comes back (a report tab reopened, a second
 * report) and after an edit only the changed cells are parsed again. The result is the same as
 * reading row by row.
 */
export function readReportData(book: Book): ReportData {
  const cRead = readCustomers(book.sheet('customers'));
  const pSheet = book.sheet('purchases');
  const timeCol = timeColumn(pSheet);
  const rows = pSheet.liveRowIds();
  const prev = purchaseReads.get(pSheet);
  // The number tables only grow; they restart when the rows are parsed whole again.
  const codesKept = !!prev && alignedRows(prev.owner.rows, rows) > 0;
  const textsKept = !!prev && alignedRows(prev.item.rows, rows) > 0;
  const codes: Codes = codesKept ? prev.codes : { ids: new Map(), list: [] };
  const texts = textsKept ? prev.texts : new TextTable();
  const date = parseDates(prev?.date, rows, readColumn(pSheet, 'date'));
  const amount = parseAmounts(prev?.amount, rows, readColumn(pSheet, 'amount'));
  const owner = parseCodes(codesKept ? prev.owner : undefined, codes, rows, readColumn(pSheet, 'customer'));
  const item = parseItemCells(textsKept ? prev.item : undefined, texts, rows, readColumn(pSheet, 'items'));
  const time = timeCol ? parseHours(prev?.timeCol === timeCol ? prev.time : undefined, rows, readColumn(pSheet, timeCol)) : undefined;

  let codeCustomer = prev?.codeCustomer;
  if (!codeCustomer || codeCustomer.customers !== cRead || codeCustomer.map.length !== codes.list.length || codes !== prev?.codes) {
    const map = new Int32Array(codes.list.length);
    for (let o = 0; o < map.length; o++) map[o] = cRead.byCode.get(codes.list[o]!) ?? -1;
    codeCustomer = { customers: cRead, map };
  }

  const inputs = [cRead, date, amount, owner, item, time, codeCustomer];
  let data = prev?.data;
  if (!data || !prev || inputs.some((x, i) => x !== prev.dataInputs[i])) {
    data = assemble(cRead.customers, date.out, amount.out, owner.out, codeCustomer.map, codes.list, item.out, texts.list, time?.out);
    // Keep the previous arrays when their content came out the same, so caches keyed on them
    // (the products report's parsed items) stay valid.
    if (prev) {
      const p = prev.data;
      const sameList = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
      if (sameList(p.itemTexts, data.itemTexts)) data = { ...data, itemTexts: p.itemTexts };
      if (sameList(p.customers, data.customers)) data = { ...data, customers: p.customers };
    }
  }
  purchaseReads.set(pSheet, { date, amount, owner, item, time, timeCol, codes, texts, codeCustomer, data, dataInputs: inputs });
  return data;
}

/**
 * The parsed rows (book order) → report data: bad rows counted and left out, the rest placed in day
 * order by a stable counting sort (one pass to count, one to place); unknown codes and items texts
 * are numbered in book order of first use by a kept row, as a row-by-row read would.
 */
function assemble(
  memberList: readonly ReportCustomer[],
  dateRow: Int32Array,
  amountRow: Float64Array,
  ownerRow: Int32Array,
  codeCustomer: Int32Array,
  codes: readonly string[],
  itemRow: Int32Array,
  texts: readonly string[],
  timeRow: Int8Array | undefined,
): ReportData {
  const members = memberList.length;
  const n = dateRow.length;
  let badAmount = 0;
  let badDate = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const dh = dateRow[i]!;
    if (dh === BAD) badDate++;
    else if (amountRow[i]! !== amountRow[i]!) badAmount++;
    else {
      const d = dh >> 5;
      if (d < min) min = d;
      if (d > max) max = d;
    }
  }
  const kept = n - badAmount - badDate;
  const span = kept ? max - min + 1 : 0;
  // Where each kept row goes: by a counting sort over the days, or (dates far apart, a typo in
  // year 1900 next to 2025) by a comparison sort of the kept rows.
  let next: Int32Array | undefined;
  let place: Int32Array | undefined;
  if (span <= 4 * kept + 100_000) {
    next = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) {
      const dh = dateRow[i]!;
      if (dh !== BAD && amountRow[i]! === amountRow[i]!) next[(dh >> 5) - min + 1]!++;
    }
    for (let v = 1; v <= span; v++) next[v]! += next[v - 1]!;
  } else {
    const order = new Int32Array(kept);
    for (let i = 0, k = 0; i < n; i++) if (dateRow[i] !== BAD && amountRow[i]! === amountRow[i]!) order[k++] = i;
    order.sort((a, b) => (dateRow[a]! >> 5) - (dateRow[b]! >> 5) || a - b);
    place = new Int32Array(n);
    for (let k = 0; k < kept; k++) place[order[k]!] = k;
  }
  const day = new Int32Array(kept);
  const amount = new Float64Array(kept);
  const customer = new Int32Array(kept);
  const hour = new Int8Array(kept);
  const items = new Int32Array(kept);
  const extras: ReportCustomer[] = [];
  const extraOf = new Int32Array(codes.length).fill(-1);
  const itemTexts: string[] = [];
  const textOf = new Int32Array(texts.length).fill(-1);
  let noCustomer = 0;
  let hasHours = false;
  for (let i = 0; i < n; i++) {
    const dh = dateRow[i]!;
    const a = amountRow[i]!;
    if (dh === BAD || a !== a) continue;
    const o = ownerRow[i]!;
    let ci = -1;
    if (o < 0) noCustomer++;
    else {
      ci = codeCustomer[o]!;
      if (ci < 0) {
        ci = extraOf[o]!;
        if (ci < 0) {
          extraOf[o] = ci = members + extras.length;
          extras.push({ code: codes[o]!, firstSeen: undefined });
        }
      }
    }
    let h = (dh & 31) - 1;
    if (h < 0 && timeRow) h = timeRow[i]!;
    if (h >= 0) hasHours = true;
    const t = itemRow[i]!;
    let ti = -1;
    if (t >= 0) {
      ti = textOf[t]!;
      if (ti < 0) {
        textOf[t] = ti = itemTexts.length;
        itemTexts.push(texts[t]!);
      }
    }
    const d = dh >> 5;
    const k = next ? next[d - min]!++ : place![i]!;
    day[k] = d;
    amount[k] = a;
    customer[k] = ci;
    hour[k] = h;
    items[k] = ti;
  }
  return {
    customers: extras.length ? [...memberList, ...extras] : memberList,
    members,
    day,
    amount,
    customer,
    hour,
    items,
    itemTexts,
    hasHours,
    issues: { badAmount, badDate, noCustomer },
  };
}

/** Plain rows → ReportData (tests and benchmarks build books this way too). */
export type PlainPurchase = { readonly day: Day; readonly amount: number; readonly customer: number; readonly hour?: number; readonly items?: string };

export function reportDataOf(customers: readonly ReportCustomer[], purchases: readonly PlainPurchase[], members = customers.length): ReportData {
  const n = purchases.length;
  const itemTexts: string[] = [];
  const textIds = new Map<string, number>();
  const idOf = (t: string | undefined): number => {
    if (!t) return -1;
    let i = textIds.get(t);
    if (i === undefined) {
      textIds.set(t, (i = itemTexts.length));
      itemTexts.push(t);
    }
    return i;
  };
  const data: ReportData = {
    customers,
    members,
    day: Int32Array.from(purchases, (p) => p.day),
    amount: Float64Array.from(purchases, (p) => p.amount),
    customer: Int32Array.from(purchases, (p) => p.customer),
    hour: Int8Array.from(purchases, (p) => p.hour ?? -1),
    items: Int32Array.from(purchases, (p) => idOf(p.items)),
    itemTexts,
    hasHours: false,
    issues: { badAmount: 0, badDate: 0, noCustomer: purchases.filter((p) => p.customer < 0).length },
  };
  return n ? sortByDay(data) : data;
}

/** A stable counting sort by day: days span a few thousand values, so this is linear. */
function sortByDay(d: ReportData): ReportData {
  const n = d.day.length;
  let hasHours = false;
  for (let i = 0; i < n; i++)
    if (d.hour[i]! >= 0) {
      hasHours = true;
      break;
    }
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (d.day[i]! < d.day[i - 1]!) sorted = false;
  if (sorted) return { ...d, hasHours };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = d.day[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min + 1;
  let order: Int32Array;
  if (span <= 4 * n + 100_000) {
    const counts = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) counts[d.day[i]! - min + 1]!++;
    for (let i = 1; i <= span; i++) counts[i]! += counts[i - 1]!;
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[counts[d.day[i]! - min]!++] = i;
  } else {
    // Dates far apart (a typo in year 1900 next to 2025): a comparison sort is cheaper.
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => d.day[a]! - d.day[b]! || a - b);
  }
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const customer = new Int32Array(n);
  const hour = new Int8Array(n);
  const items = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    day[k] = d.day[i]!;
    amount[k] = d.amount[i]!;
    customer[k] = d.customer[i]!;
    hour[k] = d.hour[i]!;
    items[k] = d.items[i]!;
  }
  return { ...d, hasHours, day, amount, customer, hour, items };
}
