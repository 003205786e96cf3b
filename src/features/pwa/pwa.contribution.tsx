// The PWA feature: the "new version / ready offline" toasts and the `app.reload` command.
// app/ calls `registerPwaFeature({ commands, registerPwa })` once and mounts `<PwaToasts />`
// anywhere inside the ServicesContext (it positions itself above the status bar).

import { createSignal, onCleanup, Show } from 'solid-js';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import type { CommandRegistry } from '../../platform/commands';
import type { RegisterPwa } from '../../pwa/index';
import { useServices } from '../../ui/services';
import './pwa.css';

const OFFLINE_TOAST_MS = 6000;

// One app, one service worker: the state is module-wide so the toasts can be mounted anywhere.
const [pendingUpdate, setPendingUpdate] = createSignal<(() => Promise<void>) | undefined>();
const [offlineReady, setOfflineReady] = createSignal(false);
const [updateDismissed, setUpdateDismissed] = createSignal(false);

/** Applies a waiting update (reloads into it), or simply reloads when there is none. */
export async function reloadApp(): Promise<void> {
  const update = pendingUpdate();
  if (update) await update();
  else window.location.reload();
}

export function registerPwaFeature(deps: { commands: CommandRegistry; registerPwa: RegisterPwa }): Disposable {
  const store = new DisposableStore();
  store.add(
    deps.commands.register({
      id: 'app.reload',
      title: 'pwa.command.reload',
      category: 'pwa.category',
      run: () => reloadApp(),
    }),
  );
  let live = true;
  store.add(toDisposable(() => (live = false)));
  deps.registerPwa({
    onNeedRefresh(update) {
      if (!live) return;
      setUpdateDismissed(false);
      setPendingUpdate(() => update);
    },
    onOfflineReady() {
      if (live) setOfflineReady(true);
    },
  });
  return store;
}

/** Toasts for "a new version is ready — Reload" and "ready to work offline". */
export function PwaToasts() {
  const { i18n } = useServices();
  const t = (key: string) => i18n.t(key);
  const [busy, setBusy] = createSignal(false);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const showOffline = () => {
    const on = offlineReady();
    clearTimeout(timer);
    if (on) timer = setTimeout(() => setOfflineReady(false), OFFLINE_TOAST_MS);
    return on;
  };
  onCleanup(() => clearTimeout(timer));

  const reload = () => {
    setBusy(true);
    void reloadApp().catch(() => setBusy(false));
  };

  return (
    <div class="pwa-toasts" role="region" aria-label={t('pwa.toasts')}>
      <Show when={pendingUpdate() && !updateDismissed()}>
        <div class="pwa-toast" role="status" aria-live="polite" data-testid="pwa-update">
          <span class="pwa-toast__text">{t('pwa.needRefresh')}</span>
          <button type="button" class="pwa-toast__action" disabled={busy()} onClick={reload}>
            {t('pwa.reload')}
          </button>
          <button type="button" class="pwa-toast__close" aria-label={t('pwa.dismiss')} title={t('pwa.dismiss')} onClick={() => setUpdateDismissed(true)}>
            ×
          </button>
        </div>
      </Show>
      <Show when={showOffline()}>
        <div class="pwa-toast" role="status" aria-live="polite" data-testid="pwa-offline">
          <span class="pwa-toast__text">{t('pwa.offlineReady')}</span>
          <button type="button" class="pwa-toast__close" aria-label={t('pwa.dismiss')} title={t('pwa.dismiss')} onClick={() => setOfflineReady(false)}>
            ×
          </button>
        </div>
      </Show>
    </div>
  );
}
