// The reminders feature's manifest: the Reminders tab and its activity-bar entry, "Reminders: Open
// Today's List", "Reminders: Export Calendar (.ics)", "Reminders: Schedule Next Contact…", the
// status-bar count and the app icon badge. Today's list comes from the app's one analysis (ready a
// little after the first paint, at once when the Reminders tab asks) and is kept current; on the
// first start of a day with items, the tab opens by itself once that list is there (the day it last
// did is remembered in the device store). The tab's view loads on demand.

import { createEffect, createRoot, createSignal, For, lazy, Show, Suspense, type JSX } from 'solid-js';
import { todayIso } from '../../base/date';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import {
  asRowId,
  clearReminderState,
  dayToIso,
  dismissReminder,
  isoToDay,
  markReminderDone,
  setCells,
  setNextContact,
  snoozeReminder,
  trashRows,
  valueToText,
  type ReminderItem,
  type RowId,
} from '../../core/index';
import { nextCustomerCode } from '../../core/ops/sales';
import { activeGrid } from '../../ui/grid/active-grid';
import { useServices, type Services } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import { mountLayer } from '../../ui/workbench/layer';
import type { Workbench } from '../../ui/workbench/workbench-context';
import { showToast } from '../purchases/toasts';
import { calendarEvents, customerLabel, isoAfter, updateBadge } from './reminder-model';
import { makeRemindersStore, type AnalysisSource, type RemindersStore } from './reminders-store';
import './reminders.css';
import { downloadBlob } from '../../ui/download';

