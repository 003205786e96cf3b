// How one row is named outside its grid (the Trash, a customer card's tab, quick open): a
// customer by name (or code), a purchase or contact by its date, customer and main value.

import { foldText } from '../../base/text';
import { valueToText, type Book, type Column, type RowId, type SheetId } from '../../core/index';
import type { ReactiveI18n } from '../../ui/bindings/i18n';
import { formatCell } from '../../ui/grid/view-model';
import { columnLabel as sharedColumnLabel } from '../../ui/column-label';

export const columnLabel = (col: Column, i18n: ReactiveI18n): string => sharedColumnLabel(col, i18n.t);

const cellText = (book: Book, sheet: SheetId, row: RowId, col: string, i18n: ReactiveI18n): string => {
  const c = book.sheet(sheet).column(col);
  const v = book.sheet(sheet).get(row, col);
  return c ? formatCell(c, v, i18n.i18n).text : valueToText(v);
};

/** The row's main title. */
export function rowTitle(book: Book, sheet: SheetId, row: RowId, i18n: ReactiveI18n): string {
  const get = (col: string) => valueToText(book.sheet(sheet).get(row, col)).trim();
  if (sheet === 'customers') return get('name') || get('code') || i18n.t('customers.unnamed');
  const parts = [cellText(book, sheet, row, 'date', i18n), get('customer')].filter(Boolean);
  if (parts.length) return parts.join(' · ');
  // A row of the owner's own columns: its first non-empty cell.
  for (const c of book.sheet(sheet).columns()) {
    const t = cellText(book, sheet, row, c.id, i18n);
    if (t) return t;
  }
  return i18n.t('customers.emptyRow');
}

/** A second line with a few more of the row's values. */
export function rowDetail(book: Book, sheet: SheetId, row: RowId, i18n: ReactiveI18n): string {
  const cols: Record<SheetId, readonly string[]> = {
    customers: ['code', 'phone', 'email'],
    purchases: ['amount', 'items'],
    contacts: ['channel', 'outcome'],
  };
  const title = rowTitle(book, sheet, row, i18n);
  return cols[sheet]
    .map((c) => cellText(book, sheet, row, c, i18n))
    .filter((t) => t && t !== title)
    .join(' · ');
}

/** Rows of `sheet` (purchases, contacts) that belong to the customer, newest date first. */
export function relatedRows(book: Book, sheet: SheetId, customer: RowId): RowId[] {
  const c = book.sheet('customers');
  const keys = new Set([customer as string, valueToText(c.get(customer, 'code')), valueToText(c.get(customer, 'name'))].map(foldText).filter(Boolean));
  const reader = book.sheet(sheet);
  if (!reader.column('customer')) return [];
  const out = reader.liveRowIds().filter((r) => keys.has(foldText(valueToText(reader.get(r, 'customer')))));
  const date = (r: RowId) => valueToText(reader.get(r, 'date'));
  return out.sort((a, b) => (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : 0));
}
