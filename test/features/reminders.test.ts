// The Reminders view's logic: reasons in words, contact links, WeChat IDs, calendar events, the
// badge, and the store that keeps today's list current (incremental edits, states synced from
// another device, a new day).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createBook, yDocOf } from '../../src/core/doc/book-doc';
import { analyzeBook } from '../../src/core/analysis/book-analysis';
import { isoToDay } from '../../src/core/analysis/days';
import { addRows, setCells } from '../../src/core/ops/rows';
import { markReminderDone, setNextContact, snoozeReminder } from '../../src/core/ops/reminders';
import { readShopSettings, writeShopSettings } from '../../src/core/ops/shop-settings';
import { createI18n } from '../../src/i18n/i18n';
import { calendarEvents, contactLinks, reasonText, updateBadge, wechatIdOf } from '../../src/features/reminders/reminder-model';
import { keepStable, makeRemindersStore } from '../../src/features/reminders/reminders-store';
import { makeAnalysisService } from '../../src/features/analysis/analysis-service';
import { todayIso } from '../../src/base/date';
import { asRowId } from '../../src/core/model/types';
import type { ReminderItem } from '../../src/core/analysis/reminders';
import { normalizePhone } from '../../src/io/map/convert';
import type { Book } from '../../src/core/doc/book-doc';

const d = (iso: string) => isoToDay(iso)!;
const en = createI18n('en');
const f = { t: en.t.bind(en), formatDate: (iso: string) => en.formatDate(iso) };

function bookWith(customers: Record<string, unknown>[], purchases: Record<string, unknown>[] = []): Book {
  const book = createBook();
  book.ensureSchema();
  addRows(book, 'customers', customers as never);
  if (purchases.length) addRows(book, 'purchases', purchases as never);
  return book;
}

describe('reasons in words', () => {
  it('says each kind the way the owner reads it', () => {
    expect(reasonText({ kind: 'birthday', date: d('2026-11-24'), inDays: 1, age: 36 }, f)).toBe('Birthday tomorrow · turns 36');
    expect(reasonText({ kind: 'birthday', date: d('2026-11-25'), inDays: 2, age: undefined }, f)).toBe('Birthday in 2 days');
    expect(reasonText({ kind: 'birthday', date: d('2026-11-23'), inDays: 0, age: undefined }, f)).toBe('Birthday today');
    expect(reasonText({ kind: 'followUp', due: d('2026-11-23'), overdueDays: 0 }, f)).toBe('Follow-up scheduled for today');
    expect(reasonText({ kind: 'followUp', due: d('2026-11-20'), overdueDays: 3 }, f)).toBe('Follow-up scheduled for 11/20/2026 (3 days ago)');
    expect(reasonText({ kind: 'keyNoContact', lastContact: d('2026-05-17'), days: 190 }, f)).toBe('Key customer not contacted for 190 days');
    expect(reasonText({ kind: 'welcome', firstPurchase: d('2026-11-20'), days: 3 }, f)).toBe('New customer: first purchase 3 days ago');
    expect(reasonText({ kind: 'churn', usualGapDays: 12, daysNow: 41 }, f)).toBe('Usually every 12 days; 41 days now');
    expect(reasonText({ kind: 'pointsExpiring', points: 120, day: d('2026-11-30') }, f)).toBe('120 points expire on 11/30/2026');
    const zh = createI18n('zh-CN');
    expect(reasonText({ kind: 'birthday', date: d('2026-11-24'), inDays: 1, age: undefined }, { t: zh.t.bind(zh), formatDate: zh.formatDate })).toBe('明天生日');
  });
});

describe('contact links', () => {
  const norm = (p: string) => normalizePhone(p, 'ES');
  it('call, SMS and WhatsApp from a local number read with the shop country; email escaped', () => {
    expect(contactLinks('612 345 678', 'ana.p+vip@example.com', norm)).toEqual({
      tel: 'tel:+34612345678',
      sms: 'sms:+34612345678',
      whatsapp: 'https://wa.me/34612345678',
      mailto: 'mailto:ana.p%2Bvip@example.com',
    });
  });
  it('an unparseable short number still calls, but WhatsApp needs a country code; bad email hidden', () => {
    expect(contactLinks('1234', 'not an email', norm)).toEqual({ tel: 'tel:1234', sms: 'sms:1234' });
    expect(contactLinks('', '', norm)).toEqual({});
    // International digits the parser cannot validate keep working for WhatsApp.
    expect(contactLinks('+99 1234 5678 90', '', () => undefined).whatsapp).toBe('https://wa.me/991234567890');
  });
});

