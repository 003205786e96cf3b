// What an import will do, before it does anything: rows to add, existing customers to update (old →
// new per cell, by the merge policy), rows skipped and why, and every value that could not be read,
// all by the row number the user sees in Excel: rows[i] is file row i + 1, unless the parser left
// blank lines out of `rows` (delimited text) and says which (`emptyLines`).

import type { CellValue, Column, ColumnType, RowId, SheetId, SheetReader } from '../../core/index';
import { newColumnKey, sameValue } from '../../core/index';
import type { CellProblem, ImportPlan, ImportSettings, RawRow } from '../types';
import { PROBLEM, convertCell, detectDecimalComma, normalizePhone, rawToText } from './convert';
import { classifyRow, isEmptyCell } from './header';
import { headerNames } from './mapping';

/** Reasons rows are skipped, as i18n keys. */
export const SKIP = {
  empty: 'import.skip.empty',
  total: 'import.skip.total',
  /** Same customer as an earlier row of the file: merged into it (`mergedInto`). */
  duplicate: 'import.skip.duplicate',
  /** Matches an existing customer and the policy is 'skip'. */
  exists: 'import.skip.exists',
  /** Nothing in the row goes to a mapped column. */
  noValues: 'import.skip.noValues',
} as const;

export type PlanSkip = { readonly fileRow: number; readonly reason: string; readonly mergedInto?: number };

export type DetailedImportPlan = ImportPlan & {
  readonly skipped: readonly PlanSkip[];
  /** Per file column: the key its values are stored under (a column id or `new:<i>`), or null. */
  readonly columnKeys: readonly (string | null)[];
  /** Display names of the file's columns, as used in `problems`. */
  readonly headers: readonly string[];
};

const isEmptyValue = (v: CellValue | undefined): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The key two rows share when they are the same customer, or undefined when the row has none. */
export function matchKeyOf(by: ImportSettings['matchBy'], value: CellValue, defaultCountry?: string): string | undefined {
  if (by === 'none' || isEmptyValue(value) || Array.isArray(value)) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  switch (by) {
    case 'code':
      return text;
    case 'email':
      return text.toLowerCase();
    case 'phone': {
      const e164 = normalizePhone(text, defaultCountry);
      if (e164) return e164;
      const digits = text.replace(/\D/g, '');
      return digits.length >= 5 ? `#${digits}` : undefined;
    }
  }
}

/** What a plan reads of the book: a `Book`, or the snapshot the planning worker holds (book-snapshot.ts). */
export type PlanBook = { sheet(id: SheetId): PlanSheet };
export type PlanSheet = Pick<SheetReader, 'columns' | 'liveRowIds' | 'get'>;

type Slot = { readonly key: string; readonly type: ColumnType; readonly decimalComma: boolean | undefined };
type Entry = { readonly fileRow: number; readonly values: Map<string, CellValue>; readonly key: string | undefined };

/**
 * File row numbers of `rows` when the 1-based lines in `emptyLines` were left out of them: with
 * lines 2 and 3 blank, rows[1] is line 4.
 */
export function fileRowNumbers(count: number, emptyLines: readonly number[] = []): number[] {
  const blank = [...emptyLines].sort((a, b) => a - b);
  const out: number[] = [];
  let line = 1;
  let p = 0;
  for (let i = 0; i < count; i++) {
    while (p < blank.length && blank[p]! <= line) {
      if (blank[p] === line) line++;
      p++;
    }
    out.push(line++);
  }
  return out;
}

export type PlanOptions = {
  /** 1-based lines the parser left out of `rows` because they were blank (see `fileRowNumbers`). */
  readonly emptyLines?: readonly number[];
};

