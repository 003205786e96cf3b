// An import's write as storage keeps it (src/storage/book-storage.ts): the one big update of a
// 50k-row import is written to IndexedDB after the transaction's frame, not inside it, in order with
// the edits after it, and "Saved" waits for it; closing the storage writes it at once.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addRows, setCells } from '../../src/core/index';
import { DEFER_WRITE_BYTES, openBookStorage } from '../../src/storage/book-storage';

let n = 0;
const freshName = () => `import-storage-${++n}-${Math.random()}`;

async function reopen(name: string) {
  const s = openBookStorage({ name, persist: false, idle: (fn) => fn() });
  await s.whenLoaded;
  return s;
}

describe('storing an import', () => {
  it('stores a big update after its task, in order with the edits after it, and says Saved only then', async () => {
    const name = freshName();
    const s = await reopen(name);
    const adds: number[] = [];
    const orig = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'updates') adds.push((value as Uint8Array).byteLength);
      return orig.call(this, value, key);
    };
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
      IDBObjectStore.prototype.add = orig;
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

});
