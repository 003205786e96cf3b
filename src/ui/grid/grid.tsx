// The spreadsheet grid: a virtualized (rows and columns) ARIA grid over one sheet of the book, with
// Excel-like keyboard, clipboard (TSV), fill down, undo, sort/filter (device-local view state),
// column menus, per-type display and editors, touch (tap, second tap, long-press) and find.
//
// Rendering stays cheap at 50k rows: only the rows and columns in view (plus a little overscan) are
// in the DOM, rows have a fixed height, and there is no signal per row: cells read the book through
// three counters bumped by the change feed (cells, rows, columns).

import { createVirtualizer, defaultRangeExtractor, type Range } from '@tanstack/solid-virtual';
import { For, Show, batch, createEffect, createMemo, createSelector, createSignal, on, onCleanup, onMount, type JSX } from 'solid-js';
import { cursorsBySheet, setLocalCursor } from './presence';
import { isMasked, isPrivateColumn, maskValue, staffMasking } from './privacy';
import { isIsoDate } from '../../base/date';
import {
  COLUMN_TYPES,
  addColumn,
  moveColumn,
  renameColumn,
  resizeColumn,
  setCells,
  setColumnHidden,
  setColumnType,
  trashRows,
  type CellValue,
  type Column,
  type ColumnType,
  type RowId,
  type SheetId,
} from '../../core/index';
import { useServices } from '../services';
import { setActiveGrid, activeGrid, type GridController } from './active-grid';
import { clearRange, fillDown, rangeStats, rangeToText, writeBlock } from './block-ops';
import { CellContent, CellEditor, type EditKind, type EditState } from './editors';
import { MenuItems, Popup, type MenuItem } from './grid-menu';
import { clampPos, inRange, isNavKey, moveBy, rangeOf, tabFrom, type CellPos, type CellRange, type NavKey } from './selection';
import { formatTsv, parseTsv } from './tsv';
import { EMPTY_VIEW, computeView, editText, findNext, formatCell, hasFilters, isViewState, withComputed, type CellDisplay, type ComputedValues, type SortDir, type ViewState } from './view-model';
import './grid.css';
import { columnLabel } from '../column-label';

export type GridProps = {
  sheet: SheetId;
  viewKey: string;
  onOpenRow?: (row: RowId) => void;
  /**
   * Keeps only the rows a saved view matches. Read inside the rows computation, so an accessor
   * that tracks the book (a sheet version) makes the view live: a row that starts matching appears.
   */
  rowFilter?: () => ((row: RowId) => boolean) | undefined;
  /** Values of the sheet's read-only `computed` columns (the customer analysis); without it they show empty. */
  computed?: ComputedValues;
};

const ROW_H = 40;
const HEAD_H = 40;
const ROWNUM_W = 64;
const ADD_COL_W = 48;
const LONG_PRESS_MS = 500;
const MIN_COL_W = 48;
const MAX_COL_W = 800;

let gridSeq = 0;
let dataMarked = false;

type Panel = 'main' | 'filter' | 'rename' | 'types' | 'add';
type MenuState = { readonly kind: 'header' | 'cell'; readonly c: number; readonly x: number; readonly y: number; readonly panel: Panel };

const px = (n: number) => `${n}px`;

/** Keeps one extra index (the active row or column) rendered so its cell and editor stay alive. */
function withIndex(range: Range, extra: number): number[] {
  const idx = defaultRangeExtractor(range);
  if (extra < 0 || extra >= range.count || idx.includes(extra)) return idx;
  idx.push(extra);
  return idx.sort((a, b) => a - b);
}

