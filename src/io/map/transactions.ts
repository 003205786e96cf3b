// Row-per-transaction files (date, customer id, name, product, amount — one line per sale) imported as
// customers, one per customer id, plus purchases linked to them by the customer's code (the
// purchases sheet's `customer` column holds the code).

import type { Book, Column, SheetId } from '../../core/index';
import type { ColumnTarget, ImportSettings, RawRow } from '../types';
import { classifyRow } from './header';
import { headerNames, suggestTargets } from './mapping';
import { SKIP, buildImportPlan, type DetailedImportPlan, type PlanOptions } from './plan';
import { matchHeader } from './synonyms';

export type TransactionMapping = {
  readonly headerRow: number;
  /** The file column holding the customer's code (id); it links each purchase to its customer. */
  readonly customerColumn: number;
  /** Per file column: where it goes in the customers sheet (code, name, phone...), or skip. */
  readonly customerTargets: readonly ColumnTarget[];
  /** Per file column: where it goes in the purchases sheet (date, amount, items, note), or skip. */
  readonly purchaseTargets: readonly ColumnTarget[];
  /** Merge policy for customers already in the book (matched by code). */
  readonly policy: ImportSettings['policy'];
  readonly dayFirst: boolean;
  readonly defaultCountry?: string;
};

export type TransactionPlans = {
  /** One entry per customer code; repeated codes are the same customer, not reported as duplicates. */
  readonly customers: DetailedImportPlan;
  /** One purchase per data row. */
  readonly purchases: DetailedImportPlan;
};

const PURCHASE_FIELDS: ReadonlySet<string> = new Set(['date', 'amount', 'items', 'note']);

/**
 * Splits the file's columns between customers and purchases by their headers: sale fields (date,
 * amount, product, note) go to purchases, customer fields (code, name, phone, tier...) to customers,
 * and the customer code to both. Undefined when the file has no customer code column, or no date or
 * amount column.
 */
export function suggestTransactionMapping(
  rows: readonly RawRow[],
  headerRow: number,
  book: Book,
  opts: { readonly dayFirst: boolean; readonly defaultCountry?: string; readonly policy?: ImportSettings['policy'] },
): TransactionMapping | undefined {
  const width = rows.reduce((w, r, i) => (i >= headerRow ? Math.max(w, r.length) : w), 0);
  const headers = headerNames(Array.from({ length: width }, (_, i) => rows[headerRow]?.[i] ?? null));
  // Rows are classified once, not once per column (a 50k-row file has thousands of them to weigh).
  const sampleRows: RawRow[] = [];
  for (let r = headerRow + 1; r < rows.length && sampleRows.length < 2000; r++) if (classifyRow(rows[r]!, 0) === 'data') sampleRows.push(rows[r]!);
  const samples = headers.map((_, i) => sampleRows.map((row) => row[i] ?? null));
  const purchaseCols = book.sheet('purchases').columns();
  const has = (cols: readonly Column[], id: string) => cols.some((c) => c.id === id);

  let customerColumn = -1;
  const isPurchaseField: boolean[] = headers.map((h, i) => {
    const p = matchHeader(h, 'purchases');
    const c = matchHeader(h, 'customers');
    if (c?.kind === 'builtIn' && c.id === 'code' && customerColumn < 0) {
      customerColumn = i;
      return false;
    }
    if (c?.kind === 'builtIn' && c.exact) return false;
    return p?.kind === 'builtIn' && PURCHASE_FIELDS.has(p.id);
  });
  if (customerColumn < 0) return undefined;
  const purchaseHeaders = headers.map((h, i) => (isPurchaseField[i] ? h : ''));
  const purchaseTargets = suggestTargets(purchaseHeaders, purchaseCols, 'purchases').map((t, i): ColumnTarget => {
    if (i === customerColumn && has(purchaseCols, 'customer')) return { kind: 'column', columnId: 'customer' };
    return isPurchaseField[i] && t.kind === 'column' ? t : { kind: 'skip' };
  });
  if (!purchaseTargets.some((t) => t.kind === 'column' && (t.columnId === 'date' || t.columnId === 'amount'))) return undefined;
  const customerTargets = suggestTargets(
    headers.map((h, i) => (isPurchaseField[i] ? '' : h)),
    book.sheet('customers').columns(),
    'customers',
    samples.map((s, i) => (isPurchaseField[i] ? [] : s)),
    { dayFirst: opts.dayFirst },
  ).map((t, i): ColumnTarget => (isPurchaseField[i] ? { kind: 'skip' } : t));
  return {
    headerRow,
    customerColumn,
    customerTargets,
    purchaseTargets,
    policy: opts.policy ?? 'fillEmpty',
    dayFirst: opts.dayFirst,
    ...(opts.defaultCountry ? { defaultCountry: opts.defaultCountry } : {}),
  };
}

/** Does the sheet look like one line per sale: customer codes that repeat? */
export function looksLikeTransactions(rows: readonly RawRow[], headerRow: number, customerColumn: number): boolean {
  // Two data rows with one code. Rows are classified only once their code repeats: a customer list
  // of 50k unique codes (the common case, weighed on the page when a file is read) classifies none.
  const firstRow = new Map<string, number>();
  const dataRows = new Map<string, number>();
  const isData = (r: number) => classifyRow(rows[r]!, 0) === 'data';
  for (let r = headerRow + 1; r < rows.length; r++) {
    const code = String(rows[r]![customerColumn] ?? '').trim();
    if (code === '') continue;
    const first = firstRow.get(code);
    if (first === undefined) {
      firstRow.set(code, r);
      continue;
    }
    let count = dataRows.get(code);
    if (count === undefined) count = isData(first) ? 1 : 0;
    if (isData(r)) count++;
    if (count >= 2) return true;
    dataRows.set(code, count);
  }
  return false;
}

export function splitTransactions(book: Book, rows: readonly RawRow[], mapping: TransactionMapping, opts: PlanOptions = {}): TransactionPlans {
  const common = { headerRow: mapping.headerRow, dayFirst: mapping.dayFirst, ...(mapping.defaultCountry ? { defaultCountry: mapping.defaultCountry } : {}) };
  const customerTargets = mapping.customerTargets.map((t, i): ColumnTarget => (i === mapping.customerColumn ? { kind: 'column', columnId: 'code' } : t));
  const customersPlan = buildImportPlan(book, 'customers', rows, { ...common, targets: customerTargets, matchBy: 'code', policy: mapping.policy }, opts);
  const purchaseTargets = mapping.purchaseTargets.map((t, i): ColumnTarget => (i === mapping.customerColumn ? { kind: 'column', columnId: 'customer' } : t));
  const purchasesPlan = buildImportPlan(book, 'purchases' satisfies SheetId, rows, { ...common, targets: purchaseTargets, matchBy: 'none', policy: 'skip' }, opts);
  return {
    customers: { ...customersPlan, skipped: customersPlan.skipped.filter((s) => s.reason !== SKIP.duplicate) },
    purchases: purchasesPlan,
  };
}
