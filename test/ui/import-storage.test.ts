// An import's write as storage keeps it (src/storage/book-storage.ts): the one big update of a
// 50k-row import is written to IndexedDB after the transaction's frame, not inside it, in order with
// the edits after it, and "Saved" waits for it; closing the storage writes it at once. In the browser
// a worker adds it (update-writer.ts); here, without workers, the page does, unless a test injects
// the worker's writing code as the writer (last block).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addRows, setCells } from '../../src/core/index';
import { DEFER_WRITE_BYTES, openBookStorage } from '../../src/storage/book-storage';
import type { BigWriter } from '../../src/storage/update-writer';
import { addUpdateRows, closeUpdateWriterConnections } from '../../src/storage/update-writer-core';

let n = 0;
const freshName = () => `import-storage-${++n}-${Math.random()}`;

/** Records the size of every row added to the book's 'updates' store until `restore()`. */
function spyAdds() {
  const adds: number[] = [];
  const orig = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name === 'updates') adds.push((value as Uint8Array).byteLength);
    return orig.call(this, value, key);
  };
  return { adds, restore: () => (IDBObjectStore.prototype.add = orig) };
}

async function reopen(name: string) {
  const s = openBookStorage({ name, persist: false, idle: (fn) => fn() });
  await s.whenLoaded;
  return s;
}

