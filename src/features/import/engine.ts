// The import engine as the Import view sees it: parsing in a worker, header detection, mapping
// suggestions, type inference, the plan and applying it; and the export writers. One place that
// knows where each piece lives in io/ and core/, handed to the session so tests can pass their own.

import type { Book, CellValue, Column, ColumnType, SheetId } from '../../core/index';
import type { ExportColumn } from '../../io/export/csv';
import type { ExportTable } from '../../io/export/table';
import type { TransactionMapping, TransactionPlans } from '../../io/map/transactions';
import type { Planner } from '../../io/parse/planner';
import type { ColumnTarget, ImportPlan, ImportSettings, ParseLimits, ParseOptions, ParseResult, RawRow } from '../../io/types';

export type { Planner, TransactionMapping, TransactionPlans };

/** What applying a plan wrote into one sheet. */
export type Applied = { readonly added: number; readonly updated: number };

export type ParseJob = {
  readonly promise: Promise<ParseResult>;
  cancel(): void;
  /** Once parsed: the worker that read the file, kept to suggest and plan off the main thread
   * (src/io/parse/planner.ts). Engines without one plan on the page. */
  planner?(): Planner | undefined;
};

export type Inferred = { readonly type: ColumnType; readonly ambiguousDates: number };

/** What the mapping step starts with (src/io/map `suggestMapping`). */
export type Suggestion = {
  readonly headerRow: number;
  /** Display names of the file's columns ("Column 3" for an empty header, "Name (2)" for a repeat). */
  readonly headers: readonly string[];
  readonly targets: readonly ColumnTarget[];
  readonly inferred: readonly Inferred[];
  readonly dayFirst: boolean;
};

export interface ImportEngine {
  parse(file: Blob, fileName: string, opts: ParseOptions, limits?: ParseLimits, onProgress?: (rowsRead: number) => void): ParseJob;
  /** Header row (detected unless given), column names, targets and the date reading of a sheet. */
  suggest(rows: readonly RawRow[], columns: readonly Column[], sheet: SheetId, opts: { readonly locale: string; readonly headerRow?: number }): Suggestion;
  buildPlan(book: Book, sheet: SheetId, rows: readonly RawRow[], settings: ImportSettings): ImportPlan;
  apply(book: Book, sheet: SheetId, plan: ImportPlan): { added: number; updated: number };
  /**
   * A row-per-transaction reading of the sheet (src/io/map/transactions): the suggested split of its
   * columns between customers and purchases, when the file has a customer code that repeats and a
   * date or amount column; undefined otherwise.
   */
  suggestTransactions(
    book: Book,
    rows: readonly RawRow[],
    headerRow: number,
    opts: { readonly dayFirst: boolean; readonly defaultCountry?: string },
  ): TransactionMapping | undefined;
  /** The customers plan (one per code) and the purchases plan (one per line), linked by the code. */
  buildTransactionPlans(book: Book, rows: readonly RawRow[], mapping: TransactionMapping): TransactionPlans;
  /** Writes both plans in ONE transaction: one undo step removes customers and purchases alike. */
  applyTransactions(book: Book, plans: TransactionPlans): { readonly customers: Applied; readonly purchases: Applied };
  /**
   * `apply` in two steps: the rows are built and encoded in slices that yield to the page (nothing
   * written yet), then the returned write is the one transaction. Engines without it apply at once.
   */
  prepareApply?(book: Book, sheet: SheetId, plan: ImportPlan): Promise<() => Applied>;
  /** `applyTransactions` in the same two steps. */
  prepareTransactions?(book: Book, plans: TransactionPlans): Promise<() => { readonly customers: Applied; readonly purchases: Applied }>;
}

/** The export writers (src/io/export): a sheet as a table, and that table as CSV text or .xlsx bytes. */
export interface ExportWriters {
  sheetTable(book: Book, sheet: SheetId, opts: { readonly label: (column: Column) => string }): ExportTable;
  toCsv(columns: readonly ExportColumn[], rows: readonly (readonly CellValue[])[]): string;
  toXlsxBytes(sheetName: string, columns: readonly ExportColumn[], rows: readonly (readonly CellValue[])[]): Promise<Uint8Array>;
}
