// Whom to contact today, and why. Pure: from the analysis, the day and the stored done / snoozed /
// dismissed states (core/ops/reminders.ts keeps them in the book, so both devices agree).
//
// Kinds, in priority order (the order of the list and of the daily quota):
//   followUp        the owner scheduled it (the customer's `nextContact` date is today or past)
//   birthday        the next birthday is within birthdayLeadDays (29 February counts as 28
//                   February in a year without it; December → January wraps)
//   churn           the churn warning fires (see lifecycle.ts)
//   keyNoContact    a key customer not contacted for keyNoContactDays (since the last Contacts row,
//                   or since the first purchase when never contacted)
//   pointsExpiring  points expire within the points lead days
//   welcome         welcomeAfterDays after the first purchase, for welcomeWindowDays, if not
//                   contacted since that purchase
// Within a kind: the earliest date first, then the customer who spent most, then the id.
//
// An item's id is `customer:kind:date`, the date being what the item is about (the birthday, the
// due date, the last purchase, the last contact, the expiry, the first purchase). It stays the same
// while the situation does, so a done or dismissed item stays away, and a new situation (next
// year's birthday, another lapse after a new purchase) is a new item.

import type { RowId } from '../model/types';
import type { CustomerAnalysis } from './customer-analysis';
import { dayOf, dayToIso, isLeapYear, isoToDay, ymdOf, type Day } from './days';
import { REMINDER_KINDS, type ReminderKind } from './settings';

export type ReminderReason =
  | { readonly kind: 'followUp'; readonly due: Day; readonly overdueDays: number }
  | { readonly kind: 'birthday'; readonly date: Day; readonly inDays: number; readonly age: number | undefined }
  | { readonly kind: 'churn'; readonly usualGapDays: number; readonly daysNow: number }
  | { readonly kind: 'keyNoContact'; readonly lastContact: Day | undefined; readonly days: number }
  | { readonly kind: 'pointsExpiring'; readonly points: number; readonly day: Day }
  | { readonly kind: 'welcome'; readonly firstPurchase: Day; readonly days: number };

export type ReminderItem = {
  readonly id: string;
  readonly kind: ReminderKind;
  readonly customer: RowId;
  /** The date the item is about (see the module comment). */
  readonly day: Day;
  readonly reason: ReminderReason;
};

/** Stored per item: done (a Contacts row was written), snoozed until a date, or dismissed. */
export type ReminderState =
  | { readonly status: 'done'; readonly at: string }
  | { readonly status: 'dismissed'; readonly at: string }
  | { readonly status: 'snoozed'; readonly until: string };

export type ReminderList = {
  /** Today's work: the first `dailyQuota` items (all when the quota is 0). */
  readonly today: readonly ReminderItem[];
  /** Due but over the quota: they come back tomorrow, ahead of nothing new of a lower kind. */
  readonly later: readonly ReminderItem[];
  /** Items hidden by a done, dismissed or still-snoozed state. */
  readonly hidden: number;
};

export const reminderId = (customer: RowId, kind: ReminderKind, day: Day | undefined): string =>
  `${customer}:${kind}:${day === undefined ? 'never' : dayToIso(day)}`;

/** The next occurrence of a birthday on or after `today`. */
export function nextBirthday(birthdayIso: string, today: Day): { day: Day; age: number | undefined } | undefined {
  return nextBirthdayIn(birthdayIso, today, ymdOf(today).y);
}

const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
};

/**
 * Whether a birthday may fall within `lead` days of today: a quick look at month and day (no
 * validation, no object) that never says no to one that does; `nextBirthdayIn` then decides.
 */
function birthdaySoon(birthdayIso: string, today: Day, y: number, lead: number): boolean {
  if (birthdayIso.length !== 10) return true;
  const m = digits(birthdayIso, 5, 7);
  const d = digits(birthdayIso, 8, 10);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return true;
  // `dayOf` is plain arithmetic: 29 February of a common year comes out as 1 March, a day late at
  // worst (hence the one day of margin).
  const day = dayOf(y, m, d);
  const gap = day >= today ? day - today : dayOf(y + 1, m, d) - today;
  return gap <= lead + 1;
}

/** `nextBirthday` with today's year given (the list asks for every customer's). */
function nextBirthdayIn(birthdayIso: string, today: Day, y: number): { day: Day; age: number | undefined } | undefined {
  if (isoToDay(birthdayIso) === undefined) return undefined;
  // A valid ISO date: its parts are plain digits.
  const by = digits(birthdayIso, 0, 4);
  const m = digits(birthdayIso, 5, 7);
  const d = digits(birthdayIso, 8, 10);
  for (let year = y; year <= y + 1; year++) {
    const dd = m === 2 && d === 29 && !isLeapYear(year) ? 28 : d;
    const day = dayOf(year, m, dd);
    // A year like 1900 or 0001 is a placeholder for "year unknown": no age then.
    if (day >= today) return { day, age: by > 1900 && by <= year ? year - by : undefined };
  }
  return undefined;
}

