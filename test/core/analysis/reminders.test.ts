import { describe, expect, it } from 'vitest';
import { CustomerAnalysis } from '../../../src/core/analysis/customer-analysis';
import { nextBirthday, reminderId, remindersFor, type ReminderState } from '../../../src/core/analysis/reminders';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../src/core/analysis/settings';
import { asRowId } from '../../../src/core/model/types';
import { customer, d, sale, snap } from './helpers';

const none = () => undefined;

describe('nextBirthday', () => {
  it('handles year wrap and 29 February', () => {
    expect(nextBirthday('1980-01-02', d('2024-12-30'))).toEqual({ day: d('2025-01-02'), age: 45 });
    expect(nextBirthday('1980-12-30', d('2024-12-30'))).toEqual({ day: d('2024-12-30'), age: 44 });
    expect(nextBirthday('1980-12-29', d('2024-12-30'))!.day).toBe(d('2025-12-29'));
    expect(nextBirthday('1992-02-29', d('2025-02-20'))!.day).toBe(d('2025-02-28')); // no 29th in 2025
    expect(nextBirthday('1992-02-29', d('2024-02-20'))!.day).toBe(d('2024-02-29'));
    expect(nextBirthday('1900-05-05', d('2025-05-01'))).toEqual({ day: d('2025-05-05'), age: undefined });
    expect(nextBirthday('garbage', d('2025-05-01'))).toBeUndefined();
  });
});

describe('birthdays in the list', () => {
  // The list looks at every customer's birthday: edges of the lead days, 29 February, the new year.
  const birthdays = (today: string, lead: number, born: Record<string, string>) => {
    const settings = { ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders, birthdayLeadDays: lead } };
    const a = new CustomerAnalysis(snap(Object.entries(born).map(([code, birthday]) => customer(code, { birthday }))), settings, d(today));
    return remindersFor(a, d(today), none)
      .today.filter((i) => i.kind === 'birthday')
      .map((i) => [i.customer, i.reason.kind === 'birthday' ? i.reason.inDays : -1]);
  };

  it('takes the last lead day and not the day after, also across 29 February and the new year', () => {
    expect(birthdays('2025-02-25', 3, { LEAP: '1992-02-29', MAR1: '1990-03-01', FEB28: '1990-02-28', FEB24: '1990-02-24' })).toEqual([
      [asRowId('c-FEB28'), 3], // same day: by id
      [asRowId('c-LEAP'), 3], // 28 February in 2025
    ]);
    expect(birthdays('2024-02-25', 4, { LEAP: '1992-02-29', MAR1: '1990-03-01' })).toEqual([
      [asRowId('c-LEAP'), 4],
    ]);
    expect(birthdays('2025-12-30', 2, { JAN1: '1980-01-01', JAN2: '1980-01-02', DEC30: '1980-12-30' })).toEqual([
      [asRowId('c-DEC30'), 0],
      [asRowId('c-JAN1'), 2],
    ]);
    // A date that is no date (30 February, typed by hand) is never a birthday.
    expect(birthdays('2025-02-27', 5, { BAD: '1990-02-30' })).toEqual([]);
  });
});

