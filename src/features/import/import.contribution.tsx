// The import/export feature's manifest: the Import tab (and its activity-bar entry), "File:
// Import…", "File: Export Sheet as Excel…" and "File: Export Sheet as CSV…". The import session lives
// here, outside the tab, so the mapping and the last report survive switching tabs.

import { PHONE_COUNTRIES, changePhoneCountry, phoneCountry, regionName } from '../settings/phone-country';
import { createRoot, Show, type JSX } from 'solid-js';
import { todayIso } from '../../base/date';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import { SHEET_IDS, type Column, type SheetId } from '../../core/index';
import { activeGrid } from '../../ui/grid/active-grid';
import { useServices, type Services } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import type { Workbench } from '../../ui/workbench/workbench-context';
import type { ExportWriters, ImportEngine } from './engine';
import { lazyEngine, lazyWriters, loadEngine } from './engine-lazy';
import { exportFileName, planColumnLabel, reportTable, type ImportReport } from './import-model';
import { createImportSession, type ImportSession } from './import-session';
import { ImportView, reportSummary, type ImportViewActions } from './import-view';
import './import.css';
import { columnLabel } from '../../ui/column-label';
import { downloadBlob } from '../../ui/download';

/** Runs `fn` in a task after the next paint (or after 100 ms when nothing paints: a hidden tab). */
function afterPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  const timer = setTimeout(run, 100);
  requestAnimationFrame(() => {
    clearTimeout(timer);
    setTimeout(run, 0);
  });
}

export const IMPORT_EDITOR: { kind: string; id: string } = { kind: 'import', id: '' };


const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv;charset=utf-8';

