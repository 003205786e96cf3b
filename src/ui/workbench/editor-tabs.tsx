// The editor area: a row of tabs (sheets, the Trash, customer cards, Settings) and the active tab's
// editor below. Only the active editor is mounted; what must survive a tab switch (sort, filter,
// column widths) is the editor's own device-local state.

import { createMemo, For, Show, type JSX } from 'solid-js';
import { editorKey, type EditorInput, type EditorTitle } from '../../platform/views';
import type { ReactiveI18n } from '../bindings/i18n';
import { useServices } from '../services';
import { Icon } from './icons';
import { keepFocus } from './focus';
import { useWorkbench } from './workbench-context';

export const resolveTitle = (title: EditorTitle, i18n: ReactiveI18n): string =>
  'text' in title ? title.text : i18n.t(title.key, title.params);

const tabId = (key: string) => `wb-tab-${key.replace(/[^\w-]/g, '_')}`;

export function EditorArea(props: { empty?: () => JSX.Element }): JSX.Element {
  const wb = useWorkbench();
  const { i18n, commands } = useServices();
  const tabs = () => wb.snapshot().tabs;
  const activeKey = () => wb.snapshot().active;
  const activeInput = createMemo(() => {
    const key = activeKey();
    return tabs().find((t) => editorKey(t) === key);
  });
  const titleOf = (input: EditorInput) => {
    const kind = wb.views.editor(input.kind);
    return kind ? resolveTitle(kind.title(input), i18n) : input.kind;
  };

  const iconOf = (input: EditorInput) => {
    const icon = wb.views.editor(input.kind)?.icon;
    return (typeof icon === 'function' ? icon(input) : icon) ?? 'file';
  };
  const actions = () => {
    const input = activeInput();
    return (input && wb.views.editor(input.kind)?.actions?.(input)) ?? [];
  };

  const onTabKeyDown = (e: KeyboardEvent, input: EditorInput) => {
    const key = editorKey(input);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const list = tabs();
      const i = list.findIndex((t) => editorKey(t) === key);
      const next = list[(i + (e.key === 'ArrowRight' ? 1 : -1) + list.length) % list.length];
      if (next) {
        wb.state.activate(editorKey(next));
        document.getElementById(tabId(editorKey(next)))?.focus();
      }
      e.preventDefault();
    } else if (e.key === 'Delete') {
      wb.state.close(key);
      e.preventDefault();
    }
  };

  return (
    <main class="wb-editor">
      <div class="wb-tabbar">
      <div class="wb-tabs" role="tablist" aria-label={i18n.t('workbench.tabs.label')}>
        <For each={tabs()}>
          {(input) => {
            const key = editorKey(input);
            const selected = () => activeKey() === key;
            return (
              <div class="wb-tab" classList={{ 'is-active': selected() }} data-editor={key}>
                <button
                  type="button"
                  role="tab"
                  id={tabId(key)}
                  class="wb-tab-button"
                  aria-selected={selected()}
                  aria-controls="wb-editor-panel"
                  tabIndex={selected() ? 0 : -1}
                  onClick={() => wb.state.activate(key)}
                  onAuxClick={(e) => {
                    if (e.button === 1) wb.state.close(key);
                  }}
                  onKeyDown={(e) => onTabKeyDown(e, input)}
                >
                  <Icon name={iconOf(input)} size={16} />
                  <span class="wb-tab-title">{titleOf(input)}</span>
                </button>
                <button
                  type="button"
                  class="wb-tab-close"
                  tabIndex={-1}
                  aria-label={i18n.t('workbench.tab.close', { title: titleOf(input) })}
                  title={i18n.t('workbench.tab.close', { title: titleOf(input) })}
                  onClick={() => wb.state.close(key)}
                >
                  <Icon name="close" size={14} />
                </button>
              </div>
            );
          }}
        </For>
      </div>
        <Show when={actions().length > 0}>
          <div class="wb-editor-actions" role="toolbar" aria-label={i18n.t('workbench.editorActions')}>
            <For each={actions()}>
              {(a) => (
                <button
                  type="button"
                  class="wb-icon-button"
                  aria-label={i18n.t(a.title)}
                  title={i18n.t(a.title)}
                  data-command={a.command}
                  onMouseDown={keepFocus}
                  onClick={() => commands.execute(a.command)}
                >
                  <Icon name={a.icon} size={20} />
                </button>
              )}
            </For>
          </div>
        </Show>
      </div>
      <div
        class="wb-editor-panel"
        id="wb-editor-panel"
        role="tabpanel"
        aria-labelledby={activeKey() ? tabId(activeKey()!) : undefined}
      >
        <Show when={activeKey()} keyed fallback={props.empty?.()}>
          {(key) => {
            const input = activeInput();
            const kind = input && wb.views.editor(input.kind);
            return (
              <Show when={kind && input} fallback={<p class="wb-empty">{i18n.t('workbench.editor.unknown', { key })}</p>}>
                {kind!.render(input!)}
              </Show>
            );
          }}
        </Show>
      </div>
    </main>
  );
}
