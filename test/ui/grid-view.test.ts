// Sort, filter, find, display and block edits of the grid over a real book.
import { describe, expect, it } from 'vitest';
import { createBook } from '../../src/core/doc/book-doc';
import { addColumn, addRows, type Book, type Column, type RowId } from '../../src/core/index';
import { createI18n } from '../../src/i18n/i18n';
import { clearRange, fillDown, rangeStats, rangeToText, writeBlock } from '../../src/ui/grid/block-ops';
import { computeView, findNext, formatCell, isViewState, type ViewState } from '../../src/ui/grid/view-model';

function makeBook(): { book: Book; ids: RowId[] } {
  const book = createBook();
  book.ensureSchema();
  const ids = addRows(book, 'customers', [
    { code: 'C1', name: 'José Pérez', points: 10, birthday: '1980-05-01', tags: ['vip'] },
    { code: 'C2', name: 'ana', points: 200, birthday: null },
    { code: 'C3', name: '张伟', points: null, birthday: '1975-01-02' },
    { code: 'C10', name: 'Álvaro', points: 'n/a', tags: ['local', 'vip'] },
    { code: 'C4', name: 'Zoe', points: 5 },
  ]);
  return { book, ids };
}
const names = (book: Book, rows: readonly RowId[]) => rows.map((r) => book.sheet('customers').get(r, 'name'));
const cols = (book: Book): Column[] => book.sheet('customers').columns().filter((c) => !c.hidden) as Column[];

describe('grid view: sort and filter', () => {
  it('without sort or filter shows the live rows, the book’s own array', () => {
    const { book } = makeBook();
    const reader = book.sheet('customers');
    expect(computeView(reader, { filters: {} }, 'en')).toBe(reader.liveRowIds());
  });

  it('sorts text with the locale (accents, case, numbers in text) and empties last both ways', () => {
    const { book } = makeBook();
    const reader = book.sheet('customers');
    const asc: ViewState = { sort: { col: 'name', dir: 'asc' }, filters: {} };
    expect(names(book, computeView(reader, asc, 'es'))).toEqual(['Álvaro', 'ana', 'José Pérez', 'Zoe', '张伟']);
    const codes = computeView(reader, { sort: { col: 'code', dir: 'asc' }, filters: {} }, 'en').map((r) => reader.get(r, 'code'));
    expect(codes).toEqual(['C1', 'C2', 'C3', 'C4', 'C10']);
    const desc = computeView(reader, { sort: { col: 'points', dir: 'desc' }, filters: {} }, 'en');
    // As in Excel: descending puts text (here an invalid "n/a") before numbers; empties stay last.
    expect(desc.map((r) => reader.get(r, 'points'))).toEqual(['n/a', 200, 10, 5, null]);
    const ascP = computeView(reader, { sort: { col: 'points', dir: 'asc' }, filters: {} }, 'en');
    expect(ascP.map((r) => reader.get(r, 'points'))).toEqual([5, 10, 200, 'n/a', null]);
    const byDate = computeView(reader, { sort: { col: 'birthday', dir: 'asc' }, filters: {} }, 'en');
    expect(byDate.map((r) => reader.get(r, 'birthday'))).toEqual(['1975-01-02', '1980-05-01', null, null, null]);
  });

  it('filters by "contains", forgiving case and accents, and never shows trashed rows', async () => {
    const { book, ids } = makeBook();
    const reader = book.sheet('customers');
    expect(names(book, computeView(reader, { filters: { name: 'JOSE' } }, 'en'))).toEqual(['José Pérez']);
    expect(names(book, computeView(reader, { filters: { name: 'a' } }, 'en'))).toEqual(['ana', 'Álvaro']);
    expect(names(book, computeView(reader, { filters: { tags: 'vip' } }, 'en'))).toEqual(['José Pérez', 'Álvaro']);
    expect(computeView(reader, { filters: { name: '   ' } }, 'en')).toBe(reader.liveRowIds());
    const { trashRows } = await import('../../src/core/index');
    trashRows(book, 'customers', [ids[1]!]);
    expect(names(book, computeView(book.sheet('customers'), { filters: { name: 'a' } }, 'en'))).toEqual(['Álvaro']);
  });

  it('filters on the shown text too (a date as the person reads it)', () => {
    const { book } = makeBook();
    const i18n = createI18n('es');
    const shown = (col: Column, v: unknown) => formatCell(col, v as never, i18n).text;
    expect(names(book, computeView(book.sheet('customers'), { filters: { birthday: '01/05/1980' } }, 'es', shown))).toEqual(['José Pérez']);
  });

  it('accepts only well-formed saved view state', () => {
    expect(isViewState({ filters: {} })).toBe(true);
    expect(isViewState({ filters: { name: 'x' }, sort: { col: 'name', dir: 'asc' } })).toBe(true);
    expect(isViewState({ sort: { col: 'name', dir: 'up' }, filters: {} })).toBe(false);
    expect(isViewState(null)).toBe(false);
  });
});

