// The import engine and export writers, loaded on first use: the mapping tables, phone metadata
// and writers stay out of the first load (its budget is 250 KB gzip). Parsing is always the first
// step of an import, so it loads the module; the later steps find it there.

import type { ExportWriters, ImportEngine, ParseJob } from './engine';

type Live = typeof import('./engine-live');
let live: Live | undefined;

export async function loadEngine(): Promise<Live> {
  return (live ??= await import('./engine-live'));
}

function loaded(): Live {
  if (!live) throw new Error('import engine used before a file was parsed');
  return live;
}

export const lazyEngine: ImportEngine = {
  parse(file, fileName, opts, limits, onProgress): ParseJob {
    let inner: ParseJob | undefined;
    let cancelled = false;
    const promise = loadEngine().then((m) => {
      inner = m.liveEngine.parse(file, fileName, opts, limits, onProgress);
      if (cancelled) inner.cancel();
      return inner.promise;
    });
    return {
      promise,
      cancel() {
        cancelled = true;
        inner?.cancel();
      },
      planner: () => inner?.planner?.(),
    };
  },
  suggest: (...args) => loaded().liveEngine.suggest(...args),
  buildPlan: (...args) => loaded().liveEngine.buildPlan(...args),
  apply: (...args) => loaded().liveEngine.apply(...args),
  suggestTransactions: (...args) => loaded().liveEngine.suggestTransactions(...args),
  buildTransactionPlans: (...args) => loaded().liveEngine.buildTransactionPlans(...args),
  applyTransactions: (...args) => loaded().liveEngine.applyTransactions(...args),
  prepareApply: (...args) => loaded().liveEngine.prepareApply!(...args),
  prepareTransactions: (...args) => loaded().liveEngine.prepareTransactions!(...args),
};

/** Writers for code that has awaited `loadEngine()` (exports are async anyway). */
export const lazyWriters: ExportWriters = {
  sheetTable: (...args) => loaded().liveWriters.sheetTable(...args),
  toCsv: (...args) => loaded().liveWriters.toCsv(...args),
  toXlsxBytes: (...args) => loaded().liveWriters.toXlsxBytes(...args),
};
