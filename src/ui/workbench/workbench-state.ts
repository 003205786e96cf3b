// The workbench's own state — open editor tabs, the active one, the side bar — as plain TypeScript
// with a change event, so it is testable without a DOM. Device-local: saved under 'workbench:tabs'
// in the device store, never in the book.

import { Emitter, type Event } from '../../base/event';
import { editorKey, isEditorInput, type EditorInput } from '../../platform/views';

export const TABS_KEY = 'workbench:tabs';

export type SavedTabs = { readonly tabs: readonly EditorInput[]; readonly active?: string };

export type WorkbenchSnapshot = {
  readonly tabs: readonly EditorInput[];
  /** editorKey of the active tab. */
  readonly active: string | undefined;
  readonly sidebarVisible: boolean;
  /** Id of the view container shown in the side bar. */
  readonly container: string;
};

export class WorkbenchState {
  private state: WorkbenchSnapshot;
  private readonly changed = new Emitter<WorkbenchSnapshot>();
  readonly onDidChange: Event<WorkbenchSnapshot> = this.changed.event;

  constructor(initial: Partial<WorkbenchSnapshot> = {}) {
    this.state = { tabs: [], active: undefined, sidebarVisible: true, container: 'sheets', ...initial };
  }

  get snapshot(): WorkbenchSnapshot {
    return this.state;
  }

  get activeInput(): EditorInput | undefined {
    const key = this.state.active;
    return key === undefined ? undefined : this.state.tabs.find((t) => editorKey(t) === key);
  }

  private set(next: Partial<WorkbenchSnapshot>): void {
    this.state = { ...this.state, ...next };
    this.changed.fire(this.state);
  }

  /** Opens a tab (or finds the one already open) and makes it active. New tabs go after the active one. */
  open(input: EditorInput): void {
    const key = editorKey(input);
    const tabs = this.state.tabs;
    if (tabs.some((t) => editorKey(t) === key)) {
      if (this.state.active !== key) this.set({ active: key });
      return;
    }
    const at = tabs.findIndex((t) => editorKey(t) === this.state.active);
    const next = [...tabs];
    next.splice(at < 0 ? next.length : at + 1, 0, { kind: input.kind, id: input.id });
    this.set({ tabs: next, active: key });
  }

  activate(key: string): void {
    if (this.state.active !== key && this.state.tabs.some((t) => editorKey(t) === key)) this.set({ active: key });
  }

  /** Closes a tab; when it was active, its right neighbour (or else its left one) becomes active. */
  close(key: string): void {
    const tabs = this.state.tabs;
    const i = tabs.findIndex((t) => editorKey(t) === key);
    if (i < 0) return;
    const next = tabs.filter((_, j) => j !== i);
    let active = this.state.active;
    if (active === key) {
      const neighbour = next[i] ?? next[i - 1];
      active = neighbour ? editorKey(neighbour) : undefined;
    }
    this.set({ tabs: next, active });
  }

  /** Activates the tab after (delta 1) or before (-1) the active one, wrapping around. */
  cycle(delta: 1 | -1): void {
    const tabs = this.state.tabs;
    if (tabs.length < 2) return;
    const i = tabs.findIndex((t) => editorKey(t) === this.state.active);
    const next = tabs[(i + delta + tabs.length) % tabs.length]!;
    this.set({ active: editorKey(next) });
  }

  setSidebarVisible(visible: boolean): void {
    if (this.state.sidebarVisible !== visible) this.set({ sidebarVisible: visible });
  }

  toggleSidebar(): void {
    this.set({ sidebarVisible: !this.state.sidebarVisible });
  }

  /** Shows a view container; tapping the icon of the one already shown hides the side bar, like VS Code. */
  showContainer(id: string, toggle = false): void {
    if (toggle && this.state.container === id && this.state.sidebarVisible) this.set({ sidebarVisible: false });
    else this.set({ container: id, sidebarVisible: true });
  }

  /** What is saved in the device store. */
  toSaved(): SavedTabs {
    return { tabs: this.state.tabs, ...(this.state.active !== undefined ? { active: this.state.active } : {}) };
  }

  /** Restores saved tabs, dropping anything malformed or that `keep` rejects (an unknown kind, a deleted customer). */
  restore(saved: unknown, keep: (input: EditorInput) => boolean = () => true): boolean {
    const tabs = parseSavedTabs(saved)?.tabs.filter(keep);
    if (!tabs || tabs.length === 0) return false;
    const wanted = (saved as SavedTabs).active;
    const active = tabs.some((t) => editorKey(t) === wanted) ? wanted : editorKey(tabs[0]!);
    this.set({ tabs, active });
    return true;
  }
}

/** Validates what the device store returned: it is device state from an older version, or anything. */
export function parseSavedTabs(v: unknown): SavedTabs | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as { tabs?: unknown; active?: unknown };
  if (!Array.isArray(o.tabs)) return undefined;
  const seen = new Set<string>();
  const tabs: EditorInput[] = [];
  for (const t of o.tabs) {
    if (!isEditorInput(t)) continue;
    const key = editorKey(t);
    if (seen.has(key)) continue;
    seen.add(key);
    tabs.push({ kind: t.kind, id: t.id });
  }
  return { tabs, ...(typeof o.active === 'string' ? { active: o.active } : {}) };
}
