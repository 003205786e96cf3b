// The sync signaling relay of `npm start`: y-webrtc's signaling protocol (JSON text over a
// WebSocket: subscribe / unsubscribe / publish / ping) on the app's own HTTP server at /signal.
// Peers use it only to find each other and exchange WebRTC offers and answers; the book's data
// then flows directly between devices. With a room password (we always set one) the relay sees
// topic names and AES-GCM encrypted blobs, nothing else — and it logs neither.
//
// Compared with node_modules/y-webrtc/bin/server.js it is hardened for a shop's always-on
// computer: bounded message size, topics per socket, sockets per topic and total sockets; a
// per-socket message budget; slow receivers are dropped instead of buffering without end;
// anything that is not a well-formed message is dropped without touching the other peers.

import { WebSocketServer } from 'ws';

export const SIGNAL_PATH = '/signal';

/** Defaults; every one can be overridden through `attachSignaling(server, opts)`. */
export const SIGNALING_DEFAULTS = Object.freeze({
  path: SIGNAL_PATH,
  /** Bytes per incoming message; a compressed WebRTC offer is ~1.2 KB, encrypted a bit more. */
  maxMessageBytes: 64 * 1024,
  /** A device subscribes to one topic per book it shares, plus one while pairing. */
  maxTopicsPerSocket: 32,
  /** Devices sharing one book. */
  maxSocketsPerTopic: 32,
  maxSockets: 512,
  maxTopicLength: 256,
  /** Dead sockets (Wi-Fi gone without a close) are found by a protocol ping every interval. */
  pingIntervalMs: 30_000,
  /** Messages a socket may send: a burst, then a steady rate; the rest is dropped. */
  burstMessages: 200,
  messagesPerSecond: 50,
  /** A receiver that has this much unsent data waiting is too slow to keep. */
  maxBufferedBytes: 1024 * 1024,
});

const OPEN = 1;

/**
 * Attaches the relay to an `http.Server`: upgrades on `path` become signaling sockets; upgrades
 * on any other path are refused with 404 unless another 'upgrade' listener is there to take them.
 * Returns a dispose that closes every signaling socket and detaches the relay.
 *
 * @param {import('node:http').Server} server
 * @param {Partial<typeof SIGNALING_DEFAULTS>} [options]
 * @returns {() => void}
 */
