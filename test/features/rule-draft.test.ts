import { describe, expect, it } from 'vitest';
import type { FilterRule } from '../../src/core/analysis/filters';
import { draftToRule, newCond, newGroup, opsFor, ruleToDraft, SEGMENT_COL, updateDraft, type CondDraft } from '../../src/features/saved-views/rule-draft';

const COLS = [
  { id: 'name', type: 'text' as const },
  { id: 'points', type: 'number' as const },
  { id: 'birthday', type: 'date' as const },
  { id: 'tags', type: 'tags' as const },
];
const cond = (col: string, op: CondDraft['op'], value: string): CondDraft => ({ ...newCond(col, 'text'), op, value });

describe('rule builder drafts', () => {
  it('offers operators by column type', () => {
    expect(opsFor('number')).toContain('number:gte');
    expect(opsFor('date')).toContain('birthday');
    expect(opsFor('tags')[0]).toBe('tag');
    expect(opsFor('segment')).toEqual(['segment']);
    expect(opsFor('phone')).toContain('text:contains');
  });

  it('turns a draft into a stored rule, reading numbers in the language’s format', () => {
    const draft = newGroup([
      cond('name', 'text:contains', ' Madrid '),
      newGroup([cond('points', 'number:gte', '1.234,5'), cond('birthday', 'birthday', '7'), cond('tags', 'tag', 'VIP')], 'or'),
      cond('name', 'text:empty', 'ignored'),
      cond(SEGMENT_COL, 'segment', 'Champions'),
    ]);
    const { rule, problems } = draftToRule(draft, COLS, ',');
    expect(problems).toEqual([]);
    expect(rule).toEqual({
      kind: 'group',
      mode: 'and',
      rules: [
        { kind: 'text', col: 'name', op: 'contains', value: 'Madrid' },
        {
          kind: 'group',
          mode: 'or',
          rules: [
            { kind: 'number', col: 'points', op: 'gte', value: 1234.5 },
            { kind: 'birthday', col: 'birthday', days: 7 },
            { kind: 'tag', col: 'tags', value: 'VIP' },
          ],
        },
        { kind: 'text', col: 'name', op: 'empty', value: '' },
        { kind: 'segment', value: 'Champions' },
      ],
    });
    // And back: the round trip keeps the rule.
    expect(draftToRule(ruleToDraft(rule as FilterRule), COLS, ',').rule).toEqual(rule);
  });

  it('reports each condition that needs fixing and returns no rule', () => {
    const a = cond('points', 'number:gt', 'many');
    const b = cond('birthday', 'date:lastDays', '-2');
    const c = cond('birthday', 'date:before', '2025-02-30');
    const d = cond('name', 'text:contains', '  ');
    const e = cond('gone', 'text:contains', 'x');
    const { rule, problems } = draftToRule(newGroup([a, b, c, d, e]), COLS);
    expect(rule).toBeUndefined();
    expect(problems).toEqual([
      { id: a.id, code: 'badNumber' },
      { id: b.id, code: 'badDays' },
      { id: c.id, code: 'badDate' },
      { id: d.id, code: 'needValue' },
      { id: e.id, code: 'noColumn' },
    ]);
  });

  it('updates and removes nodes anywhere in the tree', () => {
    const inner = cond('name', 'text:contains', 'a');
    const sub = newGroup([inner], 'or');
    const root = newGroup([cond('name', 'text:equals', 'b'), sub]);
    const changed = updateDraft(root, inner.id, (x) => ({ ...(x as CondDraft), value: 'z' }));
    expect(((changed.items[1] as typeof sub).items[0] as CondDraft).value).toBe('z');
    expect(updateDraft(root, sub.id, () => undefined).items).toHaveLength(1);
    expect(root.items).toHaveLength(2); // the original is untouched
  });
});
