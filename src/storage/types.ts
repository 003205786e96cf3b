// What storage offers the floors above: the loaded book and whether its writes are on disk.

import type { Event } from '../base/event';
import type { Book } from '../core/index';

export type SaveStatus = 'loading' | 'saving' | 'saved' | 'error';

/** y-indexeddb's database name for the book (benchmarks seed it directly). */
export const BOOK_DB_NAME = 'clientela-book';
/** Dexie database of device-local, rebuildable state. */
export const DEVICE_DB_NAME = 'clientela-device';

export interface BookStorage {
  readonly book: Book;
  /** Resolves once the stored book is loaded into memory (and the schema ensured). */
  readonly whenLoaded: Promise<void>;
  readonly status: SaveStatus;
  readonly onDidChangeStatus: Event<SaveStatus>;
  /** Resolves when every write made so far is committed to IndexedDB. */
  flush(): Promise<void>;
  dispose(): void;
}

/** Device-local state (open tabs, view settings, column widths): never the source of truth. */
export interface DeviceStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * `set` for a page that is going away (`pagehide`): the write is started and committed before this
   * returns, so the browser finishes it after the page is gone. A `set` there is usually lost.
   */
  setNow?(key: string, value: unknown): void;
}
