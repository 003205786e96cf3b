// What a cell shows (text, chips, a call/mail link, a checkbox glyph) and the per-type editors.

import { For, Match, Show, Switch, onMount, type JSX } from 'solid-js';
import type { Column } from '../../core/index';
import type { CellDisplay } from './view-model';

export type EditKind = 'text' | 'date' | 'select';
export type EditState = {
  readonly r: number;
  readonly c: number;
  readonly draft: string;
  readonly initial: string;
  /** 'enter': started by typing, arrows commit and move (Excel); 'edit': F2 / double-tap, arrows move the caret. */
  readonly mode: 'enter' | 'edit';
  readonly kind: EditKind;
};

type T = (key: string, params?: Record<string, string | number>) => string;

/** The inside of a cell when it is not being edited. Its text content is the cell's accessible name. */
export function CellContent(props: { display: CellDisplay; type: Column['type']; t: T }): JSX.Element {
  return (
    <Switch fallback={<span class="cl-cell__text">{props.display.text}</span>}>
      <Match when={props.display.chips}>
        {(chips) => (
          <span class="cl-chips">
            <For each={chips()}>
              {(tag, i) => (
                <>
                  <Show when={i() > 0}>
                    <span class="cl-sr">, </span>
                  </Show>
                  <span class="cl-chip">{tag}</span>
                </>
              )}
            </For>
          </span>
        )}
      </Match>
      <Match when={props.display.href}>
        {(href) => (
          <>
            <span class="cl-cell__text">{props.display.text}</span>
            {/* Pointer convenience only: its icon is CSS, so the cell's text and accessible name stay the shown value. */}
            <a
              class="cl-cell__link"
              href={href()}
              aria-hidden="true"
              tabindex="-1"
              title={props.type === 'email' ? props.t('grid.mail', { email: props.display.text }) : props.t('grid.call', { phone: props.display.text })}
              data-link="1"
              data-kind={props.type === 'email' ? 'mail' : 'tel'}
            />
          </>
        )}
      </Match>
      <Match when={props.type === 'checkbox'}>
        <span class="cl-cell__check">{props.display.text}</span>
      </Match>
    </Switch>
  );
}

export type EditorProps = {
  id: string;
  edit: EditState;
  col: Column;
  label: string;
  t: T;
  onDraft(draft: string): void;
  onKind(kind: EditKind): void;
  onKeyDown(e: KeyboardEvent): void;
  onFocusOut(e: FocusEvent): void;
};

const OTHER = '\u0000other';

/** The editor inside the active cell: a text input, a date picker, or a dropdown of the column's options. */
export function CellEditor(props: EditorProps): JSX.Element {
  const focus = (el: HTMLElement) => {
    // The grid focuses the editor synchronously when it can (so a typed key lands in it); this
    // covers editors created inside a batch.
    onMount(() => {
      if (document.activeElement !== el) el.focus({ preventScroll: true });
      if (el instanceof HTMLInputElement && props.edit.mode === 'edit' && el.type === 'text') {
        const n = el.value.length;
        el.setSelectionRange(n, n);
      }
    });
  };
  const inputMode = (): 'decimal' | 'tel' | 'email' | 'text' =>
    props.col.type === 'number' || props.col.type === 'currency' ? 'decimal' : props.col.type === 'phone' ? 'tel' : props.col.type === 'email' ? 'email' : 'text';
  return (
    <div class="cl-editor-wrap" onFocusOut={(e) => props.onFocusOut(e)}>
      <Switch
        fallback={
          <input
            id={props.id}
            ref={focus}
            class="cl-editor"
            type="text"
            inputmode={inputMode()}
            autocomplete="off"
            spellcheck={props.col.type === 'text'}
            aria-label={props.label}
            value={props.edit.draft}
            onInput={(e) => props.onDraft(e.currentTarget.value)}
            onKeyDown={(e) => props.onKeyDown(e)}
          />
        }
      >
        <Match when={props.edit.kind === 'date'}>
          <input
            id={props.id}
            ref={focus}
            class="cl-editor"
            type="date"
            aria-label={props.label}
            value={props.edit.draft}
            onInput={(e) => props.onDraft(e.currentTarget.value)}
            onKeyDown={(e) => props.onKeyDown(e)}
          />
        </Match>
        <Match when={props.edit.kind === 'select'}>
          <select
            id={props.id}
            ref={focus}
            class="cl-editor"
            aria-label={props.label}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v === OTHER) props.onKind('text');
              else props.onDraft(v);
            }}
            onKeyDown={(e) => props.onKeyDown(e)}
          >
            <option value="" selected={props.edit.draft === ''}>
              {props.t('grid.select.none')}
            </option>
            <For each={props.col.options}>{(o) => <option value={o} selected={props.edit.draft === o}>{o}</option>}</For>
            <Show when={props.edit.draft !== '' && !props.col.options.includes(props.edit.draft)}>
              <option value={props.edit.draft} selected>
                {props.edit.draft}
              </option>
            </Show>
            <option value={OTHER}>{props.t('grid.select.other')}</option>
          </select>
        </Match>
      </Switch>
    </div>
  );
}
