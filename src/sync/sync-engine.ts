// The sync feature's engine: this device's identity, the pairing, the relays, the WebRTC links and
// the sessions over them, and the one state the UI shows (devices, connected, synced, problems).
// app/ creates it with the book and a device-local key-value store; nothing here touches the DOM
// except the platform APIs WebRTC and WebSocket need.

import { Awareness } from 'y-protocols/awareness';
import { Emitter, type Disposable, type Event } from '../base/event';
import { randomId } from '../base/id';
import { labelOrigin, yDocOf } from '../core/doc/book-doc';
import type { Book } from '../core/index';
import { createSyncHub, type SyncHub } from './hub';
import type { PeerLink } from './link';
import {
  decodeAnswer,
  decodeOffer,
  encodeAnswer,
  encodeOffer,
  isPairing,
  newPairing,
  newShortCode,
  parseShortCode,
  type DeviceInfo,
  type Pairing,
} from './pairing';
import { joinPairingByCode, offerPairingByCode } from './code-rendezvous';
import { joinRoom, type Dialer, type RoomConnector, type RoomProblem } from './room-connector';
import { createSignalingClient, type SignalingClient, type SignalingState } from './signaling-client';
import { dialAnswer, dialOffer, webrtcAvailable, type RtcOptions } from './webrtc-link';
import { cryptoAvailable, deflate, inflate } from './crypto';
import type { SyncCompression } from './session';

/** What the engine needs to remember on this device (a Dexie table in the app, a Map in tests). */
export interface SyncStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

export type KnownDevice = { readonly id: string; readonly name: string; readonly lastSeen: number };

export type SyncSettings = {
  /** Signaling relays (ws:// or wss://). The app's own endpoint by default. */
  readonly relays: readonly string[];
  /** STUN/TURN for shops that sync across networks; empty (LAN only) by default. */
  readonly iceServers: readonly RTCIceServer[];
};

export type SyncProblem = RoomProblem | 'bad-update' | 'other-book' | 'other-version' | 'no-crypto' | 'no-webrtc';

export type SyncState = {
  readonly local: DeviceInfo;
  readonly paired: boolean;
  readonly devices: readonly (KnownDevice & { readonly connected: boolean })[];
  /** Devices whose data is flowing now (a session past its hello), not merely dialled. */
  readonly connected: number;
  /** Connected and nothing waiting either way. */
  readonly synced: boolean;
  readonly relays: readonly { readonly url: string; readonly state: SignalingState }[];
  readonly problem: SyncProblem | undefined;
  readonly settings: SyncSettings;
  /** The person paused sync on this device: no relay, no links, until resumed. */
  readonly paused: boolean;
};

/** Another device's presence: who, in which colour, and which cell it has selected (never stored). */
export type PresencePeer = {
  readonly device: DeviceInfo;
  readonly color: string;
  readonly cursor: { readonly sheet: string; readonly row: string; readonly col: string } | undefined;
};

const PRESENCE_COLORS = ['#d4a72c', '#bf3989', '#1a7f37', '#8250df', '#e16f24', '#0969da', '#cf222e'];

export function presenceColor(deviceId: string): string {
  let h = 0;
  for (let i = 0; i < deviceId.length; i++) h = (h * 31 + deviceId.charCodeAt(i)) >>> 0;
  return PRESENCE_COLORS[h % PRESENCE_COLORS.length]!;
}

export interface SyncEngine extends Disposable {
  readonly state: SyncState;
  readonly onDidChange: Event<SyncState>;
  readonly awareness: Awareness;
  readonly whenReady: Promise<void>;
  setDeviceName(name: string): Promise<void>;
  setSettings(settings: SyncSettings): Promise<void>;
  /** Shows a short code on this device; resolves with the code, `onPaired` when a device took it. */
  showPairingCode(onPaired: (remote: DeviceInfo) => void): Promise<{ code: string; cancel(): void }>;
  /** Pairs with the device showing `typed`. Rejects with 'typo' | 'length' | 'timeout' | 'no-relay'. */
  joinWithCode(typed: string): Promise<DeviceInfo>;
  /** Serverless step 1 (device A): an offer code to show; give it the answer code to connect. */
  createOffer(): Promise<{ code: string; acceptAnswer(answerCode: string): Promise<DeviceInfo>; cancel(): void }>;
  /** Serverless step 2 (device B): the answer code to show back; `connected` settles when the link opens. */
  answerOffer(offerCode: string): Promise<{ code: string; connected: Promise<DeviceInfo>; cancel(): void }>;
  unpair(): Promise<void>;
  /**
   * A new secret for this pairing, handed to the devices connected now; others must pair again
   * (their old secret no longer opens anything). Resolves once this device switched.
   */
  rotateSecret(): Promise<void>;
  /** Shares this device's selected cell with the others (awareness, not the book). */
  setCursor(cursor: PresencePeer['cursor']): void;
  presence(): PresencePeer[];
  readonly onDidChangePresence: Event<PresencePeer[]>;
  setPaused(paused: boolean): Promise<void>;
  dismissProblem(): void;
}

