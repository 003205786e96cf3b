// Problems from other parts of the app (sync reporting an update from a peer it could not apply,
// an import that left something behind…): a small registry the Problems panel lists next to the
// book's own data problems. A source says what is wrong in words already translated, and when its
// list changes.

import { createSignal, type Accessor } from 'solid-js';
import { toDisposable, type Disposable, type Event } from '../../base/event';

export type ProblemSeverity = 'error' | 'warning' | 'info';

export type ExternalProblem = {
  /** One line, already in the user's language. */
  readonly label: string;
  readonly detail?: string;
  readonly severity: ProblemSeverity;
};

export type ProblemSource = {
  problems(): readonly ExternalProblem[];
  readonly onDidChange: Event<void>;
};

type Entry = { readonly id: string; readonly source: ProblemSource };

const [entries, setEntries] = createSignal<readonly Entry[]>([]);
const [tick, setTick] = createSignal(0);

/** Adds a source of problems (one per id; registering an id again replaces it). */
export function registerProblemSource(id: string, source: ProblemSource): Disposable {
  const entry: Entry = { id, source };
  setEntries((list) => [...list.filter((e) => e.id !== id), entry]);
  const sub = source.onDidChange(() => setTick((v) => v + 1));
  return toDisposable(() => {
    sub.dispose();
    setEntries((list) => list.filter((e) => e !== entry));
  });
}

/** Every registered source's problems, with the source id; reactive (sources and their changes). */
export const externalProblems: Accessor<readonly (ExternalProblem & { readonly source: string })[]> = () => {
  tick();
  return entries().flatMap((e) => e.source.problems().map((p) => ({ ...p, source: e.id })));
};
