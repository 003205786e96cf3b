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
import { DisposableStore, Emitter, toDisposable, type Disposable, type Event } from '../../base/event';
import {
  ANALYSIS_SETTINGS_KEY,
  analyzeBook,
  applyBookChange,
  dataProblems,
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
};

const clockDay = (): Day => isoToDay(todayIso())!;

/** A performance measure the benchmark reads (`clientela:analysis-*`); silently skipped where unsupported. */
function measure(name: string, start: number): void {
  try {
    performance.measure(`clientela:analysis-${name}`, { start, end: performance.now() });
  } catch {
    // Node without User Timing details: nothing to record.
  }
}

/** A task of its own, right after the current one (a message is not clamped like a nested timeout). */
function deferDefault(fn: () => void): void {
  if (typeof MessageChannel === 'undefined') return void setTimeout(fn, 0);
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    ch.port1.close();
    fn();
  };
  ch.port2.postMessage(undefined);
}

function idleDefault(fn: () => void): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (ric) ric(fn, { timeout: 1500 });
  else setTimeout(fn, 50);
}

/** A sheet change that only touched columns (a resize, a rename, a hidden column) changes no figure. */
const onlyColumns = (s: BookChange['sheets'][number]): boolean => !!s.rows && s.rows.size === 0 && !s.rowsAddedOrRemoved;

export function makeAnalysisService(book: Book, opts: AnalysisServiceOptions): AnalysisService {
  const now = opts.now ?? clockDay;
  const idle = opts.idle ?? idleDefault;
  const defer = opts.defer ?? deferDefault;
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
  // issues of the last full read. Cheap next to the analysis, but still done in idle time.
  const scheduleProblems = () => {
    clearTimeout(problemsTimer);
    problemsTimer = setTimeout(
      () =>
        idle(() => {
          const c = current;
          if (disposed || !c) return;
          const t0 = performance.now();
          const customers = [];
          for (const id of c.analysis.rowIds()) customers.push(c.analysis.customer(id)!);
          setProblems(dataProblems({ customers, purchases: [], contacts: [], issues: c.snapshot.issues }));
          measure('problems', t0);
        }),
      250,
    );
  };

  // Book changes: queued in the change's task (nothing else happens there: an import's commit must
  // stay short), then taken together in a task of their own. Several changes in a row (a paste, a
  // sync burst) make one update. Each is still applied in order, as `applyBookChange` reads the rows
  // as they are now: a sale added and then edited before we look goes to the full compute.
  const take = () => {
    const changes = queue;
    queue = [];
    const a = current?.analysis;
    if (disposed || !a || fullTimer !== undefined || changes.length === 0) return;
    const t0 = performance.now();
    const rows = new Set<RowId>();
    let customers = false;
    let applied = false;
    for (const change of changes) {
      // New rules (unless a compute already read them: "Save rules" here computes at once).
      if (change.meta.includes(ANALYSIS_SETTINGS_KEY) && book.meta(ANALYSIS_SETTINGS_KEY) !== settingsRaw) return scheduleFull(0);
      const sheets = change.sheets.filter((s) => !onlyColumns(s));
      if (sheets.length === 0) continue;
      const r = applyBookChange(a, book, { ...change, sheets });
      if (r.full) return scheduleFull();
      applied = true;
      for (const id of r.rows) rows.add(id);
      if (sheets.some((x) => x.sheet === 'customers')) customers = true;
    }
    if (!applied) return;
    bump({ full: false, rows: [...rows], ms: performance.now() - t0 }, customers);
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
