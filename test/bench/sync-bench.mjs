#!/usr/bin/env node
// Sync benchmark (part of `npm run bench`; runs alone too): two Chromium processes with their own
// profiles, the app served by our own server (its /signal relay on loopback), inside a
// loopback-only network namespace when run as root.
//  1. A fresh device joins a book of 50,000 customers and 500,000 purchases: time from "Join" to
//     the status bar saying synced with the 50,000 rows in its grid, and the bytes that crossed the
//     data channel compared with the book's encoded state (no echo: ~1× expected).
//  2. Edit → visible on the other device: 100 edits typed on A, each timed from A's Enter keydown to
//     the text appearing in B's grid (both clocks are this machine's); median and p95.
//
// Env: BENCH_DIST (built app, default dist/), BENCH_CUSTOMERS / BENCH_PURCHASES (50000 / 500000),
// BENCH_EDITS (100), BENCH_OUT (write the figures as JSON here).

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { seedBook, withViteModule } from '../tools/book-seed.mjs';
import { startServer } from '../../src/server/serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, makeContext, waitFor } from '../e2e/lib.mjs';
import { reexecInLoopbackNetns } from '../tools/netns.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

export const SYNC_TARGETS = { editP95Ms: 200, joinMs: 10_000 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const log = (s) => console.log(`bench(sync): ${s}`);

// Before any page script: keep every RTCPeerConnection (for getStats byte counts), time A's Enter
// keydowns, and note when each "Bench N" text first appears in B's grid.
const PROBES = () => {
  const w = window;
  w.__syncBench = { pcs: [], enterAt: [], seen: {}, long: [] };
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__syncBench.long.push([Math.round(performance.timeOrigin + e.startTime), Math.round(e.duration), (e.scripts ?? []).slice(0, 2).map((x) => `${x.sourceFunctionName || x.invoker || ''} ${(x.sourceURL || '').split('/').pop()}:${x.sourceCharPosition ?? ''}`).join(' | ')]);
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no long-animation-frame here
  }
  const Orig = w.RTCPeerConnection;
  if (Orig) {
    w.RTCPeerConnection = function (...args) {
      const pc = new Orig(...args);
      w.__syncBench.pcs.push(pc);
      return pc;
    };
    w.RTCPeerConnection.prototype = Orig.prototype;
  }
  const now = () => performance.timeOrigin + performance.now();
  // When data-channel messages arrive (first and last): splits a join into connect, transfer, apply.
  w.__syncBench.msgs = { first: 0, last: 0, count: 0 };
  const addEL = RTCDataChannel.prototype.addEventListener;
  RTCDataChannel.prototype.addEventListener = function (type, fn, opts) {
    if (type !== 'message') return addEL.call(this, type, fn, opts);
    return addEL.call(
      this,
      type,
      function (ev) {
        const m = w.__syncBench.msgs;
        const t = now();
        if (!m.first) m.first = t;
        m.last = t;
        m.count++;
        return fn.call(this, ev);
      },
      opts,
    );
  };
  w.addEventListener('keydown', (e) => e.key === 'Enter' && w.__syncBench.enterAt.push(now()), true);
  const scan = () => {
    for (const cell of document.querySelectorAll('[role="gridcell"]')) {
      const t = cell.textContent?.trim() ?? '';
      if (/^Bench \d+$/.test(t) && !(t in w.__syncBench.seen)) w.__syncBench.seen[t] = now();
    }
  };
  document.addEventListener('DOMContentLoaded', () => new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true }));
};

async function dataChannelBytes(page) {
  return page.evaluate(async () => {
    let sent = 0;
    let received = 0;
    for (const pc of window.__syncBench.pcs) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      stats.forEach((r) => {
        if (r.type === 'data-channel') {
          sent += r.bytesSent ?? 0;
          received += r.bytesReceived ?? 0;
        }
      });
    }
    return { sent, received };
  });
}

const statusText = (t) => t.page.getByRole('contentinfo', { name: 'Status bar' }).textContent();

