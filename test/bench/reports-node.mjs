#!/usr/bin/env node
// The reports' read and compute on the benchmark book (test/bench/reports-generate.ts) outside the
// app, for profiling between runs of the real benchmark (reports-bench.mjs, the figure that counts):
// in Node (`node --cpu-prof test/bench/reports-node.mjs`) or, with REPORTS_CHROMIUM=1, in a page of
// headless Chromium served by Vite (TypeScript as written). The book is generated once and cached
// in $REPORTS_BOOK_CACHE (default /tmp/clientela-reports-book-<customers>-<purchases>-<today>.bin).
// Env: BENCH_CUSTOMERS, BENCH_PURCHASES, REPORTS_RUNS (default 3), REPORTS_CHROMIUM.

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { withViteModule } from '../tools/book-seed.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50_000);
const PURCHASES = Number(process.env.BENCH_PURCHASES ?? 500_000);
const RUNS = Number(process.env.REPORTS_RUNS ?? 3);
const d = new Date();
const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const cache = process.env.REPORTS_BOOK_CACHE ?? `/tmp/clientela-reports-book-${CUSTOMERS}-${PURCHASES}-${today}.bin`;

if (!existsSync(cache)) await withViteModule('/test/bench/reports-node-run.ts', async (m) => writeFile(cache, m.generate(CUSTOMERS, PURCHASES, today)));

if (process.env.REPORTS_CHROMIUM === '1') {
  const vite = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { port: 0, host: '127.0.0.1', hmr: false, ws: false, fs: { strict: false } },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0]?.replace(/\/$/, '');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(String(e)));
    await page.goto(`${url}/package.json`);
    const out = await page.evaluate(
      async ([file, t, runs]) => {
        const bytes = new Uint8Array(await (await fetch(`/@fs${file}`)).arrayBuffer());
        return (await import('/test/bench/reports-node-run.ts')).run(bytes, t, runs);
      },
      [cache, today, RUNS],
    );
    for (const line of out) console.log(line);
  } finally {
    await browser.close();
    await vite.close();
  }
} else {
  await withViteModule('/test/bench/reports-node-run.ts', async (m) => {
    for (const line of m.run(new Uint8Array(await readFile(cache)), today, RUNS)) console.log(line);
  });
}
