// "Customers: Tag Selected…": adds or removes one tag on every selected row of a customers grid, as
// one transaction (one undo step). The pick lists the tags already used in the book; typing a new
// word offers to add it.

import { foldText } from '../../base/text';
import { setCells, type Book, type CellEdit, type CellValue, type RowId } from '../../core/index';
import type { QuickPickItem } from '../../ui/workbench/workbench-context';

const tagsOf = (v: CellValue): readonly string[] => (Array.isArray(v) ? v : typeof v === 'string' && v.trim() ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** Every tag used in the customers sheet, most used first. */
export function bookTags(book: Book): string[] {
  const s = book.sheet('customers');
  const count = new Map<string, { tag: string; n: number }>();
  for (const id of s.liveRowIds())
    for (const tag of tagsOf(s.get(id, 'tags'))) {
      const k = foldText(tag);
      const e = count.get(k);
      if (e) e.n++;
      else count.set(k, { tag, n: 1 });
    }
  return [...count.values()].sort((a, b) => b.n - a.n || a.tag.localeCompare(b.tag)).map((e) => e.tag);
}

export type TagAction = { readonly op: 'add' | 'remove'; readonly tag: string };

/** The choices for a query: add (a new or existing tag) and remove (a tag some selected rows have). */
export function tagChoices(query: string, tags: readonly string[], selectedHave: ReadonlySet<string>, label: (a: TagAction) => string): QuickPickItem[] {
  const q = query.trim();
  const fq = foldText(q);
  const out: QuickPickItem[] = [];
  const matching = tags.filter((t) => !fq || foldText(t).includes(fq));
  if (q && !tags.some((t) => foldText(t) === fq)) out.push({ id: `add:${q}`, label: label({ op: 'add', tag: q }) });
  for (const t of matching) out.push({ id: `add:${t}`, label: label({ op: 'add', tag: t }) });
  for (const t of matching) if (selectedHave.has(foldText(t))) out.push({ id: `remove:${t}`, label: label({ op: 'remove', tag: t }) });
  return out.slice(0, 60);
}

export const parseChoice = (id: string): TagAction | undefined => {
  const i = id.indexOf(':');
  const op = id.slice(0, i);
  return op === 'add' || op === 'remove' ? { op, tag: id.slice(i + 1) } : undefined;
};

/** Applies a tag action to rows; returns how many rows changed. One transaction. */
export function applyTag(book: Book, rows: readonly RowId[], a: TagAction): number {
  const s = book.sheet('customers');
  const k = foldText(a.tag);
  const edits: CellEdit[] = [];
  for (const row of rows) {
    const tags = tagsOf(s.get(row, 'tags'));
    const has = tags.some((t) => foldText(t) === k);
    if (a.op === 'add' && !has) edits.push({ row, col: 'tags', value: [...tags, a.tag] });
    if (a.op === 'remove' && has) edits.push({ row, col: 'tags', value: tags.filter((t) => foldText(t) !== k) });
  }
  return setCells(book, 'customers', edits);
}

/** Folded tags at least one of the rows has (to offer "remove"). */
export function tagsOfRows(book: Book, rows: readonly RowId[]): Set<string> {
  const s = book.sheet('customers');
  const out = new Set<string>();
  for (const r of rows) for (const t of tagsOf(s.get(r, 'tags'))) out.add(foldText(t));
  return out;
}
