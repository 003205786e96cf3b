// The signaling relay of `npm start`: y-webrtc's protocol on the app's port at /signal, routing
// between real `ws` clients, and its limits — a bad or oversized message costs only its sender.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, type ClientOptions } from 'ws';
import { startServer, type RunningServer } from '../../src/server/serve.mjs';
import { attachSignaling, SIGNAL_PATH, type SignalingOptions } from '../../src/server/signaling.mjs';
import { createSignalingClient, type SignalingOptions as ClientImpl } from '../../src/sync/signaling-client';

type Msg = { type?: string; topic?: string; data?: unknown; clients?: number };

/** A client that keeps every message it gets, so a test can wait for one or check there was none. */
type Peer = {
  ws: WebSocket;
  got: Msg[];
  send(msg: unknown): void;
  next(pred?: (m: Msg) => boolean, ms?: number): Promise<Msg>;
  /** Round trip through the relay: everything sent before it has been handled. */
  sync(): Promise<void>;
  closed: Promise<number>;
};

const opened: WebSocket[] = [];

function connect(url: string, options?: ClientOptions): Promise<Peer> {
  const ws = new WebSocket(url, options);
  opened.push(ws);
  const got: Msg[] = [];
  let waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    got.push(JSON.parse(String(data)) as Msg);
    const w = waiters;
    waiters = [];
    for (const fn of w) fn();
  });
  const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
  const peer: Peer = {
    ws,
    got,
    closed,
    send: (msg) => ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg)),
    next(pred = () => true, ms = 2000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching message in ${ms} ms; got ${JSON.stringify(got)}`)), ms);
        const check = () => {
          const i = got.findIndex(pred);
          if (i >= 0) {
            clearTimeout(timer);
            resolve(got.splice(i, 1)[0]!);
          } else waiters.push(check);
        };
        check();
      });
    },
    async sync() {
      peer.send({ type: 'ping' });
      await peer.next((m) => m.type === 'pong');
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(peer));
    ws.once('error', reject);
  });
}

/** The HTTP status a refused upgrade answered with. */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => reject(new Error('upgrade was accepted')));
    ws.on('error', () => undefined);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  for (const ws of opened.splice(0)) ws.terminate();
});

describe('signaling on the app server', () => {
  let root: string;
  let app: RunningServer;
  let signal: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sigqr-serve-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>clientela-test-page</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    app = await startServer({ port: 0, host: '127.0.0.1', root });
    signal = app.signalingUrl!;
  });

  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('listens on the same port as the app, at /signal', () => {
    expect(signal).toBe(`${app.url.replace('http://', 'ws://')}${SIGNAL_PATH}`);
  });

  it('routes publish to every subscriber of the topic, the sender included, with the count', async () => {
    const [a, b, c] = await Promise.all([connect(signal), connect(signal), connect(signal)]);
    a.send({ type: 'subscribe', topics: ['room-1'] });
    b.send({ type: 'subscribe', topics: ['room-1'] });
    c.send({ type: 'subscribe', topics: ['room-2'] });
    await Promise.all([a.sync(), b.sync(), c.sync()]);

    a.send({ type: 'publish', topic: 'room-1', data: 'ciphertext-1', extra: 'not relayed' });
    const expected = { type: 'publish', topic: 'room-1', data: 'ciphertext-1', clients: 2 };
    expect(await a.next()).toEqual(expected);
    expect(await b.next()).toEqual(expected);

    c.send({ type: 'publish', topic: 'room-2', data: { sdp: 'x' } });
    expect(await c.next()).toEqual({ type: 'publish', topic: 'room-2', data: { sdp: 'x' }, clients: 1 });
    await Promise.all([a.sync(), b.sync()]);
    expect(a.got).toEqual([]); // room-1 subscribers did not hear room-2
    expect(b.got).toEqual([]);

    // A publisher need not be subscribed (y-webrtc's server allows it); it just gets no echo.
    c.send({ type: 'publish', topic: 'room-1', data: 'from-c' });
    expect((await b.next()).data).toBe('from-c');
    expect((await a.next()).data).toBe('from-c');
    await c.sync();
    expect(c.got).toEqual([]);
  });

  it('unsubscribe and closing a socket stop delivery', async () => {
    const [a, b, c] = await Promise.all([connect(signal), connect(signal), connect(signal)]);
    for (const p of [a, b, c]) p.send({ type: 'subscribe', topics: ['room-u', 'room-v'] });
    await Promise.all([a.sync(), b.sync(), c.sync()]);

    b.send({ type: 'unsubscribe', topics: ['room-u'] });
    await b.sync();
    c.ws.close();
    await c.closed;
    await sleep(20); // the server sees the close a moment after the client does

    a.send({ type: 'publish', topic: 'room-u', data: 1 });
    expect(await a.next()).toMatchObject({ data: 1, clients: 1 });
    b.send({ type: 'publish', topic: 'room-v', data: 2 });
    expect(await b.next()).toMatchObject({ data: 2, clients: 2 }); // b still on room-v
    expect(await a.next()).toMatchObject({ data: 2, clients: 2 });
    await b.sync();
    expect(b.got).toEqual([]); // nothing from room-u reached b
  });

  it('answers ping with pong', async () => {
    const a = await connect(signal);
    a.send({ type: 'ping' });
    expect(await a.next()).toEqual({ type: 'pong' });
  });

  it('drops malformed and wrong-shaped messages, keeps the socket and the server', async () => {
    const [a, b] = await Promise.all([connect(signal), connect(signal)]);
    b.send({ type: 'subscribe', topics: ['room-m'] });
    await b.sync();
    const bad: unknown[] = [
      'not json',
      '{"type":"publish"',
      'null',
      '42',
      '[]',
      '[{"type":"ping"}]',
      { type: 'nope' },
      { type: 'publish' },
      { type: 'publish', topic: 'room-m' }, // no data
      { type: 'publish', topic: 7, data: 'x' },
      { type: 'publish', topic: 'r'.repeat(257), data: 'x' },
      { type: 'subscribe', topics: 'room-m' },
      { type: 'subscribe', topics: [1, null, {}, ''] },
      { type: 'unsubscribe', topics: { 0: 'room-m' } },
      { type: 'unsubscribe' },
      { __proto__: { type: 'ping' } },
    ];
    for (const m of bad) a.send(m);
    a.ws.send(Buffer.from(JSON.stringify({ type: 'ping' })), { binary: true }); // binary frames are not the protocol
    await a.sync();
    expect(a.got).toEqual([]); // exactly one pong (taken by sync), nothing for the junk
    await b.sync();
    expect(b.got).toEqual([]);
    // b's subscription survived the junk unsubscribes
    a.send({ type: 'publish', topic: 'room-m', data: 'still-here' });
    expect(await b.next()).toMatchObject({ data: 'still-here', clients: 1 });
  });

  it('closes a socket that sends more than 64 KiB, and only that socket', async () => {
    const [a, b] = await Promise.all([connect(signal), connect(signal)]);
    b.send({ type: 'subscribe', topics: ['room-big'] });
    await b.sync();
    a.send({ type: 'publish', topic: 'room-big', data: 'x'.repeat(70 * 1024) });
    expect(await a.closed).toBe(1009); // "message too big"
    await b.sync();
    expect(b.got).toEqual([]);
    // just under the cap still goes through
    const c = await connect(signal);
    c.send({ type: 'publish', topic: 'room-big', data: 'y'.repeat(60 * 1024) });
    expect(((await b.next()).data as string).length).toBe(60 * 1024);
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
  });

  it('refuses upgrades on other paths', async () => {
    expect(await upgradeStatus(`${app.url.replace('http', 'ws')}/`)).toBe(404);
    expect(await upgradeStatus(`${app.url.replace('http', 'ws')}/signal/x`)).toBe(404);
    expect(await upgradeStatus(`${app.url.replace('http', 'ws')}/assets/app.js`)).toBe(404);
    // with a query string the path is still /signal
    const q = await connect(`${signal}?room=1`);
    q.send({ type: 'ping' });
    expect(await q.next()).toEqual({ type: 'pong' });
  });

  it('still serves the app on the same port; a plain GET of /signal is not the page', async () => {
    const page = await fetch(`${app.url}/some/route`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('clientela-test-page');
    const asset = await fetch(`${app.url}/assets/app.js`);
    expect(await asset.text()).toBe('console.log(1)');
    const plain = await fetch(`${app.url}${SIGNAL_PATH}`);
    expect(plain.status).toBe(426);
    expect(await plain.text()).not.toContain('clientela-test-page');
  });

  it("speaks the protocol of the app's own signaling client", async () => {
    const Impl = WebSocket as unknown as NonNullable<ClientImpl['WebSocketImpl']>;
    const one = createSignalingClient(signal, { WebSocketImpl: Impl });
    const two = createSignalingClient(signal, { WebSocketImpl: Impl });
    try {
      const heard: unknown[] = [];
      const arrived = new Promise<void>((done) =>
        one.subscribe('book-topic', (data) => {
          heard.push(data);
          if (heard.length === 1) done();
        }),
      );
      const sub2 = two.subscribe('book-topic', () => undefined);
      await new Promise<void>((done) => (two.state === 'open' ? done() : two.onDidChangeState((s) => s === 'open' && done())));
      await sleep(50); // both subscribes reach the relay before the publish
      two.publish('book-topic', 'encrypted-offer');
      await arrived;
      expect(heard).toEqual(['encrypted-offer']);
      sub2.dispose();
    } finally {
      one.dispose();
      two.dispose();
    }
  });

  it('can be turned off', async () => {
    const off = await startServer({ port: 0, host: '127.0.0.1', root, signaling: false });
    try {
      expect(off.signalingUrl).toBeUndefined();
      const res = await fetch(`${off.url}${SIGNAL_PATH}`);
      expect(await res.text()).toContain('clientela-test-page'); // just an app route now
      await expect(connect(`${off.url.replace('http', 'ws')}${SIGNAL_PATH}`)).rejects.toThrow();
    } finally {
      await off.close();
    }
  });

  it('close() ends open signaling sockets too', async () => {
    const other = await startServer({ port: 0, host: '127.0.0.1', root });
    const a = await connect(other.signalingUrl!);
    await other.close(); // would hang if upgraded sockets kept the server open
    expect(await a.closed).toBeGreaterThan(0);
  });
});

describe('signaling limits', () => {
  let server: Server;
  let url: string;
  let dispose: () => void;

  async function relay(options: Partial<SignalingOptions>) {
    server = createServer((_req, res) => res.writeHead(200).end('ok'));
    dispose = attachSignaling(server, options);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}${SIGNAL_PATH}`;
  }

  afterEach(async () => {
    dispose();
    await new Promise((r) => server.close(r));
  });

  it('caps topics per socket and sockets per topic', async () => {
    await relay({ maxTopicsPerSocket: 2, maxSocketsPerTopic: 2 });
    const [a, b, c] = await Promise.all([connect(url), connect(url), connect(url)]);
    a.send({ type: 'subscribe', topics: ['t1', 't2', 't3'] });
    await a.sync();
    a.send({ type: 'publish', topic: 't3', data: 3 }); // not subscribed: no echo
    a.send({ type: 'publish', topic: 't2', data: 2 });
    expect(await a.next()).toMatchObject({ topic: 't2', data: 2 });
    await a.sync();
    expect(a.got).toEqual([]);

    b.send({ type: 'subscribe', topics: ['t1'] });
    await b.sync();
    c.send({ type: 'subscribe', topics: ['t1'] }); // third socket on t1: refused
    await c.sync();
    a.send({ type: 'publish', topic: 't1', data: 'hi' });
    expect(await b.next()).toMatchObject({ data: 'hi', clients: 2 });
    await c.sync();
    expect(c.got).toEqual([]);
  });

  it('caps sockets and rate-limits messages per socket', async () => {
    await relay({ maxSockets: 2, burstMessages: 5, messagesPerSecond: 0.001 });
    const a = await connect(url);
    await connect(url);
    expect(await upgradeStatus(url)).toBe(503);
    for (let i = 0; i < 10; i++) a.send({ type: 'ping' });
    await sleep(150);
    expect(a.got.filter((m) => m.type === 'pong')).toHaveLength(5);
  });

  it('closes sockets that stop answering protocol pings, keeps live ones', async () => {
    await relay({ pingIntervalMs: 40 });
    const live = await connect(url);
    const dead = await connect(url, { autoPong: false });
    const code = await dead.closed; // terminated after two silent intervals
    expect(code).toBe(1006);
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
    await live.sync();
  });

  it('dispose closes its sockets and stops accepting upgrades', async () => {
    await relay({});
    const a = await connect(url);
    dispose();
    expect(await a.closed).toBe(1006);
    await expect(connect(url)).rejects.toThrow();
  });
});
