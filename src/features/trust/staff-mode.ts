// Staff mode and the app lock, as state: the owner's PIN (a salted hash in this device's store),
// whether staff mode is on, whether the app is locked, the idle minutes before it locks, and one
// rate limiter for every PIN entry. The UI (app-lock.tsx) only shows this and calls it.
//
// Where things live, and why:
// - The PIN hash is in the device store, not in the book: the book syncs and goes into backups,
//   and a PIN for the counter tablet is a fact about that device. Each device gets its own PIN.
// - "Staff mode is on", "locked", the last activity and the limiter's count are mirrored in
//   localStorage, read synchronously at start: a reload must neither flash a phone number nor
//   reset the wrong-PIN count.

import { createSignal, type Accessor } from 'solid-js';
import type { ContextKeys } from '../../platform/context-keys';
import type { DeviceStore } from '../../storage/types';
import { setServedRow, setStaffMasking } from '../../ui/grid/privacy';
import { hashPin, isLimiterState, isPinRecord, makeRateLimiter, verifyPin, type LimiterState, type PinRecord, type RateLimiter } from './pin';

export const PIN_KEY = 'trust:pin';
export const LOCK_MINUTES_KEY = 'trust:lockMinutes';
const LOCAL = {
  staff: 'clientela.staffMode',
  locked: 'clientela.locked',
  lastActive: 'clientela.lastActive',
  limiter: 'clientela.pinLimiter',
  staffEdits: 'clientela.staffEdits',
  /** E2E only: idle milliseconds before the lock, overriding the minutes setting. */
  testIdleMs: 'clientela.lockIdleMsForTests',
} as const;
export const LOCK_CHOICES = [0, 1, 2, 5, 10, 15, 30, 60] as const;

export type PinResult = { readonly ok: true } | { readonly ok: false; readonly waitMs: number };

export type TrustController = {
  readonly hasPin: Accessor<boolean>;
  readonly staff: Accessor<boolean>;
  readonly locked: Accessor<boolean>;
  /** 0 = the app lock is off. */
  readonly lockMinutes: Accessor<number>;
  /** Changes recorded while staff mode was on, since the owner last came back. */
  readonly staffEdits: Accessor<number>;
  readonly limiter: RateLimiter;
  load(): Promise<void>;
  setPin(pin: string): Promise<void>;
  /** Forgets the PIN (the owner has just entered it): staff mode and the app lock end with it. */
  removePin(): Promise<void>;
  /** Checks a PIN against the stored hash, through the rate limiter. */
  checkPin(pin: string): Promise<PinResult>;
  setStaff(on: boolean): void;
  lock(): void;
  unlock(): void;
  setLockMinutes(minutes: number): Promise<void>;
  /** A tap or key press: the idle clock starts again. */
  touch(): void;
  /** Locks when idle for longer than the setting; called by a timer. */
  checkIdle(): void;
  countStaffEdit(): void;
  resetStaffEdits(): void;
};

type LocalStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const safeLocal = (): LocalStore | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

