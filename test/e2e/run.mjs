#!/usr/bin/env node
// E2E harness: serves the built app (dist/, built by `npm test` before this runs) with
// src/server/serve.mjs on a free port and runs every test/e2e/*.e2e.mjs in real headless Chromium.
//
// A test file exports `tests`: [{ name, run(t), sizes? }]. Each test runs once per size (1024×768
// desktop, 820×1180 touch tablet) in its own browser with a fresh profile directory, so storage,
// service workers and caches never leak between tests. `t` is the context described in lib.mjs.
//
// Two devices (sync tests): `t.newDevice()` launches a second Chromium process with its own fresh
// profile, so BroadcastChannel and storage cannot join them; they meet only over the network. As
// root, the whole run happens inside a network namespace that has nothing but loopback (unshare),
// where Chromium offers 127.0.0.1 ICE candidates and nothing can leave the machine.
//
// Usage: node test/e2e/run.mjs [filter...]   (runs tests whose "file › name [size]" contains a filter)
// Env:   E2E_TIMEOUT_MS (per test, default 90000), E2E_HEADFUL=1 (show the browser).

import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../src/server/serve.mjs';
import { reexecInLoopbackNetns } from '../tools/netns.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SIZES, makeContext, safeName } from './lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const DIST = resolve(process.env.E2E_DIST ?? join(ROOT, 'dist')); // E2E_DIST: test another build
const RESULTS = resolve(ROOT, 'test-results');
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 90_000);
const filters = process.argv.slice(2);

reexecInLoopbackNetns(fileURLToPath(import.meta.url), filters);

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('e2e: dist/index.html is missing; run `npx vite build` first (npm test does).');
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`e2e: ${CHROMIUM_PATH} is missing; run \`node test/tools/setup.mjs\` (npm test does).`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}
await mkdir(RESULTS, { recursive: true });
for (const f of await readdir(RESULTS)) if (f.startsWith('FAILED-')) await rm(join(RESULTS, f), { force: true });

// Test-only behaviour of the server, switchable by tests (see lib.mjs `t.server`).
const serverState = { swSuffix: '' };
const handlers = [
  async (req, res, url) => {
    // Serves a changed sw.js when a test asks for "a new version" of the app.
    if (url.pathname !== '/sw.js' || !serverState.swSuffix) return false;
    const { readFile } = await import('node:fs/promises');
    const body = (await readFile(join(DIST, 'sw.js'), 'utf8')) + `\n// ${serverState.swSuffix}\n`;
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(body);
    return true;
  },
];
const server = await startServer({ port: 0, host: '127.0.0.1', root: DIST, handlers });

const files = (await readdir(HERE)).filter((f) => f.endsWith('.e2e.mjs')).sort();
const cases = [];
for (const file of files) {
  const mod = await import(pathToFileURL(join(HERE, file)).href);
  for (const test of mod.tests ?? []) {
    for (const size of test.sizes ?? Object.keys(SIZES)) {
      const label = `${basename(file, '.e2e.mjs')} › ${test.name} [${SIZES[size].label}]`;
      if (filters.length && !filters.some((f) => label.includes(f))) continue;
      cases.push({ label, test, size });
    }
  }
}

console.log(`e2e: ${cases.length} tests from ${files.length} files against ${server.url} (Chromium ${CHROMIUM_PATH})`);
const started = Date.now();
let passed = 0;
const failures = [];
const flaky = [];
// A test that fails is run once more in a fresh profile: on a loaded machine a step can time out.
// Passing on the retry is reported by name below, so flakiness stays visible.
const ATTEMPTS = Number(process.env.E2E_ATTEMPTS ?? 2);

for (const c of cases) {
 for (let attempt = 1; ; attempt++) {
  let ok = false;
  const t0 = Date.now();
  const profile = await mkdtemp(join(tmpdir(), 'clientela-e2e-'));
  const size = SIZES[c.size];
  let context;
  const extra = [];
  const pageErrors = [];
  serverState.swSuffix = '';
  try {
    const launch = (dir) =>
      chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM_PATH,
        headless: process.env.E2E_HEADFUL !== '1',
        args: CHROMIUM_ARGS,
        viewport: size.viewport,
        hasTouch: size.hasTouch,
        isMobile: false,
        deviceScaleFactor: 1,
        locale: 'en-US',
        timezoneId: 'UTC',
        permissions: ['microphone', 'camera', 'clipboard-read', 'clipboard-write'],
      });
    context = await launch(profile);
    context.setDefaultTimeout(15_000);
    const t = await makeContext({ context, baseURL: server.url, size: c.size, label: c.label, resultsDir: RESULTS, server: serverState, pageErrors });
    /** A second device: another Chromium process with its own fresh profile. Closed after the test. */
    t.newDevice = async (name = 'B') => {
      const dir = await mkdtemp(join(tmpdir(), 'clientela-e2e-'));
      const ctx = await launch(dir);
      ctx.setDefaultTimeout(15_000);
      extra.push({ ctx, dir });
      const errors = [];
      const dt = await makeContext({ context: ctx, baseURL: server.url, size: c.size, label: `${c.label} ${name}`, resultsDir: RESULTS, server: serverState, pageErrors: errors });
      dt.pageErrors = errors;
      /** Quits this device's browser (the profile stays, like closing the app); `reopen()` starts it again. */
      dt.quit = async () => {
        await ctx.close();
      };
      dt.reopen = async () => {
        const again = await launch(dir);
        again.setDefaultTimeout(15_000);
        extra.push({ ctx: again, dir });
        const rt = await makeContext({ context: again, baseURL: server.url, size: c.size, label: `${c.label} ${name}`, resultsDir: RESULTS, server: serverState, pageErrors: errors });
        return Object.assign(rt, { pageErrors: errors, quit: () => again.close() });
      };
      return dt;
    };
    let timer;
    await Promise.race([
      c.test.run(t),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT} ms`)), TIMEOUT);
      }),
    ]).finally(() => clearTimeout(timer));
    passed++;
    ok = true;
    if (attempt > 1) flaky.push(c.label);
    console.log(`  ✓ ${c.label} (${((Date.now() - t0) / 1000).toFixed(1)} s)${attempt > 1 ? ' (passed on retry)' : ''}`);
  } catch (e) {
    if (attempt >= ATTEMPTS) failures.push(c.label);
    console.log(`  ✗ ${c.label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    console.log(indent(String(e?.stack ?? e)));
    if (pageErrors.length) console.log(indent(`page errors:\n${pageErrors.slice(0, 5).join('\n')}`));
    const page = context?.pages()[0];
    if (page) {
      const shot = join(RESULTS, `FAILED-${safeName(c.label)}.png`);
      await page.screenshot({ path: shot }).then(
        () => console.log(indent(`screenshot: ${shot}`)),
        () => undefined,
      );
    }
  } finally {
    for (const e of extra) {
      await e.ctx.close().catch(() => undefined);
      await rm(e.dir, { recursive: true, force: true }).catch(() => undefined);
    }
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
  if (ok || attempt >= ATTEMPTS) break;
  console.log('      retrying once in a fresh profile');
 }
}

await server.close();
console.log(`e2e: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (flaky.length) console.log(`e2e: passed only on retry (flaky):\n${flaky.map((f) => `  - ${f}`).join('\n')}`);
if (failures.length) console.log(`e2e: failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`e2e: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length || cases.length === 0 ? 1 : 0);

function indent(s) {
  return s
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}
