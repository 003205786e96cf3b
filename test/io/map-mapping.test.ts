import { describe, expect, it } from 'vitest';
import { createBook } from '../../src/core/doc/book-doc';
import { addColumn, type Column } from '../../src/core/index';
import { headerNames, suggestMapping, suggestTargets } from '../../src/io/map/mapping';
import { matchHeader } from '../../src/io/map/synonyms';
import type { ColumnTarget, RawRow } from '../../src/io/types';

function customerColumns(): readonly Column[] {
  const book = createBook();
  book.ensureSchema();
  return book.sheet('customers').columns();
}

const ids = (targets: readonly ColumnTarget[]) =>
  targets.map((t) => (t.kind === 'column' ? t.columnId : t.kind === 'new' ? `new:${t.name}:${t.type}` : 'skip'));

describe('suggestTargets', () => {
  it('maps a GBK cashier header set (Chinese)', () => {
    const headers = ['会员卡号', '姓名', '手机', '会员等级', '积分', '累计消费', '最近消费日期'];
    expect(ids(suggestTargets(headers, customerColumns(), 'customers'))).toEqual([
      'code',
      'name',
      'phone',
      'tier',
      'points',
      'new:累计消费:currency',
      'new:最近消费日期:date',
    ]);
  });

  it('maps Spanish and English headers, forgiving case and accents', () => {
    const es = ['CODIGO', 'Nombre completo', 'Telefono', 'Correo electrónico', 'Direccion', 'Fecha de nacimiento', 'Nivel', 'Puntos', 'Etiquetas', 'Observaciones', 'Cliente desde', 'Total gastado', 'Última compra'];
    expect(ids(suggestTargets(es, customerColumns(), 'customers'))).toEqual([
      'code', 'name', 'phone', 'email', 'address', 'birthday', 'tier', 'points', 'tags', 'notes', 'firstSeen',
      'new:Total gastado:currency', 'new:Última compra:date',
    ]);
    const en = ['Customer ID', 'Full name', 'Mobile', 'E-mail', 'Address', 'Date of birth', 'Membership', 'Points', 'Tags', 'Comments', 'First seen'];
    expect(ids(suggestTargets(en, customerColumns(), 'customers'))).toEqual([
      'code', 'name', 'phone', 'email', 'address', 'birthday', 'tier', 'points', 'tags', 'notes', 'firstSeen',
    ]);
    expect(matchHeader('Nº cliente', 'customers')).toMatchObject({ kind: 'builtIn', id: 'code' });
    expect(matchHeader('Teléfono móvil 2', 'customers')).toMatchObject({ kind: 'builtIn', id: 'phone', exact: false });
  });

  it('gives each book column to one file column: exact synonyms first, the rest become new columns', () => {
    const targets = suggestTargets(['Teléfono fijo', 'Móvil', 'Teléfono', 'Nombre'], customerColumns(), 'customers');
    expect(ids(targets)).toEqual(['new:Teléfono fijo:phone', 'phone', 'new:Teléfono:phone', 'name']);
  });

  it('infers the type of unknown columns from their values', () => {
    const targets = suggestTargets(['Visitas', 'Cliente VIP', 'Alergias'], customerColumns(), 'customers', [
      [3, 5, '7'],
      ['Sí', 'No', 'sí'],
      ['gluten', null, 'lactosa'],
    ]);
    expect(ids(targets)).toEqual(['new:Visitas:number', 'new:Cliente VIP:checkbox', 'new:Alergias:text']);
  });

  it('maps onto the owner\'s own columns by name', () => {
    const book = createBook();
    book.ensureSchema();
    const id = addColumn(book, 'customers', { name: 'Talla', type: 'select' });
    expect(suggestTargets(['talla'], book.sheet('customers').columns(), 'customers')).toEqual([{ kind: 'column', columnId: id }]);
  });

  it('handles __proto__, constructor, prototype, empty and duplicate headers safely', () => {
    const names = headerNames(['__proto__', 'constructor', '', 'prototype', 'Nombre', 'Nombre', null]);
    expect(names).toEqual(['__proto__', 'constructor', 'Column 3', 'prototype', 'Nombre', 'Nombre (2)', 'Column 7']);
    const targets = suggestTargets(names, customerColumns(), 'customers');
    expect(ids(targets)).toEqual([
      'new:__proto__:text', 'new:constructor:text', 'new:Column 3:text', 'new:prototype:text', 'name', 'new:Nombre (2):text', 'new:Column 7:text',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('skips a column with neither a header nor values', () => {
    expect(suggestTargets(['Nombre', ''], customerColumns(), 'customers', [['Ana'], [null, ' ']])).toEqual([
      { kind: 'column', columnId: 'name' },
      { kind: 'skip' },
    ]);
  });
});

describe('suggestMapping', () => {
  it('finds the header, maps columns and reads the date convention from the file', () => {
    const rows: RawRow[] = [
      ['Clientes — exportado 01/06/2024', null, null, null],
      ['Nombre', 'Móvil', 'Cumpleaños', 'Visitas'],
      ['Ana', '612345678', '03/04/1990', 4],
      ['Luis', '698765432', '25/12/1985', 2],
      ['Eva', '611111111', '05/06/1979', 1],
      ['Total', null, null, 7],
    ];
    const s = suggestMapping(rows, customerColumns(), 'customers', { locale: 'en-US' });
    expect(s.headerRow).toBe(1);
    expect(s.titleRows).toEqual([0]);
    expect(ids(s.targets)).toEqual(['name', 'phone', 'birthday', 'new:Visitas:number']);
    // 25/12 can only be day-first: that settles 03/04 and 05/06 despite an en-US locale.
    expect(s.dayFirst).toBe(true);
    expect(s.dayFirstFromFile).toBe(true);
    expect(s.ambiguousDates).toBe(2);
  });

  it('falls back to the locale when every date is ambiguous', () => {
    const rows: RawRow[] = [['Name', 'Birthday'], ['Ann', '03/04/1990']];
    expect(suggestMapping(rows, customerColumns(), 'customers', { locale: 'en-US' })).toMatchObject({ dayFirst: false, dayFirstFromFile: false, ambiguousDates: 1 });
    expect(suggestMapping(rows, customerColumns(), 'customers', { locale: 'es' })).toMatchObject({ dayFirst: true, dayFirstFromFile: false });
  });
});
