// Plain helpers of the Import view, kept free of Solid and the DOM so they run in Node tests: how a
// file's rows turn into headers and samples, how a column target is written in a <select>, the
// plan's counts, the import report as a table, and what an export of a sheet contains.

import type { CellValue, ColumnType } from '../../core/index';
import type { ColumnTarget, EncodingName, ImportPlan, RawCell, RawRow } from '../../io/types';

/** The encodings a person can pick for a text file (the guess may also be UTF-16, shown as is). */
export const ENCODING_CHOICES: readonly EncodingName[] = ['utf-8', 'gb18030', 'big5', 'windows-1252'];

/** Delimiters a person can pick for a delimited text file. */
export const DELIMITER_CHOICES: readonly string[] = [',', ';', '\t', '|'];

/** Column types a new column may get from an import (computed columns are never imported). */
export const IMPORTABLE_TYPES: readonly ColumnType[] = ['text', 'number', 'currency', 'date', 'phone', 'email', 'select', 'tags', 'checkbox'];

/** How many rows the preview table shows. */
export const PREVIEW_ROWS = 20;

export const FILE_ACCEPT = '.xlsx,.xls,.ods,.csv,.tsv,.txt,.vcf';

export const cellText = (v: RawCell | undefined): string => (v === null || v === undefined ? '' : String(v));

/** The widest row's length among the first `scan` rows after `from` (files often have ragged rows). */
export function columnCount(rows: readonly RawRow[], from = 0, scan = 200): number {
  let n = 0;
  for (let i = from; i < rows.length && i < from + scan; i++) n = Math.max(n, rows[i]!.length);
  return n;
}

/** The header texts of the row `headerRow`, one per column of the file (empty where the header is). */
export function headersOf(rows: readonly RawRow[], headerRow: number): string[] {
  const header = rows[headerRow] ?? [];
  const n = Math.max(header.length, columnCount(rows, headerRow));
  return Array.from({ length: n }, (_, i) => cellText(header[i]).trim());
}

/** The values of column `col` below the header (all of them, for type inference). */
export function columnValues(rows: readonly RawRow[], headerRow: number, col: number): RawCell[] {
  const out: RawCell[] = [];
  for (let i = headerRow + 1; i < rows.length; i++) out.push(rows[i]![col] ?? null);
  return out;
}

/** Up to `n` non-empty values of column `col` below the header, as text, for the mapping editor. */
export function samplesOf(rows: readonly RawRow[], headerRow: number, col: number, n = 3): string[] {
  const out: string[] = [];
  for (let i = headerRow + 1; i < rows.length && out.length < n; i++) {
    const t = cellText(rows[i]![col]).trim();
    if (t) out.push(t);
  }
  return out;
}

/** A target as the value of the mapping <select>: `col:<id>`, `new` or `skip`. */
export function targetValue(t: ColumnTarget): string {
  return t.kind === 'column' ? `col:${t.columnId}` : t.kind;
}

/** The target a <select> value stands for; a new column takes the file's header as its name. */
export function parseTargetValue(value: string, header: string, type: ColumnType, fallbackName: string): ColumnTarget {
  if (value.startsWith('col:')) return { kind: 'column', columnId: value.slice(4) };
  if (value === 'new') return { kind: 'new', name: header || fallbackName, type };
  return { kind: 'skip' };
}

/** The same book column chosen for two file columns: the later ones would overwrite the first. */
export function duplicateTargets(targets: readonly ColumnTarget[]): Set<number> {
  const seen = new Map<string, number>();
  const dup = new Set<number>();
  targets.forEach((t, i) => {
    if (t.kind !== 'column') return;
    const first = seen.get(t.columnId);
    if (first === undefined) seen.set(t.columnId, i);
    else dup.add(i).add(first);
  });
  return dup;
}

export type PlanCounts = {
  readonly add: number;
  readonly update: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly problems: number;
  /** Rows the import would write (new + updated). */
  readonly toWrite: number;
};

export function planCounts(plan: ImportPlan): PlanCounts {
  return {
    add: plan.add.length,
    update: plan.update.length,
    unchanged: plan.unchanged,
    skipped: plan.skipped.length,
    problems: plan.problems.length,
    toWrite: plan.add.length + plan.update.length,
  };
}

/** A date written with two small numbers first (03/04/2024): day/month or month/day cannot be told. */
const AMBIGUOUS_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/;

export function isAmbiguousDate(v: RawCell): boolean {
  if (typeof v !== 'string') return false;
  const m = AMBIGUOUS_DATE.exec(v);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a >= 1 && a <= 12 && b >= 1 && b <= 12 && a !== b;
}

/** The first ambiguous date among `values`, to show the person what is meant. */
export const ambiguousExample = (values: readonly RawCell[]): string | undefined => {
  const v = values.find(isAmbiguousDate);
  return typeof v === 'string' ? v.trim() : undefined;
};

