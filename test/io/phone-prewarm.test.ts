// The plan's phone numbers normalised on two cores (src/io/parse/phone-prewarm.ts): every answer in
// the cache must be libphonenumber's, whether the helper answered it, failed, or was never asked.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/core/index';
import { isPhoneCached, normalizePhone } from '../../src/io/map/phone';
import { PREWARM_MIN, PhonePool, likelyPhoneTexts, phoneTexts, prewarmPhones, type PhoneDone, type PhoneHelper, type PhoneJob } from '../../src/io/parse/phone-prewarm';
import type { ImportSettings, RawRow } from '../../src/io/types';

function reference(text: string, country?: string): string | null {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 5 || digits.length > 17) return null;
  const attempt = (s: string, c?: string) => {
    try {
      const p = parsePhoneNumberFromString(s, c as CountryCode | undefined);
      return p?.isValid() ? p.number : undefined;
    } catch {
      return undefined;
    }
  };
  return attempt(text, country) ?? (!text.startsWith('+') && digits.length >= 10 && (!country || digits.length >= 11) ? attempt(`+${digits}`) : undefined) ?? null;
}

/** Distinct numbers no other test has put in the cache (the seed differs per call). */
function numbers(count: number, seed: number): string[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out = new Set<string>();
  while (out.size < count) {
    const d = String(Math.floor(rnd() * 1e8)).padStart(8, '0');
    out.add(rnd() < 0.5 ? `6${d}` : rnd() < 0.5 ? `0034 9${d}` : `1${d}99`);
  }
  return [...out];
}

/** A helper answering asynchronously, as a worker would, with normalizePhone's own answers. */
function fakeHelper(opts: { fail?: boolean } = {}): PhoneHelper & { asked: number } {
  const h: PhoneHelper & { asked: number } = {
    asked: 0,
    onmessage: null,
    onerror: null,
    postMessage(job: PhoneJob) {
      h.asked += job.texts.length;
      setTimeout(() => {
        if (opts.fail) return h.onerror?.(new Error('boom'));
        const out = job.texts.map((t) => reference(t, job.country));
        h.onmessage?.({ data: { id: job.id, out } satisfies PhoneDone });
      }, 1);
    },
    terminate() {},
  };
  return h;
}

describe('prewarmPhones', () => {
  it('caches every number with libphonenumber’s answer, sharing the work with the helper', async () => {
    const texts = numbers(12_000, 11);
    const helper = fakeHelper();
    const result = await prewarmPhones(texts, 'ES', helper);
    expect(result.ok).toBe(true);
    expect(helper.asked).toBeGreaterThan(0);
    expect(result.helped).toBe(helper.asked);
    expect(helper.asked).toBeLessThan(texts.length);
    expect(texts.every((t) => isPhoneCached(t, 'ES'))).toBe(true);
    const answers = texts.map((t) => normalizePhone(t, 'ES') ?? null);
    expect(answers).toEqual(texts.map((t) => reference(t, 'ES')));
    expect(answers.filter((a) => a !== null).length).toBeGreaterThan(1000);
  });

  it('does the helper’s share itself when the helper fails', async () => {
    const texts = numbers(PREWARM_MIN + 5000, 12);
    const helper = fakeHelper({ fail: true });
    expect((await prewarmPhones(texts, 'US', helper)).ok).toBe(false);
    expect(helper.asked).toBeGreaterThan(0);
    expect(texts.every((t) => isPhoneCached(t, 'US'))).toBe(true);
    expect(texts.map((t) => normalizePhone(t, 'US') ?? null)).toEqual(texts.map((t) => reference(t, 'US')));
  });

  it('leaves small lists to the plan', async () => {
    const texts = numbers(100, 13);
    const helper = fakeHelper();
    expect((await prewarmPhones(texts, 'GB', helper)).ok).toBe(true);
    expect(helper.asked).toBe(0);
    expect(texts.some((t) => isPhoneCached(t, 'GB'))).toBe(false);
  });
});

