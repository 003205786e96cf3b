// Every message exists in every language, and no translation is left empty.
import { describe, expect, it } from 'vitest';
import { CATALOG_PARTS } from '../../src/i18n/messages/index';
import { createI18n, matchLocale } from '../../src/i18n/i18n';

describe('message catalogs', () => {
  it('each part has the same keys in en, es and zh-CN, none empty', () => {
    for (const part of CATALOG_PARTS) {
      const en = Object.keys(part.en).sort();
      expect(Object.keys(part.es).sort()).toEqual(en);
      expect(Object.keys(part['zh-CN']).sort()).toEqual(en);
      for (const loc of ['en', 'es', 'zh-CN'] as const) for (const [k, v] of Object.entries(part[loc])) expect(v.trim(), `${loc} ${k}`).not.toBe('');
    }
  });

  it('no key is defined by two parts', () => {
    const seen = new Map<string, number>();
    for (const part of CATALOG_PARTS) for (const k of Object.keys(part.en)) seen.set(k, (seen.get(k) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('formats with the locale and fills parameters', () => {
    const i18n = createI18n('es');
    expect(i18n.t('sheet.customers')).toBe('Clientes');
    expect(i18n.formatCurrency(1234.5)).toMatch(/1234,50\s?€|1\.234,50\s?€/);
    expect(i18n.formatDate('2024-03-04')).toBe('04/03/2024');
    i18n.setLocale('zh-CN');
    expect(i18n.t('sheet.customers')).toBe('客户');
    expect(matchLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(matchLocale(['fr-FR', 'es-MX'])).toBe('es');
  });
});