describe('storing an import', () => {
  it('stores a big update after its task, in order with the edits after it, and says Saved only then', async () => {
    const name = freshName();
    const s = await reopen(name);
    const { adds, restore } = spyAdds();
    try {
      const states: string[] = [];
      s.onDidChangeStatus((st) => states.push(st));
      // ~2,000 rows of ~300 characters: an update well over the threshold.
      const big = Array.from({ length: 2000 }, (_, i) => ({ name: `Cliente ${i} ${'x'.repeat(300)}` }));
      const ids = addRows(s.book, 'customers', big);
      expect(adds).toEqual([]); // not inside the transaction's task
      const [small] = addRows(s.book, 'customers', [{ name: 'después' }]);
      expect(adds).toEqual([]); // queued behind the big one, not before it
      await s.flush();
      expect(adds.length).toBe(2);
      expect(adds[0]!).toBeGreaterThanOrEqual(DEFER_WRITE_BYTES);
      expect(adds[1]!).toBeLessThan(DEFER_WRITE_BYTES);
      await new Promise((r) => setTimeout(r, 0));
      expect(states.at(-1)).toBe('saved');
      // A small edit alone is still written in its own task, at once.
      setCells(s.book, 'customers', [{ row: small!, col: 'phone', value: '600111222' }]);
      expect(adds.length).toBe(3);
      await s.flush();
      s.dispose();
      const again = await reopen(name);
      expect(again.book.sheet('customers').liveRowIds().length).toBe(2001);
      expect(again.book.sheet('customers').get(ids[1999]!, 'name')).toBe(big[1999]!.name);
      expect(again.book.sheet('customers').get(small!, 'phone')).toBe('600111222');
      again.dispose();
    } finally {
      restore();
    }
  });

  it('writes a big update still waiting when the storage is closed', async () => {
    const name = freshName();
    const s = await reopen(name);
    addRows(s.book, 'customers', Array.from({ length: 2000 }, (_, i) => ({ name: `c${i} ${'y'.repeat(300)}` })));
    s.dispose();
    await new Promise((r) => setTimeout(r, 20));
    const again = await reopen(name);
    expect(again.book.sheet('customers').liveRowIds().length).toBe(2000);
    again.dispose();
  });

  describe('an import (origin "import") is encoded after its task', () => {
    /** Whether anyone listened to 'update' when Yjs decided to encode each 'import' transaction. */
    const watchEncoding = (s: Awaited<ReturnType<typeof reopen>>) => {
      const seen: boolean[] = [];
      const doc = s.persistence.doc as unknown as Y.Doc & { _observers: Map<string, Set<unknown>> };
      doc.on('afterTransactionCleanup', (tr: Y.Transaction) => {
        if (tr.origin === 'import') seen.push(doc._observers.has('update'));
      });
      return seen;
    };
    const bigRows = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ name: `${tag} ${i} ${'z'.repeat(200)}` }));

    it('no encoding in the task; stored with the edit made right after it; Saved only then; all there after reload', async () => {
      const name = freshName();
      const s = await reopen(name);
      const encodedInTask = watchEncoding(s);
      const states: string[] = [];
      s.onDidChangeStatus((st) => states.push(st));
      const ids = addRows(s.book, 'customers', bigRows(1500, 'imp'), 'import');
      // In the same task: an edit of one of the imported rows, and a new row.
      setCells(s.book, 'customers', [{ row: ids[7]!, col: 'phone', value: '600000007' }]);
      const [after] = addRows(s.book, 'customers', [{ name: 'después' }]);
      expect(encodedInTask).toEqual([false]);
      expect(states.at(-1)).toBe('saving');
      await s.flush();
      await new Promise((r) => setTimeout(r, 0));
      expect(states.at(-1)).toBe('saved');
      s.dispose();
      const again = await reopen(name);
      const c = again.book.sheet('customers');
      expect(c.liveRowIds().length).toBe(1501);
      expect(c.get(ids[1499]!, 'name')).toMatch(/^imp 1499 /);
      expect(c.get(ids[7]!, 'phone')).toBe('600000007');
      expect(c.get(after!, 'name')).toBe('después');
      again.dispose();
    });

    it('a small import is kept too, and closing right after it writes it at once', async () => {
      const name = freshName();
      const s = await reopen(name);
      const encodedInTask = watchEncoding(s);
      const [row] = addRows(s.book, 'customers', [{ name: 'Ana' }], 'import');
      expect(encodedInTask).toEqual([false]);
      s.dispose();
      await new Promise((r) => setTimeout(r, 20));
      const again = await reopen(name);
      expect(again.book.sheet('customers').get(row!, 'name')).toBe('Ana');
      again.dispose();
    });

    it('with another update listener (a sync session) the import is encoded in its task as before, and stored once', async () => {
      const name = freshName();
      const s = await reopen(name);
      const encodedInTask = watchEncoding(s);
      const sent: number[] = [];
      const doc = s.persistence.doc;
      const sync = (u: Uint8Array) => sent.push(u.byteLength);
      doc.on('update', sync);
      const { adds, restore } = spyAdds();
      try {
        addRows(s.book, 'customers', bigRows(1500, 'sync'), 'import');
        expect(encodedInTask).toEqual([true]);
        expect(sent.length).toBe(1);
        await s.flush();
        expect(adds).toEqual(sent);
      } finally {
        restore();
        doc.off('update', sync);
      }
      s.dispose();
      const again = await reopen(name);
      expect(again.book.sheet('customers').liveRowIds().length).toBe(1500);
      again.dispose();
    });

    it('a transaction started by an observer of the import is stored too', async () => {
      const name = freshName();
      const s = await reopen(name);
      const doc = s.persistence.doc;
      let once = true;
      const follow = (tr: Y.Transaction) => {
        if (tr.origin !== 'import' || !once) return;
        once = false;
        s.book.write('local', (w) => w.setMeta('after-import', 'yes'));
      };
      doc.on('afterTransaction', follow);
      addRows(s.book, 'customers', bigRows(600, 'obs'), 'import');
      doc.off('afterTransaction', follow);
      expect(s.book.meta('after-import')).toBe('yes');
      await s.flush();
      s.dispose();
      const again = await reopen(name);
      expect(again.book.meta('after-import')).toBe('yes');
      expect(again.book.sheet('customers').liveRowIds().length).toBe(600);
      again.dispose();
    });
  });

  it('the book read from disk at start is not encoded again for our listeners, and edits after it are stored', async () => {
    const name = freshName();
    const s = await reopen(name);
    const ids = addRows(s.book, 'customers', Array.from({ length: 300 }, (_, i) => ({ name: `Disco ${i}` })));
    await s.flush();
    s.dispose();
    const again = openBookStorage({ name, persist: false, idle: (fn) => fn() });
    const doc = again.persistence.doc as unknown as Y.Doc & { _observers: Map<string, Set<unknown>> };
    const encodedAtLoad: boolean[] = [];
    doc.on('afterTransactionCleanup', (tr: Y.Transaction) => {
      if (tr.origin === again.persistence) encodedAtLoad.push(doc._observers.has('update'));
    });
    await again.whenLoaded;
    expect(encodedAtLoad).toEqual([false]);
    expect(again.book.sheet('customers').get(ids[299]!, 'name')).toBe('Disco 299');
    setCells(again.book, 'customers', [{ row: ids[0]!, col: 'phone', value: '611000111' }]);
    await again.flush();
    again.dispose();
    const third = await reopen(name);
    expect(third.book.sheet('customers').get(ids[0]!, 'phone')).toBe('611000111');
    expect(third.book.sheet('customers').liveRowIds().length).toBe(300);
    third.dispose();
  });
});

