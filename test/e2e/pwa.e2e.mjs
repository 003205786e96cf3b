// The PWA: installable (Chromium's own check), works offline after the first visit, and offers to
// reload when a new version is ready.

import { assert, waitFor } from './lib.mjs';

/** Waits until a service worker is active and controls the page. */
async function waitForServiceWorker(t) {
  await t.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await waitFor(() => t.page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker to control the page', 15_000);
}

export const tests = [
  {
    name: 'installable: no installability errors, manifest with icons',
    async run(t) {
      await t.open('/');
      await waitForServiceWorker(t);
      // The first install tells the owner the app now works offline.
      await t.page.getByRole('status').filter({ hasText: 'Ready to work offline.' }).waitFor({ timeout: 5000 });
      const cdp = await t.cdp();
      // Chromium may need a moment after the worker starts to see a fetch handler.
      const errors = await waitFor(
        async () => {
          const r = await cdp.send('Page.getInstallabilityErrors');
          return r.installabilityErrors.length === 0 ? [] : null;
        },
        'no installability errors',
        10_000,
      ).catch(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors);
      assert.deepEqual(errors, [], `installability errors: ${JSON.stringify(errors)}`);

      const { url, errors: manifestErrors, parsed } = await (async () => {
        const m = await cdp.send('Page.getAppManifest');
        return { url: m.url, errors: m.errors, parsed: m.data ? JSON.parse(m.data) : undefined };
      })();
      assert.ok(url.endsWith('/manifest.webmanifest'), `manifest url ${url}`);
      assert.deepEqual(manifestErrors, [], 'manifest parse errors');
      assert.equal(parsed.name, 'Clientela');
      assert.equal(parsed.display, 'standalone');
      const sizes = parsed.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`);
      for (const want of ['192x192 any', '512x512 any', '512x512 maskable'])
        assert.ok(sizes.includes(want), `manifest icon ${want} (have ${sizes.join(', ')})`);
      // Every icon is served as a real PNG of its declared size.
      for (const icon of parsed.icons) {
        const info = await t.page.evaluate(async (src) => {
          const res = await fetch(src);
          const bmp = await createImageBitmap(await res.blob());
          return { status: res.status, type: res.headers.get('content-type'), w: bmp.width, h: bmp.height };
        }, icon.src);
        assert.equal(info.status, 200, `${icon.src} status`);
        assert.equal(info.type, 'image/png', `${icon.src} type`);
        assert.equal(`${info.w}x${info.h}`, icon.sizes, `${icon.src} size`);
      }
    },
  },
  {
    name: 'offline: a customer added online is there after an offline reload',
    async run(t) {
      await t.open('/');
      await waitForServiceWorker(t);
      await t.runCommand('Customers: New Customer');
      const nameCol = await t.columnIndex('Name');
      const selected = t.grid().locator(`[role="gridcell"][aria-colindex="${nameCol}"][aria-selected="true"]`);
      await selected.waitFor();
      await t.page.keyboard.type('Offline Olga');
      await t.page.keyboard.press('Enter');
      await t.grid().getByRole('gridcell', { name: 'Offline Olga', exact: true }).waitFor();
      await t.waitPersisted('Offline Olga');

      await t.context.setOffline(true);
      await t.reload();
      assert.equal(await t.page.evaluate(() => navigator.onLine), false, 'the browser is offline');
      await t.grid().getByRole('gridcell', { name: 'Offline Olga', exact: true }).waitFor();
      await t.context.setOffline(false);
    },
  },
  {
    name: 'update: a new version shows "Reload" and reloads into it',
    sizes: ['desktop'],
    async run(t) {
      await t.open('/');
      await waitForServiceWorker(t);
      const firstWorker = await t.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
      assert.ok(firstWorker);

      // The server now serves a different sw.js: the next load finds a new version waiting.
      t.server.swSuffix = `new version ${Date.now()}`;
      await t.reload();
      const toast = t.page.getByRole('status').filter({ hasText: 'A new version is ready.' });
      await toast.waitFor({ timeout: 20_000 });
      await t.screenshot('update-toast');
      await t.page.evaluate(() => {
        window.__beforeUpdate = true;
      });
      const navigated = t.page.waitForEvent('framenavigated', { timeout: 15_000 });
      await t.tap(toast.getByRole('button', { name: 'Reload' }));
      await navigated;
      await t.waitReady();
      assert.equal(await t.page.evaluate(() => window.__beforeUpdate), undefined, 'the page reloaded');
      await waitFor(
        () => t.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting == null),
        'no worker left waiting',
      );
      assert.equal(await toast.count(), 0, 'no update toast after the update');
    },
  },
];
