import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { createBook, type Book } from '../../src/core/doc/book-doc';
import { addColumn, addRows, applyImport, type CellValue, type Column, type RowId } from '../../src/core/index';
import { guardFormula, toCsv, toCsvBytes } from '../../src/io/export/csv';
import { sheetTable } from '../../src/io/export/table';
import { safeSheetName, toXlsxBytes } from '../../src/io/export/xlsx';
import { excelSerialToIso } from '../../src/io/map/convert';
import { suggestMapping } from '../../src/io/map/mapping';
import { buildImportPlan } from '../../src/io/map/plan';
import type { RawCell, RawRow } from '../../src/io/types';

const LABELS: Record<string, string> = {
  code: 'Code', name: 'Name', phone: 'Phone', email: 'Email', address: 'Address', birthday: 'Birthday',
  tier: 'Tier', points: 'Points', tags: 'Tags', notes: 'Notes', firstSeen: 'First seen',
};
const label = (c: Column) => LABELS[c.id] ?? c.id;

function sourceBook(): Book {
  const book = createBook();
  book.ensureSchema();
  const visits = addColumn(book, 'customers', { name: 'Visitas', type: 'number' });
  const vip = addColumn(book, 'customers', { name: 'Cliente VIP', type: 'checkbox' });
  const allergy = addColumn(book, 'customers', { name: 'Alergias', type: 'text' });
  addRows(book, 'customers', [
    {
      code: '007', name: 'José Ñúñez', phone: '+34612345678', email: 'jose@example.es', address: 'Calle "Mayor", 1\n2º B',
      birthday: '1990-04-03', tier: 'Oro', points: 1234.5, tags: ['VIP', 'café'], notes: '=SUM(A1)', firstSeen: '2023-12-25',
      [visits]: 12, [vip]: true, [allergy]: "=cmd|' /C calc'!A0",
    },
    { code: '0008', name: '张伟', phone: '+8613800138000', tier: '金卡', points: -5, tags: ['新客'], notes: '-10% 折扣', [visits]: 0, [vip]: false, [allergy]: '@import' },
    { code: '0100', name: 'Ann', email: 'ann@example.com', notes: '+1 friend', birthday: '2000-02-29', [allergy]: 'tab\there' },
  ]);
  return book;
}

/** Every customer's values by code, columns named as the user sees them. */
function snapshot(book: Book): Map<string, Map<string, CellValue>> {
  const s = book.sheet('customers');
  const cols = s.columns();
  const out = new Map<string, Map<string, CellValue>>();
  for (const id of s.liveRowIds()) {
    const values = new Map<string, CellValue>();
    for (const c of cols) {
      const v = s.get(id as RowId, c.id);
      if (v !== null && !(Array.isArray(v) && v.length === 0)) values.set(c.name || label(c), v);
    }
    out.set(String(s.get(id, 'code')), values);
  }
  return out;
}

function reimport(rows: RawRow[]): Book {
  const target = createBook();
  target.ensureSchema();
  const s = suggestMapping(rows, target.sheet('customers').columns(), 'customers', { locale: 'es' });
  const plan = buildImportPlan(target, 'customers', rows, {
    headerRow: s.headerRow, targets: s.targets, matchBy: 'code', policy: 'fillEmpty', dayFirst: s.dayFirst, defaultCountry: 'ES',
  });
  expect(plan.problems).toEqual([]);
  expect(plan.skipped).toEqual([]);
  expect(plan.newColumns).toEqual([
    { name: 'Visitas', type: 'number' },
    { name: 'Cliente VIP', type: 'checkbox' },
    { name: 'Alergias', type: 'text' },
  ]);
  applyImport(target, 'customers', plan);
  return target;
}

describe('CSV export', () => {
  it('writes UTF-8 with BOM, CRLF, RFC 4180 quoting and guards formulas', () => {
    const csv = toCsv(
      [{ name: 'Name', type: 'text' }, { name: 'Phone', type: 'phone' }, { name: '=Total', type: 'number' }],
      [
        ['Dijo "hola", y\nse fue', '+34612345678', -5],
        ['@x', null, 1.5],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe(`Name,Phone,'=Total\r\n"Dijo ""hola"", y\nse fue",'+34612345678,-5\r\n'@x,,1.5\r\n`);
    expect(['=1', '+1', '-1', '@1', '\t1', '\r1'].map(guardFormula)).toEqual(["'=1", "'+1", "'-1", "'@1", "'\t1", "'\r1"]);
    const bytes = toCsvBytes([{ name: '姓名', type: 'text' }], [['张伟']]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('round-trips a book through CSV (papaparse) and buildImportPlan into an empty book', () => {
    const book = sourceBook();
    const table = sheetTable(book, 'customers', { label });
    const csv = toCsv(table.columns, table.rows);
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const copy = reimport(parsed.data);
    expect(snapshot(copy)).toEqual(snapshot(book));
  });
});

describe('xlsx export', () => {
  it('writes real dates, numbers, text phones and codes, and never a formula', async () => {
    const bytes = await toXlsxBytes('Clientes: [2024]', [
      { name: 'Code', type: 'text' }, { name: 'Birthday', type: 'date' }, { name: 'Points', type: 'number' },
      { name: 'Phone', type: 'phone' }, { name: 'Notes', type: 'text' }, { name: 'Tags', type: 'tags' }, { name: 'VIP', type: 'checkbox' },
    ], [['007', '1990-04-03', 1234.5, '+34612345678', '=SUM(A1)', ['VIP', 'café'], true]]);
    const wb = XLSX.read(bytes, { type: 'array', cellNF: true });
    expect(wb.SheetNames).toEqual(['Clientes   2024']);
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    expect(ws.A2).toMatchObject({ t: 's', v: '007' });
    expect(ws.B2).toMatchObject({ t: 'n', v: 32966 });
    expect(XLSX.SSF.is_date(ws.B2!.z as string)).toBe(true);
    expect(ws.C2).toMatchObject({ t: 'n', v: 1234.5 });
    expect(ws.D2).toMatchObject({ t: 's', v: '+34612345678' });
    expect(ws.E2).toMatchObject({ t: 's', v: '=SUM(A1)' });
    expect(ws.E2!.f).toBeUndefined();
    expect(ws.F2).toMatchObject({ t: 's', v: 'VIP, café' });
    expect(ws.G2).toMatchObject({ t: 'b', v: true });
    expect(safeSheetName('')).toBe('Sheet1');
  });

  it('round-trips a book through xlsx (XLSX.read) and buildImportPlan into an empty book', async () => {
    const book = sourceBook();
    const table = sheetTable(book, 'customers', { label });
    const bytes = await toXlsxBytes('Customers', table.columns, table.rows);
    const wb = XLSX.read(bytes, { type: 'array', cellNF: true });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    // As the parsing worker hands rows over: dates as ISO text, everything else as stored.
    const range = XLSX.utils.decode_range(ws['!ref']!);
    const rows: RawRow[] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row: RawCell[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        expect(cell?.f).toBeUndefined();
        if (!cell || cell.v === undefined) row.push(null);
        else if (cell.t === 'n' && cell.z && XLSX.SSF.is_date(cell.z as string)) row.push(excelSerialToIso(cell.v as number)!);
        else row.push(cell.v as RawCell);
      }
      rows.push(row);
    }
    const copy = reimport(rows);
    expect(snapshot(copy)).toEqual(snapshot(book));
  });
});
