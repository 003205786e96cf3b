// The customers feature's manifest: the sheets as editor tabs (the grid), the Trash, customer
// cards, the side-bar views (Sheets, Saved views, Trash), "Customers: New Customer", "Open Card" and
// quick open over the customers (Ctrl+P).

import { createRoot } from 'solid-js';
import { todayIso } from '../../base/date';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import { SHEET_IDS, addRows, asRowId, type RowId, type SheetId } from '../../core/index';
import { createSheetVersion } from '../../ui/bindings/book';
import { activeGrid, type GridController } from '../../ui/grid/active-grid';
import { Grid } from '../../ui/grid/grid';
import type { Services } from '../../ui/services';
import type { QuickPickProvider, Workbench } from '../../ui/workbench/workbench-context';
import { CustomerCard } from './customer-card';
import { maskPhone, servedRow, staffMasking } from '../../ui/grid/privacy';
import { customerComputedValues } from '../analysis/analysis.contribution';
import { sharedCustomerSearch } from './customer-search';
import { rowTitle } from './row-label';
import { SHEET_ICONS, SheetsList } from './sheets-view';
import { TrashEditor, TrashSummary } from './trash-view';
import './customers.css';

const isSheet = (id: string): id is SheetId => (SHEET_IDS as readonly string[]).includes(id);

/** Resolves with the grid of `sheet` once it is mounted (a tab switch renders it in a frame or two). */
export function whenGridReady(sheet: SheetId, timeoutMs = 3000): Promise<GridController | undefined> {
  return new Promise((resolve) => {
    const start = performance.now();
    const tick = () => {
      const g = activeGrid();
      if (g && g.sheet === sheet) resolve(g);
      else if (performance.now() - start > timeoutMs) resolve(undefined);
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

/** Opens a sheet's tab and selects a row (and a column) in its grid. */
export async function revealRow(wb: Workbench, sheet: SheetId, row: RowId, col?: string): Promise<void> {
  wb.openEditor({ kind: 'sheet', id: sheet });
  const grid = await whenGridReady(sheet);
  grid?.focusCell(row, col);
}

export function registerCustomersContribution(services: Services, wb: Workbench): Disposable {
  const { book, commands, i18n } = services;
  const store = new DisposableStore();
  const reveal = (sheet: SheetId, row: RowId, col?: string) => void revealRow(wb, sheet, row, col);

  // --- editors -------------------------------------------------------------------------------
  store.add(
    wb.views.registerEditor({
      id: 'sheet',
      icon: (input) => (isSheet(input.id) ? SHEET_ICONS[input.id] : 'table'),
      title: (input) => ({ key: `sheet.${input.id}` }),
      canRestore: (input) => isSheet(input.id),
      actions: (input) =>
        input.id === 'customers'
          ? [
              { command: 'customers.openCard', icon: 'card', title: 'customers.cmd.openCard' },
              { command: 'customers.add', icon: 'plus', title: 'customers.cmd.add' },
            ]
          : [],
      render: (input) => (
        <Grid
          sheet={input.id as SheetId}
          viewKey={`sheet:${input.id}`}
          onOpenRow={input.id === 'customers' ? (row) => wb.openEditor({ kind: 'customer', id: row }) : undefined}
          computed={input.id === 'customers' ? customerComputedValues() : undefined}
        />
      ),
    }),
  );
  store.add(
    wb.views.registerEditor({
      id: 'trash',
      icon: 'trash',
      title: () => ({ key: 'trash.title' }),
      render: () => <TrashEditor reveal={(sheet, row) => reveal(sheet, row)} />,
    }),
  );
  // Card titles follow the customer's name as it is edited.
  const customersVersion = createRoot((dispose) => {
    store.add(toDisposable(dispose));
    return createSheetVersion(book, 'customers');
  });
  store.add(
    wb.views.registerEditor({
      id: 'customer',
      icon: 'card',
      title: (input) => (customersVersion(), { text: rowTitle(book, 'customers', asRowId(input.id), i18n) }),
      canRestore: (input) => book.sheet('customers').has(asRowId(input.id)),
      render: (input) => <CustomerCard row={asRowId(input.id)} reveal={(row) => reveal('customers', row, 'name')} />,
    }),
  );

  // --- side bar ------------------------------------------------------------------------------
  store.add(wb.views.registerContainer({ id: 'sheets', title: 'workbench.container.sheets', icon: 'table', order: 10 }));
  store.add(wb.views.registerContainer({ id: 'trash', title: 'workbench.container.trash', icon: 'trash', order: 90 }));
  store.add(wb.views.registerView({ id: 'sheets.list', container: 'sheets', title: 'workbench.view.sheets', order: 10, render: () => <SheetsList /> }));
  // The "Saved views" section (order 20) is contributed by src/features/saved-views.
  store.add(
    wb.views.registerView({
      id: 'trash.summary',
      container: 'trash',
      title: 'workbench.view.trash',
      order: 10,
      render: () => <TrashSummary open={() => commands.execute('view.showTrash')} />,
    }),
  );

  // --- commands ------------------------------------------------------------------------------
  store.add(
    commands.register({
      id: 'customers.add',
      title: 'customers.cmd.add',
      category: 'customers.category',
      run: async () => {
        const [row] = addRows(book, 'customers', [{ firstSeen: todayIso() }]);
        if (row) await revealRow(wb, 'customers', row, 'name');
      },
    }),
  );
  store.add(
    commands.register({
      id: 'customers.openCard',
      title: 'customers.cmd.openCard',
      category: 'customers.category',
      when: "activeSheet == 'customers'",
      run: (args) => {
        const grid = activeGrid();
        const row = typeof args === 'string' ? asRowId(args) : grid?.sheet === 'customers' ? grid.selectedRowIds()[0] : undefined;
        if (row && book.sheet('customers').has(row)) wb.openEditor({ kind: 'customer', id: row });
      },
    }),
  );

  // --- quick open ----------------------------------------------------------------------------
  // Shared with the Record Sale picker; it lives as long as the book.
  const search = sharedCustomerSearch(book);
  const provider: QuickPickProvider = {
    id: 'customers',
    ariaLabel: () => i18n.t('workbench.quickOpen.label'),
    placeholder: () => i18n.t('workbench.quickOpen.placeholder'),
    empty: () => i18n.t('workbench.quickOpen.empty'),
    items: (query) =>
      search.search(query, 50).map((h) => ({
        id: h.row,
        label: h.name || h.code || i18n.t('customers.unnamed'),
        // Staff mode: the phone is masked here as in the grid (unless this is the customer served).
        description: staffMasking() && servedRow() !== h.row ? maskPhone(h.phone) : h.phone,
        detail: [h.name ? h.code : '', h.email].filter(Boolean).join(' · '),
      })),
    accept: (item) => reveal('customers', asRowId(item.id), 'name'),
  };
  store.add(wb.setQuickOpenProvider(provider));
  return store;
}
