#!/usr/bin/env node
// The customer analysis in real headless Chromium on the benchmark book (50,000 customers, 500,000
// purchases, test/bench/generate.ts): full recompute of every computed column, segment and
// reminder (target ≤ 300 ms), and the incremental update after one recorded sale (≤ 16 ms).
// The code is served by Vite's dev server (TypeScript as written, no build needed), timed inside
// the page with performance.now(); results go to test/bench/analysis-results.json.
// Env: BENCH_CUSTOMERS / BENCH_PURCHASES (defaults 50000 / 500000).
// Run: node test/bench/analysis-bench.mjs

import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50_000);
const PURCHASES = Number(process.env.BENCH_PURCHASES ?? 500_000);
export const ANALYSIS_TARGETS = { fullMs: 300, incrementalMs: 16 };

const vite = await createServer({
  root: ROOT,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { port: 0, host: '127.0.0.1', hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});
await vite.listen();
const url = vite.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? `http://127.0.0.1:${vite.config.server.port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
let exitCode = 0;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Any document of the server's origin will do: the benchmark is a module imported into it.
  await page.goto(`${url}/package.json`);
  const r = await page.evaluate(
    async ([c, p]) => (await import('/test/bench/analysis-page.ts')).run(c, p),
    [CUSTOMERS, PURCHASES],
  );
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, chromium: browser.version() },
    targets: ANALYSIS_TARGETS,
    ...r,
    pageErrors: errors,
  };
  await writeFile(join(HERE, 'analysis-results.json'), JSON.stringify(results, null, 2) + '\n');
  const best = Math.min(...r.fullRuns.map((x) => x.totalMs));
  const computeOnly = r.fullRuns.map((x) => Math.round((x.totalMs - x.snapshotMs) * 10) / 10);
  const rows = [
    ['Full recompute from the book (median of runs)', r.fullMedianMs, ANALYSIS_TARGETS.fullMs],
    ['  of which reading the snapshot (median)', med(r.fullRuns.map((x) => x.snapshotMs)), null],
    ['  compute only: columns, segments, reminders (median)', med(computeOnly), ANALYSIS_TARGETS.fullMs],
    ['Full recompute, best run', best, null],
    ['Incremental update after one sale (median)', r.incrementalMedianMs, ANALYSIS_TARGETS.incrementalMs],
    ['Incremental update after one sale (max)', r.incrementalMaxMs, ANALYSIS_TARGETS.incrementalMs],
    ['Lazy refresh of quintiles/classes', r.refreshMs, null],
    ['Data problems', r.problemsMs, null],
  ];
  console.log(`\nAnalysis benchmark — ${r.customers.toLocaleString('en')} customers, ${r.purchases.toLocaleString('en')} purchases (${r.linkedPurchases.toLocaleString('en')} linked), Chromium ${browser.version()}`);
  for (const [name, v, t] of rows)
    console.log(`${name.padEnd(56)} ${String(v).padStart(8)} ms  ${t == null ? '' : `≤ ${t} ms  ${v <= t ? 'PASS' : 'FAIL'}`}`);
  console.log(`runs: ${JSON.stringify(r.fullRuns)}`);
  console.log(`reminders due today: ${r.reminders}; segments: ${JSON.stringify(r.segments)}`);
  if (errors.length) console.log(`page errors: ${errors.join('\n')}`);
} catch (e) {
  console.error(`analysis bench failed: ${e?.stack ?? e}`);
  exitCode = 1;
} finally {
  await browser.close();
  await vite.close();
}
process.exit(exitCode);

function med(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
