// The quick input: one dialog behind the command palette (F1), quick open (Ctrl+P) and small picks
// (the language). A combobox filters a listbox; arrows move, Enter or a tap accepts, Esc closes.
// Focus goes back to where it was before accepting, so a command runs against the grid it was
// opened from (its `when` may test `gridFocus`).

import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { useServices } from '../services';
import { useWorkbench, type QuickPickItem, type QuickPickProvider } from './workbench-context';

let nextId = 0;

export function QuickInputHost(): JSX.Element {
  const wb = useWorkbench();
  return (
    <Show when={wb.quickPick()} keyed>
      {(provider) => <QuickInput provider={provider} onClose={() => wb.hideQuickPick()} />}
    </Show>
  );
}

function QuickInput(props: { provider: QuickPickProvider; onClose: () => void }): JSX.Element {
  const { contextKeys, i18n } = useServices();
  const uid = `wb-qi-${++nextId}`;
  const [query, setQuery] = createSignal(props.provider.initialQuery ?? '');
  const [active, setActive] = createSignal(0);
  const items = createMemo(() => props.provider.items(query()));
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  let input!: HTMLInputElement;
  let list!: HTMLUListElement;
  let closed = false;

  createEffect(on(items, () => setActive(0), { defer: true }));
  createEffect(() => {
    const i = active();
    const el = list?.querySelector<HTMLElement>(`#${uid}-o${i}`);
    el?.scrollIntoView({ block: 'nearest' });
  });

  contextKeys.set('quickInputOpen', true);
  contextKeys.set('quickInputKind', props.provider.id);
  onCleanup(() => {
    contextKeys.set('quickInputOpen', false);
    contextKeys.set('quickInputKind', undefined);
  });
  onMount(() => {
    input.focus();
    input.select();
  });

  const close = (restoreFocus = true) => {
    if (closed) return;
    closed = true;
    props.onClose();
    if (restoreFocus && previousFocus?.isConnected) previousFocus.focus({ preventScroll: true });
  };

  const accept = (item: QuickPickItem | undefined) => {
    if (!item) return;
    close();
    // Synchronously, after the dialog is gone and focus is back (so context keys describe the
    // editor again): keys typed right after Enter must land where the command puts the cursor.
    props.provider.accept(item);
  };

  const move = (delta: number) => {
    const n = items().length;
    if (n === 0) return;
    setActive((i) => Math.max(0, Math.min(n - 1, i + delta)));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'PageDown':
        move(8);
        break;
      case 'PageUp':
        move(-8);
        break;
      case 'Enter':
        accept(items()[active()]);
        break;
      case 'Escape':
        close();
        break;
      case 'Tab':
        // Keep focus inside the dialog: the list is reached with the arrows.
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      class="wb-quick-backdrop"
      onPointerDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div class="wb-quick" role="dialog" aria-modal="true" aria-label={props.provider.ariaLabel()} data-quick={props.provider.id}>
        <input
          ref={input}
          class="wb-quick-input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${uid}-list`}
          aria-autocomplete="list"
          aria-activedescendant={items().length ? `${uid}-o${active()}` : undefined}
          aria-label={props.provider.ariaLabel()}
          placeholder={props.provider.placeholder()}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <ul
          ref={list}
          id={`${uid}-list`}
          class="wb-quick-list"
          role="listbox"
          aria-label={props.provider.ariaLabel()}
          // Taps on the list must not move focus out of the input (the on-screen keyboard stays).
          onMouseDown={(e) => e.preventDefault()}
        >
          <For each={items()}>
            {(item, i) => (
              <li
                id={`${uid}-o${i()}`}
                class="wb-quick-item"
                classList={{ 'is-active': active() === i() }}
                role="option"
                aria-selected={active() === i()}
                aria-labelledby={`${uid}-o${i()}-l`}
                aria-describedby={item.description ? `${uid}-o${i()}-d` : undefined}
                onPointerMove={() => setActive(i())}
                onClick={() => accept(item)}
              >
                <span class="wb-quick-main">
                  <span id={`${uid}-o${i()}-l`} class="wb-quick-label">
                    {item.label}
                  </span>
                  <Show when={item.detail}>
                    <span class="wb-quick-detail">{item.detail}</span>
                  </Show>
                </span>
                <Show when={item.description}>
                  <kbd id={`${uid}-o${i()}-d`} class="wb-quick-desc" classList={{ 'is-plain': props.provider.id !== 'commands' }}>
                    {item.description}
                  </kbd>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <Show when={items().length === 0}>
          <p class="wb-quick-empty" role="status">
            {props.provider.empty()}
          </p>
        </Show>
        <span class="wb-visually-hidden" aria-live="polite">
          {i18n.t('workbench.quick.results', { count: items().length })}
        </span>
      </div>
    </div>
  );
}
