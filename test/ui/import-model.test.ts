// The Import view's plain helpers: headers and samples from a file's rows, the mapping <select>
// values, the plan's counts, ambiguous dates, the report table and export file names.
import { describe, expect, it } from 'vitest';
import {
  ambiguousExample,
  columnCount,
  duplicateTargets,
  exportFileName,
  headersOf,
  isAmbiguousDate,
  parseTargetValue,
  planColumnLabel,
  planCounts,
  reportTable,
  samplesOf,
  targetValue,
  valueText,
  type ImportReport,
} from '../../src/features/import/import-model';
import type { ImportPlan, RawRow } from '../../src/io/types';
import { asRowId } from '../../src/core/index';

const rows: RawRow[] = [
  ['Listado de clientes 2024', null, null],
  ['Código', 'Nombre', 'Teléfono', null],
  ['C001', 'Ana', '0612345678'],
  ['C002', '', '0699'],
  ['C003', 'Luis', null, 'extra'],
  ['Total', null, 3],
];

describe('import model', () => {
  it('reads headers as wide as the widest row below them, and samples skip empty cells', () => {
    expect(columnCount(rows, 1)).toBe(4);
    expect(headersOf(rows, 1)).toEqual(['Código', 'Nombre', 'Teléfono', '']);
    expect(samplesOf(rows, 1, 1)).toEqual(['Ana', 'Luis']);
    expect(samplesOf(rows, 1, 2, 2)).toEqual(['0612345678', '0699']);
    expect(headersOf([], 0)).toEqual([]);
  });

  it('writes targets as <select> values and reads them back', () => {
    expect(targetValue({ kind: 'column', columnId: 'name' })).toBe('col:name');
    expect(targetValue({ kind: 'skip' })).toBe('skip');
    expect(parseTargetValue('col:phone', 'Teléfono', 'text', 'Column 3')).toEqual({ kind: 'column', columnId: 'phone' });
    expect(parseTargetValue('new', 'Nivel', 'select', 'Column 5')).toEqual({ kind: 'new', name: 'Nivel', type: 'select' });
    expect(parseTargetValue('new', '', 'text', 'Column 5')).toEqual({ kind: 'new', name: 'Column 5', type: 'text' });
    expect(parseTargetValue('skip', 'x', 'text', 'x')).toEqual({ kind: 'skip' });
  });

  it('flags two file columns going to the same book column', () => {
    const dup = duplicateTargets([
      { kind: 'column', columnId: 'name' },
      { kind: 'column', columnId: 'phone' },
      { kind: 'column', columnId: 'name' },
      { kind: 'skip' },
    ]);
    expect([...dup].sort()).toEqual([0, 2]);
  });

  it('counts what a plan will do', () => {
    const plan: ImportPlan = {
      add: [{ fileRow: 3, values: { name: 'Ana' } }],
      update: [{ fileRow: 4, row: asRowId('r1'), changes: [{ column: 'phone', from: null, to: '+34612345678' }] }],
      unchanged: 2,
      skipped: [{ fileRow: 6, reason: 'import.skip.total' }],
      problems: [],
      newColumns: [],
    };
    expect(planCounts(plan)).toEqual({ add: 1, update: 1, unchanged: 2, skipped: 1, problems: 0, toWrite: 2 });
  });

  it('tells ambiguous dates from clear ones', () => {
    expect(isAmbiguousDate('03/04/2024')).toBe(true);
    expect(isAmbiguousDate('13/04/2024')).toBe(false);
    expect(isAmbiguousDate('04/04/2024')).toBe(false);
    expect(isAmbiguousDate('2024-03-04')).toBe(false);
    expect(isAmbiguousDate(45356)).toBe(false);
    expect(ambiguousExample(['25/12/2023', ' 05.06.24 ', null])).toBe('05.06.24');
  });

  it('names plan columns: new ones by their name, book ones through the sheet', () => {
    expect(planColumnLabel('new:1', ['Nivel', 'Puntos'], (id) => id.toUpperCase())).toBe('Puntos');
    expect(planColumnLabel('phone', [], (id) => (id === 'phone' ? 'Phone' : id))).toBe('Phone');
  });

  it('lays out the report by file row: added, updated (old → new), skipped, problems', () => {
    const report: ImportReport = {
      fileName: 'clientes.xlsx',
      sheet: 'customers',
      at: 0,
      added: 2,
      updated: 1,
      unchanged: 0,
      addedRows: [5, 3],
      updates: [{ fileRow: 4, row: asRowId('r1'), changes: [{ column: 'tags', from: ['a'], to: ['a', 'b'] }] }],
      skipped: [{ fileRow: 6, reason: 'import.skip.total' }],
      problems: [{ row: 5, column: 'Fecha', value: '31/31/2024', reason: 'import.problem.date' }],
      newColumns: [],
    };
    const table = reportTable(report, {
      headers: ['Outcome', 'Row', 'Column', 'Value', 'Detail'],
      added: 'Added',
      updated: 'Updated',
      skipped: 'Skipped',
      problem: 'Problem',
      reason: (r) => (r === 'import.skip.total' ? 'Totals row' : r === 'import.problem.date' ? 'Not a date' : r),
      column: (c) => (c === 'tags' ? 'Tags' : c),
    });
    expect(table.header).toEqual(['Outcome', 'Row', 'Column', 'Value', 'Detail']);
    expect(table.rows).toEqual([
      ['Added', '3', '', '', ''],
      ['Updated', '4', 'Tags', 'a, b', 'a → a, b'],
      ['Added', '5', '', '', ''],
      ['Problem', '5', 'Fecha', '31/31/2024', 'Not a date'],
      ['Skipped', '6', '', '', 'Totals row'],
    ]);
  });

  it('makes export file names from the sheet name in the person’s language', () => {
    expect(exportFileName('Clientes', '2026-11-23', 'xlsx')).toBe('clientes-2026-11-23.xlsx');
    expect(exportFileName('客户', '2026-11-23', 'csv')).toBe('客户-2026-11-23.csv');
    expect(exportFileName('import report a/b: c', '2026-11-23', 'csv')).toBe('import-report-a-b-c-2026-11-23.csv');
    expect(exportFileName('  ', '2026-11-23', 'csv')).toBe('export-2026-11-23.csv');
  });

  it('shows book values as plain text', () => {
    expect(valueText(null)).toBe('');
    expect(valueText(['vip', 'madrid'])).toBe('vip, madrid');
    expect(valueText(12.5)).toBe('12.5');
    expect(valueText(true)).toBe('✓');
  });
});
