// The table an export writes: a sheet's columns (names as the user sees them) and its live rows,
// or just the rows of a filtered view or a segment.

import type { Book, CellValue, Column, RowId, SheetId } from '../../core/index';
import type { ExportColumn } from './csv';

export type ExportTable = { readonly columns: readonly ExportColumn[]; readonly rows: readonly (readonly CellValue[])[] };

export type ExportOptions = {
  /** The name of a built-in column (its `labelKey` translated); owner-named columns use their name. */
  readonly label: (column: Column) => string;
  /** Rows to export in this order (a view or a segment); default: every live row. */
  readonly rows?: readonly RowId[];
  /** Columns to export in this order; default: the visible ones in display order. */
  readonly columns?: readonly string[];
};

/** Computed columns hold no stored values and are left out. */
export function sheetTable(book: Book, sheet: SheetId, opts: ExportOptions): ExportTable {
  const reader = book.sheet(sheet);
  const all = reader.columns();
  const byId = new Map(all.map((c) => [c.id as string, c]));
  const cols = (opts.columns ? opts.columns.map((id) => byId.get(id)).filter((c): c is Column => !!c) : all.filter((c) => !c.hidden)).filter(
    (c) => c.type !== 'computed',
  );
  const ids = opts.rows ?? reader.liveRowIds();
  return {
    columns: cols.map((c) => ({ name: c.name.trim() !== '' ? c.name : opts.label(c), type: c.type })),
    rows: ids.filter((id) => reader.has(id)).map((id) => cols.map((c) => reader.get(id, c.id))),
  };
}
