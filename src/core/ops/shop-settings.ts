// The shop's analysis rules (tiers, points, value-class cut-offs, lifecycle, churn, reminders),
// stored in the book's meta map so both devices use the same ones, and the built-in columns the
// analysis needs in books created before those columns existed.

import type { Book, BookWriter } from '../doc/book-doc';
import { ANALYSIS_SETTINGS_KEY, settingsOfBook } from '../analysis/book-analysis';
import { resolveSettings, type AnalysisSettings } from '../analysis/settings';
import { columnLabelKey } from '../model/columns';
import type { ColumnType, SheetId } from '../model/types';

export { ANALYSIS_SETTINGS_KEY, settingsOfBook };

/** The shop's rules: what is stored, with defaults for whatever is missing. */
export const readShopSettings = (book: Book): AnalysisSettings => settingsOfBook(book);

/**
 * Stores the rules (one meta value: the last device to save wins as a whole, which is what an
 * owner editing one settings form expects). Values are cleaned by `resolveSettings` first.
 */
export function writeShopSettings(book: Book, settings: AnalysisSettings): void {
  const clean = resolveSettings(JSON.parse(JSON.stringify(settings)));
  book.write('local', (w) => w.setMeta(ANALYSIS_SETTINGS_KEY, JSON.parse(JSON.stringify(clean))));
}

/** Back to the defaults (the tier names follow the owner's language again). */
export function resetShopSettings(book: Book): void {
  book.write('local', (w) => w.setMeta(ANALYSIS_SETTINGS_KEY, null));
}

/**
 * Adds a built-in column (fixed id, i18n label) when the book lacks it, inside the caller's
 * transaction. Fixed ids mean two devices adding it at once add the same column.
 */
export function ensureBuiltInColumn(book: Book, w: BookWriter, sheet: SheetId, id: string, type: ColumnType, width = 110): void {
  const reader = book.sheet(sheet);
  if (reader.column(id)) return;
  const cols = reader.columns();
  const pos = (cols.length ? Math.max(...cols.map((c) => c.pos)) : 0) + 1;
  w.setColumn(sheet, id, { labelKey: columnLabelKey(sheet, id), type, width, hidden: false, options: [], pos });
}
