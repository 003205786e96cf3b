// An in-memory signaling relay and dialer for tests of pairing and room joining: every client
// subscribed to a topic receives every publish on it (its own included), like the real relay.

import { Emitter, toDisposable } from '../../src/base/event';
import { createMemoryLinkPair, type PeerLink } from '../../src/sync/link';
import type { SignalingClient, SignalingState } from '../../src/sync/signaling-client';
import type { Dialer } from '../../src/sync/room-connector';

export class FakeRelay {
  private subs = new Map<string, Set<(d: unknown) => void>>();
  published: { topic: string; data: unknown }[] = [];

  client(): SignalingClient & { setState(s: SignalingState): void } {
    const state = new Emitter<SignalingState>();
    let current: SignalingState = 'open';
    return {
      url: 'fake://relay',
      get state() {
        return current;
      },
      onDidChangeState: state.event,
      setState(s: SignalingState) {
        current = s;
        state.fire(s);
      },
      subscribe: (topic, fn) => {
        let set = this.subs.get(topic);
        if (!set) this.subs.set(topic, (set = new Set()));
        set.add(fn);
        return toDisposable(() => set.delete(fn));
      },
      publish: (topic, data) => {
        if (current !== 'open') return;
        this.published.push({ topic, data });
        // Delivered asynchronously, like a socket.
        setTimeout(() => this.subs.get(topic)?.forEach((fn) => fn(data)), 1);
      },
      reconnectNow: () => undefined,
      dispose: () => undefined,
    };
  }
}

/** A dialer whose "SDP" names a pending in-memory link pair shared by every device in the test. */
export function fakeDialNetwork(): { dialer(): Dialer; dials: number } {
  const pending = new Map<string, { resolveOfferer: (l: PeerLink) => void; answerer: PeerLink; offerer: PeerLink }>();
  let n = 0;
  const net = {
    dials: 0,
    dialer(): Dialer {
      return {
        async offer() {
          net.dials++;
          const sdp = `fake-offer-${++n}`;
          const [offerer, answerer] = createMemoryLinkPair();
          let resolveOfferer!: (l: PeerLink) => void;
          const whenComplete = new Promise<PeerLink>((r) => (resolveOfferer = r));
          pending.set(sdp, { resolveOfferer, answerer, offerer });
          return {
            sdp,
            complete: async (answerSdp: string) => {
              if (answerSdp !== `answer-to-${sdp}`) throw new Error('bad answer');
              pending.get(sdp)?.resolveOfferer(offerer);
              return whenComplete;
            },
            close: () => undefined,
          };
        },
        async answer(offerSdp: string) {
          const p = pending.get(offerSdp);
          if (!p) throw new Error('unknown offer');
          return { sdp: `answer-to-${offerSdp}`, link: Promise.resolve(p.answerer), close: () => undefined };
        },
      };
    },
  };
  return net;
}
