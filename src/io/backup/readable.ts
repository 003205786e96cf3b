// The readable copy inside a backup: one .xlsx workbook with a sheet per sheet of the book
// (customers, purchases, contacts), every stored column, the live rows. A person without the app
// (or an accountant) can open it; restoring never reads it.
//
// Two halves, because SheetJS needs ~15 s for the 550k rows of a big book: `readableTables` reads
// the book on the page (whole columns at once, ~0.1 s) into plain arrays that can be posted to a
// worker; `buildReadableWorkbook` turns them into the .xlsx bytes there (backup.worker.ts).

import { SHEET_IDS, readColumn, type Book, type CellValue, type Column, type SheetId } from '../../core/index';
import type { ExportColumn } from '../export/csv';
import { safeSheetName, xlsxCell } from '../export/xlsx';

export type ReadableLabels = {
  readonly sheet: (id: SheetId) => string;
  readonly column: (column: Column) => string;
};

/** One sheet of the readable copy: column-major values (structured-clone friendly). */
export type ReadableTable = {
  readonly name: string;
  readonly columns: readonly ExportColumn[];
  /** `data[c][r]`: the value of column c in live row r. */
  readonly data: readonly (readonly CellValue[])[];
  readonly rows: number;
};

/** The book's sheets as plain tables; computed columns hold no stored values and are left out. */
export function readableTables(book: Book, labels: ReadableLabels): ReadableTable[] {
  const used = new Set<string>();
  return SHEET_IDS.map((sheet) => {
    const reader = book.sheet(sheet);
    const cols = reader.columns().filter((c) => c.type !== 'computed');
    let name = safeSheetName(labels.sheet(sheet));
    if (used.has(name.toLowerCase())) name = safeSheetName(`${name} ${sheet}`);
    used.add(name.toLowerCase());
    return {
      name,
      columns: cols.map((c) => ({ name: c.name.trim() !== '' ? c.name : labels.column(c), type: c.type })),
      data: cols.map((c) => readColumn(reader, c.id)),
      rows: reader.liveRowIds().length,
    };
  });
}

/** The .xlsx bytes of the tables: a header row of column names, then the rows (dense sheets). */
export async function buildReadableWorkbook(tables: readonly ReadableTable[]): Promise<Uint8Array> {
  const mod = (await import('xlsx')) as typeof import('xlsx') & { default?: typeof import('xlsx') };
  const XLSX = mod.default && typeof mod.default.write === 'function' ? mod.default : mod;
  const wb = XLSX.utils.book_new();
  for (const table of tables) {
    // SheetJS's dense layout (an array of row arrays) builds and writes about twice as fast as
    // one object keyed "A1", "B1", … per cell.
    const ws: unknown[][] & Record<string, unknown> = [] as unknown as unknown[][] & Record<string, unknown>;
    ws[0] = table.columns.map((c) => ({ t: 's', v: c.name }));
    for (let r = 0; r < table.rows; r++) {
      const row: unknown[] = new Array(table.columns.length);
      for (let c = 0; c < table.columns.length; c++) {
        const cell = xlsxCell(table.data[c]![r] ?? null, table.columns[c]!.type);
        if (cell) row[c] = cell;
      }
      ws[r + 1] = row;
    }
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: table.rows, c: Math.max(table.columns.length - 1, 0) } });
    XLSX.utils.book_append_sheet(wb, ws as unknown as import('xlsx').WorkSheet, table.name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** Both halves in this thread (tests, and browsers without module workers). */
export async function readableWorkbook(book: Book, labels: ReadableLabels): Promise<Uint8Array> {
  return buildReadableWorkbook(readableTables(book, labels));
}
