// Saved views: "Madrid customers" (address contains Madrid) built with the rule builder lists the
// right rows, stays live, survives a reload, and copies its phone list.

import { assert, waitFor } from './lib.mjs';
import { seedCustomers } from './sales.e2e.mjs';

export const tests = [
  {
    name: 'Madrid customers: build, list, live, reload, copy phone list',
    async run(t) {
      await t.open('/');
      await seedCustomers(t, [
        ['Ana Torres', '611 111 111', 'ana@example.com', 'Calle Mayor 1, Madrid'],
        ['Luis Gil', '622 222 222', '', 'Sevilla'],
        ['José Pérez', '633 333 333', '', 'Gran Vía 2, MADRID'],
        ['Sin Teléfono', '', '', 'Madrid centro'],
      ]);

      await t.runCommand('Saved Views: New Saved View…', 'New Saved View');
      const page = t.page.locator('.sv-builder');
      await page.waitFor();
      await page.getByLabel('Name').fill('Madrid customers');
      // The first condition starts on Address / contains.
      assert.equal(await page.getByLabel('Column').first().inputValue(), 'address');
      await page.getByLabel('Value').first().fill('madrid');
      await page.getByText('3 rows match now').waitFor();
      await t.screenshot('rule-builder');
      await t.tap(page.getByRole('button', { name: 'Save view' }));

      const view = t.page.locator('.sv-editor');
      await view.waitFor();
      const names = async () => (await t.columnTexts('Name')).map(([, x]) => x).sort();
      await waitFor(async () => (await t.rowCount()) === 3, '3 matching rows');
      assert.deepEqual(await names(), ['Ana Torres', 'José Pérez', 'Sin Teléfono']);
      await view.getByText('3 matching').waitFor();
      await t.screenshot('saved-view');

      // The side bar lists it (the drawer is closed on the upright tablet).
      if (!(await t.page.locator('#wb-sidebar').isVisible())) await t.runCommand('View: Toggle Side Bar', 'Toggle Side Bar');
      await t.page.locator('#wb-sidebar').getByRole('button', { name: 'Madrid customers' }).waitFor();
      if (t.size === 'tablet') await t.runCommand('View: Toggle Side Bar', 'Toggle Side Bar');

      // Copy phone list: the phones of the matching rows, one per line.
      await t.tap(view.getByRole('button', { name: 'Copy phones' }));
      await t.page.getByRole('status').filter({ hasText: 'Copied a list of 2 phone numbers.' }).waitFor();
      const clip = await t.page.evaluate(() => navigator.clipboard.readText());
      assert.deepEqual(clip.split('\n').sort(), ['611 111 111', '633 333 333']);

      // Live: a customer who moves to Madrid appears.
      await t.runCommand('View: Show Customers');
      const luis = t.grid().getByRole('gridcell', { name: 'Sevilla', exact: true });
      const row = Number(await luis.locator('xpath=ancestor::*[@role="row"][1]').getAttribute('aria-rowindex'));
      await t.selectCell(row, 'Address');
      await t.page.keyboard.type('Madrid (Retiro)');
      await t.page.keyboard.press('Enter');
      await t.grid().getByRole('gridcell', { name: 'Madrid (Retiro)', exact: true }).waitFor();
      await t.waitPersisted('Madrid (Retiro)');

      // Survives a reload: the view is in the book, and its tab is restored.
      await t.reload();
      const tab = t.page.getByRole('tab', { name: 'Madrid customers' });
      await t.tap(tab);
      await t.page.locator('.sv-editor').waitFor();
      await waitFor(async () => (await t.rowCount()) === 4, '4 matching rows after the move and a reload');
      assert.deepEqual(await names(), ['Ana Torres', 'José Pérez', 'Luis Gil', 'Sin Teléfono']);

      // Rename through the quick input, then delete with Undo.
      const palette = await t.openPalette();
      await palette.getByRole('combobox').fill('Rename View');
      await t.tap(palette.getByRole('option', { name: 'Saved Views: Rename View…', exact: true }));
      const ask = t.page.locator('[data-quick="savedViews.rename"]');
      await ask.waitFor();
      await ask.getByRole('combobox').fill('Clientes de Madrid');
      await t.page.keyboard.press('Enter');
      await t.page.getByRole('tab', { name: 'Clientes de Madrid' }).waitFor();
      await t.runCommand('Saved Views: Delete View', 'Delete View');
      const toast = t.page.getByRole('status').filter({ hasText: 'Deleted the view “Clientes de Madrid”.' });
      await toast.waitFor();
      await waitFor(async () => (await t.page.getByRole('tab', { name: 'Clientes de Madrid' }).count()) === 0, 'the tab closed');
      await t.tap(toast.getByRole('button', { name: 'Undo' }));
      if (!(await t.page.locator('#wb-sidebar').isVisible())) await t.runCommand('View: Toggle Side Bar', 'Toggle Side Bar');
      await t.page.locator('#wb-sidebar').getByRole('button', { name: 'Clientes de Madrid' }).waitFor();
    },
  },
];
