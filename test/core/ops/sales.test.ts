import { describe, expect, it } from 'vitest';
import { createBook, type Book } from '../../../src/core/doc/book-doc';
import { addRows, asRowId, trashRows } from '../../../src/core/index';
import { nextCustomerCode, parseAmount, productList, recordSale, validateSale } from '../../../src/core/ops/sales';

function book(): Book {
  const b = createBook();
  b.ensureSchema();
  return b;
}

describe('parseAmount', () => {
  it('reads the decimal mark of the language and forgives the other one', () => {
    expect(parseAmount('12,50', ',')).toBe(12.5);
    expect(parseAmount('12,50', '.')).toBe(12.5);
    expect(parseAmount('12.5', ',')).toBe(12.5);
    expect(parseAmount('1.234', ',')).toBe(1234);
    expect(parseAmount('1.234', '.')).toBe(1.234);
    expect(parseAmount('1,234', '.')).toBe(1234);
    expect(parseAmount('1.234,50 €', ',')).toBe(1234.5);
    expect(parseAmount('$1,234.50', '.')).toBe(1234.5);
    expect(parseAmount('¥ 88', '.')).toBe(88);
    expect(parseAmount('0', '.')).toBe(0);
  });
  it('tells empty, invalid and negative apart', () => {
    expect(parseAmount('  ', ',')).toBe('empty');
    expect(parseAmount('doce', ',')).toBe('invalid');
    expect(parseAmount('12,5,0', ',')).toBe('invalid');
    expect(parseAmount('1.2.3,4,5', ',')).toBe('invalid');
    expect(parseAmount('-5', ',')).toBe(-5);
    expect(parseAmount(Number.NaN)).toBe('invalid');
  });
});

describe('nextCustomerCode', () => {
  it('continues the prefix most codes share, keeping the width', () => {
    const b = book();
    addRows(b, 'customers', [{ code: 'C0041' }, { code: 'C0007' }, { code: 'VIP-3' }, { code: 'x' }, {}]);
    expect(nextCustomerCode(b.sheet('customers'))).toBe('C0042');
  });
  it('starts at C0001 and skips codes in the trash', () => {
    const b = book();
    expect(nextCustomerCode(b.sheet('customers'))).toBe('C0001');
    const [r] = addRows(b, 'customers', [{ code: '17' }]);
    trashRows(b, 'customers', [r!]);
    expect(nextCustomerCode(b.sheet('customers'))).toBe('18');
  });
});

describe('recordSale', () => {
  it('writes one purchase linked by the existing code, as one undo step', () => {
    const b = book();
    const [ana] = addRows(b, 'customers', [{ code: 'C0005', name: 'Ana' }]);
    const r = recordSale(b, { customer: { row: ana! }, amount: '12,50', decimal: ',', items: ['Pan', 'Café'], date: '2025-03-04', note: ' sin azúcar ' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r).toMatchObject({ customer: ana, code: 'C0005', createdCustomer: false, assignedCode: false, amount: 12.5 });
    const p = b.sheet('purchases');
    expect(p.liveRowIds()).toEqual([r.purchase]);
    expect(p.row(r.purchase)).toEqual({ date: '2025-03-04', customer: 'C0005', amount: 12.5, items: 'Pan, Café', note: 'sin azúcar' });
    b.undo();
    expect(p.liveRowIds()).toEqual([]);
    expect(b.sheet('customers').liveRowIds()).toEqual([ana]);
  });

  it('gives a customer without a code the next code in the same transaction', () => {
    const b = book();
    const [a, c] = addRows(b, 'customers', [{ code: 'C0009', name: 'A' }, { name: 'Sin código' }]);
    const r = recordSale(b, { customer: { row: c! }, amount: 5 });
    expect(r.ok && r.assignedCode && r.code).toBe('C0010');
    expect(b.sheet('customers').get(c!, 'code')).toBe('C0010');
    expect(b.sheet('purchases').get((r as { purchase: ReturnType<typeof asRowId> }).purchase, 'customer')).toBe('C0010');
    b.undo();
    expect(b.sheet('customers').get(c!, 'code')).toBe(null);
    expect(b.sheet('purchases').liveRowIds()).toEqual([]);
    expect(a).toBeDefined();
  });

  it('creates a new customer and the sale in one undo step; the date defaults to today', () => {
    const b = book();
    const r = recordSale(b, { customer: { name: ' 张伟 ', phone: '138 0000 1111' }, amount: '88', items: 'tea, cup' }, );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = b.sheet('customers');
    expect(c.liveRowIds()).toEqual([r.customer]);
    expect(c.get(r.customer, 'name')).toBe('张伟');
    expect(c.get(r.customer, 'phone')).toBe('138 0000 1111');
    expect(c.get(r.customer, 'code')).toBe('C0001');
    expect(b.sheet('purchases').get(r.purchase, 'date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(b.sheet('purchases').get(r.purchase, 'items')).toBe('tea, cup');
    expect(b.undo()).toBe(true);
    expect(c.liveRowIds()).toEqual([]);
    expect(b.sheet('purchases').liveRowIds()).toEqual([]);
  });

  it('refuses bad input, writes nothing and says which field', () => {
    const b = book();
    const [a] = addRows(b, 'customers', [{ name: 'A' }]);
    const codes = (input: Parameters<typeof recordSale>[1]) => {
      const r = recordSale(b, input);
      return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
    };
    expect(codes({ customer: { row: a! }, amount: '' })).toEqual(['amount:noAmount']);
    expect(codes({ customer: { row: a! }, amount: 'abc' })).toEqual(['amount:badAmount']);
    expect(codes({ customer: { row: a! }, amount: '-3' })).toEqual(['amount:negativeAmount']);
    expect(codes({ customer: undefined, amount: '3' })).toEqual(['customer:noCustomer']);
    expect(codes({ customer: { name: '  ' }, amount: '3' })).toEqual(['customer:noCustomerName']);
    expect(codes({ customer: { row: asRowId('nope') }, amount: '3', date: '2025-02-30' })).toEqual(['customer:customerMissing', 'date:badDate']);
    expect(b.sheet('purchases').liveRowIds()).toEqual([]);
    expect(b.canUndo()).toBe(true); // only the addRows above
    expect(validateSale(b, { customer: { row: a! }, amount: '1.5' }).amount).toBe(1.5);
  });
});

describe('productList', () => {
  it('counts items across purchases, most frequent first, merging case and accents', () => {
    const b = book();
    addRows(b, 'purchases', [{ items: 'Café, pan' }, { items: 'cafe' }, { items: 'Té; pan' }, { items: 'CAFÉ' }, { items: null }, { items: ['Vela'] }]);
    expect(productList(b.sheet('purchases'))).toEqual([
      { name: 'Café', count: 3 },
      { name: 'pan', count: 2 },
      { name: 'Té', count: 1 },
      { name: 'Vela', count: 1 },
    ]);
    expect(productList(b.sheet('purchases'), 1)).toHaveLength(1);
  });
});
