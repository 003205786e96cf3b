#!/usr/bin/env node
// Reports benchmark in real headless Chromium: a book of 50,000 customers and 500,000 purchases
// (test/bench/reports-generate.ts: linked by customer code, three years of sales) is seeded into
// IndexedDB, the app opens it, "Reports: Open Reports" opens the tab, and each report is computed
// for every period preset. The view records each computation as a performance measure
// (`clientela:reports:<name>`, reports-view.tsx); this prints them against the 200 ms target.
//
// This copy records a CPU profile (CDP Profiler) of opening the tab and of every report, and prints
// the functions with the most self time; build without minifying to see names:
// npx vite build --outDir /tmp/x --minify false, then BENCH_DIST=/tmp/x node test/bench/reports-profile.mjs
// Usage: node test/bench/reports-bench.mjs   Env: BENCH_DIST (default dist/), BENCH_CUSTOMERS,
// BENCH_PURCHASES, PROFILE_SETTLE_MS (wait after the app is ready before profiling), PROFILE_TOP.

import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { seedBook, withViteModule } from '../tools/book-seed.mjs';
import { startServer } from '../../src/server/serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const DIST = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50_000);
const PURCHASES = Number(process.env.BENCH_PURCHASES ?? 500_000);
const TARGET_MS = 200;
const log = (s) => console.log(`reports-bench: ${s}`);

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`reports-bench: ${DIST}/index.html missing; build first`);
  process.exit(1);
}

const d = new Date();
const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const book = await withViteModule('/test/bench/reports-generate.ts', (m) => m.generateReportsBook(CUSTOMERS, PURCHASES, today));
log(`book: ${CUSTOMERS} customers, ${PURCHASES} purchases, ${(book.update.byteLength / 1e6).toFixed(1)} MB, generated in ${(book.ms / 1000).toFixed(1)} s`);

const bytes = book.update;
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  root: DIST,
  handlers: [
    async (req, res, url) => {
      if (url.pathname !== '/__reports-bench/book.bin') return false;
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.end(Buffer.from(bytes));
      return true;
    },
  ],
});
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
const results = { date: new Date().toISOString(), customers: CUSTOMERS, purchases: PURCHASES, targetMs: TARGET_MS, read: [], reports: {} };
try {
  const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await seedBook(page, { at: `${server.url}/favicon.svg`, url: '/__reports-bench/book.bin' });
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => document.body?.dataset.ready === 'true', undefined, { timeout: 180_000 });
  const measures = (name) => page.evaluate((n) => performance.getEntriesByName(`clientela:reports:${n}`).map((e) => e.duration), name);
  const waitMeasure = async (name, count) => page.waitForFunction(([n, c]) => performance.getEntriesByName(`clientela:reports:${n}`).length >= c, [name, count], { timeout: 180_000 });

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await new Promise((r) => setTimeout(r, Number(process.env.PROFILE_SETTLE_MS ?? 0)));
  await cdp.send('Profiler.start');
  await page.keyboard.press('F1');
  await page.getByRole('combobox').fill('Open Reports');
  await page.getByRole('option', { name: 'Reports: Open Reports', exact: true }).click();
  await waitMeasure('read', 1);
  await waitMeasure('sales', 1);
  const tabs = page.getByRole('tablist', { name: 'Report' });
  const seen = { sales: 1, members: 0, decisions: 0, products: 0 };
  const TAB = { sales: 'Sales', members: 'Members', decisions: 'Decisions', products: 'Products' };
  for (const range of ['months12', 'months24', 'weeks12', 'days30']) {
    await page.locator('.rp-controls select').first().selectOption(range);
    for (const s of Object.keys(TAB)) {
      // The report computes when its tab shows, or when the range changes while it shows.
      await tabs.getByRole('tab', { name: TAB[s], exact: true }).click();
      const n = (await measures(s)).length;
      if (n <= seen[s]) await waitMeasure(s, seen[s] + 1).catch(() => undefined);
      seen[s] = (await measures(s)).length;
    }
  }
  const { profile } = await cdp.send('Profiler.stop');
  await writeFile('/tmp/reports-profile.cpuprofile', JSON.stringify(profile));
  summarize(profile);
  results.read = await measures('read');
  for (const s of Object.keys(TAB)) results.reports[s] = await measures(s);
} finally {
  await browser.close();
  await server.close?.();
}

function summarize(p) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const n = byId.get(p.samples[i]);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 40))) console.log(`${String(Math.round(v / 1000)).padStart(7)} ms  ${k}`);
}
const round = (x) => Math.round(x * 10) / 10;
log(`read the book into report data: ${results.read.map(round).join(', ')} ms`);
console.log('report      runs  median ms   max ms   target');
for (const [name, xs] of Object.entries(results.reports)) {
  const s = [...xs].sort((a, b) => a - b);
  const med = s.length ? s[Math.floor(s.length / 2)] : NaN;
  const max = s.at(-1) ?? NaN;
  console.log(`${name.padEnd(11)} ${String(s.length).padStart(4)} ${String(round(med)).padStart(10)} ${String(round(max)).padStart(8)}   ${max <= TARGET_MS ? 'PASS' : 'FAIL'} (≤ ${TARGET_MS})`);
}

process.exit(0);
