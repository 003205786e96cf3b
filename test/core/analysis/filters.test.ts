import { describe, expect, it } from 'vitest';
import { createBook, type Book } from '../../../src/core/doc/book-doc';
import { addRows, type RowId } from '../../../src/core/index';
import { daysUntilBirthday, filterRows, parseRule, ruleColumns, type FilterContext, type FilterRule } from '../../../src/core/analysis/filters';
import { addSavedView, deleteSavedView, readSavedViews, updateSavedView } from '../../../src/core/ops/saved-views';

/** A small hand-checked book: names are the expectations' handles. */
function fixture(): { book: Book; ids: Record<string, RowId> } {
  const book = createBook();
  book.ensureSchema();
  const rows = [
    { name: 'Ana', address: 'Calle Mayor 1, Madrid', points: 120, birthday: '1990-12-30', tags: ['VIP', 'Madrid'], firstSeen: '2025-01-10' },
    { name: 'José', address: 'Gran Vía, MADRID', points: '80', birthday: '1985-01-02', tags: ['vip'], firstSeen: '2024-06-01' },
    { name: 'Luis', address: 'Sevilla', points: 'mucho', birthday: 'soon', tags: 'Nuevo, Sevilla', firstSeen: '2025-01-02' },
    { name: 'Empty', address: null, points: null, birthday: null, tags: null, firstSeen: null },
    { name: 'Leap', address: '  ', points: 0, birthday: '2000-02-29', tags: [], firstSeen: '2025-01-16' },
  ];
  const ids = addRows(book, 'customers', rows);
  return { book, ids: Object.fromEntries(rows.map((r, i) => [r.name, ids[i]!])) };
}

const CTX: FilterContext = { today: '2024-12-28' };

function names(f: ReturnType<typeof fixture>, rule: FilterRule, ctx: FilterContext = CTX): string[] {
  const back = new Map(Object.entries(f.ids).map(([n, id]) => [id, n]));
  return filterRows(f.book.sheet('customers'), rule, ctx).map((id) => back.get(id)!);
}