export const REMINDERS_EDITOR = { kind: 'reminders', id: '' } as const;
/** Device-local: the day the list last opened by itself (or was opened), ISO. */
export const OPENED_DAY_KEY = 'reminders:openedDay';
export const CHANNELS = ['phone', 'sms', 'whatsapp', 'wechat', 'email', 'visit'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What the view asks the feature to do with an item (the dialogs and toasts live here). */
export type ReminderActions = {
  readonly store: RemindersStore;
  done(item: ReminderItem, channel?: Channel): void;
  snooze(item: ReminderItem, days: number): void;
  dismiss(item: ReminderItem): void;
  openCard(customer: RowId): void;
};

const RemindersView = lazy(() => import('./reminders-view').then((m) => ({ default: m.RemindersView })));

type Dialog = { kind: 'done'; item: ReminderItem; channel?: Channel } | { kind: 'next'; customer: RowId };

export function registerRemindersContribution(
  services: Services,
  wb: Workbench,
  deps: {
    whenLoaded: Promise<unknown>;
    analysis: AnalysisSource;
    /** The workbench is on screen with its saved tabs restored (the start-of-day check waits for it). */
    whenStarted?: Promise<unknown>;
  },
): Disposable {
  const { book, commands, i18n, deviceStore } = services;
  const store = new DisposableStore();
  const reminders = makeRemindersStore(book, deps.analysis);
  store.add(reminders);
  const [dialog, setDialog] = createSignal<Dialog | undefined>();
  const nameOf = (row: RowId) => {
    const a = reminders.analysis();
    return a ? customerLabel(a, row, i18n.t('customers.unnamed')) : valueToText(book.sheet('customers').get(row, 'name')) || i18n.t('customers.unnamed');
  };
  /** The list is needed on screen: ask the analysis not to wait for its usual start. */
  const ensureComputed = () => reminders.compute();
  const rememberOpened = () => void deviceStore.set(OPENED_DAY_KEY, dayToIso(reminders.today())).catch(() => undefined);
  const open = () => {
    wb.openEditor(REMINDERS_EDITOR);
    rememberOpened();
    // After the tab has painted its "working out" line.
    setTimeout(ensureComputed, 0);
  };

  const actions: ReminderActions = {
    store: reminders,
    done: (item, channel) => setDialog({ kind: 'done', item, channel }),
    snooze(item, days) {
      const until = isoAfter(reminders.today(), days);
      snoozeReminder(book, item.id, until);
      reminders.refresh();
      showToast(i18n.t('reminders.toast.snoozed', { name: nameOf(item.customer), date: i18n.i18n.formatDate(until) }), {
        label: i18n.t('reminders.toast.undo'),
        run: () => {
          clearReminderState(book, item.id);
          reminders.refresh();
        },
      });
    },
    dismiss(item) {
      dismissReminder(book, item.id, todayIso());
      reminders.refresh();
      showToast(i18n.t('reminders.toast.dismissed', { name: nameOf(item.customer) }), {
        label: i18n.t('reminders.toast.undo'),
        run: () => {
          clearReminderState(book, item.id);
          reminders.refresh();
        },
      });
    },
    openCard: (customer) => wb.openEditor({ kind: 'customer', id: customer }),
  };

  const saveDone = (item: ReminderItem, channel: Channel, outcome: string) => {
    // The Contacts row links to the customer by code, as sales do: a customer without one gets the
    // next code first, or the contact would belong to nobody.
    const customers = book.sheet('customers');
    if (!valueToText(customers.get(item.customer, 'code')).trim()) setCells(book, 'customers', [{ row: item.customer, col: 'code', value: nextCustomerCode(customers) }]);
    const row = markReminderDone(book, item, { channel, outcome, date: todayIso() });
    reminders.refresh();
    showToast(i18n.t('reminders.toast.done', { name: nameOf(item.customer) }), {
      label: i18n.t('reminders.toast.undo'),
      run: () => {
        trashRows(book, 'contacts', [row]);
        clearReminderState(book, item.id);
        reminders.refresh();
      },
    });
  };

  /** The customer the person is looking at: an open card, or the selected row of the customers grid. */
  const contextCustomer = (): RowId | undefined => {
    const snap = wb.state.snapshot;
    const input = snap.tabs.find((t) => `${t.kind}:${t.id}` === snap.active);
    if (input?.kind === 'customer') return asRowId(input.id);
    const grid = activeGrid();
    if (input?.kind === 'sheet' && input.id === 'customers' && grid?.sheet === 'customers') return grid.selectedRowIds()[0];
    return undefined;
  };

  // --- editor, activity bar, side bar ------------------------------------------------------------
  store.add(
    wb.views.registerEditor({
      id: 'reminders',
      icon: 'chat',
      title: () => ({ key: 'reminders.tab' }),
      render: () => (
        <Suspense fallback={<p class="rm-loading">{i18n.t('reminders.loading')}</p>}>
          <RemindersView actions={actions} />
        </Suspense>
      ),
    }),
  );
  store.add(wb.views.registerContainer({ id: 'reminders', title: 'reminders.container', icon: 'chat', order: 30 }));
  store.add(
    wb.views.registerView({
      id: 'reminders.today',
      container: 'reminders',
      title: 'reminders.title',
      order: 10,
      render: () => <RemindersSide store={reminders} open={() => commands.execute('reminders.open')} nameOf={nameOf} />,
    }),
  );

  // --- commands ------------------------------------------------------------------------------------
  store.add(commands.register({ id: 'reminders.open', title: 'reminders.cmd.open', category: 'reminders.category', run: open }));
  store.add(
    commands.register({
      id: 'reminders.exportCalendar',
      title: 'reminders.cmd.exportCalendar',
      category: 'reminders.category',
      // The calendar holds names and birthdays: an export, so not in staff mode.
      when: '!staffMode',
      run: async () => {
        ensureComputed();
        await reminders.whenReady;
        const a = reminders.analysis();
        if (!a) return;
        const events = calendarEvents(a, reminders.today(), { t: i18n.t, unnamed: i18n.t('customers.unnamed') });
        if (!events.length) return void showToast(i18n.t('reminders.ics.empty'));
        const { toIcs } = await import('../../io/export/ics');
        const text = toIcs(events, { prodId: '-//Clientela//Reminders//EN', name: i18n.t('reminders.ics.name') });
        downloadBlob(new Blob([text], { type: 'text/calendar;charset=utf-8' }), `clientela-${todayIso()}.ics`);
        showToast(i18n.t('reminders.ics.exported', { count: events.length }));
      },
    }),
  );
  store.add(
    commands.register({
      id: 'reminders.scheduleFollowUp',
      title: 'reminders.cmd.scheduleFollowUp',
      category: 'reminders.category',
      run: (args) => {
        const customer = typeof args === 'string' && book.sheet('customers').has(asRowId(args)) ? asRowId(args) : contextCustomer();
        if (!customer) return void showToast(i18n.t('reminders.next.noCustomer'));
        setDialog({ kind: 'next', customer });
      },
    }),
  );

  // --- status bar, badge, the tab at the start of a day -------------------------------------------
  const count = () => reminders.list()?.today.length ?? 0;
  store.add(
    wb.statusBar.add({
      id: 'reminders.count',
      alignment: 'left',
      priority: 40,
      icon: 'chat',
      text: () => (count() > 0 ? i18n.t('reminders.status', { count: count() }) : ''),
      tooltip: () => i18n.t('reminders.statusTooltip', { count: count() }),
      command: 'reminders.open',
    }),
  );
  createRoot((dispose) => {
    store.add(toDisposable(dispose));
    createEffect(() => {
      const list = reminders.list();
      if (list) updateBadge(list.today.length);
    });
  });

  let disposed = false;
  store.add(toDisposable(() => (disposed = true)));
  // The start of the day: once the workbench shows its restored tabs and the analysis has run (never
  // ahead of the first screen; on a big book that is a few seconds in). The tab opens only if the
  // owner has not started working meanwhile: no edit or import of theirs, no other tab opened.
  // Otherwise it would pop up in the middle of what they are doing (an import's preview, a sale).
  let ownerActed = false;
  store.add(
    book.onDidChange((c) => {
      if (c.origin === 'local' || c.origin === 'import') ownerActed = true;
    }),
  );
  void (deps.whenStarted ?? deps.whenLoaded).then(() => {
    if (disposed) return;
    // A tab switch from the start on is the owner's. Watched from here, not looked at in the idle
    // callback: that comes up to 1.5 s later on a busy tablet, and a sheet the owner had opened by
    // then passed for the tab at start (the list then popped over it).
    const activeAtStart = wb.state.snapshot.active;
    const tabs = store.add(
      wb.state.onDidChange((s) => {
        if (s.active !== activeAtStart) ownerActed = true;
      }),
    );
    whenIdle(async () => {
      try {
        await reminders.whenReady;
        if (disposed || ownerActed) return;
        const day = dayToIso(reminders.today());
        const opened = await deviceStore.get<unknown>(OPENED_DAY_KEY).catch(() => undefined);
        // Again after the read: the owner may have opened a tab while it ran.
        if (!disposed && !ownerActed && count() > 0 && opened !== day) open();
      } finally {
        tabs.dispose();
      }
    });
  });
  // A tablet left on overnight: the new day's list opens by itself too.
  let lastDay = reminders.today();
  createRoot((dispose) => {
    store.add(toDisposable(dispose));
    createEffect(() => {
      const d = reminders.today();
      if (d === lastDay) return;
      lastDay = d;
      if (count() > 0) open();
    });
  });

  // --- dialogs (mounted once over the workbench) ---------------------------------------------------
  store.add(
    mountLayer(
      services,
      wb,
      () => (
        <>
          <Show when={dialog()} keyed>
            {(d) =>
              d.kind === 'done' ? (
                <DoneDialog
                  name={nameOf(d.item.customer)}
                  channel={d.channel}
                  onSave={(channel, outcome) => {
                    setDialog(undefined);
                    saveDone(d.item, channel, outcome);
                  }}
                  onCancel={() => setDialog(undefined)}
                />
              ) : (
                <NextContactDialog
                  customer={d.customer}
                  name={nameOf(d.customer)}
                  today={reminders.today()}
                  onSave={(date) => {
                    setDialog(undefined);
                    setNextContact(book, d.customer, date);
                    showToast(
                      date
                        ? i18n.t('reminders.next.saved', { name: nameOf(d.customer), date: i18n.i18n.formatDate(date) })
                        : i18n.t('reminders.next.cleared', { name: nameOf(d.customer) }),
                    );
                  }}
                  onCancel={() => setDialog(undefined)}
                />
              )
            }
          </Show>
        </>
      ),
      'rm-host',
    ),
  );
  return store;
}

function whenIdle(fn: () => void): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number }).requestIdleCallback;
  if (ric) ric(fn, { timeout: 1500 });
  else setTimeout(fn, 300);
}


