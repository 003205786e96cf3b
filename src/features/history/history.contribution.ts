// "Sheet: Show Cell History": every value the selected cell has had, on any device, with who and
// when (the losing side of a concurrent edit included); choosing one puts it back in the cell.

import { DisposableStore, type Disposable } from '../../base/event';
import { cellHistory, setCells, trackCellHistory, valueToText, type HistoryAuthor, type SheetId } from '../../core/index';
import { localCursor } from '../../ui/grid/presence';
import type { Services } from '../../ui/services';
import type { Workbench } from '../../ui/workbench/workbench-context';

export function registerHistoryContribution(services: Services, wb: Workbench, author: () => HistoryAuthor): Disposable {
  const { book, commands, i18n } = services;
  const store = new DisposableStore();
  store.add(trackCellHistory(book, author));
  store.add(
    commands.register({
      id: 'grid.showCellHistory',
      title: 'history.cmd.show',
      category: 'history.category',
      run: () => {
        const cell = localCursor();
        const entries = cell ? cellHistory(book, cell.sheet as SheetId, cell.row, cell.col) : [];
        wb.showQuickPick({
          id: 'cell-history',
          ariaLabel: () => i18n.t('history.title'),
          placeholder: () => i18n.t(cell ? 'history.placeholder' : 'history.noCell'),
          empty: () => i18n.t(cell ? 'history.empty' : 'history.noCell'),
          items: () =>
            entries.map((e, i) => ({
              id: String(i),
              label: valueToText(e.value) || i18n.t('history.emptyValue'),
              description: e.by.name,
              detail: i18n.i18n.formatDateTime(e.at),
            })),
          accept: (item) => {
            const e = entries[Number(item.id)];
            if (!cell || !e) return;
            setCells(book, cell.sheet as SheetId, [{ row: cell.row, col: cell.col, value: e.value }]);
          },
        });
      },
    }),
  );
  return store;
}
