// The one import surface of core for the floors above. No Yjs type crosses it.

export * from './model/types';
export * from './model/values';
export * from './model/columns';
export type { Book, BookWriter, SheetReader, NewRow, ColumnPatch, WriteOrigin } from './doc/book-doc';
export { SCHEMA_VERSION, readColumn } from './doc/book-doc';
export * from './ops/rows';
export * from './ops/columns';
export * from './ops/import';
export type { BookStateInfo, StateCheck } from './doc/book-state';
export { BOOK_ID_KEY, bookFromState, bookIdOf, checkBookState, encodeBookState, ensureBookId, hasAnyRow, mergeBookState, rowsEverAdded } from './doc/book-state';
export * from './analysis/index';
export { ensureBuiltInColumn, readShopSettings, resetShopSettings, writeShopSettings } from './ops/shop-settings';
export { grantPoints, redeemPoints, type Redemption } from './ops/points';
export { clearReminderState, dismissReminder, markReminderDone, reminderStateKey, reminderStates, setNextContact, snoozeReminder, type ContactLog } from './ops/reminders';
export { cellHistory, trackCellHistory, type CellHistoryEntry, type HistoryAuthor } from './doc/cell-history';
