// Ops of the analysis: points redemption, reminder states and follow-ups, shop settings — all in the book.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBook, yDocOf } from '../../../src/core/doc/book-doc';
import { analyzeBook } from '../../../src/core/analysis/book-analysis';
import { remindersFor } from '../../../src/core/analysis/reminders';
import { DEFAULT_SETTINGS } from '../../../src/core/analysis/settings';
import { grantPoints, redeemPoints } from '../../../src/core/ops/points';
import { clearReminderState, dismissReminder, markReminderDone, reminderStates, setNextContact, snoozeReminder } from '../../../src/core/ops/reminders';
import { readShopSettings, resetShopSettings, writeShopSettings } from '../../../src/core/ops/shop-settings';
import { bookWith, d } from './helpers';

const today = d('2025-06-01');

describe('points ops', () => {
  it('records a redemption as a purchases row the ledger reads, adding the points column once', () => {
    const book = bookWith([{ code: 'A', name: 'Ana' }], [{ date: '2025-05-01', customer: 'A', amount: 120 }]);
    const ana = book.sheet('customers').liveRowIds()[0]!;
    const id = redeemPoints(book, { customerCode: 'A', points: 50, date: '2025-05-20', note: 'gift box', available: 120 });
    expect(book.sheet('purchases').row(id)).toMatchObject({ amount: 0, points: -50, customer: 'A', note: 'gift box' });
    expect(book.sheet('purchases').column('points')).toMatchObject({ type: 'number', labelKey: 'column.purchases.points' });
    grantPoints(book, { customerCode: 'A', points: 5, date: '2025-05-21' });
    const { analysis } = analyzeBook(book, today);
    expect(analysis.row(ana)!.points).toBe(75);
    expect(analysis.ledger(ana)!.entries.map((e) => e.kind)).toEqual(['earned', 'redeemed', 'earned']);
    expect(() => redeemPoints(book, { customerCode: 'A', points: 500, date: '2025-05-20', available: 75 })).toThrow(RangeError);
    expect(() => redeemPoints(book, { customerCode: 'A', points: 1.5, date: '2025-05-20' })).toThrow(RangeError);
    book.undo();
    expect(analyzeBook(book, today).analysis.row(ana)!.points).toBe(70);
  });
});

describe('reminder ops', () => {
  it('marks done with a contacts row, snoozes and dismisses in the book, and syncs to another replica', () => {
    const book = bookWith([{ code: 'A', name: 'Ana', birthday: '1990-06-03' }, { code: 'B', name: 'Bo' }]);
    const [ana, bo] = book.sheet('customers').liveRowIds();
    setNextContact(book, bo!, '2025-06-01');
    expect(book.sheet('customers').column('nextContact')).toMatchObject({ type: 'date', labelKey: 'column.customers.nextContact' });
    const list = () => remindersFor(analyzeBook(book, today).analysis, today, reminderStates(book));
    expect(list().today.map((i) => i.kind)).toEqual(['followUp', 'birthday']);

    const birthday = list().today[1]!;
    const contact = markReminderDone(book, birthday, { channel: 'whatsapp', outcome: 'sent wishes', date: '2025-06-01' });
    expect(book.sheet('contacts').row(contact)).toMatchObject({ date: '2025-06-01', customer: 'A', channel: 'whatsapp', outcome: 'sent wishes' });
    expect(list().today.map((i) => i.kind)).toEqual(['followUp']);
    expect(list().hidden).toBe(1);

    const follow = list().today[0]!;
    snoozeReminder(book, follow.id, '2025-06-08');
    expect(list().today).toEqual([]);
    expect(remindersFor(analyzeBook(book, d('2025-06-08')).analysis, d('2025-06-08'), reminderStates(book)).today.map((i) => i.kind)).toEqual(['followUp']);
    dismissReminder(book, follow.id, '2025-06-01');
    clearReminderState(book, birthday.id);
    expect(list().today.map((i) => i.customer)).toEqual([ana]);

    const other = createBook(new Y.Doc());
    Y.applyUpdate(yDocOf(other), Y.encodeStateAsUpdate(yDocOf(book)));
    expect(reminderStates(other)(follow.id)).toEqual({ status: 'dismissed', at: '2025-06-01' });
    expect(other.sheet('contacts').liveRowIds()).toHaveLength(1);
    expect(() => snoozeReminder(book, follow.id, 'next week')).toThrow(RangeError);
  });
});

describe('shop settings', () => {
  it('stores the rules in the book, filling defaults and cleaning bad values', () => {
    const book = bookWith([]);
    expect(readShopSettings(book)).toEqual(DEFAULT_SETTINGS);
    writeShopSettings(book, {
      ...DEFAULT_SETTINGS,
      tiers: [{ id: 'vip', name: 'VIP', order: 1, metric: 'visits', threshold: 10, windowDays: 180 }],
      points: { perAmount: 0.5, expiryDays: null, expiringLeadDays: 7 },
      churn: { factor: 3, minDays: -4, minVisits: 3 },
    });
    const s = readShopSettings(book);
    expect(s.tiers).toEqual([{ id: 'vip', name: 'VIP', order: 1, metric: 'visits', threshold: 10, windowDays: 180 }]);
    expect(s.points).toEqual({ perAmount: 0.5, expiryDays: null, expiringLeadDays: 7 });
    expect(s.churn).toEqual({ factor: 3, minDays: 30, minVisits: 3 });
    resetShopSettings(book);
    expect(readShopSettings(book)).toEqual(DEFAULT_SETTINGS);
  });
});
