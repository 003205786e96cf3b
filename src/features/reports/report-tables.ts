// The reports as tables and chart specs: one place that turns a computed report into the numbers a
// person sees (the <table> view, the CSV/xlsx export) and the series a chart draws, so the chart,
// the table and the export always show the same numbers. Plain functions, no DOM.

import { dayToIso, ymdOf, type Day } from '../../core/analysis/days';
import type { DecisionsReport, Granularity, MembersReport, ProductRow, ProductsReport, SalesReport } from '../../core/analysis/reports/index';
import { SEGMENTS, segmentLabelKey } from '../../core/analysis/rfm';
import type { TierRule } from '../../core/analysis/settings';
import { valueClassLabelKey } from '../../core/analysis/value-classes';

export type ColKind = 'text' | 'money' | 'count' | 'percent';
export type TableCol = { readonly label: string; readonly kind: ColKind };
export type Cell = string | number | null;
export type ReportTable = { readonly id: string; readonly title: string; readonly cols: readonly TableCol[]; readonly rows: readonly (readonly Cell[])[] };

export type SeriesSpec = {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly kind: 'bar' | 'line';
  /** A CSS colour or `var(--cl-…)` name. */
  readonly color: string;
  readonly dash?: boolean;
  readonly scale?: 'y' | 'y2';
};
export type ChartSpec = { readonly labels: readonly string[]; readonly series: readonly SeriesSpec[]; readonly y: ColKind; readonly y2?: ColKind };

export type Block = { readonly table: ReportTable; readonly chart?: ChartSpec };

export type Formats = {
  readonly t: (key: string, params?: Readonly<Record<string, string | number>>) => string;
  readonly locale: string;
  readonly money: (n: number) => string;
  readonly count: (n: number) => string;
  readonly percent: (x: number) => string;
  readonly date: (iso: string) => string;
  /** Short form for chart axes: "$15K", "1.2K", "40%". */
  readonly axis: (kind: ColKind, v: number) => string;
};

/** Formatters in the user's language; money in their currency (i18n's formatters). */
export function makeFormats(i18n: {
  t: Formats['t'];
  locale: string;
  currency: string;
  formatCurrency(n: number): string;
  formatNumber(n: number): string;
  formatDate(iso: string): string;
}): Formats {
  const pct = new Intl.NumberFormat(i18n.locale, { style: 'percent', maximumFractionDigits: 1 });
  const shortPct = new Intl.NumberFormat(i18n.locale, { style: 'percent', maximumFractionDigits: 0 });
  const shortMoney = new Intl.NumberFormat(i18n.locale, { style: 'currency', currency: i18n.currency, notation: 'compact', maximumFractionDigits: 1 });
  const shortNumber = new Intl.NumberFormat(i18n.locale, { notation: 'compact', maximumFractionDigits: 1 });
  return {
    t: i18n.t,
    locale: i18n.locale,
    money: (n) => i18n.formatCurrency(n),
    count: (n) => i18n.formatNumber(n),
    percent: (x) => pct.format(x),
    date: (iso) => i18n.formatDate(iso),
    axis: (kind, v) => (kind === 'money' ? shortMoney.format(v) : kind === 'percent' ? shortPct.format(v) : shortNumber.format(v)),
  };
}

export function formatCell(f: Formats, kind: ColKind, v: Cell): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  return kind === 'money' ? f.money(v) : kind === 'percent' ? f.percent(v) : kind === 'count' ? f.count(v) : String(v);
}

/** A period's name: "Jan 2025" for a month, the date of the day or of the week's Monday otherwise. */
export function periodLabel(f: Formats, start: Day, g: Granularity): string {
  if (g === 'month') {
    const { y, m } = ymdOf(start);
    return new Intl.DateTimeFormat(f.locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  }
  return f.date(dayToIso(start));
}

/** Monday = 1 … Sunday = 7, named in the user's language (1970-01-05 was a Monday). */
export function weekdayName(f: Formats, weekday: number): string {
  return new Intl.DateTimeFormat(f.locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(1970, 0, 4 + weekday)));
}

