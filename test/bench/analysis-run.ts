// The analysis benchmark itself, shared by the Node measure and the Chromium page: full compute of
// every computed column, segment and reminder, then the incremental update after one new sale.
import { applyBookChange, settingsOfBook } from '../../src/core/analysis/book-analysis';
import { CustomerAnalysis } from '../../src/core/analysis/customer-analysis';
import { readSnapshot, type Snapshot } from '../../src/core/analysis/snapshot';
import { dataProblems } from '../../src/core/analysis/problems';
import { remindersFor } from '../../src/core/analysis/reminders';
import { dayToIso, isoToDay } from '../../src/core/analysis/days';
import type { Book } from '../../src/core/doc/book-doc';
import { addRows, setCells } from '../../src/core/ops/rows';
import type { BookChange } from '../../src/core/model/types';

export type AnalysisBenchResult = {
  customers: number;
  purchases: number;
  linkedPurchases: number;
  firstReadMs: number;
  fullRuns: { snapshotMs: number; computeMs: number; columnsMs: number; segmentsMs: number; remindersMs: number; totalMs: number }[];
  fullMedianMs: number;
  problemsMs: number;
  incrementalMs: number[];
  incrementalMedianMs: number;
  incrementalMaxMs: number;
  refreshMs: number;
  reminders: number;
  segments: Record<string, number>;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (x: number) => Math.round(x * 10) / 10;

export function runAnalysisBench(book: Book, now: () => number, runs = 3, sales = 20): AnalysisBenchResult {
  const today = isoToDay('2025-06-01')!;
  // The first read parses the purchases sheet (the book does it once, lazily); not the analysis' cost.
  let t = now();
  const purchases = book.sheet('purchases').liveRowIds().length;
  const customers = book.sheet('customers').liveRowIds().length;
  const firstReadMs = now() - t;

  const fullRuns: AnalysisBenchResult['fullRuns'] = [];
  let a!: CustomerAnalysis;
  let snap!: Snapshot;
  let reminders = 0;
  const settings = settingsOfBook(book);
  const firstSale = book.sheet('purchases').liveRowIds()[0];
  for (let i = 0; i < runs; i++) {
    // A full recompute follows a change the incremental path cannot take: an edited sale's amount.
    // The book then reads the amounts afresh (its column reads are cached until a column changes),
    // and the snapshot is read again whole.
    if (firstSale) setCells(book, 'purchases', [{ row: firstSale, col: 'amount', value: 10 + i }]);
    const t0 = now();
    snap = readSnapshot(book);
    const t1 = now();
    a = new CustomerAnalysis(snap, settings, today);
    const t2 = now();
    for (const id of a.rowIds()) a.row(id);
    const t3 = now();
    a.segments();
    a.valueClasses();
    a.pareto();
    const t4 = now();
    reminders = remindersFor(a, today, () => undefined).today.length;
    const t5 = now();
    fullRuns.push({ snapshotMs: r1(t1 - t0), computeMs: r1(t2 - t1), columnsMs: r1(t3 - t2), segmentsMs: r1(t4 - t3), remindersMs: r1(t5 - t4), totalMs: r1(t5 - t0) });
  }
  t = now();
  dataProblems(snap);
  const problemsMs = now() - t;

  let change: BookChange | undefined;
  const sub = book.onDidChange((c) => (change = c));
  const ids = [...a.rowIds()];
  const incrementalMs: number[] = [];
  for (let i = 0; i < sales; i++) {
    const customer = ids[(i * 7919) % ids.length]!;
    const code = a.customer(customer)!.code;
    addRows(book, 'purchases', [{ date: dayToIso(today), customer: code, amount: 42.5, items: 'té verde' }]);
    const t0 = now();
    const res = applyBookChange(a, book, change!);
    for (const id of res.full ? [] : res.rows) a.row(id);
    incrementalMs.push(r1(now() - t0));
    if (res.full) throw new Error('a recorded sale must update incrementally');
  }
  sub.dispose();
  t = now();
  a.refresh();
  const refreshMs = now() - t;
  const segs: Record<string, number> = {};
  for (const s of a.segments()) segs[s.segment] = s.count;
  let linked = 0;
  for (const id of a.rowIds()) linked += a.purchasesOf(id).length;
  return {
    customers,
    purchases,
    linkedPurchases: linked,
    firstReadMs: r1(firstReadMs),
    fullRuns,
    fullMedianMs: r1(median(fullRuns.map((r) => r.totalMs))),
    problemsMs: r1(problemsMs),
    incrementalMs,
    incrementalMedianMs: r1(median(incrementalMs)),
    incrementalMaxMs: r1(Math.max(...incrementalMs)),
    refreshMs: r1(refreshMs),
    reminders,
    segments: segs,
  };
}
