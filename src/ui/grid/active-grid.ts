// The focused (or most recently focused) grid, so commands, the status bar and the palette can act
// on it without knowing which editor tab holds it.

import { createSignal, type Accessor } from 'solid-js';
import type { RowId, SheetId } from '../../core/index';

export interface GridController {
  readonly sheet: SheetId;
  /** Select a cell (scrolling it into view) and focus the grid; edit=true opens its editor. */
  focusCell(row: RowId, col?: string, edit?: boolean): void;
  /** Excel-like selection stats for the status bar: selected cell count, sum & count of numeric cells. */
  stats: Accessor<{ cells: number; rows: number; numericCount: number; sum: number }>;
  /** Rows shown now (after sort/filter), for counts. */
  visibleRowCount: Accessor<number>;
  selectedRowIds(): RowId[];
  copy(): Promise<void>;
  cut(): Promise<void>;
  paste(text?: string): void;
  fillDown(): void;
  clearSelection(): void;
  find(): void;
  deleteSelectedRows(): void;
  // Optional extras (the Grid provides them; a stand-in controller need not): column actions on
  // the active cell's column, used by the grid.* commands.
  sortActiveColumn?(dir: 'asc' | 'desc' | undefined): void;
  clearFilters?(): void;
  hideActiveColumn?(): void;
  showAllColumns?(): void;
  /** Opens the active column's header menu on its rename form. */
  renameActiveColumn?(): void;
  /** Opens the form to add a column to the right of the active one. */
  addColumn?(): void;
  selectAll?(): void;
}

export const [activeGrid, setActiveGrid] = createSignal<GridController | undefined>(undefined);
