// Reports on a generated book (400 customers, 6,000 purchases over three years, linked by code):
// open each report, switch every block to its table, and check every number shown against the
// reports computed by the core from the same book (test/bench/reports-generate.ts). Also: charts
// are drawn (uPlot loaded on demand), a tap on a chart shows a value, money is formatted in the
// user's currency, and screenshots of each report at both sizes.

import { seedBook, withViteModule } from '../tools/book-seed.mjs';
import { assert, waitFor } from './lib.mjs';

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

let fixture;
/** The book and the expected numbers, made once per run with the project's own core. */
async function book() {
  if (fixture) return fixture;
  fixture = await withViteModule('/test/bench/reports-generate.ts', (mod) => {
    const today = todayIso();
    const { update } = mod.generateReportsBook(400, 6000, today);
    return {
      today,
      base64: Buffer.from(update).toString('base64'),
      expected: mod.expectedNumbers(update, today, { granularity: 'month', periods: 12 }),
    };
  });
  return fixture;
}

/** Writes the book into the app's IndexedDB (as y-indexeddb stores it) before the app opens. */
const seed = (t, base64) => seedBook(t.page, { at: `${t.baseURL}/favicon.svg`, base64 });

/** The numeric cells of a block's table, row by row (raw values from data-value). */
async function tableNumbers(t, id) {
  const block = t.page.locator(`[data-report="${id}"]`);
  await block.waitFor();
  const tableButton = block.getByRole('button', { name: 'Table', exact: true });
  if (await tableButton.count()) {
    await t.tap(tableButton);
    await waitFor(async () => (await tableButton.getAttribute('aria-pressed')) === 'true', `${id} in table view`);
  }
  if (await block.locator('.rp-empty').count()) return [];
  const table = block.getByRole('table');
  await table.waitFor();
  return table.evaluate((el) =>
    [...el.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')]
        .filter((td) => td.classList.contains('is-num'))
        .map((td) => (td.dataset.value === '' ? null : Number(td.dataset.value))),
    ),
  );
}

function close(actual, expected, label) {
  assert.equal(actual.length, expected.length, `${label}: ${actual.length} rows shown, ${expected.length} computed`);
  expected.forEach((row, i) =>
    row.forEach((v, j) => {
      const a = actual[i][j];
      if (v === null) assert.equal(a, null, `${label} row ${i} col ${j}`);
      else assert.ok(Math.abs(a - v) < 1e-9, `${label} row ${i} col ${j}: shown ${a}, computed ${v}`);
    }),
  );
}

const SECTIONS = {
  Sales: ['sales-by-period', 'sales-weekdays'],
  Members: ['members-new', 'members-tiers'],
  Decisions: ['decisions-churn', 'decisions-value-classes', 'decisions-pareto', 'decisions-segments'],
  Products: ['products-top-quantity', 'products-top-revenue', 'products-slowest', 'products-not-sold'],
};

export const tests = [
  {
    name: 'each report shows the numbers the core computes, with charts, tables and screenshots',
    async run(t) {
      const f = await book();
      assert.ok(f.expected['products-not-sold'].length > 0, 'the generated book has a product no longer sold');
      await seed(t, f.base64);
      await t.open('/');
      await t.runCommand('Reports: Open Reports');
      const tabs = t.page.getByRole('tablist', { name: 'Report' });
      await tabs.waitFor();

      // Charts: uPlot arrives on demand and draws on a canvas.
      await t.page.locator('[data-report="sales-by-period"] canvas').first().waitFor({ timeout: 20_000 });
      const kpi = await t.page.locator('.rp-kpi-value').first().textContent();
      const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(f.expected.kpis[0][0]);
      assert.equal(kpi, money, 'the revenue headline in the user’s currency');

      // A tap (or click) on the chart shows the value of that period in the legend.
      const over = t.page.locator('[data-report="sales-by-period"] .u-over');
      const box = await over.boundingBox();
      if (t.touch) await t.page.touchscreen.tap(box.x + box.width - 20, box.y + box.height / 2);
      else await t.page.mouse.click(box.x + box.width - 20, box.y + box.height / 2);
      const lastRevenue = f.expected['sales-by-period'].at(-1)[0];
      await waitFor(
        async () => (await t.page.locator('[data-report="sales-by-period"] .u-legend .u-value').allTextContents()).includes(new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(lastRevenue)),
        'the tapped period’s revenue in the legend',
      );
      await t.screenshot('reports-sales-chart');

      for (const [section, ids] of Object.entries(SECTIONS)) {
        await t.tap(tabs.getByRole('tab', { name: section, exact: true }));
        await t.page.locator(`[data-report="${ids[0]}"]`).waitFor();
        if (section !== 'Sales') {
          await t.page.locator(`[data-report="${ids[0]}"] canvas`).first().waitFor();
          await t.screenshot(`reports-${section.toLowerCase()}-chart`);
        }
        for (const id of ids) close(await tableNumbers(t, id), f.expected[id], id);
        await t.page.locator(`[data-report="${ids[0]}"]`).scrollIntoViewIfNeeded();
        await t.screenshot(`reports-${section.toLowerCase()}-table`);
      }
    },
  },
];
