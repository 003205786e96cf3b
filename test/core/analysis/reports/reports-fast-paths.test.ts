// The reports' fast paths against plain references: the cached, column-at-a-time read against a
// fresh read of the same book after every kind of edit; the counting sort's fallback for dates far
// apart; the items parse against `parseItems`; the radix sort against the native one; and the RFM
// segments over time against rfm.ts scoring each customer one by one.

import { describe, expect, it } from 'vitest';
import { createBook, type Book, type SheetReader } from '../../../../src/core/doc/book-doc';
import { addColumn, addRows, setCells, trashRows } from '../../../../src/core/index';
import { dayToIso, isoToDay } from '../../../../src/core/analysis/days';
import { quintileScore, segmentOf, SEGMENTS, sortedValues, type Segment } from '../../../../src/core/analysis/rfm';
import type { SheetId } from '../../../../src/core/model/types';
import { classForRevenue, VALUE_CLASSES } from '../../../../src/core/analysis/value-classes';
import {
  classIndexFor,
  decisionsReport,
  parseItems,
  parseItemTexts,
  productKey,
  productsReport,
  readReportData,
  reportDataOf,
  sortWholeNumbers,
  TextTable,
  type ReportData,
} from '../../../../src/core/analysis/reports/index';

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/**
 * The book seen through readers that are not the book's own: `readColumn` then reads cell by cell
 * and every read starts from nothing (no reader is seen twice), so this is the plain, uncached read.
 */
function freshView(book: Book): Book {
  const wrap = (s: SheetReader): SheetReader => ({
    id: s.id,
    columns: () => s.columns(),
    column: (c) => s.column(c),
    liveRowIds: () => s.liveRowIds(),
    trashRowIds: () => s.trashRowIds(),
    has: (r) => s.has(r),
    deletedAt: (r) => s.deletedAt(r),
    get: (r, c) => s.get(r, c),
    row: (r) => s.row(r),
  });
  return new Proxy(book, { get: (b, k) => (k === 'sheet' ? (id: SheetId) => wrap(b.sheet(id)) : Reflect.get(b, k)) });
}

const plain = (d: ReportData) => ({ ...d, day: [...d.day], amount: [...d.amount], customer: [...d.customer], hour: [...d.hour], items: [...d.items] });

function randomBook(seed: number, customers = 60, purchases = 900): Book {
  const r = rng(seed);
  const book = createBook();
  book.ensureSchema();
  addRows(
    book,
    'customers',
    Array.from({ length: customers }, (_, i) => ({ code: i % 17 === 5 ? ' ' : `K${i % 50}`, firstSeen: r() < 0.7 ? dayToIso(19_000 + Math.floor(r() * 900)) : r() < 0.5 ? 'later' : null })),
  );
  const names = ['Té verde', 'te verde', '咖啡', 'scones', 'mug', 'Earl  Grey'];
  addRows(
    book,
    'purchases',
    Array.from({ length: purchases }, () => {
      const day = 19_000 + Math.floor(r() * 1000);
      const x = r();
      return {
        date: x < 0.02 ? 'not a date' : x < 0.1 ? `${dayToIso(day)} ${Math.floor(r() * 24)}:05` : dayToIso(day),
        customer: r() < 0.05 ? `GHOST${Math.floor(r() * 4)}` : r() < 0.03 ? '' : `K${Math.floor(r() * r() * 50)}`,
        amount: r() < 0.02 ? 'n/a' : r() < 0.05 ? -5 : r() < 0.05 ? '12,50' : Math.round(r() * 9000) / 100,
        items: r() < 0.05 ? '' : `${r() < 0.3 ? '2x ' : ''}${names[Math.floor(r() * names.length)]}${r() < 0.5 ? `, ${names[Math.floor(r() * names.length)]} x3` : ''}`,
      };
    }),
  );
  return book;
}

