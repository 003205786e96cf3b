import { describe, expect, it } from 'vitest';
import { convertCell, excelSerialToIso, isoToExcelSerial, parseDateText, parseNumberText, stripFormulaGuard } from '../../src/io/map/convert';
import { parseLooseDate } from '../../src/core/index';

const es = { dayFirst: true, defaultCountry: 'ES' };

describe('convertCell', () => {
  it('keeps unreadable values as text and reports them', () => {
    expect(convertCell('mañana', 'date', es)).toEqual({ value: 'mañana', problem: 'import.problem.date' });
    expect(convertCell('n/a', 'number', es)).toEqual({ value: 'n/a', problem: 'import.problem.number' });
    expect(convertCell('ana@', 'email', es)).toEqual({ value: 'ana@', problem: 'import.problem.email' });
    expect(convertCell('quizá', 'checkbox', es)).toEqual({ value: 'quizá', problem: 'import.problem.checkbox' });
    expect(convertCell('llamar tarde', 'phone', es)).toEqual({ value: 'llamar tarde', problem: 'import.problem.phone' });
  });

  it('empties are null', () => {
    expect(convertCell(null, 'text', es)).toEqual({ value: null });
    expect(convertCell('   ', 'number', es)).toEqual({ value: null });
  });

  it('normalises phones to E.164, turning numbers back into text', () => {
    expect(convertCell(612345678, 'phone', es)).toEqual({ value: '+34612345678' });
    expect(convertCell('612 34 56 78', 'phone', es)).toEqual({ value: '+34612345678' });
    expect(convertCell('0034 612345678', 'phone', es)).toEqual({ value: '+34612345678' });
    expect(convertCell(13800138000, 'phone', { dayFirst: false, defaultCountry: 'CN' })).toEqual({ value: '+8613800138000' });
    expect(convertCell(8613800138000, 'phone', es)).toEqual({ value: '+8613800138000' });
    expect(convertCell("'+34612345678", 'phone', es)).toEqual({ value: '+34612345678' });
    // Cannot be placed: the original is kept and reported.
    expect(convertCell('12345', 'phone', es)).toEqual({ value: '12345', problem: 'import.problem.phone' });
    // No default country: a national number is kept as written, without complaint.
    expect(convertCell('612345678', 'phone', { dayFirst: true })).toEqual({ value: '612345678' });
  });

  it('keeps codes with leading zeros and numbers as text in text columns', () => {
    expect(convertCell('007', 'text', es)).toEqual({ value: '007' });
    expect(convertCell(1001, 'text', es)).toEqual({ value: '1001' });
    expect(convertCell(612345678, 'text', es)).toEqual({ value: '612345678' });
  });

  it('reads numbers by the column\'s decimal convention', () => {
    expect(convertCell('1.234,50', 'currency', { ...es, decimalComma: true })).toEqual({ value: 1234.5 });
    expect(convertCell('1.234', 'number', { ...es, decimalComma: true })).toEqual({ value: 1234 });
    expect(convertCell('1,234', 'number', { ...es, decimalComma: true })).toEqual({ value: 1.234 });
    expect(convertCell('1,234.5', 'number', { ...es, decimalComma: false })).toEqual({ value: 1234.5 });
    expect(convertCell('€ -12,50', 'currency', es)).toEqual({ value: -12.5 });
    expect(convertCell('(12.50)', 'currency', es)).toEqual({ value: -12.5 });
    expect(convertCell('¥1,280', 'currency', es)).toEqual({ value: 1280 });
    expect(convertCell('88元', 'currency', es)).toEqual({ value: 88 });
    expect(convertCell(42, 'number', es)).toEqual({ value: 42 });
    // A date is not a badly grouped number.
    expect(convertCell('04.03.2024', 'number', { ...es, decimalComma: true })).toEqual({ value: '04.03.2024', problem: 'import.problem.number' });
  });

  it('reads dates: ISO, serials, YYYYMMDD, day- or month-first, Chinese and month names', () => {
    expect(convertCell('2024-03-04', 'date', es)).toEqual({ value: '2024-03-04' });
    expect(convertCell('2024-03-04 10:30:00', 'date', es)).toEqual({ value: '2024-03-04' });
    expect(convertCell(45355, 'date', es)).toEqual({ value: '2024-03-04' });
    expect(convertCell(20240304, 'date', es)).toEqual({ value: '2024-03-04' });
    expect(convertCell('03/04/2024', 'date', { dayFirst: true })).toEqual({ value: '2024-04-03' });
    expect(convertCell('03/04/2024', 'date', { dayFirst: false })).toEqual({ value: '2024-03-04' });
    expect(convertCell('2024年3月4日', 'date', es)).toEqual({ value: '2024-03-04' });
    expect(convertCell('4 de marzo de 2024', 'date', es)).toEqual({ value: '2024-03-04' });
    expect(convertCell('Mar 4, 2024', 'date', es)).toEqual({ value: '2024-03-04' });
    expect(convertCell('31/02/2024', 'date', es)).toEqual({ value: '31/02/2024', problem: 'import.problem.date' });
  });

  it('reads yes/no in three languages, tags and emails', () => {
    expect(convertCell('Sí', 'checkbox', es)).toEqual({ value: true });
    expect(convertCell('否', 'checkbox', es)).toEqual({ value: false });
    expect(convertCell('N', 'checkbox', es)).toEqual({ value: false });
    expect(convertCell('VIP, café；新客', 'tags', es)).toEqual({ value: ['VIP', 'café', '新客'] });
    expect(convertCell(' mailto:Ana@Example.com ', 'email', es)).toEqual({ value: 'Ana@Example.com' });
  });
});

