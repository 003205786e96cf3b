#!/usr/bin/env node
// The import benchmark (issue 3): 50,000 customers × 14 columns imported from .xlsx and from .csv
// into an empty book, in real headless Chromium against the built app. For each file:
//   1. bare parse — SheetJS read + sheet_to_json (xlsx) / TextDecoder + Papa.parse (csv) of the same
//      bytes in a plain Web Worker of the page, the libraries' own dist builds served from
//      node_modules (median of a few runs, each in a fresh worker as the app's own parse is);
//   2. the app's import — from the file input's `change` to the rows in the grid: parse in the
//      app's worker, rows streamed to the page, mapping suggestion, plan and preview, then the
//      confirm button clicked as soon as the preview is painted, applied in one transaction, the
//      grid's aria-rowcount updated and painted; also until the update is committed in IndexedDB;
//   1b. a floor (csv): in the same worker, after the parse, libphonenumber alone on the file's distinct
//      phone texts (what the import must do to them at the least);
//   3. the page's animation frames over the whole import (selection → committed to IndexedDB):
//      max, p95 and count of intervals over 100 ms, with long-animation-frame attribution.
// Targets: total ≤ 1.5 × bare parse; no frame > 100 ms.
//
// Used by test/bench/run.mjs (`runImportBench`) after its own measures; also runs alone:
//   BENCH_DIST=/tmp/bench-dist node test/bench/import-bench.mjs
// Env: BENCH_IMPORT_ROWS (50000), BENCH_IMPORT_FORMATS (xlsx,csv), BENCH_IMPORT_COUNTRY (ES: the default
// phone country chosen in Settings before the import; '' keeps the browser's), BENCH_IMPORT_PROFILE=1 (also
// records a CPU profile of each app import and prints where the main thread spent its time; with a
// build made with `--sourcemap` the functions are named as in src/), BENCH_IMPORT_PROFILE_DIR (also
// writes the raw .cpuprofile files there, for DevTools), BENCH_IMPORT_TRACE (a folder: writes a
// Chromium trace of each app import there; test/bench/trace-tasks.mjs lists its long tasks).

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../src/server/serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/lib.mjs';
import { writeImportFiles } from './import-data.mjs';
import { summarizeProfile } from './import-profile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

export const IMPORT_TARGETS = { totalOverBareParse: 1.5, maxFrameMs: 100 };
const LONG_FRAME_MS = 100;
const VIEWPORT = { width: 1024, height: 768 };
const LIBS = {
  '/__bench/lib/xlsx.js': join(ROOT, 'node_modules', 'xlsx', 'dist', 'xlsx.full.min.js'),
  '/__bench/lib/papaparse.js': join(ROOT, 'node_modules', 'papaparse', 'papaparse.min.js'),
  '/__bench/lib/libphonenumber.js': join(ROOT, 'node_modules', 'libphonenumber-js', 'bundle', 'libphonenumber-min.js'),
};
/**
 * The default country for phone numbers, set in the app's Settings before the import, as the shop
 * that owns this Spanish file would (BENCH_IMPORT_COUNTRY; '' keeps the browser's, US for en-US).
 */
const COUNTRY = process.env.BENCH_IMPORT_COUNTRY ?? 'ES';
/** The file's phone column (import-data.mjs). */
const PHONE_COLUMN = 2;

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const median = (xs) => percentile(xs, 50);
const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

