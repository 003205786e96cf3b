// Phone contacts: vCard 2.1, 3.0 and 4.0 into one sheet.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/io/parse/parse-file';
import { parseVcards, VCARD_HEADER } from '../../src/io/parse/vcard';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../fixtures', name)));

describe('vCard', () => {
  it('contacts.vcf: three contacts, folded line, QUOTED-PRINTABLE UTF-8 name, several phones', () => {
    const r = parseBytes(fixture('contacts.vcf'), 'contacts.vcf', {});
    expect(r.format).toBe('vcf');
    expect(r.sheets).toHaveLength(1);
    expect(r.sheets[0]!.rows).toEqual([
      ['Name', 'Phone', 'Email', 'Address', 'Birthday', 'Notes'],
      [
        'María José Fernández',
        '+34 612 345 678; +34 941 000 111',
        'mariajose@example.es',
        'Calle Mayor 3, Logroño, La Rioja, 26001, España',
        '1985-03-12',
        'Clienta desde 2015. Prefiere que la llamen por la tarde, nunca antes de las cinco.',
      ],
      ['王小明', '13800138000; 010-62345678', null, null, '1990-07-04', null],
      ['Ferretería López', '+34-941-222-333', 'pedidos@ferreteria-lopez.example', null, null, 'Ferretería López S.L.; Paga a 30 días, factura mensual'],
    ]);
  });

  it('N when there is no FN; 2.1 soft line breaks in QUOTED-PRINTABLE; Latin-1 charset; grouped names', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N:Peña;María;;Sra.;',
      'item1.TEL;CELL:600 000 001',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Pag=F3 en efectivo, =',
      'vuelve el lunes',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'BDAY:--0312',
      'EMAIL:solo@example.es',
      'END:VCARD',
      'BEGIN:VCARD',
      'END:VCARD',
    ].join('\n');
    expect(parseVcards(text)).toEqual([
      VCARD_HEADER,
      ['Sra. María Peña', '600 000 001', null, null, null, 'Pagó en efectivo, vuelve el lunes'],
      [null, null, 'solo@example.es', null, '--03-12', null],
    ]);
  });

  it('a .vcf without contacts has no rows', () => {
    expect(() => parseBytes(new TextEncoder().encode('BEGIN:VCARD\nEND:VCARD\n'), 'x.vcf', {})).toThrow(expect.objectContaining({ code: 'noRows' }));
  });
});
