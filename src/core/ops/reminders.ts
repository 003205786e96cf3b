// Done / snoozed / dismissed reminders and follow-up dates, all in the book so the other device
// sees them. Each item's state is its own meta key (`reminder:<item id>`), so two devices acting on
// different items never overwrite each other; acting on the same item, the last action wins.

import type { Book } from '../doc/book-doc';
import { isIsoDate } from '../../base/date';
import { parseReminderState, type ReminderItem, type ReminderState } from '../analysis/reminders';
import type { RowId } from '../model/types';
import { newRowId } from './rows';
import { ensureBuiltInColumn } from './shop-settings';

export const reminderStateKey = (itemId: string): string => `reminder:${itemId}`;

/** The stored state of each item, for `remindersFor`. */
export const reminderStates = (book: Book) => (itemId: string): ReminderState | undefined => parseReminderState(book.meta(reminderStateKey(itemId)));

export type ContactLog = {
  /** phone, sms, whatsapp, wechat, email, visit (the contacts sheet's channel options). */
  readonly channel: string;
  readonly outcome: string;
  readonly note?: string;
  /** ISO date of the contact (today). */
  readonly date: string;
};

/**
 * Marks an item done: writes a Contacts row (date, customer code, channel, outcome, note) and the
 * done state, in one transaction (one undo step). Returns the contacts row id.
 */
export function markReminderDone(book: Book, item: Pick<ReminderItem, 'id' | 'customer'>, log: ContactLog): RowId {
  if (!isIsoDate(log.date)) throw new RangeError('date must be YYYY-MM-DD');
  const code = book.sheet('customers').get(item.customer, 'code');
  const id = newRowId();
  book.write('local', (w) => {
    w.insertRows('contacts', [
      { id, values: { date: log.date, customer: typeof code === 'string' ? code : code === null ? '' : String(code), channel: log.channel, outcome: log.outcome, note: log.note ?? '' } },
    ]);
    w.setMeta(reminderStateKey(item.id), { status: 'done', at: log.date });
  });
  return id;
}

/** Hides an item until `until` (ISO date; it shows again on that day). */
export function snoozeReminder(book: Book, itemId: string, until: string): void {
  if (!isIsoDate(until)) throw new RangeError('until must be YYYY-MM-DD');
  book.write('local', (w) => w.setMeta(reminderStateKey(itemId), { status: 'snoozed', until }));
}

/** Hides an item for good (a new situation makes a new item with another id). */
export function dismissReminder(book: Book, itemId: string, date: string): void {
  book.write('local', (w) => w.setMeta(reminderStateKey(itemId), { status: 'dismissed', at: date }));
}

/** Shows an item again. */
export function clearReminderState(book: Book, itemId: string): void {
  book.write('local', (w) => w.setMeta(reminderStateKey(itemId), null));
}

/** Schedules (or clears, with null) a follow-up: the customer's `nextContact` date. */
export function setNextContact(book: Book, customer: RowId, date: string | null): void {
  if (date !== null && !isIsoDate(date)) throw new RangeError('date must be YYYY-MM-DD');
  book.write('local', (w) => {
    ensureBuiltInColumn(book, w, 'customers', 'nextContact', 'date', 120);
    w.setCell('customers', customer, 'nextContact', date);
  });
}
