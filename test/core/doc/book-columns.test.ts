// The book's bulk column read, pre-encoded chunks (written without being parsed again) and meta keys
// in the change feed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CHUNK_ROWS, createBook, encodeChunks, readColumn, yDocOf, type Book } from '../../../src/core/doc/book-doc';
import { addRows, setCells, trashRows, restoreRows, asRowId, type BookChange, type RowId } from '../../../src/core/index';

function syncTo(from: Book, to: Book): void {
  Y.applyUpdate(yDocOf(to), Y.encodeStateAsUpdate(yDocOf(from), Y.encodeStateVector(yDocOf(to))), 'remote-test');
}

const cellByCell = (book: Book, col: string) => {
  const s = book.sheet('purchases');
  return s.liveRowIds().map((id) => s.get(id, col));
};

afterEach(() => vi.restoreAllMocks());

describe('readColumn', () => {
  it('matches reading cell by cell through edits, trash, restore, remote rows and undo', () => {
    const a = createBook();
    a.ensureSchema();
    const b = createBook();
    syncTo(a, b);
    const ids = addRows(a, 'purchases', Array.from({ length: 2500 }, (_, i) => ({ amount: i, items: i % 3 ? `x${i}` : null })));
    const check = () => {
      for (const col of ['amount', 'items', 'note', 'nope']) expect(readColumn(a.sheet('purchases'), col)).toEqual(cellByCell(a, col));
    };
    check();
    setCells(a, 'purchases', [
      { row: ids[5]!, col: 'amount', value: 99 },
      { row: ids[2400]!, col: 'items', value: null },
      { row: ids[7]!, col: 'note', value: 'gift' },
    ]);
    check();
    expect(readColumn(a.sheet('purchases'), 'amount')[5]).toBe(99);
    trashRows(a, 'purchases', [ids[0]!, ids[1500]!]);
    check();
    expect(readColumn(a.sheet('purchases'), 'amount')).toHaveLength(2498);
    restoreRows(a, 'purchases', [ids[0]!]);
    check();
    syncTo(a, b);
    addRows(b, 'purchases', [{ amount: -1, items: 'remote' }]);
    syncTo(b, a);
    check();
    expect(readColumn(a.sheet('purchases'), 'items').at(-1)).toBe('remote');
    addRows(a, 'purchases', [{ amount: 7 }]);
    expect(a.undo()).toBe(true);
    check();
  });

  it('returns the same array until its column or the rows change', () => {
    const book = createBook();
    book.ensureSchema();
    const [id] = addRows(book, 'purchases', [{ amount: 1, items: 'a' }, { amount: 2, items: 'b' }]);
    const s = book.sheet('purchases');
    const first = readColumn(s, 'amount');
    const items = readColumn(s, 'items');
    expect(readColumn(s, 'amount')).toBe(first);
    setCells(book, 'purchases', [{ row: id!, col: 'amount', value: 5 }]);
    const second = readColumn(s, 'amount');
    expect(second).not.toBe(first);
    expect(second).toEqual([5, 2]);
    expect(readColumn(s, 'items')).toBe(items); // another column's edit leaves it
    trashRows(book, 'purchases', [id!]);
    expect(readColumn(s, 'items')).toEqual(['b']);
    expect(readColumn(s, 'amount')).toEqual([2]);
  });

  it('reads other readers cell by cell', () => {
    const book = createBook();
    book.ensureSchema();
    addRows(book, 'customers', [{ name: 'Ana' }, { name: 'Bo' }]);
    const base = book.sheet('customers');
    const wrapper = { ...base, liveRowIds: () => base.liveRowIds(), get: (r: RowId, c: string) => `${String(base.get(r, c))}!` };
    expect(readColumn(wrapper, 'name')).toEqual(['Ana!', 'Bo!']);
  });
});

