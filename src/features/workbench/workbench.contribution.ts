// The workbench's own commands and status items: the command palette (F1, Ctrl+Shift+P), quick open
// (Ctrl+P), the side bar (Ctrl+B), the sheets and the Trash as tabs; and in the status bar the save
// state, the active sheet's row count, the selection's Count and Sum, and the sync placeholder.

import { createRoot, createSignal } from 'solid-js';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import { SHEET_IDS, type SheetId } from '../../core/index';
import { editorKey } from '../../platform/views';
import type { SaveStatus } from '../../storage/types';
import { createBookVersion } from '../../ui/bindings/book';
import { activeGrid } from '../../ui/grid/active-grid';
import type { Services } from '../../ui/services';
import { makeCommandPalette } from '../../ui/workbench/command-palette';
import { showQuickOpen } from '../../ui/workbench/quick-open';
import type { Workbench } from '../../ui/workbench/workbench-context';

const SHOW_SHEET: Record<SheetId, string> = {
  customers: 'view.showCustomers',
  purchases: 'view.showPurchases',
  contacts: 'view.showContacts',
};
const SHOW_SHEET_TITLE: Record<SheetId, string> = {
  customers: 'workbench.cmd.showCustomers',
  purchases: 'workbench.cmd.showPurchases',
  contacts: 'workbench.cmd.showContacts',
};

export function registerWorkbenchContribution(services: Services, wb: Workbench): Disposable {
  const { commands, i18n } = services;
  const store = new DisposableStore();
  const palette = makeCommandPalette({ commands, i18n });

  store.add(
    commands.register({
      id: 'workbench.showCommands',
      title: 'workbench.cmd.showCommands',
      category: 'workbench.category.view',
      keybinding: ['F1', 'Ctrl+Shift+P'],
      run: () => wb.showQuickPick(palette),
    }),
  );
  store.add(
    commands.register({
      id: 'workbench.quickOpen',
      title: 'workbench.cmd.quickOpen',
      category: 'customers.category',
      keybinding: 'Ctrl+P',
      run: (args) => showQuickOpen(wb, i18n, typeof args === 'string' ? args : undefined),
    }),
  );
  store.add(
    commands.register({
      id: 'workbench.toggleSidebar',
      title: 'workbench.cmd.toggleSidebar',
      category: 'workbench.category.view',
      keybinding: 'Ctrl+B',
      run: () => wb.state.toggleSidebar(),
    }),
  );
  store.add(
    commands.register({
      id: 'workbench.closeEditor',
      title: 'workbench.cmd.closeEditor',
      category: 'workbench.category.view',
      when: 'activeEditor',
      run: () => {
        const key = wb.state.snapshot.active;
        if (key) wb.state.close(key);
      },
    }),
  );
  store.add(
    commands.register({
      id: 'workbench.nextEditor',
      title: 'workbench.cmd.nextEditor',
      category: 'workbench.category.view',
      keybinding: 'Alt+PageDown',
      run: () => wb.state.cycle(1),
    }),
  );
  store.add(
    commands.register({
      id: 'workbench.previousEditor',
      title: 'workbench.cmd.previousEditor',
      category: 'workbench.category.view',
      keybinding: 'Alt+PageUp',
      run: () => wb.state.cycle(-1),
    }),
  );
  for (const sheet of SHEET_IDS)
    store.add(
      commands.register({
        id: SHOW_SHEET[sheet],
        title: SHOW_SHEET_TITLE[sheet],
        category: 'workbench.category.view',
        run: () => wb.openEditor({ kind: 'sheet', id: sheet }),
      }),
    );
  store.add(
    commands.register({
      id: 'view.showTrash',
      title: 'workbench.cmd.showTrash',
      category: 'workbench.category.view',
      run: () => wb.openEditor({ kind: 'trash', id: '' }),
    }),
  );

  store.add(registerStatusItems(services, wb));
  return store;
}

function registerStatusItems(services: Services, wb: Workbench): Disposable {
  const { book, i18n, storage } = services;
  return createRoot((dispose) => {
    const store = new DisposableStore();
    store.add(toDisposable(dispose));

    const [status, setStatus] = createSignal<SaveStatus>(storage.status);
    store.add(storage.onDidChangeStatus((s) => setStatus(s)));
    const SAVE_KEYS: Record<SaveStatus, string> = {
      loading: 'workbench.status.loading',
      saving: 'workbench.status.saving',
      saved: 'workbench.status.saved',
      error: 'workbench.status.error',
    };
    store.add(
      wb.statusBar.add({
        id: 'workbench.saveStatus',
        alignment: 'left',
        priority: 100,
        icon: undefined,
        text: () => i18n.t(SAVE_KEYS[status()]),
        tooltip: () => i18n.t(`${SAVE_KEYS[status()]}.tooltip`),
      }),
    );

    const bookVersion = createBookVersion(book);
    const activeSheet = (): SheetId | undefined => {
      const snap = wb.snapshot();
      const input = snap.tabs.find((t) => editorKey(t) === snap.active);
      return input?.kind === 'sheet' && (SHEET_IDS as readonly string[]).includes(input.id) ? (input.id as SheetId) : undefined;
    };
    store.add(
      wb.statusBar.add({
        id: 'workbench.rowCount',
        alignment: 'left',
        priority: 90,
        text: () => {
          const sheet = activeSheet();
          if (!sheet) return '';
          bookVersion();
          const total = book.sheet(sheet).liveRowIds().length;
          const grid = activeGrid();
          const shown = grid && grid.sheet === sheet ? grid.visibleRowCount() : total;
          if (shown !== total) return i18n.t('workbench.status.rowsFiltered', { shown, count: total });
          return i18n.t(total === 1 ? 'workbench.status.row' : 'workbench.status.rows', { count: total });
        },
      }),
    );

    store.add(
      wb.statusBar.add({
        id: 'workbench.selection',
        alignment: 'right',
        priority: 10,
        text: () => {
          const sheet = activeSheet();
          const grid = activeGrid();
          if (!sheet || !grid || grid.sheet !== sheet) return '';
          const s = grid.stats();
          if (s.numericCount >= 2)
            return i18n.t('workbench.status.countSum', { count: s.numericCount, sum: i18n.i18n.formatNumber(s.sum) });
          if (s.rows > 1) return i18n.t('workbench.status.rowsSelected', { count: s.rows });
          return '';
        },
      }),
    );

    // The sync feature takes this entry over (statusBar.update('sync.status', ...)) once it exists.
    store.add(
      wb.statusBar.add({
        id: 'sync.status',
        alignment: 'right',
        priority: 20,
        icon: 'sync',
        text: () => i18n.t('workbench.status.notPaired'),
        tooltip: () => i18n.t('workbench.status.notPaired.tooltip'),
      }),
    );
    return store;
  });
}
