// The worker path of book storage (src/storage/book-storage.ts + update-writer*.ts), driven in Node
// with an injected writer that runs the worker's own writing code (update-writer-core.ts) against
// fake-indexeddb: big rows go to the writer and not to the page's `add`; "Saved" waits for it; later
// edits wait behind it; a failing writer falls back to the page and nothing is lost.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addRows, setCells } from '../../src/core/index';
import { DEFER_WRITE_BYTES, openBookStorage, type OpenedBookStorage } from '../../src/storage/book-storage';
import type { BigWriter } from '../../src/storage/update-writer';
import { addUpdateRows, closeUpdateWriterConnections } from '../../src/storage/update-writer-core';

let n = 0;
const freshName = () => `big-writer-${++n}-${Math.random()}`;
const tick = () => new Promise((r) => setTimeout(r, 0));
const bigRows = (count: number, tag: string) => Array.from({ length: count }, (_, i) => ({ name: `${tag} ${i} ${'w'.repeat(250)}` }));

type Call = { rows: Uint8Array[]; bytes: number[]; transfer: readonly ArrayBuffer[] };
/** A writer that waits for `release()` before writing (or failing), like a worker that is busy. */
function gatedWriter(opts: { fail?: boolean; detach?: boolean } = {}) {
  const calls: Call[] = [];
  const log: string[] = [];
  let open: (() => void) | undefined;
  let gate = new Promise<void>((r) => (open = r));
  const writer: BigWriter = async (name, rows, transfer = []) => {
    calls.push({ rows: [...rows], bytes: rows.map((r) => r.byteLength), transfer });
    // What postMessage with a transfer list does to the page's copies.
    if (opts.detach && transfer.length) structuredClone(rows, { transfer: [...transfer] });
    await gate;
    if (opts.fail) {
      log.push('writer failed');
      throw new Error('worker died');
    }
    await addUpdateRows(name, rows);
    log.push('writer committed');
  };
  return {
    writer,
    calls,
    log,
    release: () => open!(),
    reset: () => (gate = new Promise<void>((r) => (open = r))),
  };
}

/** Rows the page itself adds to its own connection (not the writer's). */
function spyPageAdds(s: OpenedBookStorage, log?: string[]) {
  const adds: number[] = [];
  const orig = IDBObjectStore.prototype.add;
  let throwing = false;
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name === 'updates' && this.transaction.db === s.persistence.db) {
      if (throwing) throw new DOMException('disk full', 'QuotaExceededError');
      adds.push((value as Uint8Array).byteLength);
      log?.push('page add');
    }
    return orig.call(this, value, key);
  };
  return { adds, failPage: () => (throwing = true), restore: () => (IDBObjectStore.prototype.add = orig) };
}

const opened: OpenedBookStorage[] = [];
async function open(name: string, bigWriter?: BigWriter | null) {
  const s = openBookStorage({ name, persist: false, idle: (fn) => fn(), bigWriter });
  opened.push(s);
  await s.whenLoaded;
  return s;
}
/** Waits until `cond` or fails the test after ~2 s. */
async function until(cond: () => boolean) {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
}

afterEach(async () => {
  for (const s of opened.splice(0)) s.dispose();
  await closeUpdateWriterConnections();
});

