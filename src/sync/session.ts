// One sync session: a Y.Doc and its awareness kept in step with ONE peer over a PeerLink.
//
// Wire: every message is framed (frames.ts); the frame header carries the message's kind.
//   hello      protocol version, device id and name, book id — always the first message each way
//   sync       y-protocols sync messages (step 1: our state vector; step 2: what the other lacks;
//              update: a live change), in y-protocols' own encoding
//   awareness  y-protocols awareness updates (presence; never stored in the book)
//   ack        the highest message id received and processed (message ids are consecutive)
//   bye        a problem kind and detail: why this side ends the session (another book, ...)
//
// Why not y-webrtc's provider (measured in issue 4): it swallows the data channel's error above
// 256 KiB, sends every update back to the peer it came from, and reports "connected" when nothing
// is. Here: frames of ≤ 64 KiB; an update applied from this session is never sent back to it (it
// is forwarded to the other sessions of the hub, so a chain A–B–C works); `synced` means we hold
// the peer's step 2 AND the peer acknowledged every message that carried data to it.
//
// Origins: updates from the peer are applied with `origin` (an object; one per session unless the
// caller passes one — the hub passes its own). The caller labels it for the book with
// `labelOrigin(book, origin, 'remote')`, so remote changes are never in the local undo stack.
//
// Hostile or broken input never throws out of the receive handler and never half-applies: an
// update is decoded completely (Y.decodeUpdate) before it is applied, and an update that claims
// edits of this device that this device never made is refused (it would corrupt later local
// edits). Such a message is reported (onDidProblem) and the session goes on. Broken framing, a
// wrong protocol version or another book closes the session.

import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import { Emitter, toDisposable, type Disposable, type Event } from '../base/event';
import { createReassembler, frameCount, frameOf, type FramedMessage } from './frames';
import type { PeerLink } from './link';

export type DeviceInfo = { readonly id: string; readonly name: string };
export type SessionStatus = 'handshaking' | 'syncing' | 'synced' | 'closed';
/** 'version': the other device speaks another sync protocol (another version of the app). */
export type SyncProblemKind = 'bad-frame' | 'bad-update' | 'protocol' | 'other-book' | 'version';
export type SyncProblem = { readonly kind: SyncProblemKind; readonly detail: string };
export type SessionStats = { bytesSent: number; bytesReceived: number; updatesSent: number; updatesReceived: number };

export interface PeerSession {
  /** Known after the hello. */
  readonly remote: DeviceInfo | undefined;
  readonly status: SessionStatus;
  readonly onDidChangeStatus: Event<SessionStatus>;
  readonly onDidProblem: Event<SyncProblem>;
  readonly stats: Readonly<SessionStats>;
  /** The origin updates from this peer are applied with. */
  readonly origin: object;
  /** Clock time of the last message received from the peer. */
  readonly lastSeen: number | undefined;
  close(): void;
}

/** Time, injectable so tests simulate hours of periodic resync synchronously. */
export interface SyncClock {
  now(): number;
  setTimer(fn: () => void, ms: number): Disposable;
}

export const systemClock: SyncClock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const t = setTimeout(fn, ms);
    return toDisposable(() => clearTimeout(t));
  },
};

export type PeerSessionOptions = {
  readonly yDoc: Y.Doc;
  readonly awareness: Awareness;
  readonly link: PeerLink;
  readonly local: DeviceInfo;
  readonly bookId: string;
  /** Origin of the updates applied from this peer; a new object per session when omitted. */
  readonly origin?: object;
  readonly clock?: SyncClock;
  /** Step 1 sent this often while idle, so a lost message cannot leave the devices apart. 0: never. */
  readonly resyncMs?: number;
  /** No hello by then: the peer is not speaking our protocol (or its hello was lost). */
  readonly handshakeTimeoutMs?: number;
  /** link.send is not called while link.bufferedAmount() is above this. */
  readonly highWater?: number;
  /**
   * Compress sync answers larger than `above` bytes (a first sync of a big book: its JSON chunks
   * compress ~3×, and the data channel, not the CPU, is the bottleneck). Used only with a peer
   * whose hello says it can inflate; without it nothing is compressed.
   */
  readonly compress?: SyncCompression;
};

