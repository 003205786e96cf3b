// Membership and segments in the app: sales recorded from the palette move the computed columns
// (current tier, points balance) in the Customers grid and put each customer in the RFM segment a
// hand computation gives; the Segments view (map, value classes, Pareto, lifecycle) opens a
// segment as a live grid; bulk tagging of a selection is one undo step. Screenshots at both sizes.

import { assert, waitFor } from './lib.mjs';
import { seedCustomers } from './sales.e2e.mjs';

const saleDialog = (t) => t.page.getByRole('dialog', { name: 'Record sale' });

async function recordSale(t, query, name, amount) {
  const palette = await t.openPalette();
  await palette.getByRole('combobox').fill('Record Sale');
  await t.tap(palette.getByRole('option', { name: 'Purchases: Record Sale', exact: true }).first());
  await t.page.locator('.wb-quick').waitFor({ state: 'hidden' });
  const d = saleDialog(t);
  await d.waitFor();
  await d.getByRole('combobox', { name: 'Find the customer' }).fill(query);
  const option = d.getByRole('option').filter({ hasText: name }).first();
  await waitFor(() => option.isVisible(), `"${query}" lists ${name}`, 15_000);
  await t.tap(option);
  await d.locator('.pu-picked').filter({ hasText: name }).waitFor();
  await d.getByLabel('Amount').fill(String(amount));
  await t.page.keyboard.press('Enter');
  await d.waitFor({ state: 'hidden' });
}

/** Scrolls the grid sideways until the header `column` is rendered (columns are virtualized). */
async function showColumn(t, column) {
  const header = t.grid().getByRole('columnheader', { name: column, exact: true });
  const width = await t.grid().evaluate((g) => g.scrollWidth);
  for (let x = 0; x <= width + 250; x += 250) {
    // Two frames after the scroll: the virtualizer renders the columns now in view.
    await t.grid().evaluate(
      (g, x) =>
        new Promise((done) => {
          g.scrollLeft = x;
          requestAnimationFrame(() => requestAnimationFrame(done));
        }),
      x,
    );
    if (await header.count()) return;
  }
  await header.first().waitFor({ timeout: 5000 });
}

/** The text of a computed column in data row `n` (1-based, in the order the customers were seeded). */
async function computedText(t, n, column) {
  await showColumn(t, column);
  const texts = await t.columnTexts(column);
  return texts[n - 1]?.[1] ?? null;
}

const [JOSE, ZW, MARTA] = [1, 2, 3];

/** Closes the confirmation toasts so screenshots show the page under them. */
async function dismissToasts(t) {
  for (const b of await t.page.locator('.pu-toast__close').all()) await b.click().catch(() => undefined);
}

