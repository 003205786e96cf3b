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
    /** Rendered data rows as [aria-rowindex, text of the column] in row order. */
    async columnTexts(name) {
      const col = await t.columnIndex(name);
      return t.grid().evaluate((grid, col) => {
        const rows = [...grid.querySelectorAll('[role="row"]')].filter((r) => r.querySelector('[role="gridcell"]'));
        return rows
          .map((r) => {
            const cell = r.querySelector(`[role="gridcell"][aria-colindex="${col}"]`);
            return [Number(r.getAttribute('aria-rowindex')), (cell?.textContent ?? '').trim()];
          })
          .sort((a, b) => a[0] - b[0]);
      }, col);
    },
    /** Indices of rendered data rows (aria-rowindex), sorted. */
    async dataRowIndices() {
      return t.grid().evaluate((grid) =>
        [...grid.querySelectorAll('[role="row"]')]
          .filter((r) => r.querySelector('[role="gridcell"]'))
          .map((r) => Number(r.getAttribute('aria-rowindex')))
          .sort((a, b) => a - b),
      );
    },
    /** Number of data rows the grid says it has (aria-rowcount counts the header row too). */
    async rowCount() {
      const n = Number(await t.grid().getAttribute('aria-rowcount'));
      return Number.isFinite(n) && n > 0 ? n - 1 : (await t.dataRowIndices()).length;
    },
    async selectCell(rowIndex, columnName) {
      const cell = t.cell(rowIndex, await t.columnIndex(columnName));
      await cell.scrollIntoViewIfNeeded();
      await t.tap(cell);
      await waitFor(async () => (await cell.getAttribute('aria-selected')) === 'true', `cell ${rowIndex}/${columnName} selected`);
      return cell;
    },

    // --- the command palette --------------------------------------------------------------
    palette: () => page.getByRole('dialog').filter({ has: page.getByRole('combobox') }).first(),
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
