import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CHUNK_ROWS, SCHEMA_VERSION, createBook, yDocOf, type Book } from '../../src/core/doc/book-doc';
import { addColumn, addRows, restoreRows, setCells, trashRows } from '../../src/core/index';
import type { RowId } from '../../src/core/index';

/** Two books on separate Y.Docs, as on two devices. */
function pair(): [Book, Book] {
  const a = createBook(new Y.Doc());
  a.ensureSchema();
  const b = createBook(new Y.Doc());
  sync(a, b);
  return [a, b];
}

/** Exchanges everything each side is missing, like a sync session. */
function sync(a: Book, b: Book): void {
  const ya = yDocOf(a);
  const yb = yDocOf(b);
  const toB = Y.encodeStateAsUpdate(ya, Y.encodeStateVector(yb));
  const toA = Y.encodeStateAsUpdate(yb, Y.encodeStateVector(ya));
  Y.applyUpdate(yb, toB, 'remote-test');
  Y.applyUpdate(ya, toA, 'remote-test');
}

describe('book schema', () => {
  it('creates the default columns once, and writes nothing when already current', () => {
    const book = createBook();
    expect(book.ensureSchema()).toBe('created');
    const names = book.sheet('customers').columns().map((c) => c.id);
    expect(names).toEqual(['code', 'name', 'phone', 'email', 'address', 'birthday', 'tier', 'points', 'tags', 'notes', 'firstSeen']);
    expect(book.sheet('purchases').columns().map((c) => c.id)).toEqual(['date', 'customer', 'amount', 'items', 'note']);
    expect(book.sheet('contacts').columns().map((c) => c.id)).toEqual(['date', 'customer', 'channel', 'outcome', 'note']);
    let updates = 0;
    yDocOf(book).on('update', () => updates++);
    expect(book.ensureSchema()).toBe('current');
    expect(updates).toBe(0);
    expect(book.canUndo()).toBe(false);
  });

  it('two devices creating a new book at once end with one set of columns', () => {
    const a = createBook(new Y.Doc());
    const b = createBook(new Y.Doc());
    a.ensureSchema();
    b.ensureSchema();
    sync(a, b);
    expect(a.sheet('customers').columns().length).toBe(11);
    expect(b.sheet('customers').columns().map((c) => c.id)).toEqual(a.sheet('customers').columns().map((c) => c.id));
  });

  it('completes a book written without a schema version (migration path)', () => {
    const yDoc = new Y.Doc();
    // An older writer that only knew the name column and no version.
    yDoc.getMap('customers:columns').set('name/type', 'text');
    yDoc.getMap('customers:columns').set('name/pos', 1);
    const book = createBook(yDoc);
    expect(book.schemaVersion).toBeUndefined();
    expect(book.ensureSchema()).toBe('created');
    expect(book.schemaVersion).toBe(SCHEMA_VERSION);
    expect(book.sheet('customers').columns().filter((c) => c.id === 'name')).toHaveLength(1);
    expect(book.sheet('customers').columns()).toHaveLength(11);
  });

  it('migrates a book of schema 1: its string chunks read as before, new chunks are bytes, both reload', () => {
    // What schema 1 wrote: the default columns, chunks as JSON strings, a cell edit over one of them.
    const old = createBook(new Y.Doc());
    old.ensureSchema();
    const yOld = yDocOf(old);
    yOld.transact(() => {
      yOld.getMap('meta').set('schemaVersion', 1);
      yOld.getArray('customers:chunks').push([
        JSON.stringify({ c: ['name', 'phone'], r: [['r1', 'José Núñez', '+34612345678'], ['r2', '张伟', null]] }),
      ]);
      yOld.getMap('customers:cells').set('r2/phone', '+8613800138000');
    });
    const book = createBook(new Y.Doc());
    Y.applyUpdate(yDocOf(book), Y.encodeStateAsUpdate(yOld));
    expect(book.schemaVersion).toBe(1);
    expect(book.ensureSchema()).toBe('migrated');
    expect(book.schemaVersion).toBe(2);
    expect(book.canUndo()).toBe(false);
    const [added] = addRows(book, 'customers', [{ name: 'Ana Pérez' }]);
    const chunks = yDocOf(book).getArray('customers:chunks').toArray();
    expect(chunks.map((c) => typeof c)).toEqual(['string', 'object']);
    expect(chunks[1]).toBeInstanceOf(Uint8Array);
    const again = createBook(new Y.Doc());
    Y.applyUpdate(yDocOf(again), Y.encodeStateAsUpdate(yDocOf(book)));
    const s = again.sheet('customers');
    expect(s.liveRowIds()).toEqual(['r1', 'r2', added]);
    expect(s.row('r1' as RowId)).toMatchObject({ name: 'José Núñez', phone: '+34612345678' });
    expect(s.get('r2' as RowId, 'phone')).toBe('+8613800138000');
    expect(s.get(added!, 'name')).toBe('Ana Pérez');
    expect(again.ensureSchema()).toBe('current');
  });

  it('reads an entry that is not a chunk (damaged, foreign) as no rows and keeps the others', () => {
    const book = createBook();
    book.ensureSchema();
    const [ana] = addRows(book, 'customers', [{ name: 'Ana' }]);
    const y = yDocOf(book);
    y.getArray('customers:chunks').push([new Uint8Array([0xff, 0xfe, 0x7b]), 42 as never, '{"c":["name"],"r":[["r9","Bea"]]}']);
    const copy = createBook(new Y.Doc());
    Y.applyUpdate(yDocOf(copy), Y.encodeStateAsUpdate(y));
    expect(copy.sheet('customers').liveRowIds()).toEqual([ana, 'r9']);
    expect(book.sheet('customers').liveRowIds()).toEqual([ana, 'r9']);
  });

  it('refuses to touch a book from a newer app version', () => {
    const yDoc = new Y.Doc();
    yDoc.getMap('meta').set('schemaVersion', 99);
    const book = createBook(yDoc);
    let updates = 0;
    yDoc.on('update', () => updates++);
    expect(book.ensureSchema()).toBe('newer');
    expect(updates).toBe(0);
  });
});