const ACCENT = 'var(--cl-accent)';
const MUTED = 'var(--cl-muted)';
const OK = 'var(--cl-ok)';
const DANGER = 'var(--cl-danger)';
/** Eleven hues for the RFM segments, readable on light and dark backgrounds. */
const PALETTE = ['#1f6feb', '#1a7f37', '#8250df', '#bf8700', '#0a7ea4', '#d1242f', '#e16f24', '#6e7781', '#bc4c00', '#953800', '#57606a'];

export type SalesMetric = 'revenue' | 'sales' | 'avgTicket';

export function salesBlocks(r: SalesReport, f: Formats, metric: SalesMetric): Block[] {
  const g = r.axis.granularity;
  const labels = r.rows.map((x) => periodLabel(f, x.start, g));
  const cur = r.rows.map((x) => (metric === 'revenue' ? x.revenue : metric === 'sales' ? x.sales : x.avgTicket));
  const prev = r.rows.map((x) => (metric === 'revenue' ? x.prevRevenue : metric === 'sales' ? x.prevSales : x.prevAvgTicket));
  const byPeriod: Block = {
    table: {
      id: 'sales-by-period',
      title: f.t('reports.chart.salesByPeriod'),
      cols: [
        { label: f.t('reports.col.period'), kind: 'text' },
        { label: f.t('reports.col.revenue'), kind: 'money' },
        { label: f.t('reports.col.sales'), kind: 'count' },
        { label: f.t('reports.col.avgTicket'), kind: 'money' },
        { label: f.t('reports.col.previousPeriod'), kind: 'text' },
        { label: f.t('reports.col.prevRevenue'), kind: 'money' },
        { label: f.t('reports.col.prevSales'), kind: 'count' },
        { label: f.t('reports.col.prevAvgTicket'), kind: 'money' },
      ],
      rows: r.rows.map((x, i) => [labels[i]!, x.revenue, x.sales, x.avgTicket, periodLabel(f, x.prevStart, g), x.prevRevenue, x.prevSales, x.prevAvgTicket]),
    },
    chart: {
      labels,
      y: metric === 'sales' ? 'count' : 'money',
      series: [
        { label: f.t('reports.series.current'), values: cur, kind: metric === 'avgTicket' ? 'line' : 'bar', color: ACCENT },
        { label: f.t('reports.series.previous'), values: prev, kind: 'line', color: MUTED, dash: true },
      ],
    },
  };
  const wdLabels = r.weekdays.map((w) => weekdayName(f, w.weekday));
  const weekdays: Block = {
    table: {
      id: 'sales-weekdays',
      title: f.t('reports.chart.weekdays'),
      cols: [
        { label: f.t('reports.col.weekday'), kind: 'text' },
        { label: f.t('reports.col.revenue'), kind: 'money' },
        { label: f.t('reports.col.sales'), kind: 'count' },
        { label: f.t('reports.col.avgTicket'), kind: 'money' },
      ],
      rows: r.weekdays.map((w, i) => [wdLabels[i]!, w.revenue, w.sales, w.avgTicket]),
    },
    chart: { labels: wdLabels, y: 'money', series: [{ label: f.t('reports.col.revenue'), values: r.weekdays.map((w) => w.revenue), kind: 'bar', color: ACCENT }] },
  };
  const out = [byPeriod, weekdays];
  if (r.hours.length) {
    const hLabels = r.hours.map((h) => `${String(h.hour).padStart(2, '0')}:00`);
    out.push({
      table: {
        id: 'sales-hours',
        title: f.t('reports.chart.hours'),
        cols: [
          { label: f.t('reports.col.hour'), kind: 'text' },
          { label: f.t('reports.col.revenue'), kind: 'money' },
          { label: f.t('reports.col.sales'), kind: 'count' },
        ],
        rows: r.hours.map((h, i) => [hLabels[i]!, h.revenue, h.sales]),
      },
      chart: { labels: hLabels, y: 'count', series: [{ label: f.t('reports.col.sales'), values: r.hours.map((h) => h.sales), kind: 'bar', color: ACCENT }] },
    });
  }
  return out;
}

