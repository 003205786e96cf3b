// Core → Solid adapters: the only place that turns the book's change feed into signals.

import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Book, SheetId } from '../../core/index';

/** A counter that ticks whenever `sheet` changes (values, rows, trash or columns). Read it in a memo to re-run. */
export function createSheetVersion(book: Book, sheet: SheetId): Accessor<number> {
  const [version, setVersion] = createSignal(0);
  const sub = book.onDidChange((change) => {
    if (change.sheets.some((s) => s.sheet === sheet)) setVersion((v) => v + 1);
  });
  onCleanup(() => sub.dispose());
  return version;
}

/** Ticks on any change of the book. */
export function createBookVersion(book: Book): Accessor<number> {
  const [version, setVersion] = createSignal(0);
  const sub = book.onDidChange(() => setVersion((v) => v + 1));
  onCleanup(() => sub.dispose());
  return version;
}

/** Whether undo / redo are possible now, as signals. */
export function createUndoState(book: Book): { canUndo: Accessor<boolean>; canRedo: Accessor<boolean> } {
  const [canUndo, setCanUndo] = createSignal(book.canUndo());
  const [canRedo, setCanRedo] = createSignal(book.canRedo());
  const sub = book.onDidChangeUndo(() => {
    setCanUndo(book.canUndo());
    setCanRedo(book.canRedo());
  });
  onCleanup(() => sub.dispose());
  return { canUndo, canRedo };
}