describe('rows and cells', () => {
  it('adds rows in order and reads folded values', () => {
    const book = createBook();
    book.ensureSchema();
    const ids = addRows(book, 'customers', [{ name: 'Ana', phone: '0612345678' }, { name: '张伟', points: 10 }]);
    const s = book.sheet('customers');
    expect(s.liveRowIds()).toEqual(ids);
    expect(s.get(ids[0]!, 'phone')).toBe('0612345678');
    expect(s.get(ids[1]!, 'points')).toBe(10);
    setCells(book, 'customers', [{ row: ids[0]!, col: 'name', value: 'Ana María' }]);
    expect(s.get(ids[0]!, 'name')).toBe('Ana María');
    expect(s.row(ids[0]!)).toMatchObject({ name: 'Ana María', phone: '0612345678' });
  });

  it('stores big imports in chunks and reloads them from the encoded state, lazily', () => {
    const book = createBook();
    book.ensureSchema();
    const rows = Array.from({ length: CHUNK_ROWS * 2 + 5 }, (_, i) => ({ name: `C${i}`, amount: i }));
    const ids = addRows(book, 'purchases', rows, 'import');
    expect(yDocOf(book).getArray('purchases:chunks').length).toBe(3);
    const copy = createBook(new Y.Doc());
    Y.applyUpdate(yDocOf(copy), Y.encodeStateAsUpdate(yDocOf(book)));
    const s = copy.sheet('purchases');
    expect(s.liveRowIds()).toEqual(ids);
    expect(s.get(ids[2004]!, 'amount')).toBe(2004);
  });

  it('counts each row once when a sheet is first read inside the transaction that adds rows', () => {
    const book = createBook();
    book.ensureSchema();
    const seen = book.write('local', (w) => {
      w.insertRows('contacts', [{ id: 'r1' as RowId, values: { note: 'a' } }]);
      const inside = book.sheet('contacts').liveRowIds().length;
      w.insertRows('contacts', [{ id: 'r2' as RowId, values: { note: 'b' } }]);
      w.setCell('contacts', 'r1' as RowId, 'note', 'a2');
      return inside;
    });
    expect(seen).toBe(1);
    expect(book.sheet('contacts').liveRowIds()).toEqual(['r1', 'r2']);
    expect(book.sheet('contacts').get('r1' as RowId, 'note')).toBe('a2');
  });

  it('keeps a cleared cell cleared over its base value', () => {
    const book = createBook();
    book.ensureSchema();
    const [id] = addRows(book, 'customers', [{ name: 'Ana', notes: 'x' }]);
    setCells(book, 'customers', [{ row: id!, col: 'notes', value: null }]);
    expect(book.sheet('customers').get(id!, 'notes')).toBeNull();
  });

  it('reports changed rows in the change feed, with the origin', () => {
    const book = createBook();
    book.ensureSchema();
    const seen: string[] = [];
    book.onDidChange((c) => seen.push(`${c.origin}:${c.sheets.map((s) => `${s.sheet}/${s.rows?.size}/${s.rowsAddedOrRemoved}`).join(',')}`));
    book.sheet('customers').liveRowIds(); // loaded sheets report row ids
    const [id] = addRows(book, 'customers', [{ name: 'Ana' }]);
    setCells(book, 'customers', [{ row: id!, col: 'name', value: 'Eva' }]);
    expect(seen).toEqual(['local:customers/1/true', 'local:customers/1/false']);
  });
});