export function attachSignaling(server, options = {}) {
  const opts = { ...SIGNALING_DEFAULTS, ...options };
  // ws enforces maxPayload before buffering the whole frame: an oversized message closes that
  // socket with 1009 and never reaches our code.
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes, perMessageDeflate: false, clientTracking: false });

  /** @type {Map<string, Set<import('ws').WebSocket>>} topic → subscribers */
  const topics = new Map();
  /** @type {Set<Peer>} */
  const peers = new Set();

  /**
   * @typedef {{ ws: import('ws').WebSocket, topics: Set<string>, alive: boolean, tokens: number, refilledAt: number }} Peer
   */

  /** @param {string} topic */
  const validTopic = (topic) => typeof topic === 'string' && topic.length > 0 && topic.length <= opts.maxTopicLength;

  /** @param {Peer} peer @param {string} topic */
  const leave = (peer, topic) => {
    if (!peer.topics.delete(topic)) return;
    const subs = topics.get(topic);
    if (!subs) return;
    subs.delete(peer.ws);
    if (subs.size === 0) topics.delete(topic);
  };

  /** @param {Peer} peer */
  const spend = (peer) => {
    const now = Date.now();
    peer.tokens = Math.min(opts.burstMessages, peer.tokens + ((now - peer.refilledAt) / 1000) * opts.messagesPerSecond);
    peer.refilledAt = now;
    if (peer.tokens < 1) return false;
    peer.tokens -= 1;
    return true;
  };

  /** @param {import('ws').WebSocket} ws @param {string} text */
  const send = (ws, text) => {
    if (ws.readyState !== OPEN) return;
    if (ws.bufferedAmount > opts.maxBufferedBytes) {
      ws.terminate();
      return;
    }
    ws.send(text, (err) => {
      if (err) ws.terminate();
    });
  };

  /** @param {Peer} peer @param {unknown} msg */
  const handle = (peer, msg) => {
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) return;
    const m = /** @type {Record<string, unknown>} */ (msg);
    switch (m.type) {
      case 'subscribe': {
        if (!Array.isArray(m.topics)) return;
        for (const topic of m.topics) {
          if (!validTopic(topic) || peer.topics.has(topic)) continue;
          if (peer.topics.size >= opts.maxTopicsPerSocket) break;
          let subs = topics.get(topic);
          if (subs && subs.size >= opts.maxSocketsPerTopic) continue;
          if (!subs) topics.set(topic, (subs = new Set()));
          subs.add(peer.ws);
          peer.topics.add(topic);
        }
        return;
      }
      case 'unsubscribe': {
        if (!Array.isArray(m.topics)) return;
        for (const topic of m.topics) if (typeof topic === 'string') leave(peer, topic);
        return;
      }
      case 'publish': {
        if (!validTopic(m.topic) || m.data === undefined) return;
        const receivers = topics.get(/** @type {string} */ (m.topic));
        if (!receivers) return;
        // Rebuilt rather than echoed, so nothing but these four fields ever passes through.
        const text = JSON.stringify({ type: 'publish', topic: m.topic, data: m.data, clients: receivers.size });
        for (const ws of [...receivers]) send(ws, text);
        return;
      }
      case 'ping':
        send(peer.ws, '{"type":"pong"}');
        return;
      default:
        return;
    }
  };

  /** @param {import('ws').WebSocket} ws */
  const onConnection = (ws) => {
    /** @type {Peer} */
    const peer = { ws, topics: new Set(), alive: true, tokens: opts.burstMessages, refilledAt: Date.now() };
    peers.add(peer);
    ws.on('pong', () => {
      peer.alive = true;
    });
    ws.on('message', (data, isBinary) => {
      peer.alive = true;
      if (isBinary || !spend(peer)) return;
      let msg;
      try {
        msg = JSON.parse(data.toString('utf8'));
      } catch {
        return; // not JSON: dropped
      }
      handle(peer, msg);
    });
    // ws emits 'error' for protocol violations (oversized frame, bad UTF-8) and then closes; an
    // unhandled 'error' event would throw and take the whole server down.
    ws.on('error', () => undefined);
    ws.on('close', () => {
      for (const topic of [...peer.topics]) leave(peer, topic);
      peers.delete(peer);
    });
  };

  const keepAlive = setInterval(() => {
    for (const peer of peers) {
      if (!peer.alive) {
        peer.ws.terminate();
        continue;
      }
      peer.alive = false;
      try {
        peer.ws.ping();
      } catch {
        peer.ws.terminate();
      }
    }
  }, opts.pingIntervalMs);
  keepAlive.unref?.();

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:stream').Duplex} socket
   * @param {Buffer} head
   */
  const onUpgrade = (req, socket, head) => {
    let pathname;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      pathname = '';
    }
    if (pathname !== opts.path) {
      // Another listener (a dev tool's HMR socket) may own this path; refuse only when none does.
      if (server.listenerCount('upgrade') <= 1) refuse(socket, 404, 'Not Found');
      return;
    }
    if (peers.size >= opts.maxSockets) {
      refuse(socket, 503, 'Service Unavailable');
      return;
    }
    socket.on('error', () => undefined);
    wss.handleUpgrade(req, socket, head, onConnection);
  };

  server.on('upgrade', onUpgrade);

  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    server.off('upgrade', onUpgrade);
    clearInterval(keepAlive);
    for (const peer of peers) peer.ws.terminate();
    peers.clear();
    topics.clear();
    wss.close();
  };
}

/** @param {import('node:stream').Duplex} socket @param {number} status @param {string} reason */
function refuse(socket, status, reason) {
  socket.on('error', () => undefined);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}