export type SyncCompression = {
  readonly above: number;
  deflate(bytes: Uint8Array): Promise<Uint8Array>;
  /** Rejects past `maxBytes` of output (a small hostile stream can inflate enormously). */
  inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array>;
};

/**
 * 2: books of schema 2 (chunks as bytes, src/core/doc/book-doc.ts), which a device of protocol 1
 * cannot read; the two refuse each other before any edit is exchanged.
 */
export const PROTOCOL_VERSION = 2;
/** Capability bits in the hello (appended after the book id; older peers ignore them). */
const CAN_INFLATE = 1;
export const RESYNC_MS = 10_000;
export const HANDSHAKE_TIMEOUT_MS = 20_000;
export const HIGH_WATER = 1024 * 1024;
/** Hello and awareness messages are small; anything larger is not from a well-behaved peer. */
const MAX_HELLO = 4 * 1024;
const MAX_AWARENESS = 1024 * 1024;
const MAX_NAME = 60;

const KIND_HELLO = 1;
const KIND_SYNC = 2;
const KIND_AWARENESS = 3;
const KIND_ACK = 4;
/** Why we end the session, so the other device can tell its user too (never changes shape). */
const KIND_BYE = 5;
/** A sync message, deflate-raw compressed (only to a peer whose hello has CAN_INFLATE). */
const KIND_SYNC_DEFLATED = 6;
const MAX_INFLATED = 512 * 1024 * 1024;
/** How long a refusing session waits for its bye to leave before closing the link. */
const BYE_LINGER_MS = 1000;

type Outgoing = {
  kind: number;
  readonly id: number;
  /** Built when the first frame is sent, so queued live updates can still be merged into it. */
  payload: Uint8Array | undefined;
  /** A live Yjs update not yet encoded as a sync message. */
  update: Uint8Array | undefined;
  /** An ack not yet sent: the acked id may still grow. */
  ackOf: number | undefined;
  next: number;
  count: number;
  readonly carriesData: boolean;
  /** Being compressed: nothing after it leaves before it does. */
  waiting?: boolean;
};

const stateVectorOf = (yDoc: Y.Doc): Map<number, number> => Y.decodeStateVector(Y.encodeStateVector(yDoc));

const hasPending = (yDoc: Y.Doc): boolean => yDoc.store.pendingStructs !== null || yDoc.store.pendingDs !== null;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

class Session implements PeerSession {
  remote: DeviceInfo | undefined;
  status: SessionStatus = 'handshaking';
  lastSeen: number | undefined;
  readonly stats: SessionStats = { bytesSent: 0, bytesReceived: 0, updatesSent: 0, updatesReceived: 0 };
  readonly origin: object;

  private readonly statusEmitter = new Emitter<SessionStatus>();
  private readonly problemEmitter = new Emitter<SyncProblem>();
  readonly onDidChangeStatus = this.statusEmitter.event;
  readonly onDidProblem = this.problemEmitter.event;

  private readonly yDoc: Y.Doc;
  private readonly awareness: Awareness;
  private readonly link: PeerLink;
  private readonly clock: SyncClock;
  private readonly resyncMs: number;
  private readonly highWater: number;
  private readonly reassembler = createReassembler();
  private readonly subs: Disposable[] = [];
  private timer: Disposable | undefined;

  private outbox: Outgoing[] = [];
  private nextId = 1;
  /** Id of the last message we sent that carried data the peer may lack. */
  private lastDataId = 0;
  /** Highest of our message ids the peer acknowledged. */
  private acked = 0;
  private gotStep2 = false;
  /** True while applying an update received here: the doc's update event must not send it back. */
  private applying = false;
  private pumping = false;
  /** The peer's hello said it can inflate compressed sync messages. */
  private peerInflates = false;
  /** Messages that arrived while a compressed one inflates (undefined when none inflates). */
  private held: FramedMessage[] | undefined;
  private closed = false;
  /** Refused the peer: a bye is on its way and the link closes shortly; nothing else goes out. */
  private ending = false;
  /** Awareness clients this peer told us about: removed when the session ends. */
  private readonly peerClients = new Set<number>();
  /** Our own identity as the origin of awareness updates received here. */
  private readonly awarenessOrigin = {};

