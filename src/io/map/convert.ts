// Turning one cell read from a file into the value a book column of a given type stores. Never
// destroys data: a value that does not read as the type is kept as its text and reported with the
// reason as an i18n key (`import.problem.<type>`), so the import report can list it by row.

import { isIsoDate } from '../../base/date';
import { foldText } from '../../base/text';
import { parseLooseDate, splitTags, type CellValue, type ColumnType } from '../../core/index';
import type { RawCell } from '../types';
import { normalizePhone } from './phone';

export { normalizePhone };

export type ConvertOptions = {
  /** Day-first reading of ambiguous dates (03/04/2024 is 3 April). */
  readonly dayFirst: boolean;
  /** ISO 3166 alpha-2 country for phone numbers written without a country code. */
  readonly defaultCountry?: string;
  /** The column writes decimals with a comma ("1.234,50"); undefined: decide per value. */
  readonly decimalComma?: boolean;
};

export type Converted = { readonly value: CellValue; readonly problem?: string };

/** Reasons of problems and skips, as i18n keys the import report shows. */
export const PROBLEM = {
  number: 'import.problem.number',
  date: 'import.problem.date',
  phone: 'import.problem.phone',
  email: 'import.problem.email',
  checkbox: 'import.problem.checkbox',
  /** Two rows of the file for one customer disagree on a value; the first one is kept. */
  duplicateConflict: 'import.problem.duplicateConflict',
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CURRENCY = /[€$¥£￥元]|(?<![a-z])(?:EUR|USD|RMB|CNY|MXN|ARS|COP|CLP|PEN|GBP)(?![a-z])/gi;
const TRUE_WORDS = new Set(['true', 'yes', 'y', 'x', '1', 'si', 's', '是', '对', '有', '✓', '✔', 'verdadero', 'v']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '无', '没有', '不是', '✗', 'falso', 'f']);

/**
 * Our CSV export writes `'` before a value starting with `=`, `+`, `-`, `@`, tab or CR so a
 * spreadsheet never runs it as a formula (so a phone `+34…` is written `'+34…`). Re-importing strips
 * that one quote again — it is also what Excel users type to force text — so the round trip is exact.
 */
export function stripFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** The boolean of a yes/no word in en, es or zh (Y/N, Sí/No, 是/否...), or undefined. */
export function parseYesNo(text: string): boolean | undefined {
  const t = foldText(text);
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

/** Strips currency signs and codes, spaces and apostrophes (1'234) from a number's text. */
function bareNumberText(text: string): string {
  return text.trim().replace(CURRENCY, '').replace(/[\s\u00a0\u202f']/g, '');
}

/** Does the text carry a currency sign or code? */
export function hasCurrency(text: string): boolean {
  CURRENCY.lastIndex = 0;
  const r = CURRENCY.test(text);
  CURRENCY.lastIndex = 0;
  return r;
}

function ungroup(intPart: string, sep: string): string | undefined {
  if (!intPart.includes(sep)) return /^\d*$/.test(intPart) ? intPart : undefined;
  const groups = intPart.split(sep);
  return /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g)) ? groups.join('') : undefined;
}

/**
 * Reads a number written with thousands separators, a decimal comma or point, a currency sign or a
 * sign in parentheses. `decimalComma` is the column's convention when known; without it the later
 * mark is the decimal one and a lone "1,234" reads as thousands. Wrongly grouped text
 * ("04.03.2024") is not a number.
 */
export function parseNumberText(text: string, decimalComma?: boolean): number | undefined {
  let s = bareNumberText(text);
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  const sign = /^[-+]/.exec(s)?.[0];
  if (sign) {
    negative = negative !== (sign === '-');
    s = s.slice(1);
  }
  if (!/^(\d|[.,]\d)[\d.,]*$/.test(s)) return undefined;
  let dec: ',' | '.';
  if (decimalComma !== undefined) dec = decimalComma ? ',' : '.';
  else {
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) dec = lastComma > lastDot ? ',' : '.';
    else if (lastComma >= 0) {
      const parts = s.split(',');
      dec = parts.length > 2 || (parts[1]!.length === 3 && parts[0]!.length <= 3 && parts[0] !== '0') ? '.' : ',';
    } else dec = s.split('.').length > 2 ? ',' : '.';
  }
  const group = dec === ',' ? '.' : ',';
  const cut = s.lastIndexOf(dec);
  const intText = cut >= 0 ? s.slice(0, cut) : s;
  const fracText = cut >= 0 ? s.slice(cut + 1) : '';
  if (!/^\d*$/.test(fracText) || (cut >= 0 && fracText === '')) return undefined;
  const intDigits = ungroup(intText, group);
  if (intDigits === undefined || (intDigits === '' && fracText === '')) return undefined;
  const n = Number(`${intDigits || '0'}.${fracText || '0'}`);
  if (!Number.isFinite(n)) return undefined;
  return negative ? -n : n;
}

