// The Reminders view's plain logic, apart from Solid so it is unit-tested in Node: an item's reason
// in words, the links that start a call / SMS / WhatsApp / email, the customer's WeChat ID (a
// WeChat column or a `wechat:` tag), snooze dates, the calendar events of the .ics export and the
// app icon's badge.

import type { Book, Column, CustomerAnalysis, Day, ReminderReason, RowId } from '../../core/index';
import { dayToIso, nextBirthday, valueToText, ymdOf } from '../../core/index';
import type { IcsEvent } from '../../io/export/ics';

export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;
export type Formatters = { readonly t: Translate; readonly formatDate: (iso: string) => string };

/** The reason of an item as a sentence in the owner's language. */
export function reasonText(reason: ReminderReason, f: Formatters): string {
  const { t } = f;
  switch (reason.kind) {
    case 'followUp':
      return reason.overdueDays > 0
        ? t('reminders.reason.followUpOverdue', { date: f.formatDate(dayToIso(reason.due)), days: reason.overdueDays })
        : t('reminders.reason.followUp');
    case 'birthday': {
      const when =
        reason.inDays === 0
          ? t('reminders.reason.birthdayToday')
          : reason.inDays === 1
            ? t('reminders.reason.birthdayTomorrow')
            : t('analysis.reason.birthday', { days: reason.inDays });
      return reason.age !== undefined ? `${when} · ${t('reminders.reason.turns', { age: reason.age })}` : when;
    }
    case 'churn':
      return t('analysis.reason.churn', { usual: reason.usualGapDays, now: reason.daysNow });
    case 'keyNoContact':
      return reason.lastContact === undefined ? t('reminders.reason.keyNever', { days: reason.days }) : t('reminders.reason.keyNoContact', { days: reason.days });
    case 'pointsExpiring':
      return t('reminders.reason.points', { points: reason.points, date: f.formatDate(dayToIso(reason.day)) });
    case 'welcome':
      return t('reminders.reason.welcome', { days: reason.days });
  }
}

export type ContactLinks = {
  readonly tel?: string;
  readonly sms?: string;
  readonly whatsapp?: string;
  readonly mailto?: string;
};

/**
 * Links for a customer's phone and email. `normalize` turns a phone into E.164 (`+34612345678`)
 * with the shop's country; WhatsApp needs the country code, so without one it uses the digits as
 * typed only when they look international (10+ digits).
 */
export function contactLinks(phone: string, email: string, normalize: (phone: string) => string | undefined): ContactLinks {
  const out: { tel?: string; sms?: string; whatsapp?: string; mailto?: string } = {};
  const p = phone.trim();
  const digits = p.replace(/\D/g, '');
  if (digits.length >= 3) {
    const e164 = normalize(p);
    const dial = e164 ?? (p.startsWith('+') ? `+${digits}` : digits);
    out.tel = `tel:${dial}`;
    out.sms = `sms:${dial}`;
    const wa = e164 ? e164.slice(1) : p.startsWith('+') || digits.length >= 10 ? digits.replace(/^00/, '') : undefined;
    if (wa) out.whatsapp = `https://wa.me/${wa}`;
  }
  const e = email.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) out.mailto = `mailto:${encodeURIComponent(e).replace(/%40/g, '@')}`;
  return out;
}

const WECHAT_COLUMN = /wechat|weixin|微信|^wx$/i;
const WECHAT_TAG = /^(?:wechat|weixin|wx|微信)\s*[:：]\s*(\S+)$/i;

/** The column holding WeChat IDs, found by id, name or label (`wechat`, `WeChat ID`, `微信`). */
export function wechatColumn(columns: readonly Column[]): Column | undefined {
  return columns.find((c) => WECHAT_COLUMN.test(c.id) || (c.name !== undefined && WECHAT_COLUMN.test(c.name)) || (c.labelKey !== undefined && WECHAT_COLUMN.test(c.labelKey)));
}

/** The customer's WeChat ID: the WeChat column's cell, else a tag like `wechat:zhangwei88` / `微信：zw88`. */
export function wechatIdOf(book: Book, row: RowId): string | undefined {
  const sheet = book.sheet('customers');
  const col = wechatColumn(sheet.columns());
  const cell = col ? valueToText(sheet.get(row, col.id)).trim() : '';
  if (cell) return cell;
  const tags = sheet.get(row, 'tags');
  const list = Array.isArray(tags) ? tags : typeof tags === 'string' ? tags.split(/[,，;]/) : [];
  for (const tag of list) {
    const m = WECHAT_TAG.exec(String(tag).trim());
    if (m) return m[1];
  }
  return undefined;
}

/** ISO date `days` after `today`. */
export const isoAfter = (today: Day, days: number): string => dayToIso(today + days);

/** Who a customer is in a list: name, else code, else the fallback ("Unnamed customer"). */
export function customerLabel(a: CustomerAnalysis, id: RowId, unnamed: string): string {
  const c = a.customer(id);
  return c?.name.trim() || c?.code.trim() || unnamed;
}

/**
 * Calendar events of every customer's birthday (yearly) and of the follow-ups scheduled today or
 * later. A birthday starts on its most recent occurrence (a past DTSTART is fine for a yearly rule,
 * and a year the owner left as 1900 stays out); 29 February starts in the last leap year.
 */
export function calendarEvents(a: CustomerAnalysis, today: Day, f: { t: Translate; unnamed: string }): IcsEvent[] {
  const out: IcsEvent[] = [];
  const year = ymdOf(today).y;
  for (const id of a.rowIds()) {
    const c = a.customer(id);
    if (!c) continue;
    const name = customerLabel(a, id, f.unnamed);
    if (c.birthday && nextBirthday(c.birthday, today)) {
      const md = c.birthday.slice(5);
      let y = year;
      if (md === '02-29') while (!(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) y--;
      out.push({ uid: `${id}-birthday@clientela`, date: `${y}-${md}`, summary: f.t('reminders.ics.birthday', { name }), description: c.phone || undefined, yearly: true });
    }
    if (c.nextContact !== undefined && c.nextContact >= today) {
      out.push({ uid: `${id}-followup-${dayToIso(c.nextContact)}@clientela`, date: dayToIso(c.nextContact), summary: f.t('reminders.ics.followUp', { name }), description: c.phone || undefined });
    }
  }
  return out;
}

/** The app icon's badge (Badging API, where there is one: installed PWAs on Chromium, Safari). */
export function updateBadge(count: number, nav: Partial<Pick<Navigator, 'setAppBadge' | 'clearAppBadge'>> | undefined = typeof navigator === 'undefined' ? undefined : navigator): void {
  if (!nav || typeof nav.setAppBadge !== 'function') return;
  const p = count > 0 ? nav.setAppBadge(count) : typeof nav.clearAppBadge === 'function' ? nav.clearAppBadge() : nav.setAppBadge(0);
  // Not installed, or no permission: nothing to tell the user.
  void p?.catch?.(() => undefined);
}
