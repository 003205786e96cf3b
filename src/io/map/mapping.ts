// Suggesting where each column of a file goes: a book column named by a synonym of its header, or a
// new column of an inferred type. Headers are untrusted text: they are only ever compared and kept
// in arrays, Sets and Maps, never used as keys of plain objects (`__proto__`, `constructor`).

import type { Column, ColumnType, SheetId } from '../../core/index';
import type { ColumnTarget, RawCell, RawRow } from '../types';
import { rawToText } from './convert';
import { classifyRow, detectHeader } from './header';
import { dateOrderEvidence, dayFirstForLocale, inferType, type Inferred } from './infer';
import { headerHint, headerKey, matchHeader } from './synonyms';

/** The type a new column gets from its header alone, when it has no values to look at. */
const HINT_TYPES: ReadonlyMap<string, ColumnType> = new Map<string, ColumnType>([
  ['phone', 'phone'],
  ['email', 'email'],
  ['date', 'date'],
  ['money', 'currency'],
]);

/**
 * Display names of a file's header cells: trimmed text; an empty header is "Column N" (N from 1, as
 * the user counts); a repeated one gets " (2)", " (3)"...
 */
export function headerNames(headers: readonly RawCell[], emptyName: (index: number) => string = (i) => `Column ${i + 1}`): string[] {
  const used = new Set<string>();
  return headers.map((h, i) => {
    const text = rawToText(h ?? null).trim();
    const base = text === '' ? emptyName(i) : text;
    let name = base;
    for (let n = 2; used.has(headerKey(name) || name); n++) name = `${base} (${n})`;
    used.add(headerKey(name) || name);
    return name;
  });
}

/**
 * One target per header. Exact synonyms (and names of the owner's own columns) are assigned first,
 * then headers that contain a synonym; each book column receives at most one file column. Anything
 * else becomes a new column named after its header, typed from `samples[i]` (its values) when
 * given, else from the header. An empty column with an empty header is skipped.
 */
export function suggestTargets(
  headers: readonly string[],
  columns: readonly Column[],
  sheet: SheetId,
  samples?: readonly (readonly RawCell[])[],
  hints: { readonly dayFirst?: boolean } = {},
): ColumnTarget[] {
  const usable = columns.filter((c) => c.type !== 'computed');
  const byId = new Map<string, Column>(usable.map((c) => [c.id as string, c]));
  const byName = new Map<string, Column>();
  for (const c of usable) if (c.name.trim() !== '' && !byName.has(headerKey(c.name))) byName.set(headerKey(c.name), c);
  const taken = new Set<string>();
  const out: (ColumnTarget | undefined)[] = headers.map(() => undefined);
  const matches = headers.map((h) => matchHeader(h, sheet));

  const assign = (i: number, col: Column | undefined): boolean => {
    if (!col || taken.has(col.id)) return false;
    taken.add(col.id);
    out[i] = { kind: 'column', columnId: col.id };
    return true;
  };
  // Pass 1: the owner's own column names, then exact synonyms.
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key !== '' && assign(i, byName.get(key))) return;
    const m = matches[i];
    if (m?.kind === 'builtIn' && m.exact) assign(i, byId.get(m.id));
  });
  // Pass 2: headers that contain a synonym ("Teléfono móvil 2").
  headers.forEach((_h, i) => {
    const m = matches[i];
    if (!out[i] && m?.kind === 'builtIn' && !m.exact) assign(i, byId.get(m.id));
  });
  return headers.map((h, i) => {
    const done = out[i];
    if (done) return done;
    const values = samples?.[i];
    const hasValues = values?.some((v) => v !== null && !(typeof v === 'string' && v.trim() === '')) ?? false;
    if (samples && !hasValues && h.trim() === '') return { kind: 'skip' };
    const m = matches[i];
    const fromHeader: ColumnType = m?.kind === 'extra' ? m.type : HINT_TYPES.get(headerHint(h) ?? '') ?? 'text';
    const type = hasValues ? inferType(values!, { header: h, ...hints }).type : fromHeader;
    return { kind: 'new', name: h.trim() === '' ? `Column ${i + 1}` : h, type };
  });
}

