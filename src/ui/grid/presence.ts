// Other devices' selected cells (presence), as the grid draws them: an outline in the device's
// colour with its name on hover. The sync feature feeds it from awareness; nothing here is stored
// in the book. The grid reports its own active cell the same way so sync can share it.

import { createSignal } from 'solid-js';
import type { RowId, SheetId } from '../../core/index';

export type RemoteCursor = { readonly sheet: SheetId; readonly row: RowId; readonly col: string; readonly color: string; readonly name: string };
export type LocalCursor = { readonly sheet: SheetId; readonly row: RowId; readonly col: string };

export const [remoteCursors, setRemoteCursors] = createSignal<readonly RemoteCursor[]>([]);
export const [localCursor, setLocalCursor] = createSignal<LocalCursor | undefined>(undefined, {
  equals: (a, b) => a === b || (!!a && !!b && a.sheet === b.sheet && a.row === b.row && a.col === b.col),
});

/** Remote cursors of one sheet keyed `row/col` (several devices on one cell: the first wins). */
export function cursorsBySheet(sheet: SheetId): Map<string, RemoteCursor> {
  const map = new Map<string, RemoteCursor>();
  for (const c of remoteCursors()) if (c.sheet === sheet && !map.has(`${c.row}/${c.col}`)) map.set(`${c.row}/${c.col}`, c);
  return map;
}
