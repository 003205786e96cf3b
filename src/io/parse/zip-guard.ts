// Reads a zip's central directory (the table of contents at its end) without inflating anything, so
// a zip bomb — a tiny .xlsx whose sheet XML inflates to gigabytes — is refused before SheetJS
// starts, and a workbook can be told from an OpenDocument file by the names inside.

export type ZipEntry = { readonly name: string; readonly compressed: number; readonly size: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * The entries of a zip, or undefined when the bytes are not a complete zip (no end record, or a
 * directory pointing outside the file — a truncated download). Sizes of 0xFFFFFFFF (zip64) are
 * reported as Infinity: no honest workbook needs them.
 */
export function zipEntries(b: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // The end record is 22 bytes plus a comment of up to 65,535 bytes.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (dirOffset === 0xffffffff || dirOffset + dirSize > eocd) return undefined;
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) return undefined;
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen > eocd) return undefined;
    entries.push({
      name: names.decode(b.subarray(p + 46, p + 46 + nameLen)),
      compressed: compressed === 0xffffffff ? Infinity : compressed,
      size: size === 0xffffffff ? Infinity : size,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export type ZipLimits = {
  /** Total inflated bytes allowed. */
  readonly maxUnzippedBytes: number;
};

/** 100 MiB of XML is about 300,000 rows of a 14-column sheet — far beyond any shop's list. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUnzippedBytes: 100 * 1024 * 1024 };

export function unzippedSize(entries: readonly ZipEntry[]): number {
  return entries.reduce((sum, e) => sum + e.size, 0);
}
