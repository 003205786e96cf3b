import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../../src/core/analysis/snapshot';
import { trashRows } from '../../../src/core/ops/rows';
import { bookWith, d } from './helpers';

describe('readSnapshot', () => {
  it('reads an empty book', () => {
    const s = readSnapshot(bookWith([]));
    expect(s.customers).toEqual([]);
    expect(s.purchases).toEqual([]);
    expect(s.contacts).toEqual([]);
    expect(s.issues.badAmount).toEqual([]);
  });

  it('skips and counts bad amounts and dates, keeps unknown customers counted, leaves trashed rows out', () => {
    const book = bookWith(
      [
        { code: 'A1', name: ' Ana ', phone: '612 345 678', birthday: '1990-02-29', tags: ['VIP'], points: 50, nextContact: '2025-06-02' },
        { code: 'B2', name: 'Bo', birthday: 'not a date', points: 'x' },
      ],
      [
        { date: '2025-05-01', customer: 'A1', amount: 12.5, items: 'tea' },
        { date: '2025-05-02', customer: 'A1', amount: 'twelve' },
        { date: 'yesterday', customer: 'A1', amount: 3 },
        { date: '2025-05-03', customer: 'ZZ', amount: 7 },
        { date: '2025-05-04', customer: 'A1', amount: null, points: -20 },
        { date: '2025-05-05', customer: 'B2', amount: '8.5' },
        { date: '2025-05-06', customer: 'B2', amount: 99 },
      ],
      [
        { date: '2025-05-10', customer: 'A1', channel: 'phone', outcome: 'ok' },
        { date: '', customer: 'A1', channel: 'sms', outcome: '' },
      ],
    );
    const last = book.sheet('purchases').liveRowIds().at(-1)!;
    trashRows(book, 'purchases', [last]);
    const s = readSnapshot(book);
    expect(s.customers.map((c) => [c.code, c.name, c.birthday, c.openingPoints, c.tags, c.nextContact])).toEqual([
      ['A1', 'Ana', null, 50, ['VIP'], d('2025-06-02')], // 1990-02-29 does not exist
      ['B2', 'Bo', null, 0, [], undefined],
    ]);
    expect(s.purchases.map((p) => [p.customerCode, p.day, p.amount, p.points])).toEqual([
      ['A1', d('2025-05-01'), 12.5, undefined],
      ['ZZ', d('2025-05-03'), 7, undefined],
      ['A1', d('2025-05-04'), 0, -20],
      ['B2', d('2025-05-05'), 8.5, undefined], // numeric text from a foreign writer is read
    ]);
    expect(s.issues.badAmount).toHaveLength(1);
    expect(s.issues.badDate).toHaveLength(1);
    expect(s.issues.unknownCustomer).toHaveLength(1);
    expect(s.contacts.map((c) => [c.customerCode, c.day, c.channel])).toEqual([['A1', d('2025-05-10'), 'phone']]);
    expect(s.issues.contactBadDate).toHaveLength(1);
  });
});
