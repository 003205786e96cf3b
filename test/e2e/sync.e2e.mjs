// Two devices, one book: two separate Chromium processes (own profiles) pair through the app's own
// signaling endpoint on loopback, or with no server at all (offer and answer pasted by hand), and
// keep the book in sync through edits, pauses, a closed and reopened app, and a 10,000-row book.

import { assert, waitFor } from './lib.mjs';

const SYNCED = /Synced with 1 device/;

async function openSync(t) {
  await t.runCommand('Sync: Open Sync');
  await t.page.getByRole('heading', { name: 'Sync between your devices' }).waitFor();
}

async function nameDevice(t, name) {
  await openSync(t);
  const input = t.page.getByLabel('Device name');
  await input.fill(name);
  await t.tap(t.page.getByRole('button', { name: 'Save name' }));
}

async function showCustomers(t) {
  await t.tap(t.page.getByRole('tab', { name: /Customers/ }).first());
  await t.grid().waitFor();
}

/** Adds a customer from the palette and types the name into the selected Name cell. */
async function addCustomer(t, name) {
  await showCustomers(t);
  const before = await t.rowCount();
  await t.runCommand('Customers: New Customer');
  await waitFor(async () => (await t.rowCount()) === before + 1, `a new row (had ${before})`);
  await t.page.keyboard.type(name);
  await t.page.keyboard.press('Enter');
  await t.grid().getByRole('gridcell', { name, exact: true }).waitFor();
}

async function rowIndexOf(t, rowName) {
  const row = t.grid().getByRole('row').filter({ has: t.page.getByRole('gridcell', { name: rowName, exact: true }) });
  return Number(await row.first().getAttribute('aria-rowindex'));
}

/** Sets the cell of the row named `rowName` in `column` to `value`, typed like a person. */
async function editCell(t, rowName, column, value) {
  await showCustomers(t);
  await t.selectCell(await rowIndexOf(t, rowName), column);
  await t.page.keyboard.type(value);
  await t.page.keyboard.press('Enter');
}

const statusBar = (t) => t.page.getByRole('contentinfo', { name: 'Status bar' });

async function waitSynced(t, timeout = 20_000) {
  await waitFor(async () => SYNCED.test((await statusBar(t).textContent()) ?? ''), `"${t.label}" says it is synced`, timeout);
}

async function hasCell(t, name, timeout = 10_000) {
  await showCustomers(t);
  await t.grid().getByRole('gridcell', { name, exact: true }).first().waitFor({ timeout });
}

/** This test's browser as device A ("Counter") and a second Chromium as B ("Owner phone"), both open. */
async function twoDevices(t) {
  const a = t;
  const b = await t.newDevice('B');
  await a.open('/');
  await b.open('/');
  await nameDevice(a, 'Counter');
  await nameDevice(b, 'Owner phone');
  return { a, b };
}

