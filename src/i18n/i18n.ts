// Message catalogs and Intl formatting. Every string a user sees comes through `t`.

import { Emitter, type Event } from '../base/event';
import { MESSAGES } from './messages/index';

export type Locale = 'en' | 'es' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'es', 'zh-CN'];
export type MessageParams = Readonly<Record<string, string | number>>;

/** Picks the first supported language of the browser's list (zh-TW etc. fall back to zh-CN). */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('es')) return 'es';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function isDayFirst(locale: string): boolean {
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatToParts(
    new Date(Date.UTC(2024, 11, 31)),
  );
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month').map((p) => p.type);
  return order[0] === 'day';
}

const DEFAULT_CURRENCY: Record<Locale, string> = { en: 'USD', es: 'EUR', 'zh-CN': 'CNY' };

export interface I18n {
  readonly locale: Locale;
  readonly onDidChangeLocale: Event<Locale>;
  setLocale(locale: Locale): void;
  t(key: string, params?: MessageParams): string;
  has(key: string): boolean;
  formatNumber(n: number): string;
  formatCurrency(n: number, currency?: string): string;
  /** An ISO `YYYY-MM-DD` date in the locale's short form. */
  formatDate(iso: string): string;
  formatDateTime(ms: number): string;
  /** The currency money columns are shown in. */
  currency: string;
  /** Does the locale write the day before the month (31/12 rather than 12/31)? */
  readonly dayFirst: boolean;
}

export function createI18n(initial: Locale): I18n {
  let locale = initial;
  let currency = DEFAULT_CURRENCY[initial];
  let numberFmt = new Intl.NumberFormat(locale);
  let moneyFmt = new Map<string, Intl.NumberFormat>();
  let dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  let dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const emitter = new Emitter<Locale>();
  return {
    get locale() {
      return locale;
    },
    get currency() {
      return currency;
    },
    set currency(c: string) {
      currency = c;
    },
    get dayFirst() {
      return isDayFirst(locale);
    },
    onDidChangeLocale: emitter.event,
    setLocale(next) {
      if (next === locale) return;
      locale = next;
      currency = DEFAULT_CURRENCY[next];
      numberFmt = new Intl.NumberFormat(locale);
      moneyFmt = new Map();
      dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
      dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
      emitter.fire(next);
    },
    has(key) {
      return key in MESSAGES[locale];
    },
    t(key, params) {
      const template = MESSAGES[locale][key] ?? MESSAGES.en[key] ?? key;
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (m, name: string) => {
        const v = params[name];
        if (v === undefined) return m;
        return typeof v === 'number' ? numberFmt.format(v) : v;
      });
    },
    formatNumber: (n) => numberFmt.format(n),
    formatCurrency(n, c = currency) {
      let f = moneyFmt.get(c);
      if (!f) moneyFmt.set(c, (f = new Intl.NumberFormat(locale, { style: 'currency', currency: c })));
      return f.format(n);
    },
    formatDate(iso) {
      const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : undefined;
      return d && !Number.isNaN(d.getTime()) ? dateFmt.format(d) : iso;
    },
    formatDateTime: (ms) => dateTimeFmt.format(new Date(ms)),
  };
}