/** A cell of the book as plain text for the preview (tags joined, booleans as ✓). */
export function valueText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  return String(v);
}

/** What an import did, kept after the plan is applied so the report stays available. */
export type ImportReport = {
  readonly fileName: string;
  readonly sheet: string;
  readonly at: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: ImportPlan['skipped'];
  readonly problems: ImportPlan['problems'];
  readonly updates: ImportPlan['update'];
  readonly addedRows: readonly number[];
  /** Names of the columns the import created (plan keys `new:<index>` refer to them). */
  readonly newColumns: readonly string[];
  /**
   * A file with one line per sale imported as customers (the fields above, `sheet` 'customers') plus
   * their purchases, written in the same transaction.
   */
  readonly purchases?: PurchasesReport;
};

export type PurchasesReport = {
  readonly added: number;
  readonly skipped: ImportPlan['skipped'];
  readonly problems: ImportPlan['problems'];
  readonly addedRows: readonly number[];
};

/** A plan's column key as a name: `new:<i>` is a column the import creates, anything else a book column id. */
export function planColumnLabel(key: string, newColumns: readonly string[], bookLabel: (id: string) => string): string {
  const m = /^new:(\d+)$/.exec(key);
  if (m) return newColumns[Number(m[1])] ?? key;
  return bookLabel(key);
}

export type ReportLabels = {
  /** Column titles of the report table. */
  readonly headers: readonly [string, string, string, string, string];
  readonly added: string;
  readonly updated: string;
  readonly skipped: string;
  readonly problem: string;
  readonly reason: (reason: string) => string;
  readonly column: (id: string) => string;
  /** With purchases in the report: a sheet's name, added to each outcome ("Added · Purchases"). */
  readonly sheet?: (sheet: 'customers' | 'purchases') => string;
  /** With purchases in the report: a purchases column id as a name. */
  readonly purchasesColumn?: (id: string) => string;
};

/** The report as rows of text (outcome, file row, column, value, detail), sorted by file row. */
export function reportTable(report: ImportReport, labels: ReportLabels): { header: string[]; rows: string[][] } {
  const rows: { row: number; order: number; cells: string[] }[] = [];
  for (const r of report.addedRows) rows.push({ row: r, order: 0, cells: [labels.added, String(r), '', '', ''] });
  for (const u of report.updates) {
    if (!u.changes.length) rows.push({ row: u.fileRow, order: 1, cells: [labels.updated, String(u.fileRow), '', '', ''] });
    for (const c of u.changes)
      rows.push({ row: u.fileRow, order: 1, cells: [labels.updated, String(u.fileRow), labels.column(c.column), valueText(c.to), `${valueText(c.from)} → ${valueText(c.to)}`] });
  }
  for (const s of report.skipped) rows.push({ row: s.fileRow, order: 2, cells: [labels.skipped, String(s.fileRow), '', '', labels.reason(s.reason)] });
  for (const p of report.problems) rows.push({ row: p.row, order: 3, cells: [labels.problem, String(p.row), labels.column(p.column), p.value, labels.reason(p.reason)] });
  const sales = report.purchases;
  if (sales) {
    const sheet = labels.sheet ?? ((id: string) => id);
    const column = labels.purchasesColumn ?? ((id: string) => id);
    for (const r of rows) r.cells[0] = `${r.cells[0]} · ${sheet('customers')}`;
    const tag = (outcome: string) => `${outcome} · ${sheet('purchases')}`;
    for (const r of sales.addedRows) rows.push({ row: r, order: 4, cells: [tag(labels.added), String(r), '', '', ''] });
    for (const s of sales.skipped) rows.push({ row: s.fileRow, order: 5, cells: [tag(labels.skipped), String(s.fileRow), '', '', labels.reason(s.reason)] });
    for (const p of sales.problems) rows.push({ row: p.row, order: 6, cells: [tag(labels.problem), String(p.row), column(p.column), p.value, labels.reason(p.reason)] });
  }
  rows.sort((a, b) => a.row - b.row || a.order - b.order);
  return { header: [...labels.headers], rows: rows.map((r) => r.cells) };
}

/** A file name for an export: the sheet's name in the person's language, today's date, the extension. */
export function exportFileName(label: string, isoDate: string, ext: string): string {
  const base =
    label
      .normalize('NFC')
      .toLocaleLowerCase()
      .replace(/[\\/:*?"<>|\s]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'export';
  return `${base}-${isoDate}.${ext}`;
}

export function formatBytes(n: number, format: (n: number) => string): string {
  if (n < 1024) return `${format(n)} B`;
  if (n < 1024 * 1024) return `${format(Math.round(n / 102.4) / 10)} KB`;
  return `${format(Math.round(n / (1024 * 104.8576)) / 10)} MB`;
}
