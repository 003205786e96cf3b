// Backup files: round trips (plain and encrypted) and strict rejection of anything else.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBook } from '../../../src/core/doc/book-doc';
import { addRows, bookFromState, encodeBookState, ensureBookId, mergeBookState, setCells } from '../../../src/core/index';
import { BackupError, backupFileName, openBackup, readBackupHeader, writeBackup } from '../../../src/io/backup/backup-file';
import { MIN_KDF_ITERATIONS } from '../../../src/io/backup/crypto';
import { readZip, writeZip } from '../../../src/io/backup/zip';

function seeded() {
  const book = createBook();
  book.ensureSchema();
  const ids = addRows(book, 'customers', [{ name: 'José Pérez', phone: '+34600111222' }, { name: '张伟' }]);
  addRows(book, 'purchases', [{ date: '2024-05-01', customer: ids[0]!, amount: 12.5 }]);
  return { book, ids, bookId: ensureBookId(book) };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BackupError) return e.code;
    throw e;
  }
  return 'ok';
}

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures', name)));

describe('backup file', () => {
  it('names files by the local date', () => {
    expect(backupFileName(new Date(2024, 4, 31, 23, 59))).toBe('clientela-backup-2024-05-31.clientela');
  });

  it('round-trips a book without a passphrase, with a readable copy inside a plain zip', async () => {
    const { book, ids, bookId } = seeded();
    const readable = new Uint8Array([9, 8, 7]);
    const bytes = await writeBackup({ state: encodeBookState(book), bookId, now: new Date('2024-06-01T10:00:00Z'), readable: { name: 'clientela-2024-06-01.xlsx', bytes: readable } });
    const names = readZip(bytes).map((e) => e.name);
    expect(names).toEqual(['clientela-backup.json', 'book.yjs', 'clientela-2024-06-01.xlsx']);
    const header = readBackupHeader(bytes);
    expect(header).toMatchObject({ app: 'clientela', format: 1, bookId, encrypted: false, createdAt: '2024-06-01T10:00:00.000Z', rows: { customers: 2, purchases: 1 } });
    const opened = await openBackup(bytes);
    expect(opened.readable).toEqual(readable);
    const copy = bookFromState(opened.state);
    expect(copy.sheet('customers').liveRowIds()).toEqual(ids);
    expect(copy.sheet('customers').get(ids[1]!, 'name')).toBe('张伟');
  });

  it('round-trips encrypted; no passphrase and a wrong one are told apart; nothing readable leaks', async () => {
    const { book, ids, bookId } = seeded();
    const bytes = await writeBackup({ state: encodeBookState(book), bookId, passphrase: 'tienda-2024', readable: { name: 'copy.xlsx', bytes: new TextEncoder().encode('José Pérez') } });
    const header = readBackupHeader(bytes);
    expect(header.encrypted).toBe(true);
    expect(header.kdf?.iterations).toBeGreaterThanOrEqual(600_000);
    expect(readZip(bytes).map((e) => e.name)).toEqual(['clientela-backup.json', 'book.sealed']);
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).not.toContain('Pérez');
    expect(text).not.toContain('600111222');
    expect(await codeOf(openBackup(bytes))).toBe('passphrase-needed');
    expect(await codeOf(openBackup(bytes, 'tienda-2025'))).toBe('wrong-passphrase');
    const opened = await openBackup(bytes, 'tienda-2024');
    expect(bookFromState(opened.state).sheet('customers').get(ids[0]!, 'phone')).toBe('+34600111222');
    expect(new TextDecoder().decode(opened.readable)).toBe('José Pérez');
  }, 30_000);

  it('detects a changed byte anywhere: plain content, sealed content, header', async () => {
    const { book, bookId } = seeded();
    const plain = await writeBackup({ state: encodeBookState(book), bookId });
    const flip = (b: Uint8Array, at: number) => {
      const c = b.slice();
      c[at] = c[at]! ^ 0x40;
      return c;
    };
    // Middle of book.yjs (after the header entry).
    expect(await codeOf(openBackup(flip(plain, plain.length - 200)))).toBe('corrupted');
    expect(await codeOf(openBackup(plain.slice(0, plain.length - 30)))).toBe('corrupted');
    const sealed = await writeBackup({ state: encodeBookState(book), bookId, passphrase: 'x', iterations: MIN_KDF_ITERATIONS });
    expect(await codeOf(openBackup(flip(sealed, sealed.length - 150), 'x'))).toBe('corrupted');
    // A header edited consistently (new CRC) still fails: it is authenticated by AES-GCM.
    const entries = readZip(sealed);
    const h = JSON.parse(new TextDecoder().decode(entries[0]!.data));
    h.createdAt = '2020-01-01T00:00:00.000Z';
    const forged = writeZip([{ name: entries[0]!.name, data: new TextEncoder().encode(JSON.stringify(h)) }, entries[1]!]);
    expect(await codeOf(openBackup(forged, 'x'))).toBe('wrong-passphrase');
  }, 30_000);

  it('rejects foreign files with a clear code', async () => {
    expect(await codeOf(openBackup(fixture('clientes.xlsx')))).toBe('spreadsheet');
    expect(await codeOf(openBackup(fixture('clientes.ods')))).toBe('spreadsheet');
    expect(await codeOf(openBackup(fixture('cashier-gbk.csv')))).toBe('not-backup');
    expect(await codeOf(openBackup(new Uint8Array(0)))).toBe('not-backup');
    const zip = writeZip([{ name: 'photo.jpg', data: new Uint8Array([1, 2, 3]) }]);
    expect(await codeOf(openBackup(zip))).toBe('not-backup');
    const fakeHeader = writeZip([{ name: 'clientela-backup.json', data: new TextEncoder().encode('{"app":"other"}') }]);
    expect(await codeOf(openBackup(fakeHeader))).toBe('not-backup');
  });

  it('refuses newer formats, and a state that is not a book', async () => {
    const { book, bookId } = seeded();
    const bytes = await writeBackup({ state: encodeBookState(book), bookId });
    const entries = readZip(bytes);
    const h = JSON.parse(new TextDecoder().decode(entries[0]!.data));
    const rewrite = (header: object, rest = entries.slice(1)) =>
      writeZip([{ name: 'clientela-backup.json', data: new TextEncoder().encode(JSON.stringify(header)) }, ...rest]);
    expect(await codeOf(openBackup(rewrite({ ...h, format: 2 })))).toBe('newer-format');
    expect(await codeOf(openBackup(rewrite({ ...h, bookId: '../../etc' })))).toBe('corrupted');
    const junk = new Uint8Array([0, 0, 1, 2, 3]);
    const { sha256Hex } = await import('../../../src/io/backup/crypto');
    expect(await codeOf(openBackup(rewrite({ ...h, stateSha256: await sha256Hex(junk) }, [{ name: 'book.yjs', data: junk }])))).toBe('corrupted');
  });

  it('restoring an older backup by merge keeps newer edits (the CRDT merge end to end)', async () => {
    const { book, ids, bookId } = seeded();
    const bytes = await writeBackup({ state: encodeBookState(book), bookId });
    setCells(book, 'customers', [{ row: ids[0]!, col: 'phone', value: '+34699999999' }]);
    const [newer] = addRows(book, 'customers', [{ name: 'Marta' }]);
    const opened = await openBackup(bytes);
    mergeBookState(book, opened.state);
    expect(book.sheet('customers').get(ids[0]!, 'phone')).toBe('+34699999999');
    expect(book.sheet('customers').liveRowIds()).toEqual([...ids, newer]);
  });
});

describe('readable copy', () => {
  it('is a workbook with one sheet per sheet, every column, the live rows', async () => {
    const { book } = seeded();
    const { readableWorkbook } = await import('../../../src/io/backup/readable');
    const XLSX = await import('xlsx');
    const bytes = await readableWorkbook(book, { sheet: (s) => ({ customers: 'Clientes', purchases: 'Compras', contacts: 'Contactos' })[s], column: (c) => c.name || c.id });
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Clientes', 'Compras', 'Contactos']);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Clientes!);
    expect(rows.map((r) => r.name)).toEqual(['José Pérez', '张伟']);
    expect(rows[0]!.phone).toBe('+34600111222');
  });
});