export function makeTrustController(deps: {
  readonly deviceStore: DeviceStore;
  readonly contextKeys: Pick<ContextKeys, 'set'>;
  readonly local?: LocalStore;
  readonly now?: () => number;
  readonly iterations?: number;
}): TrustController {
  const local = deps.local ?? safeLocal();
  const now = deps.now ?? Date.now;
  const read = (k: string) => {
    try {
      return local?.getItem(k) ?? null;
    } catch {
      return null;
    }
  };
  const write = (k: string, v: string | undefined) => {
    try {
      if (v === undefined) local?.removeItem(k);
      else local?.setItem(k, v);
    } catch {
      // A full or blocked localStorage: the state still holds for this session.
    }
  };
  const parseLimiter = (): LimiterState | undefined => {
    try {
      const v: unknown = JSON.parse(read(LOCAL.limiter) ?? 'null');
      return isLimiterState(v) ? v : undefined;
    } catch {
      return undefined;
    }
  };

  let record: PinRecord | undefined;
  const [hasPin, setHasPin] = createSignal(false);
  const [staff, setStaffSignal] = createSignal(read(LOCAL.staff) === '1');
  const [locked, setLocked] = createSignal(read(LOCAL.locked) === '1');
  const [lockMinutes, setLockMinutesSignal] = createSignal(0);
  const [staffEdits, setStaffEdits] = createSignal(Number(read(LOCAL.staffEdits)) || 0);
  let lastActive = Number(read(LOCAL.lastActive)) || now();
  let lastActiveSaved = 0;

  const applyStaff = (on: boolean) => {
    setStaffSignal(on);
    setStaffMasking(on);
    if (!on) setServedRow(undefined);
    deps.contextKeys.set('staffMode', on);
  };
  applyStaff(staff());
  deps.contextKeys.set('appLocked', locked());

  const limiter = makeRateLimiter({ now, initial: parseLimiter(), save: (s) => write(LOCAL.limiter, JSON.stringify(s)) });
  const idleMs = () => {
    if (lockMinutes() <= 0) return 0;
    const test = Number(read(LOCAL.testIdleMs));
    return test > 0 ? test : lockMinutes() * 60_000;
  };

  const ctl: TrustController = {
    hasPin,
    staff,
    locked,
    lockMinutes,
    staffEdits,
    limiter,
    async load() {
      const [pin, minutes] = await Promise.all([
        deps.deviceStore.get<unknown>(PIN_KEY).catch(() => undefined),
        deps.deviceStore.get<unknown>(LOCK_MINUTES_KEY).catch(() => undefined),
      ]);
      record = isPinRecord(pin) ? pin : undefined;
      setHasPin(!!record);
      deps.contextKeys.set('pinSet', !!record);
      setLockMinutesSignal(typeof minutes === 'number' && minutes > 0 ? minutes : 0);
      // Without a PIN there is no way back from staff mode or the lock: both end.
      if (!record) {
        if (staff()) ctl.setStaff(false);
        if (locked()) ctl.unlock();
      } else if (idleMs() > 0 && now() - lastActive > idleMs()) ctl.lock();
    },
    async setPin(pin) {
      const next = await hashPin(pin, deps.iterations ? { iterations: deps.iterations } : {});
      await deps.deviceStore.set(PIN_KEY, next);
      record = next;
      setHasPin(true);
      deps.contextKeys.set('pinSet', true);
    },
    async removePin() {
      // The device store has no delete: an empty value reads back as "no PIN" (see load).
      await deps.deviceStore.set(PIN_KEY, null);
      record = undefined;
      setHasPin(false);
      deps.contextKeys.set('pinSet', false);
      if (staff()) ctl.setStaff(false);
      if (locked()) ctl.unlock();
      await ctl.setLockMinutes(0);
    },
    async checkPin(pin) {
      const wait = limiter.waitMs();
      if (wait > 0) return { ok: false, waitMs: wait };
      if (record && (await verifyPin(pin, record))) {
        limiter.succeed();
        return { ok: true };
      }
      return { ok: false, waitMs: limiter.fail() };
    },
    setStaff(on) {
      if (on && !record) return;
      applyStaff(on);
      write(LOCAL.staff, on ? '1' : undefined);
    },
    lock() {
      if (!record) return;
      setLocked(true);
      deps.contextKeys.set('appLocked', true);
      write(LOCAL.locked, '1');
    },
    unlock() {
      setLocked(false);
      deps.contextKeys.set('appLocked', false);
      write(LOCAL.locked, undefined);
      ctl.touch();
    },
    async setLockMinutes(minutes) {
      const m = Math.max(0, minutes);
      setLockMinutesSignal(m);
      ctl.touch();
      await deps.deviceStore.set(LOCK_MINUTES_KEY, m).catch(() => undefined);
    },
    touch() {
      lastActive = now();
      // Written at most every 10 s: it only needs to tell a reload after a long pause.
      if (lastActive - lastActiveSaved > 10_000) {
        lastActiveSaved = lastActive;
        write(LOCAL.lastActive, String(lastActive));
      }
    },
    checkIdle() {
      if (!record || locked() || idleMs() <= 0) return;
      if (now() - lastActive >= idleMs()) ctl.lock();
    },
    countStaffEdit() {
      const n = staffEdits() + 1;
      setStaffEdits(n);
      write(LOCAL.staffEdits, String(n));
    },
    resetStaffEdits() {
      setStaffEdits(0);
      write(LOCAL.staffEdits, undefined);
    },
  };
  return ctl;
}
