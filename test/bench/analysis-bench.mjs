#!/usr/bin/env node
// The customer analysis in real headless Chromium on the benchmark book (50,000 customers, 500,000
// purchases, test/bench/generate.ts): full recompute of every computed column, segment and
// reminder (target ≤ 300 ms), and the incremental update after one recorded sale (≤ 16 ms).
// The code is served by Vite's dev server (TypeScript as written, no build needed), timed inside
// the page with performance.now(); results go to test/bench/analysis-results.json.
// `npm run bench` (test/bench/run.mjs) calls `measureAnalysis` with its own browser context, so the
// figures come from the same Chromium run as the rest of the benchmark.
// Env: BENCH_CUSTOMERS / BENCH_PURCHASES (defaults 50000 / 500000).
// Run alone: node test/bench/analysis-bench.mjs

import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
export const ANALYSIS_TARGETS = { fullMs: 300, incrementalMs: 16 };

const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs the analysis benchmark in a new page of `context` (a Playwright browser or context) and
 * writes analysis-results.json. Returns the raw results and the summary rows
 * `[name, value, unit, target]` run.mjs prints.
 */
export async function measureAnalysis(context, { customers = Number(process.env.BENCH_CUSTOMERS ?? 50_000), purchases = Number(process.env.BENCH_PURCHASES ?? 500_000), log = console.log } = {}) {
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
  const page = await context.newPage();
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Any document of the server's origin will do: the benchmark is a module imported into it.
    await page.goto(`${url}/package.json`);
    log(`analysis: building the ${customers.toLocaleString('en')}/${purchases.toLocaleString('en')} book in the page and computing…`);
    const r = await page.evaluate(async ([c, p]) => (await import('/test/bench/analysis-page.ts')).run(c, p), [customers, purchases]);
    const version = (context.version ?? (() => context.browser?.()?.version()))?.call(context) ?? null;
    const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, chromium: version }, targets: ANALYSIS_TARGETS, ...r, pageErrors: errors };
    await writeFile(join(HERE, 'analysis-results.json'), JSON.stringify(results, null, 2) + '\n');
    const summary = [
      ['Analysis: full recompute from the book (median)', r.fullMedianMs, 'ms', ANALYSIS_TARGETS.fullMs],
      ['Analysis: of which reading the snapshot (median)', med(r.fullRuns.map((x) => x.snapshotMs)), 'ms', null],
      ['Analysis: full recompute, best run', Math.min(...r.fullRuns.map((x) => x.totalMs)), 'ms', null],
      ['Analysis: after one sale (incremental, max)', r.incrementalMaxMs, 'ms', ANALYSIS_TARGETS.incrementalMs],
      ['Analysis: data problems (separate)', r.problemsMs, 'ms', null],
    ];
    return { results, summary };
  } finally {
    await page.close().catch(() => undefined);
    await vite.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  let exitCode = 0;
  try {
    const { results: r, summary } = await measureAnalysis(browser);
    console.log(`\nAnalysis benchmark — ${r.customers.toLocaleString('en')} customers, ${r.purchases.toLocaleString('en')} purchases (${r.linkedPurchases.toLocaleString('en')} linked), Chromium ${browser.version()}`);
    const rows = [
      ...summary.slice(0, 3),
      ['  compute only: columns, segments, reminders (median)', med(r.fullRuns.map((x) => Math.round((x.totalMs - x.snapshotMs) * 10) / 10)), 'ms', null],
      ['Incremental update after one sale (median)', r.incrementalMedianMs, 'ms', ANALYSIS_TARGETS.incrementalMs],
      ...summary.slice(3),
      ['Lazy refresh of quintiles/classes', r.refreshMs, 'ms', null],
    ];
    for (const [name, v, , t] of rows) console.log(`${name.padEnd(56)} ${String(v).padStart(8)} ms  ${t == null ? '' : `≤ ${t} ms  ${v <= t ? 'PASS' : 'FAIL'}`}`);
    console.log(`runs: ${JSON.stringify(r.fullRuns)}`);
    console.log(`reminders due today: ${r.reminders}; segments: ${JSON.stringify(r.segments)}`);
    if (r.pageErrors.length) console.log(`page errors: ${r.pageErrors.join('\n')}`);
  } catch (e) {
    console.error(`analysis bench failed: ${e?.stack ?? e}`);
    exitCode = 1;
  } finally {
    await browser.close();
  }
  process.exit(exitCode);
}