describe('concurrent edits (two devices)', () => {
  it('keeps both edits when two devices edit different cells of the same row', () => {
    const [a, b] = pair();
    const [id] = addRows(a, 'customers', [{ name: 'Ana', phone: '600000000' }]);
    sync(a, b);
    setCells(a, 'customers', [{ row: id!, col: 'name', value: 'Ana López' }]);
    setCells(b, 'customers', [{ row: id!, col: 'phone', value: '611111111' }]);
    setCells(b, 'customers', [{ row: id!, col: 'email', value: 'ana@example.com' }]);
    sync(a, b);
    for (const book of [a, b]) {
      expect(book.sheet('customers').row(id!)).toMatchObject({ name: 'Ana López', phone: '611111111', email: 'ana@example.com' });
    }
  });

  it('converges to one value when both edit the same cell', () => {
    const [a, b] = pair();
    const [id] = addRows(a, 'customers', [{ name: 'Ana' }]);
    sync(a, b);
    setCells(a, 'customers', [{ row: id!, col: 'name', value: 'A' }]);
    setCells(b, 'customers', [{ row: id!, col: 'name', value: 'B' }]);
    sync(a, b);
    expect(a.sheet('customers').get(id!, 'name')).toBe(b.sheet('customers').get(id!, 'name'));
    expect(['A', 'B']).toContain(a.sheet('customers').get(id!, 'name'));
  });

  it('keeps rows both devices created offline', () => {
    const [a, b] = pair();
    addRows(a, 'customers', [{ name: 'from A' }]);
    addRows(b, 'customers', [{ name: 'from B' }]);
    sync(a, b);
    const names = (book: Book) => book.sheet('customers').liveRowIds().map((r) => book.sheet('customers').get(r, 'name'));
    expect(names(a).sort()).toEqual(['from A', 'from B']);
    expect(names(a)).toEqual(names(b));
  });

  it('loses nothing when one device deletes a row the other is editing', () => {
    const [a, b] = pair();
    const [id] = addRows(a, 'customers', [{ name: 'Ana', notes: '' }]);
    sync(a, b);
    trashRows(a, 'customers', [id!]);
    setCells(b, 'customers', [{ row: id!, col: 'notes', value: 'called on Monday' }]);
    sync(a, b);
    for (const book of [a, b]) {
      expect(book.sheet('customers').liveRowIds()).not.toContain(id);
      expect(book.sheet('customers').trashRowIds()).toEqual([id]);
    }
    restoreRows(b, 'customers', [id!]);
    sync(a, b);
    expect(a.sheet('customers').liveRowIds()).toContain(id);
    expect(a.sheet('customers').get(id!, 'notes')).toBe('called on Monday');
  });

  it('keeps a rename on one device and a resize on the other of the same column', () => {
    const [a, b] = pair();
    const col = addColumn(a, 'customers', { name: 'City', type: 'text' });
    sync(a, b);
    a.write('local', (w) => w.setColumn('customers', col, { name: 'Ciudad' }));
    b.write('local', (w) => w.setColumn('customers', col, { width: 300 }));
    sync(a, b);
    expect(b.sheet('customers').column(col)).toMatchObject({ name: 'Ciudad', width: 300 });
    expect(a.sheet('customers').column(col)).toMatchObject({ name: 'Ciudad', width: 300 });
  });
});