describe('grid view: display and find', () => {
  it('formats by type and flags invalid values, shown as typed', () => {
    const i18n = createI18n('en');
    const col = (type: Column['type'], options: string[] = []) => ({ type, options });
    expect(formatCell(col('currency'), 1234.5, i18n)).toMatchObject({ text: '$1,234.50', invalid: false, numeric: true });
    expect(formatCell(col('number'), 'n/a', i18n)).toMatchObject({ text: 'n/a', invalid: true });
    expect(formatCell(col('date'), '2024-03-04', i18n).text).toBe('03/04/2024');
    expect(formatCell(col('date'), 'next week', i18n)).toMatchObject({ text: 'next week', invalid: true });
    expect(formatCell(col('phone'), '+34 600 11 22 33', i18n).href).toBe('tel:+34600112233');
    expect(formatCell(col('email'), 'ana@example.com', i18n).href).toBe('mailto:ana@example.com');
    expect(formatCell(col('email'), 'ana@', i18n).invalid).toBe(true);
    expect(formatCell(col('email'), 'ana@', i18n).href).toBeUndefined();
    expect(formatCell(col('tags'), ['vip', 'local'], i18n)).toMatchObject({ text: 'vip, local', chips: ['vip', 'local'] });
    expect(formatCell(col('checkbox'), true, i18n).text).toBe('☑');
    expect(formatCell(col('checkbox'), null, i18n).text).toBe('☐');
    expect(formatCell(col('select', ['Oro']), 'Plata', i18n).invalid).toBe(true);
  });

  it('finds the next match row by row, wrapping, forgiving accents', () => {
    const { book } = makeBook();
    const reader = book.sheet('customers');
    const rows = reader.liveRowIds();
    const cs = cols(book);
    const nameC = cs.findIndex((c) => c.id === 'name');
    expect(findNext(reader, rows, cs, { r: 0, c: 0 }, 'alvaro')).toEqual({ r: 3, c: nameC });
    expect(findNext(reader, rows, cs, { r: 3, c: nameC }, 'vip')).toEqual({ r: 3, c: cs.findIndex((c) => c.id === 'tags') });
    expect(findNext(reader, rows, cs, { r: 4, c: 0 }, 'josé')).toEqual({ r: 0, c: nameC });
    expect(findNext(reader, rows, cs, { r: 0, c: 0 }, 'nobody')).toBeUndefined();
  });
});

