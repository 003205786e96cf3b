// The Reports tab: Sales, Members, Decisions and Products, each a few headline numbers and blocks of
// chart + table (+ CSV/xlsx export) over the period the owner picks. The book is read once into
// report data when the tab opens and again shortly after the book changes; each report is computed
// from that data only while its section is shown. Loaded on demand with its charts (see
// reports.contribution.tsx), so none of this is in the app's first load.

import { createMemo, createSignal, For, onCleanup, Show, type Accessor, type JSX } from 'solid-js';
import { todayIso } from '../../base/date';
import { settingsOfBook } from '../../core/analysis/book-analysis';
import { isoToDay } from '../../core/analysis/days';
import { decisionsReport, membersReport, productsReport, readReportData, salesReport, type Granularity, type ReportData } from '../../core/analysis/reports/index';
import { toCsv, type ExportColumn } from '../../io/export/csv';
import { toXlsxBytes } from '../../io/export/xlsx';
import { useServices } from '../../ui/services';
import { Chart } from './chart';
// The stylesheet travels with this lazily loaded view, not in the app's first load.
import './reports.css';
import {
  decisionsBlocks,
  formatCell,
  makeFormats,
  membersBlocks,
  productsBlocks,
  salesBlocks,
  type Block,
  type ColKind,
  type Formats,
  type ReportTable,
  type SalesMetric,
} from './report-tables';
import { downloadBlob } from '../../ui/download';

export type ReportSection = 'sales' | 'members' | 'decisions' | 'products';
export const REPORT_SECTIONS: readonly ReportSection[] = ['sales', 'members', 'decisions', 'products'];

export type RangePreset = 'days30' | 'weeks12' | 'months12' | 'months24';
export const RANGES: Readonly<Record<RangePreset, { granularity: Granularity; periods: number }>> = {
  days30: { granularity: 'day', periods: 30 },
  weeks12: { granularity: 'week', periods: 12 },
  months12: { granularity: 'month', periods: 12 },
  months24: { granularity: 'month', periods: 24 },
};
const DAY_CHOICES = [30, 60, 90, 180, 365];

/** Times a computation for the benchmark (a performance measure named `clientela:reports:<name>`). */
function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  const out = fn();
  performance.measure(`clientela:reports:${name}`, { start, end: performance.now() });
  return out;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


/** Export columns: percentages as numbers of percent (74.4), the way a spreadsheet user reads them. */
export function exportTable(table: ReportTable): { columns: ExportColumn[]; rows: (string | number | null)[][] } {
  return {
    columns: table.cols.map((c) => ({ name: c.kind === 'percent' ? `${c.label} (%)` : c.label, type: c.kind === 'text' ? 'text' : 'number' })),
    rows: table.rows.map((r) => r.map((v, i) => (typeof v === 'number' && table.cols[i]!.kind === 'percent' ? Math.round(v * 1000) / 10 : v))),
  };
}

