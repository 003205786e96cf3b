// Daily local snapshots (Dexie) and replacing the stored book (y-indexeddb).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addRows, bookFromState, encodeBookState, setCells } from '../../src/core/index';
import { openBookStorage, replaceStoredBook } from '../../src/storage/book-storage';
import { KEEP_SNAPSHOTS, openSnapshotStore } from '../../src/storage/snapshots';

const fresh = (p: string) => `${p}-${Math.random()}`;
const immediate = (fn: () => void) => fn();
const day = (d: number) => new Date(2024, 0, d, 9, 30);

describe('local snapshots', () => {
  it('takes one per day, keeps the last 7, lists newest first with size and rows', async () => {
    const store = openSnapshotStore(fresh('snaps'));
    let encoded = 0;
    const encode = (n: number) => () => {
      encoded++;
      return { state: new Uint8Array(n), rows: { customers: n } };
    };
    expect(await store.take(encode(10), day(1))).toMatchObject({ day: '2024-01-01', size: 10 });
    // Same day again: nothing taken, nothing encoded.
    expect(await store.take(encode(11), new Date(2024, 0, 1, 18))).toBeUndefined();
    expect(encoded).toBe(1);
    // Forced (before a replace): taken even on a day that has one.
    expect(await store.take(encode(12), new Date(2024, 0, 1, 19), { force: true })).toMatchObject({ day: '2024-01-01', size: 12 });
    for (let d = 2; d <= 10; d++) await store.take(encode(d * 10), day(d));
    const list = await store.list();
    expect(list).toHaveLength(KEEP_SNAPSHOTS);
    expect(list.map((s) => s.day)).toEqual(['2024-01-10', '2024-01-09', '2024-01-08', '2024-01-07', '2024-01-06', '2024-01-05', '2024-01-04']);
    expect(list[0]).toMatchObject({ size: 100, rows: { customers: 100 } });
    expect((await store.state(list[0]!.id))?.byteLength).toBe(100);
    // The bytes of pruned snapshots are gone too.
    expect(await store.state(1)).toBeUndefined();
    await store.remove(list[0]!.id);
    expect(await store.list()).toHaveLength(KEEP_SNAPSHOTS - 1);
    store.close();
  });
});

describe('replacing the stored book', () => {
  it('makes the stored book exactly the given state, dropping later edits', async () => {
    const name = fresh('book');
    const s1 = openBookStorage({ name, persist: false, idle: immediate });
    await s1.whenLoaded;
    const [a] = addRows(s1.book, 'customers', [{ name: 'Ana' }]);
    const snapshot = encodeBookState(s1.book);
    setCells(s1.book, 'customers', [{ row: a!, col: 'name', value: 'Ana María' }]);
    const [b] = addRows(s1.book, 'customers', [{ name: 'Later' }]);
    await replaceStoredBook(s1, snapshot);
    // The old storage is closed: an edit now must not reach the disk.
    addRows(s1.book, 'customers', [{ name: 'After close' }]);

    const s2 = openBookStorage({ name, persist: false, idle: immediate });
    await s2.whenLoaded;
    const c = s2.book.sheet('customers');
    expect(c.liveRowIds()).toEqual([a]);
    expect(c.get(a!, 'name')).toBe('Ana');
    expect(c.has(b!)).toBe(false);
    expect(bookFromState(encodeBookState(s2.book)).sheet('customers').liveRowIds()).toEqual([a]);
    s2.dispose();
  });
});