describe('filter rules', () => {
  const f = fixture();

  it('text: contains forgives case and accents; equals; empty counts blanks and empty lists', () => {
    expect(names(f, { kind: 'text', col: 'address', op: 'contains', value: 'madrid' })).toEqual(['Ana', 'José']);
    expect(names(f, { kind: 'text', col: 'address', op: 'notContains', value: 'madrid' })).toEqual(['Luis', 'Empty', 'Leap']);
    expect(names(f, { kind: 'text', col: 'name', op: 'equals', value: 'jose' })).toEqual(['José']);
    expect(names(f, { kind: 'text', col: 'address', op: 'empty', value: '' })).toEqual(['Empty', 'Leap']);
    expect(names(f, { kind: 'text', col: 'tags', op: 'empty', value: '' })).toEqual(['Empty', 'Leap']);
    expect(names(f, { kind: 'text', col: 'address', op: 'notEmpty', value: '' })).toEqual(['Ana', 'José', 'Luis']);
  });

  it('number: compares numbers and numeric text; bad values and empty cells never match', () => {
    expect(names(f, { kind: 'number', col: 'points', op: 'gte', value: 80 })).toEqual(['Ana', 'José']);
    expect(names(f, { kind: 'number', col: 'points', op: 'lt', value: 100 })).toEqual(['José', 'Leap']);
    expect(names(f, { kind: 'number', col: 'points', op: 'eq', value: 0 })).toEqual(['Leap']);
    expect(names(f, { kind: 'number', col: 'points', op: 'neq', value: 0 })).toEqual(['Ana', 'José']);
    expect(names(f, { kind: 'number', col: 'points', op: 'gt', value: Number.NaN })).toEqual([]);
  });

  it('date: before/after/on and relative windows that include both ends', () => {
    const ctx = { today: '2025-01-16' };
    expect(names(f, { kind: 'date', col: 'firstSeen', op: 'before', value: '2025-01-02' }, ctx)).toEqual(['José']);
    expect(names(f, { kind: 'date', col: 'firstSeen', op: 'after', value: '2025-01-02' }, ctx)).toEqual(['Ana', 'Leap']);
    expect(names(f, { kind: 'date', col: 'firstSeen', op: 'on', value: '2025-01-02' }, ctx)).toEqual(['Luis']);
    expect(names(f, { kind: 'date', col: 'firstSeen', op: 'lastDays', value: 14 }, ctx)).toEqual(['Ana', 'Luis', 'Leap']);
    expect(names(f, { kind: 'date', col: 'firstSeen', op: 'lastDays', value: 6 }, ctx)).toEqual(['Ana', 'Leap']);
    expect(names(f, { kind: 'date', col: 'firstSeen', op: 'nextDays', value: 30 }, { today: '2025-01-10' })).toEqual(['Ana', 'Leap']);
    expect(names(f, { kind: 'date', col: 'firstSeen', op: 'before', value: 'yesterday' }, ctx)).toEqual([]);
    // A text "date" (Luis's birthday "soon") is never a date.
    expect(names(f, { kind: 'date', col: 'birthday', op: 'after', value: '1900-01-01' }, ctx)).toEqual(['Ana', 'José', 'Leap']);
  });

  it('birthday in the next N days wraps over the new year and handles 29 February', () => {
    expect(names(f, { kind: 'birthday', col: 'birthday', days: 2 })).toEqual(['Ana']);
    expect(names(f, { kind: 'birthday', col: 'birthday', days: 5 })).toEqual(['Ana', 'José']);
    expect(names(f, { kind: 'birthday', col: 'birthday', days: 0 }, { today: '2025-12-30' })).toEqual(['Ana']);
    expect(daysUntilBirthday('1985-01-02', '2024-12-28')).toBe(5);
    expect(daysUntilBirthday('1990-12-30', '2024-12-31')).toBe(364);
    expect(daysUntilBirthday('2000-02-29', '2025-02-27')).toBe(1);
    expect(daysUntilBirthday('2000-02-29', '2024-02-27')).toBe(2);
    expect(daysUntilBirthday('soon', '2024-02-27')).toBeUndefined();
    expect(names(f, { kind: 'birthday', col: 'birthday', days: 1 }, { today: '2025-02-27' })).toEqual(['Leap']);
  });

  it('tag has: lists and comma text, forgiving case', () => {
    expect(names(f, { kind: 'tag', col: 'tags', value: 'vip' })).toEqual(['Ana', 'José']);
    expect(names(f, { kind: 'tag', col: 'tags', value: 'sevilla' })).toEqual(['Luis']);
    expect(names(f, { kind: 'tag', col: 'tags', value: '' })).toEqual([]);
  });

  it('segment is: asks the lookup; without one nothing matches', () => {
    const rule: FilterRule = { kind: 'segment', value: 'Champions' };
    expect(names(f, rule)).toEqual([]);
    const seg = new Map([[f.ids.Luis!, 'champions']]);
    expect(names(f, rule, { ...CTX, segmentOf: (r) => seg.get(r) })).toEqual(['Luis']);
  });

  it('segment is: a name typed in another language still matches, through the segment key', () => {
    const seg = new Map([[f.ids.Luis!, 'champions']]);
    const keyOf = (v: string) => (['campeones', '冠军客户', 'champions'].includes(v.toLowerCase()) ? 'champions' : v);
    for (const typed of ['Campeones', '冠军客户'])
      expect(names(f, { kind: 'segment', value: typed }, { ...CTX, segmentOf: (r) => seg.get(r), segmentKey: keyOf })).toEqual(['Luis']);
    expect(names(f, { kind: 'segment', value: 'Perdidos' }, { ...CTX, segmentOf: (r) => seg.get(r), segmentKey: keyOf })).toEqual([]);
  });

  it('AND / OR groups nest; an empty group keeps every row', () => {
    const madridVip: FilterRule = {
      kind: 'group',
      mode: 'and',
      rules: [
        { kind: 'text', col: 'address', op: 'contains', value: 'Madrid' },
        { kind: 'group', mode: 'or', rules: [{ kind: 'number', col: 'points', op: 'gt', value: 100 }, { kind: 'tag', col: 'tags', value: 'nuevo' }] },
      ],
    };
    expect(names(f, madridVip)).toEqual(['Ana']);
    expect(names(f, { kind: 'group', mode: 'or', rules: [{ kind: 'tag', col: 'tags', value: 'nuevo' }, { kind: 'text', col: 'name', op: 'equals', value: 'leap' }] })).toEqual(['Luis', 'Leap']);
    expect(names(f, { kind: 'group', mode: 'or', rules: [] })).toHaveLength(5);
    expect([...ruleColumns(madridVip)].sort()).toEqual(['address', 'points', 'tags']);
  });

  it('parseRule keeps what it can read from stored data and drops the rest', () => {
    expect(parseRule({ kind: 'group', mode: 'x', rules: [{ kind: 'text', col: 'a', op: 'contains', value: 'm' }, { kind: 'alien' }, 7, { kind: 'number', col: 'p', op: 'gt', value: '3' }] })).toEqual({
      kind: 'group',
      mode: 'and',
      rules: [{ kind: 'text', col: 'a', op: 'contains', value: 'm' }],
    });
    expect(parseRule(null)).toBeUndefined();
    let deep: unknown = { kind: 'segment', value: 'x' };
    for (let i = 0; i < 20; i++) deep = { kind: 'group', mode: 'and', rules: [deep] };
    expect(JSON.stringify(parseRule(deep))).not.toContain('segment');
  });
});

describe('saved views in the book', () => {
  it('adds, renames, updates and deletes views in the meta map, ignoring junk', () => {
    const book = createBook();
    book.ensureSchema();
    const rule: FilterRule = { kind: 'text', col: 'address', op: 'contains', value: 'Madrid' };
    const v = addSavedView(book, { name: ' Madrid customers ', rule }, 1000);
    expect(readSavedViews(book)).toEqual([{ id: v.id, name: 'Madrid customers', sheet: 'customers', rule, createdAt: 1000 }]);
    expect(updateSavedView(book, v.id, { name: 'Madrid' })).toBe(true);
    expect(readSavedViews(book)[0]!.name).toBe('Madrid');
    expect(updateSavedView(book, 'nope', { name: 'x' })).toBe(false);
    book.write('local', (w) => w.setMeta('savedViews', [...(book.meta('savedViews') as unknown[]), { id: 3 }, 'junk', { id: 'z', name: 'Z', rule: { kind: '??' } }]));
    expect(readSavedViews(book).map((x) => x.name)).toEqual(['Madrid']);
    expect(deleteSavedView(book, v.id)).toBe(true);
    expect(readSavedViews(book)).toEqual([]);
    expect(deleteSavedView(book, v.id)).toBe(false);
  });
});
