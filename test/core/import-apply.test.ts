import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBook, yDocOf, type Book } from '../../src/core/doc/book-doc';
import { addRows, applyImport, newColumnKey, prepareImports, trashRows, type BookChange, type ImportWrite } from '../../src/core/index';

function sync(a: Book, b: Book): void {
  const ya = yDocOf(a);
  const yb = yDocOf(b);
  Y.applyUpdate(yb, Y.encodeStateAsUpdate(ya, Y.encodeStateVector(yb)), 'remote-test');
  Y.applyUpdate(ya, Y.encodeStateAsUpdate(yb, Y.encodeStateVector(ya)), 'remote-test');
}

function setup() {
  const a = createBook(new Y.Doc());
  a.ensureSchema();
  const [ana] = addRows(a, 'customers', [{ code: '0001', name: 'Ana', points: 5 }]);
  const b = createBook(new Y.Doc());
  sync(a, b);
  const plan: ImportWrite = {
    newColumns: [
      { name: '累计消费', type: 'currency' },
      { name: 'Última compra', type: 'date' },
    ],
    add: [
      { values: { code: '0002', name: '张伟', phone: '+8613800138000', tags: ['VIP', '新客'], [newColumnKey(0)]: 12800.5, [newColumnKey(1)]: '2024-03-04' } },
      { values: { code: '0003', name: 'José Pérez', birthday: '1990-04-03', points: 0 } },
    ],
    update: [{ row: ana!, changes: [{ column: 'points', to: 20 }, { column: 'email', to: 'ana@example.com' }, { column: newColumnKey(0), to: 99 }] }],
  };
  return { a, b, ana: ana!, plan };
}

describe('applyImport', () => {
  it('writes new columns, rows and updates with exact values', () => {
    const { a, ana, plan } = setup();
    const res = applyImport(a, 'customers', plan);
    expect(res).toMatchObject({ updated: 1 });
    expect(res.added).toHaveLength(2);
    expect(res.columns).toHaveLength(2);
    const s = a.sheet('customers');
    const [spent, last] = res.columns;
    expect(s.column(spent!)).toMatchObject({ name: '累计消费', type: 'currency', hidden: false });
    expect(s.columns().at(-1)!.id).toBe(last);
    expect(s.row(res.added[0]!)).toMatchObject({ code: '0002', name: '张伟', phone: '+8613800138000', tags: ['VIP', '新客'], [spent!]: 12800.5, [last!]: '2024-03-04' });
    expect(s.row(res.added[1]!)).toMatchObject({ code: '0003', birthday: '1990-04-03', points: 0 });
    expect(s.get(ana, 'points')).toBe(20);
    expect(s.get(ana, 'email')).toBe('ana@example.com');
    expect(s.get(ana, spent!)).toBe(99);
    expect(s.liveRowIds()).toEqual([ana, ...res.added]);
  });

  it('is one transaction: one change event, one undo step removes rows, updates and columns', () => {
    const { a, ana, plan } = setup();
    const events: string[] = [];
    a.sheet('customers').liveRowIds();
    a.onDidChange((c) => events.push(c.origin));
    const before = a.sheet('customers').columns().length;
    applyImport(a, 'customers', plan);
    expect(events).toEqual(['import']);
    expect(a.canUndo()).toBe(true);
    expect(a.undo()).toBe(true);
    const s = a.sheet('customers');
    expect(s.liveRowIds()).toEqual([ana]);
    expect(s.get(ana, 'points')).toBe(5);
    expect(s.get(ana, 'email')).toBeNull();
    expect(s.columns()).toHaveLength(before);
    expect(a.canUndo()).toBe(true); // the earlier local addRows is still there to undo
    a.redo();
    expect(s.liveRowIds()).toHaveLength(3);
  });

  it('reaches a second device as it is', () => {
    const { a, b, ana, plan } = setup();
    const res = applyImport(a, 'customers', plan);
    sync(a, b);
    const s = b.sheet('customers');
    expect(s.liveRowIds()).toEqual([ana, ...res.added]);
    expect(s.get(ana, 'points')).toBe(20);
    expect(s.get(res.added[0]!, res.columns[0]!)).toBe(12800.5);
    expect(s.column(res.columns[1]!)).toMatchObject({ name: 'Última compra', type: 'date' });
    // The other device cannot undo our import.
    expect(b.canUndo()).toBe(false);
  });

  it('writes nothing when it fails half-way (all or nothing)', () => {
    const { a, plan } = setup();
    const updates: Uint8Array[] = [];
    yDocOf(a).on('update', (u: Uint8Array) => updates.push(u));
    const bad = { ...plan, update: [{ get row(): never { throw new Error('boom'); }, changes: [] }] } as unknown as ImportWrite;
    const rowsBefore = a.sheet('customers').liveRowIds().length;
    expect(() => applyImport(a, 'customers', bad)).toThrow('boom');
    // Every decision is made before the transaction opens, so a failure leaves the book untouched.
    expect(updates).toEqual([]);
    expect(a.sheet('customers').liveRowIds()).toHaveLength(rowsBefore);
    expect(a.sheet('customers').columns().some((c) => c.name === '累计消费')).toBe(false);
  });

  it('drops updates to rows that no longer exist and unknown columns', () => {
    const { a, ana, plan } = setup();
    const res = applyImport(a, 'customers', {
      ...plan,
      update: [
        { row: 'gone' as never, changes: [{ column: 'name', to: 'x' }] },
        { row: ana, changes: [{ column: 'nope', to: 1 }, { column: 'name', to: 'Ana' }] },
      ],
    });
    expect(res.updated).toBe(0);
    expect(a.sheet('customers').row(ana)).not.toHaveProperty('nope');
  });
});