describe('reminders', () => {
  const today = d('2025-06-01');
  const cs = [
    customer('BD', { birthday: '1990-06-04' }), // birthday in 3 days
    customer('FU', { nextContact: d('2025-05-30') }), // follow-up overdue 2 days
    customer('CH'), // churn
    customer('NW'), // welcome
    customer('KY'), // key, never contacted
    customer('FAR', { birthday: '1990-07-01', nextContact: d('2025-06-05') }), // nothing due
  ];
  const ps = [
    sale('CH', '2025-03-01', 10), sale('CH', '2025-03-11', 10), sale('CH', '2025-03-21', 10), // every 10 days, 72 days now
    sale('NW', '2025-05-28', 20), // 4 days ago
    sale('KY', '2024-10-01', 5000), // key customer, 243 days without contact; points expire 2025-10-01 (not within 30 days)
  ];
  const analysis = (settings: AnalysisSettings = DEFAULT_SETTINGS) => new CustomerAnalysis(snap(cs, ps), settings, today);

  it('lists each due item with its reason, in priority order', () => {
    const list = remindersFor(analysis(), today, none);
    expect(list.today.map((i) => [i.kind, i.customer])).toEqual([
      ['followUp', asRowId('c-FU')],
      ['birthday', asRowId('c-BD')],
      ['churn', asRowId('c-CH')],
      ['keyNoContact', asRowId('c-KY')],
      ['welcome', asRowId('c-NW')],
    ]);
    const reasons = Object.fromEntries(list.today.map((i) => [i.kind, i.reason]));
    expect(reasons.followUp).toEqual({ kind: 'followUp', due: d('2025-05-30'), overdueDays: 2 });
    expect(reasons.birthday).toEqual({ kind: 'birthday', date: d('2025-06-04'), inDays: 3, age: 35 });
    expect(reasons.churn).toEqual({ kind: 'churn', usualGapDays: 10, daysNow: 72 });
    expect(reasons.keyNoContact).toEqual({ kind: 'keyNoContact', lastContact: undefined, days: 243 });
    expect(reasons.welcome).toEqual({ kind: 'welcome', firstPurchase: d('2025-05-28'), days: 4 });
    expect(list.today[1]!.id).toBe('c-BD:birthday:2025-06-04');
    expect(list.today[3]!.id).toBe('c-KY:keyNoContact:never');
  });

  it('hides done and dismissed items, and snoozed ones until their day', () => {
    const states: Record<string, ReminderState> = {
      [reminderId(asRowId('c-BD'), 'birthday', d('2025-06-04'))]: { status: 'done', at: '2025-06-01' },
      [reminderId(asRowId('c-CH'), 'churn', d('2025-03-21'))]: { status: 'snoozed', until: '2025-06-02' },
      [reminderId(asRowId('c-NW'), 'welcome', d('2025-05-28'))]: { status: 'dismissed', at: '2025-06-01' },
    };
    const list = remindersFor(analysis(), today, (id) => states[id]);
    expect(list.today.map((i) => i.kind)).toEqual(['followUp', 'keyNoContact']);
    expect(list.hidden).toBe(3);
    expect(remindersFor(analysis(), d('2025-06-02'), (id) => states[id]).today.map((i) => i.kind)).toContain('churn');
  });

  it('spreads the work with a daily quota; disabled kinds are not listed', () => {
    const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders, dailyQuota: 2, kinds: { ...DEFAULT_SETTINGS.reminders.kinds, followUp: false } } };
    const list = remindersFor(analysis(settings), today, none);
    expect(list.today.map((i) => i.kind)).toEqual(['birthday', 'churn']);
    expect(list.later.map((i) => i.kind)).toEqual(['keyNoContact', 'welcome']);
  });

  it('lists points about to expire, and a contact clears the key-customer and welcome items', () => {
    const a = new CustomerAnalysis(
      snap([customer('PX'), customer('KY'), customer('NW')], [sale('PX', '2024-06-20', 30), sale('KY', '2024-10-01', 5000), sale('NW', '2025-05-28', 20)], [
        { id: asRowId('k1'), customerCode: 'KY', day: d('2025-05-01'), channel: 'phone', outcome: 'ok' },
        { id: asRowId('k2'), customerCode: 'NW', day: d('2025-05-29'), channel: 'sms', outcome: 'ok' },
      ]),
      DEFAULT_SETTINGS,
      today,
    );
    const list = remindersFor(a, today, none);
    expect(list.today.map((i) => [i.kind, i.reason])).toEqual([['pointsExpiring', { kind: 'pointsExpiring', points: 30, day: d('2025-06-20') }]]);
  });

  it('works on an empty shop', () => {
    expect(remindersFor(new CustomerAnalysis(snap([]), DEFAULT_SETTINGS, today), today, none)).toEqual({ today: [], later: [], hidden: 0 });
  });
});
