// One entry point from a file's bytes to sheets of raw rows: detects the format from magic bytes
// first and the file name second (shops rename files, and some systems write CSV named .xls), then
// hands the bytes to the right reader. Pure and synchronous; it runs inside the parse worker.

import { ParseError } from '../types';
import type { FileFormat, ParseOptions, ParseResult, ParsedSheet } from '../types';
import { decodeText } from './decode';
import { parseDelimited } from './delimited';
import { looksLikeVcard, parseVcards } from './vcard';
import { readWorkbook } from './workbook';
import { DEFAULT_ZIP_LIMITS, unzippedSize, zipEntries, type ZipLimits } from './zip-guard';

/** A sheet with what the parser learned on the way. */
export type SheetInfo = ParsedSheet & {
  /** Workbooks: hidden by its author (the UI may list it last). */
  readonly hidden?: boolean;
  /** Delimited text: 1-based record numbers of blank lines left out of `rows`. */
  readonly emptyLines?: readonly number[];
};

/** A ParseResult (assignable to it) whose sheets carry the extra details. */
export type ParsedFile = Omit<ParseResult, 'sheets'> & { readonly sheets: readonly SheetInfo[] };

export type ParseGuards = ZipLimits;
export const DEFAULT_GUARDS: ParseGuards = DEFAULT_ZIP_LIMITS;

type Container = 'zip' | 'ole' | 'text';

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, magic: readonly number[]): boolean {
  return b.length >= magic.length && magic.every((m, i) => b[i] === m);
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

function baseName(fileName: string): string {
  const name = fileName.replace(/^.*[\\/]/, '');
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name) || 'Sheet1';
}

function containerOf(b: Uint8Array): Container {
  if (startsWith(b, ZIP_MAGIC) && b.length >= 4 && (b[2] === 3 || b[2] === 5 || b[2] === 7)) return 'zip';
  if (startsWith(b, OLE_MAGIC)) return 'ole';
  return 'text';
}

export function parseBytes(bytes: Uint8Array, fileName: string, opts: ParseOptions = {}, guards: ParseGuards = DEFAULT_GUARDS): ParsedFile {
  if (bytes.length === 0) throw new ParseError('empty');
  const ext = extensionOf(fileName);
  const container = containerOf(bytes);

  if (container === 'zip') {
    const entries = zipEntries(bytes);
    if (!entries) throw new ParseError('corrupt', 'the zip container is incomplete (truncated or damaged)');
    const size = unzippedSize(entries);
    if (size > guards.maxUnzippedBytes) throw new ParseError('tooLarge', `unzips to ${size} bytes`);
    const names = new Set(entries.map((e) => e.name));
    let format: FileFormat;
    if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) format = 'xlsx';
    else if (names.has('content.xml')) format = 'ods';
    else throw new ParseError('unsupported', 'a zip file that is not a workbook');
    return workbookResult(bytes, format);
  }
  if (container === 'ole') return workbookResult(bytes, 'xls');

  if (ext === 'xlsx' || ext === 'ods') {
    // A text file cannot be a zip workbook; most often a download cut short or a renamed CSV.
    if (!looksLikeText(bytes)) throw new ParseError('corrupt', `not a ${ext} file`);
  }
  if (!looksLikeText(bytes)) throw new ParseError('unsupported', 'binary file of an unknown kind');

  const decoded = decodeText(bytes, opts.encoding);
  const encoding = { used: decoded.used, guessed: decoded.guessed };
  const text = decoded.text;
  if (text.trim() === '') throw new ParseError('empty');

  if (ext === 'vcf' || looksLikeVcard(text)) {
    const rows = parseVcards(text);
    if (rows.length <= 1) throw new ParseError('noRows', 'no contacts in the file');
    return { format: 'vcf', encoding, sheets: [{ name: baseName(fileName), rows }] };
  }
  // Excel reads HTML tables and 2003 XML saved as .xls; so can SheetJS.
  if (ext === 'xls' && /^\s*</.test(text.slice(0, 512))) return workbookResult(bytes, 'xls');

  const format: FileFormat = ext === 'tsv' ? 'tsv' : ext === 'csv' ? 'csv' : 'txt';
  const { rows, delimiter, emptyLines } = parseDelimited(text, { delimiter: opts.delimiter, format: format === 'tsv' ? 'tsv' : format });
  if (rows.length === 0) throw new ParseError('noRows');
  return { format, encoding, delimiter, sheets: [{ name: baseName(fileName), rows, emptyLines }] };
}

function workbookResult(bytes: Uint8Array, format: FileFormat): ParsedFile {
  let sheets;
  try {
    sheets = readWorkbook(bytes, format === 'xlsx' || format === 'ods' ? format : 'xls');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) throw new ParseError('unsupported', `password-protected workbook: ${message}`);
    throw new ParseError('corrupt', message);
  }
  if (!sheets.some((s) => s.rows.length > 0)) throw new ParseError('noRows');
  return { format, sheets };
}

/**
 * Text, not some other binary: no NUL bytes (unless UTF-16, which has a BOM or a NUL in every other
 * byte) and few control characters in the first kilobytes.
 */
function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  if (n >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return true;
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) nul++;
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) control++;
  }
  // UTF-16 without BOM: about half the bytes are NUL in ASCII-heavy text.
  if (nul > 0) return nul > n * 0.3 && control < n * 0.02;
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return false; // %PDF
  return control <= n * 0.02;
}