  constructor(private readonly opts: PeerSessionOptions) {
    this.yDoc = opts.yDoc;
    this.awareness = opts.awareness;
    this.link = opts.link;
    this.origin = opts.origin ?? {};
    this.clock = opts.clock ?? systemClock;
    this.resyncMs = opts.resyncMs ?? RESYNC_MS;
    this.highWater = opts.highWater ?? HIGH_WATER;

    this.yDoc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.subs.push(
      this.link.onDidReceive((bytes) => this.receive(bytes)),
      this.link.onDidDrain(() => this.pump()),
      this.link.onDidClose(() => this.close()),
    );
    this.send(KIND_HELLO, this.helloPayload(), false);
    const handshakeMs = opts.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS;
    if (handshakeMs > 0)
      this.timer = this.clock.setTimer(() => {
        if (this.status !== 'handshaking') return;
        this.problem('protocol', 'the other device did not say hello');
        this.close();
      }, handshakeMs);
  }

  // ---- sending ----------------------------------------------------------------------------

  private helloPayload(): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, PROTOCOL_VERSION);
    encoding.writeVarString(e, this.opts.local.id);
    encoding.writeVarString(e, this.opts.local.name.slice(0, MAX_NAME));
    encoding.writeVarString(e, this.opts.bookId);
    encoding.writeVarUint(e, this.opts.compress ? CAN_INFLATE : 0);
    return encoding.toUint8Array(e);
  }

  private send(kind: number, payload: Uint8Array, carriesData: boolean): void {
    this.queue({ kind, id: this.nextId++, payload, update: undefined, ackOf: undefined, next: 0, count: 0, carriesData });
  }

  private queue(msg: Outgoing): void {
    if (this.closed) return;
    this.outbox.push(msg);
    if (msg.carriesData) this.lastDataId = msg.id;
    this.pump();
    this.refreshStatus();
  }

  private sendUpdate(update: Uint8Array): void {
    const tail = this.outbox[this.outbox.length - 1];
    // Under backpressure, live updates waiting their turn merge into one message.
    if (tail && tail.next === 0 && tail.update) {
      tail.update = Y.mergeUpdates([tail.update, update]);
      return;
    }
    this.queue({ kind: KIND_SYNC, id: this.nextId++, payload: undefined, update, ackOf: undefined, next: 0, count: 0, carriesData: true });
  }

  private sendAck(id: number): void {
    const tail = this.outbox[this.outbox.length - 1];
    if (tail && tail.next === 0 && tail.ackOf !== undefined) {
      tail.ackOf = id;
      return;
    }
    this.queue({ kind: KIND_ACK, id: this.nextId++, payload: undefined, update: undefined, ackOf: id, next: 0, count: 0, carriesData: false });
  }

  /** Queued in order now; its frames leave once compressed (later messages wait behind it). */
  private sendDeflated(payload: Uint8Array, carriesData: boolean): void {
    const msg: Outgoing = { kind: KIND_SYNC_DEFLATED, id: this.nextId++, payload: undefined, update: undefined, ackOf: undefined, next: 0, count: 0, carriesData, waiting: true };
    this.queue(msg);
    this.opts.compress!.deflate(payload).then(
      (z) => {
        msg.payload = z;
        msg.waiting = false;
        this.pump();
      },
      () => {
        // Compression failed (should not happen): send it as it is.
        msg.payload = payload;
        msg.kind = KIND_SYNC;
        msg.waiting = false;
        this.pump();
      },
    );
  }

  private sendStep1(): void {
    const e = encoding.createEncoder();
    syncProtocol.writeSyncStep1(e, this.yDoc);
    this.send(KIND_SYNC, encoding.toUint8Array(e), false);
  }

  /** Sends frames while the link's buffer has room; continues on drain. */
  private pump(): void {
    if (this.pumping || this.closed) return;
    this.pumping = true;
    try {
      while (this.outbox.length && this.link.bufferedAmount() <= this.highWater) {
        const msg = this.outbox[0]!;
        if (msg.waiting) break;
        if (msg.next === 0) {
          if (msg.update) {
            const e = encoding.createEncoder();
            syncProtocol.writeUpdate(e, msg.update);
            msg.payload = encoding.toUint8Array(e);
            msg.update = undefined;
          } else if (msg.ackOf !== undefined) {
            const e = encoding.createEncoder();
            encoding.writeVarUint(e, msg.ackOf);
            msg.payload = encoding.toUint8Array(e);
          }
          msg.count = frameCount(msg.payload!.length);
          if (msg.carriesData) this.stats.updatesSent++;
        }
        const frame = frameOf(msg as FramedMessage, msg.next++);
        if (msg.next === msg.count) this.outbox.shift();
        try {
          this.link.send(frame);
        } catch {
          // The link is gone (its close event may still be on its way), or refused a frame it
          // should take: either way this session cannot go on.
          this.pumping = false;
          this.close();
          return;
        }
        this.stats.bytesSent += frame.length;
      }
    } finally {
      this.pumping = false;
    }
  }

  // ---- receiving --------------------------------------------------------------------------

  private receive(bytes: Uint8Array): void {
    if (this.closed) return;
    this.stats.bytesReceived += bytes.length;
    let msg: FramedMessage | undefined;
    try {
      msg = this.reassembler.push(bytes);
    } catch (e) {
      this.refuse('bad-frame', errorText(e));
      return;
    }
    if (!msg || this.ending) return;
    this.lastSeen = this.clock.now();
    // While a compressed message inflates, what arrives after it waits its turn.
    if (this.held) this.held.push(msg);
    else this.dispatch(msg);
  }

  private dispatch(msg: FramedMessage): void {
    if (msg.kind === KIND_SYNC_DEFLATED && this.remote && this.opts.compress) {
      this.held = [];
      this.opts.compress.inflate(msg.payload, MAX_INFLATED).then(
        (plain) => {
          if (this.closed) return;
          this.dispatch({ kind: KIND_SYNC, id: msg.id, payload: plain });
        },
        (e) => this.problem('bad-update', `compressed message did not inflate: ${errorText(e)}`),
      ).finally(() => {
        const queue = this.held ?? [];
        this.held = undefined;
        while (queue.length && !this.closed) {
          const next = queue.shift()!;
          if (this.held) {
            (this.held as FramedMessage[]).push(next, ...queue);
            break;
          }
          this.dispatch(next);
        }
      });
      return;
    }
    try {
      this.handle(msg);
    } catch (e) {
      // A bug or a message we failed to foresee: reported, never thrown into the transport.
      this.problem('protocol', errorText(e));
    }
  }

  private handle(msg: FramedMessage): void {
    if (msg.kind === KIND_BYE) {
      this.handleBye(msg.payload);
      return;
    }
    if (!this.remote) {
      if (msg.kind !== KIND_HELLO) {
        this.refuse('protocol', `message of kind ${msg.kind} before hello`);
        return;
      }
      this.handleHello(msg.payload);
      return;
    }
    switch (msg.kind) {
      case KIND_SYNC:
        this.handleSync(msg.payload);
        if (!this.closed) this.sendAck(msg.id);
        break;
      case KIND_AWARENESS:
        this.handleAwareness(msg.payload);
        break;
      case KIND_ACK:
        this.handleAck(msg.payload);
        break;
      case KIND_HELLO:
        this.problem('protocol', 'second hello');
        break;
      default:
        this.problem('protocol', `unknown message kind ${msg.kind}`);
    }
  }

  private handleHello(payload: Uint8Array): void {
    let version: number, id: string, name: string, bookId: string;
    try {
      if (payload.length > MAX_HELLO) throw new Error('hello too large');
      const d = decoding.createDecoder(payload);
      version = decoding.readVarUint(d);
      if (version !== PROTOCOL_VERSION) {
        this.refuse('version', `the other device speaks sync protocol ${version}, this one ${PROTOCOL_VERSION}`);
        return;
      }
      id = decoding.readVarString(d);
      name = decoding.readVarString(d);
      bookId = decoding.readVarString(d);
      this.peerInflates = decoding.hasContent(d) && (decoding.readVarUint(d) & CAN_INFLATE) !== 0;
      if (!id) throw new Error('no device id');
    } catch (e) {
      this.refuse('protocol', `bad hello: ${errorText(e)}`);
      return;
    }
    if (bookId !== this.opts.bookId) {
      this.refuse('other-book', 'the other device keeps another book');
      return;
    }
    this.remote = { id: id.slice(0, 200), name: name.slice(0, MAX_NAME) };
    this.timer?.dispose();
    this.timer = undefined;
    this.sendStep1();
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length) this.send(KIND_AWARENESS, encodeAwarenessUpdate(this.awareness, clients), false);
    this.scheduleResync();
    this.refreshStatus();
  }

  private handleSync(payload: Uint8Array): void {
    const d = decoding.createDecoder(payload);
    const type = decoding.readVarUint(d);
    switch (type) {
      case syncProtocol.messageYjsSyncStep1: {
        const sv = decoding.readVarUint8Array(d);
        let theirs: Map<number, number>;
        try {
          theirs = Y.decodeStateVector(sv);
        } catch (e) {
          this.problem('bad-update', `bad state vector: ${errorText(e)}`);
          return;
        }
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.yDoc, sv));
        // An answer that brings no new edits (the periodic resync when all is well) does not make
        // the status flicker to "syncing".
        let news = false;
        for (const [client, clock] of stateVectorOf(this.yDoc)) if (clock > (theirs.get(client) ?? 0)) news = true;
        const answer = encoding.toUint8Array(e);
        if (this.opts.compress && this.peerInflates && answer.length > this.opts.compress.above) this.sendDeflated(answer, news);
        else this.send(KIND_SYNC, answer, news);
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
        if (this.applyRemote(decoding.readVarUint8Array(d))) {
          this.gotStep2 = true;
          this.refreshStatus();
        }
        break;
      case syncProtocol.messageYjsUpdate:
        this.applyRemote(decoding.readVarUint8Array(d));
        break;
      default:
        this.problem('protocol', `unknown sync message ${type}`);
    }
  }

  /** Validates, then applies an update from the peer. False when it was refused. */
  private applyRemote(update: Uint8Array): boolean {
    this.stats.updatesReceived++;
    let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
    try {
      structs = Y.decodeUpdate(update).structs;
    } catch (e) {
      this.problem('bad-update', `malformed update (${update.length} bytes): ${errorText(e)}`);
      return false;
    }
    const own = this.yDoc.clientID;
    const ownClock = Y.getState(this.yDoc.store, own);
    for (const s of structs)
      if (s.id.client === own && s.id.clock + s.length > ownClock) {
        this.problem('bad-update', 'update claims edits of this device that it never made');
        return false;
      }
    const pendingBefore = hasPending(this.yDoc);
    this.applying = true;
    try {
      Y.applyUpdate(this.yDoc, update, this.origin);
    } catch (e) {
      // Decoded fine but failed while integrating or in an observer: report it; the resync and
      // the other device's copy are the way back.
      this.problem('bad-update', `update failed to apply: ${errorText(e)}`);
    } finally {
      this.applying = false;
    }
    // Parts that wait for edits we do not have yet: ask at once instead of at the next resync.
    if (!pendingBefore && hasPending(this.yDoc)) this.sendStep1();
    return true;
  }

  private handleBye(payload: Uint8Array): void {
    let kind: SyncProblemKind = 'protocol';
    let detail = '';
    try {
      const d = decoding.createDecoder(payload);
      const k = decoding.readVarString(d);
      if (k === 'other-book' || k === 'bad-frame' || k === 'bad-update' || k === 'version') kind = k;
      detail = decoding.readVarString(d).slice(0, 200);
    } catch {
      // a bye we cannot read still ends the session
    }
    this.problem(kind, `the other device ended the session: ${detail}`);
    this.close();
  }

  /** Reports a problem, tells the peer why, and closes once the bye had time to leave. */
  private refuse(kind: SyncProblemKind, detail: string): void {
    if (this.ending || this.closed) return;
    this.problem(kind, detail);
    const e = encoding.createEncoder();
    encoding.writeVarString(e, kind);
    encoding.writeVarString(e, detail.slice(0, 200));
    // Whatever was queued is dropped: only the bye goes out.
    this.outbox = this.outbox.filter((m) => m.next > 0);
    this.send(KIND_BYE, encoding.toUint8Array(e), false);
    this.ending = true;
    this.timer?.dispose();
    this.timer = this.clock.setTimer(() => this.close(), BYE_LINGER_MS);
  }

  private handleAwareness(payload: Uint8Array): void {
    if (payload.length > MAX_AWARENESS) {
      this.problem('bad-update', `presence message of ${payload.length} bytes`);
      return;
    }
    try {
      applyAwarenessUpdate(this.awareness, payload, this.awarenessOrigin);
    } catch (e) {
      this.problem('bad-update', `malformed presence: ${errorText(e)}`);
    }
  }

  private handleAck(payload: Uint8Array): void {
    const id = decoding.readVarUint(decoding.createDecoder(payload));
    if (id >= this.nextId) {
      this.problem('protocol', `ack of message ${id} that was never sent`);
      return;
    }
    if (id > this.acked) {
      this.acked = id;
      this.refreshStatus();
    }
  }

  // ---- the doc and awareness ---------------------------------------------------------------

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Never back to the session it came from; other sessions forward it (chains of devices).
    if (this.applying && origin === this.origin) return;
    // Before the hello nothing goes out (another book?); the step 2 we answer with covers it.
    if (!this.remote || this.closed || this.ending) return;
    this.sendUpdate(update);
  };

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this.awarenessOrigin) {
      for (const c of [...change.added, ...change.updated]) this.peerClients.add(c);
      for (const c of change.removed) this.peerClients.delete(c);
      return;
    }
    if (!this.remote || this.closed || this.ending) return;
    const clients = [...change.added, ...change.updated, ...change.removed];
    this.send(KIND_AWARENESS, encodeAwarenessUpdate(this.awareness, clients), false);
  };

  // ---- status and time ---------------------------------------------------------------------

  private refreshStatus(): void {
    const next: SessionStatus = this.closed
      ? 'closed'
      : !this.remote
        ? 'handshaking'
        : this.gotStep2 && this.acked >= this.lastDataId
          ? 'synced'
          : 'syncing';
    if (next === this.status) return;
    this.status = next;
    this.statusEmitter.fire(next);
  }

  private scheduleResync(): void {
    if (this.resyncMs <= 0 || this.closed || this.ending) return;
    this.timer?.dispose();
    this.timer = this.clock.setTimer(() => {
      this.timer = undefined;
      if (this.closed) return;
      // A link that never reported its drain must not stall the queue forever.
      this.pump();
      if (this.outbox.length === 0) this.sendStep1();
      this.scheduleResync();
    }, this.resyncMs);
  }

  private problem(kind: SyncProblemKind, detail: string): void {
    this.problemEmitter.fire({ kind, detail });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.timer?.dispose();
    this.timer = undefined;
    this.yDoc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    for (const s of this.subs.splice(0)) s.dispose();
    this.outbox = [];
    this.reassembler.reset();
    try {
      this.link.close();
    } catch {
      // already closed
    }
    // The peer's presence (cursor, name) goes with the session.
    const gone = [...this.peerClients].filter((c) => c !== this.awareness.clientID);
    this.peerClients.clear();
    if (gone.length) removeAwarenessStates(this.awareness, gone, this.awarenessOrigin);
    this.refreshStatus();
    this.statusEmitter.dispose();
    this.problemEmitter.dispose();
  }
}

export function createPeerSession(opts: PeerSessionOptions): PeerSession {
  return new Session(opts);
}
