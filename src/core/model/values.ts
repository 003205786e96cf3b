// Turning what a person typed (or pasted) into a cell value of a column's type. Never destroys
// input: text that does not fit the type is kept as typed and reported invalid, so it can be flagged.

import { isIsoDate } from '../../base/date';
import type { CellValue, ColumnType } from './types';

export type Coerced = { readonly value: CellValue; readonly valid: boolean };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{5,}$/;

/** Parses a plain number written with `.` or `,` as the decimal mark and optional thousands marks. */
export function parseLooseNumber(text: string): number | undefined {
  let s = text.trim().replace(/[\s\u00a0€$¥£元]/g, '');
  if (s === '' || !/^[-+]?[\d.,]+$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // The later mark is the decimal one: "1.234,50" or "1,234.50".
    const dec = lastComma > lastDot ? ',' : '.';
    const thousands = dec === ',' ? '.' : ',';
    s = s.split(thousands).join('').replace(dec, '.');
  } else if (lastComma >= 0) {
    const parts = s.split(',');
    // "1,234,567" groups of three are thousands; a single "12,5" is a decimal comma.
    s = parts.length > 2 || (parts.length === 2 && parts[1]!.length === 3 && parts[0]!.length <= 3 && parts[0] !== '0')
      ? parts.join('')
      : s.replace(',', '.');
  } else if (lastDot >= 0 && s.split('.').length > 2) {
    s = s.split('.').join('');
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Accepts ISO dates and day/month/year text (the shop's own convention is day-first by default). */
export function parseLooseDate(text: string, dayFirst = true): string | undefined {
  const s = text.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,4})[/.\-年](\d{1,2})[/.\-月](\d{1,4})日?$/.exec(s);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  let c = Number(m[3]);
  let y: number, mo: number, d: number;
  if (m[1]!.length === 4) [y, mo, d] = [a, b, c];
  else {
    if (c < 100) c += c < 70 ? 2000 : 1900;
    [d, mo] = dayFirst ? [a, b] : [b, a];
    // 12/31/2024 cannot be day-first: read it the only way it makes sense.
    if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    y = c;
  }
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,;，；、\n]/)) {
    const t = part.trim();
    if (t) seen.add(t);
  }
  return [...seen];
}

/** How typed text is read: `dayFirst` follows the user's locale (03/04 is 3 April in es, March 4 in en-US). */
export type TextOptions = { readonly dayFirst?: boolean };

/** The value to store when `text` is entered into a cell of `type`. */
export function coerceInput(type: ColumnType, text: string, options: readonly string[] = [], opts: TextOptions = {}): Coerced {
  const raw = text.trim() === '' ? '' : text;
  if (raw === '') return { value: null, valid: true };
  switch (type) {
    case 'number':
    case 'currency': {
      const n = parseLooseNumber(raw);
      return n === undefined ? { value: raw, valid: false } : { value: n, valid: true };
    }
    case 'date': {
      const d = parseLooseDate(raw, opts.dayFirst ?? true);
      return d === undefined ? { value: raw, valid: false } : { value: d, valid: true };
    }
    case 'checkbox': {
      const t = raw.trim().toLowerCase();
      if (['true', 'yes', 'y', 'x', '1', 'sí', 'si', 's', '是', '✓', '✔'].includes(t)) return { value: true, valid: true };
      if (['false', 'no', 'n', '0', '否', ''].includes(t)) return { value: false, valid: true };
      return { value: raw, valid: false };
    }
    case 'tags':
      return { value: splitTags(raw), valid: true };
    case 'email':
      return { value: raw.trim(), valid: EMAIL.test(raw.trim()) };
    case 'phone':
      return { value: raw.trim(), valid: PHONE.test(raw.trim()) };
    case 'select':
      return { value: raw.trim(), valid: options.length === 0 || options.includes(raw.trim()) };
    default:
      return { value: raw, valid: true };
  }
}

/** Is a stored value acceptable for the column's type? Invalid values are shown flagged. */
export function isValidFor(type: ColumnType, value: CellValue, options: readonly string[] = []): boolean {
  if (value === null || value === '') return true;
  switch (type) {
    case 'number':
    case 'currency':
      return typeof value === 'number';
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
    case 'checkbox':
      return typeof value === 'boolean';
    case 'tags':
      return Array.isArray(value);
    case 'email':
      return typeof value === 'string' && EMAIL.test(value);
    case 'phone':
      return typeof value === 'string' && PHONE.test(value);
    case 'select':
      return typeof value === 'string' && (options.length === 0 || options.includes(value));
    default:
      return true;
  }
}

/** Plain text of a value, as copied to the clipboard (TSV) or searched. */
export function valueToText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
