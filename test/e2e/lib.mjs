// Shared pieces of the E2E tests: how Chromium is launched, the two screen sizes, and the test
// context `t` handed to every test. Tests find things the way a user does: by role and name.

import assert from 'node:assert/strict';
import { join } from 'node:path';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebRTC between two local browsers: allow 127.0.0.1 candidates, and grant media without a prompt
  // (Chromium only enumerates local interfaces for pages with media permission).
  '--allow-loopback-in-peer-connection',
  '--use-fake-ui-for-media-stream',
];

export const SIZES = {
  desktop: { label: '1024x768', viewport: { width: 1024, height: 768 }, hasTouch: false },
  tablet: { label: '820x1180 touch', viewport: { width: 820, height: 1180 }, hasTouch: true },
};

export const safeName = (s) => s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

export { assert };

/** Polls `fn` until it returns a truthy value (returned) or throws after `timeout` ms. */
export async function waitFor(fn, message = 'condition', timeout = 10_000, interval = 50) {
  const end = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > end) {
      const detail = lastError ? ` (last error: ${lastError.message})` : last !== undefined ? ` (last value: ${JSON.stringify(last)})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${detail}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * The context of one test run:
 *   page, context, baseURL, size ('desktop' | 'tablet'), touch (bool)
 *   open(path), reload(), waitReady(page?)      load the app and wait for body[data-ready=true]
 *   tap(locator)                                click with the mouse, or tap on the touch tablet
 *   grid(), columnIndex(name), cell(rowIndex, colIndex), columnTexts(name), rowCount()
 *   selectCell(rowIndex, columnName)            click a cell and wait until it is aria-selected
 *   openPalette(), runCommand('Category: Title')
 *   screenshot(name), cdp(), server (test switches of the server), waitFor(fn, msg, timeout)
 */
export async function makeContext({ context, baseURL, size, label, resultsDir, server, pageErrors }) {
  const page = context.pages()[0] ?? (await context.newPage());
  const touch = SIZES[size].hasTouch;
  page.on('pageerror', (e) => pageErrors.push(String(e?.stack ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console.error: ${m.text()}`);
  });

  const t = {
    page,
    context,
    baseURL,
    size,
    touch,
    label,
    server,
    assert,
    waitFor,

    async waitReady(p = page) {
      await p.waitForFunction(() => document.body?.dataset.ready === 'true', undefined, { timeout: 20_000 });
    },
    async open(path = '/') {
      await page.goto(baseURL + path, { waitUntil: 'domcontentloaded' });
      await t.waitReady();
    },
    async reload() {
      await page.reload({ waitUntil: 'domcontentloaded' });
      await t.waitReady();
    },
    /**
     * Waits until `text` is stored in the book's IndexedDB (y-indexeddb keeps Yjs updates, in which
     * a typed string appears as its UTF-8 bytes). A user sees "Saved" at this point.
     */
    async waitPersisted(text, timeout = 10_000) {
      await waitFor(
        () =>
          page.evaluate(async (text) => {
            const needle = new TextEncoder().encode(text);
            const db = await new Promise((res, rej) => {
              const req = indexedDB.open('clientela-book');
              req.onsuccess = () => res(req.result);
              req.onerror = () => rej(req.error);
            });
            try {
              if (!db.objectStoreNames.contains('updates')) return false;
              const all = await new Promise((res, rej) => {
                const r = db.transaction('updates', 'readonly').objectStore('updates').getAll();
                r.onsuccess = () => res(r.result);
                r.onerror = () => rej(r.error);
              });
              return all.some((u) => {
                const b = u instanceof Uint8Array ? u : new Uint8Array(u);
                outer: for (let i = 0; i + needle.length <= b.length; i++) {
                  for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
                  return true;
                }
                return false;
              });
            } finally {
              db.close();
            }
          }, text),
        `"${text}" stored in IndexedDB`,
        timeout,
        100,
      );
    },
    async tap(locator) {
      if (touch) await locator.tap();
      else await locator.click();
    },
    async screenshot(name) {
      const path = join(resultsDir, `${safeName(name)}-${SIZES[size].label.split(' ')[0]}.png`);
      await page.screenshot({ path });
      return path;
    },
    cdp: () => context.newCDPSession(page),

    // --- the grid -------------------------------------------------------------------------
    grid: () => page.getByRole('grid').first(),
    /** aria-colindex of the column whose header is named `name` (e.g. "Name"). */
    async columnIndex(name) {
      const header = t.grid().getByRole('columnheader', { name, exact: true }).first();
      await header.waitFor();
      const idx = Number(await header.getAttribute('aria-colindex'));
      assert.ok(idx > 0, `column header "${name}" has no aria-colindex`);
      return idx;
    },
    cell(rowIndex, colIndex) {
      return t.grid().locator(`[role="row"][aria-rowindex="${rowIndex}"] [role="gridcell"][aria-colindex="${colIndex}"]`);
    },
    /** Rendered data rows as [aria-rowindex, text of the column] in row order (not the blank "New row" line). */
    async columnTexts(name) {
      const col = await t.columnIndex(name);
      return t.grid().evaluate((grid, col) => {
        const rows = [...grid.querySelectorAll('[role="row"]')].filter((r) => r.querySelector('[role="gridcell"]') && !r.hasAttribute('aria-label'));
        return rows
          .map((r) => {
            const cell = r.querySelector(`[role="gridcell"][aria-colindex="${col}"]`);
            return [Number(r.getAttribute('aria-rowindex')), (cell?.textContent ?? '').trim()];
          })
          .sort((a, b) => a[0] - b[0]);
      }, col);
    },
    /** aria-rowindex of the rendered data rows, sorted. The grid ends with a blank "New row" line
     * (a row with an aria-label and no row id); it is not a data row. */
    async dataRowIndices() {
      return t.grid().evaluate((grid) =>
        [...grid.querySelectorAll('[role="row"]')]
          .filter((r) => r.querySelector('[role="gridcell"]') && !r.hasAttribute('aria-label'))
          .map((r) => Number(r.getAttribute('aria-rowindex')))
          .sort((a, b) => a - b),
      );
    },
    /** Data rows the grid says it has: aria-rowcount minus the header row and the "New row" line
     * the grid always ends with (counted whether or not it is scrolled into view). */
    async rowCount() {
      return Number(await t.grid().getAttribute('aria-rowcount')) - 2;
    },
    async selectCell(rowIndex, columnName) {
      const cell = t.cell(rowIndex, await t.columnIndex(columnName));
      await cell.scrollIntoViewIfNeeded();
      await t.tap(cell);
      await waitFor(async () => (await cell.getAttribute('aria-selected')) === 'true', `cell ${rowIndex}/${columnName} selected`);
      return cell;
    },

    // --- the command palette --------------------------------------------------------------
    // The command palette, not any quick input (quick open, a cell's history, a pick a command shows).
    palette: () => page.locator('[role="dialog"][data-quick="commands"]'),
    async openPalette() {
      if (await t.palette().isVisible().catch(() => false)) return t.palette();
      await page.keyboard.press('F1');
      const dialog = t.palette();
      try {
        await dialog.waitFor({ state: 'visible', timeout: 3000 });
      } catch {
        await page.keyboard.press('Control+Shift+P');
        await dialog.waitFor({ state: 'visible' });
      }
      return dialog;
    },
    /** Opens the palette, filters by the title and chooses the option named exactly `title`. */
    async runCommand(title, query = title.split(': ').pop()) {
      const dialog = await t.openPalette();
      const input = dialog.getByRole('combobox');
      await input.fill(query);
      const option = dialog.getByRole('option', { name: title, exact: true });
      await option.first().waitFor({ state: 'visible' });
      await t.tap(option.first());
      await dialog.waitFor({ state: 'hidden' });
    },
  };
  return t;
}
