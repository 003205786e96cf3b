import { describe, expect, it } from 'vitest';
import { createBook } from '../../src/core/doc/book-doc';
import { addRows, setCells } from '../../src/core/index';
import { makeCustomerSearch } from '../../src/features/customers/customer-search';

function book() {
  const b = createBook();
  b.ensureSchema();
  const ids = addRows(b, 'customers', [
    { code: 'C0001', name: 'José Pérez', phone: '0612 345 678', email: 'jose@example.com' },
    { code: 'C0002', name: '王芳', phone: '13800138000' },
    { code: 'C0003', name: 'Ana Josefa Ruiz', phone: '0699 000 111' },
    { code: 'C0004', name: 'Marta', phone: '' },
  ]);
  return { b, ids };
}

describe('quick open: customers by name, phone or code', () => {
  it('forgives accents and case, and ranks names that start with the query first', () => {
    const { b, ids } = book();
    const s = makeCustomerSearch(b);
    expect(s.search('jose').map((h) => h.row)).toEqual([ids[0], ids[2]]);
    expect(s.search('PEREZ').map((h) => h.name)).toEqual(['José Pérez']);
    expect(s.search('王').map((h) => h.code)).toEqual(['C0002']);
  });

  it('finds by phone whatever its spacing, and by code', () => {
    const { b, ids } = book();
    const s = makeCustomerSearch(b);
    expect(s.search('612345').map((h) => h.row)).toEqual([ids[0]]);
    expect(s.search('0612 345').map((h) => h.row)).toEqual([ids[0]]);
    expect(s.search('138 0013').map((h) => h.row)).toEqual([ids[1]]);
    expect(s.search('c0004').map((h) => h.name)).toEqual(['Marta']);
    expect(s.search('nobody')).toEqual([]);
  });

  it('follows edits and ignores customers in the trash', () => {
    const { b, ids } = book();
    const s = makeCustomerSearch(b);
    expect(s.search('marta')).toHaveLength(1);
    setCells(b, 'customers', [{ row: ids[3]!, col: 'name', value: 'Marta Muñoz' }]);
    expect(s.search('munoz').map((h) => h.name)).toEqual(['Marta Muñoz']);
    b.write('local', (w) => w.trash('customers', ids[3]!, Date.now()));
    expect(s.search('marta')).toEqual([]);
    // An empty query lists the most recently added first.
    expect(s.search('', 2).map((h) => h.code)).toEqual(['C0003', 'C0002']);
    s.dispose();
  });
});

describe('customer card: related purchases and contacts', () => {
  it('finds rows whose customer column holds the code, the row id or the name, newest first', async () => {
    const { relatedRows } = await import('../../src/features/customers/row-label');
    const { b, ids } = book();
    const [p1, p2, , p4] = addRows(b, 'purchases', [
      { date: '2024-01-05', customer: 'C0001', amount: 10 },
      { date: '2024-03-01', customer: ids[0]!, amount: 20 },
      { date: '2024-02-01', customer: 'C0002', amount: 30 },
      { date: '2024-02-10', customer: 'jose perez', amount: 40 },
    ]);
    expect(relatedRows(b, 'purchases', ids[0]!)).toEqual([p2, p4, p1]);
    expect(relatedRows(b, 'contacts', ids[0]!)).toEqual([]);
    b.write('local', (w) => w.trash('purchases', p2!, Date.now()));
    expect(relatedRows(b, 'purchases', ids[0]!)).toEqual([p4, p1]);
  });
});
