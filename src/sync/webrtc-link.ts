// WebRTC as a PeerLink: one RTCPeerConnection with one reliable, ordered data channel.
//
// We gather ICE candidates before handing out the offer or answer (no trickle), so each side is a
// single blob: the same blob goes through a relay or, serverless, into a QR code or a pasted text.
// ICE servers are always passed explicitly: none by default (the shop's LAN), the shop's own
// STUN/TURN when it configured one. The browser never falls back to public servers on its own.

import { Emitter, toDisposable } from '../base/event';
import type { PeerLink } from './link';

export type RtcOptions = {
  readonly iceServers: readonly RTCIceServer[];
  /** How long to wait for ICE gathering before sending what we have. */
  readonly gatherTimeoutMs?: number;
  /** How long the other side has to answer and open the channel. */
  readonly connectTimeoutMs?: number;
};

export type OfferDial = {
  readonly sdp: string;
  /** Give the answer; resolves with the link once the data channel is open. */
  complete(answerSdp: string): Promise<PeerLink>;
  close(): void;
};

export type AnswerDial = {
  readonly sdp: string;
  /** Resolves once the data channel is open. */
  readonly link: Promise<PeerLink>;
  close(): void;
};

const LOW_WATER = 256 * 1024;

export const webrtcAvailable = (): boolean => typeof RTCPeerConnection !== 'undefined';

function newConnection(opts: RtcOptions): RTCPeerConnection {
  return new RTCPeerConnection({ iceServers: [...opts.iceServers], iceCandidatePoolSize: 0 });
}

async function gathered(pc: RTCPeerConnection, timeoutMs: number): Promise<string> {
  if (pc.iceGatheringState !== 'complete') {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pc.removeEventListener('icegatheringstatechange', check);
        resolve();
      };
      const check = () => {
        if (pc.iceGatheringState === 'complete') done();
      };
      const timer = setTimeout(done, timeoutMs);
      pc.addEventListener('icegatheringstatechange', check);
    });
  }
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new Error('no local description');
  return sdp;
}

function opened(pc: RTCPeerConnection, channel: Promise<RTCDataChannel>, timeoutMs: number): Promise<PeerLink> {
  return new Promise<PeerLink>((resolve, reject) => {
    const timer = setTimeout(() => {
      pc.close();
      reject(new Error('timeout'));
    }, timeoutMs);
    const fail = () => {
      if (pc.connectionState === 'failed' || pc.connectionState === 'closed') {
        clearTimeout(timer);
        reject(new Error(pc.connectionState));
      }
    };
    pc.addEventListener('connectionstatechange', fail);
    void channel.then((dc) => {
      const ready = () => {
        clearTimeout(timer);
        pc.removeEventListener('connectionstatechange', fail);
        resolve(linkOf(pc, dc));
      };
      if (dc.readyState === 'open') ready();
      else dc.addEventListener('open', ready, { once: true });
    });
  });
}

/** The offering side: create the offer now, complete it with the other side's answer. */
export async function dialOffer(opts: RtcOptions): Promise<OfferDial> {
  const pc = newConnection(opts);
  const dc = pc.createDataChannel('clientela', { ordered: true });
  await pc.setLocalDescription(await pc.createOffer());
  const sdp = await gathered(pc, opts.gatherTimeoutMs ?? 3000);
  return {
    sdp,
    async complete(answerSdp) {
      const link = opened(pc, Promise.resolve(dc), opts.connectTimeoutMs ?? 20_000);
      await pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
      return link;
    },
    close: () => pc.close(),
  };
}

/** The answering side: take an offer, produce the answer; the link opens when the offerer completes. */
export async function dialAnswer(opts: RtcOptions, offerSdp: string): Promise<AnswerDial> {
  const pc = newConnection(opts);
  const channel = new Promise<RTCDataChannel>((resolve) => {
    pc.addEventListener('datachannel', (ev) => resolve(ev.channel), { once: true });
  });
  const link = opened(pc, channel, opts.connectTimeoutMs ?? 60_000);
  link.catch(() => undefined);
  await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
  await pc.setLocalDescription(await pc.createAnswer());
  const sdp = await gathered(pc, opts.gatherTimeoutMs ?? 3000);
  return { sdp, link, close: () => pc.close() };
}

function linkOf(pc: RTCPeerConnection, dc: RTCDataChannel): PeerLink {
  dc.binaryType = 'arraybuffer';
  dc.bufferedAmountLowThreshold = LOW_WATER;
  const drain = new Emitter<void>();
  const receive = new Emitter<Uint8Array>();
  const closed = new Emitter<void>();
  let isClosed = false;
  let disconnectTimer: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    if (isClosed) return;
    isClosed = true;
    clearTimeout(disconnectTimer);
    try {
      dc.close();
      pc.close();
    } catch {
      // already closed
    }
    closed.fire();
  };
  dc.addEventListener('bufferedamountlow', () => drain.fire());
  // What arrives before the session subscribes (the other side speaks first) is kept for it.
  let early: Uint8Array[] | undefined = [];
  dc.addEventListener('message', (ev: MessageEvent) => {
    const data = ev.data as unknown;
    if (!(data instanceof ArrayBuffer)) return;
    if (early) early.push(new Uint8Array(data));
    else receive.fire(new Uint8Array(data));
  });
  dc.addEventListener('close', finish);
  pc.addEventListener('connectionstatechange', () => {
    const s = pc.connectionState;
    if (s === 'failed' || s === 'closed') finish();
    // "disconnected" may heal by itself (a Wi-Fi blip); give it a moment before calling it closed.
    else if (s === 'disconnected') disconnectTimer = setTimeout(() => pc.connectionState !== 'connected' && finish(), 5000);
    else if (s === 'connected') clearTimeout(disconnectTimer);
  });
  return {
    send(bytes) {
      if (isClosed || dc.readyState !== 'open') throw new Error('link closed');
      dc.send(bytes as Uint8Array<ArrayBuffer>);
    },
    bufferedAmount: () => (isClosed ? 0 : dc.bufferedAmount),
    onDidDrain: drain.event,
    onDidReceive(listener) {
      const sub = receive.event(listener);
      const pending = early;
      early = undefined;
      if (pending?.length) queueMicrotask(() => pending.forEach((b) => receive.fire(b)));
      return sub;
    },
    onDidClose: (l) => (isClosed ? (queueMicrotask(() => l()), toDisposable(() => undefined)) : closed.event(l)),
    close: finish,
  };
}
