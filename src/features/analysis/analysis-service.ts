// The customer analysis for the app, the one copy every feature reads (computed columns, the card,
// Segments, Problems, Reminders): built once the book is loaded (in idle time, after the first
// paint, so start-up never waits for it; sooner when a view asks with `start()`), then kept current:
//   - book changes are never handled inside the change's own task (an import's commit, a synced
//     update): they are queued and taken together in a task of their own right after it;
//   - a new sale (or any change `applyBookChange` can apply exactly) updates only its customer;
//   - after such an update the shop-wide boundaries (RFM quintiles, value classes) are refreshed a
//     little later, when the device is idle (`refresh()` moves other customers at the margin only);
//   - anything else (an edited or deleted sale, a changed code, new rules from this or another
//     device: the change feed reports the meta keys) runs a debounced full compute;
//   - `today` comes from the clock and rolls over at midnight (checked each minute and on wake-up).
// The UI reads it through `version`, a signal that ticks whenever any computed value may have changed.

import { createSignal, type Accessor } from 'solid-js';
import { todayIso } from '../../base/date';
import { afterCurrentTask } from '../../base/tasks';
import { afterNextPaint } from '../../ui/after-paint';
import { DisposableStore, Emitter, toDisposable, type Disposable, type Event } from '../../base/event';
import {
  ANALYSIS_SETTINGS_KEY,
  analyzeBook,
  applyBookChange,
  CustomerProblems,
  isoToDay,
  type AnalysisSettings,
  type Book,
  type BookAnalysis,
  type BookChange,
  type CustomerAnalysis,
  type DataProblem,
  type Day,
  type RowId,
} from '../../core/index';

export type AnalysisUpdate = {
  /** A full compute (every row may have changed) or an incremental one (only `rows`). */
  readonly full: boolean;
  readonly rows: readonly RowId[];
  /** Time the update took, in ms (shown nowhere; read by tests and the benchmark). */
  readonly ms: number;
};

export interface AnalysisService extends Disposable {
  /** Ticks whenever a computed value may have changed. Read it in a computation to follow the analysis. */
  readonly version: Accessor<number>;
  /** The analysis, once the first compute ran. */
  analysis(): CustomerAnalysis | undefined;
  /** The whole result (with the snapshot it was computed from). */
  current(): BookAnalysis | undefined;
  today(): Day;
  settings(): AnalysisSettings | undefined;
  /** Data problems of the book, recomputed in idle time after the analysis changes; a signal. */
  readonly problems: Accessor<readonly DataProblem[]>;
  /** Runs the full compute now (after the rules were saved on this device). */
  refreshNow(): void;
  /**
   * Asks for the first compute as soon as the book is loaded, without waiting for the first paint
   * (a view that shows nothing without the analysis is on screen). Later calls do nothing.
   */
  start(): void;
  /** Resolves once the first compute is done. */
  readonly whenReady: Promise<void>;
  readonly onDidUpdate: Event<AnalysisUpdate>;
}

export type AnalysisServiceOptions = {
  /** The book is loaded: `start()` may compute from then on. */
  readonly whenLoaded: Promise<unknown>;
  /** When the first compute starts by itself (after the first paint); `whenLoaded` when not given. */
  readonly whenPainted?: Promise<unknown>;
  /** The day it is now (tests pass a fixed one). */
  readonly now?: () => Day;
  /** Schedules work for when the page is idle. */
  readonly idle?: (fn: () => void) => void;
  /** Debounce of the full compute after changes it cannot apply incrementally. */
  readonly fullDelayMs?: number;
  /** Debounce of the boundary refresh after incremental updates. */
  readonly refreshDelayMs?: number;
  /** How often the clock is checked (the rules come through the change feed). */
  readonly pollMs?: number;
  /** Runs `fn` in a task of its own after the current one (book changes are taken there). */
  readonly defer?: (fn: () => void) => void;
  /** Runs the next slice of a big change in a later task, after the page could paint. */
  readonly slice?: (fn: () => void) => void;
  /** Main-thread time after which a big change yields to the page (default 8 ms). */
  readonly sliceBudgetMs?: number;
};

const clockDay = (): Day => isoToDay(todayIso())!;

/** A performance measure the benchmark reads (`clientela:analysis-*`); silently skipped where unsupported. */
function measure(name: string, start: number): void {
  measureMs(name, start, performance.now() - start);
}

/** Like `measure`, for work done in several tasks: `ms` of it in all, the last part from `start`. */
function measureMs(name: string, start: number, ms: number): void {
  try {
    performance.measure(`clientela:analysis-${name}`, { start, duration: ms });
  } catch {
    // Node without User Timing details: nothing to record.
  }
}

function idleDefault(fn: () => void): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (ric) ric(fn, { timeout: 1500 });
  else setTimeout(fn, 50);
}

