// Finding the paired devices through signaling relays and opening a WebRTC link to each.
//
// Everything published on the room's topic is encrypted with the room key, so the relay sees only
// the topic and blobs. Who offers is decided by the peer ids (the larger one offers), so two
// devices never both offer to each other. A message on our topic that our key cannot open means a
// device holding another secret for this room (an old pairing): we report it instead of failing
// silently, so the person can pair again.

import { randomId } from '../base/id';
import type { Disposable } from '../base/event';
import { DecryptError, decryptJson, encryptJson } from './crypto';
import type { PeerLink } from './link';
import { isDevice, roomKey, type DeviceInfo, type Pairing } from './pairing';
import type { SignalingClient } from './signaling-client';
import type { AnswerDial, OfferDial } from './webrtc-link';

export type Dialer = {
  offer(): Promise<OfferDial>;
  answer(offerSdp: string): Promise<AnswerDial>;
};

export type RoomProblem = 'pairing-mismatch' | 'connect-failed';

export type RoomConnectorOptions = {
  readonly pairing: Pairing;
  readonly local: DeviceInfo;
  readonly relays: readonly SignalingClient[];
  readonly dial: Dialer;
  readonly onLink: (link: PeerLink, remote: DeviceInfo) => void;
  readonly onProblem?: (problem: RoomProblem) => void;
  /** Re-announce while alone so a device that comes back finds us (ms). */
  readonly announceEveryMs?: number;
};

type Msg =
  | { t: 'announce'; from: string; to?: string; dev: DeviceInfo; n: string }
  | { t: 'offer' | 'answer'; from: string; to: string; dev: DeviceInfo; sdp: string; n: string };

/** Published in clear when a message on the room's topic could not be opened with our key. */
const MISMATCH = 'clientela:pairing-mismatch:';

type Peer = { state: 'dialing' | 'open'; link?: PeerLink; offer?: OfferDial; answer?: AnswerDial };

export interface RoomConnector extends Disposable {
  readonly peerId: string;
  /** Announce again now (the app came back to the foreground, the network is back). */
  announce(): void;
}

