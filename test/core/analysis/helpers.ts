// Small hand-checked books and snapshots for the analysis tests.
import { createBook, type Book } from '../../../src/core/doc/book-doc';
import { addRows } from '../../../src/core/ops/rows';
import { isoToDay } from '../../../src/core/analysis/days';
import type { CustomerSnap, PurchaseSnap, Snapshot } from '../../../src/core/analysis/snapshot';
import { asRowId, type RowValues } from '../../../src/core/model/types';

export const d = (iso: string): number => isoToDay(iso)!;

export function bookWith(customers: RowValues[], purchases: RowValues[] = [], contacts: RowValues[] = []): Book {
  const book = createBook();
  book.ensureSchema();
  if (customers.length) addRows(book, 'customers', customers);
  if (purchases.length) addRows(book, 'purchases', purchases);
  if (contacts.length) addRows(book, 'contacts', contacts);
  return book;
}

let seq = 0;
export function customer(code: string, more: Partial<CustomerSnap> = {}): CustomerSnap {
  return { id: asRowId(`c-${code}`), code, name: `Name ${code}`, phone: '', email: '', birthday: null, tags: [], tier: '', nextContact: undefined, openingPoints: 0, ...more };
}

export function sale(code: string, iso: string, amount: number, more: Partial<PurchaseSnap> = {}): PurchaseSnap {
  return { id: asRowId(`p${++seq}`), customerCode: code, day: d(iso), amount, items: '', ...more };
}

export function snap(customers: CustomerSnap[], purchases: PurchaseSnap[] = [], contacts: Snapshot['contacts'] = []): Snapshot {
  return { customers, purchases, contacts, issues: { badAmount: [], badDate: [], unknownCustomer: [], contactBadDate: [], duplicateCode: [] } };
}
