// The workbench the shell renders and the features contribute to: tab state, the registries of
// views, editors and status items, and the quick input (palette / quick open) overlay.

import { createContext, createSignal, useContext, type Accessor, type JSX } from 'solid-js';
import type { Disposable } from '../../base/event';
import type { StatusBarRegistry } from '../../platform/status-bar';
import type { EditorInput, ViewRegistry } from '../../platform/views';
import type { WorkbenchSnapshot, WorkbenchState } from './workbench-state';

export type QuickPickItem = {
  readonly id: string;
  /** The option's accessible name and main text. */
  readonly label: string;
  /** Secondary text on the right (a shortcut, a phone number). */
  readonly description?: string;
  /** A second line (an address, an email). */
  readonly detail?: string;
};

/** One use of the quick input: the command palette, quick open, a language pick... */
export type QuickPickProvider = {
  /** Identifies the provider (`commands`, `customers`, `language`) for tests and styling. */
  readonly id: string;
  readonly ariaLabel: () => string;
  readonly placeholder: () => string;
  /** Text shown when nothing matches. */
  readonly empty: () => string;
  /** Items for the query; called inside a computation, so it may read reactive state. */
  readonly items: (query: string) => readonly QuickPickItem[];
  readonly accept: (item: QuickPickItem) => void;
  /** Text the input starts with. */
  readonly initialQuery?: string;
};

export type Workbench = {
  readonly state: WorkbenchState;
  /** The state as a signal (tabs, active tab, side bar). */
  readonly snapshot: Accessor<WorkbenchSnapshot>;
  readonly views: ViewRegistry<JSX.Element>;
  readonly statusBar: StatusBarRegistry;
  /** The quick input shown now, if any. */
  readonly quickPick: Accessor<QuickPickProvider | undefined>;
  /** Shows a quick input (replacing one already open). */
  showQuickPick(provider: QuickPickProvider): void;
  hideQuickPick(): void;
  /** The provider behind Ctrl+P (the customers feature sets it). */
  setQuickOpenProvider(provider: QuickPickProvider): Disposable;
  readonly quickOpenProvider: Accessor<QuickPickProvider | undefined>;
  /** Opens (or activates) an editor tab. */
  openEditor(input: EditorInput): void;
};

export function makeWorkbench(deps: Pick<Workbench, 'state' | 'views' | 'statusBar'>): Workbench {
  const [quickPick, setQuickPick] = createSignal<QuickPickProvider | undefined>();
  const [quickOpenProvider, setQuickOpen] = createSignal<QuickPickProvider | undefined>();
  // Lives as long as the app: the workbench is made once by app/.
  const [snapshot, setSnapshot] = createSignal(deps.state.snapshot);
  deps.state.onDidChange((s) => setSnapshot(() => s));
  return {
    ...deps,
    snapshot,
    quickPick,
    showQuickPick: (p) => setQuickPick(() => p),
    hideQuickPick: () => setQuickPick(undefined),
    quickOpenProvider,
    setQuickOpenProvider(p) {
      setQuickOpen(() => p);
      return { dispose: () => setQuickOpen((cur) => (cur === p ? undefined : cur)) };
    },
    openEditor: (input) => deps.state.open(input),
  };
}

/** Layouts where the side bar floats over the editor as a drawer (tablets held upright, phones). */
export const COMPACT_QUERY = '(orientation: portrait) and (max-width: 900px), (max-width: 640px)';

export const isCompactLayout = (): boolean => typeof matchMedia === 'function' && matchMedia(COMPACT_QUERY).matches;

export const WorkbenchContext = createContext<Workbench>();

export function useWorkbench(): Workbench {
  const wb = useContext(WorkbenchContext);
  if (!wb) throw new Error('useWorkbench outside WorkbenchContext');
  return wb;
}
