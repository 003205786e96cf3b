import { describe, expect, it } from 'vitest';
import { coerceInput, isValidFor, parseLooseDate, parseLooseNumber, valueToText } from '../../src/core/index';
import { foldText } from '../../src/base/text';

describe('parseLooseNumber', () => {
  it.each([
    ['1234.5', 1234.5],
    ['1.234,50', 1234.5],
    ['1,234.50', 1234.5],
    ['12,5', 12.5],
    ['1,234,567', 1234567],
    ['€ 12,00', 12],
    ['¥88', 88],
    ['-3', -3],
  ])('%s → %s', (text, n) => expect(parseLooseNumber(text)).toBe(n));
  it('refuses text', () => expect(parseLooseNumber('abc')).toBeUndefined());
});

describe('parseLooseDate', () => {
  it('reads ISO, day-first, and Chinese dates', () => {
    expect(parseLooseDate('2024-03-04')).toBe('2024-03-04');
    expect(parseLooseDate('03/04/2024')).toBe('2024-04-03');
    expect(parseLooseDate('03/04/2024', false)).toBe('2024-03-04');
    expect(parseLooseDate('12/31/2024')).toBe('2024-12-31');
    expect(parseLooseDate('2024年3月4日')).toBe('2024-03-04');
  });
  it('refuses impossible dates', () => {
    expect(parseLooseDate('31/02/2024')).toBeUndefined();
    expect(parseLooseDate('hello')).toBeUndefined();
  });
});

describe('coerceInput keeps what it cannot read', () => {
  it('keeps invalid numbers as typed, flagged', () => {
    expect(coerceInput('number', 'twelve')).toEqual({ value: 'twelve', valid: false });
    expect(isValidFor('number', 'twelve')).toBe(false);
  });
  it('keeps phones as text with leading zeros and +', () => {
    expect(coerceInput('phone', '0034 600 111 222')).toEqual({ value: '0034 600 111 222', valid: true });
    expect(coerceInput('phone', '+86 138 0013 8000').value).toBe('+86 138 0013 8000');
  });
  it('splits tags on western and Chinese separators', () => {
    expect(coerceInput('tags', 'VIP, 北京，vip；VIP').value).toEqual(['VIP', '北京', 'vip']);
  });
  it('clears on empty text', () => expect(coerceInput('text', '   ').value).toBeNull());
  it('flags a bad email but keeps it', () => expect(coerceInput('email', 'ana@')).toEqual({ value: 'ana@', valid: false }));
  it('turns values back into text', () => {
    expect(valueToText(['a', 'b'])).toBe('a, b');
    expect(valueToText(null)).toBe('');
    expect(valueToText(true)).toBe('TRUE');
  });
});

describe('foldText', () => {
  it('forgives accents and case', () => {
    expect(foldText('José PÉREZ')).toBe('jose perez');
    expect(foldText('张伟')).toBe('张伟');
  });
});
