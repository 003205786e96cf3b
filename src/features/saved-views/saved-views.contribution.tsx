// The saved-views feature's manifest: the "Saved views" section of the Sheets side bar, a view as a
// grid tab, the rule-builder page, and the commands: new, edit, rename, delete, export (CSV/xlsx)
// and "copy phone list" (the matching rows' phones, one per line, for a broadcast).
// Views are stored in the book (src/core/ops/saved-views.ts), so the shop's devices share them.

import { todayIso } from '../../base/date';
import { DisposableStore, type Disposable } from '../../base/event';
import { filterRows } from '../../core/analysis/filters';
import { deleteSavedView, readSavedViews, restoreSavedView, updateSavedView, type SavedView } from '../../core/ops/saved-views';
import { valueToText, type Column, type RowId } from '../../core/index';
import type { Services } from '../../ui/services';
import { columnLabel } from '../../ui/column-label';
import type { Workbench } from '../../ui/workbench/workbench-context';
import { downloadBlob } from '../../ui/download';
import { exportFileName } from '../import/import-model';
import { showToast } from '../purchases/toasts';
import { BUILDER_EDITOR, NEW_VIEW_ID, SavedViewBuilder, SavedViewEditor, SavedViewsList, VIEW_EDITOR } from './saved-view-pages';
import { filterContext, makeSavedViewsStore } from './saved-views-store';
import './saved-views.css';

const CATEGORY = 'views.category';
const ON_VIEW = `activeEditor == '${VIEW_EDITOR}'`;

