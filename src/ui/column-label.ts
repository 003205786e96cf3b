// The name a person sees for a column: the owner's name, else the built-in column's translated
// label, else its id. One rule for the grid, the card, import and export.

import type { Column } from '../core/index';

export function columnLabel(col: Pick<Column, 'name' | 'labelKey' | 'id'>, t: (key: string) => string): string {
  return col.name || (col.labelKey ? t(col.labelKey) : col.id);
}
