// Saved views live in the book (so they sync between the shop's devices): the meta map's
// `savedViews` key holds a plain list of { id, name, sheet, rule, createdAt }. The list is one
// last-writer-wins value: two devices adding a view at the very same time offline keep the later
// list (rare for a shop, and nothing else in the book is touched). Meta writes are not undoable.

import { randomId } from '../../base/id';
import { parseRule, type FilterRule } from '../analysis/filters';
import type { Book } from '../doc/book-doc';
import { SHEET_IDS, type SheetId } from '../model/types';

export const SAVED_VIEWS_KEY = 'savedViews';

export type SavedView = {
  readonly id: string;
  readonly name: string;
  readonly sheet: SheetId;
  readonly rule: FilterRule;
  readonly createdAt: number;
};

/** The saved views stored in the book; entries that do not parse (a newer device's) are skipped. */
export function readSavedViews(book: Book): SavedView[] {
  const raw = book.meta(SAVED_VIEWS_KEY);
  if (!Array.isArray(raw)) return [];
  const out: SavedView[] = [];
  for (const v of raw) {
    if (!v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    const rule = parseRule(o.rule);
    if (typeof o.id !== 'string' || typeof o.name !== 'string' || !rule) continue;
    const sheet = (SHEET_IDS as readonly unknown[]).includes(o.sheet) ? (o.sheet as SheetId) : 'customers';
    out.push({ id: o.id, name: o.name, sheet, rule, createdAt: typeof o.createdAt === 'number' ? o.createdAt : 0 });
  }
  return out;
}

function writeAll(book: Book, views: readonly SavedView[]): void {
  // Stored as plain JSON data (no class instances), so any device can read it back.
  const data = JSON.parse(JSON.stringify(views)) as unknown;
  book.write('local', (w) => w.setMeta(SAVED_VIEWS_KEY, data));
}

export function addSavedView(book: Book, spec: { name: string; sheet?: SheetId; rule: FilterRule }, now = Date.now()): SavedView {
  const view: SavedView = { id: randomId(10), name: spec.name.trim(), sheet: spec.sheet ?? 'customers', rule: spec.rule, createdAt: now };
  writeAll(book, [...readSavedViews(book), view]);
  return view;
}

export function updateSavedView(book: Book, id: string, patch: { name?: string; rule?: FilterRule }): boolean {
  const views = readSavedViews(book);
  const i = views.findIndex((v) => v.id === id);
  if (i < 0) return false;
  const cur = views[i]!;
  views[i] = { ...cur, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), ...(patch.rule ? { rule: patch.rule } : {}) };
  writeAll(book, views);
  return true;
}

export function deleteSavedView(book: Book, id: string): boolean {
  const views = readSavedViews(book);
  const next = views.filter((v) => v.id !== id);
  if (next.length === views.length) return false;
  writeAll(book, next);
  return true;
}

/** Puts a deleted view back where it was (the toast's Undo after a delete). */
export function restoreSavedView(book: Book, view: SavedView, index?: number): void {
  const views = readSavedViews(book).filter((v) => v.id !== view.id);
  views.splice(index === undefined ? views.length : Math.max(0, Math.min(index, views.length)), 0, view);
  writeAll(book, views);
}
