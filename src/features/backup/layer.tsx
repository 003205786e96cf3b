// A layer above the workbench for the backup and trust features: their dialogs, full-screen notices
// and toasts are rendered here (its own Solid root under <body>, inside the same services), so they
// need no slot in the shell and show even over the loading screen.

import { onCleanup, onMount, type JSX } from 'solid-js';
import type { Disposable } from '../../base/event';
import type { Services } from '../../ui/services';
import { mountLayer as mountSharedLayer } from '../../ui/workbench/layer';
import type { Workbench } from '../../ui/workbench/workbench-context';
import './backup.css';

/** The backup and trust features' layer (class `bk-layer` unless told otherwise). */
export const mountLayer = (services: Services, wb: Workbench, view: () => JSX.Element, className = 'bk-layer'): Disposable =>
  mountSharedLayer(services, wb, view, className);

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
