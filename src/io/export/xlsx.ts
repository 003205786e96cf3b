// .xlsx export with SheetJS, loaded on demand so it stays out of the first-load bundle. Dates are
// real Excel dates (serial numbers with a date format), numbers are numbers, phones and codes are
// text cells (leading zeros and "+" kept), and formula-like text is a plain string cell: never `f`.

import { isIsoDate } from '../../base/date';
import type { CellValue } from '../../core/index';
import { isoToExcelSerial } from '../map/convert';
import { exportText, type ExportColumn } from './csv';

type XlsxModule = typeof import('xlsx');
type XlsxCell = { t: 's' | 'n' | 'b'; v: string | number | boolean; z?: string };

export const XLSX_DATE_FORMAT = 'yyyy-mm-dd';

/** The workbook cell of a stored value in a column of `type`, or undefined for an empty cell. */
export function xlsxCell(value: CellValue, type: ExportColumn['type']): XlsxCell | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value.length ? { t: 's', v: value.join(', ') } : undefined;
  if (typeof value === 'boolean') return { t: 'b', v: value };
  if (typeof value === 'number') return Number.isFinite(value) ? { t: 'n', v: value } : undefined;
  if (type === 'date' && isIsoDate(value as string)) {
    const serial = isoToExcelSerial(value as string);
    if (serial !== undefined) return { t: 'n', v: serial, z: XLSX_DATE_FORMAT };
  }
  return { t: 's', v: exportText(value) };
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not empty. */
export function safeSheetName(name: string): string {
  const s = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
  return s === '' ? 'Sheet1' : s;
}

async function loadXlsx(): Promise<XlsxModule> {
  const mod = (await import('xlsx')) as XlsxModule & { default?: XlsxModule };
  return mod.default && typeof mod.default.write === 'function' ? mod.default : mod;
}

/** The bytes of an .xlsx workbook with one sheet: a header row of column names, then the rows. */
export async function toXlsxBytes(sheetName: string, columns: readonly ExportColumn[], rows: readonly (readonly CellValue[])[]): Promise<Uint8Array> {
  const XLSX = await loadXlsx();
  const ws: Record<string, unknown> = {};
  columns.forEach((c, ci) => {
    ws[XLSX.utils.encode_cell({ r: 0, c: ci })] = { t: 's', v: c.name };
  });
  rows.forEach((row, ri) => {
    columns.forEach((c, ci) => {
      const cell = xlsxCell(row[ci] ?? null, c.type);
      if (cell) ws[XLSX.utils.encode_cell({ r: ri + 1, c: ci })] = cell;
    });
  });
  const range = { s: { r: 0, c: 0 }, e: { r: rows.length, c: Math.max(columns.length - 1, 0) } };
  ws['!ref'] = XLSX.utils.encode_range(range);
  if (columns.length) ws['!autofilter'] = { ref: ws['!ref'] };
  ws['!cols'] = columns.map((c) => ({ wch: Math.min(Math.max(c.name.length + 2, c.type === 'date' ? 12 : 10), 40) }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws as import('xlsx').WorkSheet, safeSheetName(sheetName));
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
