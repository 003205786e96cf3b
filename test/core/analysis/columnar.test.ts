// The full compute's columnar path (purchase table, counting-sort grouping) against the plain
// per-customer functions on object lists, on a random book with shuffled dates, odd cells,
// unknown customers, points cells and a far-off date (the grouping's fallback sort).
import { describe, expect, it } from 'vitest';
import { CustomerAnalysis } from '../../../src/core/analysis/customer-analysis';
import { dayToIso, isoToDay, ymdOf } from '../../../src/core/analysis/days';
import { pointsLedger } from '../../../src/core/analysis/points';
import { DEFAULT_SETTINGS } from '../../../src/core/analysis/settings';
import { readPurchase, readSnapshot, type PurchaseSnap, type Snapshot } from '../../../src/core/analysis/snapshot';
import { statsOf } from '../../../src/core/analysis/stats';
import { sortTiers, tierOf } from '../../../src/core/analysis/tiers';
import { dueReminders } from '../../../src/core/analysis/reminders';
import { quintileScore } from '../../../src/core/analysis/rfm';
import { bookWith, d } from './helpers';
import type { RowValues } from '../../../src/core/model/types';
import { addRows, setCells, trashRows } from '../../../src/core/ops/rows';
import { analyzeBook, applyBookChange } from '../../../src/core/analysis/book-analysis';
import type { BookChange } from '../../../src/core/model/types';

const today = d('2025-06-01');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function randomBook(seed: number, farDate: boolean) {
  const r = rng(seed);
  const customers: RowValues[] = [];
  for (let i = 0; i < 40; i++) customers.push({ code: i % 13 === 5 ? '' : `K${i % 37}`, name: `N${i}`, points: i % 4 === 0 ? Math.floor(r() * 300) : null, birthday: i % 3 ? `19${50 + i}-0${1 + (i % 9)}-1${i % 9}` : 'bad' });
  const purchases: RowValues[] = [];
  for (let i = 0; i < 600; i++) {
    const day = today - Math.floor(r() * 900) + (i % 50 === 0 ? 20 : 0);
    const amount = i % 41 === 0 ? 'x' : i % 17 === 0 ? -5 : i % 23 === 0 ? 0 : Math.round(r() * 20000) / 100;
    purchases.push({
      date: i % 59 === 0 ? '2025-13-01' : dayToIso(day),
      customer: i % 31 === 0 ? 'NOPE' : i % 43 === 0 ? ` K${i % 37}\u3000` : `K${Math.floor(r() * r() * 40) % 37}`,
      amount,
      items: i % 47 === 0 ? 12 : 'tea',
      ...(i % 23 === 0 ? { points: -Math.floor(r() * 50) } : i % 29 === 0 ? { points: 7 } : {}),
    });
  }
  if (farDate) purchases.push({ date: '0001-01-01', customer: 'K1', amount: 3 });
  const book = bookWith(customers, purchases);
  return book;
}

/** The same snapshot with its purchases as a plain array (no purchase table behind it). */
const plain = (s: Snapshot): Snapshot => ({ customers: s.customers, purchases: [...s.purchases], contacts: s.contacts, issues: s.issues });

