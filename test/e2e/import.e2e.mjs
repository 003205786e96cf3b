// Importing like a shop owner: File: Import… from the palette, a workbook through the file input,
// the suggested mapping, the plan's counts, Import, the rows in the grid (leading zeros kept), one
// undo step, a reload; a GBK cashier CSV with its Chinese names intact; a broken file that writes
// nothing; a merge that shows old → new; and exporting the sheet.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, waitFor } from './lib.mjs';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const fixture = (name) => {
  const p = join(FIXTURES, name);
  assert.ok(existsSync(p), `fixture ${p} is missing`);
  return p;
};

const compact = (s) => (s ?? '').replace(/\s/g, '');

/** Opens the Import tab from the palette and waits for its file input. */
async function openImport(t) {
  await t.runCommand('File: Import…', 'Import');
  await t.page.getByRole('heading', { name: 'Import customers', level: 1 }).waitFor();
  return t.page.locator('input[type="file"]').first();
}

/** Chooses a file and waits for the mapping step (or an error). */
async function chooseFile(t, files) {
  const input = await openImport(t);
  assert.equal(await input.getAttribute('accept'), '.xlsx,.xls,.ods,.csv,.tsv,.txt,.vcf');
  // The visible control is the input's label, as a person sees it.
  await t.page.getByText('Choose a file', { exact: true }).waitFor();
  await input.setInputFiles(files);
}

async function waitMapping(t) {
  await t.page.getByRole('heading', { name: 'Columns', level: 2 }).waitFor({ timeout: 20_000 });
}

/** The chosen option's text of the mapping <select> of a file column. */
async function targetOf(t, header) {
  const select = t.page.getByRole('combobox', { name: `Where “${header}” goes`, exact: true });
  await select.waitFor();
  return select.evaluate((s) => s.selectedOptions[0]?.textContent?.trim() ?? '');
}

async function count(t, key) {
  const el = t.page.locator(`.im-card [data-count="${key}"] dd`).first();
  await el.waitFor();
  return Number((await el.textContent()).replace(/[^\d]/g, ''));
}

/** Column `header`'s values in the preview below the header row (the file as read). */
async function previewColumn(t, header) {
  return t.page.locator('.im-preview').evaluate((table, header) => {
    const rows = [...table.querySelectorAll('tr')];
    const h = rows.findIndex((r) => r.classList.contains('is-header'));
    const cells = (r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '');
    const col = cells(rows[h]).findIndex((c) => c.trim() === header);
    if (col < 0) return [];
    return rows.slice(h + 1).map((r) => cells(r)[col] ?? '').filter((v) => v.trim() !== '');
  }, header);
}

const importButton = (t) => t.page.getByRole('button', { name: /^Import [\d,]+ rows?$/ });

