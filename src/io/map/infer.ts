// Guessing a column's type from its values (and its header), so an unmapped file column can become
// a new book column of a sensible type. Errs towards text: phones, codes and ids never become numbers.

import type { ColumnType } from '../../core/index';
import type { RawCell } from '../types';
import { dateParts, detectDecimalComma, hasCurrency, parseDateText, parseNumberText, parseYesNo, stripFormulaGuard } from './convert';
import { headerHint } from './synonyms';

export type InferHints = {
  /** The column's header in the file: "Teléfono" keeps 612345678 a phone, "Fecha" reads 45356 as a date. */
  readonly header?: string;
  /** The locale's reading of ambiguous dates, used when the file's own values do not tell. */
  readonly dayFirst?: boolean;
};

export type Inferred = {
  readonly type: ColumnType;
  /** Date values that read two ways (03/04/2024). */
  readonly ambiguousDates: number;
  /** Day-first when the file says so (a first part > 12), else the locale's hint; undefined if neither. */
  readonly dayFirst: boolean | undefined;
  /** Whether `dayFirst` comes from the file's own values rather than the locale. */
  readonly dayFirstFromFile: boolean;
  /** Number columns: decimals written with a comma ("1.234,50"); undefined when nothing tells. */
  readonly decimalComma: boolean | undefined;
};

/** A share of the non-empty values that must read as a type for the column to get it. */
const MOST = 0.8;
const EMAIL = /^(mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/i;

const digitCount = (s: string) => s.replace(/\D/g, '').length;

/** Text that can only be a phone: `+` and 8–15 digits, or grouped with spaces, dashes or parentheses. */
function looksLikePhone(s: string): boolean {
  if (!/^\+?[\d\s().\-/]+$/.test(s)) return false;
  const digits = digitCount(s);
  if (s.startsWith('+') || s.startsWith('00')) return digits >= 8 && digits <= 15;
  return /[\s()-]/.test(s) && digits >= 9 && digits <= 15 && !/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(s);
}

/** Evidence of day-first or month-first text dates, and the count of ambiguous ones. */
export function dateOrderEvidence(values: readonly RawCell[]): { dayFirst: number; monthFirst: number; ambiguous: number } {
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const parts = dateParts(v);
    if (!parts) continue;
    const [a, b] = parts;
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) monthFirst++;
    else if (a <= 12 && b <= 12 && a !== b) ambiguous++;
  }
  return { dayFirst, monthFirst, ambiguous };
}

export function inferType(values: readonly RawCell[], hints: InferHints = {}): Inferred {
  const cells: (string | number | boolean)[] = [];
  for (const v of values) {
    if (v === null) continue;
    if (typeof v === 'string') {
      const t = stripFormulaGuard(v).trim();
      if (t !== '') cells.push(t);
    } else cells.push(v);
  }
  const base = { ambiguousDates: 0, dayFirst: hints.dayFirst, dayFirstFromFile: false, decimalComma: undefined };
  const n = cells.length;
  if (n === 0) return { type: 'text', ...base };
  const hint = headerHint(hints.header);
  const most = (count: number) => count >= Math.max(1, Math.ceil(n * MOST));
  const strings = cells.filter((c): c is string => typeof c === 'string');

  // Yes/no columns: every value a yes/no word, and not just digits (a column of 0/1 may be a code).
  const yesNo = cells.every((c) => typeof c === 'boolean' || (typeof c === 'string' && parseYesNo(c) !== undefined));
  if (yesNo && cells.some((c) => typeof c !== 'string' || !/^\d+$/.test(c)))
    return { type: 'checkbox', ...base };

  if (most(strings.filter((s) => EMAIL.test(s)).length)) return { type: 'email', ...base };

  if (hint === 'phone') {
    const phoneish = cells.filter((c) => {
      if (typeof c === 'number') return Number.isInteger(c) && String(Math.abs(c)).length >= 5 && String(c).length <= 15;
      return typeof c === 'string' && /^\+?[\d\s().\-/]+$/.test(c) && digitCount(c) >= 5;
    }).length;
    return { type: most(phoneish) ? 'phone' : 'text', ...base };
  }
  if (most(strings.filter(looksLikePhone).length) && strings.length === n) return { type: 'phone', ...base };
  // Codes and ids stay text whatever they look like: 007 must not become 7.
  if (hint === 'code') return { type: 'text', ...base };

  // Dates. Bare numbers count only under a date-like header (45356 is as likely a price).
  let dates = 0;
  for (const c of cells) {
    if (typeof c === 'number') {
      if (hint === 'date' && ((c >= 20000 && c <= 80000) || (Number.isInteger(c) && c >= 19000101 && c <= 21001231 && parseDateText(String(c), true))))
        dates++;
    } else if (typeof c === 'string') {
      if (/^\d{8}$/.test(c) && hint !== 'date') continue;
      if (parseDateText(c, true) ?? parseDateText(c, false)) dates++;
    }
  }
  if (most(dates)) {
    const ev = dateOrderEvidence(strings);
    const fromFile = ev.dayFirst > 0 || ev.monthFirst > 0;
    return {
      type: 'date',
      ambiguousDates: ev.ambiguous,
      dayFirst: fromFile ? ev.dayFirst >= ev.monthFirst : hints.dayFirst,
      dayFirstFromFile: fromFile,
      decimalComma: undefined,
    };
  }

  // Numbers. Leading zeros and a leading "+" mark codes and phones, not quantities.
  const decimalComma = detectDecimalComma(strings);
  let numbers = 0;
  let currency = false;
  let longIntegers = 0;
  for (const c of cells) {
    if (typeof c === 'number') {
      numbers++;
      if (Number.isInteger(c) && Math.abs(c) >= 1e8) longIntegers++;
    } else if (typeof c === 'string') {
      if (/^0\d/.test(c) || c.startsWith('+')) continue;
      const value = parseNumberText(c, decimalComma);
      if (value === undefined) continue;
      numbers++;
      if (hasCurrency(c)) currency = true;
      if (Number.isInteger(value) && /^\d{9,}$/.test(c)) longIntegers++;
    }
  }
  if (most(numbers)) {
    // Long whole numbers without a money header are identifiers (card numbers, unnamed phones).
    if (longIntegers === numbers && hint !== 'money') return { type: 'text', ...base };
    return { type: currency || hint === 'money' ? 'currency' : 'number', ...base, decimalComma };
  }
  return { type: 'text', ...base };
}

/** Whether a locale writes day before month (es, en-GB: 03/04 is 3 April) or not (en-US, zh-CN). */
export function dayFirstForLocale(locale: string): boolean {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(
      new Date(Date.UTC(2024, 2, 4)),
    );
    const order = parts.filter((p) => p.type === 'day' || p.type === 'month').map((p) => p.type);
    return order[0] === 'day';
  } catch {
    return true;
  }
}
