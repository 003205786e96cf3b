// The Import view's "customers and their purchases" mode: the role helpers, the report table with
// purchases, and the session end to end on the sales fixture (the live engine, parsing in-process).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createBook } from '../../src/core/doc/book-doc';
import { addRows } from '../../src/core/index';
import { inProcessEngine } from './in-process-engine';
import { reportTable, type ImportReport } from '../../src/features/import/import-model';
import { createImportSession, type ImportSession } from '../../src/features/import/import-session';
import { duplicateRoles, hasCustomerColumn, txCounts, txRoleOf, withTxRole } from '../../src/features/import/import-transactions';
import type { TransactionMapping } from '../../src/io/map/transactions';

const FIXTURE = join(__dirname, '..', 'fixtures', 'sales-lines.csv');

const mapping: TransactionMapping = {
  headerRow: 0,
  customerColumn: 1,
  customerTargets: [{ kind: 'skip' }, { kind: 'column', columnId: 'code' }, { kind: 'column', columnId: 'name' }, { kind: 'skip' }, { kind: 'skip' }],
  purchaseTargets: [
    { kind: 'column', columnId: 'date' },
    { kind: 'column', columnId: 'customer' },
    { kind: 'skip' },
    { kind: 'column', columnId: 'items' },
    { kind: 'column', columnId: 'amount' },
  ],
  policy: 'fillEmpty',
  dayFirst: true,
};

describe('transaction roles', () => {
  it('reads each column as the code, a sale field, a customer field or nothing', () => {
    expect([0, 1, 2, 3, 4].map((i) => txRoleOf(mapping, i))).toEqual(['sale:date', 'code', 'cust:name', 'sale:items', 'sale:amount']);
  });

  it('moves a column between the customer and the sale, and the code from one column to another', () => {
    const newCol = () => ({ kind: 'new', name: 'Producto', type: 'text' }) as const;
    const m1 = withTxRole(mapping, 3, 'cust:notes', newCol);
    expect(txRoleOf(m1, 3)).toBe('cust:notes');
    expect(m1.purchaseTargets[3]).toEqual({ kind: 'skip' });
    const m2 = withTxRole(m1, 3, 'cust:new', newCol);
    expect(m2.customerTargets[3]).toEqual(newCol());
    expect(txRoleOf(m2, 3)).toBe('cust:new');
    // The code moves to column 2: column 1 is skipped in both sheets.
    const m3 = withTxRole(mapping, 2, 'code', newCol);
    expect(m3.customerColumn).toBe(2);
    expect(txRoleOf(m3, 1)).toBe('skip');
    expect(m3.customerTargets[1]).toEqual({ kind: 'skip' });
    expect(m3.purchaseTargets[1]).toEqual({ kind: 'skip' });
    // Taking the code away leaves none: nothing links, nothing can be imported.
    const m4 = withTxRole(mapping, 1, 'skip', newCol);
    expect(m4.customerColumn).toBe(-1);
    expect(hasCustomerColumn(m4)).toBe(false);
    expect(hasCustomerColumn(mapping)).toBe(true);
    // The input is never changed.
    expect(txRoleOf(mapping, 3)).toBe('sale:items');
  });

  it('flags two columns going to the same field', () => {
    const m = withTxRole(mapping, 2, 'sale:amount', () => ({ kind: 'skip' }));
    expect([...duplicateRoles(m, 5)].sort()).toEqual([2, 4]);
    expect(duplicateRoles(mapping, 5).size).toBe(0);
  });
});

describe('the report of customers plus purchases', () => {
  it('tells which sheet each line is about', () => {
    const report: ImportReport = {
      fileName: 'ventas.csv',
      sheet: 'customers',
      at: 0,
      added: 1,
      updated: 0,
      unchanged: 0,
      skipped: [],
      problems: [],
      updates: [],
      addedRows: [2],
      newColumns: [],
      purchases: { added: 2, skipped: [{ fileRow: 4, reason: 'import.skip.total' }], problems: [{ row: 3, column: 'amount', value: 'x', reason: 'import.problem.number' }], addedRows: [2, 3] },
    };
    const table = reportTable(report, {
      headers: ['Outcome', 'Row', 'Column', 'Value', 'Detail'],
      added: 'Added',
      updated: 'Updated',
      skipped: 'Skipped',
      problem: 'Problem',
      reason: (r) => r,
      column: (id) => id,
      sheet: (s) => (s === 'customers' ? 'Customers' : 'Purchases'),
      purchasesColumn: (id) => (id === 'amount' ? 'Amount' : id),
    });
    expect(table.rows).toEqual([
      ['Added · Customers', '2', '', '', ''],
      ['Added · Purchases', '2', '', '', ''],
      ['Added · Purchases', '3', '', '', ''],
      ['Problem · Purchases', '3', 'Amount', 'x', 'import.problem.number'],
      ['Skipped · Purchases', '4', '', '', 'import.skip.total'],
    ]);
  });
});

