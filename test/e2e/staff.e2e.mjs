// Staff mode and the app lock as the owner and the staff use them: set a PIN, hand the tablet over
// (phones and addresses masked, owner commands gone from the palette), serve one customer, get the
// PIN wrong until the wait starts, come back with the right PIN; and the idle lock.

import { assert, waitFor } from './lib.mjs';

const PIN = '2580';

async function paste(t, text) {
  await t.page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    // On touch a tap selects without focusing the grid (no on-screen keyboard): focus it as a paste would need.
    const grid = document.querySelector('[role="grid"]');
    grid?.focus();
    (grid ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function seed(t) {
  await t.open('/');
  await t.selectCell(2, 'Code');
  await paste(t, 'C1\tAna López\t+34 612 345 678\tana@example.es\tCalle Mayor 5\nC2\tLi Wei\t+86 138 0013 8000\tli@example.cn\tRenmin Road 9');
  await t.grid().getByRole('gridcell', { name: 'Li Wei', exact: true }).waitFor();
}

async function setPin(t) {
  await t.runCommand('Staff Mode: PIN and App Lock Settings', 'PIN and App Lock');
  await t.tap(t.page.getByRole('button', { name: 'Set a PIN' }));
  const dialog = t.page.getByTestId('set-pin');
  await dialog.getByLabel('New PIN (4–8 digits)').fill(PIN);
  await dialog.getByLabel('New PIN again').fill(PIN);
  await t.tap(dialog.getByRole('button', { name: 'Save PIN' }));
  await dialog.waitFor({ state: 'hidden' });
  await t.page.getByText('A PIN is set on this device.').waitFor();
}

/** Enters a PIN on the keypad (touch) or by typing (keyboard) and presses OK / Enter. */
async function enterPin(t, scope, pin) {
  if (t.touch) {
    for (const d of pin) await scope.getByRole('button', { name: d, exact: true }).tap();
    await scope.getByRole('button', { name: 'OK', exact: true }).tap();
  } else {
    await scope.getByLabel(/^(Current )?PIN$/).fill(pin);
    await t.page.keyboard.press('Enter');
  }
}

async function paletteLabels(t, query) {
  const dialog = await t.openPalette();
  await dialog.getByRole('combobox').fill(query);
  await t.page.waitForTimeout(150);
  const labels = await dialog.getByRole('option').allTextContents();
  await t.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  return labels;
}

const phones = async (t) => (await t.columnTexts('Phone')).map(([, x]) => x);

export const tests = [
  {
    name: 'staff mode: masked phones, owner commands gone, serve one customer, PIN rate-limited, back to owner',
    async run(t) {
      await seed(t);
      assert.ok((await paletteLabels(t, 'Export')).some((l) => l.startsWith('File: Export Sheet as Excel')), 'export listed for the owner');
      await setPin(t);
      await t.tap(t.page.getByRole('button', { name: 'Turn On Staff Mode' }));
      await t.page.locator('[data-status="trust.mode"]', { hasText: 'Staff mode' }).waitFor();
      assert.equal(await t.page.locator('[data-editor-kind="trust-settings"]').count(), 0, 'the settings tab closed');

      // The grid shows the last 4 digits only; the address is hidden whole.
      await waitFor(async () => (await phones(t)).join('|') === '•••• 5678|•••• 8000', 'masked phones');
      assert.deepEqual((await t.columnTexts('Address')).map(([, x]) => x), ['••••', '••••']);
      // A masked cell is read-only: F2 opens no editor.
      await t.selectCell(2, 'Phone');
      await t.page.keyboard.press('F2');
      await t.page.waitForTimeout(200);
      assert.equal(await t.grid().locator('input, textarea').count(), 0, 'no editor on a masked cell');
      await t.screenshot('staff-grid-masked');

      // Owner commands are not in the palette.
      for (const q of ['Export Sheet', 'Delete Rows', 'Open Settings', 'Save Backup', 'Pair']) assert.deepEqual(await paletteLabels(t, q), [], `"${q}" hidden in staff mode`);
      assert.ok((await paletteLabels(t, 'Owner Mode')).includes('Staff Mode: Back to Owner Mode…'));
      assert.equal(await t.page.locator('[data-command="settings.open"]').isVisible(), false, 'settings button hidden');

      // "Serve This Customer" unmasks Ana only, in the card and in the grid, until her card closes.
      await t.selectCell(2, 'Name');
      await t.runCommand('Customers: Open Customer Card', 'Open Customer Card');
      const card = t.page.locator('[data-editor-kind="customer"]');
      await card.waitFor();
      assert.equal(await card.getByLabel('Phone').inputValue(), '•••• 5678');
      await t.tap(card.getByTestId('serve-customer'));
      await waitFor(async () => (await card.getByLabel('Phone').inputValue()) === '+34 612 345 678', 'Ana’s phone shown');
      assert.equal(await card.getByLabel('Address').inputValue(), 'Calle Mayor 5');
      await t.screenshot('staff-card-served');
      await t.tap(t.page.getByRole('tab', { name: /Customers/ }).first());
      await waitFor(async () => (await phones(t)).join('|') === '+34 612 345 678|•••• 8000', 'only the served row unmasked');

      // Wrong PIN: refused; the 5th wrong one starts a 30 s wait that is shown.
      await t.tap(t.page.locator('[data-status="trust.mode"]'));
      const unlock = t.page.getByTestId('owner-unlock');
      await unlock.waitFor();
      for (let i = 0; i < 5; i++) {
        await waitFor(async () => !(await unlock.getByLabel('PIN', { exact: true }).isDisabled()), 'PIN field enabled');
        await enterPin(t, unlock, '1111');
        // Counted on the device (so a reload does not reset it).
        await waitFor(async () => (await t.page.evaluate(() => JSON.parse(localStorage.getItem('clientela.pinLimiter') ?? '{}').failures)) === i + 1, `wrong try ${i + 1} counted`);
        await unlock.getByTestId('pin-status').filter({ hasText: /Wrong PIN|Try again/ }).waitFor();
      }
      await unlock.getByTestId('pin-status').filter({ hasText: /Try again in (30|29|28) s/ }).waitFor();
      assert.ok(await unlock.getByLabel('PIN', { exact: true }).isDisabled(), 'no tries during the wait');
      await t.screenshot('staff-pin-wait');

      // A reload keeps staff mode and the wait (both are on the device), and nothing unmasked flashes.
      await t.reload();
      await waitFor(async () => (await phones(t)).every((p) => p.startsWith('••••')), 'still masked after a reload');
      const saved = await t.page.evaluate(() => JSON.parse(localStorage.getItem('clientela.pinLimiter')));
      assert.equal(saved.failures, 5);
      // Let the wait pass without sleeping 30 s: move its end into the past, then reload.
      await t.page.evaluate(() => localStorage.setItem('clientela.pinLimiter', JSON.stringify({ failures: 5, lockedUntil: 0 })));
      await t.reload();

      await t.runCommand('Staff Mode: Back to Owner Mode…', 'Owner Mode');
      await unlock.waitFor();
      await enterPin(t, unlock, PIN);
      await unlock.waitFor({ state: 'hidden' });
      await t.page.getByTestId('owner-back').waitFor();
      await waitFor(async () => (await phones(t)).join('|') === '+34 612 345 678|+86 138 0013 8000', 'phones visible to the owner');
      assert.ok((await paletteLabels(t, 'Export')).length > 0, 'export back in the palette');
    },
  },
  {
    name: 'app lock: locks after the idle time, the PIN opens it',
    async run(t) {
      await seed(t);
      await setPin(t);
      // A short idle time for the test (the settings offer minutes).
      await t.page.evaluate(() => localStorage.setItem('clientela.lockIdleMsForTests', '1500'));
      await t.page.locator('#tr-lock-minutes').selectOption('1');
      const lock = t.page.getByTestId('lock-screen');
      await lock.waitFor({ timeout: 8000 });
      assert.equal(await t.page.locator('#root').evaluate((el) => el.inert), true, 'the app under the lock is inert');
      await t.screenshot('app-lock');
      await enterPin(t, lock, '0000');
      await lock.getByTestId('pin-status').filter({ hasText: 'Wrong PIN' }).waitFor();
      await t.page.evaluate(() => localStorage.removeItem('clientela.lockIdleMsForTests'));
      await enterPin(t, lock, PIN);
      await lock.waitFor({ state: 'hidden' });
      assert.equal(await t.page.locator('#root').evaluate((el) => el.inert), false);
      await t.page.getByText('A PIN is set on this device.').waitFor();
      assert.equal(await t.page.locator('#tr-lock-minutes').inputValue(), '1', 'the setting is kept');

      // Removing the PIN needs the PIN; then staff mode and the lock are off.
      await t.tap(t.page.getByRole('button', { name: 'Remove the PIN' }));
      const remove = t.page.getByTestId('remove-pin');
      await remove.waitFor();
      await enterPin(t, remove, '0000');
      await remove.getByTestId('pin-status').filter({ hasText: 'Wrong PIN' }).waitFor();
      assert.equal(await t.page.getByText('A PIN is set on this device.').count(), 1, 'a wrong PIN removes nothing');
      await t.screenshot('remove-pin');
      await enterPin(t, remove, PIN);
      await remove.waitFor({ state: 'hidden' });
      await t.page.getByText('No PIN is set on this device yet.').waitFor();
      assert.ok(await t.page.getByRole('button', { name: 'Turn On Staff Mode' }).isDisabled(), 'staff mode needs a PIN');
      assert.equal(await t.page.locator('#tr-lock-minutes').inputValue(), '0', 'the idle lock is off');
      await t.reload();
      await t.runCommand('Staff Mode: PIN and App Lock Settings', 'PIN and App Lock');
      await t.page.getByText('No PIN is set on this device yet.').waitFor();
    },
  },
];
