import { describe, expect, it } from 'vitest';
import { CustomerProblems, dataProblems, nameKey, phoneKey } from '../../../src/core/analysis/problems';
import { readSnapshot } from '../../../src/core/analysis/snapshot';
import { bookWith } from './helpers';

describe('data problems', () => {
  it('normalises phones and names for comparison', () => {
    expect(phoneKey('+34 612 345 678')).toBe(phoneKey('0034612345678'));
    expect(phoneKey('612-345-678')).toBe('612345678');
    expect(phoneKey('+86 138 0013 8000')).toBe(phoneKey('13800138000'));
    expect(phoneKey('123')).toBeUndefined();
    expect(nameKey('García, José')).toBe(nameKey('jose   GARCIA'));
    expect(nameKey('张伟')).toBe('张伟');
    expect(nameKey('.')).toBeUndefined();
  });

  it('finds duplicates, invalid values, missing names and skipped purchases, with the rows involved', () => {
    const book = bookWith(
      [
        { code: '1', name: 'José García', phone: '+34 612 345 678', email: 'Jose@Mail.com' },
        { code: '2', name: 'Garcia Jose', phone: '612345678', email: 'jose@mail.com ' },
        { code: '3', name: '', phone: 'call me', email: 'not-an-email' },
        { code: '3', name: 'Li Na', phone: '13800138000' },
      ],
      [{ date: '2025-01-01', customer: '9', amount: 5 }, { date: '2025-01-02', customer: '1', amount: 'abc' }],
    );
    const ids = book.sheet('customers').liveRowIds();
    const problems = dataProblems(readSnapshot(book));
    const by = (k: string) => problems.filter((p) => p.kind === k);
    expect(by('duplicatePhone')).toEqual([{ kind: 'duplicatePhone', sheet: 'customers', rows: [ids[0], ids[1]], value: '612345678' }]);
    expect(by('duplicateEmail').map((p) => p.rows)).toEqual([[ids[0], ids[1]]]);
    expect(by('similarName').map((p) => p.rows)).toEqual([[ids[0], ids[1]]]);
    expect(by('duplicateCode').map((p) => p.rows)).toEqual([[ids[2], ids[3]]]);
    expect(by('invalidPhone').map((p) => p.rows)).toEqual([[ids[2]]]);
    expect(by('invalidEmail').map((p) => p.value)).toEqual(['not-an-email']);
    expect(by('missingName').map((p) => p.rows)).toEqual([[ids[2]]]);
    expect(by('purchaseUnknownCustomer')[0]!.rows).toHaveLength(1);
    expect(by('purchaseBadAmount')[0]!.sheet).toBe('purchases');
    expect(dataProblems(readSnapshot(bookWith([])))).toEqual([]);
  });

  it('gathered a range at a time (as the app does in slices), finds the same problems as in one go', () => {
    const rows = Array.from({ length: 23 }, (_, i) => ({
      code: String(i % 10 === 9 ? 1 : i),
      name: i % 7 === 0 ? 'Ana  Pérez' : i === 5 ? '' : `Cliente ${i}`,
      phone: i % 6 === 0 ? '600 100 200' : i === 4 ? 'llamar' : `6001${String(i).padStart(5, '0')}`,
      email: i % 8 === 0 ? 'ana@tienda.es' : '',
    }));
    const snapshot = readSnapshot(bookWith(rows, [{ date: '2025-01-01', customer: 'zz', amount: 5 }]));
    const whole = dataProblems(snapshot);
    expect(new Set(whole.map((p) => p.kind))).toEqual(new Set(['duplicatePhone', 'duplicateEmail', 'similarName', 'duplicateCode', 'invalidPhone', 'missingName', 'purchaseUnknownCustomer']));
    for (const step of [1, 4, 10]) {
      const p = new CustomerProblems();
      for (let i = 0; i < snapshot.customers.length; i += step) p.add(snapshot.customers, i, Math.min(i + step, snapshot.customers.length));
      expect(p.finish(snapshot.issues)).toEqual(whole);
    }
  });
});