/**
 * The decimal convention of a column from its text values: comma when values like "12,50" or
 * "1.234,5" outnumber values like "12.50" or "1,234.5"; undefined when nothing tells.
 */
export function detectDecimalComma(values: readonly RawCell[]): boolean | undefined {
  let comma = 0;
  let dot = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const s = bareNumberText(v).replace(/^[-+(]+|\)$/g, '');
    if (!/^[\d.,]+$/.test(s)) continue;
    if (/^\d*,\d{1,2}$|^\d*,\d{4,}$|\.\d{3},\d+$|^\d{1,3}(\.\d{3}){2,}$/.test(s)) comma++;
    else if (/^\d*\.\d{1,2}$|^\d*\.\d{4,}$|,\d{3}\.\d+$|^\d{1,3}(,\d{3}){2,}$/.test(s)) dot++;
  }
  return comma > dot ? true : dot > comma ? false : undefined;
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** ISO date of an Excel (1900 system) serial day number; the time of day is dropped. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return undefined;
  const whole = Math.floor(serial);
  // Excel counts a 29 February 1900 that never was (Lotus compatibility): serials before it are one off.
  if (whole === 60) return undefined;
  const ms = whole < 60 ? Date.UTC(1899, 11, 31) + whole * DAY_MS : EXCEL_EPOCH + whole * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Excel serial of an ISO date (for writing real dates into a workbook). */
export function isoToExcelSerial(iso: string): number | undefined {
  if (!isIsoDate(iso)) return undefined;
  const days = Math.round((Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - EXCEL_EPOCH) / DAY_MS);
  if (days < 1) return undefined;
  return days < 61 ? days - 1 : days;
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['jan', 'january', 'ene', 'enero'],
      ['feb', 'february', 'febrero'],
      ['mar', 'march', 'marzo'],
      ['apr', 'april', 'abr', 'abril'],
      ['may', 'mayo'],
      ['jun', 'june', 'junio'],
      ['jul', 'july', 'julio'],
      ['aug', 'august', 'ago', 'agosto'],
      ['sep', 'sept', 'september', 'septiembre', 'setiembre'],
      ['oct', 'october', 'octubre'],
      ['nov', 'november', 'noviembre'],
      ['dec', 'december', 'dic', 'diciembre'],
    ] as const
  ).flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoOf(y: number, m: number, d: number): string | undefined {
  const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** "4 Mar 2024", "4-mar-2024", "4 de marzo de 2024", "March 4, 2024". */
function parseMonthNameDate(text: string): string | undefined {
  const tokens = foldText(text)
    .split(/[\s,./-]+/)
    .filter((t) => t !== '' && t !== 'de' && t !== 'del');
  if (tokens.length !== 3) return undefined;
  const mi = tokens.findIndex((t) => MONTHS.has(t));
  if (mi < 0) return undefined;
  const nums = tokens.filter((_, i) => i !== mi);
  if (!nums.every((t) => /^\d{1,4}$/.test(t))) return undefined;
  const yi = nums.findIndex((t) => t.length === 4);
  const [dText, yText] = yi === 0 ? [nums[1]!, nums[0]!] : [nums[0]!, nums[1]!];
  let y = Number(yText);
  if (yText.length <= 2) y += y < 70 ? 2000 : 1900;
  return isoOf(y, MONTHS.get(tokens[mi]!)!, Number(dText));
}

/** The two leading parts of a d/m/y or m/d/y text date, to weigh which reading a file uses. */
export function dateParts(text: string): readonly [number, number] | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** The commonest text date of a file, 03/04/2024 (or with - or .), read without the general path. */
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-]([1-9]\d{3})$/;

const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);