export function ReportsView(props: { section: Accessor<ReportSection>; setSection: (s: ReportSection) => void }): JSX.Element {
  const { book, i18n } = useServices();
  const [range, setRange] = createSignal<RangePreset>('months12');
  const [activeDays, setActiveDays] = createSignal(90);
  const [notSoldDays, setNotSoldDays] = createSignal(60);
  const [metric, setMetric] = createSignal<SalesMetric>('revenue');
  // The read hands back the very same data while the book's purchases and customers are unchanged,
  // so an edit the reports do not read (a phone number, a note) recomputes nothing.
  const [data, setData] = createSignal<ReportData | undefined>(undefined);
  const [today, setToday] = createSignal(isoToDay(todayIso())!);

  // Read after the tab has painted its "Computing…" line; again after the book settles.
  const load = () => {
    setToday(isoToDay(todayIso())!);
    setData(timed('read', () => readReportData(book)));
  };
  let timer = setTimeout(load, 0);
  const sub = book.onDidChange((c) => {
    if (!c.sheets.some((s) => s.sheet === 'purchases' || s.sheet === 'customers')) return;
    clearTimeout(timer);
    timer = setTimeout(load, 400);
  });
  onCleanup(() => {
    clearTimeout(timer);
    sub.dispose();
  });

  const formats = createMemo<Formats>(() => {
    i18n.locale();
    return makeFormats({ t: i18n.t, locale: i18n.locale(), currency: i18n.i18n.currency, formatCurrency: (n) => i18n.i18n.formatCurrency(n), formatNumber: (n) => i18n.i18n.formatNumber(n), formatDate: (s) => i18n.i18n.formatDate(s) });
  });
  const opts = () => ({ today: today(), ...RANGES[range()] });

  const sales = createMemo(() => (props.section() === 'sales' && data() ? timed('sales', () => salesReport(data()!, opts())) : undefined));
  const members = createMemo(() => (props.section() === 'members' && data() ? timed('members', () => membersReport(data()!, { ...opts(), tiers: settingsOfBook(book).tiers })) : undefined));
  const decisions = createMemo(() =>
    props.section() === 'decisions' && data() ? timed('decisions', () => decisionsReport(data()!, { ...opts(), activeDays: activeDays(), cuts: settingsOfBook(book).valueClasses })) : undefined,
  );
  const products = createMemo(() => (props.section() === 'products' && data() ? timed('products', () => productsReport(data()!, { ...opts(), notSoldDays: notSoldDays() })) : undefined));

  const f = formats;
  const pct = (x: number) => f().percent(x);
  const change = (now: number, before: number) =>
    before > 0 ? i18n.t('reports.kpi.vsPrevious', { change: `${now >= before ? '+' : ''}${pct((now - before) / before)}` }) : i18n.t('reports.kpi.noPrevious');

  const tabId = (s: ReportSection) => `rp-tab-${s}`;
  const onTabKey = (e: KeyboardEvent) => {
    const i = REPORT_SECTIONS.indexOf(props.section());
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? REPORT_SECTIONS.length - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    const s = REPORT_SECTIONS[(next + REPORT_SECTIONS.length) % REPORT_SECTIONS.length]!;
    props.setSection(s);
    document.getElementById(tabId(s))?.focus();
  };

  const daysSelect = (label: string, value: Accessor<number>, set: (n: number) => void) => (
    <label class="rp-field">
      <span>{label}</span>
      <select class="rp-select" value={value()} onChange={(e) => set(Number(e.currentTarget.value))}>
        <For each={DAY_CHOICES}>{(d) => <option value={d}>{i18n.t('reports.days', { count: d })}</option>}</For>
      </select>
    </label>
  );

  return (
    <div class="rp-view">
      <div class="rp-toolbar">
        <div class="rp-tabs" role="tablist" aria-label={i18n.t('reports.sections')} onKeyDown={onTabKey}>
          <For each={REPORT_SECTIONS}>
            {(s) => (
              <button
                type="button"
                role="tab"
                id={tabId(s)}
                class="rp-tab"
                aria-selected={props.section() === s}
                aria-controls="rp-panel"
                tabIndex={props.section() === s ? 0 : -1}
                onClick={() => props.setSection(s)}
              >
                {i18n.t(`reports.section.${s}`)}
              </button>
            )}
          </For>
        </div>
        <div class="rp-controls">
          <label class="rp-field">
            <span>{i18n.t('reports.range')}</span>
            <select class="rp-select" value={range()} onChange={(e) => setRange(e.currentTarget.value as RangePreset)}>
              <For each={Object.keys(RANGES) as RangePreset[]}>{(r) => <option value={r}>{i18n.t(`reports.range.${r}`)}</option>}</For>
            </select>
          </label>
          <Show when={props.section() === 'decisions'}>{daysSelect(i18n.t('reports.activeDays'), activeDays, setActiveDays)}</Show>
          <Show when={props.section() === 'products'}>{daysSelect(i18n.t('reports.notSoldDays'), notSoldDays, setNotSoldDays)}</Show>
          <button type="button" class="wb-button rp-print" onClick={() => window.print()}>
            {i18n.t('reports.print')}
          </button>
        </div>
      </div>
      <div id="rp-panel" class="rp-panel" role="tabpanel" aria-labelledby={tabId(props.section())}>
        <h2 class="rp-title">{i18n.t(`reports.section.${props.section()}`)}</h2>
        <p class="rp-note">
          {i18n.t('reports.asOf', { date: i18n.i18n.formatDate(todayIso()) })}
          <Show when={range() === 'weeks12'}> · {i18n.t('reports.weekNote')}</Show>
          <Show when={data() && data()!.issues.badAmount + data()!.issues.badDate > 0}>
            {' · '}
            {i18n.t('reports.issues', { bad: data()!.issues.badAmount + data()!.issues.badDate })}
          </Show>
        </p>
        <Show when={data()} fallback={<p class="rp-loading" role="status">{i18n.t('reports.loading')}</p>}>
          <Show when={sales()}>
            {(r) => (
              <>
                <div class="rp-kpis">
                  <Kpi label={i18n.t('reports.kpi.revenue')} value={f().money(r().total.revenue)} note={change(r().total.revenue, r().previousTotal.revenue)} />
                  <Kpi label={i18n.t('reports.kpi.sales')} value={f().count(r().total.sales)} note={change(r().total.sales, r().previousTotal.sales)} />
                  <Kpi label={i18n.t('reports.kpi.avgTicket')} value={f().money(r().total.avgTicket)} note={change(r().total.avgTicket, r().previousTotal.avgTicket)} />
                </div>
                <Blocks
                  blocks={salesBlocks(r(), f(), metric())}
                  f={f()}
                  extra={{ 'sales-by-period': () => <MetricPicker metric={metric()} setMetric={setMetric} /> }}
                />
              </>
            )}
          </Show>
          <Show when={members()}>
            {(r) => (
              <>
                <div class="rp-kpis">
                  <Kpi label={i18n.t('reports.kpi.members')} value={f().count(r().totalMembers)} />
                  <Kpi label={i18n.t('reports.kpi.newMembers')} value={f().count(r().newInRange)} />
                  <Kpi label={i18n.t('reports.kpi.undated')} value={f().count(r().undated)} />
                </div>
                <Blocks blocks={membersBlocks(r(), f())} f={f()} />
              </>
            )}
          </Show>
          <Show when={decisions()}>
            {(r) => (
              <>
                <div class="rp-kpis">
                  <Kpi
                    label={i18n.t('reports.kpi.activeRate')}
                    value={pct(r().activeRate)}
                    note={i18n.t('reports.kpi.activeOf', { active: r().active, total: r().customers, days: r().activeDays })}
                  />
                  <Kpi label={i18n.t('reports.kpi.repeatRate')} value={pct(r().repeatRate)} note={i18n.t('reports.kpi.repeatOf', { repeat: r().repeaters, buyers: r().buyers })} />
                  <Show when={r().paretoCustomersFor80 !== undefined}>
                    <Kpi label={i18n.t('reports.kpi.pareto')} value={pct(r().paretoCustomersFor80!)} note={i18n.t('reports.kpi.paretoOf')} />
                  </Show>
                </div>
                <Blocks blocks={decisionsBlocks(r(), f())} f={f()} />
              </>
            )}
          </Show>
          <Show when={products()}>
            {(r) => (
              <>
                <div class="rp-kpis">
                  <Kpi label={i18n.t('reports.kpi.products')} value={f().count(r().products.filter((p) => p.quantity > 0).length)} />
                  <Kpi label={i18n.t('reports.kpi.withoutItems')} value={f().count(r().withoutItems)} />
                </div>
                <Blocks blocks={productsBlocks(r(), f())} f={f()} />
              </>
            )}
          </Show>
        </Show>
      </div>
    </div>
  );
}