describe('undo', () => {
  it('undoes only this device\'s edits, one step per edit, and an import as one step', () => {
    const [a, b] = pair();
    const ids = addRows(a, 'customers', [{ name: 'x' }, { name: 'y' }], 'import');
    sync(a, b);
    setCells(a, 'customers', [{ row: ids[0]!, col: 'name', value: 'X1' }]);
    setCells(b, 'customers', [{ row: ids[1]!, col: 'name', value: 'Y-remote' }]);
    sync(a, b);
    setCells(a, 'customers', [{ row: ids[0]!, col: 'notes', value: 'n' }]);
    expect(a.undo()).toBe(true);
    expect(a.sheet('customers').get(ids[0]!, 'notes')).toBeNull();
    expect(a.undo()).toBe(true);
    expect(a.sheet('customers').get(ids[0]!, 'name')).toBe('x');
    expect(a.sheet('customers').get(ids[1]!, 'name')).toBe('Y-remote');
    expect(a.undo()).toBe(true); // the whole import
    expect(a.sheet('customers').liveRowIds()).toEqual([]);
    expect(a.redo()).toBe(true);
    expect(a.sheet('customers').liveRowIds()).toEqual(ids);
    expect(a.sheet('customers').get(ids[1]!, 'name')).toBe('Y-remote');
  });
});

describe('random network convergence', () => {
  // After random operations on 3 replicas with random partial syncs, a full sync makes them equal.
  it('converges for 30 random scenarios', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let scenario = 0; scenario < 30; scenario++) {
      const books = [createBook(new Y.Doc()), createBook(new Y.Doc()), createBook(new Y.Doc())];
      books.forEach((b) => b.ensureSchema());
      for (let step = 0; step < 60; step++) {
        const book = books[rand(3)]!;
        const s = book.sheet('customers');
        const all = [...s.liveRowIds(), ...s.trashRowIds()];
        const pick = (): RowId | undefined => all[rand(Math.max(all.length, 1))];
        switch (rand(6)) {
          case 0:
            addRows(book, 'customers', [{ name: `n${step}`, points: step }]);
            break;
          case 1:
          case 2: {
            const r = pick();
            if (r) setCells(book, 'customers', [{ row: r, col: ['name', 'phone', 'notes'][rand(3)]!, value: `v${scenario}.${step}` }]);
            break;
          }
          case 3: {
            const r = pick();
            if (r) trashRows(book, 'customers', [r]);
            break;
          }
          case 4: {
            const r = pick();
            if (r) restoreRows(book, 'customers', [r]);
            break;
          }
          default:
            sync(books[rand(3)]!, books[rand(3)]!);
        }
      }
      sync(books[0]!, books[1]!);
      sync(books[1]!, books[2]!);
      sync(books[0]!, books[1]!);
      const view = (b: Book) => {
        const s = b.sheet('customers');
        return { live: s.liveRowIds().map((r) => s.row(r)), trash: [...s.trashRowIds()].sort() };
      };
      expect(view(books[1]!)).toEqual(view(books[0]!));
      expect(view(books[2]!)).toEqual(view(books[0]!));
    }
  });
});
