// The country phone numbers without a country code belong to (612 345 678 → +34 in Spain), used
// when importing. Device-local ('settings:phoneCountry'); until chosen, taken from the browser's
// language region (es-MX → MX), else from the language (es → ES, zh → CN, en → US).

import { createSignal } from 'solid-js';
import type { DeviceStore } from '../../storage/types';

export const PHONE_COUNTRY_KEY = 'settings:phoneCountry';
export const PHONE_COUNTRIES: readonly string[] = ['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'US', 'GB', 'IE', 'CN', 'TW', 'HK', 'SG', 'MY'];
const BY_LANGUAGE: Readonly<Record<string, string>> = { es: 'ES', zh: 'CN', en: 'US' };

export function countryFromLanguages(languages: readonly string[]): string {
  for (const tag of languages) {
    const region = /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})\b/.exec(tag)?.[1]?.toUpperCase();
    if (region && PHONE_COUNTRIES.includes(region)) return region;
  }
  for (const tag of languages) {
    const lang = tag.slice(0, 2).toLowerCase();
    if (BY_LANGUAGE[lang]) return BY_LANGUAGE[lang]!;
  }
  return 'US';
}

const [country, setCountry] = createSignal<string>('US');
export const phoneCountry = country;

export async function initPhoneCountry(store: DeviceStore, languages: readonly string[]): Promise<void> {
  const saved = await store.get<unknown>(PHONE_COUNTRY_KEY).catch(() => undefined);
  setCountry(typeof saved === 'string' && PHONE_COUNTRIES.includes(saved) ? saved : countryFromLanguages(languages));
}

/** A country's name in the user's language, from Intl (no catalog to keep): "Spain (ES)". */
export function regionName(locale: string, code: string): string {
  try {
    return `${new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code} (${code})`;
  } catch {
    return code;
  }
}

export function changePhoneCountry(store: DeviceStore, code: string): void {
  if (!PHONE_COUNTRIES.includes(code)) return;
  setCountry(code);
  void store.set(PHONE_COUNTRY_KEY, code).catch(() => undefined);
}