/** A big change is taken in pieces of this many customer rows (below the whole-column read of
 * `readCustomerRows`), each piece in a task of its own once the last took this long. */
const SLICE_ROWS = 1000;
const SLICE_BUDGET_MS = 8;

/** One change as several that apply the same, in order: one per sheet, the customers in pieces. */
export function splitChange(change: BookChange, max = SLICE_ROWS): BookChange[] {
  if (!change.sheets.some((sc) => sc.sheet === 'customers' && (sc.rows?.size ?? 0) > max)) return [change];
  const out: BookChange[] = [];
  let meta = change.meta;
  const push = (sc: BookChange['sheets'][number]) => {
    out.push({ origin: change.origin, meta, sheets: [sc] });
    meta = [];
  };
  for (const sc of change.sheets) {
    if (sc.sheet !== 'customers' || !sc.rows || sc.rows.size <= max) {
      push(sc);
      continue;
    }
    const ids = [...sc.rows];
    for (let i = 0; i < ids.length; i += max) push({ ...sc, rows: new Set(ids.slice(i, i + max)) });
  }
  return out;
}

/** A sheet change that only touched columns (a resize, a rename, a hidden column) changes no figure. */
const onlyColumns = (s: BookChange['sheets'][number]): boolean => !!s.rows && s.rows.size === 0 && !s.rowsAddedOrRemoved;

