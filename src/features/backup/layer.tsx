// A layer above the workbench for the backup and trust features: their dialogs, full-screen notices
// and toasts are rendered here (its own Solid root under <body>, inside the same services), so they
// need no slot in the shell and show even over the loading screen.

import { onCleanup, onMount, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { toDisposable, type Disposable } from '../../base/event';
import { ServicesContext, type Services } from '../../ui/services';
import { WorkbenchContext, type Workbench } from '../../ui/workbench/workbench-context';
import './backup.css';

export function mountLayer(services: Services, wb: Workbench, view: () => JSX.Element, className = 'bk-layer'): Disposable {
  if (typeof document === 'undefined') return toDisposable(() => undefined);
  const host = document.createElement('div');
  host.className = className;
  document.body.append(host);
  const dispose = render(
    () => (
      <ServicesContext.Provider value={services}>
        <WorkbenchContext.Provider value={wb}>{view()}</WorkbenchContext.Provider>
      </ServicesContext.Provider>
    ),
    host,
  );
  return toDisposable(() => {
    dispose();
    host.remove();
  });
}

/** A modal dialog: focus moves in on open and back on close; Escape and the backdrop cancel. */
export function Modal(props: { title: string; onCancel?: () => void; children: JSX.Element; testId?: string; wide?: boolean }): JSX.Element {
  let box!: HTMLDivElement;
  const previous = document.activeElement as HTMLElement | null;
  const id = `bk-title-${Math.random().toString(36).slice(2, 8)}`;
  // Escape cancels even when focus is outside (e.g. back from the system's file chooser).
  const onEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !props.onCancel) return;
    e.preventDefault();
    e.stopPropagation();
    props.onCancel();
  };
  onMount(() => {
    const first = box.querySelector<HTMLElement>('input, button.is-primary, button');
    (first ?? box).focus();
    document.addEventListener('keydown', onEscape, true);
  });
  onCleanup(() => {
    document.removeEventListener('keydown', onEscape, true);
    previous?.focus?.();
  });
  const onKey = (e: KeyboardEvent) => {
    // Keys typed in the dialog must not reach the grid's or the workbench's shortcuts.
    e.stopPropagation();
    if (e.key === 'Tab') {
      const items = [...box.querySelectorAll<HTMLElement>('input, button, select, textarea, a[href]')].filter((el) => !(el as HTMLButtonElement).disabled);
      if (!items.length) return;
      const i = items.indexOf(document.activeElement as HTMLElement);
      if (e.shiftKey && i <= 0) {
        e.preventDefault();
        items[items.length - 1]!.focus();
      } else if (!e.shiftKey && i === items.length - 1) {
        e.preventDefault();
        items[0]!.focus();
      }
    }
  };
  return (
    <div class="bk-backdrop" onClick={(e) => e.target === e.currentTarget && props.onCancel?.()}>
      <div
        ref={box}
        class="bk-dialog"
        classList={{ 'is-wide': !!props.wide }}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        tabindex="-1"
        data-testid={props.testId}
        onKeyDown={onKey}
      >
        <h2 id={id} class="bk-dialog-title">
          {props.title}
        </h2>
        {props.children}
      </div>
    </div>
  );
}
