// Small confirmations at the bottom of the screen ("Sale recorded — Undo", "12 phones copied"),
// shared by the purchases and saved-views features. One list for the app; each toast hides itself.

import { createSignal, For, Show, type JSX } from 'solid-js';

export type Toast = {
  readonly id: number;
  readonly text: string;
  /** One action button (Undo, Open). */
  readonly action?: { readonly label: string; readonly run: () => void };
};

const [toasts, setToasts] = createSignal<readonly Toast[]>([]);
let seq = 0;

/** Shows a toast for `ms` milliseconds (longer when it offers an action). Returns its id. */
export function showToast(text: string, action?: Toast['action'], ms = action ? 10_000 : 5_000): number {
  const id = ++seq;
  setToasts((list) => [...list.slice(-1), { id, text, action }]);
  setTimeout(() => hideToast(id), ms);
  return id;
}

export function hideToast(id: number): void {
  setToasts((list) => list.filter((t) => t.id !== id));
}

export function ToastHost(props: { label: string; dismiss: string }): JSX.Element {
  return (
    <div class="pu-toasts" role="region" aria-label={props.label}>
      <For each={toasts()}>
        {(toast) => (
          <div class="pu-toast" role="status" aria-live="polite" data-toast={toast.id}>
            <span class="pu-toast__text">{toast.text}</span>
            <Show when={toast.action}>
              {(a) => (
                <button
                  type="button"
                  class="pu-toast__action"
                  onClick={() => {
                    hideToast(toast.id);
                    a().run();
                  }}
                >
                  {a().label}
                </button>
              )}
            </Show>
            <button type="button" class="pu-toast__close" aria-label={props.dismiss} title={props.dismiss} onClick={() => hideToast(toast.id)}>
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