export function joinRoom(opts: RoomConnectorOptions): RoomConnector {
  const peerId = `${opts.local.id}.${randomId(6)}`;
  const topic = opts.pairing.roomId;
  const keyPromise = roomKey(opts.pairing);
  const peers = new Map<string, Peer>();
  const seen = new Set<string>();
  const subs: Disposable[] = [];
  let disposed = false;
  let lastMismatch = 0;

  const publish = async (msg: Msg) => {
    const data = await encryptJson(await keyPromise, msg);
    if (!disposed) for (const r of opts.relays) if (r.state === 'open') r.publish(topic, data);
  };

  const announce = (to?: string) => void publish({ t: 'announce', from: peerId, to, dev: opts.local, n: randomId(8) });

  const drop = (remote: string, peer: Peer) => {
    if (peers.get(remote) === peer) peers.delete(remote);
    peer.offer?.close();
    peer.answer?.close();
  };

  const opened = (remote: string, peer: Peer, link: PeerLink, dev: DeviceInfo) => {
    if (disposed || peers.get(remote) !== peer) {
      link.close();
      return;
    }
    peer.state = 'open';
    peer.link = link;
    link.onDidClose(() => {
      if (peers.get(remote) === peer) peers.delete(remote);
      // The other device may still be there (a blip): announce so whoever is larger offers again.
      if (!disposed) setTimeout(() => !disposed && announce(), 300 + Math.random() * 700);
    });
    opts.onLink(link, dev);
  };

  const startOffer = async (remote: string, dev: DeviceInfo) => {
    const peer: Peer = { state: 'dialing' };
    peers.set(remote, peer);
    try {
      peer.offer = await opts.dial.offer();
      if (disposed || peers.get(remote) !== peer) return peer.offer.close();
      await publish({ t: 'offer', from: peerId, to: remote, dev: opts.local, sdp: peer.offer.sdp, n: randomId(8) });
      // complete() is called when the answer arrives; time out a dial nobody answers.
      setTimeout(() => {
        if (peers.get(remote) === peer && peer.state === 'dialing') drop(remote, peer);
      }, 20_000);
    } catch {
      drop(remote, peer);
      opts.onProblem?.('connect-failed');
    }
    void dev;
  };

  const onMessage = async (msg: Msg) => {
    if (msg.from === peerId || (msg.to !== undefined && msg.to !== peerId)) return;
    if (seen.has(msg.n)) return; // the same message through a second relay
    seen.add(msg.n);
    if (seen.size > 500) seen.clear();
    const existing = peers.get(msg.from);
    if (msg.t === 'announce') {
      if (existing) return;
      if (peerId > msg.from) await startOffer(msg.from, msg.dev);
      else if (msg.to === undefined) announce(msg.from); // let the larger one offer
      return;
    }
    if (msg.t === 'offer') {
      if (existing) drop(msg.from, existing); // the other device restarted its side
      const peer: Peer = { state: 'dialing' };
      peers.set(msg.from, peer);
      try {
        peer.answer = await opts.dial.answer(msg.sdp);
        if (disposed || peers.get(msg.from) !== peer) return peer.answer.close();
        await publish({ t: 'answer', from: peerId, to: msg.from, dev: opts.local, sdp: peer.answer.sdp, n: randomId(8) });
        opened(msg.from, peer, await peer.answer.link, msg.dev);
      } catch {
        drop(msg.from, peer);
        opts.onProblem?.('connect-failed');
      }
      return;
    }
    if (msg.t === 'answer') {
      if (!existing?.offer || existing.state !== 'dialing') return;
      try {
        opened(msg.from, existing, await existing.offer.complete(msg.sdp), msg.dev);
      } catch {
        drop(msg.from, existing);
        opts.onProblem?.('connect-failed');
      }
    }
  };

  const mismatch = (tell: boolean) => {
    if (Date.now() - lastMismatch < 10_000) return;
    lastMismatch = Date.now();
    opts.onProblem?.('pairing-mismatch');
    // The other device cannot read what we encrypt; a plain marker lets it know too (it reveals
    // nothing: the relay already knows the room exists).
    if (tell) for (const r of opts.relays) if (r.state === 'open') r.publish(topic, `${MISMATCH}${peerId}`);
  };

  const onData = async (data: unknown) => {
    if (typeof data !== 'string' || disposed) return;
    if (data.startsWith(MISMATCH)) {
      if (data !== `${MISMATCH}${peerId}`) mismatch(false);
      return;
    }
    let msg: unknown;
    try {
      msg = await decryptJson(await keyPromise, data);
    } catch (e) {
      if (e instanceof DecryptError) mismatch(true);
      return;
    }
    if (isMsg(msg)) await onMessage(msg);
  };

  for (const relay of opts.relays) {
    subs.push(relay.subscribe(topic, (d) => void onData(d)));
    subs.push(relay.onDidChangeState((s) => s === 'open' && announce()));
  }
  announce();
  const timer = setInterval(() => {
    if (![...peers.values()].some((p) => p.state === 'open')) announce();
  }, opts.announceEveryMs ?? 15_000);

  return {
    peerId,
    announce: () => announce(),
    dispose() {
      disposed = true;
      clearInterval(timer);
      subs.forEach((s) => s.dispose());
      for (const [remote, peer] of [...peers]) {
        peer.link?.close();
        drop(remote, peer);
      }
    },
  };
}

function isMsg(v: unknown): v is Msg {
  const m = v as Partial<Record<string, unknown>> | null;
  if (!m || typeof m !== 'object' || typeof m.from !== 'string' || typeof m.n !== 'string' || !isDevice(m.dev)) return false;
  if (m.to !== undefined && typeof m.to !== 'string') return false;
  if (m.t === 'announce') return true;
  return (m.t === 'offer' || m.t === 'answer') && typeof m.to === 'string' && typeof m.sdp === 'string' && m.sdp.length < 64 * 1024;
}
