// Device-local state in Dexie: open tabs, view settings, column widths on this device. Rebuildable,
// never a second source of truth for the book; one small value per key, never bulk per-row writes.

import Dexie, { type Table } from 'dexie';
import { DEVICE_DB_NAME, type DeviceStore } from './types';

type Entry = { key: string; value: unknown };

class DeviceDb extends Dexie {
  kv!: Table<Entry, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ kv: 'key' });
  }
}

export function openDeviceStore(name = DEVICE_DB_NAME): DeviceStore & { close(): void } {
  const db = new DeviceDb(name);
  return {
    async get<T>(key: string) {
      try {
        return (await db.kv.get(key))?.value as T | undefined;
      } catch {
        // Device state is a convenience: a broken store must not stop the book from opening.
        return undefined;
      }
    },
    async set(key, value) {
      await db.kv.put({ key, value });
    },
    setNow(key, value) {
      // A Dexie put here is left to auto-commit after the page is gone: on a reload right after a tab
      // switch it was lost (the tab shown before the switch came back). A plain IndexedDB write,
      // committed at once, is finished by the browser (as the book's own writer does).
      if (!db.isOpen()) return void db.kv.put({ key, value }).catch(() => undefined);
      try {
        const tx = db.backendDB().transaction('kv', 'readwrite');
        tx.objectStore('kv').put({ key, value } satisfies Entry);
        tx.commit?.();
      } catch {
        // Device state is a convenience (see `get`).
      }
    },
    close: () => db.close(),
  };
}

/** An in-memory store for tests and for browsers without IndexedDB. */
export function memoryDeviceStore(): DeviceStore {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
  };
}
