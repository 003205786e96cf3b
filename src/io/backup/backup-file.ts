// The backup file (`clientela-backup-YYYY-MM-DD.clientela`): a plain zip any archive tool opens.
//
//   clientela-backup.json   the header: magic (`app`/`kind`), format version, created-at, book id,
//                           schema version, row counts, encrypted flag and the KDF/cipher params
//   book.yjs                the whole book as one Yjs update (what a restore merges or replaces)
//   clientela-….xlsx        a readable copy, one sheet per sheet, for a person without the app
//
// Encrypted, the last two are zipped together and sealed with AES-GCM into `book.sealed`; the
// header stays readable (it holds no customer data) and is authenticated as GCM's additional data.
//
// Reading is strict: a backup is untrusted input (a file picked by the user may be anything). Every
// failure is a `BackupError` with a code the UI turns into a sentence, and nothing is decoded into
// the book until the whole file has been checked.

import { checkBookState, type BookStateInfo } from '../../core/index';
import { MAX_KDF_ITERATIONS, MIN_KDF_ITERATIONS, decrypt, encrypt, newEncryptionParams, sha256Hex, type CipherParams, type KdfParams } from './crypto';
import { ZipError, looksLikeZip, readZip, writeZip, zipEntryNames, type ZipEntry } from './zip';

export const BACKUP_FORMAT = 1;
export const BACKUP_EXTENSION = '.clientela';
export const BACKUP_MIME = 'application/vnd.clientela.backup+zip';
/** The largest backup we read (a 50k-customer, 500k-purchase book is ~50 MB of state). */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

const HEADER_NAME = 'clientela-backup.json';
const STATE_NAME = 'book.yjs';
const SEALED_NAME = 'book.sealed';

export type BackupErrorCode =
  /** Not a zip, or a zip without our header. */
  | 'not-backup'
  /** A spreadsheet (.xlsx/.ods): something to import, not to restore. */
  | 'spreadsheet'
  /** Our header, but damaged content (checksums, truncation, a state that does not decode). */
  | 'corrupted'
  /** Made by a newer Clientela (file format or book schema). */
  | 'newer-format'
  | 'passphrase-needed'
  | 'wrong-passphrase'
  | 'too-large';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'BackupError';
  }
}

export type BackupHeader = {
  readonly app: 'clientela';
  readonly kind: 'backup';
  readonly format: number;
  /** ISO date-time of the save. */
  readonly createdAt: string;
  readonly bookId: string;
  readonly schemaVersion: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly encrypted: boolean;
  readonly kdf?: KdfParams;
  readonly cipher?: CipherParams;
  /** SHA-256 of book.yjs (inside the sealed part when encrypted). */
  readonly stateSha256: string;
  /** Name of the readable .xlsx copy, when there is one. */
  readonly readable?: string;
};

export type BackupInput = {
  readonly state: Uint8Array;
  readonly bookId: string;
  readonly now?: Date;
  /** The readable copy: an .xlsx workbook's bytes and its file name. */
  readonly readable?: { readonly name: string; readonly bytes: Uint8Array };
  readonly passphrase?: string;
  /** Tests use fewer iterations; never below MIN_KDF_ITERATIONS. */
  readonly iterations?: number;
};

export type OpenedBackup = {
  readonly header: BackupHeader;
  readonly state: Uint8Array;
  readonly info: BookStateInfo;
  readonly readable?: Uint8Array;
};

/** `clientela-backup-2024-05-31.clientela` for a save on that (local) day. */
export function backupFileName(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `clientela-backup-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}${BACKUP_EXTENSION}`;
}

/** The bytes of a backup file. */
export async function writeBackup(input: BackupInput): Promise<Uint8Array> {
  const now = input.now ?? new Date();
  const check = checkBookState(input.state);
  if (!check.ok) throw new Error(`writeBackup: the state is not a book (${check.reason})`);
  const inner: ZipEntry[] = [{ name: STATE_NAME, data: input.state }];
  if (input.readable) inner.push({ name: safeEntryName(input.readable.name), data: input.readable.bytes });
  const base = {
    app: 'clientela' as const,
    kind: 'backup' as const,
    format: BACKUP_FORMAT,
    createdAt: now.toISOString(),
    bookId: input.bookId,
    schemaVersion: check.info.schemaVersion,
    rows: check.info.rows,
    stateSha256: await sha256Hex(input.state),
    ...(input.readable ? { readable: safeEntryName(input.readable.name) } : {}),
  };
  if (input.passphrase === undefined || input.passphrase === '') {
    const header: BackupHeader = { ...base, encrypted: false };
    return writeZip([{ name: HEADER_NAME, data: encodeHeader(header) }, ...inner], now);
  }
  const iterations = Math.max(input.iterations ?? newEncryptionParams().kdf.iterations, MIN_KDF_ITERATIONS);
  const { kdf, cipher } = newEncryptionParams(iterations);
  const header: BackupHeader = { ...base, encrypted: true, kdf, cipher };
  const headerBytes = encodeHeader(header);
  const sealed = await encrypt(writeZip(inner, now), input.passphrase, kdf, cipher, headerBytes);
  return writeZip([{ name: HEADER_NAME, data: headerBytes }, { name: SEALED_NAME, data: sealed }], now);
}

/** Reads and checks the header only (no passphrase needed): to say what a file is before asking. */
export function readBackupHeader(bytes: Uint8Array): BackupHeader {
  return parseContainer(bytes).header;
}

