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
import type { Book, WriteOrigin } from '../core/index';
import { BOOK_DB_NAME, type BookStorage, type SaveStatus } from './types';
import { createWorkerWriter, type BigWriter } from './update-writer';

export const COMPACT_AT = 100;
/** Updates this big or bigger are stored in the task after their transaction (see below). */
export const DEFER_WRITE_BYTES = 256 * 1024;
/** Transactions of this origin (imports) are encoded for storage after their task (see below). */
const BULK_ORIGIN: WriteOrigin = 'import';

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
  /** Writes big rows off the main thread; by default a worker where there are workers, none in
   * Node. `null`: always write on the main thread. */
  readonly bigWriter?: BigWriter | null;
};

let sharedWriter: BigWriter | undefined | null = null;
/** One writer (one worker) for the page's life, made on first use. */
const defaultBigWriter = (): BigWriter | undefined => {
  if (sharedWriter === null) sharedWriter = createWorkerWriter();
  return sharedWriter;
};

/** Tells the page (and the import benchmark) that a queued write has committed, here or in the worker. */
const markStored = (bytes: number, started: number | undefined) => {
  try {
    globalThis.performance?.mark?.('clientela:stored', { detail: { bytes, started } });
  } catch {
    // no user timing here
  }
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
  //
  // An import's transaction is not even encoded in its task: Yjs encodes a transaction for the
  // 'update' listeners inside it (~90 ms of UTF-8 encoding for those 10.8 MB of rows). While nobody
  // but us listens (no sync session open), our listeners step aside for the 'import' origin and the
  // update is made later from the document itself (everything after the state before the import),
  // in a task of its own, and written in the task after that.
  //
  // The big rows are then added to IndexedDB by a worker (update-writer.ts): `store.add` of 10.8 MB
  // costs the calling thread 20-115 ms of cloning and value wrapping in Chromium. The page moves the
  // bytes it owns (its own encode) and copies those Yjs may have handed to other listeners too.
  // "Saved" waits for the worker's transaction; edits made meanwhile wait behind it; if the worker
  // fails, the same content is written here instead (its rows, or, when they were moved, the
  // document's changes since the first queued transaction: a superset, harmless twice). `pagehide`
  // and `dispose` still write everything at once on this thread: a worker may die with the page.
  yDoc.off('update', persistence._storeUpdate);
  const dbName = options.name ?? BOOK_DB_NAME;
  const bigWriter = options.bigWriter === undefined ? defaultBigWriter() : options.bigWriter ?? undefined;
  let disposed = false;
  let trimTimer: ReturnType<typeof setTimeout> | undefined;
  /** A row to write: its bytes (`owned`: made by us, nobody else holds them), or the state before a
   * transaction whose update is made later. */
  type Queued = { bytes?: Uint8Array; owned?: boolean; since?: Map<number, number>; tr?: Y.Transaction };
  let queued: Queued[] = [];
  /** The state before the first queued transaction: everything queued is in the document's changes since. */
  let queuedSince: Map<number, number> | undefined;
  let queuedTimer: ReturnType<typeof setTimeout> | undefined;
  let queuedWritten: Promise<void> | undefined;
  let settleQueued: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  /** Rows handed to the worker and not yet confirmed. */
  let inFlight: { since: Map<number, number> | undefined; done: Promise<void> } | undefined;
  const counted = (rows: number) => {
    persistence._dbsize += rows;
    if (persistence._dbsize >= PREFERRED_TRIM_SIZE && !disposed) {
      clearTimeout(trimTimer);
      trimTimer = setTimeout(() => void storeState(persistence, false), 1000);
    }
  };
  /** Adds `rows` in one transaction on this thread; resolves when it committed. */
  const writeRows = (rows: readonly Uint8Array[]): Promise<void> => {
    const db = persistence.db;
    if (!db || rows.length === 0) return Promise.resolve();
    let tx: IDBTransaction;
    try {
      tx = db.transaction(['updates'], 'readwrite');
      const store = tx.objectStore('updates');
      for (const row of rows) store.add(row);
      tx.commit?.();
    } catch (e) {
      return Promise.reject(e);
    }
    counted(rows.length);
    return new Promise<void>((resolve, reject) => {
      tx.addEventListener('complete', () => resolve());
      tx.addEventListener('abort', () => reject(tx.error ?? new Error('write aborted')));
    });
  };
  /** Everything the document holds that is not in `since` (the whole document without it). */
  const encodeSince = (since: Map<number, number> | undefined) => Y.encodeStateAsUpdate(yDoc, since && Y.encodeStateVector(since));
  const encodeQueued = () => {
    for (const q of queued) {
      if (q.bytes) continue;
      q.bytes = Y.encodeStateAsUpdate(yDoc, Y.encodeStateVector(q.since!));
      q.owned = true;
      q.since = q.tr = undefined;
    }
  };
  /** `atOnce`: encode and write in this task on this thread (closing); otherwise a pending encode
   * gets a task of its own, and big rows go to the worker. */
  const writeQueued = (atOnce?: boolean) => {
    clearTimeout(queuedTimer);
    queuedTimer = undefined;
    if (atOnce === true && inFlight) {
      // Closing while the worker writes: whatever it has not confirmed is written here too, with
      // everything queued after it (all of it is in the changes since the worker's first row).
      const since = inFlight.since;
      inFlight = undefined;
      const settle = settleQueued;
      resetQueue();
      void writeRows([encodeSince(since)]).catch(() => undefined);
      settle?.resolve();
      return;
    }
    if (queued.length === 0 || (atOnce !== true && inFlight)) return; // the worker's answer calls again
    if (atOnce !== true && queued.some((q) => !q.bytes)) {
      encodeQueued();
      queuedTimer = setTimeout(writeQueued, 0);
      return;
    }
    encodeQueued();
    const items = queued;
    const since = queuedSince;
    const settle = settleQueued!;
    resetQueue();
    const rows = items.map((q) => q.bytes!);
    const bytes = rows.reduce((n, r) => n + r.byteLength, 0);
    const started = globalThis.performance?.now?.();
    if (atOnce === true || !bigWriter || bytes < DEFER_WRITE_BYTES) {
      const written = writeRows(rows);
      if (atOnce === true) return settle.resolve();
      written.then(() => {
        markStored(bytes, started);
        settle.resolve();
      }, settle.reject);
      return;
    }
    const transfer = items.filter((q) => q.owned && q.bytes!.byteOffset === 0 && q.bytes!.byteLength === q.bytes!.buffer.byteLength).map((q) => q.bytes!.buffer as ArrayBuffer);
    const done = bigWriter(dbName, rows, transfer).then(
      () => {
        counted(rows.length);
        markStored(bytes, started);
      },
      () => {
        // Written at once on close (above) if the storage is gone by now.
        if (disposed || inFlight?.done !== done) return;
        const intact = rows.every((r) => r.byteLength > 0);
        const fallback = intact ? rows : [encodeSince(since)];
        return writeRows(fallback).then(() => markStored(fallback.reduce((n, r) => n + r.byteLength, 0), started));
      },
    );
    inFlight = { since, done };
    done.then(settle.resolve, settle.reject).finally(() => {
      if (inFlight?.done === done) inFlight = undefined;
      if (queued.length > 0 && queuedTimer === undefined && !disposed) queuedTimer = setTimeout(writeQueued, 0);
    });
  };
  const resetQueue = () => {
    queued = [];
    queuedSince = undefined;
    queuedWritten = undefined;
    settleQueued = undefined;
  };
  const enqueue = (q: Queued, since: Map<number, number> | undefined) => {
    if (queued.length === 0) {
      queuedSince = since;
      queuedWritten = new Promise<void>((resolve, reject) => (settleQueued = { resolve, reject }));
      queuedWritten.catch(() => undefined); // reported through flush (status 'error')
    }
    queued.push(q);
    if (queuedTimer !== undefined) return;
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
  };
  const storeUpdate = (update: Uint8Array, origin: unknown, _doc?: Y.Doc, tr?: Y.Transaction) => {
    if (!persistence.db || origin === persistence) return;
    // A deferred transaction encoded after all (a listener came back before its update was made).
    const late = tr && queued.find((q) => q.tr === tr);
    if (late) {
      late.bytes = update;
      late.since = late.tr = undefined;
      return;
    }
    if (queued.length === 0 && !inFlight && update.byteLength < DEFER_WRITE_BYTES) {
      void writeRows([update]).catch(() => undefined);
      return;
    }
    // Not ours alone: a sync session may hold the same bytes.
    enqueue({ bytes: update, owned: false }, tr && new Map(tr.beforeState));
  };
  yDoc.on('update', storeUpdate);
  const onPageHide = () => writeQueued(true);
  globalThis.addEventListener?.('pagehide', onPageHide);

  /** Resolves after every IndexedDB write queued before the call: a later read-only transaction on
   * the same store cannot start until earlier read-write ones have committed. */
  const flush = (): Promise<void> =>
    persistence.whenSynced.then(() =>
      // Big rows still waiting for their task, or with the worker, are written first (see above).
      Promise.all([inFlight?.done, queuedWritten]).then(
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
  const onUpdate = (_update: Uint8Array | undefined, origin: unknown) => {
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

  // The import's transaction, while our 'update' listeners stand aside (see above).
  let bulk: Y.Transaction | undefined;
  const listenersBack = () => {
    if (!bulk) return;
    bulk = undefined;
    yDoc.on('update', storeUpdate);
    yDoc.on('update', onUpdate);
  };
  const onBeforeTransaction = (tr: Y.Transaction) => {
    // Any other transaction (even one started by an observer of the import's) is encoded as usual.
    if (bulk) return listenersBack();
    // What y-indexeddb reads from disk at start (the whole book: ~300 ms of encoding for 47 MB) was
    // encoded for our listeners only for them to skip it: nothing to store, nothing to encode.
    const fromDisk = tr.origin === persistence;
    if (!fromDisk && (tr.origin !== BULK_ORIGIN || !persistence.db || status === 'loading')) return;
    const listeners = (yDoc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update');
    if (listeners?.size !== 2 || !listeners.has(storeUpdate) || !listeners.has(onUpdate)) return; // a sync session needs the update now anyway
    bulk = tr;
    yDoc.off('update', storeUpdate);
    yDoc.off('update', onUpdate);
  };
  const onAfterTransaction = (tr: Y.Transaction) => {
    if (tr !== bulk || tr.origin === persistence) return;
    const changed = tr.deleteSet.clients.size > 0 || [...tr.afterState].some(([client, clock]) => tr.beforeState.get(client) !== clock);
    if (changed) {
      const since = new Map(tr.beforeState);
      enqueue({ since, tr }, since);
    }
  };
  // After the last cleanup: the import's update check is behind us.
  const onAfterAll = () => {
    if (!bulk) return;
    const tr = bulk;
    listenersBack();
    if (queued.some((q) => q.tr === tr)) onUpdate(undefined, tr.origin);
  };
  yDoc.on('beforeTransaction', onBeforeTransaction);
  yDoc.on('afterTransaction', onAfterTransaction);
  yDoc.on('afterAllTransactions', onAfterAll);

  const whenLoaded = persistence.whenSynced.then(() => {
    book.ensureSchema();
    setStatus('saved');
    if (options.persist !== false) void globalThis.navigator?.storage?.persist?.().catch(() => false);
    if (persistence._dbsize > COMPACT_AT) (options.idle ?? defaultIdle)(() => void storeState(persistence, true));
  });

  return {
    book,
    persistence,
    name: dbName,
    whenLoaded,
    get status() {
      return status;
    },
    onDidChangeStatus: statusEmitter.event,
    flush,
    dispose() {
      writeQueued(true);
      disposed = true;
      yDoc.off('beforeTransaction', onBeforeTransaction);
      yDoc.off('afterTransaction', onAfterTransaction);
      yDoc.off('afterAllTransactions', onAfterAll);
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
