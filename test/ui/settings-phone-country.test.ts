import { describe, expect, it } from 'vitest';
import { countryFromLanguages } from '../../src/features/settings/phone-country';

describe('default phone country', () => {
  it('takes the region of the browser language when we know it', () => {
    expect(countryFromLanguages(['es-MX', 'es'])).toBe('MX');
    expect(countryFromLanguages(['zh-Hant-TW'])).toBe('TW');
  });
  it('falls back on the language, then on US', () => {
    expect(countryFromLanguages(['es'])).toBe('ES');
    expect(countryFromLanguages(['zh-CN'])).toBe('CN');
    expect(countryFromLanguages(['fr-FR'])).toBe('US');
    expect(countryFromLanguages(['de', 'en'])).toBe('US');
  });
});