export function Grid(props: GridProps): JSX.Element {
  const { book, i18n, contextKeys, deviceStore } = useServices();
  /** Typed dates are read the way the user's language writes them. */
  const textOpts = () => ({ dayFirst: i18n.i18n.dayFirst });
  const t = (key: string, params?: Record<string, string | number>) => i18n.t(key, params);
  const gid = `cl-grid-${++gridSeq}`;
  const reader = () => withComputed(book.sheet(props.sheet), props.computed);
  let root!: HTMLDivElement;
  let scroller!: HTMLDivElement;

  // --- the book, as three counters ------------------------------------------------------------
  const [cellsV, setCellsV] = createSignal(0);
  const [rowsV, setRowsV] = createSignal(0);
  const [colsV, setColsV] = createSignal(0);
  const sub = book.onDidChange((change) => {
    const s = change.sheets.find((x) => x.sheet === props.sheet);
    if (!s) return;
    batch(() => {
      setCellsV((v) => v + 1);
      if (s.rowsAddedOrRemoved) setRowsV((v) => v + 1);
      if (s.columns) setColsV((v) => v + 1);
    });
  });
  onCleanup(() => sub.dispose());

  const columns = createMemo(() => {
    colsV();
    return reader().columns();
  });
  const visibleCols = createMemo(() => columns().filter((c) => !c.hidden));
  const colName = (col: Column) => columnLabel(col, t);

  // --- device-local view state (sort / filter) -------------------------------------------------
  const [view, setView] = createSignal<ViewState>(EMPTY_VIEW);
  createEffect(
    on(
      () => props.viewKey,
      (key) => {
        let live = true;
        void deviceStore.get<unknown>(`view:${key}`).then((v) => {
          if (live && isViewState(v)) setView(v);
        });
        onCleanup(() => (live = false));
      },
    ),
  );
  const saveView = (v: ViewState) => {
    setView(v);
    void deviceStore.set(`view:${props.viewKey}`, v);
  };
  const shownText = (col: Column, v: CellValue) => formatCell(col, v, i18n.i18n).text;
  // Re-sorted when rows come or go, columns change or the view changes — not on every cell edit:
  // like Excel, an edited row stays where it is instead of jumping away under the cursor.
  const rows = createMemo(() => {
    rowsV();
    colsV();
    const shown = computeView(reader(), view(), i18n.locale(), shownText);
    const keep = props.rowFilter?.();
    return keep ? shown.filter(keep) : shown;
  });
  /** Rows shown plus the empty "new row" at the bottom, where typing adds a row. */
  const rowCount = () => rows().length + 1;

  // --- selection and editing ---------------------------------------------------------------------
  const [active, setActive] = createSignal<CellPos>({ r: 0, c: 0 }, { equals: (a, b) => a.r === b.r && a.c === b.c });
  const [extent, setExtent] = createSignal<CellPos>({ r: 0, c: 0 }, { equals: (a, b) => a.r === b.r && a.c === b.c });
  const range = createMemo<CellRange>(() => rangeOf(active(), extent()), rangeOf({ r: 0, c: 0 }, { r: 0, c: 0 }), {
    equals: (a, b) => a.r0 === b.r0 && a.r1 === b.r1 && a.c0 === b.c0 && a.c1 === b.c1,
  });
  const [editing, setEditing] = createSignal<EditState | undefined>();
  const activeKey = createMemo(() => `${active().r}:${active().c}`);
  // Presence: other devices' cursors on this sheet, and ours for them (only while this grid has focus).
  const remoteHere = createMemo(() => cursorsBySheet(props.sheet));
  const isActive = createSelector(activeKey);
  const isActiveRow = createSelector(() => active().r);
  const isEditing = createSelector(() => {
    const e = editing();
    return e ? `${e.r}:${e.c}` : '';
  });
  const [announcement, setAnnouncement] = createSignal('');
  const announce = (text: string) => {
    setAnnouncement('');
    queueMicrotask(() => setAnnouncement(text));
  };

  // Keep the selection inside the sheet when rows or columns go away.
  createEffect(() => {
    const n = rowCount();
    const m = Math.max(1, visibleCols().length);
    const a = active();
    const x = extent();
    const ca = clampPos(a, n, m);
    const cx = clampPos(x, n, m);
    if (ca !== a || cx !== x)
      batch(() => {
        setActive(ca);
        setExtent(cx);
      });
  });

  // --- widths and virtualizers -----------------------------------------------------------------
  const [dragWidth, setDragWidth] = createSignal<{ id: string; w: number }>();
  const widthOf = (col: Column | undefined) => {
    if (!col) return 0;
    const d = dragWidth();
    return d && d.id === col.id ? d.w : col.width;
  };
  const frozen = () => visibleCols()[0];
  const leftW = () => ROWNUM_W + widthOf(frozen());

  const rowV = createVirtualizer<HTMLDivElement, HTMLDivElement>({
    get count() {
      return rowCount();
    },
    getScrollElement: () => scroller,
    estimateSize: () => ROW_H,
    overscan: 6,
    paddingStart: HEAD_H,
    scrollPaddingStart: HEAD_H,
    get rangeExtractor() {
      const r = active().r;
      return (rg: Range) => withIndex(rg, r);
    },
  });
  const colV = createVirtualizer<HTMLDivElement, HTMLDivElement>({
    horizontal: true,
    get count() {
      return Math.max(0, visibleCols().length - 1);
    },
    getScrollElement: () => scroller,
    estimateSize: (i: number) => widthOf(visibleCols()[i + 1]),
    // A new key per width makes the virtualizer measure again after a resize or a column change.
    get getItemKey() {
      const cols = visibleCols();
      dragWidth();
      return (i: number) => {
        const col = cols[i + 1];
        return col ? `${col.id}:${widthOf(col)}` : i;
      };
    },
    overscan: 2,
    get paddingStart() {
      return leftW();
    },
    get scrollPaddingStart() {
      return leftW();
    },
    paddingEnd: ADD_COL_W,
    get rangeExtractor() {
      const c = active().c - 1;
      return (rg: Range) => withIndex(rg, c);
    },
  });
  const totalW = () => (visibleCols().length > 1 ? colV.getTotalSize() : leftW() + ADD_COL_W);
  const totalH = () => rowV.getTotalSize();
  const pageRows = () => Math.max(1, Math.floor(((scroller?.clientHeight ?? 400) - HEAD_H) / ROW_H) - 1);

  const scrollToCell = (p: CellPos) => {
    rowV.scrollToIndex(p.r);
    if (p.c > 0) colV.scrollToIndex(p.c - 1);
  };
  const focusGrid = () => scroller?.focus({ preventScroll: true });

  const select = (p: CellPos, extend = false) => {
    batch(() => {
      if (extend) setExtent(p);
      else {
        setActive(p);
        setExtent(p);
      }
    });
    scrollToCell(p);
  };

  // --- context keys and the active grid -------------------------------------------------------
  let hasFocus = false;
  createEffect(() => {
    const e = !!editing();
    if (hasFocus || !e) contextKeys.set('gridEditing', e);
  });
  // gridFocus means the grid itself (or a cell editor) has focus — not its find bar or menus, whose
  // text fields keep their own Backspace, Ctrl+A and Ctrl+Z.
  const onFocusIn = (e: FocusEvent) => {
    if (activeGrid() !== controller) setActiveGrid(controller);
    hasFocus = scroller.contains(e.target as Node);
    contextKeys.set('gridFocus', hasFocus);
    contextKeys.set('gridEditing', hasFocus && !!editing());
  };
  const onFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (next && scroller.contains(next)) return;
    hasFocus = false;
    contextKeys.set('gridFocus', false);
    contextKeys.set('gridEditing', false);
  };

  // --- editing ------------------------------------------------------------------------------------
  const editorId = `${gid}-editor`;
  const focusEditor = () => document.getElementById(editorId)?.focus({ preventScroll: true });

  const valueAt = (p: CellPos): CellValue => {
    const id = rows()[p.r];
    const col = visibleCols()[p.c];
    return id && col ? reader().get(id, col.id) : null;
  };

  const toggleCheckboxes = () => {
    const g = range();
    const cols = visibleCols();
    const target = valueAt(active()) !== true;
    const edits: { row: RowId; col: string; value: CellValue }[] = [];
    for (let r = g.r0; r <= Math.min(g.r1, rows().length - 1); r++)
      for (let c = g.c0; c <= g.c1; c++) if (cols[c]?.type === 'checkbox') edits.push({ row: rows()[r]!, col: cols[c]!.id, value: target });
    if (edits.length) setCells(book, props.sheet, edits);
    else if (active().r >= rows().length && cols[active().c]?.type === 'checkbox') writeBlock(book, props.sheet, rows(), cols, active(), [['TRUE']], undefined, textOpts());
  };

  /** Opens the active cell's editor. `typed` starts it empty (typing replaces the content, as in Excel). */
  const startEdit = (mode: 'enter' | 'edit', typed?: string) => {
    const p = active();
    const col = visibleCols()[p.c];
    if (!col) return false;
    if (col.type === 'computed') {
      announce(t('grid.readOnly'));
      return false;
    }
    // Staff mode: a masked phone or address is read-only (the new-row line stays typeable).
    const rowId = rows()[p.r];
    if (rowId && isMasked(props.sheet, rowId, col)) {
      announce(t('trust.staff.maskedCell'));
      return false;
    }
    if (col.type === 'checkbox' && typed === undefined) {
      toggleCheckboxes();
      return false;
    }
    const value = valueAt(p);
    const initial = editText(value);
    let kind: EditKind = 'text';
    if (typed === undefined) {
      if (col.type === 'date' && (value === null || (typeof value === 'string' && isIsoDate(value)))) kind = 'date';
      else if (col.type === 'select' && col.options.length > 0) kind = 'select';
    }
    batch(() => {
      setExtent(p);
      setEditing({ r: p.r, c: p.c, draft: typed ?? initial, initial: typed === undefined ? initial : '\u0000', mode, kind });
    });
    scrollToCell(p);
    focusEditor();
    return true;
  };

  const commitEdit = (move?: 'up' | 'down' | 'left' | 'right', refocus = true) => {
    const e = editing();
    if (!e) return;
    setEditing(undefined);
    if (e.draft !== e.initial) writeBlock(book, props.sheet, rows(), visibleCols(), { r: e.r, c: e.c }, [[e.draft]], undefined, textOpts());
    if (move) {
      const size = { rows: rowCount(), cols: visibleCols().length };
      const from = { r: e.r, c: e.c };
      const to =
        move === 'left' || move === 'right'
          ? tabFrom(from, move === 'left', size)
          : clampPos({ r: from.r + (move === 'down' ? 1 : -1), c: from.c }, size.rows, size.cols);
      select(to);
    }
    if (refocus) focusGrid();
  };
  const cancelEdit = () => {
    setEditing(undefined);
    focusGrid();
  };

  const onEditorKey = (e: KeyboardEvent) => {
    const ed = editing();
    if (!ed || e.isComposing || e.keyCode === 229) return;
    switch (e.key) {
      case 'Enter':
        if (e.altKey) return;
        e.preventDefault();
        commitEdit(e.shiftKey ? 'up' : 'down');
        return;
      case 'Tab':
        e.preventDefault();
        commitEdit(e.shiftKey ? 'left' : 'right');
        return;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        cancelEdit();
        return;
      case 'F2':
        e.preventDefault();
        setEditing({ ...ed, mode: ed.mode === 'enter' ? 'edit' : 'enter' });
        return;
      case 'ArrowUp':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowRight':
        if (ed.mode === 'enter' && ed.kind === 'text') {
          e.preventDefault();
          commitEdit(({ ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' } as const)[e.key]);
        }
        return;
    }
  };
  const onEditorFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (next && (e.currentTarget as HTMLElement).contains(next)) return;
    // Clicking elsewhere commits, as in Excel; focus goes where the person clicked.
    commitEdit(undefined, false);
  };

  // --- block actions ------------------------------------------------------------------------------
  const selectionText = () => {
    const g = range();
    const cols = visibleCols();
    const ids = rows();
    const text = rangeToText(book, props.sheet, ids, cols, g);
    // Staff mode: what is copied is what is shown.
    if (staffMasking())
      text.forEach((line, i) =>
        line.forEach((v, j) => {
          const col = cols[g.c0 + j];
          if (col && isMasked(props.sheet, ids[g.r0 + i], col)) line[j] = maskValue(col, v);
        }),
      );
    return formatTsv(text);
  };
  /** Columns for block edits (paste, clear, fill): in staff mode private columns are read-only. */
  const editCols = (): readonly Column[] =>
    staffMasking() ? visibleCols().map((c) => (isPrivateColumn(props.sheet, c) ? { ...c, type: 'computed' as const } : c)) : visibleCols();
  const applyPaste = (text: string) => {
    const matrix = parseTsv(text.replace(/\r?\n$/, ''));
    if (!matrix.length) return;
    const g = range();
    const written = writeBlock(book, props.sheet, rows(), editCols(), { r: g.r0, c: g.c0 }, matrix, g, textOpts());
    if (written)
      batch(() => {
        setActive({ r: written.r0, c: written.c0 });
        setExtent({ r: written.r1, c: written.c1 });
      });
  };
  const clearSelection = () => clearRange(book, props.sheet, rows(), editCols(), range());
  const doFillDown = () => fillDown(book, props.sheet, rows(), editCols(), range());
  const selectedRowIds = (): RowId[] => {
    const g = range();
    return rows().slice(g.r0, Math.min(g.r1, rows().length - 1) + 1);
  };
  const deleteSelectedRows = () => {
    const ids = selectedRowIds();
    if (!ids.length || staffMasking()) return;
    trashRows(book, props.sheet, ids);
    announce(t('grid.rowsTrashed', { count: ids.length }));
    select(clampPos({ r: range().r0, c: active().c }, rowCount(), visibleCols().length));
  };
  const selectAll = () =>
    batch(() => {
      setActive({ r: 0, c: 0 });
      setExtent({ r: Math.max(0, rows().length - 1), c: Math.max(0, visibleCols().length - 1) });
    });
  const selectColumn = (c: number, extend: boolean) =>
    batch(() => {
      if (!extend) setActive({ r: 0, c });
      else setActive({ r: 0, c: active().c });
      setExtent({ r: Math.max(0, rows().length - 1), c });
    });
  const selectRow = (r: number, extend: boolean) =>
    batch(() => {
      if (!extend) setActive({ r, c: 0 });
      else setActive({ r: active().r, c: 0 });
      setExtent({ r, c: Math.max(0, visibleCols().length - 1) });
    });

  const undo = () => {
    if (editing()) cancelEdit();
    book.undo();
  };
  const redo = () => {
    if (editing()) cancelEdit();
    book.redo();
  };

  // --- sort, filter, columns ----------------------------------------------------------------------
  const sortBy = (col: string, dir: SortDir | undefined) => saveView({ ...view(), sort: dir ? { col, dir } : undefined });
  const setFilter = (col: string, text: string) => {
    const filters = { ...view().filters };
    if (text) filters[col] = text;
    else delete filters[col];
    saveView({ ...view(), filters });
  };
  const moveCol = (c: number, delta: -1 | 1) => {
    const cols = visibleCols();
    const col = cols[c];
    if (!col) return;
    const target = c + delta;
    if (target < 0 || target >= cols.length) return;
    // Before the neighbour on the left, or before the one after the right neighbour.
    const before = delta < 0 ? cols[target] : cols[target + 1];
    moveColumn(book, props.sheet, col.id, before?.id);
    select({ r: active().r, c: target });
  };
  const insertColumn = (afterC: number, name: string, type: ColumnType) => {
    const cols = visibleCols();
    const before = cols[afterC + 1];
    let id!: string;
    // One transaction: the new column and its position are one undo step.
    book.write('local', () => {
      id = addColumn(book, props.sheet, { name: name.trim() || t('grid.addColumn.defaultName'), type });
      if (before) moveColumn(book, props.sheet, id as Column['id'], before.id);
    });
    const c = visibleCols().findIndex((x) => x.id === id);
    if (c >= 0) select({ r: active().r, c });
  };

  // --- menus ---------------------------------------------------------------------------------------
  const [menu, setMenu] = createSignal<MenuState>();
  const closeMenu = (refocus = true) => {
    setMenu(undefined);
    if (refocus) focusGrid();
  };
  const openHeaderMenu = (c: number, x: number, y: number, panel: Panel = 'main') => {
    if (editing()) commitEdit(undefined, false);
    setMenu({ kind: 'header', c, x, y, panel });
  };
  const openCellMenu = (x: number, y: number) => {
    if (editing()) commitEdit(undefined, false);
    setMenu({ kind: 'cell', c: active().c, x, y, panel: 'main' });
  };
  const menuAtActive = (kind: 'header' | 'cell', panel: Panel = 'main') => {
    const cell = document.getElementById(cellId(kind === 'cell' ? active().r : -1, active().c));
    const r = cell?.getBoundingClientRect() ?? scroller.getBoundingClientRect();
    if (kind === 'header') openHeaderMenu(active().c, r.left, r.bottom, panel);
    else openCellMenu(r.left + 8, r.bottom);
  };

  // --- find ---------------------------------------------------------------------------------------
  const [findOpen, setFindOpen] = createSignal(false);
  const [findText, setFindText] = createSignal('');
  const [findMiss, setFindMiss] = createSignal(false);
  let findInput: HTMLInputElement | undefined;
  const openFind = () => {
    if (editing()) commitEdit(undefined, false);
    setFindOpen(true);
    findInput?.focus();
    findInput?.select();
  };
  const findStep = (back: boolean) => {
    const hit = findNext(reader(), rows(), visibleCols(), active(), findText(), back, shownText);
    setFindMiss(!hit && findText().trim() !== '');
    if (hit) select(hit);
  };

  // --- clipboard (native events: real Excel / Sheets TSV without permissions) ---------------------
  const ownsClipboard = () => !editing() && document.activeElement === scroller;
  const onCopy = (e: ClipboardEvent) => {
    if (!ownsClipboard() || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', selectionText());
    e.preventDefault();
    if (e.type === 'cut') clearSelection();
  };
  const onPaste = (e: ClipboardEvent) => {
    if (!ownsClipboard() || !e.clipboardData) return;
    e.preventDefault();
    applyPaste(e.clipboardData.getData('text/plain'));
  };
  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCopy);
  document.addEventListener('paste', onPaste);
  onCleanup(() => {
    document.removeEventListener('copy', onCopy);
    document.removeEventListener('cut', onCopy);
    document.removeEventListener('paste', onPaste);
  });

  // --- keyboard -----------------------------------------------------------------------------------
  const navigate = (key: NavKey, ctrl: boolean, shift: boolean) => {
    const size = { rows: rowCount(), cols: visibleCols().length, pageRows: pageRows() };
    const isEmpty = (r: number, c: number) => {
      const v = valueAt({ r, c });
      return v === null || v === '' || (Array.isArray(v) && v.length === 0);
    };
    if (shift) {
      const x = moveBy(extent(), key, ctrl, size, isEmpty);
      setExtent(x);
      scrollToCell(x);
    } else {
      const p = moveBy(active(), key, ctrl, size, isEmpty);
      select(p);
      // Going to the first column by keyboard shows the sheet's left edge, as in Excel.
      if (p.c === 0) colV.scrollToOffset(0);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== scroller || e.isComposing) return;
    const key = e.key;
    const ctrl = e.ctrlKey || e.metaKey;
    if (isNavKey(key) && !e.altKey) {
      e.preventDefault();
      navigate(key, ctrl, e.shiftKey);
      return;
    }
    if (key === 'ArrowDown' && e.altKey) {
      e.preventDefault();
      menuAtActive('header');
      return;
    }
    switch (key) {
      case 'Tab':
        e.preventDefault();
        {
          const p = tabFrom(active(), e.shiftKey, { rows: rowCount(), cols: visibleCols().length });
          select(p);
          if (p.c === 0) colV.scrollToOffset(0);
        }
        return;
      case 'Enter': {
        e.preventDefault();
        if (ctrl) {
          const col = visibleCols()[active().c];
          const d = col ? formatCell(col, valueAt(active()), i18n.i18n) : undefined;
          if (d?.href && !(col && isMasked(props.sheet, rows()[active().r], col))) window.open(d.href, '_self');
          return;
        }
        select(clampPos({ r: active().r + (e.shiftKey ? -1 : 1), c: active().c }, rowCount(), visibleCols().length));
        return;
      }
      case 'F2':
        e.preventDefault();
        startEdit('edit');
        return;
      case 'Escape':
        if (findOpen()) setFindOpen(false);
        else setExtent(active());
        return;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        clearSelection();
        return;
      case 'ContextMenu':
        e.preventDefault();
        menuAtActive('cell');
        return;
      case 'F10':
        if (e.shiftKey) {
          e.preventDefault();
          menuAtActive('cell');
        }
        return;
    }
    if (ctrl && !e.altKey) {
      switch (key.toLowerCase()) {
        case 'a':
          selectAll();
          break;
        case 'd':
          doFillDown();
          break;
        case 'f':
          openFind();
          break;
        case 'z':
          if (e.shiftKey) redo();
          else undo();
          break;
        case 'y':
          redo();
          break;
        default:
          return; // Ctrl+C / X / V reach the native clipboard events.
      }
      e.preventDefault();
      return;
    }
    if (key === ' ' && visibleCols()[active().c]?.type === 'checkbox') {
      e.preventDefault();
      toggleCheckboxes();
      return;
    }
    if (key.length === 1 && !(ctrl && !e.altKey)) {
      // Typing replaces the cell's content. The key itself is put in the editor (deterministic);
      // IME and dead keys instead let the browser deliver the composition to the focused editor.
      e.preventDefault();
      startEdit('enter', key);
      return;
    }
    if (key === 'Process' || key === 'Dead' || key === 'Unidentified') startEdit('enter', '');
  };

  // --- pointer: mouse selects on press; touch selects on tap, edits on a second tap, long-press menu
  const cellId = (r: number, c: number) => (r < 0 ? `${gid}-h${c}` : `${gid}-r${r}-c${c}`);
  const posOf = (el: Element | null): CellPos | undefined => {
    const cell = el?.closest<HTMLElement>('[data-cell]');
    if (!cell) return undefined;
    return { r: Number(cell.dataset.r), c: Number(cell.dataset.c) };
  };
  let pointerType = 'mouse';
  let dragSelecting = false;
  let pressTimer: ReturnType<typeof setTimeout> | undefined;
  let pressStart: { x: number; y: number } | undefined;
  let longPressed = false;
  let wasActive = false;
  const clearPress = () => {
    clearTimeout(pressTimer);
    pressTimer = undefined;
  };
  onCleanup(clearPress);

  const onPointerDown = (e: PointerEvent) => {
    const target = e.target as Element;
    if (target.closest('.cl-editor-wrap') || target.closest('.cl-resize')) return;
    pointerType = e.pointerType;
    longPressed = false;
    if (editing()) commitEdit(undefined, false);
    const p = posOf(target);
    wasActive = !!p && isActive(`${p.r}:${p.c}`) && range().r0 === range().r1 && range().c0 === range().c1;
    if (e.pointerType === 'mouse') {
      if (e.button === 0 && p) {
        select(p, e.shiftKey);
        dragSelecting = true;
      } else if (e.button === 2 && p && !inRange(range(), p.r, p.c)) select(p);
      focusGrid();
      return;
    }
    // Touch or pen: wait — this may be the start of a scroll.
    pressStart = { x: e.clientX, y: e.clientY };
    clearPress();
    pressTimer = setTimeout(() => {
      pressTimer = undefined;
      longPressed = true;
      const head = target.closest<HTMLElement>('[data-colhead]');
      if (head) {
        openHeaderMenu(Number(head.dataset.colhead), pressStart!.x, pressStart!.y);
        return;
      }
      if (p && !inRange(range(), p.r, p.c)) select(p);
      focusGrid();
      if (p || target.closest('[data-rowhead]')) openCellMenu(pressStart!.x, pressStart!.y);
    }, LONG_PRESS_MS);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (pressTimer && pressStart && Math.hypot(e.clientX - pressStart.x, e.clientY - pressStart.y) > 10) clearPress();
    if (dragSelecting && e.pointerType === 'mouse' && e.buttons & 1) {
      const p = posOf(e.target as Element);
      if (p) setExtent(p);
    }
  };
  const onPointerUp = () => {
    clearPress();
    dragSelecting = false;
  };
  window.addEventListener('pointerup', onPointerUp);
  window.addEventListener('pointercancel', onPointerUp);
  onCleanup(() => {
    window.removeEventListener('pointerup', onPointerUp);
    window.removeEventListener('pointercancel', onPointerUp);
  });

  const onClick = (e: MouseEvent) => {
    const target = e.target as Element;
    if (target.closest('.cl-editor-wrap') || target.closest('.cl-resize') || target.closest('[data-link]')) return;
    if (longPressed) {
      longPressed = false;
      return;
    }
    const open = target.closest<HTMLElement>('[data-open]');
    if (open) {
      const id = rows()[Number(open.dataset.open)];
      if (id) props.onOpenRow?.(id);
      return;
    }
    const rowHead = target.closest<HTMLElement>('[data-rowhead]');
    if (rowHead) {
      selectRow(Number(rowHead.dataset.rowhead), e.shiftKey);
      focusGrid();
      return;
    }
    if (target.closest('[data-corner]')) {
      selectAll();
      focusGrid();
      return;
    }
    const p = posOf(target);
    if (!p || pointerType === 'mouse') return;
    // A tap: select; a second tap on the selected cell edits (or toggles a checkbox).
    if (wasActive) startEdit('edit');
    else {
      select(p);
      focusGrid();
    }
  };
  const onDblClick = (e: MouseEvent) => {
    const p = posOf(e.target as Element);
    if (!p || pointerType !== 'mouse' || (e.target as Element).closest('.cl-editor-wrap')) return;
    select(p);
    startEdit('edit');
  };
  const onContextMenu = (e: MouseEvent) => {
    const target = e.target as Element;
    if (target.closest('.cl-editor-wrap')) return;
    e.preventDefault();
    if (menu()) return; // a long-press already opened it (Android sends both)
    clearPress();
    longPressed = pointerType !== 'mouse';
    const head = target.closest<HTMLElement>('[data-colhead]');
    if (head) return openHeaderMenu(Number(head.dataset.colhead), e.clientX, e.clientY);
    const p = posOf(target);
    if (p && !inRange(range(), p.r, p.c)) select(p);
    focusGrid();
    openCellMenu(e.clientX, e.clientY);
  };

  // --- header: click selects the column, drag reorders (mouse), edge drag resizes -------------------
  const [colDrag, setColDrag] = createSignal<{ c: number; x: number }>();
  const onHeaderPointerDown = (e: PointerEvent) => {
    const target = e.target as HTMLElement;
    const resize = target.closest<HTMLElement>('.cl-resize');
    if (resize) {
      e.preventDefault();
      e.stopPropagation();
      const col = visibleCols()[Number(resize.dataset.resize)];
      if (!col) return;
      const startX = e.clientX;
      const startW = col.width;
      resize.setPointerCapture(e.pointerId);
      const move = (ev: PointerEvent) => setDragWidth({ id: col.id, w: Math.max(MIN_COL_W, Math.min(MAX_COL_W, startW + ev.clientX - startX)) });
      const up = () => {
        resize.removeEventListener('pointermove', move);
        resize.removeEventListener('pointerup', up);
        resize.removeEventListener('pointercancel', up);
        const d = dragWidth();
        if (d && d.w !== startW) resizeColumn(book, props.sheet, col.id, d.w);
        setDragWidth(undefined);
      };
      resize.addEventListener('pointermove', move);
      resize.addEventListener('pointerup', up);
      resize.addEventListener('pointercancel', up);
      return;
    }
    if (target.closest('button')) return;
    const head = target.closest<HTMLElement>('[data-colhead]');
    if (!head || e.pointerType !== 'mouse' || e.button !== 0) return;
    e.stopPropagation();
    if (editing()) commitEdit(undefined, false);
    const c = Number(head.dataset.colhead);
    const startX = e.clientX;
    let dragging = false;
    const move = (ev: PointerEvent) => {
      if (!dragging && Math.abs(ev.clientX - startX) > 6 && c > 0) dragging = true;
      if (dragging) setColDrag({ c, x: ev.clientX });
    };
    const up = (ev: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      setColDrag(undefined);
      if (!dragging) {
        selectColumn(c, ev.shiftKey);
        focusGrid();
        return;
      }
      const drop = dropIndex(ev.clientX);
      const cols = visibleCols();
      const col = cols[c];
      if (col && drop !== c && drop !== c + 1 && !staffMasking()) {
        moveColumn(book, props.sheet, col.id, cols[drop]?.id);
        const now = visibleCols().findIndex((x) => x.id === col.id);
        select({ r: active().r, c: now });
      }
      focusGrid();
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  /** The column index a dragged header would be inserted before, from the pointer's x. */
  const dropIndex = (clientX: number): number => {
    const rect = scroller.getBoundingClientRect();
    const x = clientX - rect.left + scroller.scrollLeft;
    const cols = visibleCols();
    let left = ROWNUM_W;
    for (let c = 0; c < cols.length; c++) {
      const w = widthOf(cols[c]);
      const start = c === 0 ? scroller.scrollLeft + ROWNUM_W : left;
      if (x < start + w / 2) return Math.max(1, c);
      left += w;
    }
    return cols.length;
  };
  const dropLineX = () => {
    const d = colDrag();
    if (!d) return undefined;
    const i = dropIndex(d.x);
    const cols = visibleCols();
    let x = ROWNUM_W;
    for (let c = 0; c < i; c++) x += widthOf(cols[c]);
    return x;
  };

  // --- the controller others use (status bar, commands, card) -------------------------------------
  const stats = createMemo(() => {
    cellsV();
    return rangeStats(book, props.sheet, rows(), visibleCols(), range());
  });
  const controller: GridController = {
    get sheet() {
      return props.sheet;
    },
    focusCell(row, col, edit) {
      if (editing()) commitEdit(undefined, false);
      let r = rows().indexOf(row);
      if (r < 0 && (hasFilters(view()) || view().sort)) {
        saveView({ ...view(), filters: {} });
        r = rows().indexOf(row);
      }
      if (r < 0) return;
      let c = col ? visibleCols().findIndex((x) => x.id === col) : active().c;
      if (c < 0) c = 0;
      select({ r, c });
      focusGrid();
      if (edit) startEdit('edit');
    },
    stats,
    visibleRowCount: () => rows().length,
    selectedRowIds,
    async copy() {
      await navigator.clipboard.writeText(selectionText());
    },
    async cut() {
      await navigator.clipboard.writeText(selectionText());
      clearSelection();
    },
    paste(text) {
      if (text !== undefined) return applyPaste(text);
      navigator.clipboard.readText().then(applyPaste, () => announce(t('grid.pasteHint')));
    },
    fillDown: () => void doFillDown(),
    clearSelection: () => void clearSelection(),
    find: openFind,
    deleteSelectedRows,
    sortActiveColumn(dir) {
      const col = visibleCols()[active().c];
      if (col) sortBy(col.id, dir);
      else if (!dir) saveView({ ...view(), sort: undefined });
    },
    clearFilters: () => saveView({ ...view(), filters: {} }),
    hideActiveColumn() {
      const col = visibleCols()[active().c];
      if (col && visibleCols().length > 1) setColumnHidden(book, props.sheet, col.id, true);
    },
    showAllColumns() {
      const hidden = columns().filter((c) => c.hidden);
      if (hidden.length) book.write('local', () => hidden.forEach((c) => setColumnHidden(book, props.sheet, c.id, false)));
    },
    renameActiveColumn: () => menuAtActive('header', 'rename'),
    addColumn: () => menuAtActive('header', 'add'),
    selectAll,
  };
  onMount(() => {
    if (!activeGrid()) setActiveGrid(controller);
  });
  createEffect(() => {
    if (activeGrid() !== controller) return;
    const a = active();
    const id = rows()[a.r];
    const cl = visibleCols()[a.c];
    setLocalCursor(id && cl ? { sheet: props.sheet, row: id, col: cl.id } : undefined);
  });
  onCleanup(() => {
    if (activeGrid() === controller) setActiveGrid(undefined);
    if (hasFocus) {
      contextKeys.set('gridFocus', false);
      contextKeys.set('gridEditing', false);
    }
  });

  // --- rendering ----------------------------------------------------------------------------------
  const Cell = (p: { r: number; c: number; left?: () => number; width?: () => number; rowId: () => RowId | undefined }) => {
    const col = () => visibleCols()[p.c];
    const key = `${p.r}:${p.c}`;
    const display = createMemo<CellDisplay>(() => {
      cellsV();
      i18n.locale();
      const cl = col();
      const id = p.rowId();
      if (!cl) return { text: '', invalid: false, numeric: false };
      if (cl.type === 'computed' && props.computed) return id ? (props.computed.version(), props.computed.display(id, cl.id)) : { text: '', invalid: false, numeric: false };
      const d = formatCell(cl, id ? reader().get(id, cl.id) : null, i18n.i18n);
      // Staff mode: only the shown text is masked; the stored value is untouched.
      return d.text && isMasked(props.sheet, id, cl) ? { text: maskValue(cl, d.text), invalid: false, numeric: false } : d;
    });
    const selected = () => inRange(range(), p.r, p.c);
    const remote = () => {
      const id = p.rowId();
      const cl = col();
      return id && cl ? remoteHere().get(`${id}/${cl.id}`) : undefined;
    };
    const frozenCell = p.c === 0;
    return (
      <div
        role="gridcell"
        id={cellId(p.r, p.c)}
        data-cell=""
        data-r={p.r}
        data-c={p.c}
        aria-colindex={p.c + 2}
        aria-selected={selected() ? 'true' : 'false'}
        aria-invalid={display().invalid ? 'true' : undefined}
        aria-readonly={col()?.type === 'computed' || (!!p.rowId() && !!col() && isMasked(props.sheet, p.rowId(), col()!)) ? 'true' : undefined}
        class="cl-cell"
        classList={{
          'cl-cell--frozen': frozenCell,
          'cl-cell--selected': selected(),
          'cl-cell--active': isActive(key),
          'cl-cell--invalid': display().invalid,
          'cl-cell--num': display().numeric,
          'cl-cell--check': col()?.type === 'checkbox',
          'cl-cell--editing': isEditing(key),
          'cl-cell--remote': !!remote(),
        }}
        title={remote()?.name}
        style={{
          ...(frozenCell ? { width: px(widthOf(col())) } : { left: px(p.left!()), width: px(p.width!()) }),
          ...(remote() ? { '--cl-remote': remote()!.color } : {}),
        }}
      >
        <Show when={isEditing(key) && editing() && col()} fallback={<CellContent display={display()} type={col()?.type ?? 'text'} t={t} />}>
          <CellEditor
            id={editorId}
            edit={editing()!}
            col={col()!}
            label={t('grid.editor.label', { column: colName(col()!) })}
            t={t}
            onDraft={(draft) => {
              const ed = editing();
              if (ed) setEditing({ ...ed, draft });
            }}
            onKind={(kind) => {
              const ed = editing();
              if (ed) setEditing({ ...ed, kind, draft: '' });
              queueMicrotask(focusEditor);
            }}
            onKeyDown={onEditorKey}
            onFocusOut={onEditorFocusOut}
          />
        </Show>
      </div>
    );
  };

  const Row = (p: { item: { index: number; start: number } }) => {
    const r = p.item.index;
    const rowId = () => rows()[r];
    onMount(() => {
      if (!dataMarked && rowId()) {
        dataMarked = true;
        performance.mark('clientela:grid-data');
      }
    });
    return (
      <div
        role="row"
        aria-rowindex={r + 2}
        aria-label={rowId() ? undefined : t('grid.newRow')}
        class="cl-row"
        classList={{ 'cl-row--new': !rowId(), 'cl-row--active': isActiveRow(r) }}
        style={{ transform: `translateY(${p.item.start}px)`, width: px(totalW()) }}
      >
        <div role="rowheader" aria-colindex="1" class="cl-rowhead" data-rowhead={r} classList={{ 'cl-rowhead--sel': r >= range().r0 && r <= range().r1 }}>
          <Show when={rowId()} fallback={<span class="cl-rowhead__num" aria-label={t('grid.newRow')}>+</span>}>
            <span class="cl-rowhead__num">{r + 1}</span>
          </Show>
          <Show when={props.onOpenRow && rowId() && isActiveRow(r)}>
            <button type="button" class="cl-rowhead__open" data-open={r} tabindex="-1" aria-label={t('grid.openCard', { row: r + 1 })} title={t('grid.menu.openCard')}>
              ↗
            </button>
          </Show>
        </div>
        <Show when={visibleCols().length > 0}>
          <Cell r={r} c={0} rowId={rowId} />
        </Show>
        <For each={colV.getVirtualItems()}>{(ci) => <Cell r={r} c={ci.index + 1} left={() => ci.start} width={() => ci.size} rowId={rowId} />}</For>
      </div>
    );
  };

  const HeaderCell = (p: { c: number; left?: () => number; width?: () => number }) => {
    const col = () => visibleCols()[p.c];
    const sorted = () => {
      const s = view().sort;
      return s && col() && s.col === col()!.id ? s.dir : undefined;
    };
    const filtered = () => !!col() && !!view().filters[col()!.id]?.trim();
    const colSelected = () => p.c >= range().c0 && p.c <= range().c1;
    return (
      <div
        role="columnheader"
        aria-label={col() ? colName(col()!) : ''}
        id={cellId(-1, p.c)}
        aria-colindex={p.c + 2}
        aria-sort={sorted() === 'asc' ? 'ascending' : sorted() === 'desc' ? 'descending' : undefined}
        data-colhead={p.c}
        class="cl-colhead"
        classList={{ 'cl-colhead--frozen': p.c === 0, 'cl-colhead--sel': colSelected(), 'cl-colhead--dragging': colDrag()?.c === p.c }}
        style={p.c === 0 ? { width: px(widthOf(col())) } : { left: px(p.left!()), width: px(p.width!()) }}
        title={col() ? `${colName(col()!)} · ${t(`columnType.${col()!.type}`)}` : undefined}
      >
        <span class="cl-colhead__name">{col() ? colName(col()!) : ''}</span>
        <Show when={sorted()}>
          <span class="cl-colhead__icon" aria-hidden="true">
            {sorted() === 'asc' ? '↑' : '↓'}
          </span>
        </Show>
        <Show when={filtered()}>
          <span class="cl-colhead__icon cl-colhead__icon--filter" aria-hidden="true" title={t('grid.filter.active')}>
            <svg width="12" height="12" viewBox="0 0 16 16" fill="currentColor">
              <path d="M1.5 2h13l-5 6.2V13l-3 1.5V8.2z" />
            </svg>
          </span>
        </Show>
        <button
          type="button"
          class="cl-colhead__menu"
          tabindex="-1"
          aria-haspopup="menu"
          aria-label={t('grid.columnMenu', { name: col() ? colName(col()!) : '' })}
          onClick={(e) => {
            const r = (e.currentTarget.closest('[data-colhead]') as HTMLElement).getBoundingClientRect();
            openHeaderMenu(p.c, r.left, r.bottom);
          }}
        >
          ▾
        </button>
        <div class="cl-resize" data-resize={p.c} aria-hidden="true" />
      </div>
    );
  };

  const headerMenuItems = (c: number): MenuItem[] => {
    const col = visibleCols()[c];
    if (!col) return [];
    const s = view().sort;
    const cols = visibleCols();
    const anyHidden = columns().some((x) => x.hidden);
    const items: MenuItem[] = [
      { label: t('grid.cmd.sortAscending'), run: () => sortBy(col.id, 'asc'), checked: s?.col === col.id && s.dir === 'asc' },
      { label: t('grid.cmd.sortDescending'), run: () => sortBy(col.id, 'desc'), checked: s?.col === col.id && s.dir === 'desc' },
    ];
    if (s) items.push({ label: t('grid.cmd.clearSort'), run: () => sortBy(col.id, undefined) });
    items.push({ kind: 'separator' }, { label: t('grid.menu.filter'), run: () => setMenu({ ...menu()!, panel: 'filter' }), keepOpen: true });
    if (view().filters[col.id]) items.push({ label: t('grid.menu.clearFilter'), run: () => setFilter(col.id, '') });
    // Staff mode: column changes are the owner's.
    if (staffMasking()) return items;
    items.push(
      { kind: 'separator' },
      { label: t('grid.menu.rename'), run: () => setMenu({ ...menu()!, panel: 'rename' }), keepOpen: true },
      { label: t('grid.menu.changeType'), run: () => setMenu({ ...menu()!, panel: 'types' }), keepOpen: true },
      { label: t('grid.menu.insertRight'), run: () => setMenu({ ...menu()!, panel: 'add' }), keepOpen: true },
      { label: t('grid.menu.moveLeft'), run: () => moveCol(c, -1), disabled: c === 0 },
      { label: t('grid.menu.moveRight'), run: () => moveCol(c, 1), disabled: c >= cols.length - 1 },
      { kind: 'separator' },
      { label: t('grid.cmd.hideColumn'), run: () => setColumnHidden(book, props.sheet, col.id, true), disabled: cols.length <= 1 },
    );
    if (anyHidden) items.push({ label: t('grid.cmd.showAllColumns'), run: () => controller.showAllColumns!() });
    return items;
  };
  const cellMenuItems = (): MenuItem[] => {
    const id = rows()[active().r];
    const items: MenuItem[] = [
      { label: t('grid.cmd.cut'), hint: 'Ctrl+X', run: () => void controller.cut().catch(() => undefined) },
      { label: t('grid.cmd.copy'), hint: 'Ctrl+C', run: () => void controller.copy().catch(() => undefined) },
      { label: t('grid.cmd.paste'), hint: 'Ctrl+V', run: () => controller.paste() },
      { label: t('grid.cmd.fillDown'), hint: 'Ctrl+D', run: doFillDown },
      { label: t('grid.cmd.clearCells'), hint: 'Del', run: clearSelection },
      { kind: 'separator' },
      { label: t('grid.cmd.deleteRows'), run: deleteSelectedRows, disabled: selectedRowIds().length === 0 || staffMasking() },
    ];
    if (props.onOpenRow && id) items.push({ label: t('grid.menu.openCard'), run: () => props.onOpenRow!(id) });
    if (!staffMasking())
      items.push({ label: t('grid.menu.insertRight'), run: () => setMenu({ ...menu()!, kind: 'header', panel: 'add' }), keepOpen: true });
    return items;
  };

  const MenuPanel = (p: { m: MenuState }) => {
    const col = () => visibleCols()[p.m.c];
    const back = () => setMenu({ ...p.m, panel: 'main' });
    const [name, setName] = createSignal(p.m.panel === 'rename' && col() ? colName(col()!) : '');
    const [type, setType] = createSignal<ColumnType>('text');
    const submit = (e: Event) => {
      e.preventDefault();
      const cl = col();
      if (p.m.panel === 'rename' && cl) renameColumn(book, props.sheet, cl.id, name());
      if (p.m.panel === 'add') insertColumn(p.m.c, name(), type());
      closeMenu();
    };
    switch (p.m.panel) {
      case 'main':
        return <MenuItems items={p.m.kind === 'header' ? headerMenuItems(p.m.c) : cellMenuItems()} onDone={() => closeMenu()} />;
      case 'types':
        return (
          <MenuItems
            items={[
              { label: `← ${t('grid.menu.back')}`, run: back, keepOpen: true },
              { kind: 'separator' },
              ...COLUMN_TYPES.map((ty) => ({
                label: t(`columnType.${ty}`),
                checked: col()?.type === ty,
                run: () => {
                  const cl = col();
                  if (cl && cl.type !== ty) setColumnType(book, props.sheet, cl.id, ty);
                },
              })),
            ]}
            onDone={() => closeMenu()}
          />
        );
      case 'filter':
        return (
          <form class="cl-menu__form" onSubmit={(e) => (e.preventDefault(), closeMenu())}>
            <label class="cl-menu__field">
              <span>{col() ? colName(col()!) : ''}</span>
              <input
                type="search"
                placeholder={t('grid.filter.placeholder')}
                value={col() ? (view().filters[col()!.id] ?? '') : ''}
                onInput={(e) => col() && setFilter(col()!.id, e.currentTarget.value)}
              />
            </label>
            <div class="cl-menu__actions">
              <button type="button" onClick={() => (col() && setFilter(col()!.id, ''), closeMenu())}>
                {t('grid.menu.clearFilter')}
              </button>
              <button type="submit" class="cl-primary">
                {t('common.ok')}
              </button>
            </div>
          </form>
        );
      default:
        return (
          <form class="cl-menu__form" onSubmit={submit}>
            <label class="cl-menu__field">
              <span>{p.m.panel === 'rename' ? t('grid.rename.label') : t('grid.addColumn.name')}</span>
              <input type="text" value={name()} placeholder={p.m.panel === 'add' ? t('grid.addColumn.defaultName') : ''} onInput={(e) => setName(e.currentTarget.value)} />
            </label>
            <Show when={p.m.panel === 'add'}>
              <label class="cl-menu__field">
                <span>{t('grid.addColumn.type')}</span>
                <select onChange={(e) => setType(e.currentTarget.value as ColumnType)}>
                  <For each={COLUMN_TYPES}>{(ty) => <option value={ty}>{t(`columnType.${ty}`)}</option>}</For>
                </select>
              </label>
            </Show>
            <div class="cl-menu__actions">
              <button type="button" onClick={() => closeMenu()}>
                {t('common.cancel')}
              </button>
              <button type="submit" class="cl-primary">
                {p.m.panel === 'add' ? t('grid.addColumn.add') : t('common.ok')}
              </button>
            </div>
          </form>
        );
    }
  };

  return (
    <div ref={root} class="cl-grid-root" onFocusIn={onFocusIn} onFocusOut={onFocusOut}>
      <div
        ref={scroller}
        class="cl-grid"
        role="grid"
        tabindex="0"
        aria-label={t(`sheet.${props.sheet}`)}
        aria-rowcount={rowCount() + 1}
        aria-colcount={visibleCols().length + 1}
        aria-multiselectable="true"
        aria-activedescendant={editing() ? undefined : cellId(active().r, active().c)}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onClick={onClick}
        onDblClick={onDblClick}
        onContextMenu={onContextMenu}
        onMouseDown={(e) => {
          // Keep focus on the grid (not on a link or the text under the pointer).
          const tg = e.target as Element;
          if (tg !== e.currentTarget && !tg.closest('.cl-editor-wrap')) e.preventDefault();
        }}
      >
        <div class="cl-grid__sizer" style={{ width: px(totalW()), height: px(totalH()) }}>
          <div class="cl-grid__head" style={{ width: px(totalW()) }} onPointerDown={onHeaderPointerDown}>
            <div role="row" aria-rowindex="1" class="cl-headrow">
              <div role="columnheader" aria-colindex="1" class="cl-corner" data-corner="" title={t('grid.cmd.selectAll')}>
                <span class="cl-sr">{t('grid.rowHeader')}</span>
              </div>
              <Show when={visibleCols().length > 0}>
                <HeaderCell c={0} />
              </Show>
              <For each={colV.getVirtualItems()}>{(ci) => <HeaderCell c={ci.index + 1} left={() => ci.start} width={() => ci.size} />}</For>
            </div>
            <button
              type="button"
              class="cl-addcol"
              tabindex="-1"
              style={{ left: px(totalW() - ADD_COL_W), ...(staffMasking() ? { display: 'none' } : {}) }}
              aria-label={t('grid.cmd.addColumn')}
              title={t('grid.cmd.addColumn')}
              onClick={(e) => {
                const r = e.currentTarget.getBoundingClientRect();
                openHeaderMenu(Math.max(0, visibleCols().length - 1), r.left, r.bottom, 'add');
              }}
            >
              +
            </button>
            <Show when={dropLineX() !== undefined}>
              <div class="cl-dropline" style={{ left: px(dropLineX()!) }} />
            </Show>
          </div>
          <For each={rowV.getVirtualItems()}>{(item) => <Row item={item} />}</For>
        </div>
      </div>
      <Show when={rows().length === 0}>
        <p class="cl-grid__empty">{hasFilters(view()) ? t('grid.emptyFiltered') : t('grid.empty')}</p>
      </Show>
      <Show when={findOpen()}>
        <div class="cl-find" role="search" aria-label={t('grid.find.label')}>
          <input
            ref={(el) => {
              findInput = el;
              queueMicrotask(() => el.focus());
            }}
            type="search"
            class="cl-find__input"
            aria-label={t('grid.find.label')}
            placeholder={t('grid.find.placeholder')}
            value={findText()}
            aria-invalid={findMiss() ? 'true' : undefined}
            onInput={(e) => {
              setFindText(e.currentTarget.value);
              setFindMiss(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                findStep(e.shiftKey);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setFindOpen(false);
                focusGrid();
              }
            }}
          />
          <span class="cl-find__status" role="status">
            {findMiss() ? t('grid.find.noMatch') : ''}
          </span>
          <button type="button" class="cl-find__btn" aria-label={t('grid.find.prev')} title={t('grid.find.prev')} onClick={() => findStep(true)}>
            ↑
          </button>
          <button type="button" class="cl-find__btn" aria-label={t('grid.find.next')} title={t('grid.find.next')} onClick={() => findStep(false)}>
            ↓
          </button>
          <button
            type="button"
            class="cl-find__btn"
            aria-label={t('grid.find.close')}
            title={t('grid.find.close')}
            onClick={() => {
              setFindOpen(false);
              focusGrid();
            }}
          >
            ×
          </button>
        </div>
      </Show>
      {/* Keyed: each menu state (a new panel) builds a fresh popup, placed and focused again. */}
      <Show when={menu()} keyed>
        {(m) => (
          <Popup
            x={m.x}
            y={m.y}
            role={m.panel === 'main' || m.panel === 'types' ? 'menu' : 'dialog'}
            label={m.kind === 'header' && visibleCols()[m.c] ? t('grid.columnMenu', { name: colName(visibleCols()[m.c]!) }) : t('grid.menu.label')}
            onClose={closeMenu}
          >
            <MenuPanel m={m} />
          </Popup>
        )}
      </Show>
      <div class="cl-sr" aria-live="polite">
        {announcement()}
      </div>
    </div>
  );
}
