import { describe, expect, it } from 'vitest';
import { createBook, type Book } from '../../src/core/doc/book-doc';
import { addRows, setCells } from '../../src/core/ops/rows';
import { writeShopSettings, readShopSettings } from '../../src/core/ops/shop-settings';
import { isoToDay } from '../../src/core/analysis/days';
import { asRowId } from '../../src/core/model/types';
import { makeAnalysisService, splitChange, type AnalysisUpdate } from '../../src/features/analysis/analysis-service';
import type { BookChange } from '../../src/core/model/types';
import { COMPUTED_COLUMNS, computedValue, ensureComputedColumns } from '../../src/features/analysis/computed-columns';

const TODAY = isoToDay('2024-06-30')!;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
/** Runs idle work at once (tests have no idle periods to wait for). */
const idle = (fn: () => void) => fn();

function shop(): Book {
  const b = createBook();
  b.ensureSchema();
  addRows(b, 'customers', [
    { code: 'C1', name: 'Ana', phone: '612 345 678' },
    { code: 'C2', name: 'Bea', phone: '+34 612345678' },
    { code: 'C3', name: 'Carlos' },
  ]);
  addRows(b, 'purchases', [
    { date: '2024-06-01', customer: 'C1', amount: 300 },
    { date: '2024-05-01', customer: 'C2', amount: 50 },
  ]);
  return b;
}

async function started(b: Book, day = () => TODAY) {
  const s = makeAnalysisService(b, { whenLoaded: Promise.resolve(), now: day, idle, defer: (fn) => setTimeout(fn, 0), fullDelayMs: 5, refreshDelayMs: 5, pollMs: 10 });
  const updates: AnalysisUpdate[] = [];
  s.onDidUpdate((u) => updates.push(u));
  await s.whenReady;
  return { s, updates };
}

describe('analysis service', () => {
  it('computes once the book is loaded, and not before', async () => {
    const b = shop();
    let loaded!: () => void;
    const s = makeAnalysisService(b, { whenLoaded: new Promise<void>((r) => (loaded = r)), now: () => TODAY, idle });
    await tick(5);
    expect(s.analysis()).toBeUndefined();
    expect(s.version()).toBe(0);
    loaded();
    await s.whenReady;
    const ana = b.sheet('customers').liveRowIds()[0]!;
    expect(s.analysis()!.row(ana)!.totalSpent).toBe(300);
    expect(s.version()).toBe(1);
    s.dispose();
  });

  it('applies a new sale incrementally (only its customer), then refreshes the boundaries', async () => {
    const b = shop();
    const { s, updates } = await started(b);
    const [ana] = b.sheet('customers').liveRowIds();
    const before = s.analysis();
    const n = updates.length;
    addRows(b, 'purchases', [{ date: '2024-06-30', customer: 'C1', amount: 400 }]);
    // Nothing happens inside the change's own task (an import's commit must stay short)…
    expect(updates.length).toBe(n);
    expect(s.analysis()!.row(ana!)!.totalSpent).toBe(300);
    // …the update comes in a task of its own right after it.
    await tick(0);
    expect(s.analysis()).toBe(before); // the same analysis, updated in place: no full compute
    expect(updates.at(-1)).toMatchObject({ full: false, rows: [ana] });
    const row = s.analysis()!.row(ana!)!;
    expect(row.totalSpent).toBe(700);
    expect(row.points).toBe(700);
    expect(row.tier.tier?.id).toBe('gold');
    await tick(30);
    expect(s.analysis()!.stale).toBe(false);
    s.dispose();
  });

  it('runs a debounced full compute for a change it cannot apply exactly (an edited sale)', async () => {
    const b = shop();
    const { s, updates } = await started(b);
    const before = s.analysis();
    const p = b.sheet('purchases').liveRowIds()[0]!;
    setCells(b, 'purchases', [{ row: p, col: 'amount', value: 1000 }]);
    expect(s.analysis()).toBe(before);
    await tick(30);
    expect(s.analysis()).not.toBe(before);
    expect(updates.at(-1)!.full).toBe(true);
    expect(s.analysis()!.row(b.sheet('customers').liveRowIds()[0]!)!.tier.tier?.id).toBe('gold');
    s.dispose();
  });

  it('takes several changes in a row as one update, in order', async () => {
    const b = shop();
    const { s, updates } = await started(b);
    const [ana, bea] = b.sheet('customers').liveRowIds();
    const n = updates.length;
    addRows(b, 'purchases', [{ date: '2024-06-29', customer: 'C1', amount: 10 }]);
    addRows(b, 'purchases', [{ date: '2024-06-30', customer: 'C2', amount: 20 }]);
    setCells(b, 'customers', [{ row: bea!, col: 'name', value: 'Beatriz' }]);
    await tick(0);
    expect(updates.length).toBe(n + 1);
    expect(updates.at(-1)).toMatchObject({ full: false });
    expect(new Set(updates.at(-1)!.rows)).toEqual(new Set([ana, bea]));
    expect(s.analysis()!.row(ana!)!.totalSpent).toBe(310);
    expect(s.analysis()!.row(bea!)!.totalSpent).toBe(70);
    expect(s.analysis()!.customer(bea!)!.name).toBe('Beatriz');
    s.dispose();
  });

  it('starts before the first paint when a view asks (start), and not twice', async () => {
    const b = shop();
    let painted!: () => void;
    const s = makeAnalysisService(b, { whenLoaded: Promise.resolve(), whenPainted: new Promise<void>((r) => (painted = r)), now: () => TODAY, idle });
    await tick(5);
    expect(s.analysis()).toBeUndefined();
    s.start();
    await s.whenReady;
    expect(s.version()).toBe(1);
    painted();
    await tick(5);
    expect(s.version()).toBe(1);
    s.dispose();
  });

  it('ignores column-only changes (a resize is not a reason to recompute)', async () => {
    const b = shop();
    const { s } = await started(b);
    const v = s.version();
    b.write('local', (w) => w.setColumn('customers', 'name', { width: 300 }));
    await tick(30);
    expect(s.version()).toBe(v);
    s.dispose();
  });

  it('recomputes when the rules change (also from another device) and when the day rolls over', async () => {
    const b = shop();
    let day = TODAY;
    const { s } = await started(b, () => day);
    const ana = b.sheet('customers').liveRowIds()[0]!;
    expect(s.analysis()!.row(ana)!.tier.tier?.id).toBe('silver');
    const rules = readShopSettings(b);
    writeShopSettings(b, { ...rules, tiers: rules.tiers.map((t) => (t.id === 'gold' ? { ...t, threshold: 250 } : t)) });
    await tick(40);
    expect(s.analysis()!.row(ana)!.tier.tier?.id).toBe('gold');
    day = TODAY + 400; // more than a year later: the sale left the 365-day window
    await tick(40);
    expect(s.today()).toBe(TODAY + 400);
    expect(s.analysis()!.row(ana)!.tier.tier).toBeUndefined();
    s.dispose();
  });

  it('lists data problems from the current customers', async () => {
    const b = shop();
    const { s } = await started(b);
    await tick(300);
    expect(s.problems().map((p) => p.kind)).toEqual(['duplicatePhone']);
    const [, bea] = b.sheet('customers').liveRowIds();
    setCells(b, 'customers', [{ row: bea!, col: 'phone', value: '600 111 222' }]);
    await tick(300);
    expect(s.problems()).toEqual([]);
    s.dispose();
  });
});

