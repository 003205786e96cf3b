// Side-bar views of the Sheets container: the three sheets with their row counts, and the saved
// views (a placeholder until the saved-views feature lands).

import { createEffect, createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { SHEET_IDS, type SheetId } from '../../core/index';
import { editorKey } from '../../platform/views';
import { createBookVersion } from '../../ui/bindings/book';
import { useServices } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import { useWorkbench } from '../../ui/workbench/workbench-context';

export const SHEET_ICONS: Record<SheetId, string> = { customers: 'users', purchases: 'receipt', contacts: 'chat' };
const SHOW_COMMAND: Record<SheetId, string> = {
  customers: 'view.showCustomers',
  purchases: 'view.showPurchases',
  contacts: 'view.showContacts',
};

export function SheetsList(): JSX.Element {
  const { book, i18n, commands } = useServices();
  const wb = useWorkbench();
  const version = createBookVersion(book);
  // Counting a sheet reads (parses) all its rows: 500k purchases take about a second. Count only
  // the customers and the sheets the person has opened, so the start stays fast.
  const [opened, setOpened] = createSignal<ReadonlySet<SheetId>>(new Set(['customers']));
  createEffect(() => {
    const active = wb.snapshot().active;
    const sheet = SHEET_IDS.find((s) => active === editorKey({ kind: 'sheet', id: s }));
    if (sheet && !opened().has(sheet)) setOpened(new Set([...opened(), sheet]));
  });
  const counts = createMemo(() => (version(), SHEET_IDS.map((s) => (opened().has(s) ? book.sheet(s).liveRowIds().length : undefined))));
  return (
    <ul class="wb-list">
      <For each={SHEET_IDS}>
        {(sheet, i) => (
          <li>
            <button
              type="button"
              class="wb-list-item"
              classList={{ 'is-active': wb.snapshot().active === editorKey({ kind: 'sheet', id: sheet }) }}
              onClick={() => commands.execute(SHOW_COMMAND[sheet])}
            >
              <Icon name={SHEET_ICONS[sheet]} size={18} />
              <span class="wb-list-label">{i18n.t(`sheet.${sheet}`)}</span>
              <Show when={counts()[i()] !== undefined}>
                <span class="wb-badge" title={i18n.t('workbench.status.rows', { count: counts()[i()]! })}>
                  {i18n.i18n.formatNumber(counts()[i()]!)}
                </span>
              </Show>
            </button>
          </li>
        )}
      </For>
    </ul>
  );
}

export function SavedViewsList(): JSX.Element {
  const { i18n } = useServices();
  return (
    <div class="cu-saved">
      <p class="wb-view-note">{i18n.t('savedViews.empty')}</p>
    </div>
  );
}
