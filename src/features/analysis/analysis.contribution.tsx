// The analysis feature's manifest: starts the analysis service once the book is loaded (off the
// start-up path), adds the computed columns to the Customers sheet, and hands the grid, the
// customer card, the Segments view and the Problems panel the same service.

import { createSignal, type Accessor } from 'solid-js';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import type { ComputedValues } from '../../ui/grid/view-model';
import type { Services } from '../../ui/services';
import type { Workbench } from '../../ui/workbench/workbench-context';
import { makeAnalysisService, type AnalysisService } from './analysis-service';
import { ensureComputedColumns, makeComputedValues } from './computed-columns';

const [service, setService] = createSignal<AnalysisService | undefined>();
const [computed, setComputed] = createSignal<ComputedValues | undefined>();

/** The app's analysis service (undefined before the contribution is registered, e.g. in tests). */
export const analysisService: Accessor<AnalysisService | undefined> = service;
/** The Customers grid's computed values. */
export const customerComputedValues: Accessor<ComputedValues | undefined> = computed;

const GRID_DATA_MARK = 'clientela:grid-data'; // performance mark of ui/grid: first data rows shown

function afterFirstData(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || typeof performance === 'undefined') return void setTimeout(resolve, 0);
    const start = performance.now();
    const tick = () => {
      if (performance.getEntriesByName(GRID_DATA_MARK, 'mark').length > 0 || performance.now() - start > 3000) setTimeout(resolve, 200);
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

export function registerAnalysisContribution(services: Services, _wb: Workbench, deps: { whenLoaded: Promise<unknown> }): { readonly service: AnalysisService } & Disposable {
  const store = new DisposableStore();
  // After the book is in and the grid shows its first rows (or 3 s, when no grid is open): the
  // first compute reads all purchases (~1 s on 500k), which must not delay the first screen.
  const afterPaint = deps.whenLoaded.then(afterFirstData);
  // A view that needs the analysis to show anything (Reminders, Segments) may ask sooner: `start()`.
  const s = store.add(makeAnalysisService(services.book, { whenLoaded: deps.whenLoaded, whenPainted: afterPaint }));
  setService(() => s);
  setComputed(() => makeComputedValues(s, services.i18n));
  // The columns come with the first compute: a book opened before this version gets them then.
  void s.whenReady.then(() => ensureComputedColumns(services.book));
  store.add(
    toDisposable(() => {
      setService(undefined);
      setComputed(undefined);
    }),
  );
  return { service: s, dispose: () => store.dispose() };
}
