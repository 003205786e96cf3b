// The status bar: entries from the status-bar registry, left and right. An entry with a command is
// a button; its text may read reactive state and updates by itself.

import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { resolveText, type StatusBarEntry } from '../../platform/status-bar';
import { useServices } from '../services';
import { Icon } from './icons';
import { keepFocus } from './focus';
import { useWorkbench } from './workbench-context';

export function StatusBar(): JSX.Element {
  const wb = useWorkbench();
  const { i18n } = useServices();
  const [version, setVersion] = createSignal(0);
  const sub = wb.statusBar.onDidChange(() => setVersion((v) => v + 1));
  onCleanup(() => sub.dispose());
  const entries = (side: 'left' | 'right') => (version(), wb.statusBar.entries(side));
  return (
    <footer class="wb-statusbar" aria-label={i18n.t('workbench.statusBar')}>
      <div class="wb-status-side">
        <For each={entries('left')}>{(e) => <StatusItem entry={e} />}</For>
      </div>
      <div class="wb-status-side wb-status-right">
        <For each={entries('right')}>{(e) => <StatusItem entry={e} />}</For>
      </div>
    </footer>
  );
}

function StatusItem(props: { entry: StatusBarEntry }): JSX.Element {
  const { commands } = useServices();
  const text = () => resolveText(props.entry.text);
  const tooltip = () => resolveText(props.entry.tooltip) || undefined;
  const content = () => (
    <>
      <Show when={props.entry.icon}>
        <Icon name={props.entry.icon!} size={14} />
      </Show>
      <span class="wb-status-text">{text()}</span>
    </>
  );
  return (
    <Show when={text()}>
      <Show
        when={props.entry.command}
        fallback={
          <span class="wb-status-item" data-status={props.entry.id} title={tooltip()}>
            {content()}
          </span>
        }
      >
        <button
          type="button"
          class="wb-status-item wb-status-button"
          data-status={props.entry.id}
          title={tooltip()}
          onMouseDown={keepFocus}
                  onClick={() => commands.execute(props.entry.command!)}
        >
          {content()}
        </button>
      </Show>
    </Show>
  );
}