describe('columnar full compute', () => {
  for (const [seed, far] of [[1, false], [2, true], [3, false]] as const)
    it(`equals the per-customer functions on object lists (seed ${seed}${far ? ', far date' : ''})`, () => {
      const book = randomBook(seed, far);
      book.write('local', (w) => w.setColumn('purchases', 'points', { type: 'number', pos: 9 }));
      const s = readSnapshot(book);
      const a = new CustomerAnalysis(s, DEFAULT_SETTINGS, today);
      const b = new CustomerAnalysis(plain(s), DEFAULT_SETTINGS, today);
      expect(a.unlinkedPurchases).toBe(b.unlinkedPurchases);
      expect(a.futurePurchases).toBe(b.futurePurchases);
      expect(a.unlinkedPurchases).toBe(s.issues.unknownCustomer.length);
      const tiers = sortTiers(DEFAULT_SETTINGS.tiers);
      let checked = 0;
      for (const id of a.rowIds()) {
        expect(a.row(id)).toEqual(b.row(id));
        // Independently: the customer's purchases, stably sorted by day.
        const c = a.customer(id)!;
        const owner = (p: PurchaseSnap) => (c.code && a.customerByCode(c.code) === id && p.customerCode === c.code) || (p.customerCode === id && a.customerByCode(id) === id);
        const mine = s.purchases.filter(owner).map((p, i) => [p, i] as const).sort((x, y) => x[0].day - y[0].day || x[1] - y[1]).map((x) => x[0]);
        const row = a.row(id)!;
        expect(row).toMatchObject(statsOf(mine, today));
        expect(row.tier).toEqual(tierOf(mine, today, tiers));
        expect(row.points).toBe(pointsLedger(mine, c.openingPoints, DEFAULT_SETTINGS.points, today).balance);
        expect(a.purchasesOf(id)).toEqual(mine);
        if (mine.length > 1) checked++;
      }
      expect(checked).toBeGreaterThan(10);
      // The scores' lookup tables give what the binary searches give.
      const rows = [...a.rowIds()].map((id) => a.row(id)!).filter((r) => r.visits > 0);
      const asc = (xs: number[]) => xs.sort((x, y) => x - y);
      const [R, F, M] = [asc(rows.map((r) => r.lastPurchase!)), asc(rows.map((r) => r.visits)), asc(rows.map((r) => r.totalSpent))];
      for (const r of rows) expect(r.rfm).toEqual({ r: quintileScore(R, r.lastPurchase!), f: quintileScore(F, r.visits), m: quintileScore(M, r.totalSpent) });
      expect(a.segments()).toEqual(b.segments());
      expect(dueReminders(a, today)).toEqual(dueReminders(b, today));
      // The lazily built objects are the purchases a cell-by-cell read gives.
      expect(s.purchases.length + s.issues.badAmount.length + s.issues.badDate.length).toBe(book.sheet('purchases').liveRowIds().length);
      expect(s.purchases.some((p) => p.points !== undefined)).toBe(true);
      // Cell by cell, as `readPurchase` reads one row.
      const sheet = book.sheet('purchases');
      const one = sheet.liveRowIds().map((id) => readPurchase(sheet, id)).filter((p) => typeof p !== 'string');
      expect(s.purchases).toEqual(one);
      expect(s.purchases.some((p) => p.customerCode.startsWith('K') && p.items === '12')).toBe(true);
    });

  it('stays exact through edits between recomputes (cached days, links and grouping)', () => {
    const book = randomBook(7, false);
    const sheet = book.sheet('purchases');
    const check = () => {
      const s = readSnapshot(book);
      const one = sheet.liveRowIds().map((id) => readPurchase(sheet, id, false)).filter((p) => typeof p !== 'string');
      expect(s.purchases).toEqual(one);
      const a = new CustomerAnalysis(s, DEFAULT_SETTINGS, today);
      const b = new CustomerAnalysis(plain(s), DEFAULT_SETTINGS, today);
      for (const id of a.rowIds()) {
        expect(a.row(id)).toEqual(b.row(id));
        expect(a.purchasesOf(id)).toEqual(b.purchasesOf(id));
      }
      expect([a.unlinkedPurchases, a.futurePurchases]).toEqual([b.unlinkedPurchases, b.futurePurchases]);
    };
    check();
    const ids = sheet.liveRowIds();
    setCells(book, 'purchases', [{ row: ids[3]!, col: 'amount', value: 999 }]); // amounts only
    check();
    setCells(book, 'purchases', [{ row: ids[0]!, col: 'amount', value: 'oops' }]); // a row now skipped
    check();
    setCells(book, 'purchases', [{ row: ids[0]!, col: 'amount', value: 4 }]); // and back
    check();
    setCells(book, 'purchases', [{ row: ids[5]!, col: 'date', value: '2020-01-01' }]);
    check();
    setCells(book, 'purchases', [{ row: ids[6]!, col: 'customer', value: 'K2' }]);
    check();
    const k2 = book.sheet('customers').liveRowIds().find((id) => book.sheet('customers').get(id, 'code') === 'K2')!;
    setCells(book, 'customers', [{ row: k2, col: 'code', value: 'K2b' }]);
    check();
    trashRows(book, 'purchases', [ids[7]!, ids[8]!]);
    check();
  });

  it('reuses the customers read while the customers sheet is unchanged, and rereads after an edit', () => {
    const book = bookWith([{ code: 'A', name: 'Ana' }, { code: 'B', name: 'Bo' }], [{ date: '2025-05-01', customer: 'A', amount: 5 }]);
    const s1 = readSnapshot(book);
    const sale = book.sheet('purchases').liveRowIds()[0]!;
    setCells(book, 'purchases', [{ row: sale, col: 'amount', value: 9 }]);
    const s2 = readSnapshot(book);
    expect(s2.customers).toBe(s1.customers);
    expect(s2.purchases[0]!.amount).toBe(9);
    const ana = book.sheet('customers').liveRowIds()[0]!;
    setCells(book, 'customers', [{ row: ana, col: 'code', value: 'Z' }]);
    const s3 = readSnapshot(book);
    expect(s3.customers.map((c) => c.code)).toEqual(['Z', 'B']);
    expect(s3.issues.unknownCustomer).toEqual([sale]);
    trashRows(book, 'customers', [ana]);
    expect(readSnapshot(book).customers.map((c) => c.name)).toEqual(['Bo']);
  });

  it('takes 2,500 new customers in one change incrementally, as a full compute sees them', () => {
    const book = bookWith([{ code: 'A', name: 'Ana', points: 3 }], [{ date: '2025-05-01', customer: 'A', amount: 5 }]);
    const a = analyzeBook(book, today).analysis;
    let change: BookChange | undefined;
    book.onDidChange((c) => (change = c));
    const ids = addRows(book, 'customers', Array.from({ length: 2500 }, (_, i) => ({ code: `N${i}`, name: `New ${i}`, points: i % 5, birthday: '1990-06-0' + (1 + (i % 9)) })), 'import');
    const r = applyBookChange(a, book, change!);
    expect(r).toEqual({ full: false, rows: ids });
    const b = analyzeBook(book, today).analysis;
    for (const id of ids) {
      expect(a.customer(id)).toEqual(b.customer(id));
      expect(a.row(id)).toEqual(b.row(id));
    }
    expect(a.row(ids[4]!)!.points).toBe(4);
  });

  it('ymdOf and isoToDay agree with Date over four centuries', () => {
    for (let day = -150_000; day < 150_000; day += 7) {
      const dt = new Date(day * 86_400_000);
      expect(ymdOf(day)).toEqual({ y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() });
      expect(isoToDay(dt.toISOString().slice(0, 10))).toBe(day);
    }
    expect(isoToDay('2024-02-30')).toBeUndefined();
    expect(isoToDay('20a4-02-03')).toBeUndefined();
    expect(isoToDay('2024-0b-03')).toBeUndefined();
  });
});
