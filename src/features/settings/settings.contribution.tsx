// Settings: the language (English, Español, 中文), following the browser until the person picks one;
// the choice is device-local ('settings:locale'). A Settings tab, "Settings: Open Settings" and
// "Settings: Change Language" (a quick pick).

import { For, type JSX } from 'solid-js';
import { DisposableStore, type Disposable } from '../../base/event';
import { LOCALES, matchLocale, type Locale } from '../../i18n/i18n';
import type { DeviceStore } from '../../storage/types';
import { useServices, type Services } from '../../ui/services';
import type { QuickPickProvider, Workbench } from '../../ui/workbench/workbench-context';
import { PHONE_COUNTRIES, changePhoneCountry, initPhoneCountry, phoneCountry, regionName } from './phone-country';

export const LOCALE_KEY = 'settings:locale';

const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/** The saved language, or the browser's best match. */
export async function initialLocale(deviceStore: DeviceStore, languages: readonly string[]): Promise<Locale> {
  const saved = await deviceStore.get<unknown>(LOCALE_KEY).catch(() => undefined);
  return isLocale(saved) ? saved : matchLocale(languages);
}

/** Keeps <html lang> in step with the language (screen readers, hyphenation, CJK font choice). */
export function syncDocumentLanguage(services: Pick<Services, 'i18n'>): Disposable {
  const set = (l: Locale) => {
    if (typeof document !== 'undefined') document.documentElement.lang = l;
  };
  set(services.i18n.i18n.locale);
  return services.i18n.i18n.onDidChangeLocale(set);
}

export function changeLanguage(services: Pick<Services, 'i18n' | 'deviceStore'>, locale: Locale): void {
  services.i18n.i18n.setLocale(locale);
  void services.deviceStore.set(LOCALE_KEY, locale).catch(() => undefined);
}

export function registerSettingsContribution(services: Services, wb: Workbench): Disposable {
  const { commands, i18n } = services;
  const store = new DisposableStore();
  store.add(syncDocumentLanguage(services));
  void initPhoneCountry(services.deviceStore, typeof navigator === 'undefined' ? [] : navigator.languages);

  store.add(
    wb.views.registerEditor({
      id: 'settings',
      icon: 'settings',
      title: () => ({ key: 'settings.title' }),
      render: () => <SettingsEditor />,
    }),
  );
  store.add(
    commands.register({
      id: 'settings.open',
      title: 'settings.cmd.open',
      category: 'settings.category',
      keybinding: 'Ctrl+,',
      when: '!staffMode',
      run: () => wb.openEditor({ kind: 'settings', id: '' }),
    }),
  );
  const languagePick: QuickPickProvider = {
    id: 'language',
    ariaLabel: () => i18n.t('settings.language'),
    placeholder: () => i18n.t('settings.language.placeholder'),
    empty: () => i18n.t('workbench.palette.empty'),
    items: () =>
      LOCALES.map((l) => ({
        id: l,
        label: i18n.t(`settings.language.${l}`),
        description: l === i18n.locale() ? i18n.t('settings.language.current') : '',
      })),
    accept: (item) => {
      if (isLocale(item.id)) changeLanguage(services, item.id);
    },
  };
  store.add(
    commands.register({
      id: 'settings.changeLanguage',
      title: 'settings.cmd.changeLanguage',
      category: 'settings.category',
      run: () => wb.showQuickPick(languagePick),
    }),
  );
  return store;
}

function SettingsEditor(): JSX.Element {
  const services = useServices();
  const { i18n } = services;
  return (
    <div class="wb-page" data-editor-kind="settings">
      <div class="wb-page-inner">
        <h1>{i18n.t('settings.title')}</h1>
        <p class="wb-page-lead">{i18n.t('settings.lead')}</p>
        <div class="st-setting">
          <label class="st-label" for="st-language">
            {i18n.t('settings.language')}
          </label>
          <p class="st-help" id="st-language-help">
            {i18n.t('settings.language.help')}
          </p>
          <select
            id="st-language"
            class="st-select"
            aria-describedby="st-language-help"
            value={i18n.locale()}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isLocale(v)) changeLanguage(services, v);
            }}
          >
            <For each={LOCALES}>
              {(l) => (
                <option value={l} selected={l === i18n.locale()} lang={l}>
                  {i18n.t(`settings.language.${l}`)}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="st-setting">
          <label class="st-label" for="st-phone-country">
            {i18n.t('settings.phoneCountry')}
          </label>
          <p class="st-help" id="st-phone-country-help">
            {i18n.t('settings.phoneCountry.help')}
          </p>
          <select
            id="st-phone-country"
            class="st-select"
            aria-describedby="st-phone-country-help"
            value={phoneCountry()}
            onChange={(e) => changePhoneCountry(services.deviceStore, e.currentTarget.value)}
          >
            <For each={PHONE_COUNTRIES}>
              {(code) => (
                <option value={code} selected={code === phoneCountry()}>
                  {regionName(i18n.locale(), code)}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="st-setting">
          <span class="st-label">{i18n.t('settings.theme')}</span>
          <p class="st-help">{i18n.t('settings.theme.help')}</p>
        </div>
      </div>
    </div>
  );
}
