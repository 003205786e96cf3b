// Workbooks written by LibreOffice (test/fixtures/make): every value exact, in all three formats.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/io/parse/parse-file';
import { classify } from '../../src/io/parse/workbook';
import type { RawRow } from '../../src/io/types';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../fixtures', name)));

const HEADER = ['Código', 'Nombre', 'Teléfono', 'Correo', 'Dirección', 'Fecha de nacimiento', 'Nivel', 'Puntos', 'Última compra'];
// Código is a number formatted 00000 in the file; it must come back as its text.
const CUSTOMERS: RawRow[] = [
  ['00017', 'José Núñez García', '0034 612 345 001', 'jose.nunez@example.es', 'Calle Mayor 3, Logroño', '1985-03-12', 'Oro', 1250, '2024-03-15'],
  ['00023', 'María Peña Ruiz', '0612 345 002', 'maria.pena@example.es', 'Avda. de España 10, Haro', '1990-07-04', 'Plata', 430, '2024-02-01'],
  ['00031', 'Íñigo Ibáñez', '+34 612 345 003', 'inigo@example.es', 'Plaza del Mercado 1, Logroño', '1978-11-30', 'Bronce', 85, '2024-01-20'],
  ['00042', 'Lucía Fernández', '0034612345004', 'lucia.f@example.es', 'C/ San Juan 22, Calahorra', null, 'Oro', 2010, '2024-03-28'],
  ['00056', 'Andrés Gómez', '0612345005', 'andres.gomez@example.es', 'Calle Portales 45, Logroño', '1969-02-14', 'Plata', 610, '2023-12-22'],
  ['00061', 'Begoña Martínez', '0034 612 345 006', 'bego@example.es', 'Avda. Portugal 8, Logroño', '1995-05-05', 'Bronce', 40, '2024-02-29'],
  ['00078', 'Carlos Sáez', '0612 345 007', 'csaez@example.es', 'Calle Laurel 2, Logroño', '1988-09-18', 'Plata', 375, '2024-03-02'],
  ['00083', 'Dolores Pérez', '0034 612 345 008', 'lola.perez@example.es', 'Calle Bretón 14, Nájera', '1958-01-01', 'Oro', 1880, '2024-03-30'],
  ['00095', 'Eduardo Jiménez', '0612 345 009', 'edu.j@example.es', 'Gran Vía 60, Logroño', '2001-12-31', 'Bronce', 12, '2023-11-05'],
  ['00104', 'Fátima Alonso', '+34 612 345 010', 'fatima.a@example.es', 'Calle Vara de Rey 5, Logroño', '1983-06-21', 'Plata', 520, '2024-01-09'],
  ['00110', 'Gonzalo Díaz', '0034 612 345 011', 'gonzalo@example.es', 'Calle Marqués de Murrieta 9, Logroño', '1975-04-02', 'Bronce', 95, '2024-02-17'],
  ['00127', 'Helena Ortiz', '0612 345 012', 'helena.o@example.es', 'Paseo del Espolón 3, Logroño', '1992-10-10', 'Oro', 1450, '2024-03-21'],
  ['00133', 'Ignacio Muñoz', '0034 612 345 013', 'nacho.munoz@example.es', 'Calle Once de Junio 7, Logroño', '1966-08-08', 'Plata', 300, '2024-03-11'],
  ['00149', 'Julia Romero', '0612 345 014', 'julia.r@example.es', 'Calle Beti Jai 11, Logroño', '1999-03-03', 'Bronce', 60, '2023-10-30'],
  ['00152', 'Kevin Navarro', '0034 612 345 015', 'kevin.n@example.es', 'Avda. de la Paz 90, Logroño', '1987-12-25', 'Plata', 410, '2024-01-31'],
  ['00168', 'Laura Torres', '0612 345 016', 'laura.t@example.es', 'Calle Duquesa de la Victoria 4, Logroño', '1980-02-29', 'Oro', 1725, '2024-03-27'],
  ['00171', 'Manuel Vázquez', '0034 612 345 017', 'manolo@example.es', 'Calle Albia de Castro 2, Logroño', '1950-07-19', 'Bronce', 150, '2024-02-08'],
  ['00189', 'Nuria Castillo', '0612 345 018', 'nuria.c@example.es', 'Calle Villamediana 30, Logroño', '1994-04-27', 'Plata', 280, '2024-03-05'],
  ['00192', 'Óscar Moreno', '0034 612 345 019', 'oscar.m@example.es', 'Calle Chile 18, Logroño', '1972-11-11', 'Bronce', 70, '2023-09-14'],
  ['00200', 'Pilar Serrano', '0612 345 020', 'pilar.s@example.es', 'Calle Huesca 21, Logroño', '1963-05-31', 'Oro', 1990, '2024-03-29'],
];
const TITLE: RawRow = ['Listado de clientes 2024', null, null, null, null, null, null, null, null];
const TOTAL: RawRow = ['Total', null, null, null, null, null, null, 13742, null];