function Kpi(props: { label: string; value: string; note?: string }): JSX.Element {
  return (
    <div class="rp-kpi">
      <div class="rp-kpi-label">{props.label}</div>
      <div class="rp-kpi-value">{props.value}</div>
      <Show when={props.note}>
        <div class="rp-kpi-note">{props.note}</div>
      </Show>
    </div>
  );
}

function MetricPicker(props: { metric: SalesMetric; setMetric: (m: SalesMetric) => void }): JSX.Element {
  const { i18n } = useServices();
  const label: Record<SalesMetric, string> = { revenue: 'reports.kpi.revenue', sales: 'reports.kpi.sales', avgTicket: 'reports.kpi.avgTicket' };
  return (
    <div class="rp-seg" role="group" aria-label={i18n.t('reports.metric')}>
      <For each={['revenue', 'sales', 'avgTicket'] as SalesMetric[]}>
        {(m) => (
          <button type="button" class="rp-seg-button" aria-pressed={props.metric === m} onClick={() => props.setMetric(m)}>
            {i18n.t(label[m])}
          </button>
        )}
      </For>
    </div>
  );
}

function Blocks(props: { blocks: readonly Block[]; f: Formats; extra?: Readonly<Record<string, () => JSX.Element>> }): JSX.Element {
  return (
    <div class="rp-blocks">
      <For each={props.blocks}>{(b) => <ReportBlock block={b} f={props.f} extra={props.extra?.[b.table.id]} />}</For>
    </div>
  );
}