describe('an import written by the storage worker (its writing code injected as the writer)', () => {
  type Seen = { bytes: number[]; moved: boolean; failed?: unknown };
  /** The worker's writing code, noting what it was given and whether the page added rows meanwhile. */
  const recordingWriter = (seen: Seen[], pageAdds: () => number) => {
    const writer: BigWriter = async (name, rows, transfer = []) => {
      const entry: Seen = { bytes: rows.map((r) => r.byteLength), moved: transfer.length > 0 };
      seen.push(entry);
      const addsBefore = pageAdds();
      await addUpdateRows(name, rows);
      // Later edits wait behind this write: the page added nothing of its own meanwhile.
      if (pageAdds() !== addsBefore) entry.failed = 'the page wrote during the worker write';
    };
    return writer;
  };
  /** Sizes of the rows the page adds through its own connection (the writer has its own). */
  const spyPageAdds = (db: () => IDBDatabase | null) => {
    const adds: number[] = [];
    const orig = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'updates' && this.transaction.db === db()) adds.push((value as Uint8Array).byteLength);
      return orig.call(this, value, key);
    };
    return { adds, restore: () => (IDBObjectStore.prototype.add = orig) };
  };

  it('the import and the edits right after it are all stored, the import by the writer, and Saved only then', async () => {
    const name = freshName();
    const seen: Seen[] = [];
    let pageDb: IDBDatabase | null = null;
    const { adds, restore } = spyPageAdds(() => pageDb);
    const s = openBookStorage({ name, persist: false, idle: (fn) => fn(), bigWriter: recordingWriter(seen, () => adds.length) });
    await s.whenLoaded;
    pageDb = s.persistence.db;
    try {
      const states: string[] = [];
      s.onDidChangeStatus((st) => states.push(st));
      const rows = Array.from({ length: 1500 }, (_, i) => ({ name: `worker ${i} ${'v'.repeat(220)}` }));
      const ids = addRows(s.book, 'customers', rows, 'import');
      setCells(s.book, 'customers', [{ row: ids[9]!, col: 'phone', value: '600000009' }]);
      await s.flush();
      await new Promise((r) => setTimeout(r, 0));
      expect(states).toEqual(['saving', 'saved']);
      // One write of two rows: the import (encoded by us, so moved to the worker), then the edit made
      // in its task, queued behind it.
      expect(seen).toHaveLength(1);
      expect(seen[0]!.bytes).toHaveLength(2);
      expect(seen[0]!.bytes[0]!).toBeGreaterThanOrEqual(DEFER_WRITE_BYTES);
      expect(seen[0]!.bytes[1]!).toBeLessThan(DEFER_WRITE_BYTES);
      expect(seen[0]!.moved).toBe(true);
      expect(seen[0]!.failed).toBeUndefined();
      expect(adds).toEqual([]);
      const [after] = addRows(s.book, 'customers', [{ name: 'luego' }]);
      await s.flush();
      expect(adds).toHaveLength(1); // a small edit: the page, at once
      expect(adds[0]!).toBeLessThan(DEFER_WRITE_BYTES);
      s.dispose();
      const again = await reopen(name);
      const c = again.book.sheet('customers');
      expect(c.liveRowIds()).toHaveLength(1501);
      expect(c.get(ids[1499]!, 'name')).toBe(rows[1499]!.name);
      expect(c.get(ids[9]!, 'phone')).toBe('600000009');
      expect(c.get(after!, 'name')).toBe('luego');
      again.dispose();
    } finally {
      restore();
      await closeUpdateWriterConnections();
    }
  });

  it('with a sync session listening, the import Yjs encoded in its task is copied to the writer, not moved', async () => {
    const name = freshName();
    const seen: Seen[] = [];
    const s = openBookStorage({ name, persist: false, idle: (fn) => fn(), bigWriter: recordingWriter(seen, () => 0) });
    await s.whenLoaded;
    const sent: Uint8Array[] = [];
    const doc = s.persistence.doc;
    const sync = (u: Uint8Array) => sent.push(u);
    doc.on('update', sync);
    try {
      addRows(s.book, 'customers', Array.from({ length: 1500 }, (_, i) => ({ name: `sync ${i} ${'u'.repeat(220)}` })), 'import');
      await s.flush();
      expect(sent).toHaveLength(1);
      expect(sent[0]!.byteLength).toBeGreaterThanOrEqual(DEFER_WRITE_BYTES);
      expect(seen).toEqual([{ bytes: [sent[0]!.byteLength], moved: false }]);
    } finally {
      doc.off('update', sync);
      await closeUpdateWriterConnections();
    }
    s.dispose();
    const again = await reopen(name);
    expect(again.book.sheet('customers').liveRowIds()).toHaveLength(1500);
    again.dispose();
  });
});
