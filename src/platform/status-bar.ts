// The status bar's entries: features add items (save state, row count, sync) and update them; the
// shell shows them left or right by priority. Knows nothing of what the items mean.

import { Emitter, toDisposable, type Disposable, type Event } from '../base/event';

export type StatusBarEntry = {
  /** `storage.saveStatus`, `sync.status`, ... */
  readonly id: string;
  readonly alignment: 'left' | 'right';
  /** Higher sits nearer the edge of its side (leftmost on the left, rightmost on the right). */
  readonly priority: number;
  /**
   * The text shown, or a function computing it. A function is called inside the UI's computations,
   * so it may read reactive state (the language, a selection) and the item updates by itself.
   * An empty text hides the item.
   */
  readonly text: string | (() => string);
  /** Longer description for the tooltip and the accessible name. */
  readonly tooltip?: string | (() => string);
  /** A command run when the item is tapped. */
  readonly command?: string;
  /** Name of an icon the UI knows, shown before the text. */
  readonly icon?: string;
};

export type StatusBarPatch = Partial<Omit<StatusBarEntry, 'id'>>;

export interface StatusBarRegistry {
  add(entry: StatusBarEntry): Disposable;
  /** Changes an entry added by someone else (the sync feature takes over `sync.status`). */
  update(id: string, patch: StatusBarPatch): boolean;
  get(id: string): StatusBarEntry | undefined;
  /** Entries of one side, in display order (left to right). */
  entries(alignment: 'left' | 'right'): readonly StatusBarEntry[];
  readonly onDidChange: Event<void>;
}

export function createStatusBarRegistry(): StatusBarRegistry {
  const items = new Map<string, StatusBarEntry>();
  const changed = new Emitter<void>();
  return {
    add(entry) {
      if (items.has(entry.id)) throw new Error(`status bar entry ${entry.id} added twice`);
      items.set(entry.id, entry);
      changed.fire();
      return toDisposable(() => {
        items.delete(entry.id);
        changed.fire();
      });
    },
    update(id, patch) {
      const old = items.get(id);
      if (!old) return false;
      items.set(id, { ...old, ...patch, id });
      changed.fire();
      return true;
    },
    get: (id) => items.get(id),
    entries(alignment) {
      const list = [...items.values()].filter((e) => e.alignment === alignment);
      // Left: highest priority leftmost. Right: highest priority rightmost (nearest the edge).
      list.sort((a, b) => (alignment === 'left' ? b.priority - a.priority : a.priority - b.priority) || (a.id < b.id ? -1 : 1));
      return list;
    },
    onDidChange: changed.event,
  };
}

/** Resolves a text-or-function field. */
export const resolveText = (v: string | (() => string) | undefined): string => (typeof v === 'function' ? v() : (v ?? ''));
