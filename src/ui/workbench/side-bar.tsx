// The side bar: the views of the container chosen in the activity bar, each under its heading.
// In the compact (upright tablet) layout it floats over the editor as a drawer.

import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { useServices } from '../services';
import { Icon } from './icons';
import { useWorkbench } from './workbench-context';

export function SideBar(): JSX.Element {
  const wb = useWorkbench();
  const { i18n } = useServices();
  const [version, setVersion] = createSignal(0);
  const sub = wb.views.onDidChange(() => setVersion((v) => v + 1));
  onCleanup(() => sub.dispose());
  const container = () => (version(), wb.views.containers().find((c) => c.id === wb.snapshot().container));
  const views = () => (version(), wb.views.views(wb.snapshot().container));

  return (
    <aside class="wb-sidebar" aria-label={container() ? i18n.t(container()!.title) : undefined} id="wb-sidebar">
      <header class="wb-sidebar-header">
        <h2 class="wb-sidebar-title">{container() ? i18n.t(container()!.title) : ''}</h2>
        <button
          type="button"
          class="wb-icon-button"
          aria-label={i18n.t('workbench.sidebar.hide')}
          title={i18n.t('workbench.sidebar.hide')}
          onClick={() => wb.state.setSidebarVisible(false)}
        >
          <Icon name="close" size={18} />
        </button>
      </header>
      <div class="wb-sidebar-body">
        <For each={views()}>
          {(v) => (
            <section class="wb-view" aria-labelledby={`wb-view-${v.id}`}>
              <Show when={views().length > 1}>
                <h3 class="wb-view-title" id={`wb-view-${v.id}`}>
                  {i18n.t(v.title)}
                </h3>
              </Show>
              <Show when={views().length <= 1}>
                <h3 class="wb-visually-hidden" id={`wb-view-${v.id}`}>
                  {i18n.t(v.title)}
                </h3>
              </Show>
              <div class="wb-view-body">{v.render()}</div>
            </section>
          )}
        </For>
      </div>
    </aside>
  );
}
