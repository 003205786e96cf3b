// Makes the i18n service reactive: `t` re-runs in Solid computations when the language changes.

import { createSignal, type Accessor } from 'solid-js';
import type { I18n, Locale, MessageParams } from '../../i18n/i18n';

export type ReactiveI18n = {
  readonly i18n: I18n;
  readonly locale: Accessor<Locale>;
  t(key: string, params?: MessageParams): string;
};

/** Call once at the root; the subscription lives as long as the app. */
export function makeReactiveI18n(i18n: I18n): ReactiveI18n {
  const [locale, setLocale] = createSignal(i18n.locale);
  i18n.onDidChangeLocale((l) => setLocale(() => l));
  return {
    i18n,
    locale,
    t(key, params) {
      locale();
      return i18n.t(key, params);
    },
  };
}