// --- 1. bare parse in a plain worker -------------------------------------------------------------
/** Runs in the page: a fresh classic worker per run, libraries loaded before the clock starts. */
const BARE_PARSE = async ({ kind, url, runs, dense, phones }) => {
  const bytes = await (await fetch(url)).arrayBuffer();
  const lib = new URL(kind === 'xlsx' ? '/__bench/lib/xlsx.js' : '/__bench/lib/papaparse.js', location.href).href;
  const phoneLib = new URL('/__bench/lib/libphonenumber.js', location.href).href;
  const src = `importScripts(${JSON.stringify(lib)}${phones ? `, ${JSON.stringify(phoneLib)}` : ''});
self.onmessage = (e) => {
  const { bytes, kind, dense, phones } = e.data;
  const t0 = performance.now();
  let rows;
  if (kind === 'xlsx') {
    const wb = XLSX.read(new Uint8Array(bytes), dense ? { type: 'array', dense: true } : { type: 'array' });
    rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true, defval: null });
  } else {
    const text = new TextDecoder('utf-8').decode(bytes);
    rows = Papa.parse(text, { header: false, skipEmptyLines: false }).data;
  }
  const ms = performance.now() - t0;
  // A floor under any import of this file: each distinct phone text read once by libphonenumber
  // (the app's first attempt per number, without its cache or its second attempt), after the parse.
  let phonesMs;
  if (phones) {
    const texts = [...new Set(rows.slice(1).map((r) => String(r[phones.column] ?? '').trim()).filter(Boolean))];
    const t1 = performance.now();
    for (const t of texts) {
      try {
        libphonenumber.parsePhoneNumberFromString(t, phones.country || undefined)?.isValid();
      } catch {}
    }
    phonesMs = performance.now() - t1;
  }
  postMessage({ ms, phonesMs, rows: rows.length, columns: rows[0] ? rows[0].length : 0 });
};
postMessage({ ready: true });`;
  const blobUrl = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
  const out = [];
  for (let i = 0; i < runs; i++) {
    const worker = new Worker(blobUrl);
    const result = await new Promise((res, rej) => {
      let sentAt = 0;
      worker.onerror = (e) => rej(new Error(e.message || 'worker error'));
      worker.onmessage = (e) => {
        if (e.data.ready) {
          const copy = bytes.slice(0);
          sentAt = performance.now();
          worker.postMessage({ bytes: copy, kind, dense, phones }, [copy]);
        } else res({ ...e.data, roundTripMs: performance.now() - sentAt });
      };
    });
    worker.terminate();
    out.push(result);
  }
  URL.revokeObjectURL(blobUrl);
  return { bytes: bytes.byteLength, runs: out };
};

// --- 2 and 3. the app's import, observed from inside the page -----------------------------------
/** Installed before the app's scripts: the book's committed IndexedDB writes (to see the import
 * committed) and long animation frames with their scripts. */
const INIT_PROBES = () => {
  const w = window;
  w.__imp = { writes: [], longFrames: [], planTimings: [] };
  // The parse worker reports where its plan time went (phones, by itself and by its helper; the
  // rest of the plan) on the plan's head message.
  const NativeWorker = window.Worker;
  if (NativeWorker)
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => {
          const d = e.data;
          if (d && d.type === 'planHead' && d.timing) w.__imp.planTimings.push({ at: performance.now(), ...d.timing });
        });
      }
    };
  // The book's queued (big) writes, as storage reports them once committed, whether the page or its
  // storage worker wrote them: a 'clientela:stored' mark (src/storage/book-storage.ts). Hooking
  // IDBObjectStore.add here would not see the worker's add.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === 'clientela:stored') w.__imp.writes.push({ at: e.detail?.started ?? e.startTime, bytes: e.detail?.bytes ?? 0, committed: e.startTime });
    }).observe({ type: 'mark' });
  } catch {
    // no user timing: the wait below times out
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__imp.longFrames.push({
          start: e.startTime,
          ms: e.duration,
          blockingMs: e.blockingDuration ?? 0,
          renderStart: e.renderStart,
          styleAndLayoutStart: e.styleAndLayoutStart,
          scripts: (e.scripts ?? []).map((s) => ({
            invoker: s.invoker || s.invokerType,
            fn: s.sourceFunctionName || '',
            url: (s.sourceURL || '').split('/').pop(),
            pos: s.sourceCharPosition ?? -1,
            ms: s.duration,
            start: s.startTime,
          })),
        });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no attribution
  }
};

/** Runs in the page once the Import tab is open: frames, phases, and the click on the confirm
 * button as soon as the plan preview has been painted. */
