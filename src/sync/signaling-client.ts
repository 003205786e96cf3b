// A connection to one signaling relay, speaking y-webrtc's signaling protocol (JSON over a
// WebSocket: subscribe / unsubscribe / publish / ping). The relay only sees topic names and the
// encrypted blobs we publish. Reconnects with backoff, resubscribes, and pings so a dead
// connection (Wi-Fi gone) is noticed and replaced.

import { Emitter, toDisposable, type Disposable, type Event } from '../base/event';

export type SignalingState = 'connecting' | 'open' | 'closed';

export interface SignalingClient {
  readonly url: string;
  readonly state: SignalingState;
  readonly onDidChangeState: Event<SignalingState>;
  /** `onMessage` gets every `data` published on the topic, our own messages included. */
  subscribe(topic: string, onMessage: (data: unknown) => void): Disposable;
  publish(topic: string, data: unknown): void;
  /** Try now (e.g. the browser says it is online again) instead of waiting for the backoff. */
  reconnectNow(): void;
  dispose(): void;
}

type SocketLike = {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
};

export type SignalingOptions = {
  /** For tests in Node (the `ws` package); the browser's WebSocket otherwise. */
  readonly WebSocketImpl?: new (url: string) => SocketLike;
  readonly pingMs?: number;
  readonly maxBackoffMs?: number;
};

export function createSignalingClient(url: string, opts: SignalingOptions = {}): SignalingClient {
  const Impl = opts.WebSocketImpl ?? (WebSocket as unknown as new (url: string) => SocketLike);
  const pingMs = opts.pingMs ?? 15_000;
  const maxBackoff = opts.maxBackoffMs ?? 10_000;
  const topics = new Map<string, Set<(data: unknown) => void>>();
  const stateEmitter = new Emitter<SignalingState>();
  let state: SignalingState = 'connecting';
  let socket: SocketLike | undefined;
  let backoff = 500;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let lastPong = Date.now();
  let disposed = false;
  const outbox: string[] = [];

  const setState = (s: SignalingState) => {
    if (s === state) return;
    state = s;
    stateEmitter.fire(s);
  };

  const sendRaw = (msg: unknown) => {
    const text = JSON.stringify(msg);
    if (socket && socket.readyState === 1) socket.send(text);
    // Publishes made while reconnecting are kept briefly; subscribes are resent on open anyway.
    else if ((msg as { type?: string }).type === 'publish' && outbox.length < 50) outbox.push(text);
  };

  const open = () => {
    if (disposed) return;
    clearTimeout(retryTimer);
    setState('connecting');
    let s: SocketLike;
    try {
      s = new Impl(url);
    } catch {
      scheduleRetry();
      return;
    }
    socket = s;
    s.onopen = () => {
      backoff = 500;
      lastPong = Date.now();
      setState('open');
      if (topics.size) s.send(JSON.stringify({ type: 'subscribe', topics: [...topics.keys()] }));
      for (const m of outbox.splice(0)) s.send(m);
      clearInterval(pingTimer);
      pingTimer = setInterval(() => {
        if (Date.now() - lastPong > pingMs * 2.5) {
          s.close(); // no pong: the network is gone; onclose schedules a reconnect
          return;
        }
        if (s.readyState === 1) s.send(JSON.stringify({ type: 'ping' }));
      }, pingMs);
    };
    s.onmessage = (ev) => {
      lastPong = Date.now();
      if (typeof ev.data !== 'string' || ev.data.length > 256 * 1024) return;
      let msg: { type?: unknown; topic?: unknown; data?: unknown };
      try {
        msg = JSON.parse(ev.data) as typeof msg;
      } catch {
        return;
      }
      if (msg.type === 'publish' && typeof msg.topic === 'string') {
        for (const fn of [...(topics.get(msg.topic) ?? [])]) {
          try {
            fn(msg.data);
          } catch {
            // one broken listener must not stop the others
          }
        }
      }
    };
    s.onerror = () => undefined;
    s.onclose = () => {
      if (socket === s) socket = undefined;
      clearInterval(pingTimer);
      if (disposed) return;
      setState('closed');
      scheduleRetry();
    };
  };

  const scheduleRetry = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(open, backoff);
    backoff = Math.min(maxBackoff, backoff * 2);
  };

  open();

  return {
    url,
    get state() {
      return state;
    },
    onDidChangeState: stateEmitter.event,
    subscribe(topic, onMessage) {
      let set = topics.get(topic);
      if (!set) {
        set = new Set();
        topics.set(topic, set);
        sendRaw({ type: 'subscribe', topics: [topic] });
      }
      set.add(onMessage);
      return toDisposable(() => {
        const s = topics.get(topic);
        if (!s) return;
        s.delete(onMessage);
        if (s.size === 0) {
          topics.delete(topic);
          sendRaw({ type: 'unsubscribe', topics: [topic] });
        }
      });
    },
    publish(topic, data) {
      sendRaw({ type: 'publish', topic, data });
    },
    reconnectNow() {
      if (state !== 'open' && !disposed) {
        backoff = 500;
        socket?.close();
        open();
      }
    },
    dispose() {
      disposed = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      socket?.close();
      socket = undefined;
      setState('closed');
      stateEmitter.dispose();
    },
  };
}
