// Backups as a shop owner uses them: save a backup file, restore it by merge (newer edits kept) and
// by replace (after a confirmation), encrypted with a passphrase, a foreign file refused; the browser
// wiping IndexedDB (the "your book is gone" screen, then everything back from the file); a full
// clear of site data; the daily local snapshot.

import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, waitFor } from './lib.mjs';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The File System Access picker cannot be driven headless: the download fallback is used. */
async function openWithoutPicker(t) {
  await t.context.addInitScript(() => {
    delete window.showSaveFilePicker;
  });
  await t.open('/');
}

async function addCustomer(t, name) {
  const before = await t.rowCount();
  await t.runCommand('Customers: New Customer');
  await waitFor(async () => (await t.rowCount()) === before + 1, `a new row (had ${before})`);
  await t.page.keyboard.type(name);
  await t.page.keyboard.press('Enter');
  await t.grid().getByRole('gridcell', { name, exact: true }).waitFor();
}

async function names(t) {
  await t.grid().waitFor();
  return (await t.columnTexts('Name')).map(([, text]) => text);
}

/** Runs File: Save Backup, optionally with a passphrase; returns the downloaded file's path. */
async function saveBackup(t, passphrase = '', shot = '') {
  await t.runCommand('File: Save Backup');
  const dialog = t.page.getByRole('dialog', { name: 'Save a backup' });
  await dialog.waitFor();
  if (passphrase) {
    await dialog.getByLabel('Passphrase (optional)').fill(passphrase);
    await dialog.getByLabel('Repeat the passphrase').fill(passphrase);
  }
  if (shot) await t.screenshot(shot);
  const download = t.page.waitForEvent('download');
  await t.tap(dialog.getByRole('button', { name: passphrase ? 'Save Encrypted Backup' : 'Save Backup', exact: true }));
  const file = await download;
  assert.match(file.suggestedFilename(), /^clientela-backup-\d{4}-\d{2}-\d{2}\.clientela$/);
  const path = join(tmpdir(), `trust-${Date.now()}-${Math.random().toString(36).slice(2)}.clientela`);
  await file.saveAs(path);
  await dialog.getByText(/^Backup saved:/).waitFor();
  await t.tap(dialog.getByRole('button', { name: 'Close' }));
  await dialog.waitFor({ state: 'hidden' });
  return path;
}

/** Starts a restore (from the palette, or by tapping `trigger`) and hands it the file. */
async function pickBackup(t, path, trigger) {
  const chooser = t.page.waitForEvent('filechooser');
  if (trigger) await t.tap(trigger);
  else await t.runCommand('File: Restore Backup');
  await (await chooser).setFiles(path);
  const dialog = t.page.getByRole('dialog', { name: 'Restore a backup' });
  await dialog.waitFor();
  return dialog;
}

async function clearSiteData(t, storageTypes) {
  const origin = new URL(t.baseURL).origin;
  await t.page.goto('about:blank');
  const cdp = await t.cdp();
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes });
  await cdp.detach();
  await t.page.goto(t.baseURL + '/', { waitUntil: 'domcontentloaded' });
  await t.waitReady();
}

