// The grid feature: the Edit and Sheet commands (undo/redo, clipboard, fill down, find, clear,
// delete rows, sort, columns). They act on the active grid (src/ui/grid/active-grid.ts).
// app/ calls `registerGridCommands(commands, { book, contextKeys })` once.
//
// Copy / cut / paste have no keybinding here on purpose: the grid handles the browser's native
// clipboard events (Ctrl+C/X/V), which work with Excel and Sheets without a permission prompt. The
// commands use navigator.clipboard for the palette and menus.

import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import type { Book } from '../../core/index';
import type { Command, CommandRegistry } from '../../platform/commands';
import type { ContextKeys } from '../../platform/context-keys';
import { activeGrid } from '../../ui/grid/active-grid';

export type GridCommandDeps = {
  readonly book: Book;
  /** When given, `inputFocus` is kept up to date so Ctrl+Z in a text field stays the field's own undo. */
  readonly contextKeys?: ContextKeys;
  /** Where to watch focus (defaults to `document` when there is one). */
  readonly focusTarget?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'activeElement'>;
};

const GRID = 'gridFocus && !gridEditing';
// Book undo works wherever focus is, except inside a text field (whose own undo wins) or a cell editor.
const UNDO = '!gridEditing && !inputFocus';

const EDIT = 'grid.category.edit';
const SHEET = 'grid.category.sheet';

function isTextInput(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes((el as HTMLInputElement).type);
  return (el as HTMLElement).isContentEditable === true;
}

export function registerGridCommands(commands: CommandRegistry, deps: GridCommandDeps): Disposable {
  const store = new DisposableStore();
  const { book } = deps;
  const withGrid = (fn: (g: NonNullable<ReturnType<typeof activeGrid>>) => unknown) => () => {
    const g = activeGrid();
    return g ? fn(g) : undefined;
  };

  const list: Command[] = [
    { id: 'edit.undo', title: 'grid.cmd.undo', category: EDIT, keybinding: 'Ctrl+Z', when: UNDO, run: () => book.undo() },
    { id: 'edit.redo', title: 'grid.cmd.redo', category: EDIT, keybinding: ['Ctrl+Y', 'Ctrl+Shift+Z'], when: UNDO, run: () => book.redo() },
    { id: 'edit.copy', title: 'grid.cmd.copy', category: EDIT, run: withGrid((g) => g.copy().catch(() => undefined)) },
    { id: 'edit.cut', title: 'grid.cmd.cut', category: EDIT, run: withGrid((g) => g.cut().catch(() => undefined)) },
    { id: 'edit.paste', title: 'grid.cmd.paste', category: EDIT, run: (text) => activeGrid()?.paste(typeof text === 'string' ? text : undefined) },
    { id: 'edit.fillDown', title: 'grid.cmd.fillDown', category: EDIT, keybinding: 'Ctrl+D', when: GRID, run: withGrid((g) => g.fillDown()) },
    { id: 'edit.find', title: 'grid.cmd.find', category: EDIT, keybinding: 'Ctrl+F', when: GRID, run: withGrid((g) => g.find()) },
    { id: 'edit.clearCells', title: 'grid.cmd.clearCells', category: EDIT, keybinding: ['Delete', 'Backspace'], when: GRID, run: withGrid((g) => g.clearSelection()) },
    { id: 'edit.selectAll', title: 'grid.cmd.selectAll', category: EDIT, keybinding: 'Ctrl+A', when: GRID, run: withGrid((g) => g.selectAll?.()) },
    { id: 'grid.deleteRows', title: 'grid.cmd.deleteRows', category: SHEET, keybinding: 'Ctrl+-', when: `${GRID} && !staffMode`, run: withGrid((g) => g.deleteSelectedRows()) },
    { id: 'grid.sortAscending', title: 'grid.cmd.sortAscending', category: SHEET, run: withGrid((g) => g.sortActiveColumn?.('asc')) },
    { id: 'grid.sortDescending', title: 'grid.cmd.sortDescending', category: SHEET, run: withGrid((g) => g.sortActiveColumn?.('desc')) },
    { id: 'grid.clearSort', title: 'grid.cmd.clearSort', category: SHEET, run: withGrid((g) => g.sortActiveColumn?.(undefined)) },
    { id: 'grid.clearFilters', title: 'grid.cmd.clearFilters', category: SHEET, run: withGrid((g) => g.clearFilters?.()) },
    { id: 'grid.addColumn', title: 'grid.cmd.addColumn', category: SHEET, when: '!staffMode', run: withGrid((g) => g.addColumn?.()) },
    { id: 'grid.hideColumn', title: 'grid.cmd.hideColumn', category: SHEET, when: '!staffMode', run: withGrid((g) => g.hideActiveColumn?.()) },
    { id: 'grid.showAllColumns', title: 'grid.cmd.showAllColumns', category: SHEET, when: '!staffMode', run: withGrid((g) => g.showAllColumns?.()) },
    { id: 'grid.renameColumn', title: 'grid.cmd.renameColumn', category: SHEET, when: '!staffMode', run: withGrid((g) => g.renameActiveColumn?.()) },
  ];
  for (const c of list) store.add(commands.register(c));

  const keys = deps.contextKeys;
  const target = deps.focusTarget ?? (typeof document !== 'undefined' ? document : undefined);
  if (keys && target) {
    const update = () => keys.set('inputFocus', isTextInput(target.activeElement));
    // On focusout the next element is not active yet; look again once it is.
    const later = () => queueMicrotask(update);
    target.addEventListener('focusin', update);
    target.addEventListener('focusout', later);
    update();
    store.add(
      toDisposable(() => {
        target.removeEventListener('focusin', update);
        target.removeEventListener('focusout', later);
      }),
    );
  }
  return store;
}