describe('computed columns', () => {
  it('are added once, as read-only columns at the end', () => {
    const b = shop();
    expect(ensureComputedColumns(b)).toBe(true);
    expect(ensureComputedColumns(b)).toBe(false);
    const cols = b.sheet('customers').columns();
    const tail = cols.slice(-COMPUTED_COLUMNS.length);
    expect(tail.map((c) => c.id)).toEqual(COMPUTED_COLUMNS.map((c) => c.id));
    expect(tail.every((c) => c.type === 'computed' && !c.hidden)).toBe(true);
    // Added by a migration write: not an undo step of the owner.
    expect(b.canUndo()).toBe(true); // the seeding rows are
    b.undo();
    b.undo();
    expect(b.sheet('customers').column('visits')).toBeDefined();
  });

  it('give sortable raw values and translated labels', async () => {
    const b = shop();
    const { s } = await started(b);
    const [ana, , carlos] = b.sheet('customers').liveRowIds();
    const t = (k: string) => `«${k}»`;
    const row = s.analysis()!.row(ana!);
    expect(computedValue(row, 'visits', t)).toBe(1);
    expect(computedValue(row, 'lastPurchase', t)).toBe('2024-06-01');
    expect(computedValue(row, 'daysSince', t)).toBe(29);
    expect(computedValue(row, 'tierNow', t)).toBe('«analysis.tier.silver»');
    expect(computedValue(s.analysis()!.row(carlos!), 'lifecycle', t)).toBe('«analysis.lifecycle.prospect»');
    expect(computedValue(s.analysis()!.row(carlos!), 'avgTicket', t)).toBeNull();
    expect(computedValue(s.analysis()!.row(asRowId('nope')), 'visits', t)).toBeNull();
    s.dispose();
  });

  describe('a big change (an import) is taken in pieces', () => {
    it('splits a change per sheet and the customers in pieces, in order, the meta keys on the first only', () => {
      const ids = Array.from({ length: 2500 }, (_, i) => asRowId(`r${i}`));
      const change: BookChange = {
        origin: 'import',
        meta: ['x'],
        sheets: [
          { sheet: 'customers', rows: new Set(ids), rowsAddedOrRemoved: true, columns: false },
          { sheet: 'purchases', rows: new Set([asRowId('p1')]), rowsAddedOrRemoved: true, columns: false },
        ],
      };
      const parts = splitChange(change, 1000);
      expect(parts.map((p) => p.sheets.map((s) => `${s.sheet}:${s.rows?.size}`).join())).toEqual(['customers:1000', 'customers:1000', 'customers:500', 'purchases:1']);
      expect(parts.map((p) => p.meta)).toEqual([['x'], [], [], []]);
      expect(parts.flatMap((p) => [...p.sheets[0]!.rows!]).slice(0, 2500)).toEqual(ids);
      expect(parts.every((p) => p.origin === 'import' && p.sheets[0]!.rowsAddedOrRemoved)).toBe(true);
      // A small change stays as it is.
      const small: BookChange = { origin: 'local', meta: [], sheets: [{ sheet: 'customers', rows: new Set(ids.slice(0, 5)), rowsAddedOrRemoved: false, columns: false }] };
      expect(splitChange(small, 1000)).toEqual([small]);
    });

    it('yields between pieces, announces one update at the end with every row, and takes a change made meanwhile after them', async () => {
      const b = shop();
      const slices: (() => void)[] = [];
      const s = makeAnalysisService(b, { whenLoaded: Promise.resolve(), now: () => TODAY, idle, defer: (fn) => setTimeout(fn, 0), slice: (fn) => slices.push(fn), sliceBudgetMs: 0, fullDelayMs: 5, refreshDelayMs: 1000, pollMs: 1000 });
      const updates: AnalysisUpdate[] = [];
      s.onDidUpdate((u) => updates.push(u));
      await s.whenReady;
      const n = updates.length;
      const rows = addRows(b, 'customers', Array.from({ length: 2500 }, (_, i) => ({ code: `N${i}`, name: `Nuevo ${i}` })), 'import');
      await tick(0);
      // The first piece is taken; the rest wait for their turn after a paint.
      expect(slices.length).toBe(1);
      expect(updates.length).toBe(n);
      expect(s.analysis()!.row(rows[0]!)).toBeDefined();
      expect(s.analysis()!.row(rows[2499]!)).toBeUndefined();
      // A sale for one of the new customers, made while the pieces are under way, waits behind them.
      addRows(b, 'purchases', [{ date: '2024-06-30', customer: 'N2400', amount: 80 }]);
      await tick(0);
      expect(updates.length).toBe(n);
      while (slices.length) slices.shift()!();
      expect(updates.length).toBe(n + 1);
      const u = updates.at(-1)!;
      expect(u.full).toBe(false);
      expect(new Set(u.rows)).toEqual(new Set(rows));
      expect(s.analysis()!.row(rows[2499]!)!.visits).toBe(0);
      expect(s.analysis()!.row(rows[2400]!)!.totalSpent).toBe(80);
      expect(s.analysis()!.row(rows[2400]!)!.visits).toBe(1);
      s.dispose();
    });

    it('works out the problems of an import in slices too, a duplicate across slices included', async () => {
      const b = shop();
      const slices: (() => void)[] = [];
      const s = makeAnalysisService(b, { whenLoaded: Promise.resolve(), now: () => TODAY, idle, defer: (fn) => setTimeout(fn, 0), slice: (fn) => slices.push(fn), sliceBudgetMs: 0, fullDelayMs: 5, refreshDelayMs: 1000, pollMs: 1000 });
      await s.whenReady;
      const run = async () => {
        for (let i = 0; i < 50 && !slices.length; i++) await tick(20);
        let n = 0;
        while (slices.length) {
          slices.shift()!();
          n++;
        }
        return n;
      };
      const rows = addRows(b, 'customers', Array.from({ length: 1200 }, (_, i) => ({ code: `M${i}`, name: `Cliente ${i}`, phone: i === 0 || i === 1199 ? '699 111 222' : '' })), 'import');
      await tick(0);
      expect(await run()).toBeGreaterThan(0); // the analysis' pieces
      await tick(300);
      const ours = () => s.problems().find((p) => p.kind === 'duplicatePhone' && p.value === '699111222');
      expect(ours()).toBeUndefined(); // its keys still in slices
      expect(await run()).toBeGreaterThan(1);
      const dup = ours();
      expect(dup?.rows).toEqual([rows[0], rows[1199]]);
      s.dispose();
    });
  });
});
