// Filter rules of saved views, as data (stored in the book, synced) and as pure predicates over a
// sheet's rows. AND/OR groups nest; leaves test one column: text contains/equals/empty, number
// compare, dates (before/after/on, in the last or next N days), "birthday in the next N days"
// (month and day only, across the new year), "tag has", and "segment is", whose answer comes from a
// lookup the caller passes (the segments engine plugs in there; without one, no row matches).
//
// Bad data never throws: a cell that is not a number, a date or a tag list simply does not match a
// rule of that kind (and does match "is empty" only when it is really empty).

import { isIsoDate } from '../../base/date';
import { foldText } from '../../base/text';
import type { SheetReader } from '../doc/book-doc';
import type { CellValue, RowId } from '../model/types';
import { parseLooseNumber, splitTags, valueToText } from '../model/values';

export type TextOp = 'contains' | 'notContains' | 'equals' | 'notEquals' | 'empty' | 'notEmpty';
export type NumberOp = 'lt' | 'lte' | 'eq' | 'neq' | 'gte' | 'gt';
export type DateOp = 'before' | 'after' | 'on' | 'lastDays' | 'nextDays';

export type FilterRule =
  | { readonly kind: 'text'; readonly col: string; readonly op: TextOp; readonly value: string }
  | { readonly kind: 'number'; readonly col: string; readonly op: NumberOp; readonly value: number }
  /** `value` is an ISO date for before/after/on, a day count for lastDays/nextDays. */
  | { readonly kind: 'date'; readonly col: string; readonly op: DateOp; readonly value: string | number }
  | { readonly kind: 'birthday'; readonly col: string; readonly days: number }
  | { readonly kind: 'tag'; readonly col: string; readonly value: string }
  | { readonly kind: 'segment'; readonly value: string }
  | FilterGroup;

export type FilterGroup = { readonly kind: 'group'; readonly mode: 'and' | 'or'; readonly rules: readonly FilterRule[] };

export type FilterContext = {
  /** Today as ISO `YYYY-MM-DD` (the device's calendar day). */
  readonly today: string;
  /** The segment a row is in, for "segment is" rules (from the analysis engine). */
  readonly segmentOf?: (row: RowId) => string | undefined;
  /** What a rule's typed segment name stands for (e.g. its id whatever the language it was typed in). */
  readonly segmentKey?: (value: string) => string;
};

export const EMPTY_GROUP: FilterGroup = { kind: 'group', mode: 'and', rules: [] };

const DAY = 86_400_000;
const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

const isEmptyValue = (v: CellValue): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function numberOf(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') return parseLooseNumber(v);
  return undefined;
}

function dateOf(v: CellValue): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return isIsoDate(s) ? s : undefined;
}

/** Days from `today` to the next occurrence (today counts as 0) of the birthday's month and day. A
 * 29 February birthday falls on 28 February in common years. */
export function daysUntilBirthday(birthday: string, today: string): number | undefined {
  if (!isIsoDate(birthday) || !isIsoDate(today)) return undefined;
  const month = Number(birthday.slice(5, 7));
  const day = Number(birthday.slice(8, 10));
  const y = Number(today.slice(0, 4));
  const occurrence = (year: number) => {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const d = month === 2 && day === 29 && !leap ? 28 : day;
    return Date.UTC(year, month - 1, d) / DAY;
  };
  const t = dayNumber(today);
  const thisYear = occurrence(y);
  return Math.round(thisYear >= t ? thisYear - t : occurrence(y + 1) - t);
}

function tagsOf(v: CellValue): string[] {
  if (Array.isArray(v)) return v.map(foldText);
  if (typeof v === 'string') return splitTags(v).map(foldText);
  return [];
}

type Get = (col: string) => CellValue;
type Predicate = (get: Get, row: RowId) => boolean;

const count = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : Number(n) >= 0 ? Math.floor(Number(n)) : 0);

