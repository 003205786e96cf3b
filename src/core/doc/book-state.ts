/**
 * The whole book as bytes, and back: what backups and local snapshots carry. The only place that
 * uses Yjs for this, so io/ and features/ handle a state as an opaque Uint8Array.
 *
 * Merging a state is a CRDT merge: items the book already has are skipped, items it lacks are
 * added, and nothing the book has is removed. Restoring an older backup of the same book therefore
 * never deletes a newer edit; it only brings back what is missing (rows created, cells edited).
 *
 * A book is named by a random `bookId` kept in its meta map, set the first time a backup is made.
 * It lets a restore tell "an older copy of this book" from "another shop's book", which a merge
 * would mix into this one.
 */
import * as Y from 'yjs';
import { randomId } from '../../base/id';
import { SHEET_IDS, type SheetId } from '../model/types';
import { SCHEMA_VERSION, createBook, labelOrigin, yDocOf, type Book } from './book-doc';

export const BOOK_ID_KEY = 'bookId';

/** What a state holds, read without touching the live book. */
export type BookStateInfo = {
  readonly bookId: string | undefined;
  readonly schemaVersion: number;
  /** Rows per sheet, live and in the trash. */
  readonly rows: Readonly<Record<SheetId, number>>;
};

export type StateCheck =
  | { readonly ok: true; readonly info: BookStateInfo }
  | { readonly ok: false; readonly reason: 'not-a-book' | 'newer-schema'; readonly schemaVersion?: number };

/** The full state of the book (every row, edit and deletion it knows), as one Yjs update. */
export function encodeBookState(book: Book): Uint8Array {
  return Y.encodeStateAsUpdate(yDocOf(book));
}

/** Rows ever added to a sheet (live and trashed): a book that had customers never reads 0 here. */
export function rowsEverAdded(book: Book, sheet: SheetId): number {
  const s = book.sheet(sheet);
  return s.liveRowIds().length + s.trashRowIds().length;
}

/** Whether any sheet has (or had) a row: the customers first, so a normal start reads no other sheet. */
export function hasAnyRow(book: Book): boolean {
  return SHEET_IDS.some((s) => rowsEverAdded(book, s) > 0);
}

export function bookIdOf(book: Book): string | undefined {
  const id = book.meta(BOOK_ID_KEY);
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Gives the book its id once (not an undo step); returns it. */
export function ensureBookId(book: Book): string {
  const existing = bookIdOf(book);
  if (existing) return existing;
  const id = randomId();
  book.write('migration', (w) => w.setMeta(BOOK_ID_KEY, id));
  return id;
}

/**
 * Checks that bytes are the state of a Clientela book this version can read: it must decode as a
 * Yjs update and hold a schema version in its meta map. Decoding happens in a throwaway document.
 */
export function checkBookState(state: Uint8Array): StateCheck {
  const yDoc = new Y.Doc();
  try {
    Y.applyUpdate(yDoc, state);
    const yMeta = yDoc.getMap<unknown>('meta');
    const version = yMeta.get('schemaVersion');
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'not-a-book' };
    if (version > SCHEMA_VERSION) return { ok: false, reason: 'newer-schema', schemaVersion: version };
    const book = createBook(yDoc);
    const rows = Object.fromEntries(SHEET_IDS.map((s) => [s, rowsEverAdded(book, s)])) as Record<SheetId, number>;
    const info: BookStateInfo = { bookId: bookIdOf(book), schemaVersion: version, rows };
    book.dispose();
    return { ok: true, info };
  } catch {
    // Yjs throws on bytes that are not an update (a truncated or foreign file).
    return { ok: false, reason: 'not-a-book' };
  } finally {
    yDoc.destroy();
  }
}

/**
 * Merges a checked state into the live book as one transaction, reported to the UI as `remote`
 * (it is not the user's typing, so it is not an undo step either).
 */
export function mergeBookState(book: Book, state: Uint8Array): void {
  const origin = { restore: true };
  labelOrigin(book, origin, 'remote');
  Y.applyUpdate(yDocOf(book), state, origin);
}

/** A separate, in-memory book made from a state (to read a backup before restoring it). */
export function bookFromState(state: Uint8Array): Book {
  const yDoc = new Y.Doc();
  Y.applyUpdate(yDoc, state);
  return createBook(yDoc);
}
