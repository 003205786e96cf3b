// The backup writer: the readable .xlsx copy made from plain tables (live rows, stored columns, real
// dates, formula-like text kept as text), and the hand-off to a worker (the state moved, not
// copied; a failure in the worker reported, the worker always ended).
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createBook } from '../../../src/core/doc/book-doc';
import { addColumn, addRows, bookFromState, encodeBookState, ensureBookId, trashRows } from '../../../src/core/index';
import { openBackup } from '../../../src/io/backup/backup-file';
import { makeBackupReceiver, writeBackupOffThread, type BackupWorkerFactory, type BackupWorkerReply, type BackupWorkerRequest } from '../../../src/io/backup/backup-writer';
import { buildReadableWorkbook, readableTables } from '../../../src/io/backup/readable';

const labels = { sheet: (s: string) => ({ customers: 'Clientes', purchases: 'Compras', contacts: 'Contactos' })[s] ?? s, column: (c: { id: string }) => `col:${c.id}` };

function seeded() {
  const book = createBook();
  book.ensureSchema();
  const ids = addRows(book, 'customers', [{ name: 'José Pérez', phone: '+34600111222' }, { name: '=HYPERLINK("x")' }, { name: 'Borrado' }]);
  trashRows(book, 'customers', [ids[2]!]);
  addRows(book, 'purchases', [{ date: '2024-05-01', customer: ids[0]!, amount: 12.5 }]);
  const extra = addColumn(book, 'customers', { name: 'Ciudad', type: 'text' });
  return { book, ids, extra, bookId: ensureBookId(book) };
}

describe('readable copy', () => {
  it('holds the live rows of every sheet, real dates and formula-like text as text', async () => {
    const { book } = seeded();
    const tables = readableTables(book, labels);
    expect(tables.map((t) => [t.name, t.rows])).toEqual([
      ['Clientes', 2],
      ['Compras', 1],
      ['Contactos', 0],
    ]);
    expect(tables[0]!.columns.some((c) => c.name === 'Ciudad')).toBe(true);
    expect(tables.flatMap((t) => t.columns).some((c) => c.type === 'computed')).toBe(false);

    const wb = XLSX.read(await buildReadableWorkbook(tables), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Clientes', 'Compras', 'Contactos']);
    const customers = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Clientes']!, { raw: true });
    const names = customers.map((r) => Object.values(r)).flat();
    expect(names).toContain('José Pérez');
    expect(names).not.toContain('Borrado');
    // Formula-like text is a plain string cell, never a formula.
    const cells = Object.values(wb.Sheets['Clientes']!).filter((c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 'v' in c);
    const formulaLike = cells.find((c) => String(c.v).includes('HYPERLINK'));
    expect(formulaLike?.t).toBe('s');
    expect(formulaLike?.f).toBeUndefined();
    // The purchase date is a real date cell.
    const purchases = wb.Sheets['Compras']!;
    const dateCell = Object.values(purchases).find((c): c is XLSX.CellObject => typeof c === 'object' && c !== null && (c as XLSX.CellObject).t === 'n' && typeof (c as XLSX.CellObject).w === 'string' && /2024-05-01/.test((c as XLSX.CellObject).w!));
    expect(dateCell).toBeDefined();
  });
});

describe('writing off the page thread', () => {
  /** A stand-in worker: each message goes through a real structured clone with its transfer list to the worker's own receiver. */
  const fakeWorker = (fail?: string) => {
    const calls = { terminated: 0, transferred: 0, messages: [] as string[] };
    const factory: BackupWorkerFactory = () => {
      const w = {
        onmessage: null as ((e: MessageEvent<BackupWorkerReply>) => void) | null,
        onerror: null as ((e: ErrorEvent) => void) | null,
        postMessage(msg: BackupWorkerRequest, transfer: Transferable[] = []) {
          calls.transferred += transfer.length;
          calls.messages.push(msg.type);
          const copy = structuredClone(msg, { transfer });
          if (fail && copy.type === 'write') queueMicrotask(() => w.onmessage?.({ data: { ok: false, message: fail } } as MessageEvent<BackupWorkerReply>));
          else receive(copy);
        },
        terminate: () => void calls.terminated++,
      };
      const receive = makeBackupReceiver((out, transfer) => w.onmessage?.({ data: structuredClone(out, { transfer: transfer ?? [] }) } as MessageEvent<BackupWorkerReply>));
      return w;
    };
    return { factory, calls };
  };

  it('moves the state to the worker and returns a backup that opens', async () => {
    const { book, ids, bookId } = seeded();
    const state = encodeBookState(book);
    const { factory, calls } = fakeWorker();
    const bytes = await writeBackupOffThread({ input: { state, bookId }, readable: { name: 'copia.xlsx', tables: readableTables(book, labels) } }, factory);
    expect(calls.transferred).toBe(1);
    // One message per table and per column, then the write.
    const tables = readableTables(book, labels);
    expect(calls.messages).toEqual([...tables.flatMap((t) => ['table', ...t.data.map(() => 'column')]), 'write']);
    expect(state.byteLength).toBe(0); // moved, not copied
    expect(calls.terminated).toBe(1);
    const opened = await openBackup(bytes);
    expect(opened.header.readable).toBe('copia.xlsx');
    expect(bookFromState(opened.state).sheet('customers').get(ids[0]!, 'name')).toBe('José Pérez');
    expect(XLSX.read(opened.readable!, { type: 'array' }).SheetNames).toContain('Compras');
  });

  it('reports a failure in the worker and still ends it', async () => {
    const { book, bookId } = seeded();
    const { factory, calls } = fakeWorker('out of memory');
    await expect(writeBackupOffThread({ input: { state: encodeBookState(book), bookId } }, factory)).rejects.toThrow('out of memory');
    expect(calls.terminated).toBe(1);
  });
});