export function registerImportContribution(
  services: Services,
  wb: Workbench,
  deps: { engine?: ImportEngine; writers?: ExportWriters } = {},
): Disposable {
  const { book, commands, i18n } = services;
  const store = new DisposableStore();
  const writers = deps.writers ?? lazyWriters;
  const session = createRoot((dispose) => {
    store.add(toDisposable(dispose));
    return createImportSession({ book, engine: deps.engine ?? lazyEngine, locale: () => i18n.locale(), defaultCountry: phoneCountry });
  });

  const colLabel = (c: Pick<Column, 'name' | 'labelKey' | 'id'>) => columnLabel(c, i18n.t);

  /** The sheet an export writes: the active sheet tab, else the last focused grid's, else Customers. */
  const exportSheet = (): SheetId => {
    const snap = wb.state.snapshot;
    const input = snap.tabs.find((t) => `${t.kind}:${t.id}` === snap.active);
    if (input?.kind === 'sheet' && (SHEET_IDS as readonly string[]).includes(input.id)) return input.id as SheetId;
    return activeGrid()?.sheet ?? 'customers';
  };

  async function exportActiveSheet(kind: 'xlsx' | 'csv'): Promise<void> {
    if (!deps.writers) await loadEngine();
    const sheet = exportSheet();
    const label = i18n.t(`sheet.${sheet}`);
    // Exported headers are the names the person sees; rows are the sheet's live rows.
    const { columns, rows } = writers.sheetTable(book, sheet, { label: colLabel });
    const name = exportFileName(label, todayIso(), kind);
    if (kind === 'csv') downloadBlob(new Blob([writers.toCsv(columns, rows)], { type: CSV_TYPE }), name);
    else {
      const bytes = await writers.toXlsxBytes(label, columns, rows);
      downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), name);
    }
  }

  async function exportReport(report: ImportReport | undefined): Promise<void> {
    if (!report) return;
    if (!deps.writers) await loadEngine();
    const sheet = report.sheet as SheetId;
    const labelIn = (of: SheetId) => (id: string) => {
      const c = book.sheet(of).column(id);
      return c ? colLabel(c) : id;
    };
    const bookLabel = labelIn(sheet);
    const table = reportTable(report, {
      headers: [
        i18n.t('import.report.col.outcome'),
        i18n.t('import.report.col.row'),
        i18n.t('import.report.col.column'),
        i18n.t('import.report.col.value'),
        i18n.t('import.report.col.detail'),
      ],
      added: i18n.t('import.report.added'),
      updated: i18n.t('import.report.updated'),
      skipped: i18n.t('import.report.skipped'),
      problem: i18n.t('import.report.problem'),
      reason: (r) => (i18n.i18n.has(r) ? i18n.t(r) : r),
      column: (key) => planColumnLabel(key, report.newColumns, bookLabel),
      sheet: (id) => i18n.t(`sheet.${id}`),
      purchasesColumn: labelIn('purchases'),
    });
    const columns = table.header.map((name) => ({ name, type: 'text' as const }));
    const base = report.fileName.replace(/\.[^.]*$/, '') || 'import';
    downloadBlob(new Blob([writers.toCsv(columns, table.rows)], { type: CSV_TYPE }), exportFileName(i18n.t('import.report.fileName', { file: base }), todayIso(), 'csv'));
  }

  const actions: ImportViewActions = {
    confirm() {
      // Prepared in slices, then written in one transaction: the page keeps its frames meanwhile.
      void session.confirmAsync().then((done) => {
        // Customers plus their purchases open the purchases, where the file's lines now are.
        const report = session.report();
        const sheet = (report?.purchases ? 'purchases' : report?.sheet) as SheetId | undefined;
        // In a frame of its own: mounting the grid on 50k rows would lengthen the commit's frame.
        if (done && sheet) afterPaint(() => wb.openEditor({ kind: 'sheet', id: sheet }));
      });
    },
    openSheet: (sheet) => wb.openEditor({ kind: 'sheet', id: sheet }),
    exportReport: () => void exportReport(session.report()),
    phoneCountry: {
      value: phoneCountry,
      choices: () => PHONE_COUNTRIES.map((code) => ({ code, name: regionName(i18n.locale(), code) })),
      set: (code) => changePhoneCountry(services.deviceStore, code),
    },
  };

  // --- the Import tab and its place in the activity bar ----------------------------------------
  store.add(
    wb.views.registerEditor({
      id: 'import',
      icon: 'file',
      title: () => ({ key: 'import.tab' }),
      render: () => <ImportView session={session} actions={actions} />,
    }),
  );
  store.add(wb.views.registerContainer({ id: 'import', title: 'import.container', icon: 'file', order: 40 }));
  store.add(
    wb.views.registerView({
      id: 'import.actions',
      container: 'import',
      title: 'import.container',
      order: 10,
      render: () => <ImportSideView session={session} exportReport={actions.exportReport} />,
    }),
  );

  // --- commands ----------------------------------------------------------------------------------
  store.add(
    commands.register({
      id: 'file.import',
      title: 'import.cmd.import',
      category: 'import.category',
      run: () => wb.openEditor(IMPORT_EDITOR),
    }),
  );
  store.add(
    commands.register({
      id: 'file.exportSheet',
      title: 'import.cmd.exportSheet',
      category: 'import.category',
      when: '!staffMode',
      run: () => exportActiveSheet('xlsx'),
    }),
  );
  store.add(
    commands.register({
      id: 'file.exportCsv',
      title: 'import.cmd.exportCsv',
      category: 'import.category',
      when: '!staffMode',
      run: () => exportActiveSheet('csv'),
    }),
  );
  return store;
}

/** The side bar of the Import entry: start an import, export the open sheet, the last report. */
function ImportSideView(props: { session: ImportSession; exportReport: () => void }): JSX.Element {
  const { commands, i18n } = useServices();
  const item = (command: string, icon: string, label: string) => (
    <li>
      <button type="button" class="wb-list-item" data-command={command} onClick={() => commands.execute(command)}>
        <Icon name={icon} size={18} />
        <span class="wb-list-label">{label}</span>
      </button>
    </li>
  );
  return (
    <>
      <ul class="wb-list">
        {item('file.import', 'file', i18n.t('import.side.import'))}
        {item('file.exportSheet', 'table', i18n.t('import.side.exportXlsx'))}
        {item('file.exportCsv', 'table', i18n.t('import.side.exportCsv'))}
      </ul>
      <Show when={props.session.report()}>
        {(r) => (
          <div class="im-side-report">
            <p class="wb-view-note">
              {reportSummary(r(), i18n.t)}
            </p>
            <ul class="wb-list">
              <li>
                <button type="button" class="wb-list-item" onClick={() => commands.execute('file.import')}>
                  <Icon name="check" size={18} />
                  <span class="wb-list-label">{i18n.t('import.side.showReport')}</span>
                </button>
              </li>
              <li>
                <button type="button" class="wb-list-item" onClick={() => props.exportReport()}>
                  <Icon name="file" size={18} />
                  <span class="wb-list-label">{i18n.t('import.report.export')}</span>
                </button>
              </li>
            </ul>
          </div>
        )}
      </Show>
    </>
  );
}
