// The import engine wired to the real pieces: the parsing worker (src/io/parse), the mapping and
// plan (src/io/map) and the one-transaction write (core `applyImport`). The .xlsx writer loads
// SheetJS on first use, so it stays out of the start-up bundle.

import { applyImport } from '../../core/index';
import { suggestMapping } from '../../io/map/mapping';
import { buildImportPlan } from '../../io/map/plan';
import { parseInWorker } from '../../io/parse/worker-client';
import { toCsv } from '../../io/export/csv';
import { sheetTable } from '../../io/export/table';
import { toXlsxBytes } from '../../io/export/xlsx';
import type { ExportWriters, ImportEngine } from './engine';

export const liveEngine: ImportEngine = {
  parse: (file, fileName, opts, limits, onProgress) => parseInWorker(file, fileName, opts, limits, onProgress),
  suggest: (rows, columns, sheet, opts) => suggestMapping(rows, columns, sheet, opts),
  buildPlan: (book, sheet, rows, settings) => buildImportPlan(book, sheet, rows, settings),
  apply(book, sheet, plan) {
    const done = applyImport(book, sheet, plan);
    return { added: done.added.length, updated: done.updated };
  },
};

export const liveWriters: ExportWriters = { sheetTable, toCsv, toXlsxBytes };
