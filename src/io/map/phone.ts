// Phone numbers to E.164 with libphonenumber-js, behind a cache: the one costly conversion of an
// import (~30 µs a number, most of a 50k-row plan). Its own module, so the planning worker's helper
// (phone.worker.ts) loads only this and the library.

import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * Results of `normalizePhone` by default country and text: a file repeats numbers (one line per
 * sale), the merge reads its own E.164 values again, and a re-plan (another match key or policy)
 * reads every cell again. The function is pure, so a cached answer is the answer.
 */
const phoneCache = new Map<string, Map<string, string | null>>();
let phoneCached = 0;
/** Bounds the cache's memory (~20 MB of short strings) for files far bigger than the benchmark's. */
const PHONE_CACHE_MAX = 200_000;

/**
 * E.164 form of a phone number (`+34612345678`), read with `defaultCountry` when it has no country
 * code; undefined when it is not a valid number. Numbers written as 0034… or 8613800138000 are read
 * with their country code.
 */
export function normalizePhone(text: string, defaultCountry?: string): string | undefined {
  const hit = phoneCache.get(defaultCountry ?? '')?.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const out = normalizePhoneUncached(text, defaultCountry);
  remember(text, out, defaultCountry);
  return out;
}

function normalizePhoneUncached(text: string, defaultCountry?: string): string | undefined {
  const t = text.trim();
  const digits = t.replace(/\D/g, '');
  if (digits.length < 5 || digits.length > 17) return undefined;
  const attempt = (s: string, country?: string): string | undefined => {
    // Without a country only "+…" can be read. Asking the library anyway gives the same answer,
    // but through an error thrown and caught per value: most of the time of a 50k-row import.
    if (!country && !s.startsWith('+')) return undefined;
    try {
      const p = parsePhoneNumberFromString(s, country as CountryCode | undefined);
      return p?.isValid() ? p.number : undefined;
    } catch {
      return undefined;
    }
  };
  return (
    attempt(t, defaultCountry) ??
    // A number that lost its "+" (stored as a number): 34612345678, 8613800138000. No country
    // calling code starts with 0, so "+0…" never reads (the library says so through a thrown and
    // caught error, a third of the phone time of a 50k-row import: 00…, 0…-national numbers).
    (!t.startsWith('+') && digits.length >= 10 && (!defaultCountry || digits.length >= 11) && digits[0] !== '0' ? attempt(`+${digits}`) : undefined)
  );
}

/** Whether `normalizePhone(text, defaultCountry)` would answer from the cache. */
export function isPhoneCached(text: string, defaultCountry?: string): boolean {
  return phoneCache.get(defaultCountry ?? '')?.has(text) === true;
}

/**
 * Puts answers computed elsewhere (the helper worker, by this same function) into the cache. Only
 * `normalizePhone`'s own results may come here: the cache must never answer differently from it.
 */
export function cachePhones(texts: readonly string[], results: readonly (string | null)[], defaultCountry?: string): void {
  for (let i = 0; i < texts.length; i++) remember(texts[i]!, results[i] ?? undefined, defaultCountry);
}

function remember(text: string, out: string | undefined, defaultCountry?: string): void {
  if (++phoneCached > PHONE_CACHE_MAX) {
    phoneCache.clear();
    phoneCached = 1;
  }
  let cache = phoneCache.get(defaultCountry ?? '');
  if (!cache) phoneCache.set(defaultCountry ?? '', (cache = new Map()));
  cache.set(text, out ?? null);
}
