/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

const THEME = '#1f6feb';
const BACKGROUND = '#ffffff';

/** Icon links the manifest cannot express (favicon, iOS home screen), added to the built page. */
function iconLinks(): Plugin {
  return {
    name: 'clientela:icon-links',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/apple-touch-icon.png' }, injectTo: 'head' },
    ],
  };
}

export default defineConfig({
  plugins: [
    solid(),
    iconLinks(),
    VitePWA({
      // src/pwa registers the worker itself (workbox-window) so the app decides when to reload.
      injectRegister: false,
      registerType: 'prompt',
      strategies: 'generateSW',
      manifest: {
        id: '/',
        name: 'Clientela',
        short_name: 'Clientela',
        description: 'A local-first customer book for small shops: works offline, syncs between your own devices.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME,
        background_color: BACKGROUND,
        categories: ['business', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Shown in the richer install dialog; the same pictures illustrate the README.
        screenshots: [
          { src: '/screenshots/wide.png', sizes: '1024x768', type: 'image/png', form_factor: 'wide', label: 'Customer book' },
          { src: '/screenshots/narrow.png', sizes: '820x1180', type: 'image/png', form_factor: 'narrow', label: 'Customer book' },
        ],
      },
      workbox: {
        // Everything the app needs to start offline; lazily loaded chunks (parsers) included.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2}'],
        globIgnores: ['screenshots/**'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: '/index.html',
        // Take control of the first visit so it works offline without a second load; updates still
        // wait for the user's "Reload" (skipWaiting only on request).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // vite-plugin-solid resolves with the 'browser' condition, under which `ws` is a stub that
    // throws; the server tests need the real Node build.
    alias: { ws: fileURLToPath(new URL('./node_modules/ws/wrapper.mjs', import.meta.url)) },
  },
});