describe('helpers', () => {
  it('Excel serials both ways, around the 1900 leap-year bug', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeUndefined();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45355.75)).toBe('2024-03-04');
    for (const iso of ['1900-01-01', '1900-02-28', '1900-03-01', '1985-12-25', '2024-02-29']) expect(excelSerialToIso(isoToExcelSerial(iso)!)).toBe(iso);
  });

  it('strips only our formula guard', () => {
    expect(stripFormulaGuard("'+34612345678")).toBe('+34612345678');
    expect(stripFormulaGuard("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(stripFormulaGuard("'tis")).toBe("'tis");
  });

  it('parses loose numbers without a known convention', () => {
    expect(parseNumberText('1.234,50')).toBe(1234.5);
    expect(parseNumberText('12,5')).toBe(12.5);
    expect(parseNumberText('1,234')).toBe(1234);
    expect(parseNumberText('1 234,5')).toBe(1234.5);
    expect(parseNumberText('abc')).toBeUndefined();
    expect(parseDateText('12/31/2024', true)).toBe('2024-12-31');
  });
});

describe('parseDateText, day/month/year text', () => {
  it('reads 03/04/2024-shaped dates exactly as parseLooseDate does', () => {
    let s = 99;
    const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const n = (max: number) => Math.floor(rnd() * max);
    const cases: string[] = ['29/02/2024', '29/02/2023', '29/02/1900', '29/02/2000', '31/04/2024', '12/31/2024', '31/12/2024', '00/01/2024', '1/13/2024', '13/13/2024', '07.08.1999', '7-8-9999', '1/1/1000'];
    for (let i = 0; i < 20000; i++) {
      const sep = () => ['/', '.', '-'][n(3)]!;
      const part = () => String(n(40)).padStart(n(2) + 1, '0');
      cases.push(`${part()}${sep()}${part()}${sep()}${1000 + n(9000)}`);
    }
    for (const dayFirst of [true, false]) {
      const expected = cases.map((c) => parseLooseDate(c, dayFirst));
      expect(cases.map((c) => parseDateText(c, dayFirst))).toEqual(expected);
      expect(expected.filter((e) => e !== undefined).length).toBeGreaterThan(3000);
      expect(expected.filter((e) => e === undefined).length).toBeGreaterThan(3000);
    }
  });
});
