// Node-side measure of the book layout (not part of `npm test`): encoded size, load time and heap
// for 50k customers + 500k purchases. Run: npx vitest run --config test/bench/vitest.measure.config.ts
import { it } from 'vitest';
import * as Y from 'yjs';
import { createBook, yDocOf } from '../../src/core/doc/book-doc';
import { addRows, setCells } from '../../src/core/index';

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

it('measures the layout', () => {
  const book = createBook();
  book.ensureSchema();
  const customers = Array.from({ length: 50_000 }, (_, i) => ({
    code: `C${String(i).padStart(6, '0')}`, name: `Cliente Número ${i}`, phone: `06${String(10000000 + i)}`,
    email: `cliente${i}@example.com`, address: `Calle Mayor ${i % 300}, Madrid`, birthday: '1980-05-17', tier: 'Oro',
    points: i % 900, tags: ['vip', 'madrid'], notes: 'prefers morning visits', firstSeen: '2021-03-04',
  }));
  const ids = addRows(book, 'customers', customers, 'import');
  const purchases = Array.from({ length: 500_000 }, (_, i) => ({
    date: `2024-0${1 + (i % 9)}-1${i % 10}`, customer: ids[i % ids.length]!, amount: (i % 500) + 0.5, items: 'té verde, galletas', note: '',
  }));
  addRows(book, 'purchases', purchases, 'import');
  // A day of edits on top: 2,000 cells.
  for (let i = 0; i < 2000; i++) setCells(book, 'customers', [{ row: ids[i * 7]!, col: 'notes', value: `edit ${i}` }]);
  const update = Y.encodeStateAsUpdate(yDocOf(book));
  book.dispose();
  const before = heap();
  const t0 = performance.now();
  const yDoc = new Y.Doc();
  Y.applyUpdate(yDoc, update);
  const t1 = performance.now();
  const loaded = createBook(yDoc);
  const rows = loaded.sheet('customers').liveRowIds().length;
  const t2 = performance.now();
  const afterCustomers = heap();
  const pRows = loaded.sheet('purchases').liveRowIds().length;
  const t3 = performance.now();
  const afterAll = heap();
  console.log(JSON.stringify({
    encodedMB: +(update.byteLength / 1e6).toFixed(1), applyMs: Math.round(t1 - t0), parseCustomersMs: Math.round(t2 - t1),
    parsePurchasesMs: Math.round(t3 - t2), heapDocAndCustomersMB: Math.round(afterCustomers - before), heapAllMB: Math.round(afterAll - before), rows, pRows,
    edited: loaded.sheet('customers').get(ids[7]!, 'notes'),
  }));
});