const ARM_IMPORT = ({ expectedRows }) => {
  const imp = window.__imp;
  const t = (imp.t = {});
  imp.frames = [];
  imp.expectedRows = expectedRows;
  imp.rowsRead = [];
  const now = () => performance.now();
  const onSelect = (e) => {
    if (t.select === undefined && e.target instanceof HTMLInputElement && e.target.type === 'file') t.select = now();
  };
  document.addEventListener('input', onSelect, true);
  document.addEventListener('change', onSelect, true);

  const grid = () => document.querySelector('[role="grid"]');
  const gridRows = () => {
    const g = grid();
    return g ? Number(g.getAttribute('aria-rowcount')) - 2 : NaN;
  };
  const findButton = () =>
    [...document.querySelectorAll('button')].find((b) => /^Import [\d,]+ rows?$/.test((b.textContent ?? '').trim()) && !b.disabled);

  const check = () => {
    if (t.select === undefined) return;
    const tNow = now();
    if (t.parsing === undefined && document.querySelector('.im-parsing')) t.parsing = tNow;
    const status = document.querySelector('.im-parsing [role="status"]');
    if (status) {
      const m = /([\d,.]+)/.exec(status.textContent ?? '');
      const n = m ? Number(m[1].replace(/[,.]/g, '')) : 0;
      if (n > 0 && imp.rowsRead.at(-1)?.n !== n) {
        imp.rowsRead.push({ n, at: tNow });
        if (t.firstRows === undefined) t.firstRows = tNow;
      }
    }
    if (t.mapping === undefined && [...document.querySelectorAll('h2')].some((h) => h.textContent?.trim() === 'Columns')) t.mapping = tNow;
    if (t.preview === undefined) {
      const b = findButton();
      if (b) {
        t.preview = tNow;
        imp.buttonText = b.textContent.trim();
        // As a person would: after the preview has been painted. rAF runs before this frame's
        // paint; the task posted from it runs after the paint.
        requestAnimationFrame(() =>
          setTimeout(() => {
            t.previewPainted = now();
            const btn = findButton();
            t.click = now();
            btn?.click();
            t.clickReturned = now();
          }, 0),
        );
      }
    }
    if (t.click !== undefined && t.applied === undefined && gridRows() >= expectedRows) {
      t.applied = tNow;
      requestAnimationFrame(() => setTimeout(() => (t.appliedPainted = now()), 0));
    }
  };
  const mo = new MutationObserver(check);
  mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-rowcount', 'disabled'] });
  imp.stop = () => mo.disconnect();

  // rAF intervals from now on; trimmed to the import's window in Node.
  const frame = (ts) => {
    imp.frames.push(ts);
    if (!imp.stopFrames) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

/** Chooses the default phone country in Settings, as the shop owner would before importing. */
async function setPhoneCountry(page, code) {
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('combobox') }).first();
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByRole('combobox').fill('Open Settings');
  await dialog.getByRole('option', { name: /Open Settings/ }).first().click();
  await dialog.waitFor({ state: 'hidden' });
  const select = page.getByLabel('Country for phone numbers');
  await select.selectOption(code);
  await page.waitForFunction((c) => document.querySelector('#st-phone-country')?.value === c, code);
}

async function openImport(page) {
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('combobox') }).first();
  try {
    await dialog.waitFor({ state: 'visible', timeout: 3000 });
  } catch {
    await page.keyboard.press('Control+Shift+P');
    await dialog.waitFor({ state: 'visible' });
  }
  await dialog.getByRole('combobox').fill('Import');
  await dialog.getByRole('option', { name: 'File: Import…', exact: true }).first().click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: 'Import customers', level: 1 }).waitFor();
  const input = page.locator('input[type="file"]').first();
  await input.waitFor({ state: 'attached' });
  return input;
}

