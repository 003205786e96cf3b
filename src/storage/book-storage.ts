// Keeps the book in IndexedDB with y-indexeddb, and tells the UI whether every edit is on disk.
//
// y-indexeddb appends each update as a row and, on every start, one more row holding the state the
// document had before loading (a few bytes for our empty start document). It only merges rows once
// 500 have piled up, and only on an edit. We compact on start, in idle time, once more than
// COMPACT_AT rows exist, so a book that is opened often without edits stays small.

import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from 'y-indexeddb';
import * as Y from 'yjs';
import { Emitter } from '../base/event';
import { createBook, labelOrigin } from '../core/doc/book-doc';
import type { Book } from '../core/index';
import { BOOK_DB_NAME, type BookStorage, type SaveStatus } from './types';

export const COMPACT_AT = 100;
/** Updates this big or bigger are stored in the task after their transaction (see below). */
export const DEFER_WRITE_BYTES = 256 * 1024;

type Persistence = IndexeddbPersistence & {
  _dbsize: number;
  db: IDBDatabase | null;
  _storeUpdate: (update: Uint8Array, origin: unknown) => void;
};

export type BookStorageOptions = {
  readonly name?: string;
  /** Ask the browser not to evict our data under storage pressure. */
  readonly persist?: boolean;
  /** Schedules the start-up compaction; tests pass an immediate one. */
  readonly idle?: (fn: () => void) => void;
};

const defaultIdle = (fn: () => void) => {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  if (ric) ric(fn, { timeout: 5000 });
  else setTimeout(fn, 2000);
};

export type OpenedBookStorage = BookStorage & { readonly persistence: IndexeddbPersistence; readonly name: string };

