import { describe, expect, it } from 'vitest';
import { createBook, type Book } from '../../../src/core/doc/book-doc';
import { addRows } from '../../../src/core/ops/rows';
import { mergeRows } from '../../../src/core/ops/merge';

function book(): Book {
  const b = createBook();
  b.ensureSchema();
  return b;
}

describe('mergeRows', () => {
  it('fills the kept row’s empty cells, joins tags, trashes the other — one undo step', () => {
    const b = book();
    const [keep, other] = addRows(b, 'customers', [
      { code: 'C1', name: 'José Pérez', phone: '612 345 678', tags: ['VIP'] },
      { code: '', name: 'Jose Perez', phone: '+34 612345678', email: 'jose@example.com', birthday: '1980-02-03', tags: ['vip', 'Madrid'] },
    ]);
    const r = mergeRows(b, 'customers', keep!, other!, 1000);
    const s = b.sheet('customers');
    expect(s.get(keep!, 'name')).toBe('José Pérez');
    expect(s.get(keep!, 'phone')).toBe('612 345 678');
    expect(s.get(keep!, 'email')).toBe('jose@example.com');
    expect(s.get(keep!, 'birthday')).toBe('1980-02-03');
    expect(s.get(keep!, 'tags')).toEqual(['VIP', 'Madrid']);
    expect([...r.filled].sort()).toEqual(['birthday', 'email', 'tags']);
    expect(s.deletedAt(other!)).toBe(1000);
    expect(s.liveRowIds()).toEqual([keep]);

    expect(b.undo()).toBe(true);
    expect(s.deletedAt(other!)).toBeUndefined();
    expect(s.get(keep!, 'email')).toBeNull();
    expect(s.get(keep!, 'tags')).toEqual(['VIP']);
  });

  it('relinks the other customer’s purchases and contacts to the kept code', () => {
    const b = book();
    const [keep, other] = addRows(b, 'customers', [{ code: 'C1', name: 'Ana' }, { code: 'C9', name: 'Ana' }]);
    const [p1, p2, p3] = addRows(b, 'purchases', [
      { date: '2024-01-01', customer: 'C9', amount: 10 },
      { date: '2024-01-02', customer: 'C1', amount: 5 },
      { date: '2024-01-03', customer: other!, amount: 7 },
    ]);
    const [c1] = addRows(b, 'contacts', [{ date: '2024-01-04', customer: 'C9', channel: 'phone' }]);
    const r = mergeRows(b, 'customers', keep!, other!);
    expect(r.relinked).toBe(3);
    const p = b.sheet('purchases');
    expect([p.get(p1!, 'customer'), p.get(p2!, 'customer'), p.get(p3!, 'customer')]).toEqual(['C1', 'C1', 'C1']);
    expect(b.sheet('contacts').get(c1!, 'customer')).toBe('C1');
    // The kept code stays: the other's code is not copied over a filled cell.
    expect(b.sheet('customers').get(keep!, 'code')).toBe('C1');
  });

  it('gives the kept row the other’s code when it had none, so its sales stay linked', () => {
    const b = book();
    const [keep, other] = addRows(b, 'customers', [{ name: 'Li' }, { code: 'C5', name: 'Li' }]);
    const [p] = addRows(b, 'purchases', [{ date: '2024-01-01', customer: 'C5', amount: 10 }]);
    const r = mergeRows(b, 'customers', keep!, other!);
    expect(b.sheet('customers').get(keep!, 'code')).toBe('C5');
    expect(b.sheet('purchases').get(p!, 'customer')).toBe('C5');
    expect(r.relinked).toBe(0);
  });

  it('refuses the same row, a missing row or a trashed one', () => {
    const b = book();
    const [a, c] = addRows(b, 'customers', [{ name: 'A' }, { name: 'C' }]);
    expect(() => mergeRows(b, 'customers', a!, a!)).toThrow(RangeError);
    mergeRows(b, 'customers', a!, c!);
    expect(() => mergeRows(b, 'customers', a!, c!)).toThrow(RangeError);
  });
});
