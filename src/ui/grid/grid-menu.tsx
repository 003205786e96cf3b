// The grid's popup: the column header menu and the cell context menu (right-click / long-press),
// with small inline forms (filter, rename, add column) instead of browser prompts.

import { For, Show, onCleanup, onMount, type JSX } from 'solid-js';

export type MenuItem =
  | { readonly kind?: 'item'; readonly label: string; readonly run: () => void; readonly disabled?: boolean; readonly checked?: boolean; readonly hint?: string; readonly keepOpen?: boolean }
  | { readonly kind: 'separator' };

const FOCUSABLE = '[role^="menuitem"]:not([disabled]), input, select, button:not([role])';

/** A popup at a point, kept inside the viewport; closes on Escape or a pointer outside it. */
export function Popup(props: { x: number; y: number; label: string; role: 'menu' | 'dialog'; onClose: (refocus: boolean) => void; children: JSX.Element }): JSX.Element {
  let el!: HTMLDivElement;
  const place = () => {
    const r = el.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    el.style.left = `${Math.max(4, Math.min(props.x, vw - r.width - 4))}px`;
    el.style.top = `${Math.max(4, props.y + r.height > vh - 4 ? Math.max(4, props.y - r.height) : props.y)}px`;
  };
  onMount(() => {
    place();
    (el.querySelector(FOCUSABLE) as HTMLElement | null)?.focus({ preventScroll: true });
    const onDown = (e: PointerEvent) => {
      if (!el.contains(e.target as Node)) props.onClose(false);
    };
    // Capture, so a press elsewhere in the grid closes the menu before the grid acts on it.
    window.addEventListener('pointerdown', onDown, true);
    onCleanup(() => window.removeEventListener('pointerdown', onDown, true));
  });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose(true);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'SELECT') return;
    const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (!items.length) return;
    e.preventDefault();
    const i = items.indexOf(target);
    const next = e.key === 'ArrowDown' ? (i + 1) % items.length : (i - 1 + items.length) % items.length;
    items[next]!.focus();
  };
  return (
    <div ref={el} class="cl-menu" role={props.role} aria-label={props.label} style={{ left: `${props.x}px`, top: `${props.y}px` }} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {props.children}
    </div>
  );
}

export function MenuItems(props: { items: readonly MenuItem[]; onDone: () => void }): JSX.Element {
  return (
    <For each={props.items}>
      {(item) =>
        item.kind === 'separator' ? (
          <div class="cl-menu__sep" role="separator" />
        ) : (
          <button
            type="button"
            class="cl-menu__item"
            role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
            aria-checked={item.checked === undefined ? undefined : item.checked ? 'true' : 'false'}
            disabled={item.disabled}
            onClick={() => {
              item.run();
              if (!item.keepOpen) props.onDone();
            }}
          >
            <span class="cl-menu__check" aria-hidden="true">
              {item.checked ? '✓' : ''}
            </span>
            <span class="cl-menu__label">{item.label}</span>
            <Show when={item.hint}>
              <span class="cl-menu__hint">{item.hint}</span>
            </Show>
          </button>
        )
      }
    </For>
  );
}
