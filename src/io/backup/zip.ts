// A minimal ZIP container (stored entries, no compression) for backup files: any archive tool
// opens a backup and finds the readable .xlsx copy inside, and we need no zip library.
//
// The reader is strict because backup files are untrusted: only stored (method 0), unencrypted,
// non-zip64 entries; every offset and length checked against the buffer; the local header must
// agree with the central directory; the CRC-32 of every entry is verified. Anything else is a
// `ZipError` (`not-zip` when it is not a zip at all, `corrupt` when it is a damaged or odd one).

export type ZipEntry = { readonly name: string; readonly data: Uint8Array };

export class ZipError extends Error {
  constructor(
    readonly code: 'not-zip' | 'corrupt',
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ZipError';
  }
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const MAX_ENTRIES = 64;
const UTF8_FLAG = 0x0800;

let crcTable: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** DOS date and time of `date` (local time, as archive tools show it). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** The bytes of a zip holding `entries` in order, uncompressed. */
export function writeZip(entries: readonly ZipEntry[], modified: Date = new Date()): Uint8Array {
  const enc = new TextEncoder();
  const { time, date } = dosDateTime(modified);
  const names = entries.map((e) => enc.encode(e.name));
  const crcs = entries.map((e) => crc32(e.data));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i]!.length + e.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  if (localSize + centralSize > 0xfffffffe) throw new RangeError('backup larger than 4 GB');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    offsets.push(p);
    view.setUint32(p, LOCAL_SIG, true);
    view.setUint16(p + 4, 20, true); // version needed: 2.0
    view.setUint16(p + 6, UTF8_FLAG, true);
    view.setUint16(p + 8, 0, true); // stored
    view.setUint16(p + 10, time, true);
    view.setUint16(p + 12, date, true);
    view.setUint32(p + 14, crcs[i]!, true);
    view.setUint32(p + 18, e.data.length, true);
    view.setUint32(p + 22, e.data.length, true);
    view.setUint16(p + 26, names[i]!.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(names[i]!, p + 30);
    out.set(e.data, p + 30 + names[i]!.length);
    p += 30 + names[i]!.length + e.data.length;
  });
  const centralStart = p;
  entries.forEach((e, i) => {
    view.setUint32(p, CENTRAL_SIG, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, UTF8_FLAG, true);
    view.setUint16(p + 10, 0, true);
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    view.setUint32(p + 16, crcs[i]!, true);
    view.setUint32(p + 20, e.data.length, true);
    view.setUint32(p + 24, e.data.length, true);
    view.setUint16(p + 28, names[i]!.length, true);
    // extra, comment, disk, internal attributes: 0; external attributes: 0
    view.setUint32(p + 42, offsets[i]!, true);
    out.set(names[i]!, p + 46);
    p += 46 + names[i]!.length;
  });
  view.setUint32(p, END_SIG, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - centralStart, true);
  view.setUint32(p + 16, centralStart, true);
  return out;
}

/** Whether the bytes start like a zip (a backup, but also an .xlsx, .ods or any archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Lists the entry names of a zip without checking contents (to tell an .xlsx from a backup). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return centralDirectory(bytes).map((e) => e.name);
}

type CentralEntry = { name: string; method: number; flags: number; crc: number; size: number; compressedSize: number; offset: number };

function centralDirectory(bytes: Uint8Array): CentralEntry[] {
  if (!looksLikeZip(bytes)) throw new ZipError('not-zip', 'no local header at the start');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 + 65535 (comment) bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_SIG) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('corrupt', 'no end of central directory (truncated?)');
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdStart = view.getUint32(end + 16, true);
  if (count > MAX_ENTRIES) throw new ZipError('corrupt', `too many entries (${count})`);
  if (cdStart + cdSize > end) throw new ZipError('corrupt', 'central directory out of bounds');
  const dec = new TextDecoder('utf-8', { fatal: false });
  const out: CentralEntry[] = [];
  let p = cdStart;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL_SIG) throw new ZipError('corrupt', 'bad central directory entry');
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen > end) throw new ZipError('corrupt', 'entry name out of bounds');
    out.push({
      name: dec.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Reads every entry of a stored zip, verifying bounds and CRCs. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const seen = new Set<string>();
  return centralDirectory(bytes).map((e) => {
    if (seen.has(e.name)) throw new ZipError('corrupt', `duplicate entry ${e.name}`);
    seen.add(e.name);
    if (e.flags & 1) throw new ZipError('corrupt', 'zip-encrypted entry');
    if (e.method !== 0 || e.size !== e.compressedSize) throw new ZipError('corrupt', `entry ${e.name} is compressed`);
    if (e.size === 0xffffffff || e.offset === 0xffffffff) throw new ZipError('corrupt', 'zip64 is not supported');
    const p = e.offset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL_SIG) throw new ZipError('corrupt', `bad local header of ${e.name}`);
    const nameLen = view.getUint16(p + 26, true);
    const extraLen = view.getUint16(p + 28, true);
    const start = p + 30 + nameLen + extraLen;
    if (start + e.size > bytes.length) throw new ZipError('corrupt', `entry ${e.name} is truncated`);
    const data = bytes.subarray(start, start + e.size);
    if (crc32(data) !== e.crc) throw new ZipError('corrupt', `checksum of ${e.name} does not match`);
    return { name: e.name, data };
  });
}