export function registerSavedViewsContribution(services: Services, wb: Workbench): Disposable {
  const { book, commands, i18n } = services;
  const t = i18n.t.bind(i18n);
  const store = new DisposableStore();
  const views = store.add(makeSavedViewsStore(book));

  /** The view a command acts on: its argument (a button in the view), else the active tab. */
  const target = (args: unknown): SavedView | undefined => {
    const snap = wb.state.snapshot;
    const active = snap.tabs.find((x) => `${x.kind}:${x.id}` === snap.active);
    const id = typeof args === 'string' ? args : active?.kind === VIEW_EDITOR || (active?.kind === BUILDER_EDITOR && active.id !== NEW_VIEW_ID) ? active.id : undefined;
    return id ? readSavedViews(book).find((v) => v.id === id) : undefined;
  };
  const matching = (v: SavedView): RowId[] => filterRows(book.sheet(v.sheet), v.rule, filterContext(todayIso()));

  // --- places ------------------------------------------------------------------------------
  store.add(
    wb.views.registerView({ id: 'sheets.savedViews', container: 'sheets', title: 'workbench.view.savedViews', order: 20, render: () => <SavedViewsList store={views} /> }),
  );
  store.add(
    wb.views.registerEditor({
      id: VIEW_EDITOR,
      icon: 'bookmark',
      title: (input) => ({ text: views.views().find((v) => v.id === input.id)?.name ?? t('views.missingTitle') }),
      canRestore: (input) => readSavedViews(book).some((v) => v.id === input.id),
      actions: () => [
        { command: 'savedViews.edit', icon: 'settings', title: 'views.cmd.edit' },
        { command: 'savedViews.copyPhones', icon: 'chat', title: 'views.cmd.copyPhones' },
      ],
      render: (input) => <SavedViewEditor id={input.id} store={views} />,
    }),
  );
  store.add(
    wb.views.registerEditor({
      id: BUILDER_EDITOR,
      icon: 'settings',
      title: (input) =>
        input.id === NEW_VIEW_ID ? { key: 'views.newTitle' } : { key: 'views.editTab', params: { name: views.views().find((v) => v.id === input.id)?.name ?? '' } },
      canRestore: () => false,
      render: (input) => (
        <SavedViewBuilder
          id={input.id}
          store={views}
          onSaved={(id) => {
            wb.state.close(`${BUILDER_EDITOR}:${input.id}`);
            wb.openEditor({ kind: VIEW_EDITOR, id });
          }}
          onCancel={() => wb.state.close(`${BUILDER_EDITOR}:${input.id}`)}
        />
      ),
    }),
  );

  // --- commands ----------------------------------------------------------------------------
  const label = (c: Column) => columnLabel(c, t);
  async function exportView(v: SavedView, kind: 'csv' | 'xlsx'): Promise<void> {
    // The writers load on first use (src/io/export), like the sheet export's.
    const [{ sheetTable }, { toCsv }] = await Promise.all([import('../../io/export/table'), import('../../io/export/csv')]);
    const table = sheetTable(book, v.sheet, { label, rows: matching(v) });
    const name = exportFileName(v.name, todayIso(), kind);
    if (kind === 'csv') downloadBlob(new Blob([toCsv(table.columns, table.rows)], { type: 'text/csv;charset=utf-8' }), name);
    else {
      const { toXlsxBytes } = await import('../../io/export/xlsx');
      const bytes = await toXlsxBytes(v.name.slice(0, 31) || 'view', table.columns, table.rows);
      downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name);
    }
    showToast(t('views.exported', { count: table.rows.length, file: name }));
  }

  async function copyPhones(v: SavedView): Promise<void> {
    const reader = book.sheet(v.sheet);
    const seen = new Set<string>();
    for (const row of matching(v)) {
      const phone = valueToText(reader.get(row, 'phone')).trim();
      if (phone) seen.add(phone);
    }
    if (seen.size === 0) {
      showToast(t('views.noPhones'));
      return;
    }
    try {
      await navigator.clipboard.writeText([...seen].join('\n'));
      showToast(t('views.phonesCopied', { count: seen.size }));
    } catch {
      showToast(t('views.copyFailed'));
    }
  }

  /** Asks for a name in the quick input: what is typed is the one choice offered. */
  const askName = (initial: string, accept: (name: string) => void) =>
    wb.showQuickPick({
      id: 'savedViews.rename',
      ariaLabel: () => t('views.renamePrompt'),
      placeholder: () => t('views.namePlaceholder'),
      empty: () => t('views.problem.needName'),
      initialQuery: initial,
      items: (q) => (q.trim() ? [{ id: q.trim(), label: t('views.renameTo', { name: q.trim() }) }] : []),
      accept: (item) => accept(item.id),
    });

  const list = [
    { id: 'savedViews.create', title: 'views.cmd.create', run: () => wb.openEditor({ kind: BUILDER_EDITOR, id: NEW_VIEW_ID }) },
    {
      id: 'savedViews.edit',
      title: 'views.cmd.edit',
      when: ON_VIEW,
      run: (a?: unknown) => {
        const v = target(a);
        if (v) wb.openEditor({ kind: BUILDER_EDITOR, id: v.id });
      },
    },
    {
      id: 'savedViews.rename',
      title: 'views.cmd.rename',
      when: ON_VIEW,
      run: (a?: unknown) => {
        const v = target(a);
        if (v)
          askName(v.name, (name) => {
            updateSavedView(book, v.id, { name });
            views.refresh();
          });
      },
    },
    {
      id: 'savedViews.delete',
      title: 'views.cmd.delete',
      when: ON_VIEW,
      run: (a?: unknown) => {
        const v = target(a);
        if (!v) return;
        const index = readSavedViews(book).findIndex((x) => x.id === v.id);
        deleteSavedView(book, v.id);
        views.refresh();
        wb.state.close(`${VIEW_EDITOR}:${v.id}`);
        showToast(t('views.deleted', { name: v.name }), {
          label: t('sales.undo'),
          run: () => {
            restoreSavedView(book, v, index);
            views.refresh();
          },
        });
      },
    },
    { id: 'savedViews.exportCsv', title: 'views.cmd.exportCsv', when: `${ON_VIEW} && !staffMode`, run: (a?: unknown) => (target(a) ? exportView(target(a)!, 'csv') : undefined) },
    { id: 'savedViews.exportXlsx', title: 'views.cmd.exportXlsx', when: `${ON_VIEW} && !staffMode`, run: (a?: unknown) => (target(a) ? exportView(target(a)!, 'xlsx') : undefined) },
    { id: 'savedViews.copyPhones', title: 'views.cmd.copyPhones', when: `${ON_VIEW} && !staffMode`, run: (a?: unknown) => (target(a) ? copyPhones(target(a)!) : undefined) },
  ];
  for (const c of list) store.add(commands.register({ ...c, category: CATEGORY }));
  return store;
}
