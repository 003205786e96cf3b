// What the grid shows, computed from the book without Solid: the rows after this device's sort and
// filter (view state that is never written into the book), and each cell's display text.

import { foldText } from '../../base/text';
import { isValidFor, valueToText, type CellValue, type Column, type RowId, type SheetReader } from '../../core/index';
import type { I18n } from '../../i18n/i18n';

export type SortDir = 'asc' | 'desc';
export type SortSpec = { readonly col: string; readonly dir: SortDir };
/** Device-local view state of one grid: saved under `view:${viewKey}`. */
export type ViewState = { readonly sort?: SortSpec; readonly filters: Readonly<Record<string, string>> };

export const EMPTY_VIEW: ViewState = { filters: {} };

export function isViewState(v: unknown): v is ViewState {
  if (!v || typeof v !== 'object') return false;
  const o = v as { sort?: unknown; filters?: unknown };
  if (o.filters === undefined || typeof o.filters !== 'object' || o.filters === null) return false;
  if (o.sort === undefined) return true;
  const s = o.sort as { col?: unknown; dir?: unknown };
  return typeof s === 'object' && s !== null && typeof s.col === 'string' && (s.dir === 'asc' || s.dir === 'desc');
}

export const hasFilters = (v: ViewState): boolean => Object.values(v.filters).some((f) => f.trim() !== '');

const isEmpty = (v: CellValue): boolean => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A formatter for filter matching (what the person sees), optional. */
export type TextOf = (col: Column, value: CellValue) => string;

/**
 * The rows to show: live rows (never trashed ones), filtered by every column filter ("contains",
 * forgiving case and accents, on the stored text or the shown text) and stably sorted. Empty cells
 * sort last in both directions, as in Excel. Without sort or filter it returns the book's own array.
 */
export function computeView(reader: SheetReader, view: ViewState, locale: string, shownText?: TextOf): readonly RowId[] {
  const live = reader.liveRowIds();
  const filters = Object.entries(view.filters)
    .map(([col, text]) => ({ col: reader.column(col), needle: foldText(text) }))
    .filter((f): f is { col: Column; needle: string } => !!f.col && f.needle !== '');
  const sortCol = view.sort ? reader.column(view.sort.col) : undefined;
  if (filters.length === 0 && !sortCol) return live;

  let rows: readonly RowId[] = live;
  if (filters.length) {
    rows = live.filter((id) =>
      filters.every(({ col, needle }) => {
        const v = reader.get(id, col.id);
        if (isEmpty(v)) return false;
        if (foldText(valueToText(v)).includes(needle)) return true;
        return !!shownText && foldText(shownText(col, v)).includes(needle);
      }),
    );
  }
  if (!sortCol || !view.sort) return rows;
  const dir = view.sort.dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  // Decorate once: reading and classifying each value per comparison would cost log(n) times more.
  const keyed = rows.map((id, i) => {
    const v = reader.get(id, sortCol.id);
    return { id, i, empty: isEmpty(v), num: typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : undefined, text: valueToText(v) };
  });
  keyed.sort((a, b) => {
    if (a.empty !== b.empty) return a.empty ? 1 : -1;
    if (a.empty) return a.i - b.i;
    let d: number;
    // Numbers before text when ascending, after when descending (Excel); empties always last.
    if (a.num !== undefined && b.num !== undefined) d = a.num - b.num;
    else if (a.num !== undefined) d = -1;
    else if (b.num !== undefined) d = 1;
    else d = collator.compare(a.text, b.text);
    return d !== 0 ? d * dir : a.i - b.i;
  });
  return keyed.map((k) => k.id);
}

/**
 * Values of a sheet's read-only `computed` columns, supplied by a feature (the customer analysis):
 * `value` is what sort, filter and find compare, `display` what the cell shows. `version` is read
 * inside computations, so cells follow it when it ticks.
 */
export type ComputedValues = {
  readonly version: () => number;
  value(row: RowId, col: string): CellValue;
  display(row: RowId, col: string): CellDisplay;
};

const computedReaders = new WeakMap<ComputedValues, { base: SheetReader; reader: SheetReader }>();

