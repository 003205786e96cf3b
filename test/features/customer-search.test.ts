import { describe, expect, it } from 'vitest';
import { createBook } from '../../src/core/doc/book-doc';
import { addRows, setCells, trashRows } from '../../src/core/index';
import { loadPinyinKeys, makeCustomerSearch } from '../../src/features/customers/customer-search';

function setup() {
  const book = createBook();
  book.ensureSchema();
  const ids = addRows(book, 'customers', [
    { name: 'José Pérez', code: 'C0001', phone: '612 345 678' },
    { name: '张伟', code: 'C0002', phone: '138 0013 8000' },
    { name: '曾小单', code: 'C0003' },
    { name: 'Zhang Ana', code: 'C0004' },
    { name: '王芳', code: 'C0005', email: 'fang@example.com' },
  ]);
  return { book, ids };
}

describe('customer search', () => {
  it('forgives accents and phone formatting without pinyin', () => {
    const { book, ids } = setup();
    const s = makeCustomerSearch(book);
    expect(s.search('jose').map((h) => h.row)).toEqual([ids[0]]);
    expect(s.search('612345').map((h) => h.row)).toEqual([ids[0]]);
    expect(s.search('c0002').map((h) => h.name)).toEqual(['张伟']);
    expect(s.search('张').map((h) => h.name)).toEqual(['张伟']);
    // No pinyin yet: "zhangwei" finds nothing Chinese.
    expect(s.search('zhangwei')).toEqual([]);
  });

  it('finds Chinese names by full pinyin, a syllable, and initials once pinyin is loaded', async () => {
    const { book, ids } = setup();
    const s = makeCustomerSearch(book, { pinyin: await loadPinyinKeys() });
    expect(s.search('zhangwei').map((h) => h.row)).toEqual([ids[1]]);
    expect(s.search('zw').map((h) => h.row)).toEqual([ids[1]]);
    expect(s.search('zhang wei').map((h) => h.row)).toEqual([ids[1]]);
    // "zhang" finds 张伟 by pinyin and Zhang Ana by letters.
    expect(s.search('zhang').map((h) => h.name).sort()).toEqual(['Zhang Ana', '张伟'].sort());
    // Surname reading: 曾 as a surname is "zeng".
    expect(s.search('zengxiao').map((h) => h.name)).toEqual(['曾小单']);
    expect(s.search('wf').map((h) => h.name)).toEqual(['王芳']);
  });

  it('keeps up with edits, new rows and the trash (incremental index)', async () => {
    const { book, ids } = setup();
    const s = makeCustomerSearch(book);
    s.setPinyin(await loadPinyinKeys());
    expect(s.search('lina')).toEqual([]);
    const [li] = addRows(book, 'customers', [{ name: '李娜' }]);
    expect(s.search('lina').map((h) => h.row)).toEqual([li]);
    setCells(book, 'customers', [{ row: ids[1]!, col: 'name', value: '张伟强' }]);
    expect(s.search('zwq').map((h) => h.row)).toEqual([ids[1]]);
    trashRows(book, 'customers', [ids[1]!]);
    expect(s.search('zwq')).toEqual([]);
    expect(s.search('').length).toBe(5);
    s.dispose();
  });
});