const KEY_DEVICE = 'sync:device';
const KEY_PAIRING = 'sync:pairing';
const KEY_DEVICES = 'sync:devices';
const KEY_SETTINGS = 'sync:settings';
const KEY_PAUSED = 'sync:paused';

export type SyncEngineOptions = {
  readonly book: Book;
  readonly store: SyncStore;
  readonly defaultRelays: readonly string[];
  readonly defaultDeviceName: string;
  /** Injected in tests; WebRTC in the browser. */
  readonly dialer?: (rtc: RtcOptions) => Dialer;
  readonly relayFactory?: (url: string) => SignalingClient;
  readonly now?: () => number;
};

/** Big first syncs go compressed where the platform has CompressionStream (all current browsers). */
const streamCompression: SyncCompression | undefined =
  typeof CompressionStream === 'function' ? { above: 256 * 1024, deflate: (b) => deflate(b), inflate: (b, max) => inflate(b, max) } : undefined;

const rtcDialer = (rtc: RtcOptions): Dialer => ({ offer: () => dialOffer(rtc), answer: (sdp) => dialAnswer(rtc, sdp) });

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const now = opts.now ?? Date.now;
  const yDoc = yDocOf(opts.book);
  const awareness = new Awareness(yDoc);
  const changed = new Emitter<SyncState>();
  const presenceChanged = new Emitter<PresencePeer[]>();
  const presence = (): PresencePeer[] => {
    const out: PresencePeer[] = [];
    awareness.getStates().forEach((st, clientId) => {
      if (clientId === awareness.clientID) return;
      const s = st as { device?: unknown; cursor?: unknown };
      const d = s.device as DeviceInfo | undefined;
      if (!d || typeof d.id !== 'string' || typeof d.name !== 'string' || d.id === local.id) return;
      const c = s.cursor as { sheet?: unknown; row?: unknown; col?: unknown } | null | undefined;
      const cursor = c && typeof c.sheet === 'string' && typeof c.row === 'string' && typeof c.col === 'string' ? { sheet: c.sheet, row: c.row, col: c.col } : undefined;
      out.push({ device: { id: d.id, name: d.name.slice(0, 60) }, color: presenceColor(d.id), cursor });
    });
    return out;
  };
  awareness.on('change', () => {
    presenceChanged.fire(presence());
    void adoptRotation();
  });
  const makeRelay = opts.relayFactory ?? ((url: string) => createSignalingClient(url));
  const makeDialer = opts.dialer ?? rtcDialer;

  let local: DeviceInfo = { id: '', name: opts.defaultDeviceName };
  let pairing: Pairing | undefined;
  let settings: SyncSettings = { relays: [...opts.defaultRelays], iceServers: [] };
  const known = new Map<string, KnownDevice>();
  let hub: SyncHub | undefined;
  let relays: SignalingClient[] = [];
  let room: RoomConnector | undefined;
  let problem: SyncProblem | undefined;
  let paused = false;
  let disposed = false;
  const relaySubs: Disposable[] = [];
  const hubSubs: Disposable[] = [];

  const connectedIds = (): Set<string> => new Set(hub ? hub.connectedDevices().map((d) => d.id) : []);

  const snapshot = (): SyncState => {
    const live = connectedIds();
    return {
      local,
      paired: !!pairing,
      devices: [...known.values()].sort((a, b) => b.lastSeen - a.lastSeen).map((d) => ({ ...d, connected: live.has(d.id) })),
      connected: live.size,
      synced: live.size > 0 && !!hub?.allSynced(),
      relays: relays.map((r) => ({ url: r.url, state: r.state })),
      problem,
      settings,
      paused,
    };
  };
  let state = snapshot();
  let fireQueued = false;
  const fire = () => {
    if (fireQueued) return;
    fireQueued = true;
    queueMicrotask(() => {
      fireQueued = false;
      if (disposed) return;
      state = snapshot();
      changed.fire(state);
    });
  };

  let saveDevicesTimer: ReturnType<typeof setTimeout> | undefined;
  const saveDevices = () => {
    clearTimeout(saveDevicesTimer);
    saveDevicesTimer = setTimeout(() => void opts.store.set(KEY_DEVICES, [...known.values()]).catch(() => undefined), 500);
  };
  const remember = (d: DeviceInfo) => {
    if (d.id === local.id) return;
    known.set(d.id, { id: d.id, name: d.name, lastSeen: now() });
    saveDevices();
    fire();
  };

  const setProblem = (p: SyncProblem | undefined) => {
    problem = p;
    fire();
  };

  const ensureHub = (p: Pairing): SyncHub => {
    if (hub) return hub;
    const h = createSyncHub({ yDoc, awareness, local, bookId: p.roomId, ...(streamCompression ? { compress: streamCompression } : {}) });
    // Updates applied from peers show in the book's change feed as remote (never undoable here).
    labelOrigin(opts.book, h.origin, 'remote');
    hubSubs.push(
      h.onDidChange(() => {
        for (const d of h.connectedDevices()) remember(d);
        fire();
      }),
    );
    hub = h;
    return h;
  };

  const attach = (link: PeerLink, remote: DeviceInfo) => {
    if (!pairing) return link.close();
    const session = ensureHub(pairing).attach(link);
    remember(remote);
    session.onDidProblem((p) => setProblem(p.kind === 'other-book' ? 'other-book' : p.kind === 'version' ? 'other-version' : 'bad-update'));
  };

  const closeLinks = () => {
    hub?.dispose();
    hub = undefined;
    hubSubs.splice(0).forEach((s) => s.dispose());
  };

  const startRelays = () => {
    stopRelays();
    if (paused) return fire();
    relays = settings.relays.filter((u) => /^wss?:\/\//.test(u)).map((u) => makeRelay(u));
    for (const r of relays) relaySubs.push(r.onDidChangeState(() => fire()));
    if (pairing) joinPairingRoom(pairing);
    fire();
  };
  const stopRelays = () => {
    room?.dispose();
    room = undefined;
    relaySubs.splice(0).forEach((s) => s.dispose());
    relays.forEach((r) => r.dispose());
    relays = [];
  };
  const joinPairingRoom = (p: Pairing) => {
    room?.dispose();
    room = undefined;
    if (!relays.length || !webrtcAvailable() && !opts.dialer) return;
    room = joinRoom({
      pairing: p,
      local,
      relays,
      dial: makeDialer({ iceServers: settings.iceServers }),
      onLink: (link, remote) => attach(link, remote),
      onProblem: (pr) => setProblem(pr),
    });
  };

  const adopt = async (p: Pairing) => {
    const changedRoom = pairing?.roomId !== p.roomId || pairing?.secret !== p.secret;
    pairing = p;
    await opts.store.set(KEY_PAIRING, p);
    if (changedRoom) {
      closeLinks();
      joinPairingRoom(p);
    }
    fire();
  };

  // A new secret handed over by a connected, paired device (see rotateSecret). It travels only in
  // awareness, over the encrypted data channel to devices that already hold the pairing.
  let rotating = false;
  const adoptRotation = async () => {
    if (!pairing || rotating) return;
    for (const [clientId, st] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const r = (st as { rekey?: Partial<Pairing> }).rekey;
      if (!r || r.roomId !== pairing.roomId || typeof r.secret !== 'string' || r.secret === pairing.secret) continue;
      if (typeof r.createdAt !== 'number' || r.createdAt <= pairing.createdAt || !isPairing(r)) continue;
      rotating = true;
      try {
        await adopt(r);
      } finally {
        rotating = false;
      }
      return;
    }
  };

  const onOnline = () => {
    relays.forEach((r) => r.reconnectNow());
    room?.announce();
  };
  const onVisible = () => {
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') onOnline();
  };
  if (typeof addEventListener === 'function') addEventListener('online', onOnline);
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);

  const whenReady = (async () => {
    const [savedDevice, savedPairing, savedDevices, savedSettings, savedPaused] = await Promise.all([
      opts.store.get<DeviceInfo>(KEY_DEVICE).catch(() => undefined),
      opts.store.get<Pairing>(KEY_PAIRING).catch(() => undefined),
      opts.store.get<KnownDevice[]>(KEY_DEVICES).catch(() => undefined),
      opts.store.get<SyncSettings>(KEY_SETTINGS).catch(() => undefined),
      opts.store.get<boolean>(KEY_PAUSED).catch(() => undefined),
    ]);
    paused = savedPaused === true;
    local = savedDevice && typeof savedDevice.id === 'string' ? savedDevice : { id: `d-${randomId(10)}`, name: opts.defaultDeviceName };
    if (!savedDevice) await opts.store.set(KEY_DEVICE, local).catch(() => undefined);
    if (Array.isArray(savedDevices)) for (const d of savedDevices) if (d && typeof d.id === 'string') known.set(d.id, d);
    if (savedSettings && Array.isArray(savedSettings.relays)) settings = savedSettings;
    if (isPairing(savedPairing)) pairing = savedPairing;
    awareness.setLocalStateField('device', local);
    if (!cryptoAvailable()) problem = 'no-crypto';
    else if (!webrtcAvailable() && !opts.dialer) problem = 'no-webrtc';
    startRelays();
  })();

  const requireRelay = () => {
    if (!relays.some((r) => r.state === 'open')) throw new Error('no-relay');
  };

  return {
    get state() {
      return state;
    },
    onDidChange: changed.event,
    awareness,
    whenReady,
    async setDeviceName(name) {
      const clean = name.trim().slice(0, 60);
      if (!clean) return;
      local = { ...local, name: clean };
      awareness.setLocalStateField('device', local);
      await opts.store.set(KEY_DEVICE, local);
      if (pairing) joinPairingRoom(pairing);
      fire();
    },
    async setSettings(next) {
      settings = { relays: [...next.relays], iceServers: [...next.iceServers] };
      await opts.store.set(KEY_SETTINGS, settings);
      startRelays();
    },
    async showPairingCode(onPaired) {
      await whenReady;
      requireRelay();
      const p = pairing ?? newPairing(now());
      const shown = parseShortCode(newShortCode());
      if (!shown.ok) throw new Error('code');
      const door = await offerPairingByCode({
        relays,
        code: shown.code,
        pairing: p,
        local,
        onPaired: (remote) => {
          void adopt(p).then(() => {
            remember(remote);
            onPaired(remote);
          });
        },
      });
      const expiry = setTimeout(() => door.dispose(), 10 * 60_000);
      return {
        code: `${shown.code.slice(0, 5)}-${shown.code.slice(5)}`,
        cancel: () => {
          clearTimeout(expiry);
          door.dispose();
        },
      };
    },
    async joinWithCode(typed) {
      await whenReady;
      const parsed = parseShortCode(typed);
      if (!parsed.ok) throw new Error(parsed.reason);
      requireRelay();
      const { pairing: p, remote } = await joinPairingByCode({ relays, code: parsed.code, local });
      await adopt(p);
      remember(remote);
      return remote;
    },
    async createOffer() {
      await whenReady;
      const p = pairing ?? newPairing(now());
      const dial = await makeDialer({ iceServers: settings.iceServers }).offer();
      const code = await encodeOffer({ pairing: p, device: local, sdp: dial.sdp });
      return {
        code,
        async acceptAnswer(answerCode) {
          const answer = await decodeAnswer(p, answerCode);
          const link = await dial.complete(answer.sdp);
          await adopt(p);
          attach(link, answer.device);
          return answer.device;
        },
        cancel: () => dial.close(),
      };
    },
    async answerOffer(offerCode) {
      await whenReady;
      const offer = await decodeOffer(offerCode);
      const dial = await makeDialer({ iceServers: settings.iceServers }).answer(offer.sdp);
      const code = await encodeAnswer(offer.pairing, { device: local, sdp: dial.sdp });
      const connected = dial.link.then(async (link) => {
        await adopt(offer.pairing);
        attach(link, offer.device);
        return offer.device;
      });
      connected.catch(() => undefined);
      return { code, connected, cancel: () => dial.close() };
    },
    async unpair() {
      room?.dispose();
      room = undefined;
      closeLinks();
      pairing = undefined;
      known.clear();
      problem = undefined;
      await opts.store.set(KEY_PAIRING, null);
      await opts.store.set(KEY_DEVICES, []);
      fire();
    },
    async setPaused(next) {
      await whenReady;
      paused = next;
      await opts.store.set(KEY_PAUSED, next);
      if (next) {
        stopRelays();
        closeLinks();
      } else startRelays();
      fire();
    },
    dismissProblem() {
      setProblem(undefined);
    },
    async rotateSecret() {
      await whenReady;
      if (!pairing) return;
      const next: Pairing = { roomId: pairing.roomId, secret: newPairing(now()).secret, createdAt: Math.max(now(), pairing.createdAt + 1) };
      awareness.setLocalStateField('rekey', next);
      // Give the connected devices a moment to receive it before the links under it close.
      await new Promise((r) => setTimeout(r, 1500));
      awareness.setLocalStateField('rekey', null);
      await adopt(next);
    },
    setCursor(cursor) {
      awareness.setLocalStateField('cursor', cursor ?? null);
    },
    presence,
    onDidChangePresence: presenceChanged.event,
    dispose() {
      disposed = true;
      if (typeof removeEventListener === 'function') removeEventListener('online', onOnline);
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
      stopRelays();
      closeLinks();
      awareness.destroy();
      changed.dispose();
      presenceChanged.dispose();
    },
  };
}
