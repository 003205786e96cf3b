// The rule builder's working copy: conditions as the form holds them (column, operator, typed
// text) and their conversion to and from the stored rules of src/core/analysis/filters.ts. Plain
// functions, so the conversions and the checks are unit tested without a browser.

import { isIsoDate } from '../../base/date';
import { randomId } from '../../base/id';
import type { FilterGroup, FilterRule } from '../../core/analysis/filters';
import type { ColumnType } from '../../core/index';
import { parseAmount } from '../../core/ops/sales';

/** Operators as the form lists them: `kind:op`, or a kind of its own (birthday, tag, segment). */
export type UiOp =
  | 'text:contains'
  | 'text:notContains'
  | 'text:equals'
  | 'text:notEquals'
  | 'text:empty'
  | 'text:notEmpty'
  | 'number:gt'
  | 'number:gte'
  | 'number:lt'
  | 'number:lte'
  | 'number:eq'
  | 'number:neq'
  | 'date:before'
  | 'date:after'
  | 'date:on'
  | 'date:lastDays'
  | 'date:nextDays'
  | 'birthday'
  | 'tag'
  | 'segment';

/** The pseudo column of "segment is". */
export const SEGMENT_COL = '@segment';

export type CondDraft = { readonly id: string; readonly type: 'cond'; readonly col: string; readonly op: UiOp; readonly value: string };
export type GroupDraft = { readonly id: string; readonly type: 'group'; readonly mode: 'and' | 'or'; readonly items: readonly (CondDraft | GroupDraft)[] };
export type Draft = CondDraft | GroupDraft;

const TEXT_OPS: readonly UiOp[] = ['text:contains', 'text:notContains', 'text:equals', 'text:notEquals', 'text:empty', 'text:notEmpty'];
const EMPTY_OPS: readonly UiOp[] = ['text:empty', 'text:notEmpty'];

/** The operators that make sense for a column of this type. */
export function opsFor(type: ColumnType | 'segment'): readonly UiOp[] {
  switch (type) {
    case 'segment':
      return ['segment'];
    case 'number':
    case 'currency':
      return ['number:gt', 'number:gte', 'number:lt', 'number:lte', 'number:eq', 'number:neq', ...EMPTY_OPS];
    case 'date':
      return ['date:lastDays', 'date:nextDays', 'date:before', 'date:after', 'date:on', 'birthday', ...EMPTY_OPS];
    case 'tags':
      return ['tag', 'text:contains', ...EMPTY_OPS];
    default:
      return TEXT_OPS;
  }
}

/** What the value box holds for an operator. */
export function valueKind(op: UiOp): 'none' | 'text' | 'number' | 'date' | 'days' {
  if (op === 'text:empty' || op === 'text:notEmpty') return 'none';
  if (op.startsWith('number:')) return 'number';
  if (op === 'date:before' || op === 'date:after' || op === 'date:on') return 'date';
  if (op === 'date:lastDays' || op === 'date:nextDays' || op === 'birthday') return 'days';
  return 'text';
}

export const newCond = (col: string, type: ColumnType | 'segment'): CondDraft => ({ id: randomId(8), type: 'cond', col, op: opsFor(type)[0]!, value: '' });
export const newGroup = (items: readonly Draft[] = [], mode: 'and' | 'or' = 'and'): GroupDraft => ({ id: randomId(8), type: 'group', mode, items });

export type DraftProblem = { readonly id: string; readonly code: 'needValue' | 'badNumber' | 'badDate' | 'badDays' | 'noColumn' };

/** The stored rule of a draft, or the conditions that need fixing first. */
export function draftToRule(draft: GroupDraft, columns: readonly { readonly id: string; readonly type: ColumnType }[], decimal: ',' | '.' = '.'): { rule?: FilterGroup; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const cols = new Map(columns.map((c) => [c.id as string, c]));
  const conv = (d: Draft): FilterRule | undefined => {
    if (d.type === 'group') return { kind: 'group', mode: d.mode, rules: d.items.map(conv).filter((r): r is FilterRule => !!r) };
    const v = d.value.trim();
    if (d.op === 'segment') {
      if (!v) problems.push({ id: d.id, code: 'needValue' });
      return { kind: 'segment', value: v };
    }
    if (!cols.has(d.col)) {
      problems.push({ id: d.id, code: 'noColumn' });
      return undefined;
    }
    const kind = valueKind(d.op);
    if (kind === 'none') return { kind: 'text', col: d.col, op: d.op.slice(5) as 'empty' | 'notEmpty', value: '' };
    if (v === '') {
      problems.push({ id: d.id, code: 'needValue' });
      return undefined;
    }
    if (kind === 'number') {
      const n = parseAmount(v, decimal);
      if (typeof n !== 'number') problems.push({ id: d.id, code: 'badNumber' });
      return typeof n === 'number' ? { kind: 'number', col: d.col, op: d.op.slice(7) as 'gt', value: n } : undefined;
    }
    if (kind === 'days') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) {
        problems.push({ id: d.id, code: 'badDays' });
        return undefined;
      }
      return d.op === 'birthday' ? { kind: 'birthday', col: d.col, days: n } : { kind: 'date', col: d.col, op: d.op.slice(5) as 'lastDays', value: n };
    }
    if (kind === 'date') {
      if (!isIsoDate(v)) {
        problems.push({ id: d.id, code: 'badDate' });
        return undefined;
      }
      return { kind: 'date', col: d.col, op: d.op.slice(5) as 'before', value: v };
    }
    if (d.op === 'tag') return { kind: 'tag', col: d.col, value: v };
    return { kind: 'text', col: d.col, op: d.op.slice(5) as 'contains', value: v };
  };
  const rule = conv(draft) as FilterGroup;
  return problems.length ? { problems } : { rule, problems };
}

/** A stored rule as a draft to edit (the top is always a group). */
export function ruleToDraft(rule: FilterRule): GroupDraft {
  const conv = (r: FilterRule): Draft => {
    switch (r.kind) {
      case 'group':
        return newGroup(r.rules.map(conv), r.mode);
      case 'text':
        return { id: randomId(8), type: 'cond', col: r.col, op: `text:${r.op}` as UiOp, value: r.value };
      case 'number':
        return { id: randomId(8), type: 'cond', col: r.col, op: `number:${r.op}` as UiOp, value: String(r.value) };
      case 'date':
        return { id: randomId(8), type: 'cond', col: r.col, op: `date:${r.op}` as UiOp, value: String(r.value) };
      case 'birthday':
        return { id: randomId(8), type: 'cond', col: r.col, op: 'birthday', value: String(r.days) };
      case 'tag':
        return { id: randomId(8), type: 'cond', col: r.col, op: 'tag', value: r.value };
      case 'segment':
        return { id: randomId(8), type: 'cond', col: SEGMENT_COL, op: 'segment', value: r.value };
    }
  };
  const d = conv(rule);
  return d.type === 'group' ? d : newGroup([d]);
}

/** Replaces the draft node `id` (anywhere in the tree) by `fn(node)`; `undefined` removes it. */
export function updateDraft(root: GroupDraft, id: string, fn: (d: Draft) => Draft | undefined): GroupDraft {
  const walk = (g: GroupDraft): GroupDraft => ({
    ...g,
    items: g.items.flatMap((d) => {
      if (d.id === id) {
        const next = fn(d);
        return next ? [next] : [];
      }
      return d.type === 'group' ? [walk(d)] : [d];
    }),
  });
  return root.id === id ? ((fn(root) as GroupDraft | undefined) ?? newGroup()) : walk(root);
}