describe.each([
  ['clientes.xlsx', 'xlsx'],
  ['clientes.xls', 'xls'],
  ['clientes.ods', 'ods'],
] as const)('%s (written by LibreOffice)', (file, format) => {
  const result = parseBytes(fixture(file), file, {});

  it('is read as its format, with both sheets in order', () => {
    expect(result.format).toBe(format);
    expect(result.encoding).toBeUndefined();
    expect(result.sheets.map((s) => s.name)).toEqual(['Clientes', 'Resumen']);
  });

  it('keeps every row exactly: merged title row of its own, header, 20 customers, totals row', () => {
    const rows = result.sheets[0]!.rows;
    expect(rows).toHaveLength(23);
    expect(rows[0]).toEqual(TITLE);
    expect(rows[1]).toEqual(HEADER);
    expect(rows.slice(2, 22)).toEqual(CUSTOMERS);
    expect(rows[22]).toEqual(TOTAL);
  });

  it('rows are plain arrays of the width of the data (trailing empty columns trimmed)', () => {
    for (const row of result.sheets[0]!.rows) {
      expect(Array.isArray(row)).toBe(true);
      expect(row).toHaveLength(9);
    }
  });

  it('reads the second sheet', () => {
    expect(result.sheets[1]!.rows).toEqual([
      ['Nivel', 'Clientes'],
      ['Oro', 6],
      ['Plata', 7],
      ['Bronce', 7],
    ]);
  });
});

describe('number formats', () => {
  it('zero-padded and text formats are text; dates and times are ISO; the rest are numbers', () => {
    expect(classify('00000')).toBe('text');
    expect(classify('0000000000')).toBe('text');
    expect(classify('000-000-0000')).toBe('text');
    expect(classify('"+34 "000 000 000')).toBe('text');
    expect(classify('@')).toBe('text');
    expect(classify('General')).toBe('number');
    expect(classify('0')).toBe('number');
    expect(classify('0.00')).toBe('number');
    expect(classify('#,##0.00 [$€-C0A];-#,##0.00 [$€-C0A]')).toBe('number');
    expect(classify('0%')).toBe('number');
    expect(classify('0.00E+00')).toBe('number');
    expect(classify('dd/mm/yyyy')).toBe('date');
    expect(classify('m/d/yy')).toBe('date');
    expect(classify('yyyy"年"m"月"d"日"')).toBe('date');
    expect(classify('dd/mm/yyyy hh:mm')).toBe('datetime');
    expect(classify('hh:mm:ss')).toBe('time');
  });
});

describe('cells SheetJS hands over (built with its writer)', () => {
  // Imported lazily: SheetJS is only needed to build these workbooks.
  const build = async (cells: Record<string, object>, ref: string, extra: Record<string, unknown> = {}, wbProps?: object) => {
    const XLSX = await import('xlsx');
    const ws = { '!ref': ref, ...cells, ...extra };
    const wb = { SheetNames: ['S'], Sheets: { S: ws }, ...(wbProps ? { Workbook: { WBProps: wbProps } } : {}) };
    return new Uint8Array(XLSX.write(wb as never, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  };

  it('dates (incl. the 1900 leap-year bug), date-times, times, padded numbers, booleans, errors', async () => {
    const bytes = await build(
      {
        A1: { t: 'n', v: 59, z: 'yyyy-mm-dd' }, // 1900-02-28
        B1: { t: 'n', v: 61, z: 'yyyy-mm-dd' }, // 1900-03-01 (serial 60 is Excel's phantom 29 Feb)
        C1: { t: 'n', v: 45366.5, z: 'dd/mm/yyyy hh:mm' },
        D1: { t: 'n', v: 0.75, z: 'hh:mm' },
        E1: { t: 'n', v: 612345678, z: '0000000000' },
        F1: { t: 'n', v: 1234.5, z: '#,##0.00' },
        G1: { t: 'b', v: true },
        H1: { t: 'e', v: 0x07 },
        I1: { t: 's', v: '' },
      },
      'A1:K3',
    );
    const rows = parseBytes(bytes, 'x.xlsx', {}).sheets[0]!.rows;
    expect(rows).toEqual([['1900-02-28', '1900-03-01', '2024-03-15T12:00', '18:00', '0612345678', 1234.5, true, '#DIV/0!']]);
  });

  it('1904 date system', async () => {
    const bytes = await build({ A1: { t: 'n', v: 0, z: 'yyyy-mm-dd' } }, 'A1:A1', {}, { date1904: true });
    expect(parseBytes(bytes, 'x.xlsx', {}).sheets[0]!.rows).toEqual([['1904-01-01']]);
  });

  it('a merged area keeps its value in the top-left cell only, even if the file has copies', async () => {
    const bytes = await build(
      { A1: { t: 's', v: 'Título' }, B1: { t: 's', v: 'copia' }, A2: { t: 's', v: 'x' }, C2: { t: 'n', v: 1 } },
      'A1:C2',
      { '!merges': [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }] },
    );
    expect(parseBytes(bytes, 'x.xlsx', {}).sheets[0]!.rows).toEqual([
      ['Título', null, null],
      ['x', null, 1],
    ]);
  });
});
