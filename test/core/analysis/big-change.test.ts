import { describe, expect, it } from 'vitest';
import { createBook } from '../../../src/core/doc/book-doc';
import { addRows, analyzeBook, applyBookChange, isoToDay, type BookChange } from '../../../src/core/index';

describe('applyBookChange on a big change', () => {
  it('asks for one full compute when thousands of sales arrive at once, and stays incremental for a few', () => {
    const book = createBook();
    book.ensureSchema();
    addRows(book, 'customers', [{ code: 'C1', name: 'Ana' }], 'import');
    const today = isoToDay('2026-11-23')!;
    const a = analyzeBook(book, today).analysis;
    const changes: BookChange[] = [];
    book.onDidChange((c) => changes.push(c));
    addRows(book, 'purchases', Array.from({ length: 2_500 }, (_, i) => ({ date: '2026-11-01', customer: 'C1', amount: i % 50 })), 'import');
    expect(applyBookChange(a, book, changes.at(-1)!)).toEqual({ full: true });
    const fresh = analyzeBook(book, today).analysis;
    addRows(book, 'purchases', [{ date: '2026-11-20', customer: 'C1', amount: 12 }]);
    const r = applyBookChange(fresh, book, changes.at(-1)!);
    expect(r.full).toBe(false);
  });
});
