// Service worker registration and updates (floor 2). The worker itself is generated at build time
// (vite-plugin-pwa, generateSW) and precaches the app, so it starts offline after the first visit.
// A new version waits until the user chooses to reload: we never swap code under unsaved edits.

export type PwaCallbacks = {
  /** A new version is installed and waiting; `update()` activates it and reloads the page. */
  onNeedRefresh(update: () => Promise<void>): void;
  /** The app is cached and will open offline from now on. */
  onOfflineReady(): void;
};

export type RegisterPwa = (opts: PwaCallbacks) => void;

const SW_URL = `${import.meta.env.BASE_URL}sw.js`;

/** Registers the service worker in production builds; does nothing in dev or without support. */
export function registerPwa(opts: PwaCallbacks): void {
  if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // workbox-window is loaded after the app started so it costs nothing on the first paint.
  void import('workbox-window')
    .then(({ Workbox }) => {
      const wb = new Workbox(SW_URL, { scope: import.meta.env.BASE_URL });
      let reloading = false;
      const update = async () => {
        // Reload once the waiting worker has taken over, so the page runs the new code.
        wb.addEventListener('controlling', () => {
          if (reloading) return;
          reloading = true;
          window.location.reload();
        });
        wb.messageSkipWaiting();
      };
      wb.addEventListener('waiting', () => opts.onNeedRefresh(update));
      wb.addEventListener('activated', (e) => {
        // First install only: an update's activation comes from the user's own reload.
        if (!e.isUpdate && !e.isExternal) opts.onOfflineReady();
      });
      return wb.register().then((reg) => {
        // Look for a new version when the app comes back to the foreground (tablets stay open for days).
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') void reg?.update().catch(() => undefined);
        });
      });
    })
    .catch((e: unknown) => {
      console.warn('clientela: service worker registration failed', e);
    });
}
