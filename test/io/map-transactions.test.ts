import { describe, expect, it } from 'vitest';
import { createBook } from '../../src/core/doc/book-doc';
import { addRows, applyImports } from '../../src/core/index';
import { looksLikeTransactions, splitTransactions, suggestTransactionMapping } from '../../src/io/map/transactions';
import type { RawRow } from '../../src/io/types';
import { classifyRow } from '../../src/io/map/header';

function newBook() {
  const book = createBook();
  book.ensureSchema();
  return book;
}

describe('row-per-transaction files', () => {
  const rows: RawRow[] = [
    ['Ventas marzo 2024', null, null, null, null, null],
    ['Fecha', 'Nº cliente', 'Nombre', 'Teléfono', 'Producto', 'Importe'],
    ['01/03/2024', 'C001', 'Ana', 612345678, 'Té verde', '12,50'],
    ['05/03/2024', 'C002', 'Luis', null, 'Café', '3,20'],
    ['19/03/2024', 'C001', 'Ana', null, 'Tetera', '35,00'],
    ['Total', null, null, null, null, '50,70'],
  ];

  it('splits the columns between customers and purchases', () => {
    const book = newBook();
    const m = suggestTransactionMapping(rows, 1, book, { dayFirst: true, defaultCountry: 'ES' })!;
    expect(m.customerColumn).toBe(1);
    expect(m.customerTargets.map((t) => (t.kind === 'column' ? t.columnId : t.kind))).toEqual(['skip', 'code', 'name', 'phone', 'skip', 'skip']);
    expect(m.purchaseTargets.map((t) => (t.kind === 'column' ? t.columnId : t.kind))).toEqual(['date', 'customer', 'skip', 'skip', 'items', 'amount']);
    expect(looksLikeTransactions(rows, 1, 1)).toBe(true);
  });

  it('makes one customer per code and one purchase per line, linked by code, in one undo step', () => {
    const book = newBook();
    const [luis] = addRows(book, 'customers', [{ code: 'C002', name: 'Luis' }]);
    const m = suggestTransactionMapping(rows, 1, book, { dayFirst: true, defaultCountry: 'ES' })!;
    const plans = splitTransactions(book, rows, m);
    expect(plans.customers.add.map((a) => ({ ...a.values }))).toEqual([{ code: 'C001', name: 'Ana', phone: '+34612345678' }]);
    expect(plans.customers.unchanged).toBe(1);
    expect(plans.customers.skipped).toEqual([{ fileRow: 6, reason: 'import.skip.total' }]);
    expect(plans.purchases.add.map((a) => ({ ...a.values }))).toEqual([
      { date: '2024-03-01', customer: 'C001', items: 'Té verde', amount: 12.5 },
      { date: '2024-03-05', customer: 'C002', items: 'Café', amount: 3.2 },
      { date: '2024-03-19', customer: 'C001', items: 'Tetera', amount: 35 },
    ]);
    const [c, p] = applyImports(book, [
      { sheet: 'customers', plan: plans.customers },
      { sheet: 'purchases', plan: plans.purchases },
    ]);
    expect(c!.added).toHaveLength(1);
    expect(p!.added).toHaveLength(3);
    expect(book.sheet('purchases').liveRowIds()).toHaveLength(3);
    book.undo();
    expect(book.sheet('purchases').liveRowIds()).toHaveLength(0);
    expect(book.sheet('customers').liveRowIds()).toEqual([luis]);
  });

  it('reads a Chinese sales export', () => {
    const book = newBook();
    const zh: RawRow[] = [
      ['日期', '会员卡号', '姓名', '商品', '金额'],
      ['2024-03-01', '000123', '张伟', '普洱', 128],
      ['2024-03-02', '000123', '张伟', '茶具', 560],
    ];
    const m = suggestTransactionMapping(zh, 0, book, { dayFirst: false, defaultCountry: 'CN' })!;
    const plans = splitTransactions(book, zh, m);
    expect(plans.customers.add.map((a) => ({ ...a.values }))).toEqual([{ code: '000123', name: '张伟' }]);
    expect(plans.purchases.add.map((a) => a.values.customer)).toEqual(['000123', '000123']);
    expect(plans.purchases.add.map((a) => a.values.amount)).toEqual([128, 560]);
  });

  it('is not a transaction file without a customer code or a date/amount', () => {
    const book = newBook();
    expect(suggestTransactionMapping([['Nombre', 'Teléfono']], 0, book, { dayFirst: true })).toBeUndefined();
    expect(suggestTransactionMapping([['Código', 'Nombre']], 0, book, { dayFirst: true })).toBeUndefined();
  });
});

describe('looksLikeTransactions', () => {
  // As it was: every row classified, codes of data rows counted.
  const reference = (rows: readonly RawRow[], headerRow: number, col: number) => {
    const seen = new Set<string>();
    let repeats = 0;
    for (let r = headerRow + 1; r < rows.length; r++) {
      if (classifyRow(rows[r]!, 0) !== 'data') continue;
      const code = String(rows[r]![col] ?? '').trim();
      if (code === '') continue;
      if (seen.has(code)) repeats++;
      seen.add(code);
    }
    return repeats > 0;
  };
  it('answers as classifying every row does, on many small files', () => {
    let s = 5;
    const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const cells = ['C1', 'C2', ' C1 ', '', null, 'Total', 'TOTAL', 12, 3.5, 'x'];
    let yes = 0;
    for (let f = 0; f < 3000; f++) {
      const rows: RawRow[] = [['Código', 'Importe']];
      for (let r = 0; r < 1 + Math.floor(rnd() * 6); r++) rows.push([cells[Math.floor(rnd() * cells.length)]!, cells[Math.floor(rnd() * cells.length)]!]);
      const expected = reference(rows, 0, 0);
      if (expected) yes++;
      expect(looksLikeTransactions(rows, 0, 0)).toBe(expected);
    }
    expect(yes).toBeGreaterThan(300);
    expect(yes).toBeLessThan(2700);
  });
});