function ReportBlock(props: { block: Block; f: Formats; extra?: () => JSX.Element }): JSX.Element {
  const { i18n } = useServices();
  const [mode, setMode] = createSignal<'chart' | 'table'>('chart');
  const showChart = () => !!props.block.chart && mode() === 'chart' && props.block.table.rows.length > 0;
  const table = () => props.block.table;
  const fileName = (ext: string) => `${i18n.t('reports.fileName', { title: table().title })} ${todayIso()}.${ext}`.replace(/[\\/:*?"<>|]+/g, ' ');
  async function exportAs(kind: 'csv' | 'xlsx'): Promise<void> {
    const { columns, rows } = exportTable(table());
    if (kind === 'csv') downloadBlob(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), fileName('csv'));
    else downloadBlob(new Blob([(await toXlsxBytes(table().title, columns, rows)) as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), fileName('xlsx'));
  }
  const headingId = () => `rp-h-${table().id}`;
  return (
    <section class="rp-block" data-report={table().id} aria-labelledby={headingId()}>
      <div class="rp-block-head">
        <h3 id={headingId()} class="rp-block-title">
          {table().title}
        </h3>
        <div class="rp-block-actions">
          {props.extra?.()}
          <Show when={props.block.chart}>
            <div class="rp-seg" role="group" aria-label={table().title}>
              <button type="button" class="rp-seg-button" aria-pressed={mode() === 'chart'} onClick={() => setMode('chart')}>
                {i18n.t('reports.view.chart')}
              </button>
              <button type="button" class="rp-seg-button" aria-pressed={mode() === 'table'} onClick={() => setMode('table')}>
                {i18n.t('reports.view.table')}
              </button>
            </div>
          </Show>
          <button type="button" class="rp-seg-button rp-export" aria-label={i18n.t('reports.export.label', { title: table().title, format: 'CSV' })} onClick={() => void exportAs('csv')}>
            {i18n.t('reports.export.csv')}
          </button>
          <button type="button" class="rp-seg-button rp-export" aria-label={i18n.t('reports.export.label', { title: table().title, format: 'Excel' })} onClick={() => void exportAs('xlsx')}>
            {i18n.t('reports.export.xlsx')}
          </button>
        </div>
      </div>
      <Show when={table().rows.length > 0} fallback={<p class="rp-empty">{i18n.t('reports.empty')}</p>}>
        <Show when={showChart()} fallback={<DataTable table={table()} f={props.f} />}>
          <Chart
            spec={props.block.chart!}
            label={table().title}
            xLabel={table().cols[0]!.label}
            format={(kind: ColKind, v: number) => formatCell(props.f, kind, v)}
            axisFormat={props.f.axis}
          />
        </Show>
      </Show>
    </section>
  );
}

/** The numbers as a real table: selectable and copyable, a caption for screen readers, raw values in data-value. */
function DataTable(props: { table: ReportTable; f: Formats }): JSX.Element {
  return (
    <div class="rp-table-wrap" tabIndex={0} role="region" aria-label={props.table.title}>
      <table class="rp-table">
        <caption class="wb-visually-hidden">{props.table.title}</caption>
        <thead>
          <tr>
            <For each={props.table.cols}>{(c) => <th scope="col" classList={{ 'is-num': c.kind !== 'text' }}>{c.label}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.table.rows}>
            {(row) => (
              <tr>
                <For each={row}>
                  {(v, i) => {
                    const kind = props.table.cols[i()]!.kind;
                    const text = formatCell(props.f, kind, v);
                    return i() === 0 ? (
                      <th scope="row" classList={{ 'is-num': kind !== 'text' }} data-value={v ?? ''}>
                        {text}
                      </th>
                    ) : (
                      <td classList={{ 'is-num': kind !== 'text' }} data-value={v ?? ''}>
                        {text}
                      </td>
                    );
                  }}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
