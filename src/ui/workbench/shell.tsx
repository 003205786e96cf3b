// The workbench shell, VS Code's layout made for fingers: activity bar, side bar, editor tabs,
// status bar and the quick input. Landscape puts the activity bar on the left; a tablet held
// upright gets it along the bottom and the side bar as a drawer over the editor.

import { createEffect, createMemo, createSignal, on, onCleanup, Show, type JSX } from 'solid-js';
import { editorKey } from '../../platform/views';
import { useServices } from '../services';
import { ActivityBar, type GlobalAction } from './activity-bar';
import { EditorArea } from './editor-tabs';
import { QuickInputHost } from './quick-input';
import { SideBar } from './side-bar';
import { StatusBar } from './status-bar';
import { COMPACT_QUERY, useWorkbench } from './workbench-context';
import './theme.css';

export function Shell(props: { actions: readonly GlobalAction[]; empty?: () => JSX.Element; children?: JSX.Element }): JSX.Element {
  const wb = useWorkbench();
  const { contextKeys, i18n } = useServices();

  const media = typeof matchMedia === 'function' ? matchMedia(COMPACT_QUERY) : undefined;
  const [compact, setCompact] = createSignal(media?.matches ?? false);
  const onMedia = () => setCompact(media?.matches ?? false);
  media?.addEventListener('change', onMedia);
  onCleanup(() => media?.removeEventListener('change', onMedia));

  // Context keys the commands' `when` clauses may test.
  createEffect(() => {
    const snap = wb.snapshot();
    const input = snap.tabs.find((t) => editorKey(t) === snap.active);
    contextKeys.set('sidebarVisible', snap.sidebarVisible);
    contextKeys.set('activeEditor', input?.kind);
    contextKeys.set('activeSheet', input?.kind === 'sheet' ? input.id : undefined);
  });
  createEffect(() => contextKeys.set('compactLayout', compact()));

  // In the drawer layout, opening something from the side bar puts it away.
  const activeKey = createMemo(() => wb.snapshot().active);
  createEffect(
    on(
      activeKey,
      () => {
        if (compact()) wb.state.setSidebarVisible(false);
      },
      { defer: true },
    ),
  );

  return (
    <div
      class="wb"
      classList={{ 'wb--compact': compact(), 'wb--sidebar': wb.snapshot().sidebarVisible }}
      lang={i18n.locale()}
    >
      <ActivityBar actions={props.actions} />
      <Show when={wb.snapshot().sidebarVisible}>
        <Show when={compact()}>
          <div class="wb-drawer-backdrop" aria-hidden="true" onClick={() => wb.state.setSidebarVisible(false)} />
        </Show>
        <SideBar />
      </Show>
      <EditorArea empty={props.empty} />
      <StatusBar />
      <QuickInputHost />
      {props.children}
    </div>
  );
}
