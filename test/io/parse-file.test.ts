// parseBytes: format detection, error codes, and the crafted files (zip bomb, prototype pollution,
// pathological number format).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/io/parse/parse-file';
import { zipEntries } from '../../src/io/parse/zip-guard';
import { ParseError, type ParseErrorCode } from '../../src/io/types';

const FIXTURES = resolve(__dirname, '../fixtures');
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES, name)));

function codeOf(run: () => unknown): ParseErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (e) {
    if (e instanceof ParseError) return e.code;
    throw e;
  }
}

describe('errors', () => {
  it('empty.csv (0 bytes) → empty; only a BOM or blanks → empty', () => {
    expect(codeOf(() => parseBytes(fixture('empty.csv'), 'empty.csv', {}))).toBe('empty');
    expect(codeOf(() => parseBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a]), 'x.csv', {}))).toBe('empty');
  });

  it('broken.xlsx (a truncated download) → corrupt', () => {
    expect(codeOf(() => parseBytes(fixture('broken.xlsx'), 'broken.xlsx', {}))).toBe('corrupt');
  });

  it('zipbomb.xlsx (150 MiB of sheet XML in 150 KB) → tooLarge, refused before inflating', () => {
    const bytes = fixture('zipbomb.xlsx');
    expect(bytes.length).toBeLessThan(200_000);
    const declared = zipEntries(bytes)!.reduce((n, e) => n + e.size, 0);
    expect(declared).toBeGreaterThan(100 * 1024 * 1024);
    const t = performance.now();
    expect(codeOf(() => parseBytes(bytes, 'zipbomb.xlsx', {}))).toBe('tooLarge');
    expect(performance.now() - t).toBeLessThan(100);
  });

  it('a zip that is not a workbook (e.g. .docx) → unsupported; other binaries → unsupported', () => {
    const docx = zipOf({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' });
    expect(codeOf(() => parseBytes(docx, 'carta.docx', {}))).toBe('unsupported');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(codeOf(() => parseBytes(png, 'foto.png', {}))).toBe('unsupported');
    expect(codeOf(() => parseBytes(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'factura.pdf', {}))).toBe('unsupported');
  });

  it('an .xlsx name on non-zip binary bytes → corrupt; a damaged .xls → corrupt', () => {
    const junk = new Uint8Array(64).map((_, i) => (i * 37) % 7);
    expect(codeOf(() => parseBytes(junk, 'clientes.xlsx', {}))).toBe('corrupt');
    const ole = fixture('clientes.xls').slice(0, 1024);
    expect(codeOf(() => parseBytes(ole, 'clientes.xls', {}))).toBe('corrupt');
  });

  it('a workbook whose sheets are all empty → noRows; a CSV of blank lines → empty', () => {
    expect(codeOf(() => parseBytes(workbookOf([[]]), 'vacio.xlsx', {}))).toBe('noRows');
    expect(codeOf(() => parseBytes(new TextEncoder().encode('\n\n\n'), 'x.csv', {}))).toBe('empty');
  });
});

describe('format detection: magic bytes first, then the name', () => {
  it('a workbook renamed .csv is still read as a workbook; an ODS renamed .xlsx as ODS', () => {
    expect(parseBytes(fixture('clientes.xlsx'), 'export.csv', {}).format).toBe('xlsx');
    expect(parseBytes(fixture('clientes.ods'), 'clientes.xlsx', {}).format).toBe('ods');
    expect(parseBytes(fixture('clientes.xls'), 'clientes', {}).format).toBe('xls');
  });

  it('a CSV saved with an .xls name (common in cashier exports) is read as text', () => {
    const r = parseBytes(new TextEncoder().encode('Nombre\tTeléfono\nJosé\t0612\n'), 'ventas.xls', {});
    expect(r.format).toBe('txt');
    expect(r.sheets[0]!.rows).toEqual([
      ['Nombre', 'Teléfono'],
      ['José', '0612'],
    ]);
  });

  it('an HTML table saved as .xls is read by SheetJS', () => {
    const html = '<html><body><table><tr><td>Nombre</td><td>Código</td></tr><tr><td>José</td><td>7</td></tr></table></body></html>';
    const r = parseBytes(new TextEncoder().encode(html), 'informe.xls', {});
    expect(r.format).toBe('xls');
    expect(r.sheets[0]!.rows[0]).toEqual(['Nombre', 'Código']);
  });

  it('vCard text is recognised without the .vcf name; .tsv is tab-separated', () => {
    expect(parseBytes(fixture('contacts.vcf'), 'contactos.txt', {}).format).toBe('vcf');
    expect(parseBytes(new TextEncoder().encode('a,b\tc\n1,2\t3\n'), 'x.tsv', {})).toMatchObject({ format: 'tsv', delimiter: '\t' });
  });
});

describe('crafted files (SheetJS 0.18.5 advisories)', () => {
  it('proto-pollution.xlsx: really pollutes SheetJS 0.18.5 in its default mode (checked in a child process)', () => {
    // Proves the fixture is a live exploit of CVE-2023-30533, so the next test means something.
    const script = `
      const XLSX = require(${JSON.stringify(require.resolve('xlsx'))});
      XLSX.read(require('fs').readFileSync(${JSON.stringify(resolve(FIXTURES, 'proto-pollution.xlsx'))}), { type: 'buffer' });
      process.stdout.write(JSON.stringify({ c: Array.isArray(({}).c) }));`;
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ c: true });
  });

  it('proto-pollution.xlsx: parseBytes leaves Object.prototype alone and returns plain arrays', () => {
    const r = parseBytes(fixture('proto-pollution.xlsx'), 'proto-pollution.xlsx', {});
    const probe = {} as Record<string, unknown>;
    expect(probe.c).toBeUndefined();
    expect(probe.polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(r.sheets).toHaveLength(1);
    expect(r.sheets[0]!.name).toBe('__proto__');
    const rows = r.sheets[0]!.rows;
    expect(Array.isArray(rows)).toBe(true);
    for (const row of rows) expect(Object.getPrototypeOf(row)).toBe(Array.prototype);
    expect(rows).toEqual([
      ['__proto__', 'constructor', 'prototype'],
      ['{"polluted":true}', 'toString', 1],
    ]);
  });

  it('redos-numfmt.xlsx: a 40,000-character number format is read as data, within a bound', () => {
    const t = performance.now();
    const r = parseBytes(fixture('redos-numfmt.xlsx'), 'redos-numfmt.xlsx', {});
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r.sheets[0]!.rows[0]).toEqual(['Código']);
    expect(typeof r.sheets[0]!.rows[1]![0]).toBe('string');
  });
});

// --- tiny builders --------------------------------------------------------------------------------

/** A stored (uncompressed) zip of the given files. */
function zipOf(files: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  let count = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = [...enc.encode(name)];
    const data = [...enc.encode(text)];
    const crc = crc32(data);
    const offset = locals.length;
    locals.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...nameBytes, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes);
    count++;
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(central.length), ...u32(locals.length), ...u16(0)];
  return new Uint8Array([...locals, ...central, ...end]);
}

function crc32(data: number[]): number {
  let c = ~0;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function workbookOf(sheets: string[][][]): Uint8Array {
  // Built with SheetJS's writer (synchronously, through require) only for the test.
  const XLSX = require('xlsx') as typeof import('xlsx');
  const wb = XLSX.utils.book_new();
  sheets.forEach((rows, i) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), `S${i + 1}`));
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
