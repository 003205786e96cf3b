// The sync feature's manifest: the Sync tab (pairing and devices), its side bar entry, the
// commands, and the status bar item telling the truth: devices connected now and whether
// everything has been exchanged, judged by data acknowledged, not by a socket being open.

import { createEffect, createRoot, createSignal, For, Show, type JSX } from 'solid-js';
import { asRowId, SHEET_IDS, type SheetId } from '../../core/index';
import { localCursor, setRemoteCursors } from '../../ui/grid/presence';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import type { SyncEngine, SyncState } from '../../sync/sync-engine';
import { useServices, type Services } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import type { Workbench } from '../../ui/workbench/workbench-context';
import { registerProblemSource } from '../problems/problem-sources';
import { statusText } from './sync-status';
import { SyncView, type SyncMode } from './sync-view';
import './sync.css';

const SYNC_EDITOR = { kind: 'sync', id: '' } as const;


export function registerSyncContribution(services: Services, wb: Workbench, engine: SyncEngine): Disposable {
  const { commands, i18n } = services;
  const store = new DisposableStore();
  createRoot((dispose) => {
    store.add(toDisposable(dispose));
    const [state, setState] = createSignal<SyncState>(engine.state, { equals: false });
    store.add(engine.onDidChange((s) => setState(s)));
    const [mode, setMode] = createSignal<SyncMode>('home');
    const open = (m: SyncMode) => {
      setMode(m);
      wb.openEditor(SYNC_EDITOR);
    };

    store.add(
      wb.views.registerEditor({
        id: 'sync',
        icon: 'sync',
        title: () => ({ key: 'sync.tab' }),
        render: () => <SyncView engine={engine} state={state} mode={mode} setMode={setMode} />,
      }),
    );
    store.add(wb.views.registerContainer({ id: 'sync', title: 'sync.container', icon: 'sync', order: 60 }));
    store.add(
      wb.views.registerView({ id: 'sync.devices', container: 'sync', title: 'sync.devices', order: 10, render: () => <SyncSide state={state} /> }),
    );

    const cmd = (id: string, title: string, run: () => void) =>
      store.add(commands.register({ id, title, category: 'sync.category', when: '!staffMode', run }));
    cmd('sync.open', 'sync.cmd.open', () => open('home'));
    cmd('sync.pairDevice', 'sync.cmd.pair', () => open('show-code'));
    cmd('sync.joinWithCode', 'sync.cmd.join', () => open('join'));
    cmd('sync.connectDirect', 'sync.cmd.direct', () => open('offer'));
    store.add(
      commands.register({
        id: 'sync.unpair',
        title: 'sync.cmd.unpair',
        category: 'sync.category',
        when: 'syncPaired && !staffMode',
        run: () => {
          if (confirm(i18n.t('sync.unpair.confirm'))) void engine.unpair();
        },
      }),
    );
    store.add(
      commands.register({
        id: 'sync.rotateSecret',
        title: 'sync.cmd.rotate',
        category: 'sync.category',
        when: 'syncPaired && !staffMode',
        run: () => {
          if (confirm(i18n.t('sync.rotate.confirm'))) void engine.rotateSecret();
        },
      }),
    );
    store.add(
      commands.register({ id: 'sync.pause', title: 'sync.cmd.pause', category: 'sync.category', when: 'syncPaired && !syncPaused', run: () => void engine.setPaused(true) }),
    );
    store.add(
      commands.register({ id: 'sync.resume', title: 'sync.cmd.resume', category: 'sync.category', when: 'syncPaused', run: () => void engine.setPaused(false) }),
    );
    const keys = (s: SyncState) => {
      services.contextKeys.set('syncPaired', s.paired);
      services.contextKeys.set('syncPaused', s.paused);
    };
    store.add(engine.onDidChange(keys));
    keys(engine.state);

    // Presence: our selected cell out, the other devices' cells in (outlined in the grid).
    createEffect(() => engine.setCursor(localCursor()));
    const showPresence = () =>
      setRemoteCursors(
        engine.presence().flatMap((p) =>
          p.cursor && (SHEET_IDS as readonly string[]).includes(p.cursor.sheet)
            ? [{ sheet: p.cursor.sheet as SheetId, row: asRowId(p.cursor.row), col: p.cursor.col, color: p.color, name: p.device.name }]
            : [],
        ),
      );
    store.add(engine.onDidChangePresence(showPresence));

    // Sync's troubles (a device with an old pairing, an update from a peer that could not be read)
    // also show in the Problems panel, in words, next to the book's own data problems.
    store.add(
      registerProblemSource('sync', {
        problems: () => {
          const p = engine.state.problem;
          return p ? [{ label: i18n.t(`sync.problem.${p}`), detail: i18n.t('sync.container'), severity: p === 'bad-update' || p === 'other-book' ? 'error' : 'warning' }] : [];
        },
        onDidChange: (l) => engine.onDidChange(() => l()),
      }),
    );

    wb.statusBar.update('sync.status', {
      text: () => statusText(state(), i18n.t),
      tooltip: () => `${statusText(state(), i18n.t)} — ${i18n.t('sync.status.tooltip')}`,
      command: 'sync.open',
      icon: 'sync',
    });
  });
  return store;
}

function SyncSide(props: { state: () => SyncState }): JSX.Element {
  const { commands, i18n } = useServices();
  const item = (command: string, icon: string, label: string) => (
    <li>
      <button type="button" class="wb-list-item" onClick={() => commands.execute(command)}>
        <Icon name={icon} size={18} />
        <span class="wb-list-label">{label}</span>
      </button>
    </li>
  );
  return (
    <>
      <p class="wb-view-note" role="status">
        {statusText(props.state(), i18n.t)}
      </p>
      <Show when={props.state().devices.length}>
        <ul class="sy-devices is-compact">
          <For each={props.state().devices}>
            {(d) => (
              <li class="sy-device" classList={{ 'is-connected': d.connected }}>
                <span class="sy-dot" aria-hidden="true" />
                <span class="sy-device-name">{d.name}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ul class="wb-list">
        {item('sync.open', 'sync', i18n.t('sync.cmd.open'))}
        {item('sync.pairDevice', 'plus', i18n.t('sync.cmd.pair'))}
        {item('sync.joinWithCode', 'users', i18n.t('sync.cmd.join'))}
      </ul>
    </>
  );
}
