// Glue between the book and the analysis: the full compute from a book, and the incremental update
// from a book change (one recorded sale → only that customer is recomputed). Anything it cannot
// apply exactly (a deleted or edited purchase, a changed customer code) asks for a full compute.

import type { Book } from '../doc/book-doc';
import type { BookChange, RowId } from '../model/types';
import { CustomerAnalysis } from './customer-analysis';
import type { Day } from './days';
import { resolveSettings, type AnalysisSettings } from './settings';
import { readContacts, readCustomerRows, readPurchase, readSnapshot, type Snapshot } from './snapshot';

/** Meta key of the shop's analysis rules (written by core/ops/shop-settings.ts). */
export const ANALYSIS_SETTINGS_KEY = 'analysisSettings';
/** Above this many sales in one change, `applyBookChange` asks for a full compute. */
export const MAX_INCREMENTAL_SALES = 2000;

export const settingsOfBook = (book: Book): AnalysisSettings => resolveSettings(book.meta(ANALYSIS_SETTINGS_KEY));

export type BookAnalysis = { readonly snapshot: Snapshot; readonly analysis: CustomerAnalysis };

export function analyzeBook(book: Book, today: Day, settings: AnalysisSettings = settingsOfBook(book)): BookAnalysis {
  const snapshot = readSnapshot(book);
  return { snapshot, analysis: new CustomerAnalysis(snapshot, settings, today) };
}

export type ChangeResult = { readonly full: true } | { readonly full: false; readonly rows: readonly RowId[] };

/**
 * Applies a book change to the analysis when it can be done exactly and cheaply: new purchase rows,
 * any contacts change, edits to customers that keep their code. Otherwise `{ full: true }`: the
 * caller runs `analyzeBook` again (debounced). `rows` are the customer rows whose columns changed.
 */
export function applyBookChange(a: CustomerAnalysis, book: Book, change: BookChange): ChangeResult {
  // Many new sales at once (an import, a first sync bringing 500k) are cheaper as one full compute
  // than one by one: each checks its customer's list, which made a first sync take ~8 s here.
  for (const sc of change.sheets) if (sc.sheet === 'purchases' && (sc.rows?.size ?? 0) > MAX_INCREMENTAL_SALES) return { full: true };
  const rows = new Set<RowId>();
  for (const sc of change.sheets) {
    if (sc.rows === undefined) return { full: true };
    if (sc.sheet === 'purchases') {
      if (!sc.rowsAddedOrRemoved) return { full: true }; // an edit of an existing sale: its old values are gone
      const sheet = book.sheet('purchases');
      for (const id of sc.rows) {
        if (!sheet.has(id) || sheet.deletedAt(id) !== undefined) return { full: true };
        const p = readPurchase(sheet, id);
        if (typeof p === 'string') continue; // skipped as it would be in a full read
        const owner = a.customerByCode(p.customerCode);
        if (owner && a.purchasesOf(owner).some((x) => x.id === id)) return { full: true };
        for (const r of a.addPurchase(p)) rows.add(r);
      }
    } else if (sc.sheet === 'contacts') {
      a.setContacts(readContacts(book.sheet('contacts')));
    } else {
      const sheet = book.sheet('customers');
      for (const id of sc.rows) if (!sheet.has(id) || sheet.deletedAt(id) !== undefined) return { full: true };
      const read = readCustomerRows(sheet, sc.rows);
      for (const id of sc.rows) {
        if (!a.upsertCustomer(read.get(id)!)) return { full: true };
        rows.add(id);
      }
    }
  }
  return { full: false, rows: [...rows] };
}