export function buildImportPlan(
  book: PlanBook,
  sheet: SheetId,
  rows: readonly RawRow[],
  settings: ImportSettings,
  opts: PlanOptions = {},
): DetailedImportPlan {
  const rowNumber = fileRowNumbers(rows.length, opts.emptyLines);
  const reader = book.sheet(sheet);
  const colById = new Map<string, Column>(reader.columns().map((c) => [c.id as string, c]));
  const { headerRow, targets, dayFirst, defaultCountry } = settings;
  const headerCells = Array.from({ length: targets.length }, (_, i) => rows[headerRow]?.[i] ?? null);
  const headers = headerNames(headerCells);

  // Where each file column goes, and the columns to create.
  const newColumns: { name: string; type: ColumnType }[] = [];
  const slots: (Slot | null)[] = targets.map((t, i) => {
    let key: string;
    let type: ColumnType;
    if (t.kind === 'column') {
      const col = colById.get(t.columnId);
      if (!col || col.type === 'computed') return null;
      key = col.id;
      type = col.type;
    } else if (t.kind === 'new') {
      key = newColumnKey(newColumns.length);
      type = t.type === 'computed' ? 'text' : t.type;
      newColumns.push({ name: t.name.trim() === '' ? headers[i]! : t.name, type });
    } else return null;
    let decimalComma: boolean | undefined;
    if (type === 'number' || type === 'currency') {
      const values = [];
      for (let r = headerRow + 1; r < rows.length; r++) values.push(rows[r]![i] ?? null);
      decimalComma = detectDecimalComma(values);
    }
    return { key, type, decimalComma };
  });
  const labelOf = new Map<string, string>();
  slots.forEach((s, i) => s && !labelOf.has(s.key) && labelOf.set(s.key, headers[i]!));

  let lastData = headerRow;
  for (let r = rows.length - 1; r > headerRow; r--)
    if (rows[r]!.some((c) => !isEmptyCell(c))) {
      lastData = r;
      break;
    }

  const skipped: PlanSkip[] = [];
  const problems: CellProblem[] = [];
  const entries: Entry[] = [];
  const byKey = new Map<string, Entry>();
  const matchCol = settings.matchBy === 'none' ? undefined : settings.matchBy;

  for (let r = headerRow + 1; r <= lastData; r++) {
    const row = rows[r]!;
    const fileRow = rowNumber[r]!;
    const kind = classifyRow(row, targets.length);
    if (kind !== 'data') {
      skipped.push({ fileRow, reason: kind === 'empty' ? SKIP.empty : SKIP.total });
      continue;
    }
    const values = new Map<string, CellValue>();
    slots.forEach((slot, i) => {
      if (!slot) return;
      const raw = row[i] ?? null;
      const { value, problem } = convertCell(raw, slot.type, { dayFirst, defaultCountry, decimalComma: slot.decimalComma });
      if (problem) problems.push({ row: fileRow, column: headers[i]!, value: rawToText(raw), reason: problem });
      // Two file columns onto one book column: the first filled one wins.
      if (!isEmptyValue(value) && !values.has(slot.key)) values.set(slot.key, value);
    });
    if (values.size === 0) {
      skipped.push({ fileRow, reason: SKIP.noValues });
      continue;
    }
    const key = matchCol ? matchKeyOf(settings.matchBy, values.get(matchCol) ?? null, defaultCountry) : undefined;
    const first = key === undefined ? undefined : byKey.get(key);
    if (first) {
      // The same customer twice in the file: later rows fill what the first left empty; disagreements
      // are reported, never dropped silently.
      for (const [k, v] of values) {
        const had = first.values.get(k);
        if (isEmptyValue(had)) first.values.set(k, v);
        else if (!sameValue(had!, v)) problems.push({ row: fileRow, column: labelOf.get(k) ?? k, value: textOf(v), reason: PROBLEM.duplicateConflict });
      }
      skipped.push({ fileRow, reason: SKIP.duplicate, mergedInto: first.fileRow });
      continue;
    }
    const entry: Entry = { fileRow, values, key };
    entries.push(entry);
    if (key !== undefined) byKey.set(key, entry);
  }

  // Existing live customers by the match key; the first one wins when the book has duplicates.
  const existing = new Map<string, RowId>();
  if (matchCol && colById.has(matchCol))
    for (const id of reader.liveRowIds()) {
      const k = matchKeyOf(settings.matchBy, reader.get(id, matchCol), defaultCountry);
      if (k !== undefined && !existing.has(k)) existing.set(k, id);
    }

  const add: { fileRow: number; values: Record<string, CellValue> }[] = [];
  const update: { fileRow: number; row: RowId; changes: { column: string; from: CellValue; to: CellValue }[] }[] = [];
  let unchanged = 0;
  const matchedRows = new Set<RowId>();
  for (const e of entries) {
    const row = e.key === undefined ? undefined : existing.get(e.key);
    if (row === undefined) {
      const values = Object.create(null) as Record<string, CellValue>;
      for (const [k, v] of e.values) values[k] = v;
      add.push({ fileRow: e.fileRow, values });
      continue;
    }
    if (settings.policy === 'skip' || matchedRows.has(row)) {
      skipped.push({ fileRow: e.fileRow, reason: settings.policy === 'skip' ? SKIP.exists : SKIP.duplicate });
      continue;
    }
    matchedRows.add(row);
    const changes: { column: string; from: CellValue; to: CellValue }[] = [];
    for (const [k, to] of e.values) {
      const from = colById.has(k) ? reader.get(row, k) : null;
      if (settings.policy === 'fillEmpty' ? isEmptyValue(from) : !sameValue(from, to)) changes.push({ column: k, from, to });
    }
    if (changes.length) update.push({ fileRow: e.fileRow, row, changes });
    else unchanged++;
  }

  // Blank lines the parser left out, between the header and the last data row, are reported too.
  const firstLine = rowNumber[headerRow] ?? 0;
  const lastLine = rowNumber[lastData] ?? 0;
  for (const line of opts.emptyLines ?? []) if (line > firstLine && line < lastLine) skipped.push({ fileRow: line, reason: SKIP.empty });
  skipped.sort((a, b) => a.fileRow - b.fileRow);
  problems.sort((a, b) => a.row - b.row);
  return { add, update, unchanged, skipped, problems, newColumns, columnKeys: slots.map((s) => s?.key ?? null), headers };
}

function textOf(v: CellValue): string {
  if (v === null) return '';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}