describe('reading the book with caches', () => {
  it('gives the same data as a fresh read after every kind of edit, and the same object when nothing changed', () => {
    const book = randomBook(11);
    const same = () => expect(plain(readReportData(book))).toEqual(plain(readReportData(freshView(book))));
    same();
    const first = readReportData(book);
    expect(readReportData(book)).toBe(first);
    // A cell the reports do not read: still the very same data.
    setCells(book, 'customers', [{ row: book.sheet('customers').liveRowIds()[0]!, col: 'name', value: 'Renamed' }]);
    expect(readReportData(book)).toBe(first);

    const ids = book.sheet('purchases').liveRowIds();
    setCells(book, 'purchases', [{ row: ids[3]!, col: 'amount', value: 777.7 }]);
    same();
    setCells(book, 'purchases', [
      { row: ids[4]!, col: 'date', value: '2021-02-03 18:20' },
      { row: ids[5]!, col: 'date', value: 'soon' },
    ]);
    same();
    setCells(book, 'purchases', [
      { row: ids[6]!, col: 'customer', value: 'NEW1' },
      { row: ids[7]!, col: 'customer', value: ' NEW1 ' },
      { row: ids[8]!, col: 'customer', value: '' },
    ]);
    same();
    setCells(book, 'purchases', [
      { row: ids[9]!, col: 'items', value: '5x Samovar、咖啡 x2' },
      { row: ids[10]!, col: 'amount', value: 'n/a' },
    ]);
    same();
    setCells(book, 'customers', [{ row: book.sheet('customers').liveRowIds()[1]!, col: 'code', value: 'NEW1' }]);
    same();
    trashRows(book, 'purchases', [ids[0]!, ids[500]!]);
    same();
    addRows(book, 'purchases', [
      { date: '2022-03-01', customer: 'K3', amount: 12, items: 'mug' },
      { date: '2022-03-02 09:15', customer: 'NEWCODE', amount: '8,50', items: 'new thing x3' },
    ]);
    same();
    const hora = addColumn(book, 'purchases', { name: 'Hora', type: 'text' });
    setCells(book, 'purchases', [{ row: book.sheet('purchases').liveRowIds()[2]!, col: hora, value: '14:30' }]);
    same();
    expect(readReportData(book).hasHours).toBe(true);
  });

  it('keeps the items texts array while the items are unchanged, so the products parse is reused', () => {
    const book = randomBook(12);
    const a = readReportData(book);
    setCells(book, 'purchases', [{ row: book.sheet('purchases').liveRowIds()[3]!, col: 'amount', value: 5.5 }]);
    const b = readReportData(book);
    expect(b).not.toBe(a);
    expect(b.itemTexts).toBe(a.itemTexts);
    expect(parseItemTexts(b.itemTexts)).toBe(parseItemTexts(a.itemTexts));
  });

  it('sorts by day stably even when dates are centuries apart (comparison sort instead of counting)', () => {
    const book = createBook();
    book.ensureSchema();
    addRows(book, 'customers', [{ code: 'A' }]);
    addRows(book, 'purchases', [
      { date: '2025-01-02', customer: 'A', amount: 1 },
      { date: '1900-01-01', customer: 'A', amount: 2 },
      { date: '2025-01-02', customer: 'A', amount: 3 },
      { date: '1900-01-01 10:00', customer: 'A', amount: 4 },
    ]);
    const d = readReportData(book);
    expect([...d.day].map(dayToIso)).toEqual(['1900-01-01', '1900-01-01', '2025-01-02', '2025-01-02']);
    expect([...d.amount]).toEqual([2, 4, 1, 3]);
    expect([...d.hour]).toEqual([-1, 10, -1, -1]);
  });
});

describe('the items text table', () => {
  it('numbers equal texts alike (different string objects too) and keeps numbers while growing', () => {
    const t = new TextTable();
    const words = Array.from({ length: 5000 }, (_, i) => `té ${i} 咖啡`);
    const ids = words.map((w) => t.id(w));
    expect(ids).toEqual(words.map((_, i) => i));
    expect(words.map((w) => t.id(w.slice(0, 1) + w.slice(1)))).toEqual(ids);
    expect(t.list).toEqual(words);
  });
});

describe('items parsed once per texts array', () => {
  it('matches parseItems on every text, separators at the ends and blank parts included', () => {
    const texts = ['2x coffee, tea', '咖啡 x2；蛋糕、茶×3', ' 3 scones + té verde (2) ', ',,', ' , tea |', 'Té Verde｜te  verde\n0 x mug', '1000 x big', 'a＋b，c'];
    const parsed = parseItemTexts(texts);
    texts.forEach((text, t) => {
      const lines = parseItems(text);
      const got = [];
      for (let k = parsed.start[t]!; k < parsed.start[t + 1]!; k++) got.push({ key: productKey(parsed.names[parsed.product[k]!]!), quantity: parsed.quantity[k]! });
      expect(got).toEqual(lines.map((l) => ({ key: productKey(l.name), quantity: l.quantity })));
      expect(parsed.total[t]).toBe(lines.reduce((s, l) => s + l.quantity, 0));
    });
    // The first spelling seen is the one kept.
    expect(parsed.names.filter((n) => productKey(n) === 'te verde')).toEqual(['té verde']);
  });
});

