// Registries of the workbench's places: side-bar view containers (one per activity-bar icon), the
// views inside them, and the kinds of editor a tab can hold. Features contribute; the shell renders.
// Knows nothing of customers: a view or an editor is an id, i18n keys and an opaque render function
// (`R` is whatever the UI renders, a JSX element in practice).

import { Emitter, toDisposable, type Disposable, type Event } from '../base/event';

export type ViewContainer = {
  /** `sheets`, `trash`, ... */
  readonly id: string;
  /** i18n key of the container's name (tooltip of its activity-bar icon, side-bar heading). */
  readonly title: string;
  /** Name of an icon the UI knows. */
  readonly icon: string;
  /** Smaller first. */
  readonly order: number;
};

export type ViewDescriptor<R = unknown> = {
  readonly id: string;
  readonly container: string;
  /** i18n key of the section heading. */
  readonly title: string;
  readonly order: number;
  readonly render: () => R;
};

/** What an editor tab shows: serialisable, so the open tabs can be saved and restored. */
export type EditorInput = {
  /** The editor kind (`sheet`, `trash`, `customer`, `settings`). */
  readonly kind: string;
  /** Which one of that kind (a sheet id, a row id); empty for singletons. */
  readonly id: string;
};

export type EditorTitle = { readonly key: string; readonly params?: Readonly<Record<string, string | number>> } | { readonly text: string };

/** A button at the end of the tab row while an editor of this kind is active (VS Code's editor actions). */
export type EditorAction = {
  readonly command: string;
  readonly icon: string;
  /** i18n key of the button's name. */
  readonly title: string;
};

export type EditorKind<R = unknown> = {
  readonly id: string;
  /** Icon name of the tab, or a function of the input (each sheet has its own). */
  readonly icon: string | ((input: EditorInput) => string);
  readonly actions?: (input: EditorInput) => readonly EditorAction[];
  /** The tab's label; may read reactive state (it is called inside the UI's computations). */
  readonly title: (input: EditorInput) => EditorTitle;
  readonly render: (input: EditorInput) => R;
  /** Whether a restored tab still makes sense (e.g. the customer still exists). Default: yes. */
  readonly canRestore?: (input: EditorInput) => boolean;
};

export const editorKey = (input: EditorInput): string => `${input.kind}:${input.id}`;

export function isEditorInput(v: unknown): v is EditorInput {
  if (!v || typeof v !== 'object') return false;
  const o = v as { kind?: unknown; id?: unknown };
  return typeof o.kind === 'string' && o.kind !== '' && typeof o.id === 'string';
}

export interface ViewRegistry<R = unknown> {
  registerContainer(container: ViewContainer): Disposable;
  registerView(view: ViewDescriptor<R>): Disposable;
  registerEditor(kind: EditorKind<R>): Disposable;
  containers(): readonly ViewContainer[];
  /** Views of one container, in order. */
  views(container: string): readonly ViewDescriptor<R>[];
  editor(kind: string): EditorKind<R> | undefined;
  readonly onDidChange: Event<void>;
}

export function createViewRegistry<R = unknown>(): ViewRegistry<R> {
  const containers = new Map<string, ViewContainer>();
  const views = new Map<string, ViewDescriptor<R>>();
  const editors = new Map<string, EditorKind<R>>();
  const changed = new Emitter<void>();
  const add = <T extends { id: string }>(map: Map<string, T>, what: string, item: T): Disposable => {
    if (map.has(item.id)) throw new Error(`${what} ${item.id} registered twice`);
    map.set(item.id, item);
    changed.fire();
    return toDisposable(() => {
      if (map.get(item.id) === item) map.delete(item.id);
      changed.fire();
    });
  };
  const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }) => a.order - b.order || (a.id < b.id ? -1 : 1);
  return {
    registerContainer: (c) => add(containers, 'view container', c),
    registerView: (v) => add(views, 'view', v),
    registerEditor: (e) => add(editors, 'editor kind', e),
    containers: () => [...containers.values()].sort(byOrder),
    views: (container) => [...views.values()].filter((v) => v.container === container).sort(byOrder),
    editor: (kind) => editors.get(kind),
    onDidChange: changed.event,
  };
}
