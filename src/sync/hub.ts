// The sessions of one book on this device: one per connected peer, all over the same Y.Doc and
// awareness. What one peer sends is applied once and forwarded to the others (never back), so
// devices that only see each other through a third (serverless pairing: A–B and B–C) still
// converge. The hub reports which devices are connected, whether everything is synced, and when
// each device was last heard from (the caller persists that).

import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { Emitter, type Disposable, type Event } from '../base/event';
import type { PeerLink } from './link';
import { createPeerSession, type SyncCompression, type DeviceInfo, type PeerSession, type SessionStatus, type SyncClock, systemClock } from './session';

export type SyncHubChange = {
  /** added: a link attached; connected: its hello arrived; status: its status changed; removed: it closed. */
  readonly kind: 'added' | 'connected' | 'status' | 'removed';
  readonly session: PeerSession;
};

export interface SyncHub extends Disposable {
  /**
   * The origin of every update applied from a peer. Label it for the book
   * (`labelOrigin(book, hub.origin, 'remote')`) so remote edits never enter the local undo stack.
   */
  readonly origin: object;
  /** Open sessions, handshaking ones included. */
  readonly sessions: readonly PeerSession[];
  readonly onDidChange: Event<SyncHubChange>;
  attach(link: PeerLink): PeerSession;
  /** Devices with an open session past its hello (each device once). */
  connectedDevices(): DeviceInfo[];
  /** Every connected session is synced (true when none is connected: check connectedDevices). */
  allSynced(): boolean;
  /** Device id → clock time it was last heard from, over this hub's lifetime. */
  lastSeen(): ReadonlyMap<string, number>;
}

export type SyncHubOptions = {
  readonly yDoc: Y.Doc;
  readonly awareness: Awareness;
  readonly local: DeviceInfo;
  readonly bookId: string;
  readonly clock?: SyncClock;
  readonly resyncMs?: number;
  readonly handshakeTimeoutMs?: number;
  readonly compress?: SyncCompression;
};

export function createSyncHub(opts: SyncHubOptions): SyncHub {
  const origin = {};
  const clock = opts.clock ?? systemClock;
  const changed = new Emitter<SyncHubChange>();
  let sessions: PeerSession[] = [];
  const seen = new Map<string, number>();
  let disposed = false;

  const note = (s: PeerSession) => {
    if (s.remote && s.lastSeen !== undefined) seen.set(s.remote.id, Math.max(seen.get(s.remote.id) ?? 0, s.lastSeen));
  };

  return {
    origin,
    get sessions() {
      return sessions;
    },
    onDidChange: changed.event,
    attach(link) {
      if (disposed) {
        link.close();
        throw new Error('sync hub disposed');
      }
      const session = createPeerSession({
        yDoc: opts.yDoc,
        awareness: opts.awareness,
        link,
        local: opts.local,
        bookId: opts.bookId,
        origin,
        clock,
        ...(opts.resyncMs !== undefined ? { resyncMs: opts.resyncMs } : {}),
        ...(opts.handshakeTimeoutMs !== undefined ? { handshakeTimeoutMs: opts.handshakeTimeoutMs } : {}),
        ...(opts.compress ? { compress: opts.compress } : {}),
      });
      if (session.status === 'closed') return session;
      sessions = [...sessions, session];
      let last: SessionStatus = session.status;
      session.onDidChangeStatus((status) => {
        const wasHandshaking = last === 'handshaking';
        last = status;
        note(session);
        if (status === 'closed') {
          sessions = sessions.filter((s) => s !== session);
          changed.fire({ kind: 'removed', session });
          return;
        }
        if (wasHandshaking) changed.fire({ kind: 'connected', session });
        changed.fire({ kind: 'status', session });
      });
      changed.fire({ kind: 'added', session });
      return session;
    },
    connectedDevices() {
      const out = new Map<string, DeviceInfo>();
      for (const s of sessions) if (s.remote && s.status !== 'handshaking' && s.status !== 'closed') out.set(s.remote.id, s.remote);
      return [...out.values()];
    },
    allSynced() {
      return sessions.every((s) => s.status === 'synced' || s.status === 'handshaking');
    },
    lastSeen() {
      for (const s of sessions) note(s);
      return new Map(seen);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const s of [...sessions]) s.close();
      sessions = [];
      changed.dispose();
    },
  };
}