describe('value class by index', () => {
  it('is the class classForRevenue gives, at and around every threshold', () => {
    const t = { key: 100, main: 40, regular: 10 };
    for (const r of [-5, 0, 0.01, 9.99, 10, 39.99, 40, 99.99, 100, 1e6]) expect(VALUE_CLASSES[classIndexFor(r, t)]).toBe(classForRevenue(r, t));
    const empty = { key: Infinity, main: Infinity, regular: Infinity };
    expect(VALUE_CLASSES[classIndexFor(5, empty)]).toBe(classForRevenue(5, empty));
  });
});

describe('radix sort of whole numbers', () => {
  it('sorts like the native sort: negatives, ties, short arrays and ranges wider than 2^32', () => {
    const r = rng(5);
    const cases = [
      Float64Array.from({ length: 5000 }, () => Math.floor(r() * 2e6) - 1e6),
      Float64Array.from({ length: 3000 }, () => Math.floor(r() * 10)),
      Float64Array.from({ length: 40 }, () => Math.floor(r() * 100)),
      Float64Array.from({ length: 2000 }, () => (r() < 0.5 ? 2 ** 40 : Math.floor(r() * 1000))),
      Float64Array.from({ length: 1000 }, () => 4_294_967_000 + Math.floor(r() * 295)),
    ];
    for (const values of cases) expect([...sortWholeNumbers(values)]).toEqual([...Float64Array.from(values).sort()]);
  });
});

describe('RFM segments over time', () => {
  it('equal rfm.ts scoring each customer as of each period end', () => {
    const r = rng(9);
    const customers = Array.from({ length: 300 }, (_, i) => ({ code: `C${i}`, firstSeen: undefined }));
    const purchases = Array.from({ length: 4000 }, () => ({
      day: 19_000 + Math.floor(r() * 700),
      amount: r() < 0.05 ? -Math.round(r() * 500) / 100 : r() < 0.03 ? 0 : Math.round(r() * r() * 20000) / 100,
      customer: r() < 0.02 ? -1 : Math.floor(r() * r() * 300),
    }));
    const data = reportDataOf(customers, purchases);
    const today = 19_000 + 650;
    for (const granularity of ['month', 'week', 'day'] as const) {
      const report = decisionsReport(data, { today, granularity, periods: 14, activeDays: 60, cuts: { key: 0.5, main: 0.8, regular: 0.95 } });
      expect(report.segments.length).toBe(12);
      for (const snap of report.segments) {
        // The reference: per customer, last visit, visits (days with a sale) and revenue up to the day.
        const last = new Map<number, number>();
        const days = new Map<number, Set<number>>();
        const revenue = new Map<number, number>();
        for (const p of purchases) {
          if (p.customer < 0 || p.day > snap.day) continue;
          revenue.set(p.customer, (revenue.get(p.customer) ?? 0) + p.amount);
          if (p.amount > 0) {
            last.set(p.customer, Math.max(last.get(p.customer) ?? -Infinity, p.day));
            days.set(p.customer, (days.get(p.customer) ?? new Set()).add(p.day));
          }
        }
        const scored = [...days.keys()];
        const rec = sortedValues(scored.map((c) => last.get(c)!));
        const freq = sortedValues(scored.map((c) => days.get(c)!.size));
        const money = (c: number) => Math.round(revenue.get(c)! * 100) / 100;
        const mon = sortedValues(scored.map(money));
        const counts = Object.fromEntries(SEGMENTS.map((g) => [g, 0])) as Record<Segment, number>;
        for (const c of scored) counts[segmentOf({ r: quintileScore(rec, last.get(c)!), f: quintileScore(freq, days.get(c)!.size), m: quintileScore(mon, money(c)) })]++;
        expect(snap.scored).toBe(scored.length);
        expect(snap.counts).toEqual(counts);
      }
    }
  });

  it('a products report after a range change parses nothing again (same parse object)', () => {
    const data = reportDataOf([{ code: 'A', firstSeen: undefined }], [{ day: isoToDay('2025-01-02')!, amount: 10, customer: 0, items: '2x tea' }]);
    const a = parseItemTexts(data.itemTexts);
    productsReport(data, { today: isoToDay('2025-01-10')!, granularity: 'day', periods: 30, notSoldDays: 5 });
    productsReport(data, { today: isoToDay('2025-01-10')!, granularity: 'month', periods: 12, notSoldDays: 5 });
    expect(parseItemTexts(data.itemTexts)).toBe(a);
  });
});
