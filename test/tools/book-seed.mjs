// Shared by the benchmarks and E2E tests that need a big or a known book: run a TypeScript module
// of the project through Vite's SSR loader (the book is made with src/core itself), and write a
// book into the app's IndexedDB exactly as y-indexeddb stores it, before the app opens.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BOOK_DB_NAME = 'clientela-book'; // src/storage/types.ts

/** Loads `modulePath` (e.g. '/test/bench/generate.ts') with Vite, runs `fn(module)`, closes Vite. */
export async function withViteModule(modulePath, fn) {
  const vite = await createViteServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    return await fn(await vite.ssrLoadModule(modulePath));
  } finally {
    await vite.close();
  }
}

/**
 * Goes to `at` (any page of the app's origin that does not start the app) and stores the book
 * there: fetched from `url`, or given as `base64`. Returns the stored byte count.
 */
export async function seedBook(page, { at, url, base64 }) {
  await page.goto(at);
  return page.evaluate(
    async ({ dbName, url, base64 }) => {
      const bytes = url ? new Uint8Array(await (await fetch(url)).arrayBuffer()) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const db = await new Promise((res, rej) => {
        const req = indexedDB.open(dbName); // y-indexeddb (lib0/idb) opens without a version: 1
        req.onupgradeneeded = () => {
          req.result.createObjectStore('updates', { autoIncrement: true });
          req.result.createObjectStore('custom');
        };
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
      await new Promise((res, rej) => {
        const tx = db.transaction(['updates'], 'readwrite');
        tx.objectStore('updates').add(bytes);
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
      return bytes.byteLength;
    },
    { dbName: BOOK_DB_NAME, url, base64 },
  );
}

/**
 * The built app in `dist`, served on loopback with the book `bytes` seeded into a fresh browser's
 * IndexedDB, opened at 1024×768 and ready (`body[data-ready]`). `contextOptions` go to
 * `browser.newContext`, `initScript` runs before the app's scripts. `close()` ends it all.
 */
export async function openSeededApp({ dist, bytes, contextOptions = {}, initScript }) {
  const { chromium } = await import('playwright-core');
  const { startServer } = await import('../../src/server/serve.mjs');
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('../e2e/lib.mjs');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    root: dist,
    handlers: [
      async (req, res, url) => {
        if (url.pathname !== '/__seed/book.bin') return false;
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.end(Buffer.from(bytes));
        return true;
      },
    ],
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const close = async () => {
    await browser.close().catch(() => undefined);
    await server.close?.();
  };
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, ...contextOptions });
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    await seedBook(page, { at: `${server.url}/favicon.svg`, url: '/__seed/book.bin' });
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.body?.dataset.ready === 'true', undefined, { timeout: 180_000 });
    return { server, browser, context, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}
