// Recording sales at the counter: from the palette for an existing customer (found by "jose" and by
// the pinyin initials "zw"), with bad amounts first, and for a new customer typed in; the purchases
// appear in the Purchases sheet and survive a reload.

import { assert, waitFor } from './lib.mjs';

/** Pastes TSV into the focused element, like Ctrl+V from Excel. */
async function paste(t, text) {
  await t.page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Customers typed into the grid: one new row from the palette, then a pasted block from its Name cell. */
export async function seedCustomers(t, rows) {
  await t.runCommand('Customers: New Customer');
  const nameCol = await t.columnIndex('Name');
  await t.grid().locator(`[role="gridcell"][aria-colindex="${nameCol}"][aria-selected="true"]`).waitFor();
  await paste(t, rows.map((r) => r.join('\t')).join('\r\n') + '\r\n');
  await waitFor(async () => (await t.rowCount()) === rows.length, `${rows.length} customers`);
  await t.grid().getByRole('gridcell', { name: rows.at(-1)[0], exact: true }).waitFor();
}

const dialog = (t) => t.page.getByRole('dialog', { name: 'Record sale' });

async function openRecordSale(t) {
  // Like t.runCommand, but waits for the palette itself to close: the Record Sale dialog has a
  // combobox too, which lib's palette locator would also match.
  const palette = await t.openPalette();
  await palette.getByRole('combobox').fill('Record Sale');
  await t.tap(palette.getByRole('option', { name: 'Purchases: Record Sale', exact: true }).first());
  await t.page.locator('.wb-quick').waitFor({ state: 'hidden' });
  await dialog(t).waitFor();
  return dialog(t);
}

async function pickCustomer(t, query, name) {
  const d = dialog(t);
  await d.getByRole('combobox', { name: 'Find the customer' }).fill(query);
  const option = d.getByRole('option').filter({ hasText: name }).first();
  await waitFor(() => option.isVisible(), `"${query}" lists ${name}`, 15_000);
  await t.tap(option);
  await d.locator('.pu-picked').filter({ hasText: name }).waitFor();
}

export const tests = [
  {
    name: 'record sales from the palette: existing (accents, pinyin), bad amounts, a new customer; reload',
    async run(t) {
      await t.open('/');
      await seedCustomers(t, [
        ['José Pérez', '612 345 678'],
        ['张伟', '138 0013 8000'],
      ]);

      // 1. Existing customer found without the accent; the amount in the form's money input.
      let d = await openRecordSale(t);
      await pickCustomer(t, 'jose', 'José Pérez');
      await d.getByLabel('Amount').fill('12.50');
      await d.getByLabel('Items').fill('Pan, Café');
      await d.getByText('$12.50').waitFor();
      await t.screenshot('record-sale-existing');
      await t.page.keyboard.press('Enter');
      await dialog(t).waitFor({ state: 'hidden' });
      await t.page.getByRole('status').filter({ hasText: 'Sale of $12.50 recorded for José Pérez.' }).waitFor();

      // 2. Pinyin initials find 张伟; bad amounts are explained and what was typed stays.
      d = await openRecordSale(t);
      await pickCustomer(t, 'zw', '张伟');
      const amount = d.getByLabel('Amount');
      await amount.fill('abc');
      await t.tap(d.getByRole('button', { name: 'Save sale' }));
      await d.getByRole('alert').filter({ hasText: 'The amount is not a number' }).waitFor();
      assert.equal(await amount.inputValue(), 'abc', 'the typed amount is kept');
      assert.equal(await amount.getAttribute('aria-invalid'), 'true');
      await amount.fill('-3');
      await t.page.keyboard.press('Enter');
      await d.getByRole('alert').filter({ hasText: 'cannot be negative' }).waitFor();
      await amount.fill('');
      await t.page.keyboard.press('Enter');
      await d.getByRole('alert').filter({ hasText: 'Type the amount' }).waitFor();
      await t.screenshot('record-sale-error');
      await amount.fill('8');
      // The past purchase's items are offered as chips, most sold first.
      await t.tap(d.getByRole('button', { name: 'Pan', exact: true }));
      assert.equal(await d.getByLabel('Items').inputValue(), 'Pan');
      await t.page.keyboard.press('Enter');
      await dialog(t).waitFor({ state: 'hidden' });

      // 3. A new customer typed in at the counter: created with the sale, given the next code.
      d = await openRecordSale(t);
      await d.getByRole('combobox', { name: 'Find the customer' }).fill('Lucía Gómez');
      await t.tap(d.getByRole('button', { name: 'New customer' }));
      assert.equal(await d.getByLabel('Name').inputValue(), 'Lucía Gómez', 'the search text became the name');
      await d.getByLabel('Phone').fill('600 111 222');
      await d.getByLabel('Amount').fill('30');
      await t.screenshot('record-sale-new');
      await t.tap(d.getByRole('button', { name: 'Save sale' }));
      await dialog(t).waitFor({ state: 'hidden' });
      await t.page.getByRole('status').filter({ hasText: 'New customer Lucía Gómez (C0003)' }).waitFor();
      await t.grid().getByRole('gridcell', { name: 'Lucía Gómez', exact: true }).waitFor();

      // The Purchases sheet lists the three sales, linked by code; they survive a reload.
      const check = async () => {
        await t.runCommand('View: Show Purchases');
        await waitFor(async () => (await t.rowCount()) === 3, '3 purchases');
        const codes = (await t.columnTexts('Customer')).map(([, x]) => x).sort();
        assert.deepEqual(codes, ['C0001', 'C0002', 'C0003']);
        const amounts = (await t.columnTexts('Amount')).map(([, x]) => x).sort();
        assert.deepEqual(amounts, ['$12.50', '$30.00', '$8.00']);
      };
      await check();
      await t.waitPersisted('Lucía Gómez');
      await t.reload();
      await check();
    },
  },
  {
    name: 'record sale from a customer card, then undo from the toast',
    async run(t) {
      await t.open('/');
      await seedCustomers(t, [['Marta Muñoz', '699 000 111']]);
      await t.runCommand('Customers: Open Customer Card');
      await t.tap(t.page.getByRole('button', { name: 'Record sale' }));
      const d = dialog(t);
      await d.locator('.pu-picked').filter({ hasText: 'Marta Muñoz' }).waitFor();
      await d.getByLabel('Amount').fill('5');
      await t.page.keyboard.press('Enter');
      const toast = t.page.getByRole('status').filter({ hasText: 'recorded for Marta Muñoz' });
      await toast.waitFor();
      await t.page.getByRole('heading', { name: 'Purchases 1' }).waitFor();
      await t.tap(toast.getByRole('button', { name: 'Undo' }));
      await t.page.getByRole('heading', { name: 'Purchases 0' }).waitFor();
    },
  },
];
