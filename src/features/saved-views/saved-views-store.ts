// The saved views of the book as a signal. They live in the book's meta map; the book's change feed
// names the meta keys that changed (local edits and views another device synced in alike), so the
// store re-reads only when the saved views key is among them.

import { createSignal, type Accessor } from 'solid-js';
import { toDisposable, type Disposable } from '../../base/event';
import type { Book } from '../../core/index';
import { readSavedViews, SAVED_VIEWS_KEY, type SavedView } from '../../core/ops/saved-views';
import type { FilterContext } from '../../core/analysis/filters';
import type { RowId } from '../../core/index';

export type SavedViewsStore = { readonly views: Accessor<readonly SavedView[]>; refresh(): void } & Disposable;

export function makeSavedViewsStore(book: Book): SavedViewsStore {
  let raw = book.meta(SAVED_VIEWS_KEY);
  const [views, setViews] = createSignal<readonly SavedView[]>(readSavedViews(book));
  const refresh = () => {
    const now = book.meta(SAVED_VIEWS_KEY);
    if (now === raw) return;
    raw = now;
    setViews(readSavedViews(book));
  };
  const sub = book.onDidChange((change) => {
    if (change.meta.includes(SAVED_VIEWS_KEY)) refresh();
  });
  return { views, refresh, ...toDisposable(() => sub.dispose()) };
}

/** What the "segment is" rule asks: the segments engine (issue 5, core/analysis) plugs in here. */
export type SegmentLookup = {
  /** Names of the segments, for the rule builder's choices. */
  segments(): readonly string[];
  segmentOf(row: RowId): string | undefined;
  /** The key a typed name stands for, as segmentOf answers it (names in any language → one id). */
  keyOf?(value: string): string;
};

const [segmentLookup, setSegmentLookup] = createSignal<SegmentLookup | undefined>();
export { segmentLookup };

/** Lets the segments feature answer "segment is" rules; returns a disposable that unplugs it. */
export function registerSegmentLookup(lookup: SegmentLookup): Disposable {
  setSegmentLookup(() => lookup);
  return toDisposable(() => setSegmentLookup((cur) => (cur === lookup ? undefined : cur)));
}

/** The context rules are evaluated in: today's date and the segment lookup, if any. */
export function filterContext(today: string): FilterContext {
  const seg = segmentLookup();
  if (!seg) return { today };
  const keyOf = seg.keyOf?.bind(seg);
  return keyOf ? { today, segmentOf: (row) => seg.segmentOf(row), segmentKey: keyOf } : { today, segmentOf: (row) => seg.segmentOf(row) };
}