describe('WeChat ID', () => {
  it('from a WeChat column (by name), else from a wechat: tag, else none', () => {
    const book = bookWith([
      { name: 'Zhang', tags: ['VIP', '微信：zw_88'] },
      { name: 'Li', tags: ['wechat: li-wx'] },
      { name: 'Ana', tags: ['VIP'] },
    ]);
    const [zhang, li, ana] = book.sheet('customers').liveRowIds();
    expect(wechatIdOf(book, zhang!)).toBe('zw_88');
    expect(wechatIdOf(book, li!)).toBe('li-wx');
    expect(wechatIdOf(book, ana!)).toBeUndefined();
    book.write('local', (w) => w.setColumn('customers', 'c-wx', { name: 'WeChat ID', type: 'text', width: 120, hidden: false, options: [], pos: 99 }));
    setCells(book, 'customers', [{ row: ana!, col: 'c-wx', value: 'ana_wx' }]);
    expect(wechatIdOf(book, ana!)).toBe('ana_wx');
    expect(wechatIdOf(book, zhang!)).toBe('zw_88'); // empty cell: the tag still counts
  });
});

describe('calendar events', () => {
  it('every birthday yearly (29 February from the last leap year) and future follow-ups once', () => {
    const book = bookWith([
      { code: 'A', name: 'Ana', birthday: '1990-03-15', phone: '+34612345678' },
      { code: 'B', name: 'Bo', birthday: '2000-02-29' },
      { code: 'C', name: '' },
      { code: 'D', name: 'Dan' },
    ]);
    const [, , c, dan] = book.sheet('customers').liveRowIds();
    setNextContact(book, c!, '2026-12-01');
    setNextContact(book, dan!, '2026-11-01'); // past: not exported
    const today = d('2026-11-23');
    const events = calendarEvents(analyzeBook(book, today).analysis, today, { t: f.t, unnamed: 'Unnamed' });
    expect(events.map((e) => [e.date, e.summary, !!e.yearly])).toEqual([
      ['2026-03-15', 'Birthday: Ana', true],
      ['2024-02-29', 'Birthday: Bo', true],
      ['2026-12-01', 'Follow-up: C', false],
    ]);
    expect(events[0]!.description).toBe('+34612345678');
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
  });
});

describe('badge', () => {
  it('sets the count, clears at 0, and does nothing without the Badging API', async () => {
    const calls: string[] = [];
    const nav = {
      setAppBadge: (n?: number) => (calls.push(`set ${n}`), Promise.resolve()),
      clearAppBadge: () => (calls.push('clear'), Promise.reject(new Error('not installed'))),
    };
    updateBadge(3, nav);
    updateBadge(0, nav);
    expect(calls).toEqual(['set 3', 'clear']);
    expect(() => updateBadge(2, {})).not.toThrow();
    expect(() => updateBadge(2, undefined)).not.toThrow();
  });
});

