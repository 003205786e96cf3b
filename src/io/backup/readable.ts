// The readable copy inside a backup: one .xlsx workbook with a sheet per sheet of the book
// (customers, purchases, contacts), every column, the live rows. A person without the app (or an
// accountant) can open it; restoring never reads it.

import { SHEET_IDS, type Book, type Column, type SheetId } from '../../core/index';
import { sheetTable } from '../export/table';
import { safeSheetName, xlsxCell } from '../export/xlsx';

export type ReadableLabels = {
  readonly sheet: (id: SheetId) => string;
  readonly column: (column: Column) => string;
};

export async function readableWorkbook(book: Book, labels: ReadableLabels): Promise<Uint8Array> {
  const mod = (await import('xlsx')) as typeof import('xlsx') & { default?: typeof import('xlsx') };
  const XLSX = mod.default && typeof mod.default.write === 'function' ? mod.default : mod;
  const wb = XLSX.utils.book_new();
  const used = new Set<string>();
  for (const sheet of SHEET_IDS) {
    const all = book.sheet(sheet).columns().map((c) => c.id as string);
    const { columns, rows } = sheetTable(book, sheet, { label: labels.column, columns: all });
    const ws: Record<string, unknown> = {};
    columns.forEach((c, ci) => (ws[XLSX.utils.encode_cell({ r: 0, c: ci })] = { t: 's', v: c.name }));
    rows.forEach((row, ri) =>
      columns.forEach((c, ci) => {
        const cell = xlsxCell(row[ci] ?? null, c.type);
        if (cell) ws[XLSX.utils.encode_cell({ r: ri + 1, c: ci })] = cell;
      }),
    );
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: Math.max(columns.length - 1, 0) } });
    let name = safeSheetName(labels.sheet(sheet));
    if (used.has(name.toLowerCase())) name = safeSheetName(`${name} ${sheet}`);
    used.add(name.toLowerCase());
    XLSX.utils.book_append_sheet(wb, ws as import('xlsx').WorkSheet, name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