describe('phoneTexts', () => {
  it('lists the distinct texts of phone columns below the header, as convertCell reads them', () => {
    const columns = [
      { id: 'phone', type: 'phone' },
      { id: 'name', type: 'text' },
    ] as unknown as Column[];
    const rows: RawRow[] = [
      ['Tel', 'Nombre', 'Móvil', 'Otro'],
      [' 611 222 333 ', 'Ana', 612345678, '699000111'],
      ['611 222 333', 'Luis', 6.5, null],
      ['', 'Eva', '  ', '688'],
    ];
    const settings: ImportSettings = {
      headerRow: 0,
      targets: [{ kind: 'column', columnId: 'phone' }, { kind: 'column', columnId: 'name' }, { kind: 'new', name: 'Móvil', type: 'phone' }, { kind: 'skip' }],
      matchBy: 'code',
      policy: 'fillEmpty',
      dayFirst: true,
      defaultCountry: 'PT',
    };
    expect(phoneTexts(rows, settings, columns)).toEqual(['611 222 333', '612345678']);
  });
});

describe('PhonePool', () => {
  it('starts on likely numbers early and finishes them with the plan’s own', async () => {
    const texts = numbers(16_000, 21);
    const helper = fakeHelper();
    const pool = new PhonePool(helper, 'MX');
    pool.speculate(texts.slice(0, 12_000));
    expect(helper.asked).toBe(2000); // two batches in flight, no more
    await new Promise((r) => setTimeout(r, 20));
    const result = await pool.prewarm(texts.slice(6000));
    expect(result.ok).toBe(true);
    expect(helper.asked).toBeGreaterThan(4000);
    expect(texts.every((t) => isPhoneCached(t, 'MX'))).toBe(true);
    expect(texts.map((t) => normalizePhone(t, 'MX') ?? null)).toEqual(texts.map((t) => reference(t, 'MX')));
  });

  it('works ahead on speculated numbers from the front while the helper takes the back, and stops for a plan', async () => {
    const texts = numbers(9000, 23);
    const silent: PhoneHelper & { asked: number } = { asked: 0, onmessage: null, onerror: null, postMessage: (job: PhoneJob) => void (silent.asked += job.texts.length), terminate() {} };
    const pool = new PhonePool(silent, 'PE');
    pool.speculate(texts);
    expect(silent.asked).toBe(2000); // the last 2,000, with a helper that never answers
    await pool.workAhead();
    // Everything but the helper's two batches is done here, with libphonenumber's answers.
    expect(texts.slice(0, 7000).every((t) => isPhoneCached(t, 'PE'))).toBe(true);
    expect(texts.slice(7000).some((t) => isPhoneCached(t, 'PE'))).toBe(false);
    expect(texts.slice(0, 7000).map((t) => normalizePhone(t, 'PE') ?? null)).toEqual(texts.slice(0, 7000).map((t) => reference(t, 'PE')));

    // A plan that starts while it works: it stops after its block, and the plan does the rest.
    const more = numbers(9000, 24);
    const helper = fakeHelper();
    const busy = new PhonePool(helper, 'UY');
    busy.speculate(more);
    const ahead = busy.workAhead();
    const result = await busy.prewarm(more.slice(0, 100));
    await ahead;
    expect(result.ok).toBe(true);
    expect(more.every((t) => isPhoneCached(t, 'UY'))).toBe(true);
    expect(more.map((t) => normalizePhone(t, 'UY') ?? null)).toEqual(more.map((t) => reference(t, 'UY')));
  });

  it('guesses the phone columns as the mapping will', () => {
    const rows: RawRow[] = [['Lista de clientes'], ['Nombre', 'Teléfono', 'Código'], ...numbers(50, 22).map((n, i) => [`Cliente ${i}`, n, String(1000 + i)])];
    const texts = likelyPhoneTexts(rows, 'CL');
    expect(texts).toHaveLength(50);
    expect(texts[0]).toBe(rows[2]![1]);
  });
});