/** The values of file column `index` in the data rows after the header (at most `limit`). */
export function columnValues(rows: readonly RawRow[], headerRow: number, index: number, limit = Infinity): RawCell[] {
  const out: RawCell[] = [];
  for (let r = headerRow + 1; r < rows.length && out.length < limit; r++) {
    const row = rows[r]!;
    if (classifyRow(row, 0) !== 'data') continue;
    out.push(row[index] ?? null);
  }
  return out;
}

export type SheetSuggestion = {
  readonly headerRow: number;
  readonly titleRows: readonly number[];
  /** Display names of the file's columns (see `headerNames`). */
  readonly headers: readonly string[];
  readonly targets: readonly ColumnTarget[];
  /** Per file column: its inferred type and date/number conventions. */
  readonly inferred: readonly Inferred[];
  /** How to read ambiguous dates: from the file when its dates tell, else from the locale. */
  readonly dayFirst: boolean;
  readonly dayFirstFromFile: boolean;
  /** Date values in date-mapped columns that read two ways (03/04/2024). */
  readonly ambiguousDates: number;
};

/** Header row, names, targets and date convention of a sheet, as the mapping step starts with. */
export function suggestMapping(
  rows: readonly RawRow[],
  columns: readonly Column[],
  sheet: SheetId,
  opts: { readonly locale?: string; readonly headerRow?: number; readonly sampleRows?: number } = {},
): SheetSuggestion {
  const guess = detectHeader(rows, sheet);
  const headerRow = opts.headerRow ?? guess.headerRow;
  const titleRows = opts.headerRow === undefined ? guess.titleRows : guess.titleRows.filter((r) => r < headerRow);
  const width = rows.reduce((w, r, i) => (i >= headerRow ? Math.max(w, r.length) : w), 0);
  const headerCells = Array.from({ length: width }, (_, i) => rows[headerRow]?.[i] ?? null);
  const headers = headerNames(headerCells);
  const rawHeaders = headerCells.map((h) => rawToText(h).trim());
  // Classify rows once, not once per column.
  const sampleRows: RawRow[] = [];
  const limit = opts.sampleRows ?? 5000;
  for (let r = headerRow + 1; r < rows.length && sampleRows.length < limit; r++) if (classifyRow(rows[r]!, width) === 'data') sampleRows.push(rows[r]!);
  const samples = headerCells.map((_, i) => sampleRows.map((row) => row[i] ?? null));
  const localeDayFirst = opts.locale ? dayFirstForLocale(opts.locale) : true;
  const inferred = samples.map((v, i) => inferType(v, { header: rawHeaders[i], dayFirst: localeDayFirst }));
  const targets = suggestTargets(
    rawHeaders.map((h, i) => (h === '' ? '' : headers[i]!)),
    columns,
    sheet,
    samples,
    { dayFirst: localeDayFirst },
  ).map((t, i): ColumnTarget => (t.kind === 'new' ? { ...t, name: headers[i]! } : t));
  // The file's date convention is shared by all its date columns.
  const byId = new Map(columns.map((c) => [c.id as string, c]));
  const dateValues = samples.filter((_, i) => {
    const t = targets[i]!;
    return (t.kind === 'new' && t.type === 'date') || (t.kind === 'column' && byId.get(t.columnId)?.type === 'date');
  });
  const ev = dateOrderEvidence(dateValues.flat());
  const fromFile = ev.dayFirst > 0 || ev.monthFirst > 0;
  return {
    headerRow,
    titleRows,
    headers,
    targets,
    inferred,
    dayFirst: fromFile ? ev.dayFirst >= ev.monthFirst : localeDayFirst,
    dayFirstFromFile: fromFile,
    ambiguousDates: ev.ambiguous,
  };
}
