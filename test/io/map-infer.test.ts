import { describe, expect, it } from 'vitest';
import { dayFirstForLocale, inferType } from '../../src/io/map/infer';

describe('inferType', () => {
  it('keeps phones, codes and ids as text, never numbers', () => {
    expect(inferType(['0012', '0345', '1200']).type).toBe('text');
    expect(inferType(['+34 612 34 56 78', '+34 698 765 432']).type).toBe('phone');
    expect(inferType(['612 34 56 78', '(91) 555-12-34']).type).toBe('phone');
    // Phones stored as numbers in a phone-named column.
    expect(inferType([612345678, 698765432, 13800138000], { header: 'Teléfono' }).type).toBe('phone');
    expect(inferType([13800138000, 13912345678], { header: '手机' }).type).toBe('phone');
    // The same numbers under an id header, or no header at all: text.
    expect(inferType([612345678, 698765432], { header: 'Customer ID' }).type).toBe('text');
    expect(inferType([612345678, 698765432]).type).toBe('text');
    expect(inferType([1001, 1002, 1003], { header: '会员卡号' }).type).toBe('text');
  });

  it('reads ISO dates, text dates and Excel serials under a date header', () => {
    expect(inferType(['2024-03-04', '2023-12-31']).type).toBe('date');
    expect(inferType([45356, 45000], { header: 'Fecha de alta' }).type).toBe('date');
    expect(inferType([45356, 45000]).type).toBe('number');
    expect(inferType([20240304, 20231231], { header: '最近消费日期' }).type).toBe('date');
    expect(inferType(['2024年3月4日', '2024/12/1']).type).toBe('date');
  });

  it('resolves ambiguous dates by the other rows, else by the locale, and counts them', () => {
    expect(inferType(['03/04/2024', '25/12/2023', '01/02/2024'], { dayFirst: false })).toMatchObject({
      type: 'date', dayFirst: true, dayFirstFromFile: true, ambiguousDates: 2,
    });
    expect(inferType(['03/04/2024', '12/25/2023'], { dayFirst: true })).toMatchObject({ dayFirst: false, dayFirstFromFile: true, ambiguousDates: 1 });
    expect(inferType(['03/04/2024', '05/06/2024'], { dayFirst: false })).toMatchObject({ dayFirst: false, dayFirstFromFile: false, ambiguousDates: 2 });
    // The same day and month is not ambiguous.
    expect(inferType(['05/05/2024']).ambiguousDates).toBe(0);
  });

  it('reads numbers with decimal commas, thousands marks and currency signs', () => {
    expect(inferType(['1.234,50', '12,00', '7'])).toMatchObject({ type: 'number', decimalComma: true });
    expect(inferType(['1,234.50', '12.00'])).toMatchObject({ type: 'number', decimalComma: false });
    expect(inferType(['€ 12,50', '1.000,00 €']).type).toBe('currency');
    expect(inferType(['¥1,280.00', '¥35']).type).toBe('currency');
    expect(inferType(['88元', '120元']).type).toBe('currency');
    expect(inferType([1280, 35.5], { header: '累计消费' }).type).toBe('currency');
    expect(inferType([3, 5, 8], { header: '积分' }).type).toBe('number');
  });

  it('finds emails and yes/no columns', () => {
    expect(inferType(['ana@example.com', 'luis@correo.es']).type).toBe('email');
    expect(inferType(['Y', 'N', 'y']).type).toBe('checkbox');
    expect(inferType(['是', '否']).type).toBe('checkbox');
    expect(inferType(['Sí', 'No', 'si']).type).toBe('checkbox');
    expect(inferType([true, false]).type).toBe('checkbox');
    expect(inferType(['1', '0', '1']).type).not.toBe('checkbox');
  });

  it('falls back to text for mixed or empty columns', () => {
    expect(inferType([]).type).toBe('text');
    expect(inferType([null, '']).type).toBe('text');
    expect(inferType(['Calle Mayor 1', 'Av. Diagonal 200', '12']).type).toBe('text');
  });
});

describe('dayFirstForLocale', () => {
  it('follows the locale', () => {
    expect(dayFirstForLocale('es')).toBe(true);
    expect(dayFirstForLocale('en-GB')).toBe(true);
    expect(dayFirstForLocale('en-US')).toBe(false);
    expect(dayFirstForLocale('zh-CN')).toBe(false);
  });
});