/** The sheet as the grid reads it: cells of computed columns come from `computed`. */
export function withComputed(base: SheetReader, computed: ComputedValues | undefined): SheetReader {
  if (!computed) return base;
  const hit = computedReaders.get(computed);
  if (hit && hit.base === base) return hit.reader;
  const reader: SheetReader = {
    id: base.id,
    columns: () => base.columns(),
    column: (col) => base.column(col),
    liveRowIds: () => base.liveRowIds(),
    trashRowIds: () => base.trashRowIds(),
    has: (row) => base.has(row),
    deletedAt: (row) => base.deletedAt(row),
    get: (row, col) => (base.column(col)?.type === 'computed' ? computed.value(row, String(col)) : base.get(row, col)),
    row: (row) => base.row(row),
  };
  computedReaders.set(computed, { base, reader });
  return reader;
}

export type CellDisplay = {
  /** The text shown (and the cell's accessible name). */
  readonly text: string;
  readonly invalid: boolean;
  /** Tags shown as chips, when the value is a tag list. */
  readonly chips?: readonly string[];
  /** A tel: or mailto: link for a valid phone or email. */
  readonly href?: string;
  readonly numeric: boolean;
};

const EMPTY_DISPLAY: CellDisplay = { text: '', invalid: false, numeric: false };

/** How a stored value is shown in a column of its type. Invalid values are shown as typed. */
export function formatCell(col: Pick<Column, 'type' | 'options'>, value: CellValue, i18n: Pick<I18n, 'formatNumber' | 'formatCurrency' | 'formatDate'>): CellDisplay {
  if (value === null || value === undefined || value === '') return col.type === 'checkbox' ? { ...EMPTY_DISPLAY, text: '☐' } : EMPTY_DISPLAY;
  const valid = isValidFor(col.type, value, col.options);
  if (!valid) return { text: valueToText(value), invalid: true, numeric: false };
  switch (col.type) {
    case 'number':
      return { text: i18n.formatNumber(value as number), invalid: false, numeric: true };
    case 'currency':
      return { text: i18n.formatCurrency(value as number), invalid: false, numeric: true };
    case 'date':
      return { text: i18n.formatDate(value as string), invalid: false, numeric: false };
    case 'checkbox':
      return { text: value ? '☑' : '☐', invalid: false, numeric: false };
    case 'tags': {
      const chips = value as readonly string[];
      return { text: chips.join(', '), chips, invalid: false, numeric: false };
    }
    case 'phone': {
      const s = value as string;
      return { text: s, href: `tel:${s.replace(/[^\d+]/g, '')}`, invalid: false, numeric: false };
    }
    case 'email': {
      const s = value as string;
      return { text: s, href: `mailto:${s}`, invalid: false, numeric: false };
    }
    default:
      return { text: valueToText(value), invalid: false, numeric: typeof value === 'number' };
  }
}

/** The text an editor starts with for a stored value (dates as ISO, tags comma-separated). */
export const editText = (value: CellValue): string => valueToText(value);

/**
 * The next cell (row-major, wrapping) after `from` whose stored or shown text contains `query`,
 * forgiving case and accents; `from` itself is checked last. Undefined when nothing matches.
 */
export function findNext(
  reader: SheetReader,
  rows: readonly RowId[],
  cols: readonly Column[],
  from: { r: number; c: number },
  query: string,
  back = false,
  shownText?: TextOf,
): { r: number; c: number } | undefined {
  const needle = foldText(query);
  const total = rows.length * cols.length;
  if (!needle || total === 0) return undefined;
  const start = Math.max(0, Math.min(from.r, rows.length - 1)) * cols.length + Math.max(0, Math.min(from.c, cols.length - 1));
  for (let step = 1; step <= total; step++) {
    const k = (((start + (back ? -step : step)) % total) + total) % total;
    const r = Math.floor(k / cols.length);
    const col = cols[k % cols.length]!;
    const v = reader.get(rows[r]!, col.id);
    if (isEmpty(v)) continue;
    if (foldText(valueToText(v)).includes(needle) || (shownText && foldText(shownText(col, v)).includes(needle))) return { r, c: k % cols.length };
  }
  return undefined;
}