function RemindersSide(props: { store: RemindersStore; open: () => void; nameOf: (row: RowId) => string }): JSX.Element {
  const { i18n } = useServices();
  const items = () => props.store.list()?.today ?? [];
  return (
    <div class="rm-side">
      <button type="button" class="wb-button is-primary rm-side-open" data-command="reminders.open" onClick={() => props.open()}>
        <Icon name="chat" size={18} />
        {i18n.t('reminders.openList')}
      </button>
      <Show when={props.store.list()} fallback={<p class="wb-empty">{i18n.t('reminders.loading')}</p>}>
        <p class="rm-side-summary">{items().length ? i18n.t('reminders.summary', { count: items().length }) : i18n.t('reminders.empty')}</p>
        <ul class="wb-list">
          <For each={items()}>
            {(item) => (
              <li>
                <button type="button" class="wb-list-item" onClick={() => props.open()}>
                  <span class="wb-list-label">{props.nameOf(item.customer)}</span>
                  <span class="rm-side-kind">{i18n.t(`analysis.reminder.${item.kind}`)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

/** Focus returns where it was when a dialog closes. */
function focusKeeper(): (fn: () => void) => void {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  return (fn) => {
    fn();
    if (previous?.isConnected) previous.focus({ preventScroll: true });
  };
}

function DialogFrame(props: { label: string; onCancel: () => void; children: JSX.Element; name: string }): JSX.Element {
  return (
    <div
      class="rm-backdrop"
      onPointerDown={(e) => {
        if (e.target === e.currentTarget) props.onCancel();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <div class="rm-dialog" role="dialog" aria-modal="true" aria-label={props.label} data-dialog={props.name}>
        {props.children}
      </div>
    </div>
  );
}

function DoneDialog(props: { name: string; channel?: Channel; onSave: (channel: Channel, outcome: string) => void; onCancel: () => void }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t.bind(i18n);
  const close = focusKeeper();
  const [channel, setChannel] = createSignal<Channel>(props.channel ?? 'phone');
  const [outcome, setOutcome] = createSignal('');
  let first: HTMLInputElement | undefined;
  queueMicrotask(() => first?.focus());
  return (
    <DialogFrame label={t('reminders.done.title')} name="reminder-done" onCancel={() => close(props.onCancel)}>
      <form
        class="rm-form"
        onSubmit={(e) => {
          e.preventDefault();
          close(() => props.onSave(channel(), outcome().trim()));
        }}
      >
        <h2>{t('reminders.done.title')}</h2>
        <fieldset class="rm-channels">
          <legend>{t('reminders.done.channel', { name: props.name })}</legend>
          <For each={CHANNELS}>
            {(c, i) => (
              <label class="rm-channel" classList={{ 'is-on': channel() === c }}>
                <input
                  ref={(el) => {
                    if (i() === 0 || c === props.channel) first = el;
                  }}
                  type="radio"
                  name="rm-channel"
                  value={c}
                  checked={channel() === c}
                  onChange={() => setChannel(c)}
                />
                <span>{t(`reminders.channel.${c}`)}</span>
              </label>
            )}
          </For>
        </fieldset>
        <label class="rm-field">
          <span>{t('reminders.done.outcome')}</span>
          <input class="rm-input" type="text" value={outcome()} placeholder={t('reminders.done.outcomePlaceholder')} onInput={(e) => setOutcome(e.currentTarget.value)} />
        </label>
        <div class="rm-form-actions">
          <button type="button" class="wb-button" onClick={() => close(props.onCancel)}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="wb-button is-primary">
            <Icon name="check" size={18} />
            {t('reminders.done.save')}
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}

function NextContactDialog(props: { customer: RowId; name: string; today: number; onSave: (date: string | null) => void; onCancel: () => void }): JSX.Element {
  const { i18n, book } = useServices();
  const t = i18n.t.bind(i18n);
  const close = focusKeeper();
  const stored = valueToText(book.sheet('customers').get(props.customer, 'nextContact'));
  const current = isoToDay(stored) !== undefined ? stored : undefined;
  const [date, setDate] = createSignal(current ?? isoAfter(props.today, 7));
  let input: HTMLInputElement | undefined;
  queueMicrotask(() => input?.focus());
  const quick: readonly [string, number][] = [
    ['reminders.next.tomorrow', 1],
    ['reminders.next.week', 7],
    ['reminders.next.month', 30],
  ];
  return (
    <DialogFrame label={t('reminders.next.title')} name="next-contact" onCancel={() => close(props.onCancel)}>
      <form
        class="rm-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (isoToDay(date()) !== undefined) close(() => props.onSave(date()));
        }}
      >
        <h2>{t('reminders.next.title')}</h2>
        <Show when={current}>{(c) => <p class="rm-note">{t('reminders.next.current', { date: i18n.i18n.formatDate(c()) })}</p>}</Show>
        <label class="rm-field">
          <span>{t('reminders.next.label', { name: props.name })}</span>
          <input ref={input} class="rm-input" type="date" value={date()} min={isoAfter(props.today, 0)} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <div class="rm-quick">
          <For each={quick}>
            {([key, days]) => (
              <button type="button" class="wb-button" aria-pressed={date() === isoAfter(props.today, days)} onClick={() => setDate(isoAfter(props.today, days))}>
                {t(key)}
              </button>
            )}
          </For>
        </div>
        <div class="rm-form-actions">
          <Show when={current}>
            <button type="button" class="wb-button rm-clear" onClick={() => close(() => props.onSave(null))}>
              {t('reminders.next.clear')}
            </button>
          </Show>
          <button type="button" class="wb-button" onClick={() => close(props.onCancel)}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="wb-button is-primary" disabled={isoToDay(date()) === undefined}>
            {t('reminders.next.save')}
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