export async function runSyncBench({ dist, customers = 50_000, purchases = 500_000, edits = 100, update } = {}) {
  const results = { book: { customers, purchases } };
  if (!update) {
    log(`generating ${customers.toLocaleString('en')} customers and ${purchases.toLocaleString('en')} purchases…`);
    update = (await withViteModule('/test/bench/generate.ts', (m) => m.generateBook(customers, purchases))).update;
  }
  const bookBytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  results.book.stateBytes = bookBytes.length;
  const server = await startServer({
    port: 0,
    root: dist,
    handlers: [
      async (req, res, url) => {
        if (url.pathname === '/__bench/blank') {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end('<!doctype html><title>seed</title>');
          return true;
        }
        if (url.pathname === '/__bench/book.bin') {
          res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bookBytes.length }).end(bookBytes);
          return true;
        }
        return false;
      },
    ],
  });
  const dirs = [];
  const contexts = [];
  const device = async (name) => {
    const dir = await mkdtemp(join(tmpdir(), `clientela-syncbench-${name}-`));
    dirs.push(dir);
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1024, height: 768 },
      deviceScaleFactor: 1,
      locale: 'en-US',
      timezoneId: 'UTC',
      permissions: ['microphone', 'camera'],
    });
    contexts.push(context);
    context.setDefaultTimeout(60_000);
    await context.addInitScript(PROBES);
    const errors = [];
    const t = await makeContext({ context, baseURL: server.url, size: 'desktop', label: `sync bench ${name}`, resultsDir: join(ROOT, 'test-results'), server: {}, pageErrors: errors });
    return t;
  };
  try {
    const a = await device('A');
    const seeded = await seedBook(a.page, { at: `${server.url}/__bench/blank`, url: '/__bench/book.bin' });
    log(`seeded A with a ${(seeded / 1e6).toFixed(1)} MB book`);
    await a.open('/');
    // The Reminders tab opens itself on the day's first start (once the analysis ran); the rows
    // are in Customers.
    await a.page.getByRole('tab', { name: /Reminders/ }).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    await a.page.getByRole('tab', { name: /Customers/ }).first().click();
    await waitFor(async () => (await a.rowCount()) === customers, `A shows ${customers} rows`, 120_000);
    const b = await device('B');
    await b.open('/');

    await a.runCommand('Sync: Pair a Device');
    const code = (await a.page.getByTestId('pairing-code').textContent({ timeout: 30_000 })).trim();
    await b.runCommand('Sync: Join with a Code');
    await b.page.getByLabel('Code shown on the other device').fill(code);
    const t0 = Date.now();
    await b.page.getByRole('button', { name: 'Join', exact: true }).click();
    await waitFor(async () => /Synced with 1 device/.test((await statusText(b)) ?? ''), 'B synced', 120_000, 20);
    const syncedMs = Date.now() - t0;
    const msgs = await b.page.evaluate(() => window.__syncBench.msgs);
    for (const [name, dev] of [['A', a], ['B', b]]) {
      const long = await dev.page.evaluate((from) => window.__syncBench.long.filter(([at]) => at >= from), t0);
      const total = long.reduce((n, [, ms]) => n + ms, 0);
      log(`main thread of ${name} during the join: ${long.length} frames over 50 ms, ${total} ms in all; longest: ${long.sort((x, y) => y[1] - x[1]).slice(0, 3).map(([, ms, where]) => `${ms} ms ${where}`).join('; ')}`);
    }
    results.joinPhases = { firstMessageMs: Math.round(msgs.first - t0), lastMessageMs: Math.round(msgs.last - t0), messages: msgs.count };
    log(`join phases: first data-channel message at ${results.joinPhases.firstMessageMs} ms, last at ${results.joinPhases.lastMessageMs} ms (${msgs.count} messages), synced at ${syncedMs} ms`);
    await b.page.getByRole('tab', { name: /Customers/ }).first().click();
    await waitFor(async () => (await b.rowCount()) === customers, `B shows ${customers} rows`, 120_000, 20);
    const gridMs = Date.now() - t0;
    const bytesB = await dataChannelBytes(b.page);
    const bytesA = await dataChannelBytes(a.page);
    results.join = {
      syncedMs,
      rowsShownMs: gridMs,
      bytesToNewDevice: bytesB.received,
      bytesFromNewDevice: bytesB.sent,
      bytesSentByA: bytesA.sent,
      ratioToState: Math.round((bytesB.received / bookBytes.length) * 100) / 100,
    };
    log(`fresh device: synced in ${syncedMs} ms, ${customers.toLocaleString('en')} rows shown at ${gridMs} ms (target ≤ ${SYNC_TARGETS.joinMs} ms)`);
    log(`bytes to the new device ${(bytesB.received / 1e6).toFixed(1)} MB, back to A ${(bytesB.sent / 1e3).toFixed(1)} KB; encoded state ${(bookBytes.length / 1e6).toFixed(1)} MB (×${results.join.ratioToState})`);

    // Edits typed on A, seen on B, once B has digested the book it just received (its first
    // analysis of 50k customers runs right after the join): steady-state latency.
    await new Promise((r) => setTimeout(r, 5000));
    const latencies = [];
    await a.page.getByRole('tab', { name: /Customers/ }).first().click();
    for (let i = 1; i <= edits; i++) {
      await a.selectCell(2, 'Name');
      await a.page.keyboard.type(`Bench ${i}`);
      const before = await a.page.evaluate(() => window.__syncBench.enterAt.length);
      await a.page.keyboard.press('Enter');
      const sentAt = await a.page.evaluate((n) => window.__syncBench.enterAt[n], before);
      const seenAt = await waitFor(() => b.page.evaluate((k) => window.__syncBench.seen[k], `Bench ${i}`), `Bench ${i} on B`, 10_000, 5);
      latencies.push(seenAt - sentAt);
    }
    results.edits = {
      n: latencies.length,
      medianMs: Math.round(median(latencies) * 10) / 10,
      p95Ms: Math.round(percentile(latencies, 95) * 10) / 10,
      maxMs: Math.round(Math.max(...latencies) * 10) / 10,
    };
    log(`edit → visible on B over ${latencies.length} edits: median ${results.edits.medianMs} ms, p95 ${results.edits.p95Ms} ms (target ≤ ${SYNC_TARGETS.editP95Ms} ms)`);
    results.pass = { join: gridMs <= SYNC_TARGETS.joinMs, editP95: results.edits.p95Ms <= SYNC_TARGETS.editP95Ms };
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    for (const d of dirs) await rm(d, { recursive: true, force: true }).catch(() => undefined);
    await server.close();
  }
  return results;
}

// Run alone: node test/bench/sync-bench.mjs
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  reexecInLoopbackNetns(fileURLToPath(import.meta.url), process.argv.slice(2));
  const dist = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`bench(sync): ${dist}/index.html missing; build first`);
    process.exit(1);
  }
  const results = await runSyncBench({
    dist,
    customers: Number(process.env.BENCH_CUSTOMERS ?? 50_000),
    purchases: Number(process.env.BENCH_PURCHASES ?? 500_000),
    edits: Number(process.env.BENCH_EDITS ?? 100),
  });
  if (process.env.BENCH_OUT) await writeFile(process.env.BENCH_OUT, JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results, null, 2));
}