export const tests = [
  {
    name: 'xlsx: choose, check the suggested mapping and counts, import, undo/redo, reload',
    async run(t) {
      await t.open('/');
      const before = await t.rowCount();
      await chooseFile(t, fixture('clientes.xlsx'));
      await waitMapping(t);
      await t.screenshot('import-file');

      assert.equal(await targetOf(t, 'Nombre'), 'Name');
      assert.equal(await targetOf(t, 'Teléfono'), 'Phone');
      assert.equal(await targetOf(t, 'Código'), 'Code');
      // The merged title row is above the detected header.
      const headerRow = Number(await t.page.getByLabel('Header row', { exact: true }).inputValue());
      assert.ok(headerRow >= 2, `header row below the title (got ${headerRow})`);
      // Tapping a row number makes it the header (the mapping follows); tapping back restores it.
      await t.tap(t.page.getByRole('button', { name: 'Use row 1 as the header', exact: true }));
      await waitFor(async () => (await t.page.getByLabel('Header row', { exact: true }).inputValue()) === '1', 'row 1 as the header');
      await t.tap(t.page.getByRole('button', { name: `Use row ${headerRow} as the header`, exact: true }));
      await waitFor(async () => (await targetOf(t, 'Nombre')) === 'Name', 'the mapping back with the real header');

      const added = await count(t, 'add');
      assert.ok(added >= 15, `about 20 new customers planned (got ${added})`);
      assert.equal(await count(t, 'update'), 0, 'nothing to update in an empty book');
      assert.ok((await count(t, 'skipped')) >= 1, 'the totals row is skipped, and says so');
      const skipped = t.page.locator('details', { hasText: 'Skipped rows' });
      await t.tap(skipped.locator('summary'));
      await skipped.getByText('Totals row').first().waitFor();

      const names = await previewColumn(t, 'Nombre');
      const phones = await previewColumn(t, 'Teléfono');
      const name = names[0];
      // A national number with its leading zero, not a valid Spanish number: kept as written. A
      // number dialled from abroad (0034…): read as Spanish once Spain is the phones' country.
      const zeroPhone = phones.find((p) => compact(p).startsWith('0') && !compact(p).startsWith('00'));
      const abroad = phones.find((p) => compact(p).startsWith('0034'));
      assert.ok(abroad, `a number written as 0034… in the file (${phones.slice(0, 3).join(', ')})`);
      assert.ok(name, 'a name in the preview');
      assert.ok(zeroPhone, `a phone with a leading zero in the file (${phones.slice(0, 3).join(', ')})`);
      await t.screenshot('import-mapping');

      // The phones' country is the device's setting (US for this en-US browser); choosing Spain here
      // re-plans the file and is kept in Settings.
      const country = t.page.getByLabel('Country for phone numbers', { exact: true });
      assert.equal(await country.inputValue(), 'US');
      await country.selectOption('ES');
      const button = importButton(t);
      await button.waitFor();
      assert.equal(await button.textContent(), `Import ${added} rows`);
      await t.tap(button);

      // The grid of the target sheet opens with the rows.
      await t.grid().getByRole('gridcell', { name, exact: true }).first().waitFor();
      assert.equal(await t.rowCount(), before + added);
      const phoneTexts = (await t.columnTexts('Phone')).map(([, text]) => compact(text));
      assert.ok(phoneTexts.includes(compact(zeroPhone)), `phone ${zeroPhone} kept with its leading zero (grid has ${phoneTexts.slice(0, 3).join(', ')})`);
      assert.ok(phoneTexts.includes(`+34${compact(abroad).slice(4)}`), `phone ${abroad} read as +34… (grid has ${phoneTexts.slice(0, 3).join(', ')})`);

      // One undo step takes the whole import back; redo brings it again.
      await t.page.keyboard.press('Control+Z');
      await waitFor(async () => (await t.rowCount()) === before, 'the import undone in one step');
      await t.page.keyboard.press('Control+Y');
      await waitFor(async () => (await t.rowCount()) === before + added, 'the import redone');

      // The report stays available in the Import tab.
      await t.runCommand('File: Import…', 'Import');
      await t.page.getByRole('heading', { name: 'Import finished' }).waitFor();
      assert.equal(await count(t, 'add'), added);
      await t.screenshot('import-report');
      const [download] = await Promise.all([t.page.waitForEvent('download'), t.tap(t.page.getByRole('button', { name: 'Export report (CSV)' }))]);
      assert.match(download.suggestedFilename(), /^import-report-clientes-\d{4}-\d{2}-\d{2}\.csv$/);
      const report = await readFile(await download.path(), 'utf8');
      assert.ok(report.includes('Added') && report.includes('Totals row'), 'the report lists added and skipped rows');

      await t.waitPersisted(name);
      await t.reload();
      await t.runCommand('View: Show Customers', 'Show Customers');
      await t.grid().getByRole('gridcell', { name, exact: true }).first().waitFor();
      assert.equal(await t.rowCount(), before + added, 'same rows after reload');
      await t.runCommand('Settings: Open Settings', 'Open Settings');
      await waitFor(async () => (await t.page.getByLabel('Country for phone numbers', { exact: true }).inputValue()) === 'ES', 'Spain kept in Settings');
    },
  },
  {
    name: 'big csv (3,000 rows): its update is stored by the storage worker, and every row is there after a reload',
    async run(t) {
      // Counts the book's big IndexedDB rows added by the page itself (the worker's are not seen here).
      await t.page.addInitScript(() => {
        window.__pageBigAdds = 0;
        const add = IDBObjectStore.prototype.add;
        IDBObjectStore.prototype.add = function (value, ...rest) {
          if (this.name === 'updates' && (value?.byteLength ?? 0) >= 256 * 1024) window.__pageBigAdds++;
          return add.call(this, value, ...rest);
        };
      });
      await t.open('/');
      const before = await t.rowCount();
      const lines = ['Código,Nombre,Teléfono,Correo,Notas'];
      for (let i = 0; i < 3000; i++)
        lines.push(`C${String(i).padStart(5, '0')},Cliente ${i} Pérez,06${10_000_000 + i},cliente${i}@example.es,"Prefiere té, ${'sin azúcar '.repeat(6)}${i}"`);
      await chooseFile(t, { name: 'grande.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'utf8') });
      await waitMapping(t);
      const button = importButton(t);
      await button.waitFor({ timeout: 20_000 });
      assert.equal(await button.textContent(), 'Import 3,000 rows');
      await t.tap(button);
      await waitFor(async () => (await t.rowCount()) === before + 3000, 'the 3,000 rows in the grid');
      await waitFor(
        () => t.page.evaluate(() => performance.getEntriesByName('clientela:stored').some((m) => (m.detail?.bytes ?? 0) >= 256 * 1024)),
        'the import committed to IndexedDB',
        20_000,
      );
      assert.equal(await t.page.evaluate(() => window.__pageBigAdds), 0, 'the page itself wrote no big row: the worker did');
      await t.reload();
      await t.runCommand('View: Show Customers', 'Show Customers');
      await waitFor(async () => (await t.rowCount()) === before + 3000, 'the 3,000 rows after the reload');
      await t.grid().getByRole('gridcell', { name: 'Cliente 0 Pérez', exact: true }).first().waitFor();
    },
  },
  {
    name: 'gbk csv: detected as GB18030, override re-previews, Chinese names intact in the grid',
    async run(t) {
      await t.open('/');
      await chooseFile(t, fixture('cashier-gbk.csv'));
      await waitMapping(t);
      const encoding = t.page.getByLabel('Text encoding', { exact: true });
      assert.equal(await encoding.inputValue(), 'gb18030');
      assert.equal(await targetOf(t, '姓名'), 'Name');
      assert.equal(await targetOf(t, '手机'), 'Phone');
      const names = await previewColumn(t, '姓名');
      const name = names.find((n) => /[\u4e00-\u9fff]/.test(n));
      assert.ok(name, `a Chinese name in the preview (${names.slice(0, 3).join(', ')})`);

      // Reading it as Windows-1252 garbles the names; back to GB18030 restores them.
      await encoding.selectOption('windows-1252');
      await waitFor(async () => (await t.page.locator('.im-preview').textContent()).includes(name) === false, 'the preview re-read as Windows-1252');
      await waitMapping(t);
      await t.page.getByLabel('Text encoding', { exact: true }).selectOption('gb18030');
      await waitFor(async () => (await previewColumn(t, '姓名')).includes(name), 'the preview back in GB18030');
      await t.screenshot('import-gbk');

      await t.tap(importButton(t));
      await t.grid().getByRole('gridcell', { name, exact: true }).first().waitFor();
    },
  },
  {
    name: 'semicolon csv: Windows-1252 and ";" detected, the ambiguous dates switch, decimal commas',
    sizes: ['tablet'],
    async run(t) {
      await t.open('/');
      await chooseFile(t, fixture('semicolon-es.csv'));
      await waitMapping(t);
      assert.equal(await t.page.getByLabel('Text encoding', { exact: true }).inputValue(), 'windows-1252');
      assert.equal(await t.page.getByLabel('Columns separated by', { exact: true }).inputValue(), ';');
      assert.ok((await previewColumn(t, 'Nombre')).includes('José Núñez'), 'accents intact');
      const dates = t.page.getByRole('group', { name: /is ambiguous|are ambiguous/ });
      await dates.waitFor();
      const dayFirst = dates.getByRole('radio', { name: 'Day/month' });
      assert.equal(await dayFirst.isChecked(), true, 'the file’s 15/03/2024 says day first');
      // Flipped to month first, 01/02/2024 is the 2nd of January (shown 01/02/2024 in en-US).
      await t.tap(dates.getByText('Month/day'));
      await waitFor(() => dates.getByRole('radio', { name: 'Month/day' }).isChecked(), 'month first chosen');
      await dates.scrollIntoViewIfNeeded();
      await t.screenshot('import-dates');
      await t.tap(importButton(t));
      await t.grid().getByRole('gridcell', { name: 'José Núñez', exact: true }).waitFor();
      // The new columns are at the far right of the grid, which renders only the columns in view.
      const scrollRight = () =>
        t.grid().evaluate((g) => {
          for (let el = g; el; el = el.parentElement) if (el.scrollWidth > el.clientWidth) el.scrollLeft = el.scrollWidth;
        });
      const texts = async (name) => {
        await scrollRight();
        return (await t.columnTexts(name)).map(([, v]) => v);
      };
      let last = [];
      await waitFor(async () => {
        last = await texts('Última compra');
        return last.includes('01/02/2024') && last.includes('03/15/2024');
      }, 'dates read month first where ambiguous').catch((e) => {
        throw new Error(`${e.message}: ${last.join(', ')}`);
      });
      let saldo = [];
      await waitFor(async () => {
        saldo = await texts('Saldo');
        return saldo.some((v) => v.includes('1,234.5'));
      }, '"1.234,50" read as 1234.5').catch((e) => {
        throw new Error(`${e.message}: ${saldo.join(', ')}`);
      });
    },
  },
  {
    name: 'errors: an empty file is explained and writes nothing',
    async run(t) {
      await t.open('/');
      const before = await t.rowCount();
      await chooseFile(t, { name: 'vacío.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
      const alert = t.page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.textContent();
      assert.ok(text.includes('vacío.csv'), 'the alert names the file');
      assert.ok(!text.includes('import.error.'), `the reason is in words, not a key: ${text}`);
      assert.ok(text.includes('Nothing was added'), 'says nothing was written');
      await t.screenshot('import-error');
      // The drop zone is still there to try another file.
      await t.page.getByText('Choose a file', { exact: true }).waitFor();
      await t.runCommand('View: Show Customers', 'Show Customers');
      assert.equal(await t.rowCount(), before);
    },
  },
  {
    name: 'merge: a second file updates a matched customer, showing old → new, and exports',
    async run(t) {
      await t.open('/');
      const first = 'Código;Nombre;Teléfono;Correo\r\nM-01;Marta Muñoz;0612000111;\r\nM-02;Pedro Gil;0612000222;pedro@example.com\r\n';
      await chooseFile(t, { name: 'primero.csv', mimeType: 'text/csv', buffer: Buffer.from(first, 'utf8') });
      await waitMapping(t);
      assert.equal(await count(t, 'add'), 2);
      await t.tap(importButton(t));
      await t.grid().getByRole('gridcell', { name: 'Marta Muñoz', exact: true }).waitFor();

      const second = 'Código;Nombre;Teléfono;Correo\r\nM-01;Marta Muñoz;0612000111;marta@example.com\r\nM-03;Nuria Vidal;0612000333;\r\n';
      await chooseFile(t, { name: 'segundo.csv', mimeType: 'text/csv', buffer: Buffer.from(second, 'utf8') });
      await waitMapping(t);
      assert.equal(await t.page.getByLabel('Match existing customers by', { exact: true }).inputValue(), 'code');
      assert.equal(await count(t, 'add'), 1);
      assert.equal(await count(t, 'update'), 1);
      await t.screenshot('import-merge-top');
      const updated = t.page.locator('details', { hasText: 'Updated customers' });
      await t.tap(updated.locator('summary'));
      await updated.getByText('marta@example.com').waitFor();
      await updated.scrollIntoViewIfNeeded();
      await t.screenshot('import-merge');

      // "Skip existing" leaves Marta alone: one row to write.
      await t.page.getByLabel('When a customer already exists', { exact: true }).selectOption('skip');
      await waitFor(async () => (await count(t, 'update')) === 0, 'no updates when skipping existing');
      await importButton(t).filter({ hasText: 'Import 1 row' }).waitFor();
      await t.page.getByLabel('When a customer already exists', { exact: true }).selectOption('fillEmpty');
      await t.tap(importButton(t));
      await t.grid().getByRole('gridcell', { name: 'marta@example.com', exact: true }).waitFor();
      await t.grid().getByRole('gridcell', { name: 'Nuria Vidal', exact: true }).waitFor();

      const [download] = await Promise.all([t.page.waitForEvent('download'), t.runCommand('File: Export Sheet as CSV…', 'Export Sheet as CSV')]);
      assert.match(download.suggestedFilename(), /^customers-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      assert.ok(csv.startsWith('\ufeff'), 'UTF-8 with BOM');
      assert.ok(csv.includes('Nuria Vidal') && csv.includes('marta@example.com'), 'the live rows are exported');
      const [xlsx] = await Promise.all([t.page.waitForEvent('download'), t.runCommand('File: Export Sheet as Excel…', 'Export Sheet as Excel')]);
      assert.match(xlsx.suggestedFilename(), /^customers-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const bytes = await readFile(await xlsx.path());
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx (zip) file');
    },
  },
  {
    name: 'activity bar: Import and export opens the Import tab',
    async run(t) {
      await t.open('/');
      await t.tap(t.page.getByRole('button', { name: 'Import and export', exact: true }));
      await t.tap(t.page.getByRole('button', { name: 'Import a file…', exact: true }));
      await t.page.getByRole('heading', { name: 'Import customers', level: 1 }).waitFor();
      await t.page.getByRole('tab', { name: 'Import' }).waitFor();
    },
  },
];