/** A valid stored state, or undefined. */
export function parseReminderState(v: unknown): ReminderState | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const s = v as Record<string, unknown>;
  if ((s.status === 'done' || s.status === 'dismissed') && typeof s.at === 'string') return { status: s.status, at: s.at };
  if (s.status === 'snoozed' && typeof s.until === 'string' && isoToDay(s.until) !== undefined) return { status: 'snoozed', until: s.until };
  return undefined;
}

function isHidden(state: ReminderState | undefined, today: Day): boolean {
  if (!state) return false;
  if (state.status === 'snoozed') return today < isoToDay(state.until)!;
  return true;
}

/** Every reminder due on `today`, before states and quota (in priority order). */
export function dueReminders(a: CustomerAnalysis, today: Day): ReminderItem[] {
  const rules = a.settings.reminders;
  const on = rules.kinds;
  // Each item with its day and its customer's total spent (the sort's keys), so sorting looks nothing up.
  type Keyed = { readonly item: ReminderItem; readonly day: Day; readonly spent: number };
  const byKind = new Map<ReminderKind, Keyed[]>(REMINDER_KINDS.map((k) => [k, []]));
  let spent = 0;
  // A big book has tens of thousands of due items over a few hundred distinct days: each day's ISO
  // text is made once.
  const isoCache = new Map<Day, string>();
  const isoOf = (day: Day | undefined): string => {
    if (day === undefined) return 'never';
    let iso = isoCache.get(day);
    if (iso === undefined) isoCache.set(day, (iso = dayToIso(day)));
    return iso;
  };
  // `idDay` is passed apart from `day` because "never contacted" has no date (the id says "never").
  const add = (customer: RowId, kind: ReminderKind, day: Day, reason: ReminderReason, idDay: Day | undefined) =>
    byKind.get(kind)!.push({ item: { id: `${customer}:${kind}:${isoOf(idDay)}`, kind, customer, day, reason }, day, spent });
  const thisYear = ymdOf(today).y;
  a.forEachCustomer((c, row, lastContact) => {
    const id = c.id;
    spent = row.totalSpent;
    if (on.followUp && c.nextContact !== undefined && c.nextContact <= today)
      add(id, 'followUp', c.nextContact, { kind: 'followUp', due: c.nextContact, overdueDays: today - c.nextContact }, c.nextContact);
    // Only the birthdays in the lead days make an object (every customer's is looked at).
    if (on.birthday && c.birthday && birthdaySoon(c.birthday, today, thisYear, rules.birthdayLeadDays)) {
      const next = nextBirthdayIn(c.birthday, today, thisYear);
      if (next && next.day - today <= rules.birthdayLeadDays)
        add(id, 'birthday', next.day, { kind: 'birthday', date: next.day, inDays: next.day - today, age: next.age }, next.day);
    }
    if (on.churn && row.churn && row.lastPurchase !== undefined)
      add(id, 'churn', row.lastPurchase, { kind: 'churn', usualGapDays: row.churn.usualGapDays, daysNow: row.churn.daysNow }, row.lastPurchase);
    if (on.keyNoContact && row.valueClass === 'key' && row.firstPurchase !== undefined) {
      const since = lastContact ?? row.firstPurchase;
      if (today - since >= rules.keyNoContactDays)
        add(id, 'keyNoContact', since, { kind: 'keyNoContact', lastContact, days: today - since }, lastContact);
    }
    if (on.pointsExpiring && row.pointsExpiring)
      add(id, 'pointsExpiring', row.pointsExpiring.day, { kind: 'pointsExpiring', points: row.pointsExpiring.points, day: row.pointsExpiring.day }, row.pointsExpiring.day);
    if (on.welcome && row.firstPurchase !== undefined) {
      const days = today - row.firstPurchase;
      const contacted = lastContact !== undefined && lastContact >= row.firstPurchase;
      if (!contacted && days >= rules.welcomeAfterDays && days < rules.welcomeAfterDays + rules.welcomeWindowDays)
        add(id, 'welcome', row.firstPurchase, { kind: 'welcome', firstPurchase: row.firstPurchase, days }, row.firstPurchase);
    }
  });
  const out: ReminderItem[] = [];
  for (const k of REMINDER_KINDS) {
    const items = byKind.get(k)!;
    items.sort((x, y) => x.day - y.day || y.spent - x.spent || (x.item.id < y.item.id ? -1 : x.item.id > y.item.id ? 1 : 0));
    for (const x of items) out.push(x.item);
  }
  return out;
}

/** Today's reminders: due items minus done/dismissed/snoozed ones, cut by the daily quota. */
export function remindersFor(a: CustomerAnalysis, today: Day, stateOf: (id: string) => ReminderState | undefined): ReminderList {
  let hidden = 0;
  const visible = dueReminders(a, today).filter((item) => {
    const h = isHidden(stateOf(item.id), today);
    if (h) hidden++;
    return !h;
  });
  const quota = a.settings.reminders.dailyQuota;
  return quota > 0 ? { today: visible.slice(0, quota), later: visible.slice(quota), hidden } : { today: visible, later: [], hidden };
}
