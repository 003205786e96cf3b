// Delimiter sniffing and reading fields as text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDelimited, sniffDelimiter } from '../../src/io/parse/delimited';
import { parseBytes } from '../../src/io/parse/parse-file';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../fixtures', name)));

describe('sniffDelimiter', () => {
  it('picks the delimiter with consistent field counts', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n4,5,6\n')).toBe(',');
    expect(sniffDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });

  it('semicolons win over decimal commas ("1.234,50")', () => {
    const text = 'Nombre;Saldo;Puntos\nJosé;1.234,50;10\nAna;87,00;3\nLuis;12,5;1,5\n';
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('respects quotes: delimiters and line breaks inside "…" do not count', () => {
    const text = 'name,address,phone\n"Núñez; José","Calle Mayor 3; 2º\nLogroño",0612\n"Peña; María","Avda; 10",0698\n';
    expect(sniffDelimiter(text)).toBe(',');
  });

  it('a single column falls back to comma', () => {
    expect(sniffDelimiter('Nombre\nJosé\nAna\n')).toBe(',');
  });
});

describe('parseDelimited', () => {
  it('keeps every field as text: leading zeros, plus signs, long numbers, dates', () => {
    const { rows } = parseDelimited('code,phone,id,date,amount\n0007,+34 612 345 678,123456789012345678,03/04/2024,1.234,50\n');
    expect(rows[1]).toEqual(['0007', '+34 612 345 678', '123456789012345678', '03/04/2024', '1.234', '50']);
  });

  it('leaves blank lines out and reports their record numbers', () => {
    const r = parseDelimited('a;b\r\n1;2\r\n\r\n   \r\n3;4\r\n');
    expect(r.rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(r.emptyLines).toEqual([3, 4]);
    expect(r.delimiter).toBe(';');
  });

  it('a row of empty fields is a row (the mapping step reports it), not a blank line', () => {
    expect(parseDelimited('a;b\n;\n1;2\n').rows).toEqual([['a', 'b'], ['', ''], ['1', '2']]);
  });

  it('.tsv means tab even when commas are more frequent; an override wins', () => {
    expect(parseDelimited('a,b\tc,d\n1,2\t3,4\n', { format: 'tsv' }).rows).toEqual([
      ['a,b', 'c,d'],
      ['1,2', '3,4'],
    ]);
    expect(parseDelimited('a;b,c\n1;2,3\n', { delimiter: ';' }).rows[1]).toEqual(['1', '2,3']);
  });

  it('quoted fields: doubled quotes, delimiters and line breaks inside', () => {
    const { rows } = parseDelimited('name,note\n"Peña, María","Dijo ""hola""\nsegunda línea"\n');
    expect(rows[1]).toEqual(['Peña, María', 'Dijo "hola"\nsegunda línea']);
  });

  it('header cells like __proto__ are plain data in arrays', () => {
    const { rows } = parseDelimited('__proto__,constructor,prototype\n{"polluted":1},x,y\n');
    expect(rows[0]).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Array.isArray(rows[0])).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('CSV fixtures', () => {
  it('cashier-gbk.csv: GB18030, comma, Chinese intact, card numbers keep their zeros', () => {
    const r = parseBytes(fixture('cashier-gbk.csv'), 'cashier-gbk.csv', {});
    expect(r.format).toBe('csv');
    expect(r.encoding).toEqual({ used: 'gb18030', guessed: true });
    expect(r.delimiter).toBe(',');
    const rows = r.sheets[0]!.rows;
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual(['会员卡号', '姓名', '手机', '会员等级', '积分', '累计消费', '最近消费日期']);
    expect(rows[1]).toEqual(['00012301', '王小明', '13800138000', '金卡', '1200', '3,456.00', '2024/03/15']);
    expect(rows[7]).toEqual(['00012307', '赵丽颖', '13244445555', '钻石卡', '8800', '12,800.00', '2024/03/31']);
    expect(rows[10]).toEqual(['00012310', '吴晓燕', '13877778888', '金卡', '1500', '2,999.90', '2024/03/08']);
    expect(r.sheets[0]!.emptyLines).toEqual([]);
  });

  it('semicolon-es.csv: Windows-1252, semicolon, decimal commas as written, blank line counted', () => {
    const r = parseBytes(fixture('semicolon-es.csv'), 'semicolon-es.csv', {});
    expect(r.encoding).toEqual({ used: 'windows-1252', guessed: true });
    expect(r.delimiter).toBe(';');
    expect(r.sheets[0]!.rows).toEqual([
      ['Código', 'Nombre', 'Teléfono', 'Dirección', 'Saldo', 'Última compra'],
      ['0007', 'José Núñez', '612345001', 'Calle Mayor 3; 2º B', '1.234,50', '15/03/2024'],
      ['0012', 'María Peña', '612345002', 'Avda. de España 10', '87,00', '01/02/2024'],
      ['0019', 'Íñigo Ibáñez', '612345003', 'Plaza Mayor 1', '12.500,75 €', '20/01/2024'],
      ['0023', 'Begoña Muñoz', '612345004', 'C/ Logroño 4', '-45,20', '29/02/2024'],
    ]);
    expect(r.sheets[0]!.emptyLines).toEqual([4]);
  });

  it('members-big5.csv and unicode-text-utf16.txt (Excel "Unicode text": UTF-16 + tabs)', () => {
    const big5 = parseBytes(fixture('members-big5.csv'), 'members-big5.csv', {});
    expect(big5.encoding).toEqual({ used: 'big5', guessed: true });
    expect(big5.sheets[0]!.rows[2]).toEqual(['002', '林美玲', '0922333444', '銀卡', '30']);
    const u16 = parseBytes(fixture('unicode-text-utf16.txt'), 'unicode-text-utf16.txt', {});
    expect(u16).toMatchObject({ format: 'txt', delimiter: '\t', encoding: { used: 'utf-16le', guessed: false } });
    expect(u16.sheets[0]!.rows[4]).toEqual(['004', '黃淑芬', '0955666777', '金卡', '260']);
  });

  it('the user can override encoding and delimiter', () => {
    const r = parseBytes(fixture('semicolon-es.csv'), 'semicolon-es.csv', { encoding: 'utf-8', delimiter: ',' });
    expect(r.encoding).toEqual({ used: 'utf-8', guessed: false });
    expect(r.delimiter).toBe(',');
    expect(r.sheets[0]!.rows[0]![0]).toBe('C\uFFFDdigo;Nombre;Tel\uFFFDfono;Direcci\uFFFDn;Saldo;\uFFFDltima compra');
  });
});