export const tierName = (f: Formats, t: TierRule | undefined): string => (t ? (t.name ?? (t.nameKey ? f.t(t.nameKey) : t.id)) : f.t('reports.noTier'));

export function membersBlocks(r: MembersReport, f: Formats): Block[] {
  const g = r.axis.granularity;
  const labels = r.rows.map((x) => periodLabel(f, x.start, g));
  const tierLabels = r.tiers.map((t) => tierName(f, t.tier));
  return [
    {
      table: {
        id: 'members-new',
        title: f.t('reports.chart.newMembers'),
        cols: [
          { label: f.t('reports.col.period'), kind: 'text' },
          { label: f.t('reports.col.newMembers'), kind: 'count' },
          { label: f.t('reports.col.totalMembers'), kind: 'count' },
          { label: f.t('reports.col.growth'), kind: 'percent' },
        ],
        rows: r.rows.map((x, i) => [labels[i]!, x.newMembers, x.totalMembers, x.growth ?? null]),
      },
      chart: {
        labels,
        y: 'count',
        y2: 'count',
        series: [
          { label: f.t('reports.col.newMembers'), values: r.rows.map((x) => x.newMembers), kind: 'bar', color: ACCENT },
          { label: f.t('reports.col.totalMembers'), values: r.rows.map((x) => x.totalMembers), kind: 'line', color: OK, scale: 'y2' },
        ],
      },
    },
    {
      table: {
        id: 'members-tiers',
        title: f.t('reports.chart.tiers'),
        cols: [
          { label: f.t('reports.col.tier'), kind: 'text' },
          { label: f.t('reports.col.members'), kind: 'count' },
          { label: f.t('reports.col.share'), kind: 'percent' },
        ],
        rows: r.tiers.map((t, i) => [tierLabels[i]!, t.count, t.share]),
      },
      chart: { labels: tierLabels, y: 'count', series: [{ label: f.t('reports.col.members'), values: r.tiers.map((t) => t.count), kind: 'bar', color: ACCENT }] },
    },
  ];
}

