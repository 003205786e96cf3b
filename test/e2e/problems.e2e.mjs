// The Problems panel: a phone typed twice in different forms shows as a likely duplicate (and the
// status bar counts it); "Keep this one" merges the other row into it (empty cells filled, one
// undo step, the other row in the Trash); an invalid email is listed with an Open quick fix.
// Screenshots at both sizes.

import { assert, waitFor } from './lib.mjs';
import { seedCustomers } from './sales.e2e.mjs';

const statusCount = (t) => t.page.locator('[data-status="problems.count"]');

export const tests = [
  {
    name: 'a duplicate phone shows in Problems; merging fixes it in one undo step',
    async run(t) {
      await t.open('/');
      await seedCustomers(t, [
        ['Ana López', '612 345 678', 'ana@example.com'],
        ['Luis Martín', '+34 612345678'],
        ['Carmen Ruiz', '600 111 222', 'carmen@@example'],
      ]);
      // Same phone (Ana / Luis) and an invalid email (Carmen): two problems.
      await waitFor(async () => (await statusCount(t).textContent())?.trim() === '2', 'status bar counts 2 problems', 15_000);
      await t.tap(statusCount(t));
      const panel = t.page.locator('[data-editor-kind="problems"]');
      await panel.waitFor();
      const dup = panel.locator('[data-kind="duplicatePhone"]');
      await dup.waitFor();
      assert.match(await dup.textContent(), /Same phone/);
      assert.match(await dup.textContent(), /Ana López/);
      assert.match(await dup.textContent(), /Luis Martín/);
      await panel.locator('[data-kind="invalidEmail"]').filter({ hasText: 'carmen@@example' }).waitFor();
      await t.screenshot('problems-panel');

      // Keep Luis: his empty email is filled from Ana's row, Ana's row goes to the Trash.
      await t.tap(dup.locator('.pr-row').filter({ hasText: 'Luis Martín' }).getByRole('button', { name: 'Keep this one' }));
      await waitFor(async () => (await statusCount(t).textContent())?.trim() === '1', 'one problem left', 15_000);
      await dup.waitFor({ state: 'detached' });
      await t.runCommand('View: Show Customers');
      await waitFor(async () => (await t.rowCount()) === 2, 'two customers left');
      const emails = (await t.columnTexts('Email')).map(([, x]) => x);
      assert.deepEqual(emails, ['ana@example.com', 'carmen@@example']);

      // One undo step brings both rows back as they were.
      await t.grid().focus();
      await t.page.keyboard.press('Control+z');
      await waitFor(async () => (await t.rowCount()) === 3, 'undo restores the merged row');
      await waitFor(async () => (await statusCount(t).textContent())?.trim() === '2', 'the duplicate is back', 15_000);

      // Open: the invalid email's row is selected in the grid at its Email cell.
      await t.runCommand('Problems: Show Problems');
      await t.tap(panel.locator('[data-kind="invalidEmail"]').getByRole('button', { name: 'Open' }));
      await waitFor(async () => (await t.page.locator('[role="gridcell"][aria-selected="true"]').first().textContent())?.includes('carmen@@example'), 'the email cell is selected');
    },
  },
];
