// Screenshots of the customers grid with ~30 realistic rows at both sizes, for a human to look at
// (test-results/customers-grid-*.png). The rows arrive the way a shop owner would bring them: one
// "New Customer", then a block pasted from Excel (rows past the end are added).

import { assert, waitFor } from './lib.mjs';

const ROWS = [
  ['C0001', 'José Pérez García', '0612345678', 'jose.perez@gmail.com', 'Calle Mayor 12, Madrid', '1984-03-12', 'Oro', '1250', 'vip', 'Prefiere visitas por la mañana', '2021-04-02'],
  ['C0002', '王芳', '13800138000', 'wangfang@qq.com', '上海市徐汇区漕溪北路 88 号', '1990-07-21', '金卡', '860', '上海', '喜欢绿茶，不要太甜', '2022-01-15'],
  ['C0003', "Liam O'Brien", '07700900123', 'liam.obrien@outlook.com', '14 High Street, Leeds', '1979-11-02', 'Member', '120', '', 'Pays cash', '2023-06-30'],
  ['C0004', 'María Fernández', '0034 955 123 456', 'maria.fdez@hotmail.es', 'Avenida de la Constitución 5, Sevilla', '1968-05-09', 'Platino', '4020', 'vip', 'Llamar antes de las 18:00', '2019-02-11'],
  ['C0005', '李娜', '13912345678', 'lina88@163.com', '北京市朝阳区建国路 1 号', '1995-12-24', '银卡', '310', '', '', '2024-03-08'],
  ['C0006', 'Chloe Walker', '07123456789', 'chloe.walker@gmail.com', '3 Church Lane, Bristol', '1988-08-18', 'VIP', '2200', 'newsletter', 'Allergic to nuts', '2020-10-01'],
  ['C0007', 'Íñigo Núñez', '0687654321', 'inigo.nunez@yahoo.es', 'Calle del Carmen 40, Bilbao', '1975-01-30', 'Plata', '95', '', '', '2024-11-19'],
  ['C0008', '张伟', '15800001111', 'zhangwei@qq.com', '广州市天河区体育西路 12 号', '1982-04-04', '白金卡', '5300', 'vip', '老顾客，介绍了很多朋友', '2019-05-20'],
  ['C0009', 'Lucía Gómez', '0611122233', 'lucia.gomez@gmail.com', 'Plaza de España 2, Zaragoza', '2000-09-15', 'Oro', '780', 'birthday club', '', '2023-02-27'],
  ['C0010', 'Oliver Hughes', '07998877665', 'oliver.hughes@btinternet.com', '27 Station Road, Manchester', '1971-06-06', 'Member', '40', '', '', '2025-01-05'],
];

const MORE_NAMES = [
  'Carmen Ruiz', '陈静', 'Grace Hall', 'Álvaro Moreno', '刘洋', 'Emily Wright', 'Nuria Serrano', '赵磊', 'Jack Green', 'Rocío Ortega',
  '孙丽', 'Noah Edwards', 'Begoña Ramos', '周杰', 'Amelia Wood', 'Raúl Navarro', '胡秀英', 'Harry Clarke', 'Pilar Castillo', '郭涛',
];

function thirtyRows() {
  return Array.from({ length: 30 }, (_, i) => {
    const row = [...ROWS[i % ROWS.length]];
    row[0] = `C${String(i + 1).padStart(4, '0')}`;
    if (i >= ROWS.length) row[1] = MORE_NAMES[i - ROWS.length];
    return row;
  });
}

export const tests = [
  {
    name: 'screenshots: customers grid with 30 rows',
    async run(t) {
      await t.open('/');
      await t.runCommand('Customers: New Customer');
      const codeCol = await t.columnIndex('Code');
      const nameCol = await t.columnIndex('Name');
      const selected = t.grid().locator(`[role="gridcell"][aria-colindex="${nameCol}"][aria-selected="true"]`);
      await selected.waitFor();
      const row = Number(await selected.locator('xpath=ancestor::*[@role="row"][1]').getAttribute('aria-rowindex'));
      await t.page.keyboard.press('Escape');
      await t.selectCell(row, 'Code');
      const rows = thirtyRows();
      const before = await t.rowCount();
      await t.page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, rows.map((r) => r.join('\t')).join('\n'));
      await waitFor(async () => (await t.rowCount()) >= before + rows.length - 1, '30 rows in the grid');
      assert.ok(codeCol > 0);
      await t.grid().getByRole('gridcell', { name: 'José Pérez García', exact: true }).waitFor();
      await t.grid().getByRole('gridcell', { name: '王芳', exact: true }).waitFor();
      // Show the top of the sheet with the first cell selected, as after opening it.
      await t.selectCell(row, 'Name');
      await t.page.evaluate(() => document.fonts?.ready);
      // The first visit's "Ready to work offline" toast would cover the grid: let it come, close it.
      await t.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      const toast = t.page.getByRole('status').filter({ hasText: 'Ready to work offline.' });
      if (await toast.waitFor({ timeout: 3000 }).then(() => true, () => false)) {
        await t.tap(toast.getByRole('button', { name: 'Dismiss' }));
        await toast.waitFor({ state: 'detached' });
      }
      await t.screenshot('customers-grid');
    },
  },
];
