// A cell's history: every value typed into a cell on any device, kept in the book so it syncs.
//
// Why: when two devices edit the same cell while apart, Yjs keeps one value on both (the same
// one everywhere) and the other value is gone from the cell. The history keeps both, with who and
// when, so nothing a person typed is lost from sight.
//
// How: after each local transaction that set a few cells (≤ MAX_CELLS_PER_EDIT: typing, a small
// paste, fill down), this device appends one entry per cell to `S:history`, a Y.Array, in a
// follow-up transaction of its own origin (never undone with the edit; the undo itself is a new
// entry). Each device logs only its own edits; the arrays merge when devices meet, so both
// devices end up listing both values. Bulk writes (imports, large pastes) are not logged: they are
// one undo step of their own and would bloat the book.

import * as Y from 'yjs';
import type { Disposable } from '../../base/event';
import type { CellValue, SheetId } from '../model/types';
import { SHEET_IDS } from '../model/types';
import { yDocOf, type Book } from './book-doc';

export type HistoryAuthor = { readonly id: string; readonly name: string };
export type CellHistoryEntry = { readonly value: CellValue; readonly at: number; readonly by: HistoryAuthor };

const MAX_CELLS_PER_EDIT = 50;
const HISTORY_ORIGIN = 'history';
/** [row, col, value, at, authorId, authorName] */
type Raw = [string, string, CellValue, number, string, string];

const historyOf = (yDoc: Y.Doc, sheet: SheetId) => yDoc.getArray<Raw>(`${sheet}:history`);

/** Starts logging this device's cell edits. `author` names the device (sync's device name). */
export function trackCellHistory(book: Book, author: () => HistoryAuthor, now: () => number = Date.now): Disposable {
  const yDoc = yDocOf(book);
  const cellsOf = new Map<Y.AbstractType<unknown>, SheetId>(SHEET_IDS.map((s) => [yDoc.getMap(`${s}:cells`) as Y.AbstractType<unknown>, s]));
  const onAfter = (tr: Y.Transaction) => {
    // Our own edits and undo/redo of them; not imports, storage, sync or this log itself.
    if (tr.origin !== 'local' && !(tr.origin instanceof Y.UndoManager)) return;
    const entries: [SheetId, Raw][] = [];
    let count = 0;
    for (const [type, keys] of tr.changed) {
      const sheet = cellsOf.get(type as Y.AbstractType<unknown>);
      if (!sheet) continue;
      count += keys.size;
      if (count > MAX_CELLS_PER_EDIT) return;
      const yCells = type as unknown as Y.Map<CellValue>;
      const who = author();
      const at = now();
      for (const key of keys) {
        if (key === null) continue;
        const slash = key.indexOf('/');
        if (slash < 0) continue;
        const value = yCells.has(key) ? (yCells.get(key) ?? null) : null;
        entries.push([sheet, [key.slice(0, slash), key.slice(slash + 1), value, at, who.id, who.name]]);
      }
    }
    if (!entries.length) return;
    // After this transaction settles; a transaction cannot start inside its own cleanup.
    queueMicrotask(() =>
      yDoc.transact(() => {
        for (const [sheet, raw] of entries) historyOf(yDoc, sheet).push([raw]);
      }, HISTORY_ORIGIN),
    );
  };
  yDoc.on('afterTransaction', onAfter);
  return { dispose: () => yDoc.off('afterTransaction', onAfter) };
}

/** Every value logged for one cell, newest first (ties: the same order on every device). */
export function cellHistory(book: Book, sheet: SheetId, row: string, col: string): CellHistoryEntry[] {
  const out: CellHistoryEntry[] = [];
  for (const raw of historyOf(yDocOf(book), sheet).toArray()) {
    if (!Array.isArray(raw) || raw[0] !== row || raw[1] !== col) continue;
    const [, , value, at, id, name] = raw;
    if (typeof at !== 'number' || typeof id !== 'string') continue;
    out.push({ value: value ?? null, at, by: { id, name: typeof name === 'string' ? name : '' } });
  }
  return out.sort((a, b) => b.at - a.at || (a.by.id < b.by.id ? -1 : a.by.id > b.by.id ? 1 : 0));
}
