import { describe, expect, it } from 'vitest';
import { classifyRow, detectHeader, isTotalLabel } from '../../src/io/map/header';
import type { RawRow } from '../../src/io/types';

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
