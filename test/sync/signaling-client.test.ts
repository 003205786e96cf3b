// The browser-side signaling client against our real relay (src/server/signaling.mjs) in Node.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { attachSignaling } from '../../src/server/signaling.mjs';
import { createSignalingClient, type SignalingClient } from '../../src/sync/signaling-client';
import { joinPairingByCode, offerPairingByCode } from '../../src/sync/code-rendezvous';
import { joinRoom } from '../../src/sync/room-connector';
import { newPairing, newShortCode, parseShortCode } from '../../src/sync/pairing';
import { fakeDialNetwork } from './fake-relay';

const until = async (cond: () => boolean, ms = 5000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

let cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function relayServer(port = 0): Promise<{ url: string; server: Server; port: number; stop(): Promise<void> }> {
  const server = createServer((_, res) => res.end('ok'));
  const detach = attachSignaling(server);
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const p = (server.address() as AddressInfo).port;
  const stop = async () => {
    detach();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  cleanups.push(() => (server.listening ? stop() : undefined));
  return { url: `ws://127.0.0.1:${p}/signal`, server, port: p, stop };
}

function client(url: string): SignalingClient {
  const c = createSignalingClient(url, { WebSocketImpl: WebSocket as never, pingMs: 200, maxBackoffMs: 200 });
  cleanups.push(() => c.dispose());
  return c;
}

describe('signaling client', () => {
  it('relays a publish to every subscriber of the topic, and reconnects and resubscribes after the relay restarts', async () => {
    const relay = await relayServer();
    const a = client(relay.url);
    const b = client(relay.url);
    const got: unknown[] = [];
    b.subscribe('room-1', (d) => got.push(d));
    a.subscribe('room-1', () => undefined);
    await until(() => a.state === 'open' && b.state === 'open');
    await new Promise((r) => setTimeout(r, 50));
    a.publish('room-1', 'hello');
    a.publish('room-2', 'not for b');
    await until(() => got.length === 1);
    expect(got).toEqual(['hello']);

    const port = relay.port;
    await relay.stop();
    await until(() => b.state !== 'open');
    await relayServer(port);
    await until(() => a.state === 'open' && b.state === 'open', 5000);
    await new Promise((r) => setTimeout(r, 100));
    a.publish('room-1', 'again');
    await until(() => got.length === 2);
    expect(got[1]).toBe('again');
  });

  it('pairs by short code and then joins the room through the real relay', async () => {
    const relay = await relayServer();
    const pairing = newPairing();
    const code = parseShortCode(newShortCode());
    if (!code.ok) throw new Error('code');
    const ra = client(relay.url);
    const rb = client(relay.url);
    await until(() => ra.state === 'open' && rb.state === 'open');
    const door = await offerPairingByCode({ relays: [ra], code: code.code, pairing, local: { id: 'a', name: 'A' }, onPaired: () => undefined });
    cleanups.push(() => door.dispose());
    const joined = await joinPairingByCode({ relays: [rb], code: code.code, local: { id: 'b', name: 'B' }, retryMs: 100, timeoutMs: 5000 });
    expect(joined.pairing).toEqual(pairing);

    const net = fakeDialNetwork();
    const links: string[] = [];
    const roomA = joinRoom({ pairing, local: { id: 'a', name: 'A' }, relays: [ra], dial: net.dialer(), onLink: (_, d) => links.push(`a<-${d.id}`) });
    const roomB = joinRoom({ pairing: joined.pairing, local: { id: 'b', name: 'B' }, relays: [rb], dial: net.dialer(), onLink: (_, d) => links.push(`b<-${d.id}`) });
    cleanups.push(() => roomA.dispose(), () => roomB.dispose());
    await until(() => links.length === 2);
    expect(links.sort()).toEqual(['a<-b', 'b<-a']);
  });
});
