// Composition root: builds the services (book storage, device store, i18n, command registry,
// context keys), registers every contribution, and renders the workbench once the book is loaded.

import { createSignal, Show, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { bindKeybindings } from '../platform/keybindings';
import { createCommandRegistry } from '../platform/commands';
import { createContextKeys } from '../platform/context-keys';
import { createStatusBarRegistry } from '../platform/status-bar';
import { createViewRegistry, type EditorInput } from '../platform/views';
import { createI18n } from '../i18n/i18n';
import { openBookStorage } from '../storage/book-storage';
import { memoryDeviceStore, openDeviceStore } from '../storage/device-store';
import type { DeviceStore } from '../storage/types';
import { registerPwa } from '../pwa/index';
import { makeReactiveI18n } from '../ui/bindings/i18n';
import { ServicesContext, useServices, type Services } from '../ui/services';
import { Shell } from '../ui/workbench/shell';
import { makeWorkbench, isCompactLayout, WorkbenchContext, type Workbench } from '../ui/workbench/workbench-context';
import { TABS_KEY, WorkbenchState } from '../ui/workbench/workbench-state';
import { Icon } from '../ui/workbench/icons';
import { registerGridCommands } from '../features/grid/grid.contribution';
import { PwaToasts, registerPwaFeature } from '../features/pwa/pwa.contribution';
import { registerCustomersContribution } from '../features/customers/customers.contribution';
import { registerImportContribution } from '../features/import/import.contribution';
import { initialLocale, registerSettingsContribution } from '../features/settings/settings.contribution';
import { registerWorkbenchContribution } from '../features/workbench/workbench.contribution';
import { registerPurchasesContribution } from '../features/purchases/purchases.contribution';
import { registerSavedViewsContribution } from '../features/saved-views/saved-views.contribution';
import { registerBackupContribution } from '../features/backup/backup.contribution';
import { registerTrustContribution } from '../features/trust/trust.contribution';
import { registerSyncContribution } from '../features/sync/sync.contribution';
import { registerHistoryContribution } from '../features/history/history.contribution';
import { registerReportsContribution } from '../features/reports/reports.contribution';
import { registerRemindersContribution } from '../features/reminders/reminders.contribution';
import { registerAnalysisContribution } from '../features/analysis/analysis.contribution';
import { registerSegmentsContribution } from '../features/segments/segments.contribution';
import { registerProblemsContribution } from '../features/problems/problems.contribution';
import { createSyncEngine } from '../sync/sync-engine';

const GLOBAL_ACTIONS = [
  { command: 'workbench.quickOpen', icon: 'search', title: 'workbench.cmd.quickOpen' },
  { command: 'workbench.showCommands', icon: 'command', title: 'workbench.cmd.showCommands' },
  { command: 'settings.open', icon: 'settings', title: 'settings.cmd.open' },
] as const;

const DEFAULT_TABS: readonly EditorInput[] = [{ kind: 'sheet', id: 'customers' }];

function openDevice(): DeviceStore {
  try {
    return typeof indexedDB === 'undefined' ? memoryDeviceStore() : openDeviceStore();
  } catch {
    return memoryDeviceStore();
  }
}

async function start(root: HTMLElement): Promise<void> {
  const contextKeys = createContextKeys();
  const commands = createCommandRegistry(contextKeys);
  const deviceStore = openDevice();
  const storage = openBookStorage();
  const locale = await initialLocale(deviceStore, navigator.languages ?? [navigator.language]);
  const i18n = makeReactiveI18n(createI18n(locale));
  document.documentElement.lang = locale;

  const services: Services = { book: storage.book, commands, contextKeys, i18n, storage, deviceStore };
  const wb: Workbench = makeWorkbench({
    state: new WorkbenchState({ sidebarVisible: !isCompactLayout() }),
    views: createViewRegistry<JSX.Element>(),
    statusBar: createStatusBarRegistry(),
  });

  // --- contributions (one line per feature) ---------------------------------------------------
  registerWorkbenchContribution(services, wb);
  registerCustomersContribution(services, wb);
  registerSettingsContribution(services, wb);
  registerImportContribution(services, wb);
  registerPurchasesContribution(services, wb);
  registerSavedViewsContribution(services, wb);
  registerReportsContribution(services, wb);
  // Customer analysis: computed columns, Segments, Problems (computed in idle time after the first paint).
  const analysis = registerAnalysisContribution(services, wb, { whenLoaded: storage.whenLoaded });
  registerSegmentsContribution(services, wb, analysis.service);
  registerProblemsContribution(services, wb, analysis.service);
  // Reminders list from the same analysis (one copy in memory, one compute after a change); the
  // start-of-day tab waits for the restored tabs (`started`, below).
  let started!: () => void;
  const whenStarted = new Promise<void>((r) => (started = r));
  registerRemindersContribution(services, wb, { whenLoaded: storage.whenLoaded, analysis: analysis.service, whenStarted });
  registerBackupContribution(services, wb, { storage });
  // Start-up check: a book this device had is gone (wiped storage) → say so and offer a restore.
  registerTrustContribution(services, wb, { whenLoaded: storage.whenLoaded });
  registerGridCommands(commands, { book: storage.book, contextKeys });
  const sync = createSyncEngine({
    book: storage.book,
    store: deviceStore,
    defaultRelays: [signalingUrl()],
    defaultDeviceName: defaultDeviceName(),
  });
  registerSyncContribution(services, wb, sync);
  registerHistoryContribution(services, wb, () => sync.state.local);
  // PWA: the service worker and the "new version / ready offline" toasts (mounted in the shell).
  registerPwaFeature({ commands, registerPwa });
  bindKeybindings(window, commands);

  const [ready, setReady] = createSignal(false);
  render(
    () => (
      <ServicesContext.Provider value={services}>
        <WorkbenchContext.Provider value={wb}>
          <Show when={ready()} fallback={<Loading text={i18n.t('workbench.loading')} />}>
            <Shell actions={GLOBAL_ACTIONS} empty={() => <Welcome />}>
              <PwaToasts />
            </Shell>
          </Show>
        </WorkbenchContext.Provider>
      </ServicesContext.Provider>
    ),
    root,
  );

  // The book and the saved tabs load together; tabs refer to rows, so they are checked once the book is in.
  const [, savedTabs] = await Promise.all([storage.whenLoaded, deviceStore.get<unknown>(TABS_KEY).catch(() => undefined)]);
  const restored = wb.state.restore(savedTabs, (input) => {
    const kind = wb.views.editor(input.kind);
    return !!kind && (kind.canRestore?.(input) ?? true);
  });
  if (!restored) for (const t of DEFAULT_TABS) wb.state.open(t);
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  wb.state.onDidChange(() => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void deviceStore.set(TABS_KEY, wb.state.toSaved()).catch(() => undefined), 150);
  });
  addEventListener('pagehide', () => {
    clearTimeout(saveTimer);
    if (deviceStore.setNow) deviceStore.setNow(TABS_KEY, wb.state.toSaved());
    else void deviceStore.set(TABS_KEY, wb.state.toSaved()).catch(() => undefined);
  });

  setReady(true);
  started();
  // Tests (and the benchmark) wait for this: the book is loaded and the shell is on screen.
  requestAnimationFrame(() => {
    document.body.dataset.ready = 'true';
  });
}

