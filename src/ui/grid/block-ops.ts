// Block edits of the grid (paste, fill down, clear, copy) turned into core ops. Each user action is
// one book transaction, so it is one undo step even when it also adds rows.

import {
  applyTextBlock,
  type TextOptions,
  setCells,
  setCellsFromText,
  valueToText,
  type Book,
  type CellEdit,
  type CellValue,
  type Column,
  type RowId,
  type SheetId,
} from '../../core/index';
import type { CellPos, CellRange } from './selection';

/** The block's values as text rows, for the clipboard. */
export function rangeToText(book: Book, sheet: SheetId, rows: readonly RowId[], cols: readonly Column[], g: CellRange): string[][] {
  const reader = book.sheet(sheet);
  const out: string[][] = [];
  for (let r = g.r0; r <= g.r1 && r < rows.length; r++) {
    const id = rows[r]!;
    const line: string[] = [];
    for (let c = g.c0; c <= g.c1 && c < cols.length; c++) line.push(valueToText(reader.get(id, cols[c]!.id)));
    out.push(line);
  }
  return out;
}

/**
 * Writes a block of text (pasted TSV) with its top-left at `at`. Rows past the last one are added;
 * columns past the last visible one are dropped; read-only (computed) columns are skipped. A single
 * value pasted over a larger selection fills the selection, as in Excel. Returns the range written.
 */
export function writeBlock(
  book: Book,
  sheet: SheetId,
  rows: readonly RowId[],
  cols: readonly Column[],
  at: CellPos,
  matrix: readonly (readonly string[])[],
  selection?: CellRange,
  opts: TextOptions = {},
): CellRange | undefined {
  if (matrix.length === 0 || cols.length === 0) return undefined;
  let block = matrix;
  let origin = at;
  if (selection && matrix.length === 1 && matrix[0]!.length === 1 && (selection.r1 > selection.r0 || selection.c1 > selection.c0)) {
    const v = matrix[0]![0]!;
    block = Array.from({ length: selection.r1 - selection.r0 + 1 }, () => Array.from({ length: selection.c1 - selection.c0 + 1 }, () => v));
    origin = { r: selection.r0, c: selection.c0 };
  }
  const width = Math.min(block.reduce((w, l) => Math.max(w, l.length), 0), cols.length - origin.c);
  if (width <= 0) return undefined;
  const existing: { row: RowId; col: string; text: string }[] = [];
  const added: Record<string, string>[] = [];
  block.forEach((line, i) => {
    const r = origin.r + i;
    const id = r < rows.length ? rows[r] : undefined;
    const values: Record<string, string> = {};
    for (let j = 0; j < width; j++) {
      const col = cols[origin.c + j]!;
      if (col.type === 'computed') continue;
      const text = line[j] ?? '';
      if (id) existing.push({ row: id, col: col.id, text });
      else values[col.id] = text;
    }
    if (!id) added.push(values);
  });
  applyTextBlock(book, sheet, existing, added, opts);
  return { r0: origin.r, c0: origin.c, r1: origin.r + block.length - 1, c1: origin.c + width - 1 };
}

/**
 * Excel's Ctrl+D: the top row of the selection is copied into the rows below it; a one-row
 * selection takes the row above. Returns how many cells changed.
 */
export function fillDown(book: Book, sheet: SheetId, rows: readonly RowId[], cols: readonly Column[], g: CellRange): number {
  const reader = book.sheet(sheet);
  const srcR = g.r1 > g.r0 ? g.r0 : g.r0 - 1;
  if (srcR < 0 || srcR >= rows.length) return 0;
  const src = rows[srcR]!;
  const edits: CellEdit[] = [];
  for (let c = g.c0; c <= g.c1 && c < cols.length; c++) {
    const col = cols[c]!;
    if (col.type === 'computed') continue;
    const v = reader.get(src, col.id);
    for (let r = srcR + 1; r <= g.r1 && r < rows.length; r++) edits.push({ row: rows[r]!, col: col.id, value: v });
  }
  return setCells(book, sheet, edits);
}

/** Empties every editable cell of the range (Delete / Backspace). */
export function clearRange(book: Book, sheet: SheetId, rows: readonly RowId[], cols: readonly Column[], g: CellRange): number {
  const edits: CellEdit[] = [];
  for (let r = g.r0; r <= g.r1 && r < rows.length; r++)
    for (let c = g.c0; c <= g.c1 && c < cols.length; c++) {
      const col = cols[c]!;
      if (col.type !== 'computed') edits.push({ row: rows[r]!, col: col.id, value: null });
    }
  return setCells(book, sheet, edits);
}

export type SelectionStats = { cells: number; rows: number; numericCount: number; sum: number };

/** Excel's status-bar figures for a range: cells, rows, how many numbers and their sum. */
export function rangeStats(book: Book, sheet: SheetId, rows: readonly RowId[], cols: readonly Column[], g: CellRange | undefined): SelectionStats {
  if (!g || rows.length === 0 || cols.length === 0) return { cells: 0, rows: 0, numericCount: 0, sum: 0 };
  const reader = book.sheet(sheet);
  const r1 = Math.min(g.r1, rows.length - 1);
  const c1 = Math.min(g.c1, cols.length - 1);
  let numericCount = 0;
  let sum = 0;
  for (let r = g.r0; r <= r1; r++) {
    const id = rows[r]!;
    for (let c = g.c0; c <= c1; c++) {
      const v = reader.get(id, cols[c]!.id);
      if (typeof v === 'number') {
        numericCount++;
        sum += v;
      }
    }
  }
  const nr = Math.max(0, r1 - g.r0 + 1);
  return { cells: nr * Math.max(0, c1 - g.c0 + 1), rows: nr, numericCount, sum };
}