/**
 * What `parseLooseDate` answers for a text matching DMY (a year of 1000–9999), with arithmetic
 * instead of its Date round trip: a third of a 50k-row CSV plan with three date columns. The
 * general path would fall through to month names, which such a text cannot have, so undefined
 * here is its answer too (test/io/map-convert.test.ts compares both on many dates).
 */
function dmyToIso(a: number, b: number, y: number, dayFirst: boolean): string | undefined {
  let [d, mo] = dayFirst ? [a, b] : [b, a];
  // 12/31/2024 cannot be day-first: read it the only way it makes sense.
  if (mo > 12 && d <= 12) [d, mo] = [mo, d];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return undefined;
  return `${y}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * ISO date of a text date: ISO (with or without a time), YYYYMMDD, YYYY/M/D, 2024年3月4日, D/M/Y or
 * M/D/Y (per `dayFirst`, unless only one reading is possible) and dates with month names in en/es.
 */
export function parseDateText(text: string, dayFirst: boolean): string | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const dmy = DMY.exec(s);
  if (dmy) return dmyToIso(Number(dmy[1]), Number(dmy[2]), Number(dmy[3]), dayFirst);
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (iso) return isIsoDate(iso[1]!) ? iso[1] : undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) {
    const y = Number(compact[1]);
    return y >= 1900 && y <= 2100 ? isoOf(y, Number(compact[2]), Number(compact[3])) : undefined;
  }
  const withoutTime = s.replace(/\s+\d{1,2}:\d{2}(?::\d{2})?$/, '');
  return parseLooseDate(withoutTime, dayFirst) ?? parseMonthNameDate(withoutTime);
}

/** ISO date of a number in a date column: YYYYMMDD as a number (cashier exports) or an Excel serial. */
export function numberToIsoDate(n: number): string | undefined {
  if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) {
    const iso = parseDateText(String(n), true);
    if (iso) return iso;
  }
  return excelSerialToIso(n);
}

/** Text of a raw cell: whole numbers without exponent or decimals, booleans as TRUE/FALSE. */
export function rawToText(raw: RawCell): string {
  if (raw === null) return '';
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  // String() writes whole numbers below 1e21 without exponent or decimals (612345678, not 6.1e8).
  if (typeof raw === 'number') return String(raw);
  return stripFormulaGuard(raw);
}

const kept = (text: string, problem: string): Converted => ({ value: text, problem });

/** The value a column of `type` stores for a cell read from a file. */
export function convertCell(raw: RawCell, type: ColumnType, opts: ConvertOptions): Converted {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: null };
  const text = rawToText(raw).trim();
  switch (type) {
    case 'number':
    case 'currency': {
      if (typeof raw === 'number') return { value: raw };
      if (typeof raw === 'boolean') return kept(text, PROBLEM.number);
      const n = parseNumberText(text, opts.decimalComma);
      return n === undefined ? kept(text, PROBLEM.number) : { value: n };
    }
    case 'date': {
      if (typeof raw === 'number') {
        const iso = numberToIsoDate(raw);
        return iso ? { value: iso } : kept(text, PROBLEM.date);
      }
      if (typeof raw === 'boolean') return kept(text, PROBLEM.date);
      const iso = parseDateText(text, opts.dayFirst);
      return iso ? { value: iso } : kept(text, PROBLEM.date);
    }
    case 'phone': {
      // A phone stored as a number (612345678) becomes text again; decimals (6.1e8) are not phones.
      if (typeof raw === 'number' && !Number.isInteger(raw)) return kept(text, PROBLEM.phone);
      const e164 = normalizePhone(text, opts.defaultCountry);
      if (e164) return { value: e164 };
      // Without a default country a national number cannot be placed; keep it as written.
      const looksLikePhone = /^\+?[\d\s().\-/]{5,}$/.test(text);
      return opts.defaultCountry || !looksLikePhone || text.startsWith('+') ? kept(text, PROBLEM.phone) : { value: text };
    }
    case 'email': {
      const email = text.replace(/^mailto:/i, '');
      return EMAIL.test(email) ? { value: email } : kept(text, PROBLEM.email);
    }
    case 'checkbox': {
      if (typeof raw === 'boolean') return { value: raw };
      const b = parseYesNo(text);
      return b === undefined ? kept(text, PROBLEM.checkbox) : { value: b };
    }
    case 'tags':
      return { value: splitTags(text) };
    default:
      return { value: text };
  }
}
