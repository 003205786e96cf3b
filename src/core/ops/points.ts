// Redeeming points. A redemption is a purchases row with amount 0 and a negative `points` cell,
// dated the day it happened and linked by the customer's code like any sale (see
// core/analysis/points.ts for how the ledger reads it). Keeping it in the purchases sheet means
// it syncs, can be undone, and shows in the customer's history next to the sales.

import type { Book } from '../doc/book-doc';
import { isIsoDate } from '../../base/date';
import type { RowId } from '../model/types';
import { newRowId } from './rows';
import { ensureBuiltInColumn } from './shop-settings';

export type Redemption = {
  readonly customerCode: string;
  /** Points to take off, a positive whole number. */
  readonly points: number;
  /** ISO date. */
  readonly date: string;
  /** What was given for them ("free tea box"). */
  readonly note?: string;
  /** The balance now, when known: redeeming more than it throws. */
  readonly available?: number;
};

/** Writes one redemption row (one transaction, one undo step); returns its row id. */
export function redeemPoints(book: Book, r: Redemption): RowId {
  if (!Number.isInteger(r.points) || r.points <= 0) throw new RangeError('points must be a positive whole number');
  if (r.available !== undefined && r.points > r.available) throw new RangeError('not enough points');
  if (!r.customerCode.trim()) throw new RangeError('the customer has no code');
  if (!isIsoDate(r.date)) throw new RangeError('date must be YYYY-MM-DD');
  const id = newRowId();
  book.write('local', (w) => {
    ensureBuiltInColumn(book, w, 'purchases', 'points', 'number', 90);
    w.insertRows('purchases', [{ id, values: { date: r.date, customer: r.customerCode.trim(), amount: 0, points: -r.points, items: '', note: r.note ?? '' } }]);
  });
  return id;
}

/** Gives bonus points (a goodwill gesture, a correction): a row with amount 0 and positive points. */
export function grantPoints(book: Book, r: Omit<Redemption, 'available'>): RowId {
  if (!Number.isInteger(r.points) || r.points <= 0) throw new RangeError('points must be a positive whole number');
  if (!r.customerCode.trim()) throw new RangeError('the customer has no code');
  if (!isIsoDate(r.date)) throw new RangeError('date must be YYYY-MM-DD');
  const id = newRowId();
  book.write('local', (w) => {
    ensureBuiltInColumn(book, w, 'purchases', 'points', 'number', 90);
    w.insertRows('purchases', [{ id, values: { date: r.date, customer: r.customerCode.trim(), amount: 0, points: r.points, items: '', note: r.note ?? '' } }]);
  });
  return id;
}