export const tests = [
  {
    name: 'sales move tier and points in the grid; the customer lands in the right segment; Segments view',
    async run(t) {
      await t.open('/');
      await seedCustomers(t, [
        ['José Pérez', '612 345 678'],
        ['张伟', '138 0013 8000'],
        ['Marta Muñoz', '699 000 111'],
      ]);
      // The computed columns arrive with the first analysis, at the end of the grid.
      await waitFor(async () => (await showColumn(t, 'Current tier').then(() => true, () => false)), 'computed columns added', 15_000);

      await recordSale(t, 'jose', 'José Pérez', 250);
      await waitFor(async () => (await computedText(t, JOSE, 'Current tier')) === 'Silver', 'José is Silver (250 ≥ 200)');
      assert.equal(await computedText(t, JOSE, 'Points balance'), '250');
      assert.equal(await computedText(t, JOSE, 'Visits'), '1');

      await recordSale(t, 'jose', 'José Pérez', 400);
      await waitFor(async () => (await computedText(t, JOSE, 'Current tier')) === 'Gold', 'José is Gold (650 ≥ 600)');
      assert.equal(await computedText(t, JOSE, 'Points balance'), '650');
      assert.equal(await computedText(t, JOSE, 'Total spent'), '$650.00');

      await recordSale(t, 'zw', '张伟', 10);
      // Two buyers, both today, one visit each: R 3 and F 3 for both; M 4 for José, 2 for 张伟
      // → José FM 4: Loyal; 张伟 FM 3: Need attention. Marta has no purchase: Prospect, no segment.
      await waitFor(async () => (await computedText(t, JOSE, 'Segment')) === 'Loyal', 'José is Loyal', 15_000);
      assert.equal(await computedText(t, ZW, 'Segment'), 'Need attention');
      assert.equal(await computedText(t, MARTA, 'Lifecycle'), 'Prospect');
      assert.equal(await computedText(t, MARTA, 'Segment'), '');

      // The Segments view: counts on the tiles, value classes, Pareto, lifecycle.
      await t.runCommand('Segments: Open Segments');
      const view = t.page.locator('[data-editor-kind="segments"]');
      await view.waitFor();
      await waitFor(async () => (await view.locator('[data-segment="loyal"] .sg-tile-count').textContent()) === '1', 'Loyal tile shows 1');
      assert.equal(await view.locator('[data-segment="needAttention"] .sg-tile-count').textContent(), '1');
      assert.equal(await view.locator('[data-segment="champions"] .sg-tile-count').textContent(), '0');
      assert.match(await view.locator('[data-segment="loyal"]').textContent(), /98% of revenue/);
      assert.equal(await view.locator('[data-stage="prospect"] .sg-stage-count').textContent(), '1');
      await view.locator('.sg-pareto-line').waitFor();
      await dismissToasts(t);
      await t.screenshot('segments-view');

      // Tap a segment: a live grid of its customers.
      await t.tap(view.locator('[data-segment="loyal"]'));
      const seg = t.page.locator('[data-segment-grid="loyal"]');
      await seg.waitFor();
      await waitFor(async () => (await t.rowCount()) === 1, 'the Loyal grid has one customer');
      await seg.getByRole('gridcell', { name: 'José Pérez', exact: true }).waitFor();
      await t.screenshot('segment-grid');

      // The customer card explains the tier and the points.
      await t.runCommand('View: Show Customers');
      await showColumn(t, 'Name');
      await t.selectCell(2, 'Name');
      await t.runCommand('Customers: Open Customer Card');
      const insights = t.page.locator('[data-insights]');
      await insights.waitFor();
      await insights.locator('[data-fact="tier"]').filter({ hasText: 'Gold: Spent $650.00 in the last 365 days (≥ $600.00); $850.00 more for Platinum' }).waitFor();
      assert.equal(await insights.locator('[data-points-balance]').textContent(), '650');
      await t.tap(insights.getByRole('button', { name: 'Redeem points' }));
      await insights.getByLabel('Points to redeem').fill('100');
      await insights.getByLabel('For (a gift, a discount…)').fill('tea box');
      await t.tap(insights.getByRole('button', { name: 'Redeem', exact: true }));
      await waitFor(async () => (await insights.locator('[data-points-balance]').textContent()) === '550', 'balance 550 after redeeming 100');
      await insights.getByRole('cell', { name: 'Redeemed for tea box' }).waitFor();
      await dismissToasts(t);
      await t.screenshot('customer-card-membership');

      // Membership settings: the owner renames Gold and lowers Platinum; the grid follows.
      await t.runCommand('Segments: Membership Settings');
      const form = t.page.getByRole('form', { name: 'Membership settings' });
      await form.waitFor();
      await form.locator('[data-tier="gold"]').getByLabel('Name').fill('Oro VIP');
      await form.locator('[data-tier="platinum"]').getByLabel('From').fill('600');
      await dismissToasts(t);
      await t.screenshot('membership-settings');
      await t.tap(form.getByRole('button', { name: 'Save', exact: true }));
      await t.page.getByRole('status').filter({ hasText: 'Membership settings saved.' }).waitFor();
      await t.runCommand('View: Show Customers');
      await waitFor(async () => (await computedText(t, JOSE, 'Current tier')) === 'Platinum', 'José is Platinum (650 ≥ 600)', 15_000);
    },
  },
  {
    name: 'bulk tagging of a selection is one undo step',
    async run(t) {
      await t.open('/');
      await seedCustomers(t, [
        ['Ana', '600 000 001'],
        ['Bea', '600 000 002'],
        ['Carlos', '600 000 003'],
      ]);
      await t.selectCell(2, 'Name');
      await t.page.keyboard.press('Shift+ArrowDown');
      await t.runCommand('Customers: Tag Selected…', 'Tag Selected');
      const pick = t.page.locator('[role="dialog"][data-quick="tagSelected"]');
      await pick.waitFor();
      await pick.getByRole('combobox').fill('VIP');
      await t.tap(pick.getByRole('option', { name: 'Add tag “VIP” to the selection (2)' }));
      await t.page.getByRole('status').filter({ hasText: 'Tag “VIP” added. Customers changed: 2.' }).waitFor();
      const tags = async () => {
        await showColumn(t, 'Tags');
        return (await t.columnTexts('Tags')).map(([, x]) => x);
      };
      await waitFor(async () => JSON.stringify(await tags()) === JSON.stringify(['VIP', 'VIP', '']), 'two rows tagged');
      await t.grid().focus();
      await t.page.keyboard.press('Control+z');
      await waitFor(async () => JSON.stringify(await tags()) === JSON.stringify(['', '', '']), 'one undo removes both tags');
    },
  },
];
