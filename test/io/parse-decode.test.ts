// Encoding detection on bytes made by iconv (test/fixtures/make/make-fixtures.sh) and by hand.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/io/parse/decode';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../fixtures', name)));

/** iconv, when the machine has it (it does on Debian); the committed fixtures cover the rest. */
function iconv(text: string, to: string): Uint8Array | undefined {
  try {
    return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: text }));
  } catch {
    return undefined;
  }
}

describe('decodeText', () => {
  it('GB18030 without BOM (Chinese Excel "Save as CSV")', () => {
    const d = decodeText(fixture('cashier-gbk.csv'));
    expect(d.used).toBe('gb18030');
    expect(d.guessed).toBe(true);
    expect(d.text.split('\r\n')[0]).toBe('会员卡号,姓名,手机,会员等级,积分,累计消费,最近消费日期');
    expect(d.text).toContain('00012307,赵丽颖,13244445555,钻石卡,8800,"12,800.00",2024/03/31');
  });

  it('Big5 without BOM', () => {
    const d = decodeText(fixture('members-big5.csv'));
    expect(d.used).toBe('big5');
    expect(d.text.split('\r\n')[1]).toBe('001,陳大文,0912345678,金卡,120');
  });

  it('Windows-1252 (Spanish Excel), euro sign included', () => {
    const d = decodeText(fixture('semicolon-es.csv'));
    expect(d.used).toBe('windows-1252');
    expect(d.text.split('\r\n')[0]).toBe('Código;Nombre;Teléfono;Dirección;Saldo;Última compra');
    expect(d.text).toContain('Íñigo Ibáñez');
    expect(d.text).toContain('12.500,75 €');
  });

  it('BOMs decide and are stripped: UTF-8, UTF-16LE, UTF-16BE', () => {
    const u8 = decodeText(fixture('cashier-utf8-bom.csv'));
    expect(u8).toMatchObject({ used: 'utf-8', guessed: false });
    expect(u8.text.startsWith('会员卡号')).toBe(true);
    const u16 = decodeText(fixture('unicode-text-utf16.txt'));
    expect(u16).toMatchObject({ used: 'utf-16le', guessed: false });
    expect(u16.text.startsWith('會員編號\t姓名')).toBe(true);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9]);
    expect(decodeText(be)).toEqual({ text: 'Aé', used: 'utf-16be', guessed: false });
  });

  it('valid UTF-8 without BOM is UTF-8; plain ASCII too', () => {
    expect(decodeText(new TextEncoder().encode('Nombre,Teléfono\nJosé,0612'))).toEqual({ text: 'Nombre,Teléfono\nJosé,0612', used: 'utf-8', guessed: true });
    expect(decodeText(new TextEncoder().encode('a,b\n1,2')).used).toBe('utf-8');
  });

  it('UTF-16LE without BOM is recognised by its zero bytes', () => {
    const bytes = new Uint8Array([...'Name\tPhone\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeText(bytes)).toMatchObject({ text: 'Name\tPhone\n', used: 'utf-16le', guessed: true });
  });

  it('short Latin text with accents is not mistaken for Chinese', () => {
    for (const s of ['Teléfono;Dirección\r\n', 'Año;Señal\n', 'Müller;Größe;Straße\n', 'Ça va;Garçon\n']) {
      const bytes = iconv(s, 'WINDOWS-1252');
      if (!bytes) continue;
      expect(decodeText(bytes), s).toMatchObject({ text: s, used: 'windows-1252' });
    }
  });

  it('short Chinese text is not mistaken for Latin', () => {
    for (const s of ['姓名,手机\n张三,13800138000\n', '会员等级\n金卡\n', '李娜']) {
      const bytes = iconv(s, 'GB18030');
      if (!bytes) continue;
      expect(decodeText(bytes), s).toMatchObject({ text: s, used: 'gb18030' });
    }
  });

  it('Spanish names in a Chinese shop\'s GB18030 file stay GB18030', () => {
    const s = '姓名,地址\nNúñez José,Logroño\n';
    const bytes = iconv(s, 'GB18030');
    if (!bytes) return;
    expect(decodeText(bytes)).toMatchObject({ text: s, used: 'gb18030' });
    const latinOnly = iconv('Nombre,Ciudad\nNúñez,Logroño\n', 'GB18030');
    if (latinOnly) expect(decodeText(latinOnly)).toMatchObject({ text: 'Nombre,Ciudad\nNúñez,Logroño\n', used: 'gb18030' });
  });

  it('a forced encoding wins and still strips its own BOM', () => {
    const gbk = fixture('cashier-gbk.csv');
    const forced = decodeText(gbk, 'windows-1252');
    expect(forced).toMatchObject({ used: 'windows-1252', guessed: false });
    expect(forced.text).not.toContain('会员');
    expect(decodeText(fixture('cashier-utf8-bom.csv'), 'utf-8').text.startsWith('会员卡号')).toBe(true);
  });

  it('decodes a large GB18030 file fast (whole file, sampled guess)', () => {
    const line = '00012301,王小明,13800138000,金卡,1200,"3,456.00",2024/03/15\r\n';
    const bytes = iconv(line.repeat(20_000), 'GB18030');
    if (!bytes) return;
    const t = performance.now();
    const d = decodeText(bytes);
    const ms = performance.now() - t;
    expect(d.used).toBe('gb18030');
    expect(d.text.length).toBe(line.length * 20_000);
    expect(ms).toBeLessThan(1000);
  });
});
