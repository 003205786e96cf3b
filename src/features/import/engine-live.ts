// The import engine wired to the real pieces: the parsing worker (src/io/parse), the mapping and
// plan (src/io/map, with the row-per-transaction split) and the one-transaction write (core
// `applyImport`, `applyImports` for customers plus purchases). The .xlsx writer loads
// SheetJS on first use, so it stays out of the start-up bundle.

import { applyImport, applyImports, prepareImports } from '../../core/index';
import { suggestMapping } from '../../io/map/mapping';
import { looksLikeTransactions, splitTransactions, suggestTransactionMapping } from '../../io/map/transactions';
import { buildImportPlan } from '../../io/map/plan';
import { createParseWorker, parseInWorker } from '../../io/parse/worker-client';
import { toCsv } from '../../io/export/csv';
import { sheetTable } from '../../io/export/table';
import { toXlsxBytes } from '../../io/export/xlsx';
import type { ExportWriters, ImportEngine } from './engine';

export const liveEngine: ImportEngine = {
  // The worker stays after parsing: it suggests the mapping and builds the plan (src/io/parse/plan-host.ts).
  parse: (file, fileName, opts, limits, onProgress) => parseInWorker(file, fileName, opts, limits, onProgress, createParseWorker, true),
  suggest: (rows, columns, sheet, opts) => suggestMapping(rows, columns, sheet, opts),
  buildPlan: (book, sheet, rows, settings) => buildImportPlan(book, sheet, rows, settings),
  apply(book, sheet, plan) {
    const done = applyImport(book, sheet, plan);
    return { added: done.added.length, updated: done.updated };
  },
  suggestTransactions(book, rows, headerRow, opts) {
    const mapping = suggestTransactionMapping(rows, headerRow, book, opts);
    return mapping && looksLikeTransactions(rows, headerRow, mapping.customerColumn) ? mapping : undefined;
  },
  buildTransactionPlans: (book, rows, mapping) => splitTransactions(book, rows, mapping),
  async prepareApply(book, sheet, plan) {
    const write = await prepareImports(book, [{ sheet, plan }]);
    return () => {
      const [done] = write();
      return { added: done!.added.length, updated: done!.updated };
    };
  },
  async prepareTransactions(book, plans) {
    const write = await prepareImports(book, [
      { sheet: 'customers', plan: plans.customers },
      { sheet: 'purchases', plan: plans.purchases },
    ]);
    return () => {
      const [customers, purchases] = write();
      return {
        customers: { added: customers!.added.length, updated: customers!.updated },
        purchases: { added: purchases!.added.length, updated: purchases!.updated },
      };
    };
  },
  applyTransactions(book, plans) {
    const [customers, purchases] = applyImports(book, [
      { sheet: 'customers', plan: plans.customers },
      { sheet: 'purchases', plan: plans.purchases },
    ]);
    return {
      customers: { added: customers!.added.length, updated: customers!.updated },
      purchases: { added: purchases!.added.length, updated: purchases!.updated },
    };
  },
};

export const liveWriters: ExportWriters = { sheetTable, toCsv, toXlsxBytes };
