import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addRows, setCells } from '../../src/core/index';
import { COMPACT_AT, openBookStorage, storedUpdateCount } from '../../src/storage/book-storage';
import { memoryDeviceStore, openDeviceStore } from '../../src/storage/device-store';

let n = 0;
const freshName = () => `test-book-${++n}-${Math.random()}`;
const immediate = (fn: () => void) => fn();

async function reopen(name: string) {
  const s = openBookStorage({ name, persist: false, idle: immediate });
  await s.whenLoaded;
  return s;
}

describe('book storage (y-indexeddb)', () => {
  it('persists edits across a reload', async () => {
    const name = freshName();
    const first = await reopen(name);
    const [id] = addRows(first.book, 'customers', [{ name: 'José Pérez' }]);
    setCells(first.book, 'customers', [{ row: id!, col: 'phone', value: '0034600111222' }]);
    await first.flush();
    expect(first.status).toBe('saved');
    first.dispose();

    const second = await reopen(name);
    expect(second.book.sheet('customers').row(id!)).toMatchObject({ name: 'José Pérez', phone: '0034600111222' });
    expect(second.book.ensureSchema()).toBe('current');
    second.dispose();
  });

  it('reports saving then saved for an edit', async () => {
    const s = await reopen(freshName());
    const states: string[] = [];
    s.onDidChangeStatus((st) => states.push(st));
    addRows(s.book, 'customers', [{ name: 'Ana' }]);
    await s.flush();
    await new Promise((r) => setTimeout(r, 0));
    expect(states).toEqual(['saving', 'saved']);
    s.dispose();
  });

  it('does not grow without bound when opened again and again without edits', async () => {
    const name = freshName();
    const first = await reopen(name);
    addRows(first.book, 'customers', Array.from({ length: 50 }, (_, i) => ({ name: `c${i}` })));
    await first.flush();
    first.dispose();
    const counts: number[] = [];
    for (let i = 0; i < COMPACT_AT + 20; i++) {
      const s = await reopen(name);
      counts.push(storedUpdateCount(s));
      await new Promise((r) => setTimeout(r, 5));
      s.dispose();
    }
    // One tiny row per start until COMPACT_AT, then compacted back to a handful.
    expect(Math.max(...counts)).toBeLessThanOrEqual(COMPACT_AT + 2);
    expect(counts.at(-1)!).toBeLessThan(30);
    const last = await reopen(name);
    expect(last.book.sheet('customers').liveRowIds()).toHaveLength(50);
    last.dispose();
  });
});

describe('device store (Dexie)', () => {
  it('keeps device-local values by key', async () => {
    const store = openDeviceStore(`dev-${Math.random()}`);
    await store.set('workbench:tabs', { open: ['customers'], active: 'customers' });
    expect(await store.get('workbench:tabs')).toEqual({ open: ['customers'], active: 'customers' });
    expect(await store.get('missing')).toBeUndefined();
    store.close();
  });

  it('setNow (for pagehide) writes before it returns: a store closed right after has the value', async () => {
    const name = `dev-${Math.random()}`;
    const store = openDeviceStore(name);
    await store.set('workbench:tabs', { tabs: [{ kind: 'sheet', id: 'customers' }], active: 'sheet:customers' });
    store.setNow!('workbench:tabs', { tabs: [{ kind: 'import', id: '' }], active: 'import:' });
    store.close();
    const again = openDeviceStore(name);
    expect(await again.get('workbench:tabs')).toEqual({ tabs: [{ kind: 'import', id: '' }], active: 'import:' });
    again.close();
  });

  it('memory store returns copies, not live objects', async () => {
    const store = memoryDeviceStore();
    const v = { a: 1 };
    await store.set('k', v);
    v.a = 2;
    expect(await store.get('k')).toEqual({ a: 1 });
  });
});
