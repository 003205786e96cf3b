// The columns each sheet starts with. Ids are fixed words so two devices that create a new book
// at the same time create the same columns rather than two copies.

import type { ColumnType, SheetId } from './types';

export type ColumnSeed = { readonly id: string; readonly type: ColumnType; readonly width: number; readonly options?: readonly string[] };

export const DEFAULT_COLUMNS: Readonly<Record<SheetId, readonly ColumnSeed[]>> = {
  customers: [
    { id: 'code', type: 'text', width: 100 },
    { id: 'name', type: 'text', width: 180 },
    { id: 'phone', type: 'phone', width: 190 },
    { id: 'email', type: 'email', width: 220 },
    { id: 'address', type: 'text', width: 220 },
    { id: 'birthday', type: 'date', width: 120 },
    { id: 'tier', type: 'select', width: 110 },
    { id: 'points', type: 'number', width: 90 },
    { id: 'tags', type: 'tags', width: 180 },
    { id: 'notes', type: 'text', width: 240 },
    { id: 'firstSeen', type: 'date', width: 120 },
  ],
  purchases: [
    { id: 'date', type: 'date', width: 120 },
    { id: 'customer', type: 'text', width: 180 },
    { id: 'amount', type: 'currency', width: 110 },
    { id: 'items', type: 'text', width: 260 },
    { id: 'note', type: 'text', width: 240 },
  ],
  contacts: [
    { id: 'date', type: 'date', width: 120 },
    { id: 'customer', type: 'text', width: 180 },
    { id: 'channel', type: 'select', width: 130, options: ['phone', 'sms', 'whatsapp', 'wechat', 'email', 'visit'] },
    { id: 'outcome', type: 'text', width: 200 },
    { id: 'note', type: 'text', width: 240 },
  ],
};

/** The i18n key naming a built-in column. */
export const columnLabelKey = (sheet: SheetId, id: string): string => `column.${sheet}.${id}`;
