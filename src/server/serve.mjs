#!/usr/bin/env node
// The production server behind `npm start`: serves the built app in dist/ with plain node:http.
// Unknown paths without a file extension fall back to index.html (the app routes itself); the
// service worker and index.html are never cached by the browser so updates are seen at once.
// Tests and the benchmark import `startServer` and may add routes through `handlers`.
// The sync signaling relay (signaling.mjs) shares the port at /signal unless `signaling: false`.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachSignaling, SIGNAL_PATH } from './signaling.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
};

/** Files the browser must revalidate on every load, or an update would never be noticed. */
const NO_CACHE = new Set(['/sw.js', '/index.html', '/manifest.webmanifest', '/registerSW.js']);

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const DEFAULT_ROOT = resolve(HERE, '..', '..', 'dist');

/**
 * Starts the server. `handlers` are tried first, in order; one returns true when it answered.
 * Resolves once listening; `url` has the real port (so port 0 picks a free one), `signalingUrl`
 * the relay's ws:// address (undefined with `signaling: false`; an object sets its limits).
 */
export function startServer({ port = 4173, host = '127.0.0.1', root = DEFAULT_ROOT, handlers = [], signaling = true } = {}) {
  const rootDir = resolve(root);
  const indexFile = join(rootDir, 'index.html');

  async function fileFor(pathname) {
    const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const file = resolve(rootDir, rel);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return undefined; // ../ escapes
    try {
      const s = await stat(file);
      if (s.isFile()) return { file, size: s.size };
      if (s.isDirectory()) {
        const idx = join(file, 'index.html');
        const si = await stat(idx).catch(() => undefined);
        if (si?.isFile()) return { file: idx, size: si.size };
      }
    } catch {
      // not found: fall through
    }
    return undefined;
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      for (const h of handlers) if (await h(req, res, url)) return;
      if (signaling && url.pathname === SIGNAL_PATH) {
        // A plain request for the relay (not a WebSocket upgrade) must not get the app's page.
        res.writeHead(426, { Upgrade: 'websocket', 'Content-Type': 'text/plain; charset=utf-8' }).end('WebSocket only');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let found = await fileFor(url.pathname);
      let pathname = url.pathname;
      if (!found) {
        // SPA fallback only for page-like paths; a missing /assets/x.js must stay a 404.
        if (extname(url.pathname) !== '') {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
          return;
        }
        const s = await stat(indexFile).catch(() => undefined);
        if (!s) {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('dist/index.html missing: run `npm run build`');
          return;
        }
        found = { file: indexFile, size: s.size };
        pathname = '/index.html';
      }
      if (found.file === indexFile) pathname = '/index.html';
      const headers = {
        'Content-Type': MIME[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': found.size,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': NO_CACHE.has(pathname)
          ? 'no-cache'
          : pathname.startsWith('/assets/')
            ? 'public, max-age=31536000, immutable' // content-hashed names
            : 'public, max-age=3600',
      };
      if (pathname === '/sw.js') headers['Service-Worker-Allowed'] = '/';
      res.writeHead(200, headers);
      if (req.method === 'HEAD') res.end();
      else createReadStream(found.file).pipe(res);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(e?.message ?? e));
    }
  });

  const disposeSignaling = signaling ? attachSignaling(server, typeof signaling === 'object' ? signaling : {}) : undefined;

  return new Promise((resolveStart, reject) => {
    const failed = (e) => {
      disposeSignaling?.();
      reject(e);
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      const addr = server.address();
      const shownHost = host.includes(':') ? `[${host}]` : host;
      const url = `http://${shownHost}:${typeof addr === 'object' && addr ? addr.port : port}`;
      resolveStart({
        url,
        signalingUrl: disposeSignaling ? `${url.replace(/^http/, 'ws')}${SIGNAL_PATH}` : undefined,
        server,
        close: () =>
          new Promise((done) => {
            disposeSignaling?.(); // upgraded sockets are no longer the http server's to close
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

const isCli = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isCli) {
  const port = Number(process.env.PORT ?? 4173);
  const host = process.env.HOST ?? '127.0.0.1';
  startServer({ port, host })
    .then(({ url, signalingUrl, close }) => {
      console.log(`Clientela is running at ${url}/ (serving ${DEFAULT_ROOT}; Ctrl+C to stop)`);
      console.log(`Sync signaling relay at ${signalingUrl}`);
      const stop = () => close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((e) => {
      console.error(`serve: could not listen on ${host}:${port}: ${e.message}`);
      process.exit(1);
    });
}
