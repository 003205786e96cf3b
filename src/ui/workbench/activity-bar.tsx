// The activity bar: one icon per side-bar view container, then global actions (the command palette,
// settings) at the end. Left edge in landscape, along the bottom when the tablet stands upright.

import { createSignal, For, onCleanup, type JSX } from 'solid-js';
import { useServices } from '../services';
import { Icon } from './icons';
import { keepFocus } from './focus';
import { useWorkbench } from './workbench-context';

export type GlobalAction = { readonly command: string; readonly icon: string; /** i18n key */ readonly title: string };

export function ActivityBar(props: { actions: readonly GlobalAction[] }): JSX.Element {
  const wb = useWorkbench();
  const { i18n, commands } = useServices();
  const [version, setVersion] = createSignal(0);
  const sub = wb.views.onDidChange(() => setVersion((v) => v + 1));
  onCleanup(() => sub.dispose());
  const containers = () => (version(), wb.views.containers());

  return (
    <nav class="wb-activity" aria-label={i18n.t('workbench.activityBar')}>
      <div class="wb-activity-group">
        <For each={containers()}>
          {(c) => {
            const selected = () => wb.snapshot().sidebarVisible && wb.snapshot().container === c.id;
            return (
              <button
                type="button"
                class="wb-activity-item"
                classList={{ 'is-active': selected() }}
                aria-pressed={selected()}
                aria-label={i18n.t(c.title)}
                title={i18n.t(c.title)}
                data-container={c.id}
                onClick={() => wb.state.showContainer(c.id, true)}
              >
                <Icon name={c.icon} size={24} />
              </button>
            );
          }}
        </For>
      </div>
      <div class="wb-activity-group wb-activity-end">
        <For each={props.actions}>
          {(a) => (
            <button
              type="button"
              class="wb-activity-item"
              aria-label={i18n.t(a.title)}
              title={i18n.t(a.title)}
              data-command={a.command}
              onMouseDown={keepFocus}
                  onClick={() => commands.execute(a.command)}
            >
              <Icon name={a.icon} size={24} />
            </button>
          )}
        </For>
      </div>
    </nav>
  );
}