describe('reminders store', () => {
  let now = new Date(2026, 10, 23, 9, 0);
  beforeEach(() => {
    vi.useFakeTimers();
    now = new Date(2026, 10, 23, 9, 0);
  });
  afterEach(() => vi.useRealTimers());

  /** The app's analysis service on the test clock (idle work runs at once). */
  const serviceOf = (book: Book) =>
    makeAnalysisService(book, { whenLoaded: Promise.resolve(), now: () => isoToDay(todayIso(now))!, idle: (fn) => fn(), defer: (fn) => setTimeout(fn, 0), fullDelayMs: 300, refreshDelayMs: 500, pollMs: 1000 });

  it('lists today from the shared analysis and follows edits, own actions, synced states, rules and a new day', async () => {
    const book = bookWith([
      { code: 'A', name: 'Ana', birthday: '1990-11-24' },
      { code: 'B', name: 'Bo' },
      { code: 'C', name: 'Cy' },
    ]);
    const [ana, bo, cy] = book.sheet('customers').liveRowIds();
    const service = serviceOf(book);
    const store = makeRemindersStore(book, service);
    expect(store.list()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(0);
    await store.whenReady;
    expect(store.analysis()).toBe(service.analysis()); // one analysis, not a copy
    const kinds = () => store.list()!.today.map((i) => `${book.sheet('customers').get(i.customer, 'name')}:${i.kind}`);
    expect(kinds()).toEqual(['Ana:birthday']);
    expect(reasonText(store.list()!.today[0]!.reason, f)).toBe('Birthday tomorrow · turns 36');

    // Typing a birthday into the grid: the incremental path, listed after a short debounce; Ana's
    // item is the same object as before (a keyed list keeps its row).
    const anaItem = store.list()!.today[0]!;
    setCells(book, 'customers', [{ row: bo!, col: 'birthday', value: '1985-11-23' }]);
    expect(kinds()).toEqual(['Ana:birthday']);
    await vi.advanceTimersByTimeAsync(200);
    expect(kinds()).toEqual(['Bo:birthday', 'Ana:birthday']);
    expect(store.list()!.today[1]).toBe(anaItem);

    // Done on this device: gone at once, a Contacts row exists.
    const boItem = store.list()!.today[0]!;
    markReminderDone(book, boItem, { channel: 'phone', outcome: '', date: '2026-11-23' });
    store.refresh();
    expect(kinds()).toEqual(['Ana:birthday']);
    expect(store.list()!.hidden).toBe(1);

    // Another device snoozes Ana: the state arrives as a sync update (a meta key in the change feed).
    const other = createBook(new Y.Doc());
    Y.applyUpdate(yDocOf(other), Y.encodeStateAsUpdate(yDocOf(book)));
    snoozeReminder(other, store.list()!.today[0]!.id, '2026-11-24');
    Y.applyUpdate(yDocOf(book), Y.encodeStateAsUpdate(yDocOf(other)));
    await vi.advanceTimersByTimeAsync(10);
    expect(kinds()).toEqual([]);

    // A follow-up and a quota of 1 (rules saved on this device): one today, the other waits.
    setNextContact(book, cy!, '2026-11-23');
    await vi.advanceTimersByTimeAsync(200);
    expect(kinds()).toEqual(['Cy:followUp']);
    setNextContact(book, ana!, '2026-11-20');
    writeShopSettings(book, { ...readShopSettings(book), reminders: { ...readShopSettings(book).reminders, dailyQuota: 1 } });
    store.recompute();
    expect(kinds()).toEqual(['Ana:followUp']);
    expect(store.list()!.later.map((i) => i.customer)).toEqual([cy]);

    // The same rules written by the other device arrive through the change feed: a quota of 2.
    Y.applyUpdate(yDocOf(other), Y.encodeStateAsUpdate(yDocOf(book)));
    writeShopSettings(other, { ...readShopSettings(other), reminders: { ...readShopSettings(other).reminders, dailyQuota: 2 } });
    Y.applyUpdate(yDocOf(book), Y.encodeStateAsUpdate(yDocOf(other)));
    await vi.advanceTimersByTimeAsync(200);
    expect(kinds()).toEqual(['Ana:followUp', 'Cy:followUp']);

    // The next morning: the snooze has ended and Ana's birthday is today.
    now = new Date(2026, 10, 24, 8, 0);
    await vi.advanceTimersByTimeAsync(1200);
    expect(store.today()).toBe(d('2026-11-24'));
    expect(store.list()!.today.length + store.list()!.later.length).toBe(3);
    store.dispose();
    service.dispose();
  });

  it('keeps unchanged items and lists as the same objects', () => {
    const item = (id: string, days: number): ReminderItem => ({ id, kind: 'churn', customer: asRowId(id), day: 1, reason: { kind: 'churn', usualGapDays: 10, daysNow: days } });
    const prev = { today: [item('a', 30), item('b', 40)], later: [], hidden: 0 };
    expect(keepStable(prev, { today: [item('a', 30), item('b', 40)], later: [], hidden: 0 })).toBe(prev);
    const next = keepStable(prev, { today: [item('a', 30), item('b', 41)], later: [], hidden: 0 });
    expect(next.today[0]).toBe(prev.today[0]);
    expect(next.today[1]).not.toBe(prev.today[1]);
    expect(next.today[1]!.reason).toEqual({ kind: 'churn', usualGapDays: 10, daysNow: 41 });
    expect(keepStable(prev, { today: [item('a', 30), item('b', 40)], later: [], hidden: 1 }).today).toBe(prev.today);
  });
});
