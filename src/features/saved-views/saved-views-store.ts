// The saved views of the book as a signal. They live in the book's meta map, whose changes the
// book's change feed does not report (it reports sheets), so besides our own writes and every book
// change, a cheap check (the stored value's identity) runs every 1.5 s to pick up views another
// device synced in.

import { createSignal, type Accessor } from 'solid-js';
import { toDisposable, type Disposable } from '../../base/event';
import type { Book } from '../../core/index';
import { readSavedViews, SAVED_VIEWS_KEY, type SavedView } from '../../core/ops/saved-views';
import type { FilterContext } from '../../core/analysis/filters';
import type { RowId } from '../../core/index';

export type SavedViewsStore = { readonly views: Accessor<readonly SavedView[]>; refresh(): void } & Disposable;

export function makeSavedViewsStore(book: Book, pollMs = 1500): SavedViewsStore {
  let raw = book.meta(SAVED_VIEWS_KEY);
  const [views, setViews] = createSignal<readonly SavedView[]>(readSavedViews(book));
  const refresh = () => {
    const now = book.meta(SAVED_VIEWS_KEY);
    if (now === raw) return;
    raw = now;
    setViews(readSavedViews(book));
  };
  const sub = book.onDidChange(refresh);
  const timer = typeof setInterval === 'function' ? setInterval(refresh, pollMs) : undefined;
  return {
    views,
    refresh,
    ...toDisposable(() => {
      sub.dispose();
      if (timer) clearInterval(timer);
    }),
  };
}

/** What the "segment is" rule asks: the segments engine (issue 5, core/analysis) plugs in here. */
export type SegmentLookup = {
  /** Names of the segments, for the rule builder's choices. */
  segments(): readonly string[];
  segmentOf(row: RowId): string | undefined;
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
  return seg ? { today, segmentOf: (row) => seg.segmentOf(row) } : { today };
}
