// Operations on columns: add, rename, retype, resize, hide, move. Definitions live in the book, so
// a column the owner adds on one device appears on the other.

import { randomId } from '../../base/id';
import type { Book } from '../doc/book-doc';
import { asColumnId, type ColumnId, type ColumnType, type SheetId } from '../model/types';

export function addColumn(
  book: Book,
  sheet: SheetId,
  spec: { name: string; type: ColumnType; options?: readonly string[]; width?: number },
): ColumnId {
  const id = asColumnId(`c${randomId(8)}`);
  const cols = book.sheet(sheet).columns();
  const pos = (cols.length ? Math.max(...cols.map((c) => c.pos)) : 0) + 1;
  book.write('local', (w) =>
    w.setColumn(sheet, id, { name: spec.name.trim(), type: spec.type, width: spec.width ?? 150, hidden: false, options: spec.options ?? [], pos }),
  );
  return id;
}

export function renameColumn(book: Book, sheet: SheetId, col: ColumnId, name: string): void {
  book.write('local', (w) => w.setColumn(sheet, col, { name: name.trim() }));
}

export function setColumnType(book: Book, sheet: SheetId, col: ColumnId, type: ColumnType): void {
  book.write('local', (w) => w.setColumn(sheet, col, { type }));
}

export function setColumnOptions(book: Book, sheet: SheetId, col: ColumnId, options: readonly string[]): void {
  book.write('local', (w) => w.setColumn(sheet, col, { options }));
}

export function resizeColumn(book: Book, sheet: SheetId, col: ColumnId, width: number): void {
  book.write('local', (w) => w.setColumn(sheet, col, { width: Math.max(48, Math.min(800, Math.round(width))) }));
}

export function setColumnHidden(book: Book, sheet: SheetId, col: ColumnId, hidden: boolean): void {
  book.write('local', (w) => w.setColumn(sheet, col, { hidden }));
}

/** Moves a column to sit before `beforeCol` (or last), choosing a position between neighbours. */
export function moveColumn(book: Book, sheet: SheetId, col: ColumnId, beforeCol: ColumnId | undefined): void {
  const cols = book.sheet(sheet).columns().filter((c) => c.id !== col);
  const idx = beforeCol === undefined ? cols.length : cols.findIndex((c) => c.id === beforeCol);
  const prev = idx > 0 ? cols[idx - 1]!.pos : (cols[0]?.pos ?? 1) - 1;
  const next = idx >= 0 && idx < cols.length ? cols[idx]!.pos : prev + 2;
  book.write('local', (w) => w.setColumn(sheet, col, { pos: (prev + next) / 2 }));
}
