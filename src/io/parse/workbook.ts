// Workbooks (.xlsx, .xls, .ods) read with SheetJS into plain rows of values. Runs only inside the
// parse worker: SheetJS 0.18.5 has known advisories for crafted files (see /tmp notes and the README),
// so it lives in a throwaway worker per file and never in the main bundle.
//
// What comes out, per sheet: rows[r][c] is the cell at Excel row r+1, column c+1 (row numbers in
// reports match what the shop owner sees in Excel). Dates are ISO text; numbers whose format pads
// zeros (phones, codes) or is text (`@`) are their formatted text; merged areas keep the value in the
// top-left cell only; empty cells are null; trailing empty rows and columns are trimmed.

import * as XLSX from 'xlsx';
import type { ParsedSheet, RawCell, RawRow } from '../types';

/** The part of SheetJS's number-format library we use (typed `any` upstream). */
type DateCode = { y: number; m: number; d: number; H: number; M: number; S: number };
type Ssf = {
  is_date(fmt: string): boolean;
  format(fmt: string, value: number, opts?: { date1904?: boolean }): string;
  parse_date_code(value: number, opts?: { date1904?: boolean }): DateCode | null;
};
const SSF = XLSX.SSF as Ssf;

export type WorkbookSheet = ParsedSheet & { readonly hidden: boolean };

/** SheetJS cells as it builds them (only the fields we read). */
type Cell = { t: 's' | 'n' | 'b' | 'd' | 'e' | 'z'; v?: unknown; w?: string; z?: string | number };

const ERRORS: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** `ods`: OpenDocument keeps each cell's displayed text in the file, the only place a zero-padded
 * code survives (SheetJS 0.18.5 does not read ODS number styles), so it is kept for ODS only. */
export function readWorkbook(bytes: Uint8Array, format?: 'xlsx' | 'xls' | 'ods'): WorkbookSheet[] {
  const wb = XLSX.read(bytes, {
    type: 'array',
    dense: true,
    // Number formats are what tell a date or a zero-padded code from a plain number.
    cellNF: true,
    cellDates: false,
    // Formatted text is computed only for the few cells that need it; formulas, HTML and styles
    // are not read at all (speed, and less of SheetJS's code runs on hostile input).
    cellText: format === 'ods',
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    bookVBA: false,
  });
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const formats = new FormatCache(date1904);
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    return { name: String(name), hidden, rows: ws ? sheetRows(ws as unknown as DenseSheet, formats) : [] };
  });
}

type Merge = { s: { r: number; c: number }; e: { r: number; c: number } };
/** In dense mode (0.18.5) a sheet is an array of rows of cells, with `!merges` etc. as properties. */
type DenseSheet = ((Cell | undefined)[] | undefined)[] & { '!merges'?: Merge[] };

function sheetRows(ws: DenseSheet, formats: FormatCache): RawRow[] {
  if (!Array.isArray(ws)) return [];
  const rows: RawCell[][] = [];
  let width = 0;
  let height = 0;
  for (let r = 0; r < ws.length; r++) {
    const src = ws[r];
    const row: RawCell[] = [];
    if (src) {
      for (let c = 0; c < src.length; c++) {
        const cell = src[c];
        const value = cell ? cellValue(cell, formats) : null;
        row[c] = value;
        if (value !== null) {
          if (c + 1 > width) width = c + 1;
          height = r + 1;
        }
      }
    }
    rows.push(row);
  }
  rows.length = height;
  // A merged area's value belongs to its top-left cell; office suites sometimes leave copies or
  // styling-only cells in the rest of it.
  for (const m of ws['!merges'] ?? []) {
    for (let r = m.s.r; r <= m.e.r && r < height; r++) {
      const row = rows[r]!;
      for (let c = m.s.c; c <= m.e.c && c < width; c++) if (r !== m.s.r || c !== m.s.c) row[c] = null;
    }
  }
  for (const row of rows) {
    if (row.length > width) row.length = width;
    for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
  }
  return rows;
}

function cellValue(cell: Cell, formats: FormatCache): RawCell {
  switch (cell.t) {
    case 's': {
      const s = cell.v == null ? '' : String(cell.v);
      return s === '' ? null : s;
    }
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return cell.w ?? ERRORS[cell.v as number] ?? '#ERROR!';
    case 'd':
      return cell.v instanceof Date ? isoFromDate(cell.v) : String(cell.v);
    case 'n': {
      const v = cell.v as number;
      if (typeof v !== 'number' || !Number.isFinite(v)) return cell.v == null ? null : String(cell.v);
      const fmt = typeof cell.z === 'string' ? cell.z : typeof cell.z === 'number' ? (XLSX.SSF as { _table?: Record<number, string> })._table?.[cell.z] : undefined;
      if (fmt) return formats.apply(fmt, v);
      // No format but displayed text with leading zeros (ODS "00017"): the text is the value.
      return typeof cell.w === 'string' && /^[+-]?0\d/.test(cell.w) ? cell.w : v;
    }
    default:
      return null;
  }
}

type FormatKind = 'number' | 'date' | 'datetime' | 'time' | 'text';

/** Classifies each distinct number format once; a sheet has few formats and many cells. */
class FormatCache {
  private readonly kinds = new Map<string, FormatKind>();
  constructor(private readonly date1904: boolean) {}

  apply(fmt: string, v: number): RawCell {
    let kind = this.kinds.get(fmt);
    if (kind === undefined) {
      kind = classify(fmt);
      this.kinds.set(fmt, kind);
    }
    switch (kind) {
      case 'number':
        return v;
      case 'text':
        return SSF.format(fmt, v, { date1904: this.date1904 });
      case 'date':
      case 'datetime':
      case 'time': {
        const dc = SSF.parse_date_code(v, { date1904: this.date1904 });
        if (!dc) return v;
        if (kind === 'time' || (kind === 'datetime' && v < 1 && v >= 0)) return hms(dc);
        const day = `${pad(dc.y, 4)}-${pad(dc.m, 2)}-${pad(dc.d, 2)}`;
        return kind === 'datetime' && (dc.H || dc.M || dc.S) ? `${day}T${hms(dc)}` : day;
      }
    }
  }
}

/** The format without its literal text, escapes, colours, conditions and locale tags. */
function bareFormat(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
}

export function classify(fmt: string): FormatKind {
  if (fmt === 'General' || fmt === '') return 'number';
  const first = bareFormat(fmt.split(';')[0] ?? '');
  if (first.trim() === '@' || (first.includes('@') && !/[0#?]/.test(first))) return 'text';
  if (SSF.is_date(fmt)) {
    const hasTime = /[hs]/i.test(first) || /AM\/PM|A\/P/i.test(first);
    const hasDate = /[yd]/i.test(first) || (/m/i.test(first) && !hasTime);
    if (!hasDate) return 'time';
    return hasTime ? 'datetime' : 'date';
  }
  if (/E[+-]/i.test(first)) return 'number';
  // Zero-padding in the integer part ("0000000000", "000-000-0000", "00000") marks a code or a
  // phone: its meaning is the formatted text, and the number would lose its leading zeros.
  const integer = first.split('.')[0] ?? '';
  const zeros = integer.replace(/[^0]/g, '').length;
  return zeros >= 2 ? 'text' : 'number';
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function hms(dc: DateCode): string {
  return dc.S ? `${pad(dc.H, 2)}:${pad(dc.M, 2)}:${pad(dc.S, 2)}` : `${pad(dc.H, 2)}:${pad(dc.M, 2)}`;
}

function isoFromDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}