/** Checks and opens a backup; `passphrase` is needed when the header says it is encrypted. */
export async function openBackup(bytes: Uint8Array, passphrase?: string): Promise<OpenedBackup> {
  const { header, headerBytes, entries } = parseContainer(bytes);
  let content = entries;
  if (header.encrypted) {
    const sealed = entries.get(SEALED_NAME);
    if (!sealed || !header.kdf || !header.cipher) throw new BackupError('corrupted', 'sealed part missing');
    if (passphrase === undefined || passphrase === '') throw new BackupError('passphrase-needed');
    // The zip's CRC already proved the sealed bytes intact, so a failure here is the passphrase.
    const plain = await decrypt(sealed, passphrase, header.kdf, header.cipher, headerBytes);
    if (!plain) throw new BackupError('wrong-passphrase');
    content = entriesOf(plain, 'sealed content');
  }
  const state = content.get(STATE_NAME);
  if (!state) throw new BackupError('corrupted', 'book.yjs missing');
  if ((await sha256Hex(state)) !== header.stateSha256) throw new BackupError('corrupted', 'book.yjs checksum');
  const check = checkBookState(state);
  if (!check.ok) throw new BackupError(check.reason === 'newer-schema' ? 'newer-format' : 'corrupted', `state: ${check.reason}`);
  const readable = header.readable ? content.get(header.readable) : undefined;
  return { header, state, info: check.info, ...(readable ? { readable } : {}) };
}

function encodeHeader(header: BackupHeader): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(header, null, 2));
}

/** Entry names we write are plain file names: no folders, nothing an archive tool could misplace. */
function safeEntryName(name: string): string {
  const s = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return s === '' || s === HEADER_NAME || s === STATE_NAME || s === SEALED_NAME ? 'readable.xlsx' : s;
}

function entriesOf(bytes: Uint8Array, what: string): Map<string, Uint8Array> {
  try {
    return new Map(readZip(bytes).map((e) => [e.name, e.data]));
  } catch (e) {
    if (e instanceof ZipError) throw new BackupError('corrupted', `${what}: ${e.message}`);
    throw e;
  }
}

function parseContainer(bytes: Uint8Array): { header: BackupHeader; headerBytes: Uint8Array; entries: Map<string, Uint8Array> } {
  if (bytes.length > MAX_BACKUP_BYTES) throw new BackupError('too-large');
  if (!looksLikeZip(bytes)) throw new BackupError('not-backup', 'not a zip');
  let names: string[];
  try {
    names = zipEntryNames(bytes);
  } catch (e) {
    // A zip whose directory is unreadable: only ours if it starts with our header entry.
    if (startsWithHeaderEntry(bytes)) throw new BackupError('corrupted', e instanceof Error ? e.message : 'zip');
    throw new BackupError('not-backup', 'unreadable zip');
  }
  if (!names.includes(HEADER_NAME)) {
    const spreadsheet = names.includes('[Content_Types].xml') || names.includes('mimetype');
    throw new BackupError(spreadsheet ? 'spreadsheet' : 'not-backup', 'no backup header');
  }
  const entries = entriesOf(bytes, 'container');
  const headerBytes = entries.get(HEADER_NAME)!;
  const header = parseHeader(headerBytes);
  return { header, headerBytes, entries };
}

function startsWithHeaderEntry(bytes: Uint8Array): boolean {
  if (bytes.length < 30 + HEADER_NAME.length) return false;
  const nameLen = bytes[26]! | (bytes[27]! << 8);
  return nameLen === HEADER_NAME.length && new TextDecoder().decode(bytes.subarray(30, 30 + nameLen)) === HEADER_NAME;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isB64 = (v: unknown, min: number): v is string => typeof v === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(v) && v.length >= min && v.length < 200;

function parseHeader(bytes: Uint8Array): BackupHeader {
  let h: unknown;
  try {
    h = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BackupError('corrupted', 'header is not JSON');
  }
  if (!isObj(h) || h.app !== 'clientela' || h.kind !== 'backup') throw new BackupError('not-backup', 'header magic');
  if (typeof h.format !== 'number' || !Number.isInteger(h.format) || h.format < 1) throw new BackupError('corrupted', 'format');
  if (h.format > BACKUP_FORMAT) throw new BackupError('newer-format', `format ${h.format}`);
  const bad = (what: string) => new BackupError('corrupted', `header ${what}`);
  if (typeof h.createdAt !== 'string' || Number.isNaN(Date.parse(h.createdAt))) throw bad('createdAt');
  if (typeof h.bookId !== 'string' || !/^[a-z0-9]{4,64}$/.test(h.bookId)) throw bad('bookId');
  if (typeof h.schemaVersion !== 'number' || !Number.isInteger(h.schemaVersion)) throw bad('schemaVersion');
  if (typeof h.stateSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(h.stateSha256)) throw bad('stateSha256');
  if (!isObj(h.rows) || !Object.values(h.rows).every((n) => typeof n === 'number' && n >= 0)) throw bad('rows');
  if (h.readable !== undefined && (typeof h.readable !== 'string' || h.readable.length > 200)) throw bad('readable');
  if (typeof h.encrypted !== 'boolean') throw bad('encrypted');
  if (h.encrypted) {
    const k = h.kdf;
    const c = h.cipher;
    if (!isObj(k) || k.name !== 'PBKDF2' || k.hash !== 'SHA-256' || !isB64(k.salt, 16)) throw bad('kdf');
    if (typeof k.iterations !== 'number' || !Number.isInteger(k.iterations) || k.iterations < MIN_KDF_ITERATIONS || k.iterations > MAX_KDF_ITERATIONS) throw bad('kdf iterations');
    if (!isObj(c) || c.name !== 'AES-GCM' || !isB64(c.iv, 16)) throw bad('cipher');
  }
  return h as unknown as BackupHeader;
}
