#!/usr/bin/env node
// Backup benchmark in real headless Chromium: the 50,000 / 500,000 book (test/bench/generate.ts) is
// seeded into IndexedDB, the app opens it, and "File: Save Backup" saves a plain backup (book state
// plus the readable .xlsx copy). Prints the time from the tap on "Save Backup" to the download, the
// file size, and the main thread's long animation frames meanwhile (the page must stay usable).
//
// Usage: node test/bench/backup-bench.mjs   Env: BENCH_DIST (default dist/), BENCH_CUSTOMERS,
// BENCH_PURCHASES. Reports; exits non-zero only on a broken run. `npm run bench` runs it as its
// "backup" part (runBackupBench, with the book it already generated).

import { existsSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openSeededApp, withViteModule } from '../tools/book-seed.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const DIST = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50_000);
const PURCHASES = Number(process.env.BENCH_PURCHASES ?? 500_000);

/** Saves a plain backup of `update` twice in the app; returns the results (also written to backup-results.json). */
export async function runBackupBench({ dist = DIST, update, customers = CUSTOMERS, purchases = PURCHASES, log = (s) => console.log(`backup-bench: ${s}`) }) {
  const results = { date: new Date().toISOString(), customers, purchases, runs: [] };
  const app = await openSeededApp({
    dist,
    bytes: update,
    contextOptions: { acceptDownloads: true },
    initScript: () => {
      // A download, as on browsers without the File System Access picker (and no dialog to answer).
      delete window.showSaveFilePicker;
      window.__frames = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e.duration > 50)
            window.__frames.push({ at: e.startTime, ms: e.duration, scripts: (e.scripts ?? []).slice(0, 4).map((x) => `${x.invoker || x.invokerType} ${x.sourceFunctionName || ''} ${(x.sourceURL || '').split('/').pop()} ${Math.round(x.duration)}ms`) });
      }).observe({ type: 'long-animation-frame', buffered: true });
    },
  });
  try {
    const { page } = app;
    await page.waitForTimeout(8000); // the analysis and the daily snapshot settle first
    for (let run = 0; run < 2; run++) {
      await page.keyboard.press('F1');
      const palette = page.locator('[data-quick="commands"]');
      await palette.waitFor();
      await palette.getByRole('combobox').fill('Save Backup');
      await palette.getByRole('option', { name: 'File: Save Backup', exact: true }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Save a backup' });
      await dialog.waitFor();
      const download = page.waitForEvent('download', { timeout: 300_000 });
      const start = await page.evaluate(() => performance.now());
      await dialog.getByRole('button', { name: 'Save Backup', exact: true }).click();
      const file = await download;
      const end = await page.evaluate(() => performance.now());
      const path = join(tmpdir(), `backup-bench-${process.pid}-${run}.clientela`);
      await file.saveAs(path);
      const size = statSync(path).size;
      await rm(path, { force: true });
      const frames = await page.evaluate((s) => window.__frames.filter((f) => f.at + f.ms >= s), start);
      const longest = Math.max(0, ...frames.map((f) => f.ms));
      const blocked = frames.reduce((n, f) => n + f.ms, 0);
      results.runs.push({ ms: Math.round(end - start), bytes: size, longestFrameMs: Math.round(longest), longFramesMs: Math.round(blocked) });
      log(`run ${run + 1}: ${Math.round(end - start)} ms to the download, ${(size / 1e6).toFixed(1)} MB, longest frame ${Math.round(longest)} ms, ${frames.length} frames over 50 ms (${Math.round(blocked)} ms)`);
      for (const f of frames.filter((f) => f.ms > 200)) log(`  frame ${Math.round(f.ms)} ms: ${f.scripts.join(' | ')}`);
      await dialog.getByText(/^Backup saved:/).waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await writeFile(join(HERE, 'backup-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    return results;
  } finally {
    await app.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`backup-bench: ${DIST}/index.html missing; build first`);
    process.exit(1);
  }
  const book = await withViteModule('/test/bench/generate.ts', (m) => m.generateBook(CUSTOMERS, PURCHASES));
  console.log(`backup-bench: book: ${CUSTOMERS} customers, ${PURCHASES} purchases, ${(book.update.byteLength / 1e6).toFixed(1)} MB`);
  await runBackupBench({ update: book.update });
}
