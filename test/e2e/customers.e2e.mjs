// Working with the customers grid like a shop owner: add from the palette and find it after a
// reload, paste a block from Excel, undo/redo, sort, delete and restore from the Trash.

import { assert, waitFor } from './lib.mjs';

/** Adds a customer from the palette and types the name into the selected Name cell. */
async function addCustomer(t, name) {
  const before = await t.rowCount();
  await t.runCommand('Customers: New Customer');
  await waitFor(async () => (await t.rowCount()) === before + 1, `a new row (had ${before})`);
  const nameCol = await t.columnIndex('Name');
  const selected = t.grid().locator(`[role="gridcell"][aria-colindex="${nameCol}"][aria-selected="true"]`);
  await selected.waitFor();
  if (name) {
    await t.page.keyboard.type(name);
    await t.page.keyboard.press('Enter');
    await t.grid().getByRole('gridcell', { name, exact: true }).waitFor();
  }
  return selected;
}

/** Names in the grid, top to bottom. */
async function names(t) {
  return (await t.columnTexts('Name')).map(([, text]) => text);
}

/** Pastes `text` as if from Excel: a paste event with text/plain on the focused element. */
async function paste(t, text) {
  await t.page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

export const tests = [
  {
    name: 'durable: five edits, each followed by an immediate reload, are all kept',
    async run(t) {
      await t.open('/');
      for (let i = 1; i <= 5; i++) {
        await addCustomer(t, `Reload ${i}`);
        await t.reload();
        for (let j = 1; j <= i; j++) await t.grid().getByRole('gridcell', { name: `Reload ${j}`, exact: true }).waitFor({ timeout: 5000 });
      }
    },
  },
  {
    name: 'tabs: a reload right after switching tabs brings back the tab last shown',
    async run(t) {
      await t.open('/');
      const selectedTab = () => t.page.locator('[role="tab"][aria-selected="true"]').first().textContent();
      for (const sheet of ['Purchases', 'Contacts']) {
        await t.runCommand(`View: Show ${sheet}`, `Show ${sheet}`);
        await waitFor(async () => (await selectedTab())?.includes(sheet), `${sheet} shown`);
        // At once: the tabs are saved 150 ms after a switch, and when the page goes away.
        await t.reload();
        await waitFor(async () => (await selectedTab())?.includes(sheet), `${sheet} back after the reload`);
      }
    },
  },
  {
    name: 'palette: New Customer, type a name, reload, still there',
    async run(t) {
      await t.open('/');
      const before = await t.rowCount();
      const selected = await addCustomer(t);
      // The new row is the last one and its Name cell is selected, ready to type.
      const rowIndex = Number(await selected.locator('xpath=ancestor::*[@role="row"][1]').getAttribute('aria-rowindex'));
      assert.equal(await t.rowCount(), before + 1);
      assert.deepEqual((await t.dataRowIndices()).at(-1), rowIndex, 'the new row is the last row');
      await t.page.keyboard.type('José Pérez');
      await t.page.keyboard.press('Enter');
      await t.grid().getByRole('gridcell', { name: 'José Pérez', exact: true }).waitFor();
      // Reload at once: storage commits each write immediately, so nothing typed is lost.
      await t.reload();
      await t.grid().getByRole('gridcell', { name: 'José Pérez', exact: true }).waitFor();
      assert.equal(await t.rowCount(), before + 1, 'same number of rows after reload');
    },
  },
  {
    name: 'paste: a 3×3 block from Excel, then undo and redo',
    async run(t) {
      await t.open('/');
      for (let i = 0; i < 3; i++) await addCustomer(t, `Row ${i + 1}`);
      const rows = await t.dataRowIndices();
      const first = rows.at(-3);
      await t.selectCell(first, 'Name');
      const block = [
        ['Ana Torres', '0612345678', 'ana@example.com'],
        ['王芳', '13800138000', 'wangfang@qq.com'],
        ["Liam O'Brien", '07700900123', 'liam@example.co.uk'],
      ];
      await paste(t, block.map((r) => r.join('\t')).join('\r\n') + '\r\n');
      const cols = [await t.columnIndex('Name'), await t.columnIndex('Phone'), await t.columnIndex('Email')];
      const texts = () =>
        Promise.all(block.map((r, i) => Promise.all(cols.map(async (c) => ((await t.cell(first + i, c).textContent()) ?? '').trim()))));
      const pasted = (got) => got.every((r, i) => r.every((v, j) => v.replace(/\s/g, '') === block[i][j].replace(/\s/g, '')));
      await waitFor(async () => pasted(await texts()), '9 pasted cells', 10_000).catch(async (e) => {
        throw new Error(`${e.message}: ${JSON.stringify(await texts())}`);
      });

      await t.page.keyboard.press('Control+Z');
      await waitFor(async () => {
        const got = await texts();
        return got.every((r, i) => r[0] === `Row ${i + 1}` && r[1] === '' && r[2] === '');
      }, 'the paste undone in one step');

      await t.page.keyboard.press('Control+Y');
      await waitFor(async () => pasted(await texts()), 'the paste redone');
    },
  },
  {
    name: 'sort: Name ascending puts rows in alphabetical order',
    async run(t) {
      await t.open('/');
      for (const name of ['Zoe Zamora', 'Ana Álvarez', 'Marta Muñoz']) await addCustomer(t, name);
      const rows = await t.dataRowIndices();
      await t.selectCell(rows[0], 'Name');
      await t.runCommand('Sheet: Sort A → Z');
      await waitFor(async () => {
        const got = await names(t);
        return JSON.stringify(got) === JSON.stringify(['Ana Álvarez', 'Marta Muñoz', 'Zoe Zamora']);
      }, 'names sorted A→Z').catch(async (e) => {
        throw new Error(`${e.message}: ${JSON.stringify(await names(t))}`);
      });
    },
  },
  {
    name: 'trash: delete a row, restore it from the Trash',
    async run(t) {
      await t.open('/');
      await addCustomer(t, 'Keep Kim');
      await addCustomer(t, 'Gone Gus');
      const cell = t.grid().getByRole('gridcell', { name: 'Gone Gus', exact: true });
      const row = Number(await cell.locator('xpath=ancestor::*[@role="row"][1]').getAttribute('aria-rowindex'));
      await t.selectCell(row, 'Name');
      await t.runCommand('Sheet: Delete Rows');
      await waitFor(async () => (await cell.count()) === 0, '"Gone Gus" gone from the grid');
      assert.equal(await t.grid().getByRole('gridcell', { name: 'Keep Kim', exact: true }).count(), 1);

      await t.runCommand('View: Show Trash');
      const trashed = t.page.getByText('Gone Gus', { exact: true }).first();
      await trashed.waitFor();
      const restore = t.page.getByRole('button', { name: /^Restore/ }).first();
      await t.tap(restore);
      await waitFor(async () => (await t.page.getByRole('gridcell', { name: 'Gone Gus', exact: true }).count()) === 1, '"Gone Gus" back in the grid', 10_000);
    },
  },
];
