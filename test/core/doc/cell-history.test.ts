import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createBook, yDocOf } from '../../../src/core/doc/book-doc';
import { addRows, cellHistory, setCells, trackCellHistory, type Book } from '../../../src/core/index';

const tick = () => new Promise((r) => setTimeout(r, 0));
const exchange = (a: Book, b: Book) => {
  const ya = yDocOf(a);
  const yb = yDocOf(b);
  Y.applyUpdate(yb, Y.encodeStateAsUpdate(ya, Y.encodeStateVector(yb)), 'peer');
  Y.applyUpdate(ya, Y.encodeStateAsUpdate(yb, Y.encodeStateVector(ya)), 'peer');
};

describe('cell history', () => {
  it('keeps the losing value of a concurrent same-cell edit visible on both devices', async () => {
    const a = createBook();
    const b = createBook();
    let clock = 1000;
    trackCellHistory(a, () => ({ id: 'dev-a', name: 'Counter' }), () => clock++);
    trackCellHistory(b, () => ({ id: 'dev-b', name: 'Owner phone' }), () => clock++);
    const [row] = addRows(a, 'customers', [{ name: 'Ana' }]);
    exchange(a, b);
    // Apart: both change the phone.
    setCells(a, 'customers', [{ row: row!, col: 'phone', value: '+34600000001' }]);
    setCells(b, 'customers', [{ row: row!, col: 'phone', value: '+34600000002' }]);
    await tick();
    exchange(a, b);
    const winner = a.sheet('customers').get(row!, 'phone');
    expect(b.sheet('customers').get(row!, 'phone')).toBe(winner);
    for (const book of [a, b]) {
      const h = cellHistory(book, 'customers', row!, 'phone');
      expect(h.map((e) => e.value).sort()).toEqual(['+34600000001', '+34600000002']);
      expect(h.map((e) => e.by.name).sort()).toEqual(['Counter', 'Owner phone']);
    }
    expect(cellHistory(a, 'customers', row!, 'phone')).toEqual(cellHistory(b, 'customers', row!, 'phone'));
  });

  it('logs undo as a new entry, is not undone itself, and skips bulk writes and remote updates', async () => {
    const a = createBook();
    trackCellHistory(a, () => ({ id: 'dev-a', name: 'A' }), () => 5);
    const [row] = addRows(a, 'customers', [{ name: 'Ana' }]);
    setCells(a, 'customers', [{ row: row!, col: 'email', value: 'ana@example.com' }]);
    await tick();
    a.undo();
    await tick();
    expect(a.sheet('customers').get(row!, 'email')).toBe(null);
    expect(cellHistory(a, 'customers', row!, 'email').map((e) => e.value)).toEqual(['ana@example.com', null]);

    const many = addRows(a, 'customers', Array.from({ length: 80 }, (_, i) => ({ name: `N${i}` })));
    setCells(a, 'customers', many.map((r) => ({ row: r, col: 'notes', value: 'bulk' })));
    await tick();
    expect(cellHistory(a, 'customers', many[0]!, 'notes')).toEqual([]);

    const b = createBook(new Y.Doc());
    Y.applyUpdate(yDocOf(b), Y.encodeStateAsUpdate(yDocOf(a)), 'peer');
    trackCellHistory(b, () => ({ id: 'dev-b', name: 'B' }));
    Y.applyUpdate(yDocOf(b), Y.encodeStateAsUpdate(yDocOf(a)), 'peer');
    await tick();
    expect(cellHistory(b, 'customers', row!, 'email')).toHaveLength(2);
  });
});