describe('prepareImports (sliced preparation, one transaction)', () => {
  it('writes nothing until the commit, then everything as one change and one undo step', async () => {
    const { a, b, ana, plan } = setup();
    const many: ImportWrite = { ...plan, add: [...plan.add, ...Array.from({ length: 2500 }, (_, i) => ({ values: { code: `X${i}`, name: `N${i}` } }))] };
    let pauses = 0;
    const slicer = { due: () => true, pause: () => (pauses++, Promise.resolve()) };
    const changes: BookChange[] = [];
    a.onDidChange((c) => changes.push(c));
    const commit = await prepareImports(a, [{ sheet: 'customers', plan: many }], slicer);
    expect(pauses).toBeGreaterThanOrEqual(3); // one per 1,000 rows at least
    expect(changes).toEqual([]);
    expect(a.sheet('customers').liveRowIds()).toEqual([ana]);
    const [done] = commit();
    expect(changes).toHaveLength(1);
    expect(changes[0]!.origin).toBe('import');
    expect(done!.added).toHaveLength(2502);
    expect(done!.updated).toBe(1);
    const sheet = a.sheet('customers');
    expect(sheet.liveRowIds()).toEqual([ana, ...done!.added]);
    expect(sheet.get(done!.added[0]!, 'name')).toBe('张伟');
    expect(sheet.get(done!.added[0]!, done!.columns[0]!)).toBe(12800.5);
    expect(sheet.get(ana, 'points')).toBe(20);
    // The other device reads the same rows from the chunk strings.
    sync(a, b);
    expect(b.sheet('customers').row(done!.added[2501]!)).toEqual(sheet.row(done!.added[2501]!));
    expect(a.undo()).toBe(true);
    expect(a.sheet('customers').liveRowIds()).toEqual([ana]);
    expect(a.sheet('customers').get(ana, 'points')).toBe(5);
  });

  it('drops updates of rows deleted while it prepared', async () => {
    const { a, ana, plan } = setup();
    const commit = await prepareImports(a, [{ sheet: 'customers', plan }]);
    trashRows(a, 'customers', [ana]);
    const [done] = commit();
    expect(done!.updated).toBe(0);
    expect(a.sheet('customers').get(ana, 'points')).toBe(5);
    expect(done!.added).toHaveLength(2);
  });
});
