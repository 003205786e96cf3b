// A reliable, ordered byte pipe to one peer: what a sync session needs from a transport. In the
// browser it is an RTCDataChannel (webrtc-link.ts); in tests an in-memory pair (below) that behaves
// like one where it matters: a per-message size limit that THROWS (Chromium refuses data channel
// messages over 256 KiB), a bufferedAmount that grows until the other side has the bytes, a drain
// event, messages lost when the link closes, and delivery that is never synchronous.

import { Emitter, toDisposable, type Disposable } from '../base/event';

export interface PeerLink {
  /** May throw if closed or if the transport refuses the message. */
  send(bytes: Uint8Array): void;
  /** Bytes queued but not yet sent (RTCDataChannel.bufferedAmount). */
  bufferedAmount(): number;
  /** bufferedAmount fell below the low-water mark. */
  onDidDrain(listener: () => void): Disposable;
  /**
   * Implementations keep what arrives before the first listener subscribes and hand it to that
   * listener: the session usually attaches a moment after the channel opened.
   */
  onDidReceive(listener: (bytes: Uint8Array) => void): Disposable;
  onDidClose(listener: () => void): Disposable;
  close(): void;
}

/** bufferedAmount under which a memory link fires onDidDrain (the WebRTC link uses the same). */
export const MEMORY_LOW_WATER = 256 * 1024;

export type MemoryLinkOptions = {
  /** Delay of each message; 0 delivers on a microtask. */
  readonly latencyMs?: number;
  /** send() throws above this many bytes, like Chromium's data channel (256 KiB). */
  readonly maxMessage?: number;
  /** Runs `fn` after `delayMs`: tests pass a virtual scheduler to simulate time synchronously. */
  readonly schedule?: (fn: () => void, delayMs: number) => void;
};

export type MemoryLink = PeerLink & {
  readonly closed: boolean;
  /** Bytes this end has sent, and the largest bufferedAmount it ever had: for tests. */
  readonly sentBytes: number;
  readonly peakBuffered: number;
};

const defaultSchedule = (fn: () => void, delayMs: number): void => {
  if (delayMs > 0) setTimeout(fn, delayMs);
  else queueMicrotask(fn);
};

/** Two connected in-memory links, for tests. Closing either closes both, dropping what is in flight. */
export function createMemoryLinkPair(opts: MemoryLinkOptions = {}): [MemoryLink, MemoryLink] {
  const latency = opts.latencyMs ?? 0;
  const schedule = opts.schedule ?? defaultSchedule;
  const maxMessage = opts.maxMessage ?? Infinity;
  let closed = false;
  let closeReported = false;

  type End = {
    readonly receive: Emitter<Uint8Array>;
    readonly drain: Emitter<void>;
    readonly close: Emitter<void>;
    /** Messages received before anyone listened. */
    early: Uint8Array[] | undefined;
    flushScheduled: boolean;
    /** Messages this end sent that the other end has not received yet. */
    readonly inFlight: Uint8Array[];
    buffered: number;
    peak: number;
    sent: number;
  };
  const makeEnd = (): End => ({
    receive: new Emitter(),
    drain: new Emitter(),
    close: new Emitter(),
    early: [],
    flushScheduled: false,
    inFlight: [],
    buffered: 0,
    peak: 0,
    sent: 0,
  });
  const ends = [makeEnd(), makeEnd()] as const;

  const shutdown = () => {
    if (closed) return;
    closed = true;
    for (const e of ends) {
      e.inFlight.length = 0;
      e.buffered = 0;
    }
    // Like a data channel, the close is reported asynchronously.
    schedule(() => {
      closeReported = true;
      for (const e of ends) {
        e.close.fire();
        e.receive.dispose();
        e.drain.dispose();
        e.close.dispose();
      }
    }, 0);
  };

  const deliver = (from: End, to: End) => {
    if (closed) return;
    const bytes = from.inFlight.shift();
    if (!bytes) return;
    const before = from.buffered;
    from.buffered -= bytes.length;
    if (to.early) to.early.push(bytes);
    else to.receive.fire(bytes);
    if (before >= MEMORY_LOW_WATER && from.buffered < MEMORY_LOW_WATER && !closed) from.drain.fire();
  };

  const linkOf = (self: End, other: End): MemoryLink => ({
    send(bytes) {
      if (closed) throw new Error('link closed');
      if (bytes.length > maxMessage) throw new Error(`message of ${bytes.length} bytes exceeds the link's ${maxMessage}`);
      self.inFlight.push(bytes.slice());
      self.buffered += bytes.length;
      self.sent += bytes.length;
      self.peak = Math.max(self.peak, self.buffered);
      schedule(() => deliver(self, other), latency);
    },
    bufferedAmount: () => self.buffered,
    onDidDrain: (l) => self.drain.event(l),
    onDidReceive(listener) {
      const sub = self.receive.event(listener);
      const early = self.early;
      if (early && !self.flushScheduled) {
        self.flushScheduled = true;
        // Arrivals keep queueing behind the early ones until they are handed over, in order.
        schedule(() => {
          for (const b of early) if (!closed) self.receive.fire(b);
          self.early = undefined;
        }, 0);
      }
      return sub;
    },
    onDidClose(listener) {
      if (closeReported) {
        schedule(listener, 0);
        return toDisposable(() => undefined);
      }
      return self.close.event(listener);
    },
    close: shutdown,
    get closed() {
      return closed;
    },
    get sentBytes() {
      return self.sent;
    },
    get peakBuffered() {
      return self.peak;
    },
  });

  return [linkOf(ends[0], ends[1]), linkOf(ends[1], ends[0])];
}