/** A pairs with B through the short code, the way a person would type it. */
async function pairWithCode(a, b) {
  await a.runCommand('Sync: Pair a Device');
  const codeEl = a.page.getByTestId('pairing-code');
  await codeEl.waitFor();
  const code = (await codeEl.textContent()).trim();
  assert.match(code, /^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await a.screenshot('sync-pairing-code');

  await b.runCommand('Sync: Join with a Code');
  await b.page.getByLabel('Code shown on the other device').fill(code.toLowerCase().replace('-', ' '));
  await b.tap(b.page.getByRole('button', { name: 'Join', exact: true }));
  await b.page.getByText(/Paired with Counter/).waitFor({ timeout: 20_000 });
  await a.page.getByText(/Paired with Owner phone/).waitFor({ timeout: 20_000 });
}

export const tests = [
  {
    name: 'pair with the short code; edits flow both ways; the device list shows who is connected',
    async run(t) {
      const { a, b } = await twoDevices(t);
      await pairWithCode(a, b);
      await waitSynced(a);
      await waitSynced(b);

      await addCustomer(a, 'Ana Sync');
      await hasCell(b, 'Ana Sync');
      await editCell(b, 'Ana Sync', 'Phone', '+34 600 111 222');
      await a.grid().getByRole('gridcell', { name: /600 111 222/ }).first().waitFor();
      // Presence: the cell B has selected is outlined on A, with B's name on hover.
      await b.selectCell(2, 'Name');
      const seen = a.grid().locator('[role="gridcell"][title="Owner phone"]');
      await seen.first().waitFor();
      assert.equal((await seen.first().textContent()).trim(), 'Ana Sync');
      await a.screenshot('sync-presence');

      await openSync(b);
      const list = b.page.getByRole('list', { name: 'Paired devices' });
      await list.getByText('Counter').waitFor();
      await list.getByText('Connected now').waitFor();
      await b.screenshot('sync-devices');
      assert.deepEqual(b.pageErrors, []);
    },
  },
  {
    name: 'both edit while paused, then resume: the books converge and same-row edits both survive',
    sizes: ['desktop'],
    async run(t) {
      const { a, b } = await twoDevices(t);
      await pairWithCode(a, b);
      await addCustomer(a, 'Row Both');
      await hasCell(b, 'Row Both');
      await waitSynced(b);

      await b.runCommand('Sync: Pause Sync');
      await waitFor(async () => /paused/.test((await statusBar(b).textContent()) ?? ''), 'B paused');
      await waitFor(async () => /No device/.test((await statusBar(a).textContent()) ?? ''), 'A sees nobody', 20_000);
      await editCell(a, 'Row Both', 'Email', 'both@a.example');
      await addCustomer(a, 'Only on A');
      await editCell(b, 'Row Both', 'Phone', '+34 699 000 111');
      await addCustomer(b, 'Only on B');
      // The same cell on both: one value wins everywhere, the other stays in the cell's history.
      await editCell(a, 'Row Both', 'Code', 'A-1');
      await editCell(b, 'Row Both', 'Code', 'B-1');

      await b.runCommand('Sync: Resume Sync');
      await waitSynced(a, 30_000);
      for (const d of [a, b]) {
        await hasCell(d, 'Only on A');
        await hasCell(d, 'Only on B');
        await d.grid().getByRole('gridcell', { name: 'both@a.example' }).first().waitFor();
        await d.grid().getByRole('gridcell', { name: /699 000 111/ }).first().waitFor();
      }
      const codeOf = async (d) => (await d.columnTexts('Code')).map(([, v]) => v).filter((v) => /^[AB]-1$/.test(v));
      await waitFor(async () => JSON.stringify(await codeOf(a)) === JSON.stringify(await codeOf(b)), 'the same winner on both');
      for (const d of [a, b]) {
        await d.selectCell(await rowIndexOf(d, 'Row Both'), 'Code');
        await d.runCommand('Sheet: Show Cell History');
        const list = d.page.getByRole('listbox');
        await list.getByRole('option', { name: /A-1/ }).waitFor();
        await list.getByRole('option', { name: /B-1/ }).waitFor();
        await d.screenshot('sync-cell-history');
        await d.page.keyboard.press('Escape');
      }
    },
  },
  {
    name: 'close B, edit on A, reopen B: it reconnects by itself and catches up',
    sizes: ['tablet'],
    async run(t) {
      const pair = await twoDevices(t);
      const a = pair.a;
      let b = pair.b;
      await pairWithCode(a, b);
      await waitSynced(b);
      await b.quit();
      await addCustomer(a, 'While B was closed');
      b = await b.reopen();
      await b.open('/');
      await hasCell(b, 'While B was closed', 30_000);
      await waitSynced(b);
    },
  },
  {
    name: 'no server: offer and answer pasted by hand connect the devices',
    sizes: ['desktop'],
    async run(t) {
      const { a, b } = await twoDevices(t);
      // No relay at all on either device: the only way to meet is the pasted codes.
      for (const d of [a, b]) {
        await openSync(d);
        await d.page.getByText('Advanced: sync servers').click();
        await d.page.getByLabel('Signaling servers (one per line)').fill('');
        await d.tap(d.page.getByRole('button', { name: 'Save servers' }));
      }
      await addCustomer(a, 'Serverless Sara');

      await a.runCommand('Sync: Connect Without a Server');
      const offerBox = a.page.getByRole('textbox', { name: 'Connection code' });
      await waitFor(async () => (await offerBox.inputValue()).startsWith('CLO1.'), 'an offer code');
      const offer = await offerBox.inputValue();
      await a.screenshot('sync-serverless-offer');

      await openSync(b);
      await b.tap(b.page.getByRole('button', { name: 'Answer a code from the other device' }));
      await b.page.getByRole('textbox', { name: 'Paste the connection code here' }).fill(offer);
      await b.tap(b.page.getByRole('button', { name: 'Create the answer' }));
      const answerBox = b.page.getByRole('textbox', { name: 'Answer code' });
      await waitFor(async () => (await answerBox.inputValue()).startsWith('CLA1.'), 'an answer code');
      const answer = await answerBox.inputValue();

      await a.page.getByRole('textbox', { name: 'Paste the answer code here' }).fill(answer);
      await a.tap(a.page.getByRole('button', { name: 'Connect', exact: true }));
      await a.page.getByText('Connected to Owner phone.').waitFor({ timeout: 20_000 });
      await b.page.getByText('Connected to Counter.').waitFor({ timeout: 20_000 });
      await hasCell(b, 'Serverless Sara');
      await addCustomer(b, 'Back from B');
      await hasCell(a, 'Back from B');
    },
  },
  {
    name: 'a 10,000-row book syncs completely to a fresh device',
    sizes: ['desktop'],
    async run(t) {
      const a = t;
      await a.open('/');
      await showCustomers(a);
      // 10,000 customers pasted as if from Excel (one undo step, rows added past the end).
      const nameCol = await a.columnIndex('Name');
      const newRow = a.grid().getByRole('row', { name: 'New row' });
      await newRow.scrollIntoViewIfNeeded();
      await a.tap(newRow.locator(`[role="gridcell"][aria-colindex="${nameCol}"]`));
      await a.page.evaluate(() => {
        const lines = [];
        for (let i = 0; i < 10_000; i++) lines.push(`Cliente ${i}\t+34 6${String(10_000_000 + i).slice(1)}\tc${i}@example.com`);
        const data = new DataTransfer();
        data.setData('text/plain', lines.join('\n'));
        (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await waitFor(async () => (await a.rowCount()) === 10_000, '10,000 rows on A', 30_000);
      await nameDevice(a, 'Counter');

      const b = await t.newDevice('B');
      await b.open('/');
      await nameDevice(b, 'Owner phone');
      const t0 = Date.now();
      await pairWithCode(a, b);
      await showCustomers(b);
      await waitFor(async () => (await b.rowCount()) === 10_000, '10,000 rows on B', 60_000);
      await waitSynced(b, 30_000);
      console.log(`      10,000-row book: paired and fully synced in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      // A later small edit still arrives (stock y-webrtc lost these after an oversized message).
      await addCustomer(a, 'After the big sync');
      await waitFor(async () => (await b.rowCount()) === 10_001, 'the new row on B');
      await b.selectCell(2, 'Name');
      await b.page.keyboard.press('Control+End'); // the last row (and column)
      await b.page.keyboard.press('Home');
      await b.grid().getByRole('gridcell', { name: 'After the big sync', exact: true }).first().waitFor();
    },
  },
];