async function appImport({ baseURL, file, expectedRows, profile: wantProfile }) {
  const dir = await mkdtemp(join(tmpdir(), 'clientela-import-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const errors = [];
  try {
    await context.addInitScript(INIT_PROBES);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
    await page.goto(`${baseURL}/`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.body?.dataset.ready === 'true', undefined, { timeout: 60_000 });
    const before = await page.evaluate(() => Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? 2) - 2);
    if (COUNTRY) await setPhoneCountry(page, COUNTRY);
    const input = await openImport(page);
    await new Promise((r) => setTimeout(r, 500)); // let the tab settle
    await page.evaluate(ARM_IMPORT, { expectedRows: before + expectedRows });
    let cdp;
    if (wantProfile) {
      cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    // BENCH_IMPORT_TRACE=dir: a Chromium trace of the import (devtools.timeline), for DevTools'
    // Performance panel or test/bench/trace-tasks.mjs (the main thread's long tasks and what ran in them).
    const traceDir = process.env.BENCH_IMPORT_TRACE;
    let tracer;
    if (traceDir) {
      tracer = await context.newCDPSession(page);
      await tracer.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReturnAsStream' });
    }
    await input.setInputFiles(file.path);
    // Done: rows in the grid and painted, and the import's update committed to IndexedDB.
    await page.waitForFunction(
      () => {
        const imp = window.__imp;
        if (imp.t.appliedPainted === undefined) return false;
        // The import's update is one queued write; its mark comes once it is committed.
        return imp.writes.some((w) => w.at >= imp.t.click && w.bytes >= 256 * 1024);
      },
      undefined,
      { timeout: 180_000, polling: 100 },
    );
    await new Promise((r) => setTimeout(r, 1000)); // frames right after the commit count too
    const raw = await page.evaluate(() => {
      const imp = window.__imp;
      imp.stopFrames = true;
      imp.stop();
      const t = imp.t;
      return {
        t,
        frames: imp.frames,
        writes: imp.writes.filter((w) => w.at >= t.click),
        rowsRead: imp.rowsRead,
        planTimings: imp.planTimings,
        buttonText: imp.buttonText,
        longFrames: imp.longFrames.filter((f) => f.start + f.ms >= t.select),
        gridRows: Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? 0) - 2,
        reportAdded: document.querySelector('[data-count="add"] dd')?.textContent ?? null,
      };
    });
    if (tracer) {
      const done = new Promise((r) => tracer.once('Tracing.tracingComplete', r));
      await tracer.send('Tracing.end');
      const { stream } = await done;
      const parts = [];
      for (;;) {
        const { data, eof, base64Encoded } = await tracer.send('IO.read', { handle: stream, size: 1 << 20 });
        parts.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
        if (eof) break;
      }
      await tracer.send('IO.close', { handle: stream });
      await writeFile(join(traceDir, `import-${file.name}.trace.json`), parts.join(''));
      await tracer.detach().catch(() => undefined);
    }
    let profileSummary;
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      if (process.env.BENCH_IMPORT_PROFILE_DIR) await writeFile(join(process.env.BENCH_IMPORT_PROFILE_DIR, `import-${file.name}.cpuprofile`), JSON.stringify(profile));
      profileSummary = await summarizeProfile(profile, { baseURL });
      await cdp.detach().catch(() => undefined);
    }
    return { before, raw, errors, profileSummary };
  } finally {
    await context.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function analyse(kind, bare, app, expectedRows) {
  const { t, frames, writes, rowsRead, longFrames } = app.raw;
  const committed = Math.max(...writes.map((w) => w.committed ?? NaN));
  const end = Math.max(committed, t.appliedPainted) + 1000;
  // Intervals whose frame ended inside [selection, end].
  const intervals = [];
  for (let i = 1; i < frames.length; i++) if (frames[i] > t.select && frames[i - 1] <= end) intervals.push(frames[i] - frames[i - 1]);
  const toPaint = [];
  for (let i = 1; i < frames.length; i++) if (frames[i] > t.select && frames[i - 1] <= t.appliedPainted) toPaint.push(frames[i] - frames[i - 1]);
  const long = intervals.filter((x) => x > LONG_FRAME_MS);
  const bareMs = median(bare.runs.map((r) => r.ms));
  const totalMs = t.appliedPainted - t.select;
  const rel = (x) => (x === undefined ? null : round(x - t.select, 0));
  const phase = (a, b) => (a === undefined || b === undefined ? null : round(b - a, 0));
  // Which phase each long frame fell in (by its start).
  const phaseOf = (at) =>
    at < (t.firstRows ?? Infinity) ? 'parse (worker) + start-up' : at < (t.preview ?? Infinity) ? 'rows to the page, suggest, plan, preview' : at < (t.click ?? Infinity) ? 'preview painted' : at < (t.appliedPainted ?? Infinity) ? 'apply + grid' : 'after the grid (persisting)';
  const longAttributed = longFrames
    .filter((f) => f.ms > LONG_FRAME_MS)
    .map((f) => ({
      atMs: round(f.start - t.select, 0),
      ms: round(f.ms, 0),
      blockingMs: round(f.blockingMs, 0),
      // The frame's rendering (style, layout, paint) after its scripts, and the script time in it.
      renderMs: f.renderStart ? round(f.start + f.ms - f.renderStart, 0) : null,
      styleLayoutMs: f.styleAndLayoutStart ? round(f.start + f.ms - f.styleAndLayoutStart, 0) : null,
      scriptMs: round(f.scripts.reduce((n, x) => n + x.ms, 0), 0),
      phase: phaseOf(f.start + f.ms / 2),
      scripts: f.scripts
        .filter((s) => s.ms >= 5)
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 4)
        .map((s) => `${s.invoker} ${s.fn ? s.fn + ' ' : ''}${s.url}${s.pos >= 0 ? ':' + s.pos : ''} ${Math.round(s.ms)} ms`),
    }));
  return {
    file: { bytes: bare.bytes, rows: expectedRows },
    bareParse: {
      what: kind === 'xlsx' ? 'SheetJS 0.18.5 XLSX.read + sheet_to_json(header:1), default options, in a fresh worker' : 'TextDecoder + Papa.parse (papaparse 5.7.1), in a fresh worker',
      runsMs: bare.runs.map((r) => round(r.ms, 0)),
      medianMs: round(bareMs, 0),
      ...(bare.runs[0]?.phonesMs !== undefined
        ? { phonesFloorMs: round(median(bare.runs.map((r) => r.phonesMs)), 0), phonesFloorOverParse: round(median(bare.runs.map((r) => r.phonesMs)) / bareMs, 2) }
        : {}),
      rowsOut: bare.runs[0]?.rows,
      ...(bare.dense ? { denseMs: round(bare.dense.ms, 0) } : {}),
    },
    app: {
      rowsBefore: app.before,
      gridRowsAfter: app.raw.gridRows,
      button: app.raw.buttonText,
      totalMs: round(totalMs, 0),
      ratioToBareParse: round(totalMs / bareMs, 2),
      selectToPreviewMs: phase(t.select, t.preview),
      previewToClickMs: phase(t.preview, t.click),
      clickToAppliedPaintedMs: phase(t.click, t.appliedPainted),
      clickToCommittedMs: phase(t.click, committed),
      phases: {
        parseInWorkerUntilFirstRowsMs: phase(t.select, t.firstRows),
        rowsToPageMs: phase(t.firstRows, rowsRead.at(-1)?.at),
        lastRowsToPreviewMs: phase(rowsRead.at(-1)?.at, t.preview),
        previewPaintMs: phase(t.preview, t.previewPainted),
        confirmHandlerMs: phase(t.click, t.clickReturned),
        applyToGridCountMs: phase(t.click, t.applied),
        gridPaintMs: phase(t.applied, t.appliedPainted),
        committedAfterPaintMs: phase(t.appliedPainted, committed),
      },
      timeline: Object.fromEntries(Object.entries(t).filter(([k]) => k !== 'select').map(([k, v]) => [k, rel(v)])),
      rowChunksSeen: rowsRead.length,
      // The worker's plan(s): phones normalised first (phonesByHelper of them by the helper), then the plan.
      workerPlans: (app.raw.planTimings ?? []).map((p) => ({ atMs: round(p.at - t.select, 0), phonesMs: p.phonesMs, phonesByHelper: p.phonesByHelper, planMs: p.planMs })),
      updateMB: round(writes.reduce((a, w) => a + w.bytes, 0) / 1e6, 1),
    },
    frames: {
      window: 'file selected → update committed in IndexedDB + 1 s',
      count: intervals.length,
      maxMs: round(Math.max(...intervals), 1),
      p95Ms: round(percentile(intervals, 95), 1),
      p50Ms: round(percentile(intervals, 50), 1),
      over100Ms: long.length,
      over100SumMs: round(long.reduce((a, b) => a + b, 0), 0),
      maxUntilGridPaintedMs: round(Math.max(...toPaint), 1),
      longest: [...intervals].sort((a, b) => b - a).slice(0, 8).map((x) => round(x, 0)),
      longAnimationFrames: longAttributed,
    },
    ...(app.profileSummary ? { profile: app.profileSummary } : {}),
    ...(app.errors.length ? { pageErrors: app.errors.slice(0, 10) } : {}),
  };
}

/**
 * Runs the whole import benchmark against the built app in `dist`. Returns `{ results, summary }`:
 * results for results.json, summary rows `[name, value, unit, target]` for run.mjs's table.
 */
export async function runImportBench({ dist, log = (s) => console.log(`bench: ${s}`) } = {}) {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
  const formats = (process.env.BENCH_IMPORT_FORMATS ?? 'xlsx,csv').split(',').map((s) => s.trim()).filter(Boolean);
  const wantProfile = process.env.BENCH_IMPORT_PROFILE === '1';
  if (wantProfile) log('import: CPU profiling is on; it slows the page, so the times are not comparable');
  const started = performance.now();
  const tmp = await mkdtemp(join(tmpdir(), 'clientela-import-files-'));
  const results = { rows, columns: 14, book: 'empty (a fresh browser profile per file)', phoneCountry: COUNTRY || 'the browser’s', targets: IMPORT_TARGETS };
  const summary = [];
  let server;
  let browser;
  try {
    log(`import: writing ${rows.toLocaleString('en')} rows × 14 columns as .csv and .xlsx…`);
    const gen = await writeImportFiles(tmp, rows);
    results.generateMs = Math.round(gen.ms);
    for (const f of Object.values(gen.files)) log(`import: ${f.name} ${(f.bytes.length / 1e6).toFixed(1)} MB`);

    const libBytes = Object.fromEntries(await Promise.all(Object.entries(LIBS).map(async ([route, p]) => [route, await readFile(p)])));
    server = await startServer({
      port: 0,
      root: dist,
      handlers: [
        async (req, res, url) => {
          if (url.pathname === '/__bench/blank') {
            res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end('<!doctype html><title>bare parse</title>');
            return true;
          }
          if (libBytes[url.pathname]) {
            res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }).end(libBytes[url.pathname]);
            return true;
          }
          const m = /^\/__bench\/import\.(csv|xlsx)$/.exec(url.pathname);
          if (m && gen.files[m[1]]) {
            const b = gen.files[m[1]].bytes;
            res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': b.length, 'Cache-Control': 'no-store' }).end(b);
            return true;
          }
          return false;
        },
      ],
    });

    // Bare parses in one plain browser (no app, no service worker).
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const bare = {};
    {
      const page = await browser.newPage();
      await page.goto(`${server.url}/__bench/blank`);
      for (const kind of formats) {
        const runs = 3;
        // After the csv parse, the same worker also times the phones alone (a floor for the .csv target).
        const phones = kind === 'csv' ? { column: PHONE_COLUMN, country: COUNTRY } : undefined;
        bare[kind] = await page.evaluate(BARE_PARSE, { kind, url: `/__bench/import.${kind}`, runs, dense: false, phones });
        if (kind === 'xlsx') bare[kind].dense = (await page.evaluate(BARE_PARSE, { kind, url: `/__bench/import.${kind}`, runs: 1, dense: true })).runs[0];
        log(`import: bare parse ${kind}: ${bare[kind].runs.map((r) => Math.round(r.ms)).join(', ')} ms (${bare[kind].runs[0].rows} rows)${bare[kind].dense ? `; dense: ${Math.round(bare[kind].dense.ms)} ms` : ''}`);
        if (phones)
          log(`import: floor: libphonenumber alone on the file's distinct phones (default country ${COUNTRY || 'none'}), after the parse: ${bare[kind].runs.map((r) => Math.round(r.phonesMs)).join(', ')} ms`);
      }
      await page.close();
    }
    await browser.close();
    browser = undefined;

    for (const kind of formats) {
      const app = await appImport({ baseURL: server.url, file: gen.files[kind], expectedRows: rows, profile: wantProfile });
      const r = analyse(kind, bare[kind], app, rows);
      results[kind] = r;
      const ok = r.app.gridRowsAfter === app.before + rows;
      if (!ok) log(`import: WARNING ${kind}: the grid shows ${r.app.gridRowsAfter} rows, expected ${app.before + rows}`);
      log(
        `import ${kind}: total ${r.app.totalMs} ms (${r.app.ratioToBareParse}× bare parse ${r.bareParse.medianMs} ms); select→preview ${r.app.selectToPreviewMs} ms, click→grid ${r.app.clickToAppliedPaintedMs} ms, click→committed ${r.app.clickToCommittedMs} ms; frames max ${r.frames.maxMs} ms, p95 ${r.frames.p95Ms} ms, ${r.frames.over100Ms} over 100 ms; worker plan(s): ${r.app.workerPlans.map((p) => `phones ${p.phonesMs} ms (${p.phonesByHelper} by the helper) + plan ${p.planMs} ms`).join(', ') || 'none seen'}`,
      );
      if (r.app.totalMs > IMPORT_TARGETS.totalOverBareParse * r.bareParse.medianMs || r.frames.maxMs > IMPORT_TARGETS.maxFrameMs)
        log(`import ${kind}: a target is missed; the long frames: ${r.frames.longAnimationFrames.map((f) => `${f.ms} ms in "${f.phase}"`).join(', ') || 'none attributed'}${wantProfile ? '' : ' (BENCH_IMPORT_PROFILE=1 with a --sourcemap build shows the functions)'}`);
      const label = kind === 'xlsx' ? '.xlsx' : '.csv';
      summary.push(
        [`Import ${label} bare parse (${kind === 'xlsx' ? 'SheetJS' : 'papaparse'}, median)`, r.bareParse.medianMs, 'ms', null],
        [`Import ${label} total (select → rows in grid)`, r.app.totalMs, 'ms', round(IMPORT_TARGETS.totalOverBareParse * r.bareParse.medianMs, 0)],
        ...(r.bareParse.phonesFloorMs !== undefined ? [[`Import ${label} floor: its phones alone (libphonenumber)`, `${r.bareParse.phonesFloorMs} (${r.bareParse.phonesFloorOverParse}× parse)`, 'ms', null]] : []),
        [`Import ${label} select → preview / click → grid`, `${r.app.selectToPreviewMs} / ${r.app.clickToAppliedPaintedMs}`, 'ms', null],
        [`Import ${label} longest frame (to IDB commit)`, r.frames.maxMs, 'ms', IMPORT_TARGETS.maxFrameMs],
        [`Import ${label} frame p95 / frames > 100 ms`, `${r.frames.p95Ms} / ${r.frames.over100Ms}`, '', null],
      );
    }
  } catch (e) {
    results.error = String(e?.stack ?? e);
    log(`import: run failed: ${e?.stack ?? e}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close();
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
  results.benchMs = Math.round(performance.now() - started);
  return { results, summary };
}

// --- standalone -----------------------------------------------------------------------------------
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dist = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`bench: ${dist}/index.html missing; build first`);
    process.exit(1);
  }
  const { results, summary } = await runImportBench({ dist });
  for (const [name, value, unit, target] of summary)
    console.log(`${name.padEnd(48)} ${String(value ?? 'n/a').padStart(12)} ${unit.padEnd(2)} ${target == null ? '' : `≤ ${target} ${unit}  ${typeof value === 'number' && value <= target ? 'PASS' : 'FAIL'}`}`);
  const out = process.env.BENCH_IMPORT_OUT;
  if (out) await writeFile(out, JSON.stringify(results, null, 2) + '\n');
  else console.log(JSON.stringify(results, null, 2));
  process.exit(results.error ? 1 : 0);
}
