// normalizePhone's shortcuts (a cache per country and text, "+0…" never read) must give exactly the
// answer of asking libphonenumber-js every time, as the function did before them: checked here on
// many generated numbers in the shapes files have, for several default countries and none.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../src/io/map/convert';

/** The function as it was: libphonenumber for every value, no cache, no shortcut. */
function reference(text: string, defaultCountry?: string): string | undefined {
  const t = text.trim();
  const digits = t.replace(/\D/g, '');
  if (digits.length < 5 || digits.length > 17) return undefined;
  const attempt = (s: string, country?: string): string | undefined => {
    try {
      const p = parsePhoneNumberFromString(s, country as CountryCode | undefined);
      return p?.isValid() ? p.number : undefined;
    } catch {
      return undefined;
    }
  };
  return attempt(t, defaultCountry) ?? (!t.startsWith('+') && digits.length >= 10 && (!defaultCountry || digits.length >= 11) ? attempt(`+${digits}`) : undefined);
}

/** Deterministic numbers: national and international, with and without 0/00 prefixes and separators. */
function generated(count: number, seed: number): string[] {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const shapes: (() => string)[] = [
    () => digits(5 + Math.floor(rnd() * 12)),
    () => `0${digits(8 + Math.floor(rnd() * 4))}`,
    () => `00${digits(9 + Math.floor(rnd() * 5))}`,
    () => `+${digits(7 + Math.floor(rnd() * 9))}`,
    () => `+0${digits(9 + Math.floor(rnd() * 4))}`,
    () => `${['1', '34', '44', '49', '52', '55', '61', '7', '81', '86', '852', '886', '33', '39', '54'][Math.floor(rnd() * 15)]}${digits(8 + Math.floor(rnd() * 4))}`,
    () => `+${['1', '34', '44', '49', '52', '55', '61', '7', '81', '86', '852', '886', '33', '39', '54'][Math.floor(rnd() * 15)]} ${digits(3)} ${digits(3)} ${digits(3 + Math.floor(rnd() * 2))}`,
    () => `${['6', '7', '9'][Math.floor(rnd() * 3)]}${digits(8)}`,
    () => `1${['38', '39', '58', '86', '35'][Math.floor(rnd() * 5)]}${digits(8)}`,
    () => `0${digits(2 + Math.floor(rnd() * 2))}-${digits(7 + Math.floor(rnd() * 2))}`,
    () => `(${digits(3)}) ${digits(3)}-${digits(4)}`,
    () => `0034 ${digits(9)}`,
    () => `+1${['2', '3', '4', '5', '6', '7', '8', '9'][Math.floor(rnd() * 8)]}${digits(9)}`,
  ];
  return Array.from({ length: count }, () => shapes[Math.floor(rnd() * shapes.length)]!());
}

describe('normalizePhone', () => {
  const numbers = generated(6000, 20261123);
  for (const country of [undefined, 'US', 'ES', 'CN', 'GB', 'MX', 'DE', 'AR']) {
    it(`answers as libphonenumber does, default country ${country ?? 'none'}`, () => {
      const expected = numbers.map((n) => reference(n, country));
      // Twice: the second pass is answered from the cache.
      for (let pass = 0; pass < 2; pass++) expect(numbers.map((n) => normalizePhone(n, country))).toEqual(expected);
      // The check itself can fail: the numbers contain valid ones and invalid ones.
      expect(expected.filter((e) => e !== undefined).length).toBeGreaterThan(100);
      expect(expected.filter((e) => e === undefined).length).toBeGreaterThan(100);
    });
  }

  it('keeps countries apart in its cache', () => {
    expect(normalizePhone('612345678', 'ES')).toBe('+34612345678');
    expect(normalizePhone('612345678', 'CN')).not.toBe('+34612345678');
    expect(normalizePhone('612345678')).toBeUndefined();
    expect(normalizePhone('612345678', 'ES')).toBe('+34612345678');
  });

  it('never reads "+0…" (no country calling code starts with 0)', () => {
    for (const n of ['+0612345678', '+00346123456', '+0861380013800'])
      for (const c of [undefined, 'US', 'ES']) expect(normalizePhone(n, c)).toBe(reference(n, c));
    expect(normalizePhone('00612345678', 'US')).toBe(reference('00612345678', 'US'));
  });
});
