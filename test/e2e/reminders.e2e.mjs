// Whom to contact today: birthdays typed into the Birthday column show up in Reminders with their
// reason (the tab opens by itself on the day's first start), mark done writes a Contacts row and
// takes the item off the list, a reload keeps it done, a snooze takes another off today's list;
// the next-contact dialog schedules a follow-up.

import { assert, waitFor } from './lib.mjs';
import { seedCustomers } from './sales.e2e.mjs';

/** Local ISO date `days` from today, in the page's clock and time zone. */
const isoIn = (t, days) =>
  t.page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);

async function typeInto(t, rowIndex, column, text) {
  await t.selectCell(rowIndex, column);
  await t.page.keyboard.type(text);
  await t.page.keyboard.press('Enter');
}

const view = (t) => t.page.locator('.rm-view');
const item = (t, name) => view(t).locator('.rm-item').filter({ has: t.page.getByRole('heading', { name, exact: true }) });

export const tests = [
  {
    name: 'birthday tomorrow in Reminders; done writes a Contacts row; reload keeps it; snooze; next contact',
    async run(t) {
      await t.open('/');
      const tomorrow = await isoIn(t, 1);
      const today = await isoIn(t, 0);
      // Bo's birthday (today) comes with the pasted block (Name, Phone, Email, Address, Birthday);
      // Ana's (tomorrow) is typed into the Birthday column. Born in 1990 and 1985: the reminder
      // says how old they turn.
      await seedCustomers(t, [
        ['Ana Torres', '612 345 678'],
        ['Bo Li', '+86 138 0013 8000', '', '', `1985${today.slice(4)}`],
      ]);
      await typeInto(t, 2, 'Birthday', `1990${tomorrow.slice(4)}`);
      await t.waitPersisted(`1990${tomorrow.slice(4)}`);

      // The first start with items today opens the list by itself.
      await t.reload();
      await view(t).waitFor({ timeout: 15_000 });
      const ana = item(t, 'Ana Torres');
      await ana.waitFor();
      const age = Number(tomorrow.slice(0, 4)) - 1990;
      await ana.getByText(`Birthday tomorrow · turns ${age}`).waitFor();
      await item(t, 'Bo Li').getByText('Birthday today', { exact: false }).waitFor();
      assert.equal(await ana.locator('.rm-kind').textContent(), 'Birthday');
      // Contact links: a number with its country code gives a WhatsApp link of its digits.
      const call = ana.getByRole('link', { name: 'Call' });
      assert.match(await call.getAttribute('href'), /^tel:/);
      assert.equal(await item(t, 'Bo Li').getByRole('link', { name: 'WhatsApp' }).getAttribute('href'), 'https://wa.me/8613800138000');
      // Finger-sized actions.
      // (Measured in one go: the list may re-render as the analysis settles after start.)
      const heights = await ana.locator('.rm-actions .wb-button').evaluateAll((els) => els.map((e) => [e.textContent, e.getBoundingClientRect().height]));
      assert.ok(heights.length > 0, 'the item has actions');
      for (const [label, h] of heights) assert.ok(h >= 40, `action "${label}" is ${h}px high`);
      // The status bar counts today's items.
      await t.page.locator('[data-status="reminders.count"]').filter({ hasText: '2' }).waitFor();
      await t.screenshot('reminders-today');

      // Mark done, by phone, with an outcome.
      await t.tap(ana.getByRole('button', { name: 'Done' }));
      const dialog = t.page.getByRole('dialog', { name: 'Mark as done' });
      await dialog.waitFor();
      assert.equal(await dialog.getByRole('radio', { name: 'Phone' }).isChecked(), true);
      await dialog.getByLabel('Outcome (optional)').fill('Wished happy birthday');
      await t.screenshot('reminders-done-dialog');
      await t.tap(dialog.getByRole('button', { name: 'Save contact' }));
      await dialog.waitFor({ state: 'hidden' });
      await ana.waitFor({ state: 'detached' });
      await t.page.getByRole('status').filter({ hasText: 'Contact with Ana Torres saved in Contacts' }).waitFor();

      // The Contacts sheet has the row: channel phone, the outcome, today's date.
      await t.runCommand('View: Show Contacts');
      await t.grid().getByRole('gridcell', { name: 'Wished happy birthday', exact: true }).waitFor();
      assert.deepEqual(
        (await t.columnTexts('Channel')).map(([, v]) => v),
        ['phone'],
      );
      await t.waitPersisted('Wished happy birthday');

      // Reload: still done (the state is in the book), Bo still there.
      await t.reload();
      await t.runCommand("Reminders: Open Today's List");
      await item(t, 'Bo Li').waitFor();
      assert.equal(await item(t, 'Ana Torres').count(), 0, 'Ana stays done after a reload');
      await view(t).getByText('1 done, snoozed or dismissed').waitFor();

      // Snooze Bo until tomorrow: gone today, the empty state says so; a reload keeps it.
      await t.tap(item(t, 'Bo Li').getByRole('button', { name: 'Tomorrow' }));
      await item(t, 'Bo Li').waitFor({ state: 'detached' });
      await view(t).getByText('Nobody to contact today.').waitFor();
      await t.screenshot('reminders-empty');
      await t.page.waitForTimeout(300);
      await t.reload();
      await t.runCommand("Reminders: Open Today's List");
      await view(t).getByText('Nobody to contact today.').waitFor();
      await view(t).getByText('2 done, snoozed or dismissed').waitFor();

      // Next contact from the customer's card: a follow-up is scheduled in the book.
      await t.runCommand('View: Show Customers');
      await t.selectCell(2, 'Name');
      await t.runCommand('Customers: Open Customer Card');
      await t.page.locator('[data-editor-kind="customer"]').waitFor();
      await t.runCommand('Reminders: Schedule Next Contact…', 'Schedule Next Contact');
      const next = t.page.getByRole('dialog', { name: 'Next contact' });
      await next.waitFor();
      await t.tap(next.getByRole('button', { name: 'In a week' }));
      await t.screenshot('reminders-next-contact');
      await t.tap(next.getByRole('button', { name: 'Schedule' }));
      await next.waitFor({ state: 'hidden' });
      const inAWeek = await isoIn(t, 7);
      await waitFor(
        () => t.page.locator('[data-editor-kind="customer"] input[type="date"]').evaluateAll((els, v) => els.some((e) => e.value === v), inAWeek),
        'the card shows the next contact date',
      );
    },
  },
  {
    name: 'rules: a daily quota of 1 spreads the list; calendar export downloads an .ics',
    async run(t) {
      await t.open('/');
      const today = await isoIn(t, 0);
      await seedCustomers(t, [
        ['Cy Ruiz', '600 111 222', '', '', `1970${today.slice(4)}`],
        ['Di Wu', '600 333 444', '', '', `1971${today.slice(4)}`],
      ]);
      await t.runCommand("Reminders: Open Today's List");
      await item(t, 'Di Wu').waitFor();
      await t.tap(view(t).getByText('Rules', { exact: true }));
      await view(t).getByLabel('Contacts a day (0 = no limit)').fill('1');
      await t.tap(view(t).getByRole('button', { name: 'Save rules' }));
      await view(t).getByText('1 more wait for the next days').waitFor();
      assert.equal(await view(t).locator('.rm-list').first().locator('.rm-item').count(), 1);
      await t.screenshot('reminders-quota');

      const [download] = await Promise.all([t.page.waitForEvent('download'), t.runCommand('Reminders: Export Calendar (.ics)', 'Export Calendar')]);
      assert.match(download.suggestedFilename(), /^clientela-\d{4}-\d{2}-\d{2}\.ics$/);
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(await download.path(), 'utf8');
      assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), 'CRLF calendar');
      assert.equal(text.match(/RRULE:FREQ=YEARLY/g)?.length, 2);
      assert.ok(text.includes('SUMMARY:Birthday: Cy Ruiz\r\n'));
    },
  },
];
