// Today's reminders as signals, kept current for as long as the app runs (the badge, the status bar
// and the start-of-day tab need the count even when the Reminders tab is closed).
//
// The list comes from the app's one analysis (features/analysis): no copy of it is computed here.
// It is rebuilt a moment after the analysis updates, and when a reminder's state changes in the
// book (the change feed reports meta keys, so a done or snooze synced in from the other device
// arrives like our own writes, which also call `refresh` to show at once).
//
// Items are stable: a rebuild hands back the very same item object for an item whose id and reason
// did not change, so a keyed list keeps its rows (and the button under the owner's finger) while
// the analysis settles after start or the other device syncs.

import { createSignal, type Accessor } from 'solid-js';
import { toDisposable, type Disposable, type Event } from '../../base/event';
import {
  reminderStates,
  remindersFor,
  type Book,
  type CustomerAnalysis,
  type Day,
  type ReminderItem,
  type ReminderList,
} from '../../core/index';

export type RemindersStore = {
  /** Undefined until the analysis has run once. */
  readonly list: Accessor<ReminderList | undefined>;
  readonly today: Accessor<Day>;
  /** The analysis behind the list (names, phones); read it in a computation to follow its updates. */
  readonly analysis: () => CustomerAnalysis | undefined;
  /** Lists now when the analysis is there, else asks it to start (a view needs the list). */
  compute(): void;
  /** Re-reads the stored states (after this device acted on an item). */
  refresh(): void;
  /** The rules changed here: compute again now. */
  recompute(): void;
  /** Resolves once there is a first list. */
  readonly whenReady: Promise<void>;
} & Disposable;

/** The app's one analysis (features/analysis/analysis-service.ts). */
export type AnalysisSource = {
  analysis(): CustomerAnalysis | undefined;
  today(): Day;
  readonly whenReady: Promise<void>;
  readonly onDidUpdate: Event<unknown>;
  refreshNow(): void;
  start(): void;
};

export type RemindersStoreOptions = {
  /** Delay between an analysis update and the rebuild (several updates in a row make one). */
  readonly listDelayMs?: number;
};

const REMINDER_META = 'reminder:';

/** Whether two items say the same (their reasons hold numbers and days only). */
function sameItem(a: ReminderItem, b: ReminderItem): boolean {
  if (a.id !== b.id || a.kind !== b.kind || a.customer !== b.customer || a.day !== b.day) return false;
  const ra = a.reason as Record<string, unknown>;
  const rb = b.reason as Record<string, unknown>;
  for (const k in ra) if (ra[k] !== rb[k]) return false;
  for (const k in rb) if (!(k in ra)) return false;
  return true;
}

/** `next` with the items of `prev` that did not change (and `prev`'s arrays when nothing did). */
export function keepStable(prev: ReminderList | undefined, next: ReminderList): ReminderList {
  if (!prev) return next;
  const old = new Map<string, ReminderItem>();
  for (const i of prev.today) old.set(i.id, i);
  for (const i of prev.later) old.set(i.id, i);
  const keep = (xs: readonly ReminderItem[], was: readonly ReminderItem[]): readonly ReminderItem[] => {
    let same = xs.length === was.length;
    const out = xs.map((x, k) => {
      const o = old.get(x.id);
      const y = o && sameItem(o, x) ? o : x;
      if (y !== was[k]) same = false;
      return y;
    });
    return same ? was : out;
  };
  const today = keep(next.today, prev.today);
  const later = keep(next.later, prev.later);
  return today === prev.today && later === prev.later && next.hidden === prev.hidden ? prev : { today, later, hidden: next.hidden };
}

export function makeRemindersStore(book: Book, source: AnalysisSource, opts: RemindersStoreOptions = {}): RemindersStore {
  const listDelay = opts.listDelayMs ?? 100;
  const [today, setToday] = createSignal<Day>(source.today());
  const [list, setList] = createSignal<ReminderList | undefined>(undefined);
  // Ticks on every rebuild, also when the list stayed the same: names and phones may have changed.
  const [version, setVersion] = createSignal(0);
  let analysis: CustomerAnalysis | undefined;
  let listTimer: ReturnType<typeof setTimeout> | undefined;
  let resolveReady!: () => void;
  const whenReady = new Promise<void>((r) => (resolveReady = r));

  const rebuild = () => {
    clearTimeout(listTimer);
    listTimer = undefined;
    analysis = source.analysis();
    if (!analysis) return;
    const day = source.today();
    if (day !== today()) setToday(day);
    const next = remindersFor(analysis, day, reminderStates(book));
    setList((prev) => keepStable(prev, next));
    setVersion((v) => v + 1);
    resolveReady();
  };
  const scheduleList = (ms = listDelay) => {
    if (listTimer !== undefined) return;
    listTimer = setTimeout(rebuild, ms);
  };

  const subs = [
    source.onDidUpdate(() => scheduleList()),
    // Reminder states (done, snoozed, dismissed) live in the book's meta map: ours and synced ones.
    book.onDidChange((change) => {
      if (analysis && change.meta.some((k) => k.startsWith(REMINDER_META))) scheduleList(0);
    }),
  ];
  void source.whenReady.then(() => {
    if (!list()) rebuild();
  });

  return {
    list,
    today,
    whenReady,
    analysis: () => (version(), analysis),
    compute: () => {
      if (source.analysis()) {
        if (!list()) rebuild();
      } else source.start();
    },
    refresh: rebuild,
    recompute: () => {
      source.refreshNow();
      rebuild();
    },
    ...toDisposable(() => {
      for (const s of subs) s.dispose();
      clearTimeout(listTimer);
    }),
  };
}