describe('pre-encoded chunks', () => {
  it('inserts chunks made before the transaction and does not parse them again', () => {
    const book = createBook();
    book.ensureSchema();
    const sheet = book.sheet('customers');
    expect(sheet.liveRowIds()).toEqual([]); // loaded: the observer, not a first read, sees the rows
    const rows = Array.from({ length: CHUNK_ROWS * 2 + 10 }, (_, i) => ({ id: asRowId(`r${i}`), values: { name: `N${i}`, points: i } }));
    const chunks = encodeChunks(rows);
    expect(chunks.map((c) => c.ids.length)).toEqual([CHUNK_ROWS, CHUNK_ROWS, 10]);
    const parse = vi.spyOn(JSON, 'parse');
    let change: BookChange | undefined;
    book.onDidChange((c) => (change = c));
    book.write('import', (w) => w.insertChunks('customers', chunks));
    const texts = new Set(chunks.map((c) => new TextDecoder().decode(c.data)));
    expect(texts.size).toBe(3);
    expect(parse.mock.calls.filter(([text]) => texts.has(text))).toEqual([]);
    expect(sheet.liveRowIds()).toHaveLength(rows.length);
    expect(sheet.get(asRowId('r2009'), 'name')).toBe('N2009');
    expect(change?.sheets[0]?.rows?.size).toBe(rows.length);
    // One undo step takes it all back.
    expect(book.undo()).toBe(true);
    expect(sheet.liveRowIds()).toEqual([]);
  });

  it('reads rows of chunks indexed on first read: get, has, row, trash, undo, and a repeated id', () => {
    const book = createBook();
    book.ensureSchema();
    const sheet = book.sheet('customers');
    expect(sheet.liveRowIds()).toEqual([]);
    const first = encodeChunks([{ id: asRowId('a'), values: { name: 'Ana' } }, { id: asRowId('b'), values: { name: 'Bea' } }]);
    book.write('import', (w) => w.insertChunks('customers', first));
    // The same id again in a later chunk (a foreign writer): the later one is read, as before.
    book.write('import', (w) => w.insertChunks('customers', encodeChunks([{ id: asRowId('a'), values: { name: 'Ana 2' } }])));
    expect(sheet.has(asRowId('b'))).toBe(true);
    expect(sheet.get(asRowId('a'), 'name')).toBe('Ana 2');
    expect(sheet.row(asRowId('b'))).toEqual({ name: 'Bea' });
    book.write('local', (w) => w.trash('customers', asRowId('b'), 5));
    expect(sheet.trashRowIds()).toEqual([asRowId('b')]);
    expect(book.undo()).toBe(true); // the trash
    expect(book.undo()).toBe(true); // the second chunk
    expect(sheet.get(asRowId('b'), 'name')).toBe('Bea');
    expect(book.undo()).toBe(true); // the first chunk
    expect(sheet.has(asRowId('a'))).toBe(false);
    expect(sheet.get(asRowId('b'), 'name')).toBeNull();
    expect(sheet.liveRowIds()).toEqual([]);
  });

  it('keeps what another device parses from the same text (NaN, -0, lists)', () => {
    const a = createBook();
    a.ensureSchema();
    const b = createBook();
    a.sheet('customers').liveRowIds();
    const tags = ['vip'];
    const chunks = encodeChunks([{ id: asRowId('x'), values: { points: NaN, tier: -0, tags, name: undefined as never } }]);
    a.write('import', (w) => w.insertChunks('customers', chunks));
    tags.push('changed later by the caller');
    syncTo(a, b);
    const row = a.sheet('customers').row(asRowId('x'));
    expect(row).toEqual(b.sheet('customers').row(asRowId('x')));
    expect(row).toEqual({ points: null, tier: 0, tags: ['vip'], name: null });
    expect(Object.is(row!.tier, 0)).toBe(true);
  });
});

describe('meta keys in the change feed', () => {
  it('reports local and remote meta changes, alone or with cells', () => {
    const a = createBook();
    a.ensureSchema();
    const b = createBook();
    syncTo(a, b);
    const seenA: BookChange[] = [];
    const seenB: BookChange[] = [];
    a.onDidChange((c) => seenA.push(c));
    b.onDidChange((c) => seenB.push(c));
    a.write('local', (w) => w.setMeta('savedViews', [{ id: 'v1' }]));
    expect(seenA).toEqual([{ origin: 'local', sheets: [], meta: ['savedViews'] }]);
    syncTo(a, b);
    expect(seenB).toEqual([{ origin: 'remote', sheets: [], meta: ['savedViews'] }]);
    const [id] = addRows(b, 'customers', [{ name: 'Ana' }]);
    b.write('local', (w) => {
      w.setCell('customers', id!, 'name', 'Ana M.');
      w.setMeta('reminder:x', { status: 'done', at: '2026-11-23' });
      w.setMeta('analysisSettings', {});
    });
    const last = seenB.at(-1)!;
    expect(last.sheets.map((s) => s.sheet)).toEqual(['customers']);
    expect([...last.meta].sort()).toEqual(['analysisSettings', 'reminder:x']);
    expect(seenB.at(-2)!.meta).toEqual([]);
    seenA.length = 0;
    syncTo(b, a);
    expect(seenA).toHaveLength(1);
    expect([...seenA[0]!.meta].sort()).toEqual(['analysisSettings', 'reminder:x']);
    // A deleted key is a change too.
    a.write('local', (w) => w.setMeta('savedViews', undefined));
    expect(seenA.at(-1)!.meta).toEqual(['savedViews']);
  });
});