const engine = inProcessEngine;

async function withSession(run: (s: ImportSession, book: ReturnType<typeof createBook>) => Promise<void>): Promise<void> {
  const book = createBook();
  book.ensureSchema();
  let dispose = () => {};
  const s = createRoot((d) => {
    dispose = d;
    return createImportSession({ book, engine, locale: () => 'es-ES', now: () => 1 });
  });
  try {
    await run(s, book);
  } finally {
    dispose();
  }
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('the import session with a file of sales', () => {
  const bytes = readFileSync(FIXTURE);

  it('offers customers and purchases by default, previews both and writes them in one undo step', async () => {
    await withSession(async (s, book) => {
      const [luis] = addRows(book, 'customers', [{ code: '0002', name: 'Luis Gómez', phone: '+34600000000' }]);
      s.open(new Blob([bytes]), 'sales-lines.csv');
      await until(() => s.phase() === 'ready');
      expect(s.transactionsAvailable()).toBe(true);
      expect(s.mode()).toBe('transactions');
      const m = s.txMapping()!;
      expect(s.columns().map((c) => txRoleOf(m, c.index))).toEqual(['sale:date', 'code', 'cust:name', 'sale:items', 'sale:amount']);
      const plans = s.txPlans()!;
      expect(txCounts(plans)).toMatchObject({ customers: { add: 3, update: 0, unchanged: 1 }, purchases: { add: 12 }, toWrite: 15 });
      expect(plans.purchases.add[0]!.values).toEqual({ date: '2024-03-02', customer: '0001', items: 'Té verde 100 g', amount: 12.5 });
      expect(plans.purchases.add.find((a) => a.values.items === 'Set de regalo')!.values.amount).toBe(1250);
      expect(s.plan()).toBeUndefined();

      // Customers only: the plan of one sheet, the repeated codes merged.
      s.setMode('rows');
      expect(s.txPlans()).toBeUndefined();
      expect(s.plan()!.add).toHaveLength(3);
      s.setMode('transactions');

      // Without a code column nothing can be imported.
      s.setTxRole(1, 'skip');
      expect(s.txPlans()).toBeUndefined();
      expect(s.confirm()).toBeUndefined();
      s.setTxRole(1, 'code');

      const done = s.confirm()!;
      expect(done).toEqual({ added: 15, updated: 0 });
      expect(s.phase()).toBe('done');
      const report = s.report()!;
      expect(report).toMatchObject({ sheet: 'customers', added: 3, unchanged: 1, purchases: { added: 12 } });
      expect(book.sheet('purchases').liveRowIds()).toHaveLength(12);
      expect(book.sheet('customers').liveRowIds()).toHaveLength(4);
      const codes = book
        .sheet('customers')
        .liveRowIds()
        .map((id) => book.sheet('customers').get(id, 'code'));
      expect(codes.sort()).toEqual(['0001', '0002', '0003', '0004']);

      expect(book.undo()).toBe(true);
      expect(book.sheet('purchases').liveRowIds()).toHaveLength(0);
      expect(book.sheet('customers').liveRowIds()).toEqual([luis]);
    });
  });

  it('does not offer purchases for a plain customer list', async () => {
    await withSession(async (s) => {
      s.open(new Blob(['Código;Nombre;Teléfono\r\nM-01;Marta;600111222\r\nM-02;Pedro;600333444\r\n']), 'clientes.csv');
      await until(() => s.phase() === 'ready');
      expect(s.transactionsAvailable()).toBe(false);
      expect(s.mode()).toBe('rows');
      s.setMode('transactions');
      expect(s.mode()).toBe('rows');
      expect(s.plan()!.add).toHaveLength(2);
    });
  });
});
