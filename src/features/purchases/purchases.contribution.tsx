// The purchases feature's manifest: "Purchases: Record Sale" (palette, Ctrl+Shift+S, the button on
// a customer card) opening the Record Sale dialog, and the toasts it confirms with (Undo).
// The dialog and the toasts are mounted once, over the workbench, in their own small root.

import { createSignal, Show, type JSX } from 'solid-js';
import { DisposableStore, type Disposable } from '../../base/event';
import { asRowId, trashRows, type RowId } from '../../core/index';
import type { SaleRecorded } from '../../core/ops/sales';
import { useServices, type Services } from '../../ui/services';
import { mountLayer } from '../../ui/workbench/layer';
import type { Workbench } from '../../ui/workbench/workbench-context';
import { RecordSaleForm } from './record-sale';
import { showToast, ToastHost } from './toasts';
import './purchases.css';

export const RECORD_SALE_COMMAND = 'purchases.recordSale';

export function registerPurchasesContribution(services: Services, wb: Workbench): Disposable {
  const { book, commands, i18n } = services;
  const store = new DisposableStore();
  // `undefined`: closed; otherwise open, with the customer to start with (if any).
  const [open, setOpen] = createSignal<{ customer?: RowId } | undefined>();

  /** The customer the person is looking at: an open card, or the selected row of the customers grid. */
  const contextCustomer = (): RowId | undefined => {
    const snap = wb.state.snapshot;
    const input = snap.tabs.find((t) => `${t.kind}:${t.id}` === snap.active);
    if (input?.kind === 'customer') return asRowId(input.id);
    return undefined;
  };

  store.add(
    commands.register({
      id: RECORD_SALE_COMMAND,
      title: 'sales.cmd.recordSale',
      category: 'sales.category',
      keybinding: 'Ctrl+Shift+S',
      run: (args) => {
        const customer = typeof args === 'string' && book.sheet('customers').has(asRowId(args)) ? asRowId(args) : contextCustomer();
        setOpen({ customer });
      },
    }),
  );

  // Undo from the toast: the book's own undo while the sale is still the last change; after other
  // edits, the sale's rows go to the Trash instead (undo would take back the later edit first).
  let changes = 0;
  store.add(book.onDidChange(() => changes++));
  const undoSale = (r: SaleRecorded, mark: number) => {
    if (changes === mark && book.canUndo()) book.undo();
    else {
      trashRows(book, 'purchases', [r.purchase]);
      if (r.createdCustomer) trashRows(book, 'customers', [r.customer]);
    }
    showToast(i18n.t('sales.undone'));
  };

  const done = (r: SaleRecorded) => {
    const mark = changes;
    setOpen(undefined);
    const name = String(book.sheet('customers').get(r.customer, 'name') ?? '').trim() || r.code;
    const text = i18n.t(r.createdCustomer ? 'sales.recordedNew' : 'sales.recorded', { amount: i18n.i18n.formatCurrency(r.amount), name, code: r.code });
    showToast(text, { label: i18n.t('sales.undo'), run: () => undoSale(r, mark) });
  };

  store.add(
    mountLayer(
      services,
      wb,
      () => (
        <>
          <Show when={open()} keyed>
            {(o) => <SaleDialog customer={o.customer} onDone={done} onCancel={() => setOpen(undefined)} />}
          </Show>
          <ToastHost label={i18n.t('sales.toasts')} dismiss={i18n.t('sales.dismiss')} />
        </>
      ),
      'pu-host',
    ),
  );
  return store;
}

function SaleDialog(props: { customer?: RowId; onDone: (r: SaleRecorded) => void; onCancel: () => void }): JSX.Element {
  const { i18n } = useServices();
  // Focus returns where it was (the grid, the card) when the dialog closes.
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  const close = (fn: () => void) => {
    fn();
    if (previous?.isConnected) previous.focus({ preventScroll: true });
  };
  return (
    <div
      class="pu-backdrop"
      onPointerDown={(e) => {
        if (e.target === e.currentTarget) close(props.onCancel);
      }}
    >
      <div class="pu-dialog" role="dialog" aria-modal="true" aria-label={i18n.t('sales.title')} data-dialog="record-sale">
        <RecordSaleForm initialCustomer={props.customer} onDone={(r) => close(() => props.onDone(r))} onCancel={() => close(props.onCancel)} />
      </div>
    </div>
  );
}