describe('grid block edits', () => {
  it('pastes a block at the active cell in one undo step, adding rows past the end', () => {
    const { book } = makeBook();
    const reader = book.sheet('customers');
    const rows = reader.liveRowIds();
    const cs = cols(book);
    const nameC = cs.findIndex((c) => c.id === 'name');
    const written = writeBlock(book, 'customers', rows, cs, { r: 3, c: nameC }, [
      ['Eva', '+34 600 000 001', 'eva@example.com'],
      ['Luis', 'call me', 'luis@example.com'],
      ['Marta', '', 'marta@example.com'],
    ]);
    expect(written).toEqual({ r0: 3, c0: nameC, r1: 5, c1: nameC + 2 });
    const live = book.sheet('customers').liveRowIds();
    expect(live.length).toBe(6);
    expect(live.slice(3).map((r) => reader.get(r, 'name'))).toEqual(['Eva', 'Luis', 'Marta']);
    expect(reader.get(live[4]!, 'phone')).toBe('call me'); // invalid, kept
    expect(reader.get(live[5]!, 'email')).toBe('marta@example.com');
    book.undo();
    const after = book.sheet('customers').liveRowIds();
    expect(after.length).toBe(5);
    expect(reader.get(after[3]!, 'name')).toBe('Álvaro');
    expect(reader.get(after[4]!, 'name')).toBe('Zoe');
  });

  it('coerces pasted text to each column type and skips columns past the last', () => {
    const { book } = makeBook();
    const reader = book.sheet('customers');
    const cs = cols(book);
    const pointsC = cs.findIndex((c) => c.id === 'points');
    writeBlock(book, 'customers', reader.liveRowIds(), cs, { r: 0, c: pointsC }, [['1.234,5', 'a, b', 'x', 'y', 'z', 'w']]);
    const r0 = reader.liveRowIds()[0]!;
    expect(reader.get(r0, 'points')).toBe(1234.5);
    expect(reader.get(r0, 'tags')).toEqual(['a', 'b']);
  });

  it('fills a single value over a larger selection, as Excel does', () => {
    const { book } = makeBook();
    const reader = book.sheet('customers');
    const cs = cols(book);
    const c = cs.findIndex((x) => x.id === 'notes');
    writeBlock(book, 'customers', reader.liveRowIds(), cs, { r: 0, c }, [['same']], { r0: 0, c0: c, r1: 2, c1: c });
    expect(reader.liveRowIds().slice(0, 4).map((r) => reader.get(r, 'notes'))).toEqual(['same', 'same', 'same', null]);
  });

  it('fills down from the top row, or from the row above a one-row selection; clears; copies as text', () => {
    const { book } = makeBook();
    const reader = book.sheet('customers');
    const rows = reader.liveRowIds();
    const cs = cols(book);
    const c = cs.findIndex((x) => x.id === 'points');
    expect(fillDown(book, 'customers', rows, cs, { r0: 0, c0: c, r1: 2, c1: c })).toBe(2);
    expect(rows.slice(0, 3).map((r) => reader.get(r, 'points'))).toEqual([10, 10, 10]);
    fillDown(book, 'customers', rows, cs, { r0: 3, c0: c, r1: 3, c1: c });
    expect(reader.get(rows[3]!, 'points')).toBe(10);
    expect(rangeStats(book, 'customers', rows, cs, { r0: 0, c0: c, r1: 4, c1: c })).toEqual({ cells: 5, rows: 5, numericCount: 5, sum: 45 });
    const tagsC = cs.findIndex((x) => x.id === 'tags');
    expect(rangeToText(book, 'customers', rows, cs, { r0: 0, c0: c, r1: 1, c1: tagsC })).toEqual([
      ['10', 'vip'],
      ['10', ''],
    ]);
    clearRange(book, 'customers', rows, cs, { r0: 0, c0: c, r1: 4, c1: c });
    expect(rows.map((r) => reader.get(r, 'points'))).toEqual([null, null, null, null, null]);
    book.undo();
    expect(reader.get(rows[4]!, 'points')).toBe(5);
  });

  it('never writes a computed column', () => {
    const { book } = makeBook();
    const id = addColumn(book, 'customers', { name: 'Score', type: 'computed' });
    const reader = book.sheet('customers');
    const cs = cols(book);
    const c = cs.findIndex((x) => x.id === id);
    writeBlock(book, 'customers', reader.liveRowIds(), cs, { r: 0, c }, [['99']]);
    clearRange(book, 'customers', reader.liveRowIds(), cs, { r0: 0, c0: c, r1: 0, c1: c });
    expect(reader.get(reader.liveRowIds()[0]!, id)).toBeNull();
  });
});
