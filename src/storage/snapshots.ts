// Automatic local snapshots of the book: once a day the whole state is copied into a Dexie database
// of its own, and the last KEEP_SNAPSHOTS are kept. They protect against a mistake made today
// (a bad import, a wrong bulk edit that synced everywhere) — not against losing the device or the
// browser's storage, which only a backup file saved elsewhere does.
//
// The list (date, size, row counts) and the bytes live in two tables, so listing never reads
// megabytes. The state is stored as it is encoded (a Yjs update): restoring is a merge or a replace
// like a backup.

import Dexie, { type Table } from 'dexie';

export const SNAPSHOTS_DB_NAME = 'clientela-snapshots';
export const KEEP_SNAPSHOTS = 7;

export type SnapshotInfo = {
  readonly id: number;
  /** When it was taken (ms). */
  readonly takenAt: number;
  /** The local day it stands for, `YYYY-MM-DD`: one snapshot per day. */
  readonly day: string;
  /** Size of the stored state in bytes. */
  readonly size: number;
  readonly rows: Readonly<Record<string, number>>;
};

type StateRow = { id: number; state: Uint8Array };

class SnapshotsDb extends Dexie {
  info!: Table<SnapshotInfo, number>;
  states!: Table<StateRow, number>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ info: '++id, day, takenAt', states: 'id' });
  }
}

export interface SnapshotStore {
  /** Newest first. */
  list(): Promise<SnapshotInfo[]>;
  state(id: number): Promise<Uint8Array | undefined>;
  /**
   * Takes today's snapshot unless one exists for the day (or always, with `force`: before a
   * replace), then keeps the last `keep`. `encode` is called only when a snapshot is taken
   * (encoding a big book costs a little).
   */
  take(
    encode: () => { state: Uint8Array; rows: Record<string, number> },
    now?: Date,
    opts?: { readonly force?: boolean; readonly keep?: number },
  ): Promise<SnapshotInfo | undefined>;
  remove(id: number): Promise<void>;
  close(): void;
}

export function localDay(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function openSnapshotStore(name = SNAPSHOTS_DB_NAME): SnapshotStore {
  const db = new SnapshotsDb(name);
  return {
    async list() {
      const all = await db.info.orderBy('takenAt').reverse().toArray();
      return all;
    },
    async state(id) {
      return (await db.states.get(id))?.state;
    },
    async take(encode, now = new Date(), opts = {}) {
      const day = localDay(now);
      const keep = opts.keep ?? KEEP_SNAPSHOTS;
      const exists = async () => !opts.force && (await db.info.where('day').equals(day).count()) > 0;
      if (await exists()) return undefined;
      const { state, rows } = encode();
      const taken = await db.transaction('rw', db.info, db.states, async () => {
        // Checked again inside the transaction: two tabs may start at once.
        if (await exists()) return undefined;
        const info = { takenAt: now.getTime(), day, size: state.byteLength, rows } as Omit<SnapshotInfo, 'id'>;
        const id = (await db.info.add(info as SnapshotInfo)) as number;
        await db.states.put({ id, state });
        const old = (await db.info.orderBy('takenAt').reverse().primaryKeys()).slice(keep) as number[];
        if (old.length) {
          await db.info.bulkDelete(old);
          await db.states.bulkDelete(old);
        }
        return { ...info, id };
      });
      return taken;
    },
    async remove(id) {
      await db.transaction('rw', db.info, db.states, async () => {
        await db.info.delete(id);
        await db.states.delete(id);
      });
    },
    close: () => db.close(),
  };
}