describe('big rows written by the storage worker', () => {
  it('an import goes to the writer, moved not copied, and not to the page; Saved only after the writer finished', async () => {
    const name = freshName();
    const s = await open(name, null);
    const before = addRows(s.book, 'customers', [{ name: 'antes' }]);
    await s.flush();
    s.dispose();
    const w = gatedWriter();
    const t = await open(name, w.writer);
    const spy = spyPageAdds(t);
    const marks: number[] = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => marks.push((e as PerformanceMark).detail.bytes)));
    obs.observe({ type: 'mark' });
    try {
      const states: string[] = [];
      t.onDidChangeStatus((st) => states.push(st));
      const ids = addRows(t.book, 'customers', bigRows(1500, 'imp'), 'import');
      const flushed = t.flush();
      await until(() => w.calls.length === 1);
      expect(w.calls[0]!.bytes).toHaveLength(1);
      expect(w.calls[0]!.bytes[0]!).toBeGreaterThanOrEqual(DEFER_WRITE_BYTES);
      // Our own encode: its buffer is handed over, not copied.
      expect(w.calls[0]!.transfer).toEqual([w.calls[0]!.rows[0]!.buffer]);
      await new Promise((r) => setTimeout(r, 30));
      expect(t.status).toBe('saving');
      expect(spy.adds).toEqual([]);
      w.release();
      await flushed;
      await tick();
      expect(states).toEqual(['saving', 'saved']);
      expect(spy.adds).toEqual([]);
      await until(() => marks.length > 0);
      expect(marks).toContain(w.calls[0]!.bytes[0]);
      t.dispose();
      const again = await open(name, null);
      const c = again.book.sheet('customers');
      expect(c.liveRowIds()).toHaveLength(1501);
      expect(c.get(before[0]!, 'name')).toBe('antes');
      expect(c.get(ids[1499]!, 'name')).toMatch(/^imp 1499 /);
    } finally {
      obs.disconnect();
      spy.restore();
    }
  });

  it('an edit made while the worker writes waits behind it, then is written by the page', async () => {
    const name = freshName();
    const w = gatedWriter();
    const s = await open(name, w.writer);
    const spy = spyPageAdds(s, w.log);
    try {
      const ids = addRows(s.book, 'customers', bigRows(1500, 'imp'), 'import');
      await until(() => w.calls.length === 1);
      setCells(s.book, 'customers', [{ row: ids[3]!, col: 'phone', value: '600000003' }]);
      const [later] = addRows(s.book, 'customers', [{ name: 'después' }]);
      await new Promise((r) => setTimeout(r, 30));
      expect(spy.adds).toEqual([]); // not before the import's row
      expect(s.status).toBe('saving');
      w.release();
      await s.flush();
      await tick();
      expect(s.status).toBe('saved');
      expect(w.log).toEqual(['writer committed', 'page add', 'page add']);
      expect(w.calls).toHaveLength(1);
      s.dispose();
      const again = await open(name, null);
      const c = again.book.sheet('customers');
      expect(c.liveRowIds()).toHaveLength(1501);
      expect(c.get(ids[3]!, 'phone')).toBe('600000003');
      expect(c.get(later!, 'name')).toBe('después');
    } finally {
      spy.restore();
    }
  });

  it('a big update Yjs also gave to others (not an import) is copied, not moved', async () => {
    const name = freshName();
    const w = gatedWriter();
    const s = await open(name, w.writer);
    addRows(s.book, 'customers', bigRows(1500, 'local'));
    await until(() => w.calls.length === 1);
    expect(w.calls[0]!.bytes[0]!).toBeGreaterThanOrEqual(DEFER_WRITE_BYTES);
    expect(w.calls[0]!.transfer).toEqual([]);
    w.release();
    await s.flush();
    s.dispose();
    const again = await open(name, null);
    expect(again.book.sheet('customers').liveRowIds()).toHaveLength(1500);
  });

  for (const detach of [false, true])
    it(`a failing writer falls back to the page and the book reloads whole (${detach ? 'rows moved away' : 'rows still here'})`, async () => {
      const name = freshName();
      const w = gatedWriter({ fail: true, detach });
      const s = await open(name, w.writer);
      const spy = spyPageAdds(s, w.log);
      try {
        const first = addRows(s.book, 'customers', [{ name: 'primero' }]);
        await s.flush();
        const ids = addRows(s.book, 'customers', bigRows(1500, 'imp'), 'import');
        await until(() => w.calls.length === 1);
        if (detach) expect(w.calls[0]!.rows[0]!.byteLength).toBe(0);
        const [later] = addRows(s.book, 'customers', [{ name: 'después' }]);
        w.release();
        await s.flush();
        await tick();
        expect(s.status).toBe('saved');
        expect(w.log[0]).toBe('page add'); // 'primero'
        expect(w.log[1]).toBe('writer failed');
        expect(spy.adds.length).toBeGreaterThanOrEqual(2);
        expect(spy.adds[1]!).toBeGreaterThanOrEqual(DEFER_WRITE_BYTES);
        s.dispose();
        const again = await open(name, null);
        const c = again.book.sheet('customers');
        expect(c.liveRowIds()).toHaveLength(1502);
        expect(c.get(first[0]!, 'name')).toBe('primero');
        expect(c.get(ids[0]!, 'name')).toMatch(/^imp 0 /);
        expect(c.get(later!, 'name')).toBe('después');
      } finally {
        spy.restore();
      }
    });

  it('when the page cannot write either, the status is error', async () => {
    const w = gatedWriter({ fail: true });
    const s = await open(freshName(), w.writer);
    const spy = spyPageAdds(s);
    try {
      addRows(s.book, 'customers', bigRows(1500, 'imp'), 'import');
      await until(() => w.calls.length === 1);
      spy.failPage();
      w.release();
      await expect(s.flush()).rejects.toThrow();
      await tick();
      expect(s.status).toBe('error');
    } finally {
      spy.restore();
    }
  });

  it('closing while the worker writes writes everything at once on the page', async () => {
    const name = freshName();
    const w = gatedWriter({ detach: true });
    const s = await open(name, w.writer);
    const ids = addRows(s.book, 'customers', bigRows(1500, 'imp'), 'import');
    await until(() => w.calls.length === 1);
    const [later] = addRows(s.book, 'customers', [{ name: 'después' }]);
    s.dispose(); // the worker never answers
    const again = await open(name, null);
    const c = again.book.sheet('customers');
    expect(c.liveRowIds()).toHaveLength(1501);
    expect(c.get(ids[1499]!, 'name')).toMatch(/^imp 1499 /);
    expect(c.get(later!, 'name')).toBe('después');
  });

  it('small edits never go to the writer', async () => {
    const name = freshName();
    const w = gatedWriter();
    const s = await open(name, w.writer);
    const [id] = addRows(s.book, 'customers', [{ name: 'Ana' }]);
    setCells(s.book, 'customers', [{ row: id!, col: 'phone', value: '600111222' }]);
    await s.flush();
    expect(s.status).toBe('saved');
    expect(w.calls).toEqual([]);
  });
});