export function openBookStorage(options: BookStorageOptions = {}): OpenedBookStorage {
  const yDoc = new Y.Doc();
  const book: Book = createBook(yDoc);
  const persistence = new IndexeddbPersistence(options.name ?? BOOK_DB_NAME, yDoc) as Persistence;
  labelOrigin(book, persistence, 'storage');

  let status: SaveStatus = 'loading';
  const statusEmitter = new Emitter<SaveStatus>();
  const setStatus = (s: SaveStatus) => {
    if (s !== status) {
      status = s;
      statusEmitter.fire(s);
    }
  };

  // y-indexeddb's own writer leaves each transaction to auto-commit after its request returns to
  // the page; a reload or a closed tab in those few milliseconds aborts it and the edit is gone
  // (seen in 7 of 30 immediate reloads). We write the same row and commit at once, so the browser
  // finishes the write even if the page goes away right after.
  //
  // A big update (an import: 10.8 MB for 50k rows) is written two paints later instead:
  // cloning it into IndexedDB took ~30-45 ms of the import's one long task. Updates after it
  // wait behind it, so rows are stored in order; `flush` (and so "Saved") waits for it too. A tab
  // closed in that moment loses the whole import, never part of it (it is one update), and a
  // `pagehide` writes it at once.
  yDoc.off('update', persistence._storeUpdate);
  let trimTimer: ReturnType<typeof setTimeout> | undefined;
  let queued: Uint8Array[] = [];
  let queuedTimer: ReturnType<typeof setTimeout> | undefined;
  let queuedWritten: Promise<void> | undefined;
  let resolveQueued: (() => void) | undefined;
  const writeRows = (rows: readonly Uint8Array[]) => {
    const db = persistence.db;
    if (!db || rows.length === 0) return;
    const tx = db.transaction(['updates'], 'readwrite');
    const store = tx.objectStore('updates');
    for (const row of rows) store.add(row);
    tx.commit?.();
    persistence._dbsize += rows.length;
    if (persistence._dbsize >= PREFERRED_TRIM_SIZE) {
      clearTimeout(trimTimer);
      trimTimer = setTimeout(() => void storeState(persistence, false), 1000);
    }
  };
  const writeQueued = () => {
    clearTimeout(queuedTimer);
    queuedTimer = undefined;
    const rows = queued;
    const done = resolveQueued;
    queued = [];
    queuedWritten = undefined;
    resolveQueued = undefined;
    writeRows(rows);
    done?.();
  };
  const storeUpdate = (update: Uint8Array, origin: unknown) => {
    if (!persistence.db || origin === persistence) return;
    if (queued.length === 0 && update.byteLength < DEFER_WRITE_BYTES) return writeRows([update]);
    queued.push(update);
    if (queuedTimer === undefined) {
      queuedWritten = new Promise<void>((r) => (resolveQueued = r));
      // Two paints later: not in the frame of the transaction's task, nor in the next one (where
      // the import opens the grid); at the latest after 150 ms (a hidden tab paints nothing).
      queuedTimer = setTimeout(writeQueued, 150);
      const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
      raf?.(() =>
        raf(() => {
          if (queuedTimer !== undefined) {
            clearTimeout(queuedTimer);
            queuedTimer = setTimeout(writeQueued, 0);
          }
        }),
      );
    }
  };
  yDoc.on('update', storeUpdate);
  const onPageHide = () => writeQueued();
  globalThis.addEventListener?.('pagehide', onPageHide);

  /** Resolves after every IndexedDB write queued before the call: a later read-only transaction on
   * the same store cannot start until earlier read-write ones have committed. */
  const flush = (): Promise<void> =>
    persistence.whenSynced.then(
      () =>
        // A big update still waiting for its task is written first (see above).
        (queuedWritten ?? Promise.resolve()).then(
          () =>
            new Promise<void>((resolve, reject) => {
              const db = persistence.db;
              if (!db) return resolve();
              const tx = db.transaction(['updates'], 'readonly');
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
              tx.onabort = () => reject(tx.error);
            }),
        ),
    );

  let writes = 0;
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === persistence || status === 'loading') return;
    const mine = ++writes;
    setStatus('saving');
    flush().then(
      () => {
        if (mine === writes) setStatus('saved');
      },
      () => setStatus('error'),
    );
  };
  // Registered after the writer above, so the write transaction already exists.
  yDoc.on('update', onUpdate);

  const whenLoaded = persistence.whenSynced.then(() => {
    book.ensureSchema();
    setStatus('saved');
    if (options.persist !== false) void globalThis.navigator?.storage?.persist?.().catch(() => false);
    if (persistence._dbsize > COMPACT_AT) (options.idle ?? defaultIdle)(() => void storeState(persistence, true));
  });

  return {
    book,
    persistence,
    name: options.name ?? BOOK_DB_NAME,
    whenLoaded,
    get status() {
      return status;
    },
    onDidChangeStatus: statusEmitter.event,
    flush,
    dispose() {
      writeQueued();
      globalThis.removeEventListener?.('pagehide', onPageHide);
      yDoc.off('update', onUpdate);
      yDoc.off('update', storeUpdate);
      clearTimeout(trimTimer);
      void persistence.destroy();
      book.dispose();
      statusEmitter.dispose();
    },
  };
}

/** Number of rows y-indexeddb keeps for a book (for tests and the benchmark). */
export function storedUpdateCount(storage: { persistence: IndexeddbPersistence }): number {
  return (storage.persistence as Persistence)._dbsize;
}


/**
 * Makes the stored book exactly `state` (a restore that replaces, not merges): the open storage is
 * closed first so nothing of the old book is written after, then the update rows are swapped for the
 * one state in a single IndexedDB transaction (all or nothing). The page must reload afterwards:
 * the in-memory book still holds the old content.
 */
export async function replaceStoredBook(storage: OpenedBookStorage, state: Uint8Array): Promise<void> {
  await storage.flush().catch(() => undefined);
  storage.dispose();
  await storage.persistence.whenSynced.catch(() => undefined);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(storage.name);
    // Same layout as y-indexeddb's, in case the database was removed meanwhile.
    req.onupgradeneeded = () => {
      const d = req.result;
      if (!d.objectStoreNames.contains('updates')) d.createObjectStore('updates', { autoIncrement: true });
      if (!d.objectStoreNames.contains('custom')) d.createObjectStore('custom');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['updates'], 'readwrite');
      const updates = tx.objectStore('updates');
      updates.clear();
      updates.add(state);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('replace aborted'));
    });
  } finally {
    db.close();
  }
}
