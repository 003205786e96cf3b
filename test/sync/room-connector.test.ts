import { describe, expect, it } from 'vitest';
import { joinRoom } from '../../src/sync/room-connector';
import { joinPairingByCode, offerPairingByCode } from '../../src/sync/code-rendezvous';
import { newPairing, newShortCode, parseShortCode, type DeviceInfo } from '../../src/sync/pairing';
import type { PeerLink } from '../../src/sync/link';
import { FakeRelay, fakeDialNetwork } from './fake-relay';

const until = async (cond: () => boolean, ms = 3000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const dev = (id: string): DeviceInfo => ({ id, name: `Device ${id}` });

describe('joining a room through a relay', () => {
  it('connects every pair of devices exactly once, whoever arrives first', async () => {
    const relay = new FakeRelay();
    const net = fakeDialNetwork();
    const pairing = newPairing();
    const links: Record<string, { link: PeerLink; remote: DeviceInfo }[]> = { a: [], b: [], c: [] };
    const rooms = ['a', 'b', 'c'].map((id) =>
      joinRoom({ pairing, local: dev(id), relays: [relay.client()], dial: net.dialer(), onLink: (link, remote) => links[id]!.push({ link, remote }) }),
    );
    await until(() => links.a!.length === 2 && links.b!.length === 2 && links.c!.length === 2);
    expect(links.a!.map((l) => l.remote.id).sort()).toEqual(['b', 'c']);
    expect(links.c!.map((l) => l.remote.id).sort()).toEqual(['a', 'b']);
    expect(net.dials).toBe(3);
    // Nothing readable reaches the relay: no device names, no SDP.
    const wire = JSON.stringify(relay.published);
    expect(wire).not.toContain('Device');
    expect(wire).not.toContain('fake-offer');
    rooms.forEach((r) => r.dispose());
  });

  it('reconnects when the link drops and both are still there', async () => {
    const relay = new FakeRelay();
    const net = fakeDialNetwork();
    const pairing = newPairing();
    const got: Record<string, PeerLink[]> = { a: [], b: [] };
    const rooms = ['a', 'b'].map((id) => joinRoom({ pairing, local: dev(id), relays: [relay.client()], dial: net.dialer(), onLink: (l) => got[id]!.push(l) }));
    await until(() => got.a!.length === 1 && got.b!.length === 1);
    got.a![0]!.close();
    await until(() => got.a!.length === 2 && got.b!.length === 2);
    rooms.forEach((r) => r.dispose());
  });

  it('tells the person when a device in the room holds another secret', async () => {
    const relay = new FakeRelay();
    const net = fakeDialNetwork();
    const pairing = newPairing();
    const stale = { ...pairing, secret: newPairing().secret };
    const problems: string[] = [];
    const linked: string[] = [];
    const a = joinRoom({ pairing, local: dev('a'), relays: [relay.client()], dial: net.dialer(), onLink: () => linked.push('a'), onProblem: (p) => problems.push(`a:${p}`) });
    const b = joinRoom({ pairing: stale, local: dev('b'), relays: [relay.client()], dial: net.dialer(), onLink: () => linked.push('b'), onProblem: (p) => problems.push(`b:${p}`) });
    await until(() => problems.includes('a:pairing-mismatch') && problems.includes('b:pairing-mismatch'));
    expect(linked).toEqual([]);
    a.dispose();
    b.dispose();
  });

  it('announces again when a relay comes back', async () => {
    const relay = new FakeRelay();
    const net = fakeDialNetwork();
    const pairing = newPairing();
    const got: string[] = [];
    const relayA = relay.client();
    relayA.setState('closed');
    const a = joinRoom({ pairing, local: dev('a'), relays: [relayA], dial: net.dialer(), onLink: () => got.push('a') });
    const b = joinRoom({ pairing, local: dev('b'), relays: [relay.client()], dial: net.dialer(), onLink: () => got.push('b') });
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([]);
    relayA.setState('open');
    await until(() => got.length === 2);
    a.dispose();
    b.dispose();
  });
});

describe('pairing with a short code', () => {
  it('hands the pairing to the device that typed the code, and only with the right code', async () => {
    const relay = new FakeRelay();
    const pairing = newPairing();
    const shown = parseShortCode(newShortCode());
    if (!shown.ok) throw new Error('bad code');
    const paired: DeviceInfo[] = [];
    const offer = await offerPairingByCode({ relays: [relay.client()], code: shown.code, pairing, local: dev('a'), onPaired: (d) => paired.push(d) });

    const wrong = parseShortCode(newShortCode());
    if (!wrong.ok) throw new Error('bad code');
    await expect(joinPairingByCode({ relays: [relay.client()], code: wrong.code, local: dev('x'), timeoutMs: 150, retryMs: 20 })).rejects.toThrow('timeout');

    const joined = await joinPairingByCode({ relays: [relay.client()], code: shown.code, local: dev('b'), timeoutMs: 2000, retryMs: 20 });
    expect(joined.pairing).toEqual(pairing);
    expect(joined.remote.id).toBe('a');
    expect(paired.map((d) => d.id)).toEqual(['b']);
    expect(JSON.stringify(relay.published)).not.toContain(pairing.secret);
    offer.dispose();
  });
});