/** The `npm start` server's signaling endpoint, on the same origin as the app (wss under https). */
function signalingUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/signal`;
}

function defaultDeviceName(): string {
  const ua = navigator.userAgent;
  const kind = /iPad/.test(ua) ? 'iPad' : /iPhone/.test(ua) ? 'iPhone' : /Android/.test(ua) ? 'Android' : /Mac/.test(ua) ? 'Mac' : /Windows/.test(ua) ? 'Windows' : 'Linux';
  return `${kind} ${Math.floor(Math.random() * 900 + 100)}`;
}

function Loading(props: { text: string }): JSX.Element {
  return (
    <div class="wb-loading" role="status" aria-live="polite">
      {props.text}
    </div>
  );
}

function Welcome(): JSX.Element {
  const { i18n, commands } = useServices();
  return (
    <div class="wb-welcome">
      <Icon name="table" size={48} />
      <h1>{i18n.t('workbench.welcome.title')}</h1>
      <p>{i18n.t('workbench.welcome.body')}</p>
      <div class="wb-welcome-actions">
        <button type="button" class="wb-button is-primary" onClick={() => commands.execute('view.showCustomers')}>
          {i18n.t('workbench.cmd.showCustomers')}
        </button>
        <button type="button" class="wb-button" onClick={() => commands.execute('workbench.showCommands')}>
          {i18n.t('workbench.cmd.showCommands')}
        </button>
      </div>
    </div>
  );
}

const root = document.getElementById('root');
if (root) void start(root);
