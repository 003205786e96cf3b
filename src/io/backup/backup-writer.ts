// Writes a backup file off the page's thread: the page encodes the state and reads the book into
// plain tables (fast), a throwaway worker (backup.worker.ts) does the slow part — the readable
// .xlsx copy (SheetJS: ~15 s for 550k rows), the checks, the zip and the encryption. The tables
// go over one column per message with a pause between, so no single copy holds the page up for
// long. Without module workers (unit tests in Node) the same code runs in this thread.

import type { CellValue } from '../../core/index';
import type { ExportColumn } from '../export/csv';
import { writeBackup, type BackupInput } from './backup-file';
import { buildReadableWorkbook, type ReadableTable } from './readable';

export type BackupRequest = {
  readonly input: Omit<BackupInput, 'readable'>;
  readonly readable?: { readonly name: string; readonly tables: readonly ReadableTable[] };
};

/** Page → worker, in this order: each table, its columns one by one, then the write. */
export type BackupWorkerRequest =
  | { readonly type: 'table'; readonly name: string; readonly columns: readonly ExportColumn[]; readonly rows: number }
  | { readonly type: 'column'; readonly values: readonly CellValue[] }
  | { readonly type: 'write'; readonly input: Omit<BackupInput, 'readable'>; readonly readableName?: string };
export type BackupWorkerReply = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

type WorkerLike = {
  onmessage: ((e: MessageEvent<BackupWorkerReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(msg: BackupWorkerRequest, transfer?: Transferable[]): void;
  terminate(): void;
};
export type BackupWorkerFactory = () => WorkerLike;

export const createBackupWorker: BackupWorkerFactory = () =>
  new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'clientela-backup' }) as unknown as WorkerLike;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Writes in this thread: what the worker does with the messages it was sent. */
async function writeHere(request: BackupRequest): Promise<Uint8Array> {
  const { input, readable } = request;
  return writeBackup({ ...input, ...(readable ? { readable: { name: readable.name, bytes: await buildReadableWorkbook(readable.tables) } } : {}) });
}

/** The worker's side: collects the tables, then writes the file. */
export function makeBackupReceiver(reply: (msg: BackupWorkerReply, transfer?: Transferable[]) => void): (msg: BackupWorkerRequest) => void {
  const tables: { name: string; columns: readonly ExportColumn[]; rows: number; data: (readonly CellValue[])[] }[] = [];
  return (msg) => {
    if (msg.type === 'table') tables.push({ name: msg.name, columns: msg.columns, rows: msg.rows, data: [] });
    else if (msg.type === 'column') tables[tables.length - 1]?.data.push(msg.values);
    else
      void writeHere({ input: msg.input, ...(msg.readableName !== undefined ? { readable: { name: msg.readableName, tables } } : {}) }).then(
        (bytes) => reply({ ok: true, bytes }, [bytes.buffer]),
        (err: unknown) => reply({ ok: false, message: err instanceof Error ? err.message : String(err) }),
      );
  };
}

/** The bytes of a backup file; `createWorker: null` (or no Worker in this runtime) writes in this thread. */
export async function writeBackupOffThread(request: BackupRequest, createWorker: BackupWorkerFactory | null = typeof Worker === 'undefined' ? null : createBackupWorker): Promise<Uint8Array> {
  if (!createWorker) return writeHere(request);
  const worker = createWorker();
  try {
    const done = new Promise<Uint8Array>((resolve, reject) => {
      worker.onmessage = (e) => (e.data.ok ? resolve(e.data.bytes) : reject(new Error(e.data.message)));
      worker.onerror = (e) => reject(new Error(e.message || 'the backup worker failed'));
    });
    const { input, readable } = request;
    for (const table of readable?.tables ?? []) {
      worker.postMessage({ type: 'table', name: table.name, columns: table.columns, rows: table.rows });
      for (const values of table.data) {
        await pause();
        worker.postMessage({ type: 'column', values });
      }
    }
    await pause();
    // The state was encoded for this save only: move it instead of copying 50 MB (a view into a
    // larger buffer is copied first, so nothing else loses its bytes).
    const s = input.state;
    const state = s.byteOffset === 0 && s.byteLength === s.buffer.byteLength ? s : s.slice();
    worker.postMessage({ type: 'write', input: { ...input, state }, ...(readable ? { readableName: readable.name } : {}) }, [state.buffer]);
    return await done;
  } finally {
    worker.terminate();
  }
}
