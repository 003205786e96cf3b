// The book as bytes: encoding, checking and merging states (what backups and snapshots rely on).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA_VERSION, createBook, yDocOf } from '../../../src/core/doc/book-doc';
import {
  addRows,
  bookFromState,
  bookIdOf,
  checkBookState,
  encodeBookState,
  ensureBookId,
  hasAnyRow,
  mergeBookState,
  setCells,
  trashRows,
  type BookChange,
} from '../../../src/core/index';

function seeded() {
  const book = createBook();
  book.ensureSchema();
  const ids = addRows(book, 'customers', [{ name: 'Ana', phone: '600111222' }, { name: 'Li Wei' }]);
  return { book, ids };
}

describe('book state', () => {
  it('round-trips a book through its state, with its id', () => {
    const { book, ids } = seeded();
    const id = ensureBookId(book);
    expect(ensureBookId(book)).toBe(id);
    const copy = bookFromState(encodeBookState(book));
    expect(copy.sheet('customers').liveRowIds()).toEqual(ids);
    expect(copy.sheet('customers').get(ids[0]!, 'phone')).toBe('600111222');
    expect(bookIdOf(copy)).toBe(id);
  });

  it('hasAnyRow: an empty book has none; a trashed row still counts; a normal start reads only the customers', () => {
    const empty = createBook();
    empty.ensureSchema();
    expect(hasAnyRow(empty)).toBe(false);
    const onlySales = createBook();
    onlySales.ensureSchema();
    addRows(onlySales, 'purchases', [{ date: '2024-01-01', amount: 5 }]);
    expect(hasAnyRow(onlySales)).toBe(true);
    const trashed = createBook();
    trashed.ensureSchema();
    trashRows(trashed, 'contacts', addRows(trashed, 'contacts', [{ date: '2024-01-01' }]));
    expect(hasAnyRow(trashed)).toBe(true);
    // With customers, the other sheets are not read (a state loaded fresh parses a sheet on first read).
    const book = bookFromState(encodeBookState(seeded().book));
    const read: string[] = [];
    const sheet = book.sheet.bind(book);
    book.sheet = (id) => (read.push(id), sheet(id));
    expect(hasAnyRow(book)).toBe(true);
    expect(read).toEqual(['customers']);
  });

  it('setting the id is not an undo step', () => {
    const book = createBook();
    book.ensureSchema();
    ensureBookId(book);
    expect(book.canUndo()).toBe(false);
  });

  it('checks states: rows counted, foreign bytes and newer schemas refused', () => {
    const { book } = seeded();
    trashRows(book, 'customers', [book.sheet('customers').liveRowIds()[0]!]);
    const check = checkBookState(encodeBookState(book));
    expect(check).toMatchObject({ ok: true, info: { schemaVersion: SCHEMA_VERSION, rows: { customers: 2, purchases: 0, contacts: 0 } } });

    expect(checkBookState(new Uint8Array([1, 2, 3, 4, 5]))).toEqual({ ok: false, reason: 'not-a-book' });
    expect(checkBookState(new TextEncoder().encode('PK\u0003\u0004 not yjs at all'))).toEqual({ ok: false, reason: 'not-a-book' });
    // A valid Yjs document that is not a book (no schema version).
    const other = new Y.Doc();
    other.getMap('x').set('a', 1);
    expect(checkBookState(Y.encodeStateAsUpdate(other))).toEqual({ ok: false, reason: 'not-a-book' });
    const newer = new Y.Doc();
    newer.getMap('meta').set('schemaVersion', 99);
    expect(checkBookState(Y.encodeStateAsUpdate(newer))).toMatchObject({ ok: false, reason: 'newer-schema', schemaVersion: 99 });
  });

  it('merging an older state never removes newer edits, and brings back what is missing', () => {
    const { book, ids } = seeded();
    const old = encodeBookState(book);
    // After the backup: an edit, a new row, a deletion.
    setCells(book, 'customers', [{ row: ids[0]!, col: 'phone', value: '699000000' }]);
    const [added] = addRows(book, 'customers', [{ name: 'Marta' }]);
    trashRows(book, 'customers', [ids[1]!]);
    const before = encodeBookState(book);
    mergeBookState(book, old);
    const s = book.sheet('customers');
    expect(s.get(ids[0]!, 'phone')).toBe('699000000');
    expect(s.liveRowIds()).toEqual([ids[0], added]);
    expect(s.deletedAt(ids[1]!)).toBeTypeOf('number');
    expect(Y.encodeStateVector(yDocOf(book))).toEqual(Y.encodeStateVector(yDocOf(bookFromState(before))));

    // A fresh (wiped) book gets everything back.
    const empty = createBook();
    empty.ensureSchema();
    mergeBookState(empty, before);
    expect(empty.sheet('customers').liveRowIds()).toEqual([ids[0], added]);
    expect(empty.sheet('customers').get(ids[0]!, 'phone')).toBe('699000000');
  });

  it('a merge is reported as remote and is not an undo step', () => {
    const { book } = seeded();
    const other = createBook();
    other.ensureSchema();
    mergeBookState(other, encodeBookState(book));
    const origins: string[] = [];
    const target = createBook();
    target.ensureSchema();
    target.onDidChange((c: BookChange) => origins.push(c.origin));
    mergeBookState(target, encodeBookState(other));
    expect(origins).toEqual(['remote']);
    expect(target.canUndo()).toBe(false);
    expect(target.sheet('customers').liveRowIds()).toHaveLength(2);
  });
});
