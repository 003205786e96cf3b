import { describe, expect, it } from 'vitest';
import { createBook, type Book } from '../../src/core/doc/book-doc';
import { addRows, applyImport, type Column, type RowId } from '../../src/core/index';
import { suggestMapping } from '../../src/io/map/mapping';
import { buildImportPlan } from '../../src/io/map/plan';
import type { ImportSettings, MergePolicy, RawRow } from '../../src/io/types';

function newBook(): Book {
  const book = createBook();
  book.ensureSchema();
  return book;
}

function settingsFor(book: Book, rows: readonly RawRow[], over: Partial<ImportSettings> = {}, locale = 'es'): ImportSettings {
  const s = suggestMapping(rows, book.sheet('customers').columns(), 'customers', { locale });
  return { headerRow: s.headerRow, targets: s.targets, matchBy: 'code', policy: 'fillEmpty', dayFirst: s.dayFirst, defaultCountry: 'ES', ...over };
}

describe('buildImportPlan', () => {
  it('imports a Spanish workbook with a title row, a blank row and a totals row, reporting the skips', () => {
    const book = newBook();
    const rows: RawRow[] = [
      ['Listado de clientes 2024', null, null, null, null, null],
      [null, null, null, null, null, null],
      ['Código', 'Nombre', 'Teléfono', 'Fecha de alta', 'Total gastado', 'Puntos'],
      ['0012', 'José Pérez', 612345678, '2024-01-05', '1.234,50 €', 12],
      [null, null, null, null, null, null],
      ['0013', 'Ana López', '698 76 54 32', '25/12/2023', '80,00 €', 3],
      ['0014', 'Luis', 'no tiene', 'ayer', '12,5', null],
      ['Total', null, null, null, '1.327,00 €', 15],
      [null, null, null, null, null, null],
    ];
    const plan = buildImportPlan(book, 'customers', rows, settingsFor(book, rows));
    expect(plan.newColumns).toEqual([{ name: 'Total gastado', type: 'currency' }]);
    expect(plan.add.map((a) => ({ ...a.values }))).toEqual([
      { code: '0012', name: 'José Pérez', phone: '+34612345678', firstSeen: '2024-01-05', 'new:0': 1234.5, points: 12 },
      { code: '0013', name: 'Ana López', phone: '+34698765432', firstSeen: '2023-12-25', 'new:0': 80, points: 3 },
      { code: '0014', name: 'Luis', phone: 'no tiene', firstSeen: 'ayer', 'new:0': 12.5 },
    ]);
    expect(plan.add.map((a) => a.fileRow)).toEqual([4, 6, 7]);
    // Rows as Excel numbers them; trailing blank rows are not rows of the sheet worth reporting.
    expect(plan.skipped).toEqual([
      { fileRow: 5, reason: 'import.skip.empty' },
      { fileRow: 8, reason: 'import.skip.total' },
    ]);
    expect(plan.problems).toEqual([
      { row: 7, column: 'Teléfono', value: 'no tiene', reason: 'import.problem.phone' },
      { row: 7, column: 'Fecha de alta', value: 'ayer', reason: 'import.problem.date' },
    ]);
    expect(plan.update).toEqual([]);
  });

  it('imports a GBK-style cashier export: codes keep their zeros, phones from numbers, YYYYMMDD dates', () => {
    const book = newBook();
    const rows: RawRow[] = [
      ['会员卡号', '姓名', '手机', '会员等级', '积分', '累计消费', '最近消费日期'],
      ['000123', '张伟', 13800138000, '金卡', 1280, '¥12,800.00', 20240304],
      ['000124', '李娜', '13912345678', '银卡', 35, '¥350.50', '2024/3/5'],
    ];
    const plan = buildImportPlan(book, 'customers', rows, settingsFor(book, rows, { defaultCountry: 'CN' }, 'zh-CN'));
    expect(plan.newColumns).toEqual([
      { name: '累计消费', type: 'currency' },
      { name: '最近消费日期', type: 'date' },
    ]);
    expect(plan.add.map((a) => ({ ...a.values }))).toEqual([
      { code: '000123', name: '张伟', phone: '+8613800138000', tier: '金卡', points: 1280, 'new:0': 12800, 'new:1': '2024-03-04' },
      { code: '000124', name: '李娜', phone: '+8613912345678', tier: '银卡', points: 35, 'new:0': 350.5, 'new:1': '2024-03-05' },
    ]);
    expect(plan.problems).toEqual([]);
  });

  it('reads ambiguous dates as the settings say', () => {
    const book = newBook();
    const rows: RawRow[] = [['Name', 'Birthday'], ['Ann', '03/04/1990']];
    const us = buildImportPlan(book, 'customers', rows, settingsFor(book, rows, { matchBy: 'none' }, 'en-US'));
    expect(us.add[0]!.values.birthday).toBe('1990-03-04');
    const flipped = buildImportPlan(book, 'customers', rows, { ...settingsFor(book, rows, { matchBy: 'none' }, 'en-US'), dayFirst: true });
    expect(flipped.add[0]!.values.birthday).toBe('1990-04-03');
  });

  it('reads decimal-comma numbers per column (semicolon CSV from Spanish Excel)', () => {
    const book = newBook();
    const rows: RawRow[] = [['Nombre', 'Puntos', 'Saldo'], ['Ana', '1.234', '1.234,50'], ['Eva', '2,5', '7,00']];
    const plan = buildImportPlan(book, 'customers', rows, settingsFor(book, rows, { matchBy: 'none' }));
    expect(plan.add.map((a) => [a.values.points, a.values['new:0']])).toEqual([
      [1234, 1234.5],
      [2.5, 7],
    ]);
  });

  it('merges duplicates inside the file into the first row, reporting conflicts', () => {
    const book = newBook();
    const rows: RawRow[] = [
      ['Código', 'Nombre', 'Correo', 'Teléfono'],
      ['0012', 'José', null, '612345678'],
      ['0013', 'Ana', 'ana@example.com', null],
      [' 0012 ', 'José Pérez', 'jose@example.com', null],
    ];
    const plan = buildImportPlan(book, 'customers', rows, settingsFor(book, rows));
    expect(plan.add.map((a) => ({ ...a.values }))).toEqual([
      { code: '0012', name: 'José', email: 'jose@example.com', phone: '+34612345678' },
      { code: '0013', name: 'Ana', email: 'ana@example.com' },
    ]);
    expect(plan.skipped).toEqual([{ fileRow: 4, reason: 'import.skip.duplicate', mergedInto: 2 }]);
    expect(plan.problems).toEqual([{ row: 4, column: 'Nombre', value: 'José Pérez', reason: 'import.problem.duplicateConflict' }]);
  });

  it('keeps __proto__, constructor and duplicate headers as plain new columns', () => {
    const book = newBook();
    const rows: RawRow[] = [
      ['__proto__', 'constructor', 'Nombre', 'Nombre', '', 'prototype'],
      ['{"polluted":1}', 'xyz', 'Ana', 'Ana M.', 'sin cabecera', 'p'],
    ];
    const plan = buildImportPlan(book, 'customers', rows, settingsFor(book, rows, { matchBy: 'none' }));
    expect(plan.newColumns.map((c) => c.name)).toEqual(['__proto__', 'constructor', 'Nombre (2)', 'Column 5', 'prototype']);
    expect(plan.add[0]!.values.name).toBe('Ana');
    expect(Object.keys(plan.add[0]!.values).sort()).toEqual(['name', 'new:0', 'new:1', 'new:2', 'new:3', 'new:4']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const res = applyImport(book, 'customers', plan);
    const cols = new Map(book.sheet('customers').columns().map((c) => [c.name, c] as [string, Column]));
    expect(book.sheet('customers').get(res.added[0]!, cols.get('__proto__')!.id)).toBe('{"polluted":1}');
    expect(book.sheet('customers').get(res.added[0]!, cols.get('constructor')!.id)).toBe('xyz');
  });

  describe('merge policies against existing customers', () => {
    const rows: RawRow[] = [
      ['Código', 'Nombre', 'Correo', 'Teléfono', 'Puntos'],
      ['0012', 'José Pérez', 'jose@new.es', '612345678', 20],
      ['0013', 'Ana', null, null, 5],
      ['0099', 'Nuevo', null, null, null],
    ];

    function bookWithCustomers(): { book: Book; jose: RowId; ana: RowId } {
      const book = newBook();
      const [jose, ana] = addRows(book, 'customers', [
        { code: '0012', name: 'José', email: null, phone: '+34612345678', points: 10 },
        { code: '0013', name: 'Ana', points: 5 },
      ]);
      return { book, jose: jose!, ana: ana! };
    }

    function plan(policy: MergePolicy, matchBy: ImportSettings['matchBy'] = 'code') {
      const { book, jose, ana } = bookWithCustomers();
      return { book, jose, ana, plan: buildImportPlan(book, 'customers', rows, settingsFor(book, rows, { policy, matchBy })) };
    }

    it('skip leaves existing customers alone', () => {
      const { plan: p } = plan('skip');
      expect(p.update).toEqual([]);
      expect(p.add.map((a) => a.values.code)).toEqual(['0099']);
      expect(p.skipped).toEqual([
        { fileRow: 2, reason: 'import.skip.exists' },
        { fileRow: 3, reason: 'import.skip.exists' },
      ]);
    });

    it('fillEmpty only fills cells that are empty in the book', () => {
      const { plan: p, jose } = plan('fillEmpty');
      expect(p.update).toEqual([{ fileRow: 2, row: jose, changes: [{ column: 'email', from: null, to: 'jose@new.es' }] }]);
      expect(p.unchanged).toBe(1);
      expect(p.add.map((a) => a.values.code)).toEqual(['0099']);
    });

    it('overwrite replaces every mapped non-empty cell that differs', () => {
      const { plan: p, jose } = plan('overwrite');
      expect(p.update).toEqual([
        {
          fileRow: 2,
          row: jose,
          changes: [
            { column: 'name', from: 'José', to: 'José Pérez' },
            { column: 'email', from: null, to: 'jose@new.es' },
            { column: 'points', from: 10, to: 20 },
          ],
        },
      ]);
      // Ana's row has nothing new; empty file cells never clear the book.
      expect(p.unchanged).toBe(1);
    });

    it('matches by phone across formats and by email case-insensitively', () => {
      const byPhone = plan('overwrite', 'phone');
      expect(byPhone.plan.update.map((u) => u.row)).toEqual([byPhone.jose]);
      expect(byPhone.plan.add.map((a) => a.values.code)).toEqual(['0013', '0099']);

      const book = newBook();
      const [eva] = addRows(book, 'customers', [{ name: 'Eva', email: 'Eva@Example.com' }]);
      const emailRows: RawRow[] = [['Email', 'Notes'], ['eva@example.COM ', 'likes tea']];
      const p = buildImportPlan(book, 'customers', emailRows, settingsFor(book, emailRows, { matchBy: 'email', policy: 'fillEmpty' }));
      expect(p.update).toEqual([{ fileRow: 2, row: eva, changes: [{ column: 'notes', from: null, to: 'likes tea' }] }]);
    });

    it('applies the plan: one transaction, one undo step', () => {
      const { book, jose, plan: p } = plan('overwrite');
      const res = applyImport(book, 'customers', p);
      expect(res.updated).toBe(1);
      expect(res.added).toHaveLength(1);
      const s = book.sheet('customers');
      expect(s.get(jose, 'name')).toBe('José Pérez');
      expect(s.liveRowIds()).toHaveLength(3);
      book.undo();
      expect(s.get(jose, 'name')).toBe('José');
      expect(s.liveRowIds()).toHaveLength(2);
    });
  });
});

describe('file row numbers', () => {
  it('count the blank lines a CSV parser left out of the rows', async () => {
    const { fileRowNumbers } = await import('../../src/io/map/plan');
    expect(fileRowNumbers(4)).toEqual([1, 2, 3, 4]);
    expect(fileRowNumbers(4, [2, 3, 6])).toEqual([1, 4, 5, 7]);
    const book = newBook();
    // Lines: 1 header, 2 Ana, 3 blank, 4 blank, 5 Eva with a bad date, 6 blank (trailing).
    const rows: RawRow[] = [['Nombre', 'Cumpleaños'], ['Ana', '01/02/1990'], ['Eva', 'pronto']];
    const plan = buildImportPlan(book, 'customers', rows, settingsFor(book, rows, { matchBy: 'none' }), { emptyLines: [3, 4, 6] });
    expect(plan.add.map((a) => a.fileRow)).toEqual([2, 5]);
    expect(plan.skipped).toEqual([
      { fileRow: 3, reason: 'import.skip.empty' },
      { fileRow: 4, reason: 'import.skip.empty' },
    ]);
    expect(plan.problems).toEqual([{ row: 5, column: 'Cumpleaños', value: 'pronto', reason: 'import.problem.date' }]);
  });
});