export const tests = [
  {
    name: 'save, merge keeps newer edits, IndexedDB wiped: the gone screen, restore, everything back',
    async run(t) {
      await openWithoutPicker(t);
      const status = t.page.locator('.wb-statusbar').getByText('No backup');
      await status.waitFor();
      await addCustomer(t, 'Ana Backup');
      await addCustomer(t, 'Li Backup');
      await t.waitPersisted('Li Backup');
      const path = await saveBackup(t, '', 'backup-save-dialog');
      await t.page.locator('.wb-statusbar').getByText(/^Backup: /).waitFor();
      // The file is a zip with the header, the state and a readable .xlsx copy.
      const bytes = await readFile(path);
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
      assert.ok(bytes.includes(Buffer.from('clientela-backup.json')) && bytes.includes(Buffer.from('.xlsx')), 'header and readable copy inside');

      // An edit after the backup survives restoring the older backup by merge.
      await addCustomer(t, 'After Backup');
      await t.waitPersisted('After Backup');
      const dialog = await pickBackup(t, path);
      await dialog.getByText('Customers: 2').waitFor();
      await t.screenshot('backup-restore-choose');
      await t.tap(dialog.getByRole('button', { name: 'Merge into This Book' }));
      await dialog.getByText('Backup merged. This book already had everything in it.').waitFor();
      await t.tap(dialog.getByRole('button', { name: 'Close' }));
      assert.deepEqual(await names(t), ['Ana Backup', 'Li Backup', 'After Backup']);

      // The browser deletes IndexedDB (localStorage and the cache survive: the realistic partial wipe).
      await clearSiteData(t, 'indexeddb');
      const screen = t.page.getByTestId('wiped-screen');
      await screen.getByRole('heading', { name: 'Your customer book is not on this device any more' }).waitFor();
      await t.screenshot('trust-wiped-screen');
      const restore = await pickBackup(t, path, screen.getByRole('button', { name: 'Restore from a Backup File' }));
      await t.tap(restore.getByRole('button', { name: 'Merge into This Book' }));
      await restore.getByText(/^Backup merged\. Brought back: Customers: 2/).waitFor();
      await t.tap(restore.getByRole('button', { name: 'Close' }));
      await screen.waitFor({ state: 'hidden' });
      assert.deepEqual(await names(t), ['Ana Backup', 'Li Backup']);
      await t.waitPersisted('Li Backup');
      await t.reload();
      assert.deepEqual(await names(t), ['Ana Backup', 'Li Backup']);
      assert.equal(await t.page.getByTestId('wiped-screen').count(), 0, 'no gone screen once the book is back');
    },
  },
  {
    name: 'encrypted backup: wrong passphrase refused, replace after confirmation makes the book exactly the backup',
    async run(t) {
      await openWithoutPicker(t);
      await addCustomer(t, 'Kept Customer');
      await t.waitPersisted('Kept Customer');
      const path = await saveBackup(t, 'tienda 2024', 'backup-save-encrypted');
      await addCustomer(t, 'Dropped By Replace');
      await t.waitPersisted('Dropped By Replace');
      const bytes = await readFile(path);
      assert.ok(!bytes.includes(Buffer.from('Kept Customer')), 'no customer data readable in an encrypted backup');

      const dialog = await pickBackup(t, path);
      await dialog.getByText('This backup is encrypted. Type its passphrase to open it.').waitFor();
      await dialog.getByLabel('Passphrase', { exact: true }).fill('wrong one');
      await t.tap(dialog.getByRole('button', { name: 'Open' }));
      await dialog.getByText('Wrong passphrase.').waitFor({ timeout: 20_000 });
      await dialog.getByLabel('Passphrase', { exact: true }).fill('tienda 2024');
      await t.tap(dialog.getByRole('button', { name: 'Open' }));
      await t.tap(dialog.getByRole('button', { name: 'Replace This Book…' }));
      await dialog.getByText(/^Replace the whole book with the backup from/).waitFor();
      await t.screenshot('backup-confirm-replace');
      // Cancel goes back without touching anything.
      await t.tap(dialog.getByRole('button', { name: 'Cancel' }));
      await dialog.getByRole('button', { name: 'Replace This Book…' }).waitFor();
      assert.deepEqual(await names(t), ['Kept Customer', 'Dropped By Replace']);
      await t.tap(dialog.getByRole('button', { name: 'Replace This Book…' }));
      const reloaded = t.page.waitForEvent('load');
      await t.tap(dialog.getByRole('button', { name: 'Replace the Book' }));
      await reloaded;
      await t.waitReady();
      await waitFor(async () => JSON.stringify(await names(t)) === JSON.stringify(['Kept Customer']), 'the book is exactly the backup');
      await t.reload();
      assert.deepEqual(await names(t), ['Kept Customer']);

      // The book as it was before the replace is in Local Snapshots.
      await t.runCommand('File: Local Snapshots…');
      const view = t.page.getByTestId('snapshots-view');
      await view.getByRole('listitem').first().waitFor();
      await view.getByText(/Customers: 2/).first().waitFor();
      await t.screenshot('backup-snapshots');
    },
  },
  {
    name: 'a foreign file is refused with a clear message and the book is unchanged',
    sizes: ['desktop'],
    async run(t) {
      await openWithoutPicker(t);
      await addCustomer(t, 'Untouched');
      const dialog = await pickBackup(t, join(FIXTURES, 'clientes.xlsx'));
      await dialog.getByText('This is a spreadsheet, not a backup. To bring its rows in, use File: Import.').waitFor();
      await dialog.getByText('Your book was not changed.').waitFor();
      await t.screenshot('backup-foreign-file');
      await t.tap(dialog.getByRole('button', { name: 'Close' }));
      const again = await pickBackup(t, join(FIXTURES, 'cashier-gbk.csv'));
      await again.getByText('This file is not a Clientela backup.').waitFor();
      await t.page.keyboard.press('Escape');
      await again.waitFor({ state: 'hidden' });
      assert.deepEqual(await names(t), ['Untouched']);
    },
  },
  {
    name: 'a full clear of site data starts like a new install (no gone screen, no errors)',
    sizes: ['desktop'],
    async run(t) {
      await openWithoutPicker(t);
      await addCustomer(t, 'Gone Entirely');
      await t.waitPersisted('Gone Entirely');
      await t.page.waitForTimeout(2000); // the marker is written shortly after the edit
      await clearSiteData(t, 'all');
      await t.page.locator('.wb-statusbar').getByText('No backup').waitFor();
      assert.equal(await t.page.getByTestId('wiped-screen').count(), 0);
    },
  },
  {
    name: 'the reminder shows after 14 days without a backup, and Save Backup from it clears it',
    sizes: ['desktop'],
    async run(t) {
      await openWithoutPicker(t);
      await addCustomer(t, 'Needs A Backup');
      await t.waitPersisted('Needs A Backup');
      // Pretend this device has had the book for 20 days (the device store is Dexie's 'clientela-device').
      await t.page.evaluate(async () => {
        const db = await new Promise((res, rej) => {
          const r = indexedDB.open('clientela-device');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        await new Promise((res, rej) => {
          const tx = db.transaction('kv', 'readwrite');
          tx.objectStore('kv').put({ key: 'backup.since', value: Date.now() - 20 * 86_400_000 });
          tx.oncomplete = res;
          tx.onerror = () => rej(tx.error);
        });
        db.close();
      });
      await t.reload();
      const toast = t.page.getByTestId('backup-reminder');
      await toast.getByText('You have not saved a backup of your customer book yet.').waitFor({ timeout: 20_000 });
      await t.screenshot('backup-reminder');
      await t.tap(toast.getByRole('button', { name: 'Save Backup' }));
      const dialog = t.page.getByRole('dialog', { name: 'Save a backup' });
      const download = t.page.waitForEvent('download');
      await t.tap(dialog.getByRole('button', { name: 'Save Backup', exact: true }));
      await download;
      await t.tap(dialog.getByRole('button', { name: 'Close' }));
      await t.reload();
      await t.page.waitForTimeout(6000); // the reminder check runs in idle time after the start
      assert.equal(await toast.count(), 0, 'no reminder right after a backup');
    },
  },
];
