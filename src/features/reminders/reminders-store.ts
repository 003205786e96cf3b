// Today's reminders as signals, kept current for as long as the app runs (the badge, the status bar
// and the start-of-day tab need the count even when the Reminders tab is closed).
//
// The analysis is computed once on the device for `today` from the clock, then kept up by the
// book's change feed (core's incremental path; a full compute, debounced, when it cannot apply a
// change). Reminder states and the rules live in the book's meta map, which the change feed does
// not report, so besides our own writes (which call `refresh`) a cheap check of the stored values'
// identity runs every 1.5 s to pick up what another device synced in. The day is checked every
// minute, so a tablet left on overnight shows the new day's list.

import { createSignal, type Accessor } from 'solid-js';
import { todayIso } from '../../base/date';
import { toDisposable, type Disposable, type Event } from '../../base/event';
import {
  ANALYSIS_SETTINGS_KEY,
  analyzeBook,
  applyBookChange,
  isoToDay,
  reminderStateKey,
  reminderStates,
  remindersFor,
  type Book,
  type CustomerAnalysis,
  type Day,
  type ReminderList,
} from '../../core/index';

export type RemindersStore = {
  /** Undefined until the first compute. */
  readonly list: Accessor<ReminderList | undefined>;
  readonly today: Accessor<Day>;
  /** The analysis behind the list (names, phones); ticks with `list`. */
  readonly analysis: () => CustomerAnalysis | undefined;
  /** Computes now (the first time, or after the rules changed). */
  compute(): void;
  /** Re-reads the stored states (after this device acted on an item). */
  refresh(): void;
  /** The rules changed here: compute again now (through the shared analysis when there is one). */
  recompute(): void;
  /** Resolves once there is a first list. */
  readonly whenReady: Promise<void>;
} & Disposable;

/**
 * The app's one analysis (features/analysis): when given, the store lists from it instead of
 * computing its own copy (one analysis in memory, one compute after a change).
 */
export type AnalysisSource = {
  analysis(): CustomerAnalysis | undefined;
  today(): Day;
  readonly whenReady: Promise<void>;
  readonly onDidUpdate: Event<unknown>;
  refreshNow(): void;
};

export type RemindersStoreOptions = {
  readonly source?: AnalysisSource;
  /** The clock; injectable for tests. */
  readonly now?: () => Date;
  readonly pollMs?: number;
};

export function makeRemindersStore(book: Book, opts: RemindersStoreOptions = {}): RemindersStore {
  const now = opts.now ?? (() => new Date());
  const dayNow = (): Day => isoToDay(todayIso(now()))!;
  const [today, setToday] = createSignal<Day>(dayNow());
  const [list, setList] = createSignal<ReminderList | undefined>(undefined, { equals: false });
  let analysis: CustomerAnalysis | undefined;
  let settingsRaw: unknown = book.meta(ANALYSIS_SETTINGS_KEY);
  // The stored state of every due item (identity), to notice a state synced in from another device.
  let seenStates: unknown[] = [];
  let fullTimer: ReturnType<typeof setTimeout> | undefined;
  let listTimer: ReturnType<typeof setTimeout> | undefined;
  let dirtyRanks = false;

  const rebuildList = () => {
    if (!analysis) return;
    // Incremental updates leave other customers' value class as it was; refresh it before listing
    // (key customers depend on it).
    if (dirtyRanks) {
      analysis.refresh();
      dirtyRanks = false;
    }
    const states = reminderStates(book);
    const next = remindersFor(analysis, today(), states);
    const items = [...next.today, ...next.later];
    seenStates = items.map((i) => book.meta(reminderStateKey(i.id)));
    setList(next);
  };

  const source = opts.source;
  const compute = () => {
    if (source) {
      // The shared analysis computes (and keeps itself current); we only list from it.
      analysis = source.analysis();
      if (source.today() !== today()) setToday(source.today());
      rebuildList();
      return;
    }
    clearTimeout(fullTimer);
    fullTimer = undefined;
    const d = dayNow();
    if (d !== today()) setToday(d);
    settingsRaw = book.meta(ANALYSIS_SETTINGS_KEY);
    analysis = analyzeBook(book, today()).analysis;
    dirtyRanks = false;
    rebuildList();
  };

  const scheduleFull = (ms = 600) => {
    clearTimeout(fullTimer);
    fullTimer = setTimeout(compute, ms);
  };
  const scheduleList = (ms = 150) => {
    clearTimeout(listTimer);
    listTimer = setTimeout(rebuildList, ms);
  };

  const sub = source
    ? source.onDidUpdate(() => {
        analysis = source.analysis();
        if (source.today() !== today()) setToday(source.today());
        scheduleList();
      })
    : book.onDidChange((change) => {
    if (!analysis || fullTimer !== undefined) return;
    const r = applyBookChange(analysis, book, change);
    if (r.full) scheduleFull();
    else {
      if (r.rows.length) dirtyRanks = true;
      scheduleList();
    }
  });

  const poll = () => {
    if (!analysis) return;
    if (!source && dayNow() !== today()) return compute();
    if (!source && book.meta(ANALYSIS_SETTINGS_KEY) !== settingsRaw) return compute();
    const l = list();
    if (!l) return;
    const items = [...l.today, ...l.later];
    if (items.length !== seenStates.length || items.some((i, k) => book.meta(reminderStateKey(i.id)) !== seenStates[k])) rebuildList();
    // A hidden item whose state was cleared on the other device comes back only through a rebuild
    // (its id is not in the list to compare); once a minute is enough for that.
    else if (++ticks % 40 === 0 && l.hidden > 0) rebuildList();
  };
  let ticks = 0;
  const timer = setInterval(poll, opts.pollMs ?? 1500);

  const whenReady = source
    ? source.whenReady.then(() => {
        // The first list now (an update may already have set the analysis and only scheduled it).
        if (!list()) compute();
      })
    : Promise.resolve();

  return {
    list,
    today,
    whenReady,
    analysis: () => (list(), analysis),
    compute,
    refresh: () => {
      if (analysis) rebuildList();
    },
    recompute: () => (source ? source.refreshNow() : compute()),
    ...toDisposable(() => {
      sub.dispose();
      clearInterval(timer);
      clearTimeout(fullTimer);
      clearTimeout(listTimer);
    }),
  };
}
