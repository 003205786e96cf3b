import { describe, expect, it } from 'vitest';
import { classifyRow, detectHeader, isTotalLabel } from '../../src/io/map/header';
import type { RawRow } from '../../src/io/types';
import { foldText } from '../../src/base/text';

describe('detectHeader', () => {
  it('finds the header below a merged title and a blank row (Spanish workbook)', () => {
    const rows: RawRow[] = [
      ['Listado de clientes 2024', null, null, null],
      [null, null, null, null],
      ['Código', 'Nombre', 'Teléfono', 'Fecha de alta'],
      ['0012', 'José Pérez', '612345678', '2024-01-05'],
      ['0013', 'Ana López', '698765432', '2024-02-10'],
      ['Total', null, null, 2],
    ];
    expect(detectHeader(rows)).toEqual({ headerRow: 2, titleRows: [0] });
  });

  it('prefers the row that names known columns over a two-cell subtitle', () => {
    const rows: RawRow[] = [
      ['会员资料导出', null, null],
      ['门店：朝阳店', '导出人：王芳', null],
      ['会员卡号', '姓名', '手机'],
      ['000123', '张伟', 13800138000],
    ];
    expect(detectHeader(rows)).toEqual({ headerRow: 2, titleRows: [0, 1] });
  });

  it('takes the first text row when no header word is known', () => {
    const rows: RawRow[] = [
      ['Foo', 'Bar', 'Baz'],
      [1, 2, 3],
    ];
    expect(detectHeader(rows).headerRow).toBe(0);
  });

  it('does not take a row of numbers or dates as the header', () => {
    const rows: RawRow[] = [
      ['2024-01-01', '12', '13'],
      ['Name', 'Phone', 'Email'],
    ];
    expect(detectHeader(rows).headerRow).toBe(1);
  });

  it('survives an empty sheet', () => {
    expect(detectHeader([])).toEqual({ headerRow: 0, titleRows: [] });
  });
});

describe('classifyRow', () => {
  it('tells empty, total and data rows apart', () => {
    expect(classifyRow([null, '  ', ''], 3)).toBe('empty');
    expect(classifyRow(['Total', null, 1234.5, '15'], 4)).toBe('total');
    expect(classifyRow(['TOTALES:', null, '1.234,50'], 3)).toBe('total');
    expect(classifyRow([null, '合计', 5200], 3)).toBe('total');
    expect(classifyRow(['总计：', 88], 2)).toBe('total');
    expect(classifyRow(['Suma', 10, 20], 3)).toBe('total');
    expect(classifyRow(['Total'], 3)).toBe('total');
    expect(classifyRow(['0012', 'José', '612345678'], 3)).toBe('data');
  });

  it('does not mistake a customer called "Total Fitness" or a note mentioning totals for a total row', () => {
    expect(classifyRow(['Total Fitness SL', 612345678, 40], 3)).toBe('data');
    expect(classifyRow(['Total', 'Ana', 'Calle Mayor 1'], 3)).toBe('data');
    expect(isTotalLabel('Total general')).toBe(true);
    expect(isTotalLabel('Totalmente')).toBe(false);
  });
});

describe('isTotalLabel shortcuts', () => {
  // The check as it was, folding every cell: the shortcuts must never change an answer.
  const LABELS = new Set(['total', 'totales', 'totalgeneral', 'sumatotal', 'suma', 'subtotal', 'sum', 'grandtotal', 'totals', '合计', '总计', '小计', '共计', '汇总', '總計', '合計', '总合计']);
  const reference = (text: string) => text.length <= 24 && LABELS.has(foldText(text).replace(/[\s\d\p{P}\p{S}]/gu, ''));
  it('answers as folding every cell does', () => {
    let s = 7;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pick = <T,>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
    const decorate = (w: string) => {
      let out = '';
      for (const ch of w) {
        const r = rnd();
        out += r < 0.2 ? ch.toUpperCase() : r < 0.35 ? ch.normalize('NFD') + '\u0301' : r < 0.45 ? (ch + '\u0327').normalize('NFC') : ch;
      }
      return pick(['', ' ', '  ', '(', '*']) + out + pick(['', ':', '：', ' (12)', ' 2024', '.', '']);
    };
    const pool = ['王伟', '李娜', '喜欢绿茶，不要太甜', '上海', 'José García López', 'Ávila', 'Señora Núñez', 'Ţest', 'ŞUMA', 'șuma', 'Tötal', 'ＴＯＴＡＬ', '合　计', '總 計', '合計：', '\uf900', 'x', '', '总', 'straße', 'Søs'];
    const labels = [...LABELS];
    const cases: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const r = rnd();
      cases.push(r < 0.4 ? decorate(pick(labels)) : r < 0.7 ? pick(pool) + (rnd() < 0.5 ? '' : decorate(pick(labels))) : Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => String.fromCharCode(pick([0x41, 0x61, 0xc0, 0x100, 0x1e00, 0x4e00, 0x3000, 0xff10])+ Math.floor(rnd() * 200))).join(''));
    }
    const expected = cases.map(reference);
    expect(cases.map(isTotalLabel)).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThan(1000);
    expect(expected.filter((x) => !x).length).toBeGreaterThan(1000);
  });
});