export function decisionsBlocks(r: DecisionsReport, f: Formats): Block[] {
  const g = r.axis.granularity;
  const labels = r.churn.map((x) => periodLabel(f, x.start, g));
  const classLabels = r.valueClasses.map((v) => f.t(valueClassLabelKey(v.valueClass)));
  const segDays = r.segments.map((s) => f.date(dayToIso(s.day)));
  return [
    {
      table: {
        id: 'decisions-churn',
        title: f.t('reports.chart.churn'),
        cols: [
          { label: f.t('reports.col.period'), kind: 'text' },
          { label: f.t('reports.col.activeAtStart'), kind: 'count' },
          { label: f.t('reports.col.churned'), kind: 'count' },
          { label: f.t('reports.col.churnRate'), kind: 'percent' },
          { label: f.t('reports.col.buyers'), kind: 'count' },
          { label: f.t('reports.col.returning'), kind: 'count' },
          { label: f.t('reports.col.returningShare'), kind: 'percent' },
        ],
        rows: r.churn.map((x, i) => [labels[i]!, x.activeAtStart, x.churned, x.churnRate ?? null, x.buyers, x.returning, x.returningShare ?? null]),
      },
      chart: {
        labels,
        y: 'percent',
        series: [
          { label: f.t('reports.col.churnRate'), values: r.churn.map((x) => x.churnRate ?? null), kind: 'line', color: DANGER },
          { label: f.t('reports.col.returningShare'), values: r.churn.map((x) => x.returningShare ?? null), kind: 'line', color: OK },
        ],
      },
    },
    {
      table: {
        id: 'decisions-value-classes',
        title: f.t('reports.chart.valueClasses'),
        cols: [
          { label: f.t('reports.col.valueClass'), kind: 'text' },
          { label: f.t('reports.col.customers'), kind: 'count' },
          { label: f.t('reports.col.customerShare'), kind: 'percent' },
          { label: f.t('reports.col.revenue'), kind: 'money' },
          { label: f.t('reports.col.revenueShare'), kind: 'percent' },
        ],
        rows: r.valueClasses.map((v, i) => [classLabels[i]!, v.customers, v.customerShare, v.revenue, v.revenueShare]),
      },
      chart: {
        labels: classLabels,
        y: 'percent',
        series: [
          { label: f.t('reports.col.revenueShare'), values: r.valueClasses.map((v) => v.revenueShare), kind: 'bar', color: ACCENT },
          { label: f.t('reports.col.customerShare'), values: r.valueClasses.map((v) => v.customerShare), kind: 'line', color: MUTED, dash: true },
        ],
      },
    },
    {
      table: {
        id: 'decisions-pareto',
        title: f.t('reports.chart.pareto'),
        cols: [
          { label: f.t('reports.col.customerShare'), kind: 'percent' },
          { label: f.t('reports.col.revenueShare'), kind: 'percent' },
        ],
        rows: r.pareto.map((p) => [p.customerShare, p.revenueShare]),
      },
      chart: {
        labels: r.pareto.map((p) => f.percent(p.customerShare)),
        y: 'percent',
        series: [
          { label: f.t('reports.col.revenueShare'), values: r.pareto.map((p) => p.revenueShare), kind: 'line', color: ACCENT },
          { label: '80%', values: r.pareto.map(() => 0.8), kind: 'line', color: MUTED, dash: true },
        ],
      },
    },
    {
      table: {
        id: 'decisions-segments',
        title: f.t('reports.chart.segments'),
        cols: [{ label: f.t('reports.col.date'), kind: 'text' }, ...SEGMENTS.map((s) => ({ label: f.t(segmentLabelKey(s)), kind: 'count' as const })), { label: f.t('reports.col.scored'), kind: 'count' }],
        rows: r.segments.map((s, i) => [segDays[i]!, ...SEGMENTS.map((g) => s.counts[g]), s.scored]),
      },
      chart: {
        labels: segDays,
        y: 'count',
        series: SEGMENTS.map((s, k) => ({ label: f.t(segmentLabelKey(s)), values: r.segments.map((x) => x.counts[s]), kind: 'line' as const, color: PALETTE[k]! })),
      },
    },
  ];
}

function productTable(id: string, title: string, rows: readonly ProductRow[], f: Formats): ReportTable {
  return {
    id,
    title,
    cols: [
      { label: f.t('reports.col.product'), kind: 'text' },
      { label: f.t('reports.col.quantity'), kind: 'count' },
      { label: f.t('reports.col.revenue'), kind: 'money' },
      { label: f.t('reports.col.sales'), kind: 'count' },
      { label: f.t('reports.col.lastSold'), kind: 'text' },
      { label: f.t('reports.col.daysSince'), kind: 'count' },
    ],
    rows: rows.map((p) => [p.name, p.quantity, p.revenue, p.sales, f.date(dayToIso(p.lastSold)), p.daysSince]),
  };
}

export function productsBlocks(r: ProductsReport, f: Formats): Block[] {
  const bars = (rows: readonly ProductRow[], by: 'quantity' | 'revenue'): ChartSpec => ({
    labels: rows.map((p) => p.name),
    y: by === 'quantity' ? 'count' : 'money',
    series: [{ label: f.t(by === 'quantity' ? 'reports.col.quantity' : 'reports.col.revenue'), values: rows.map((p) => p[by]), kind: 'bar', color: by === 'quantity' ? ACCENT : OK }],
  });
  return [
    { table: productTable('products-top-quantity', f.t('reports.chart.topQuantity'), r.topByQuantity, f), chart: bars(r.topByQuantity, 'quantity') },
    { table: productTable('products-top-revenue', f.t('reports.chart.topRevenue'), r.topByRevenue, f), chart: bars(r.topByRevenue, 'revenue') },
    { table: productTable('products-slowest', f.t('reports.chart.slowest'), r.slowest, f), chart: bars(r.slowest, 'quantity') },
    { table: productTable('products-not-sold', f.t('reports.chart.notSold', { days: r.notSoldDays }), r.notSold, f) },
  ];
}
