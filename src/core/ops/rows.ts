// Operations on rows the UI may ask for. Each is one transaction: one change, one undo step.

import { randomId } from '../../base/id';
import type { Book, NewRow } from '../doc/book-doc';
import { coerceInput, type TextOptions } from '../model/values';
import { asRowId, type CellValue, type RowId, type RowValues, type SheetId } from '../model/types';

export const newRowId = (): RowId => asRowId(randomId());

/** Adds rows at the end of a sheet; returns their new ids. */
export function addRows(book: Book, sheet: SheetId, rows: readonly RowValues[], origin: 'local' | 'import' = 'local'): RowId[] {
  const newRows: NewRow[] = rows.map((values) => ({ id: newRowId(), values }));
  book.write(origin, (w) => w.insertRows(sheet, newRows));
  return newRows.map((r) => r.id);
}

export type CellEdit = { readonly row: RowId; readonly col: string; readonly value: CellValue };

/** Writes cells, skipping those whose value is unchanged so undo and sync carry only real edits. */
export function setCells(book: Book, sheet: SheetId, edits: readonly CellEdit[]): number {
  const reader = book.sheet(sheet);
  const real = edits.filter((e) => reader.has(e.row) && !sameValue(reader.get(e.row, e.col), e.value));
  if (real.length === 0) return 0;
  book.write('local', (w) => {
    for (const e of real) w.setCell(sheet, e.row, e.col, e.value);
  });
  return real.length;
}

export type TextEdit = { readonly row: RowId; readonly col: string; readonly text: string };

/** The values of typed text for one sheet's columns; computed and unknown columns are skipped. */
function coerceEdits(book: Book, sheet: SheetId, edits: readonly TextEdit[], opts: TextOptions): CellEdit[] {
  const reader = book.sheet(sheet);
  return edits.flatMap((e) => {
    const col = reader.column(e.col);
    if (!col || col.type === 'computed') return [];
    return [{ row: e.row, col: e.col, value: coerceInput(col.type, e.text, col.options, opts).value }];
  });
}

/** Sets cells from typed or pasted text, coerced to each column's type (invalid text is kept). */
export function setCellsFromText(book: Book, sheet: SheetId, edits: readonly TextEdit[], opts: TextOptions = {}): number {
  return setCells(book, sheet, coerceEdits(book, sheet, edits, opts));
}

/**
 * Writes a pasted block: text into existing cells and new rows for lines past the end, as one
 * transaction (one undo step). Returns the ids of the added rows.
 */
export function applyTextBlock(
  book: Book,
  sheet: SheetId,
  edits: readonly TextEdit[],
  newRows: readonly Readonly<Record<string, string>>[],
  opts: TextOptions = {},
): RowId[] {
  const reader = book.sheet(sheet);
  const rows: RowValues[] = newRows.map((texts) => {
    const values: Record<string, CellValue> = {};
    for (const [colId, text] of Object.entries(texts)) {
      const col = reader.column(colId);
      if (!col || col.type === 'computed' || text.trim() === '') continue;
      values[colId] = coerceInput(col.type, text, col.options, opts).value;
    }
    return values;
  });
  return book.write('local', () => {
    setCellsFromText(book, sheet, edits, opts);
    return rows.length ? addRows(book, sheet, rows) : [];
  });
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return (a === null || a === '') && (b === null || b === '');
}

/** Moves rows to the trash (soft delete). */
export function trashRows(book: Book, sheet: SheetId, rows: readonly RowId[], now = Date.now()): void {
  const reader = book.sheet(sheet);
  const live = rows.filter((r) => reader.has(r) && reader.deletedAt(r) === undefined);
  if (live.length) book.write('local', (w) => live.forEach((r) => w.trash(sheet, r, now)));
}

export function restoreRows(book: Book, sheet: SheetId, rows: readonly RowId[]): void {
  const reader = book.sheet(sheet);
  const trashed = rows.filter((r) => reader.deletedAt(r) !== undefined);
  if (trashed.length) book.write('local', (w) => trashed.forEach((r) => w.restore(sheet, r)));
}
