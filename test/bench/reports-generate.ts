// A book for the reports' E2E test and benchmark: customers and purchases linked by the customer's
// code (as imports write them), dated over the three years before `today` with a seasonal rhythm
// and a few loyal customers buying often, items written the ways counters do ("2x té verde",
// "咖啡 x2", "scones"), a few refunds and unreadable amounts. Deterministic (seeded). Also computes
// the reports from the same book with the core, so the E2E test compares the screen to them.
// Loaded through Vite's SSR loader by test/e2e/reports.e2e.mjs and test/bench/reports-bench.mjs.

import * as Y from 'yjs';
import { createBook, yDocOf } from '../../src/core/doc/book-doc';
import { addRows, type RowValues } from '../../src/core/index';
import { settingsOfBook } from '../../src/core/analysis/book-analysis';
import { dayToIso, isoToDay } from '../../src/core/analysis/days';
import { decisionsReport, membersReport, productsReport, readReportData, salesReport, type Granularity } from '../../src/core/analysis/reports/index';
import { SEGMENTS } from '../../src/core/analysis/rfm';
import { ES_FIRST, ES_LAST, ZH_FIRST, ZH_LAST, pad, rng } from './sample-data.mjs';

const PRODUCTS = ['té verde', 'té rojo', '龙井茶', '铁观音', 'galletas', 'scones', 'earl grey', 'tetera de barro', '茶具套装', 'mug', 'gift box', 'jazmín', '普洱', 'matcha', 'rooibos'];

export type ReportsBook = { readonly update: Uint8Array; readonly customers: number; readonly purchases: number; readonly ms: number };

export function generateReportsBook(customerCount: number, purchaseCount: number, todayIso: string, seed = 20250115): ReportsBook {
  const t0 = performance.now();
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const today = isoToDay(todayIso)!;
  const span = 3 * 365;
  const customers: RowValues[] = [];
  for (let i = 0; i < customerCount; i++) {
    const zh = r() < 0.4;
    customers.push({
      code: `C${pad(i + 1, 6)}`,
      name: zh ? `${pick(ZH_LAST)[0]}${pick(ZH_FIRST)[0]}` : `${pick(ES_FIRST)} ${pick(ES_LAST)}`,
      // Customers join over the years, more recently more often.
      firstSeen: r() < 0.85 ? dayToIso(today - Math.floor(span * Math.sqrt(r()))) : null,
    });
  }
  const book = createBook();
  book.ensureSchema();
  addRows(book, 'customers', customers, 'import');

  const purchases: RowValues[] = [];
  for (let i = 0; i < purchaseCount; i++) {
    // A few customers buy a lot (Pareto-ish): the product of two uniform draws.
    const c = Math.floor(r() * r() * customerCount);
    // More sales lately and in December.
    let day = today - Math.floor(span * (1 - Math.sqrt(r())));
    if (r() < 0.08) day = isoToDay(`${dayToIso(day).slice(0, 4)}-12-${pad(1 + Math.floor(r() * 24), 2)}`) ?? day;
    if (day > today) day = today;
    const n = 1 + Math.floor(r() * 3);
    const items: string[] = [];
    for (let k = 0; k < n; k++) {
      const name = pick(PRODUCTS);
      const q = r();
      items.push(q < 0.15 ? `2x ${name}` : q < 0.2 ? `${name} x3` : name);
    }
    // One product the shop stopped selling a year ago: the "not sold for N days" list has it.
    if (day < today - 400 && r() < 0.05) items.push('samovar');
    const bad = r();
    purchases.push({
      date: dayToIso(day),
      customer: `C${pad(c + 1, 6)}`,
      amount: bad < 0.002 ? 'n/a' : bad < 0.01 ? -Math.round(r() * 2000) / 100 : Math.round((3 + r() * r() * 120) * 100) / 100,
      items: r() < 0.03 ? '' : items.join(r() < 0.5 ? ', ' : '、'),
    });
  }
  addRows(book, 'purchases', purchases, 'import');
  const update = Y.encodeStateAsUpdate(yDocOf(book));
  book.dispose();
  return { update, customers: customerCount, purchases: purchaseCount, ms: performance.now() - t0 };
}

/** The numbers each report table shows (numeric columns, in table order), computed by the core. */
export function expectedNumbers(update: Uint8Array, todayIso: string, range: { granularity: Granularity; periods: number }, activeDays = 90, notSoldDays = 60): Record<string, (number | null)[][]> {
  const yDoc = new Y.Doc();
  Y.applyUpdate(yDoc, update);
  const book = createBook(yDoc);
  const data = readReportData(book);
  const settings = settingsOfBook(book);
  const opts = { today: isoToDay(todayIso)!, ...range };
  const s = salesReport(data, opts);
  const m = membersReport(data, { ...opts, tiers: settings.tiers });
  const d = decisionsReport(data, { ...opts, activeDays, cuts: settings.valueClasses });
  const p = productsReport(data, { ...opts, notSoldDays });
  const product = (rows: typeof p.products) => rows.map((x) => [x.quantity, x.revenue, x.sales, x.daysSince]);
  book.dispose();
  return {
    'sales-by-period': s.rows.map((x) => [x.revenue, x.sales, x.avgTicket, x.prevRevenue, x.prevSales, x.prevAvgTicket]),
    'sales-weekdays': s.weekdays.map((x) => [x.revenue, x.sales, x.avgTicket]),
    'members-new': m.rows.map((x) => [x.newMembers, x.totalMembers, x.growth ?? null]),
    'members-tiers': m.tiers.map((x) => [x.count, x.share]),
    'decisions-churn': d.churn.map((x) => [x.activeAtStart, x.churned, x.churnRate ?? null, x.buyers, x.returning, x.returningShare ?? null]),
    'decisions-value-classes': d.valueClasses.map((x) => [x.customers, x.customerShare, x.revenue, x.revenueShare]),
    'decisions-pareto': d.pareto.map((x) => [x.customerShare, x.revenueShare]),
    'decisions-segments': d.segments.map((x) => [...SEGMENTS.map((g) => x.counts[g]), x.scored]),
    'products-top-quantity': product(p.topByQuantity),
    'products-top-revenue': product(p.topByRevenue),
    'products-slowest': product(p.slowest),
    'products-not-sold': product(p.notSold),
    kpis: [[s.total.revenue, s.total.sales, m.totalMembers, d.active, d.customers]],
  };
}
