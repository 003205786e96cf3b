// What the screen may show in staff mode: phone numbers and addresses are masked ("•••• 4567",
// "••••") except on the row of the customer being served. The trust feature sets these signals;
// the grid, the customer card and the palette read them. Only what is displayed, copied or exported
// changes — the stored value stays as it is, and a masked cell is read-only.

import { createSignal } from 'solid-js';
import type { CellValue, ColumnType, RowId, SheetId } from '../../core/index';

type ColumnLike = { readonly id: string; readonly type: ColumnType };

export const MASK = '••••';

/** Staff mode is on: private columns are masked and owner-only commands are hidden. */
export const [staffMasking, setStaffMasking] = createSignal(false);
/** The customer whose card has "Serve this customer" on: their row is shown in full. */
export const [servedRow, setServedRow] = createSignal<RowId | undefined>(undefined);

/** Columns holding private contact details: every phone column, and the customers' address. */
export function isPrivateColumn(sheet: SheetId, col: ColumnLike): boolean {
  return col.type === 'phone' || (sheet === 'customers' && col.id === 'address');
}

/** "+34 612 345 678" → "•••• 5678": the last 4 digits are enough to confirm a number with the customer. */
export function maskPhone(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (!digits) return text.trim() ? MASK : '';
  return digits.length > 6 ? `${MASK} ${digits.slice(-4)}` : MASK;
}

export function maskAddress(text: string): string {
  return text.trim() ? MASK : '';
}

/** The masked text of a value in a private column (`text` is the value as shown). */
export function maskValue(col: Pick<ColumnLike, 'type'>, text: string): string {
  return col.type === 'phone' ? maskPhone(text) : maskAddress(text);
}

/** Whether a cell is masked right now (reactive: reads the staff-mode and served-row signals). */
export function isMasked(sheet: SheetId, row: RowId | undefined, col: ColumnLike): boolean {
  if (!staffMasking() || !isPrivateColumn(sheet, col)) return false;
  return row === undefined || row !== servedRow();
}

/** For copying and exporting: the masked text when the cell is masked, else undefined. */
export function maskedText(sheet: SheetId, row: RowId | undefined, col: ColumnLike, value: CellValue | string): string | undefined {
  if (!isMasked(sheet, row, col)) return undefined;
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);
  return maskValue(col, text);
}