export function makeAnalysisService(book: Book, opts: AnalysisServiceOptions): AnalysisService {
  const now = opts.now ?? clockDay;
  const idle = opts.idle ?? idleDefault;
  const defer = opts.defer ?? afterCurrentTask;
  const nextSlice = opts.slice ?? afterNextPaint;
  const sliceBudget = opts.sliceBudgetMs ?? SLICE_BUDGET_MS;
  const fullDelay = opts.fullDelayMs ?? 300;
  const refreshDelay = opts.refreshDelayMs ?? 1500;
  const store = new DisposableStore();
  const updated = store.add(new Emitter<AnalysisUpdate>());
  const [version, setVersion] = createSignal(0);
  const [problems, setProblems] = createSignal<readonly DataProblem[]>([]);
  /** `customers`: whether customer rows may have changed (the problems depend on nothing else a sale touches). */
  const bump = (u: AnalysisUpdate, customers = u.full) => {
    setVersion((v) => v + 1);
    updated.fire(u);
    if (customers) scheduleProblems();
  };

  let current: BookAnalysis | undefined;
  let today = now();
  let settingsRaw: unknown = undefined;
  let disposed = false;
  let loaded = false;
  let started = false;
  /** Book changes not taken yet (see `take`). */
  let queue: BookChange[] = [];
  let fullTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let problemsTimer: ReturnType<typeof setTimeout> | undefined;
  let resolveReady!: () => void;
  const whenReady = new Promise<void>((r) => (resolveReady = r));

  const full = () => {
    clearTimeout(fullTimer);
    fullTimer = undefined;
    if (disposed || !loaded) return;
    // Everything queued so far is in what this compute reads.
    queue = [];
    const t0 = performance.now();
    today = now();
    settingsRaw = book.meta(ANALYSIS_SETTINGS_KEY);
    current = analyzeBook(book, today);
    measure('full', t0);
    bump({ full: true, rows: [], ms: performance.now() - t0 });
    resolveReady();
  };
  const scheduleFull = (delay = fullDelay) => {
    clearTimeout(fullTimer);
    clearTimeout(refreshTimer);
    fullTimer = setTimeout(() => idle(full), delay);
  };
  const scheduleRefresh = () => {
    if (refreshTimer !== undefined || fullTimer !== undefined) return;
    refreshTimer = setTimeout(
      () =>
        idle(() => {
          refreshTimer = undefined;
          const a = current?.analysis;
          if (disposed || !a || !a.stale) return;
          const t0 = performance.now();
          const rows = a.refresh();
          bump({ full: false, rows, ms: performance.now() - t0 });
        }),
      refreshDelay,
    );
  };
  // Problems: the customers as the analysis keeps them (edits apply incrementally) and the purchase
  // issues of the last full read. In idle time, a slice of customers at a time with frames painted
  // between (a customer's keys, its folded name and checked phone, take ~3 µs: 50k after an import).
  let problemsRun = 0;
  const scheduleProblems = () => {
    clearTimeout(problemsTimer);
    const run = ++problemsRun;
    problemsTimer = setTimeout(
      () =>
        idle(() => {
          const c = current;
          if (disposed || !c || run !== problemsRun) return;
          const customers: NonNullable<ReturnType<CustomerAnalysis['customer']>>[] = [];
          for (const id of c.analysis.rowIds()) customers.push(c.analysis.customer(id)!);
          const found = new CustomerProblems();
          let next = 0;
          let busy = 0;
          const step = () => {
            // A newer run (the customers changed again) does it all over.
            if (disposed || run !== problemsRun) return;
            const t0 = performance.now();
            do {
              const to = Math.min(next + 500, customers.length);
              found.add(customers, next, to);
              next = to;
            } while (next < customers.length && performance.now() - t0 < sliceBudget);
            if (next < customers.length) {
              busy += performance.now() - t0;
              return nextSlice(step);
            }
            setProblems(found.finish(c.snapshot.issues));
            measureMs('problems', t0, busy + performance.now() - t0);
          };
          step();
        }),
      250,
    );
  };

  // Book changes: queued in the change's task (nothing else happens there: an import's commit must
  // stay short), then taken together in a task of their own. Several changes in a row (a paste, a
  // sync burst) make one update. Each is still applied in order, as `applyBookChange` reads the rows
  // as they are now: a sale added and then edited before we look goes to the full compute. A big
  // change (an import's 50k customers: ~150 ms in one go) is taken in pieces, a task each, with the
  // frames painted between them; the update is announced once, after the last piece.
  // While a take is under way the queue is not empty, and a change queued then waits its turn.
  let taken: { rows: Set<RowId>; customers: boolean; applied: boolean; ms: number } | undefined;
  const take = () => {
    const a = current?.analysis;
    if (disposed || !a || fullTimer !== undefined || queue.length === 0) {
      queue = [];
      taken = undefined;
      return;
    }
    const t0 = performance.now();
    const acc = (taken ??= { rows: new Set<RowId>(), customers: false, applied: false, ms: 0 });
    const toFull = (delay?: number) => {
      queue = [];
      taken = undefined;
      scheduleFull(delay);
    };
    while (queue.length > 0) {
      const change = queue.shift()!;
      // New rules (unless a compute already read them: "Save rules" here computes at once).
      if (change.meta.includes(ANALYSIS_SETTINGS_KEY) && book.meta(ANALYSIS_SETTINGS_KEY) !== settingsRaw) return toFull(0);
      const sheets = change.sheets.filter((s) => !onlyColumns(s));
      if (sheets.length === 0) continue;
      const pieces = splitChange({ ...change, sheets });
      if (pieces.length > 1) {
        queue.unshift(...pieces);
        continue;
      }
      const r = applyBookChange(a, book, pieces[0]!);
      if (r.full) return toFull();
      acc.applied = true;
      for (const id of r.rows) acc.rows.add(id);
      if (sheets.some((x) => x.sheet === 'customers')) acc.customers = true;
      if (queue.length > 0 && performance.now() - t0 >= sliceBudget) {
        acc.ms += performance.now() - t0;
        return nextSlice(take);
      }
    }
    taken = undefined;
    if (!acc.applied) return;
    bump({ full: false, rows: [...acc.rows], ms: acc.ms + performance.now() - t0 }, acc.customers);
    if (a.stale) scheduleRefresh();
  };
  store.add(
    book.onDidChange((change) => {
      // Before the first compute, or with one pending, the compute reads everything anyway.
      if (!current || fullTimer !== undefined) return;
      if (change.sheets.every(onlyColumns) && !change.meta.includes(ANALYSIS_SETTINGS_KEY)) return;
      queue.push(change);
      if (queue.length === 1) defer(take);
    }),
  );

  // The clock (midnight). The rules are in the change feed (meta keys), from this device or another;
  // comparing the stored value too costs nothing and covers a book replaced under us (a restore).
  const check = () => {
    if (!current) return;
    if (now() !== today || book.meta(ANALYSIS_SETTINGS_KEY) !== settingsRaw) scheduleFull(0);
  };
  const poll = setInterval(check, opts.pollMs ?? 30_000);
  store.add(toDisposable(() => clearInterval(poll)));
  if (typeof document !== 'undefined') {
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    document.addEventListener('visibilitychange', onVisible);
    store.add(toDisposable(() => document.removeEventListener('visibilitychange', onVisible)));
  }

  const begin = () => {
    if (disposed || started) return;
    started = true;
    idle(full);
  };
  let wanted = false;
  void opts.whenLoaded.then(() => {
    loaded = true;
    if (wanted) begin();
  });
  void (opts.whenPainted ?? opts.whenLoaded).then(() => {
    wanted = true;
    if (loaded) begin();
  });

  return {
    version,
    analysis: () => current?.analysis,
    current: () => current,
    today: () => today,
    settings: () => current?.analysis.settings,
    problems,
    refreshNow: () => {
      if (loaded) full();
    },
    start: () => {
      wanted = true;
      if (loaded) begin();
    },
    whenReady,
    onDidUpdate: updated.event,
    dispose() {
      disposed = true;
      clearTimeout(fullTimer);
      clearTimeout(refreshTimer);
      clearTimeout(problemsTimer);
      store.dispose();
    },
  };
}
