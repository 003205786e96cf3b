// The body of reports-node.mjs, loaded through Vite (TypeScript as written) in Node or in a page:
// applies the book, reads it as the analysis does at start (so the purchases are parsed and their
// columns cached, as in the app), then times the reports' read and every report for each range.

import * as Y from 'yjs';
import { createBook } from '../../src/core/doc/book-doc';
import { settingsOfBook } from '../../src/core/analysis/book-analysis';
import { isoToDay } from '../../src/core/analysis/days';
import { readSnapshot } from '../../src/core/analysis/snapshot';
import { decisionsReport, membersReport, productsReport, readReportData, salesReport, type Granularity } from '../../src/core/analysis/reports/index';
import { generateReportsBook } from './reports-generate';

export const generate = (c: number, p: number, today: string): Uint8Array => generateReportsBook(c, p, today).update;

const RANGES: { granularity: Granularity; periods: number }[] = [
  { granularity: 'month', periods: 12 },
  { granularity: 'month', periods: 24 },
  { granularity: 'week', periods: 12 },
  { granularity: 'day', periods: 30 },
];

export function run(update: Uint8Array, todayIso: string, runs: number): string[] {
  const out: string[] = [];
  const yDoc = new Y.Doc();
  Y.applyUpdate(yDoc, update);
  const book = createBook(yDoc);
  const time = <T>(name: string, fn: () => T): T => {
    const t = performance.now();
    const r = fn();
    out.push(`${name.padEnd(28)} ${(performance.now() - t).toFixed(1)} ms`);
    return r;
  };
  time('readSnapshot (analysis)', () => readSnapshot(book));
  let data = time('read (first)', () => readReportData(book));
  for (let r = 0; r < runs; r++) data = time('read (again)', () => readReportData(book));
  (globalThis as any).__dt = [];
  const settings = settingsOfBook(book);
  const today = isoToDay(todayIso)!;
  for (let r = 0; r < runs; r++)
    for (const range of RANGES) {
      const opts = { today, ...range };
      const tag = `${range.granularity}${range.periods}`;
      time(`sales ${tag}`, () => salesReport(data, opts));
      time(`members ${tag}`, () => membersReport(data, { ...opts, tiers: settings.tiers }));
      time(`decisions ${tag}`, () => decisionsReport(data, { ...opts, activeDays: 90, cuts: settings.valueClasses }));
      time(`products ${tag}`, () => productsReport(data, { ...opts, notSoldDays: 60 }));
    }
  out.push(...((globalThis as any).__dt ?? []));
  return out;
}
