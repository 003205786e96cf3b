#!/usr/bin/env node
// Reports benchmark in real headless Chromium: a book of 50,000 customers and 500,000 purchases
// (test/bench/reports-generate.ts: linked by customer code, three years of sales) is seeded into
// IndexedDB, the app opens it, "Reports: Open Reports" opens the tab, and each report is computed
// for every period preset (12 and 24 months, 12 weeks, 30 days). The view records the book's read
// and each computation as performance measures (`clientela:reports:<name>`, reports-view.tsx);
// this prints each report's median against the 200 ms target, and the read.
//
// Used by test/bench/run.mjs (`runReportsBench`, skipped with BENCH_REPORTS=0); also runs alone:
//   BENCH_DIST=/tmp/bench-dist node test/bench/reports-bench.mjs
// Env: BENCH_DIST (default dist/), BENCH_CUSTOMERS, BENCH_PURCHASES, BENCH_REPORTS_PROFILE=1 (also a
// CPU profile of the Reports tab, written to the temp folder, its top functions printed). Writes
// test/bench/reports-results.json. Reports only; exits non-zero only on a broken run.

import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { openSeededApp, withViteModule } from '../tools/book-seed.mjs';
import { summarizeProfile } from './import-profile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
export const REPORTS_TARGET_MS = 200;
const REPORTS = { sales: 'Sales', members: 'Members', decisions: 'Decisions', products: 'Products' };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const round = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);

/**
 * Runs the reports benchmark with its own server and browser against the built app in `dist`;
 * writes reports-results.json. Returns the raw results and the summary rows `[name, value, unit,
 * target]` run.mjs prints.
 */
export async function runReportsBench({
  dist,
  customers = Number(process.env.BENCH_CUSTOMERS ?? 50_000),
  purchases = Number(process.env.BENCH_PURCHASES ?? 500_000),
  log = (s) => console.log(`reports-bench: ${s}`),
  profile = process.env.BENCH_REPORTS_PROFILE === '1',
} = {}) {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const book = await withViteModule('/test/bench/reports-generate.ts', (m) => m.generateReportsBook(customers, purchases, today));
  log(`reports: book of ${customers.toLocaleString('en')} customers, ${purchases.toLocaleString('en')} purchases, ${(book.update.byteLength / 1e6).toFixed(1)} MB, generated in ${(book.ms / 1000).toFixed(1)} s`);

  const results = { date: new Date().toISOString(), customers, purchases, targetMs: REPORTS_TARGET_MS, read: [], reports: {} };
  let app;
  try {
    app = await openSeededApp({ dist, bytes: book.update });
    const { page } = app;
    results.chromium = app.browser.version();
    const measures = (name) => page.evaluate((n) => performance.getEntriesByName(`clientela:reports:${n}`).map((e) => e.duration), name);
    const waitMeasure = async (name, count) => page.waitForFunction(([n, c]) => performance.getEntriesByName(`clientela:reports:${n}`).length >= c, [name, count], { timeout: 180_000 });

    // BENCH_REPORTS_PROFILE=1: a CPU profile of opening the tab and of every report (the functions
    // with the most self time are printed; a `--sourcemap` build names them as in src/).
    const cdp = profile ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.keyboard.press('F1');
    await page.getByRole('combobox').fill('Open Reports');
    await page.getByRole('option', { name: 'Reports: Open Reports', exact: true }).click();
    await waitMeasure('read', 1);
    await waitMeasure('sales', 1);
    const tabs = page.getByRole('tablist', { name: 'Report' });
    const seen = { sales: 1, members: 0, decisions: 0, products: 0 };
    for (const range of ['months12', 'months24', 'weeks12', 'days30']) {
      await page.locator('.rp-controls select').first().selectOption(range);
      for (const s of Object.keys(REPORTS)) {
        // The report computes when its tab shows, or when the range changes while it shows.
        await tabs.getByRole('tab', { name: REPORTS[s], exact: true }).click();
        const n = (await measures(s)).length;
        if (n <= seen[s]) await waitMeasure(s, seen[s] + 1).catch(() => undefined);
        seen[s] = (await measures(s)).length;
      }
    }
    if (cdp) {
      const { profile: cpu } = await cdp.send('Profiler.stop');
      await writeFile(join(tmpdir(), 'reports-profile.cpuprofile'), JSON.stringify(cpu));
      const top = await summarizeProfile(cpu, { baseURL: app.server.url });
      log(`profile (${join(tmpdir(), 'reports-profile.cpuprofile')}), self time: ${top.selfByFunction.slice(0, 25).map((f) => `${f.what} ${f.ms} ms`).join('; ')}`);
    }
    results.read = await measures('read');
    for (const s of Object.keys(REPORTS)) results.reports[s] = await measures(s);
  } catch (e) {
    results.error = String(e?.message ?? e);
  } finally {
    await app?.close();
  }
  await writeFile(join(HERE, 'reports-results.json'), JSON.stringify(results, null, 2) + '\n');
  const summary = [
    ['Reports: read the book into report data (first)', round(results.read[0]), 'ms', null],
    ...Object.keys(REPORTS).map((s) => [`Reports: ${s} (median of ${results.reports[s]?.length ?? 0}, max ${round(Math.max(...(results.reports[s] ?? [])))} ms)`, round(median(results.reports[s] ?? [])), 'ms', REPORTS_TARGET_MS]),
  ];
  return { results, summary };
}

// --- standalone -----------------------------------------------------------------------------------
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dist = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`reports-bench: ${dist}/index.html missing; build first`);
    process.exit(1);
  }
  const { results, summary } = await runReportsBench({ dist });
  for (const [name, value, unit, target] of summary)
    console.log(`${name.padEnd(52)} ${String(value ?? 'n/a').padStart(8)} ${unit}  ${target == null ? '' : `≤ ${target} ${unit}  ${typeof value === 'number' && value <= target ? 'PASS' : 'FAIL'}`}`);
  console.log(`runs (ms): read ${results.read.map(round).join(', ')}; ${Object.entries(results.reports).map(([k, xs]) => `${k} ${xs.map(round).join(', ')}`).join('; ')}`);
  if (results.error) console.error(`reports-bench: ${results.error}`);
  process.exit(results.error ? 1 : 0);
}