function compileRule(rule: FilterRule, ctx: FilterContext): Predicate {
  switch (rule.kind) {
    case 'group': {
      // An empty group has no conditions: every row passes (an empty view lists the whole sheet).
      const parts = rule.rules.map((r) => compileRule(r, ctx));
      if (parts.length === 0) return () => true;
      return rule.mode === 'or' ? (g, r) => parts.some((p) => p(g, r)) : (g, r) => parts.every((p) => p(g, r));
    }
    case 'text': {
      const needle = foldText(rule.value ?? '');
      const text = (v: CellValue) => foldText(valueToText(v));
      switch (rule.op) {
        case 'empty':
          return (g) => isEmptyValue(g(rule.col));
        case 'notEmpty':
          return (g) => !isEmptyValue(g(rule.col));
        case 'equals':
          return (g) => text(g(rule.col)) === needle;
        case 'notEquals':
          return (g) => text(g(rule.col)) !== needle;
        case 'notContains':
          return (g) => needle === '' || !text(g(rule.col)).includes(needle);
        default:
          return (g) => text(g(rule.col)).includes(needle);
      }
    }
    case 'number': {
      const x = Number(rule.value);
      if (!Number.isFinite(x)) return () => false;
      const test: Record<NumberOp, (n: number) => boolean> = {
        lt: (n) => n < x,
        lte: (n) => n <= x,
        eq: (n) => n === x,
        neq: (n) => n !== x,
        gte: (n) => n >= x,
        gt: (n) => n > x,
      };
      const op = test[rule.op] ?? test.eq;
      return (g) => {
        const n = numberOf(g(rule.col));
        return n !== undefined && op(n);
      };
    }
    case 'date': {
      const today = dayNumber(ctx.today);
      let lo = -Infinity;
      let hi = Infinity;
      if (rule.op === 'lastDays' || rule.op === 'nextDays') {
        const n = count(rule.value);
        [lo, hi] = rule.op === 'lastDays' ? [today - n, today] : [today, today + n];
      } else {
        const ref = typeof rule.value === 'string' && isIsoDate(rule.value) ? dayNumber(rule.value) : undefined;
        if (ref === undefined) return () => false;
        if (rule.op === 'before') hi = ref - 1;
        else if (rule.op === 'after') lo = ref + 1;
        else [lo, hi] = [ref, ref];
      }
      return (g) => {
        const d = dateOf(g(rule.col));
        if (d === undefined) return false;
        const n = dayNumber(d);
        return n >= lo && n <= hi;
      };
    }
    case 'birthday': {
      const n = count(rule.days);
      return (g) => {
        const d = dateOf(g(rule.col));
        const until = d === undefined ? undefined : daysUntilBirthday(d, ctx.today);
        return until !== undefined && until <= n;
      };
    }
    case 'tag': {
      const tag = foldText(rule.value ?? '');
      if (!tag) return () => false;
      return (g) => tagsOf(g(rule.col)).includes(tag);
    }
    case 'segment': {
      const want = foldText(ctx.segmentKey ? ctx.segmentKey(rule.value ?? '') : (rule.value ?? ''));
      const of = ctx.segmentOf;
      if (!of || !want) return () => false;
      return (_g, row) => foldText(of(row) ?? '') === want;
    }
    default:
      // A rule of a kind this version does not know (written by a newer device) matches nothing.
      return () => false;
  }
}

/** A predicate over one sheet's rows. */
export function compileFilter(rule: FilterRule, reader: SheetReader, ctx: FilterContext): (row: RowId) => boolean {
  const p = compileRule(rule, ctx);
  return (row) => p((col) => reader.get(row, col), row);
}

/** The live rows of the sheet matching the rule, in book order. */
export function filterRows(reader: SheetReader, rule: FilterRule, ctx: FilterContext): RowId[] {
  const keep = compileFilter(rule, reader, ctx);
  return reader.liveRowIds().filter(keep);
}

/** Columns a rule reads (to know which edits can change the result). */
export function ruleColumns(rule: FilterRule): Set<string> {
  const out = new Set<string>();
  const walk = (r: FilterRule) => {
    if (r.kind === 'group') r.rules.forEach(walk);
    else if (r.kind !== 'segment') out.add(r.col);
  };
  walk(rule);
  return out;
}

const TEXT_OPS: readonly TextOp[] = ['contains', 'notContains', 'equals', 'notEquals', 'empty', 'notEmpty'];
const NUMBER_OPS: readonly NumberOp[] = ['lt', 'lte', 'eq', 'neq', 'gte', 'gt'];
const DATE_OPS: readonly DateOp[] = ['before', 'after', 'on', 'lastDays', 'nextDays'];
export const FILTER_OPS = { text: TEXT_OPS, number: NUMBER_OPS, date: DATE_OPS } as const;

/**
 * Reads a rule from stored (synced, so untrusted) data: unknown shapes become undefined, groups keep
 * the rules they can read. Depth is limited so a crafted value cannot blow the stack.
 */
export function parseRule(v: unknown, depth = 0): FilterRule | undefined {
  if (!v || typeof v !== 'object' || depth > 8) return undefined;
  const o = v as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const col = str(o.col);
  switch (o.kind) {
    case 'group': {
      const rules = Array.isArray(o.rules) ? o.rules.map((r) => parseRule(r, depth + 1)).filter((r): r is FilterRule => !!r) : [];
      return { kind: 'group', mode: o.mode === 'or' ? 'or' : 'and', rules };
    }
    case 'text':
      return col && TEXT_OPS.includes(o.op as TextOp) ? { kind: 'text', col, op: o.op as TextOp, value: str(o.value) ?? '' } : undefined;
    case 'number':
      return col && NUMBER_OPS.includes(o.op as NumberOp) && typeof o.value === 'number' ? { kind: 'number', col, op: o.op as NumberOp, value: o.value } : undefined;
    case 'date':
      return col && DATE_OPS.includes(o.op as DateOp) && (typeof o.value === 'string' || typeof o.value === 'number')
        ? { kind: 'date', col, op: o.op as DateOp, value: o.value }
        : undefined;
    case 'birthday':
      return col && typeof o.days === 'number' ? { kind: 'birthday', col, days: o.days } : undefined;
    case 'tag':
      return col ? { kind: 'tag', col, value: str(o.value) ?? '' } : undefined;
    case 'segment':
      return { kind: 'segment', value: str(o.value) ?? '' };
    default:
      return undefined;
  }
}
