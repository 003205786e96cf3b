// Turns the bytes of a text file into text, guessing the encoding the way shop files really come:
// a BOM when there is one, else UTF-8 if the bytes are valid UTF-8, else the legacy encoding that
// makes the most sense of them — GB18030 (Chinese Excel's "Save as CSV"), Big5, or Windows-1252
// (Spanish/Western Excel). The guess is reported so the user can override it.

import type { EncodingName } from '../types';

export type Decoded = { readonly text: string; readonly used: EncodingName; readonly guessed: boolean };

/** The encodings offered for override, in the order the detector tries them. */
export const ENCODINGS: readonly EncodingName[] = ['utf-8', 'gb18030', 'big5', 'windows-1252', 'utf-16le', 'utf-16be'];

/** Bytes looked at to guess a legacy encoding; the whole file is then decoded with the winner. */
const SAMPLE_BYTES = 256 * 1024;

export function decodeText(bytes: Uint8Array, forced?: EncodingName): Decoded {
  const bom = bomOf(bytes);
  if (forced) {
    // A BOM belonging to the forced encoding is still not text; any other BOM bytes are left to show
    // the user that their choice does not fit the file.
    const skip = bom && bom.used === forced ? bom.length : 0;
    return { text: decode(bytes.subarray(skip), forced), used: forced, guessed: false };
  }
  if (bom) return { text: decode(bytes.subarray(bom.length), bom.used), used: bom.used, guessed: false };

  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decode(bytes, utf16), used: utf16, guessed: true };

  const strict = tryUtf8(bytes);
  if (strict !== undefined) return { text: strict, used: 'utf-8', guessed: true };

  const used = guessLegacy(bytes);
  return { text: decode(bytes, used), used, guessed: true };
}

function bomOf(b: Uint8Array): { used: EncodingName; length: number } | undefined {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { used: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { used: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { used: 'utf-16be', length: 2 };
  return undefined;
}

function decode(bytes: Uint8Array, enc: EncodingName): string {
  if (enc === 'windows-1252') return decodeWindows1252(bytes);
  // ignoreBOM: the BOM has been handled above; a BOM-like sequence elsewhere is data.
  return new TextDecoder(enc, { ignoreBOM: true }).decode(bytes);
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, curly quotes, dashes…). Decoded by hand
// because some Node releases decode the 'windows-1252' label as Latin-1 and lose the euro sign.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  const units = new Uint16Array(Math.min(bytes.length, CHUNK));
  let out = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      units[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    out += String.fromCharCode.apply(null, units.subarray(0, end - start) as unknown as number[]);
  }
  return out;
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-16 without a BOM: text of mostly ASCII has a zero byte in every other position. */
function sniffUtf16(b: Uint8Array): EncodingName | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** A prefix of the file cut at a line end, so no multi-byte character is split by the sample. */
function sample(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES) return bytes;
  const cut = bytes.lastIndexOf(0x0a, SAMPLE_BYTES);
  return bytes.subarray(0, cut > 0 ? cut + 1 : SAMPLE_BYTES);
}

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isCjk = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) || // unified ideographs
  (c >= 0x3000 && c <= 0x303f) || // CJK punctuation (、。「」)
  (c >= 0xff00 && c <= 0xffef) || // full-width forms (，：（）０-９)
  (c >= 0x3400 && c <= 0x4dbf); // extension A (rare names)

/**
 * How plausible a CJK reading of the text is, from -∞ to 1: the share of non-ASCII characters that
 * are CJK (or accented Latin letters), minus penalties for replacement characters, private-use characters and the tell-tale of a
 * Latin text read as CJK — one ideograph wedged between two ASCII letters ("Tel閒ono").
 */
function cjkPlausibility(text: string): number {
  let nonAscii = 0;
  let good = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xd800 && c <= 0xdfff)) bad += 3;
    // Accented Latin letters exist in GB18030 (pinyin ú, ü; any letter as 4 bytes): a Chinese
    // shop's file may hold "Núñez". Western bytes almost never form those sequences by chance.
    else if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) good++;
    else if (isCjk(c)) {
      const before = i > 0 ? text.charCodeAt(i - 1) : 0;
      const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (isAsciiLetter(before) && isAsciiLetter(after)) bad += 2;
      else good++;
    }
  }
  return nonAscii === 0 ? 0 : (good - bad) / nonAscii;
}

// Characters a Western text really uses besides accented letters.
const LATIN_SYMBOLS = new Set('¿¡ºª€£°·«»“”‘’–—…©®'.split('').map((s) => s.charCodeAt(0)));

/**
 * How plausible a Windows-1252 reading is: accented letters and common symbols count for it;
 * C1 controls (bytes 1252 leaves undefined) and long runs of non-ASCII characters count against it —
 * Chinese read as 1252 comes out as runs like "ÄãºÃ", while Western words have one accent at a time.
 */
function latinPlausibility(text: string): number {
  let nonAscii = 0;
  let good = 0;
  let bad = 0;
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 0x80) {
      nonAscii++;
      run++;
      if (c >= 0x80 && c <= 0x9f) bad += 3;
      else if ((c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) || LATIN_SYMBOLS.has(c)) good++;
      continue;
    }
    // A run of three or more non-ASCII characters is unusual in Western languages.
    if (run >= 3) bad += run * 2;
    run = 0;
  }
  return nonAscii === 0 ? 0 : (good - bad) / nonAscii;
}

/**
 * Share of double-byte pairs whose second byte is below 0xA1. Chinese in GBK almost never has one
 * (GB2312 keeps both bytes ≥ 0xA1), while about a third of Big5 characters do; both decoders
 * accept the other's bytes, so this is what tells them apart.
 */
function lowTrailShare(b: Uint8Array): number {
  let pairs = 0;
  let low = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const lead = b[i]!;
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = b[i + 1]!;
    pairs++;
    if (trail >= 0x40 && trail < 0xa1) low++;
    i++;
  }
  return pairs === 0 ? 0 : low / pairs;
}

function guessLegacy(bytes: Uint8Array): EncodingName {
  const s = sample(bytes);
  const gb = cjkPlausibility(decode(s, 'gb18030'));
  const big5 = cjkPlausibility(decode(s, 'big5'));
  const latin = latinPlausibility(decode(s, 'windows-1252'));
  // Between the two Chinese encodings GB18030 wins ties (mainland shops are the common case); Big5
  // needs the low trail bytes only it uses often.
  const cjk: { used: EncodingName; score: number } =
    big5 > gb - 0.05 && big5 > 0.5 && lowTrailShare(s) > 0.15 ? { used: 'big5', score: big5 } : { used: 'gb18030', score: gb };
  if (cjk.score > 0.5 && cjk.score >= latin) return cjk.used;
  return latin > 0 || cjk.score <= 0 ? 'windows-1252' : cjk.used;
}
