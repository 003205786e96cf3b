// The sync engine end to end in Node: two books, two engines, a fake relay and in-memory links in
// place of WebRTC. Pairing by code and by pasted offer/answer, edits both ways, pause and resume,
// unpair, and what the status says at each point.
import { afterEach, describe, expect, it } from 'vitest';
import { createBook } from '../../src/core/doc/book-doc';
import { addRows, setCells, type Book, type RowId } from '../../src/core/index';
import { createSyncEngine, type SyncEngine, type SyncStore } from '../../src/sync/sync-engine';
import { FakeRelay, fakeDialNetwork } from './fake-relay';

const until = async (cond: () => boolean, what = 'condition', ms = 5000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

const memoryStore = (): SyncStore & { data: Map<string, unknown> } => {
  const data = new Map<string, unknown>();
  return { data, get: async <T,>(k: string) => data.get(k) as T | undefined, set: async (k, v) => void data.set(k, v) };
};

let engines: SyncEngine[] = [];
afterEach(() => {
  engines.forEach((e) => e.dispose());
  engines = [];
});

function device(name: string, relay: FakeRelay | undefined, net: ReturnType<typeof fakeDialNetwork>, store = memoryStore(), book: Book = createBook()) {
  const engine = createSyncEngine({
    book,
    store,
    defaultRelays: relay ? ['ws://relay.test/signal'] : [],
    defaultDeviceName: name,
    relayFactory: () => relay!.client(),
    dialer: () => net.dialer(),
  });
  engines.push(engine);
  return { engine, book, store };
}

const names = (book: Book): string[] => {
  const s = book.sheet('customers');
  return s.liveRowIds().map((id) => String(s.get(id, 'name') ?? '')).sort();
};

describe('sync engine', () => {
  it('pairs by code, then edits flow both ways and the status tells the truth', async () => {
    const relay = new FakeRelay();
    const net = fakeDialNetwork();
    const a = device('Counter', relay, net);
    const b = device('Owner phone', relay, net);
    await Promise.all([a.engine.whenReady, b.engine.whenReady]);
    expect(a.engine.state.paired).toBe(false);
    addRows(a.book, 'customers', [{ name: 'Ana' }]);
    addRows(b.book, 'customers', [{ name: 'Bea' }]);

    let pairedOnA = '';
    const shown = await a.engine.showPairingCode((d) => (pairedOnA = d.name));
    const remote = await b.engine.joinWithCode(shown.code.toLowerCase());
    expect(remote.name).toBe('Counter');
    await until(() => pairedOnA === 'Owner phone', 'A told it is paired');
    await until(() => a.engine.state.synced && b.engine.state.synced, 'both synced');
    expect(names(a.book)).toEqual(['Ana', 'Bea']);
    expect(names(b.book)).toEqual(['Ana', 'Bea']);
    expect(a.engine.state.connected).toBe(1);
    expect(b.engine.state.devices.map((d) => [d.name, d.connected])).toEqual([['Counter', true]]);

    const [ana] = a.book.sheet('customers').liveRowIds().filter((id) => a.book.sheet('customers').get(id, 'name') === 'Ana') as RowId[];
    setCells(b.book, 'customers', [{ row: ana!, col: 'phone', value: '+34600111222' }]);
    await until(() => a.book.sheet('customers').get(ana!, 'phone') === '+34600111222', 'edit from B on A');
    // A remote edit is not on A's undo stack.
    a.book.undo();
    expect(a.book.sheet('customers').get(ana!, 'phone')).toBe('+34600111222');

    // The pairing is remembered on both devices; the secret is the same and never on the relay.
    const pa = a.store.data.get('sync:pairing') as { secret: string };
    expect((b.store.data.get('sync:pairing') as { secret: string }).secret).toBe(pa.secret);
    expect(JSON.stringify(relay.published)).not.toContain(pa.secret);
  });

  it('pause stops the exchange, edits made meanwhile arrive after resume', async () => {
    const relay = new FakeRelay();
    const net = fakeDialNetwork();
    const a = device('A', relay, net);
    const b = device('B', relay, net);
    await Promise.all([a.engine.whenReady, b.engine.whenReady]);
    const shown = await a.engine.showPairingCode(() => undefined);
    await b.engine.joinWithCode(shown.code);
    await until(() => a.engine.state.synced && b.engine.state.synced, 'synced');

    await b.engine.setPaused(true);
    await until(() => a.engine.state.connected === 0, 'A sees B gone');
    expect(b.engine.state.paused).toBe(true);
    addRows(a.book, 'customers', [{ name: 'While paused A' }]);
    addRows(b.book, 'customers', [{ name: 'While paused B' }]);
    await new Promise((r) => setTimeout(r, 50));
    expect(names(b.book)).toEqual(['While paused B']);

    await b.engine.setPaused(false);
    await until(() => names(a.book).length === 2 && names(b.book).length === 2, 'converged');
    expect(names(a.book)).toEqual(names(b.book));
  });

  it('connects without a relay through the offer and answer codes, and refuses a stale answer', async () => {
    const net = fakeDialNetwork();
    const a = device('A', undefined, net);
    const b = device('B', undefined, net);
    const c = device('C', undefined, net);
    await Promise.all([a.engine.whenReady, b.engine.whenReady, c.engine.whenReady]);
    addRows(a.book, 'customers', [{ name: 'Sara' }]);

    const offer = await a.engine.createOffer();
    expect(offer.code.startsWith('CLO1.')).toBe(true);
    // An answer from a device that answered another pairing's offer is refused by A.
    const other = await c.engine.createOffer();
    const stale = await b.engine.answerOffer(other.code);
    await expect(offer.acceptAnswer(stale.code)).rejects.toMatchObject({ reason: 'other-pairing' });
    stale.cancel();

    const answer = await b.engine.answerOffer(offer.code);
    const [remote, back] = await Promise.all([offer.acceptAnswer(answer.code), answer.connected]);
    expect(remote.name).toBe('B');
    expect(back.name).toBe('A');
    await until(() => names(b.book).includes('Sara'), 'Sara on B');
    expect(a.engine.state.paired && b.engine.state.paired).toBe(true);
  });

  it('unpair forgets the pairing and the devices but keeps the book', async () => {
    const relay = new FakeRelay();
    const net = fakeDialNetwork();
    const a = device('A', relay, net);
    const b = device('B', relay, net);
    await Promise.all([a.engine.whenReady, b.engine.whenReady]);
    addRows(a.book, 'customers', [{ name: 'Kept' }]);
    const shown = await a.engine.showPairingCode(() => undefined);
    await b.engine.joinWithCode(shown.code);
    await until(() => names(b.book).includes('Kept'), 'synced');
    await b.engine.unpair();
    expect(b.engine.state.paired).toBe(false);
    expect(b.engine.state.devices).toEqual([]);
    expect(names(b.book)).toEqual(['Kept']);
    await until(() => a.engine.state.connected === 0, 'A sees B leave');
    addRows(a.book, 'customers', [{ name: 'Not for B' }]);
    await new Promise((r) => setTimeout(r, 50));
    expect(names(b.book)).toEqual(['Kept']);
  });

  it('rotates the secret: connected devices switch together, a device holding the old one is told to pair again', async () => {
    const relay = new FakeRelay();
    const net = fakeDialNetwork();
    const a = device('A', relay, net);
    const b = device('B', relay, net);
    const c = device('C', relay, net);
    await Promise.all([a.engine.whenReady, b.engine.whenReady, c.engine.whenReady]);
    const shown = await a.engine.showPairingCode(() => undefined);
    await b.engine.joinWithCode(shown.code);
    await until(() => a.engine.state.synced && b.engine.state.synced, 'A and B synced');
    // C got the same pairing earlier but is away (paused) during the rotation.
    const shownC = await a.engine.showPairingCode(() => undefined);
    await c.engine.joinWithCode(shownC.code);
    await c.engine.setPaused(true);
    const old = (a.store.data.get('sync:pairing') as { secret: string }).secret;

    await a.engine.rotateSecret();
    await until(() => (b.store.data.get('sync:pairing') as { secret: string }).secret !== old, 'B took the new secret');
    const fresh = (a.store.data.get('sync:pairing') as { secret: string }).secret;
    expect(fresh).not.toBe(old);
    expect((b.store.data.get('sync:pairing') as { secret: string }).secret).toBe(fresh);
    await until(() => a.engine.state.synced && b.engine.state.synced, 'A and B synced again');
    addRows(a.book, 'customers', [{ name: 'After rotation' }]);
    await until(() => names(b.book).includes('After rotation'), 'edit after rotation');
    expect(JSON.stringify(relay.published)).not.toContain(fresh);

    await c.engine.setPaused(false);
    await until(() => c.engine.state.problem === 'pairing-mismatch', 'C told to pair again', 8000);
    expect(names(c.book)).not.toContain('After rotation');
  }, 20_000);

  it('rejects a typo in a typed code before going to the relay', async () => {
    const relay = new FakeRelay();
    const b = device('B', relay, fakeDialNetwork());
    await b.engine.whenReady;
    await expect(b.engine.joinWithCode('ABC')).rejects.toThrow('length');
    expect(relay.published).toEqual([]);
  });
});
