// The owner's PIN for staff mode and the app lock: only a salted PBKDF2-SHA256 hash is kept, and
// wrong guesses are slowed by a rate limiter (5 free tries, then 30 s, doubling). A 4–8 digit PIN
// has at most 10^8 values, so the hash stops a casual reader of the stored record, not someone
// with the device's storage and time: the UI says so.

export const PIN_ITERATIONS = 210_000;
const SALT_BYTES = 16;

export type PinRecord = {
  readonly v: 1;
  readonly iterations: number;
  /** base64 */
  readonly salt: string;
  /** base64 of 32 bytes of PBKDF2-SHA256 */
  readonly hash: string;
};

/** 4 to 8 ASCII digits. */
export const isValidPin = (pin: string): boolean => /^\d{4,8}$/.test(pin);

const toBase64 = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
};
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, opts: { iterations?: number; salt?: Uint8Array } = {}): Promise<PinRecord> {
  if (!isValidPin(pin)) throw new Error('a PIN is 4 to 8 digits');
  const iterations = opts.iterations ?? PIN_ITERATIONS;
  const salt = opts.salt ?? crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { v: 1, iterations, salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)) };
}

export function isPinRecord(v: unknown): v is PinRecord {
  const r = v as Partial<PinRecord> | undefined;
  return !!r && r.v === 1 && typeof r.iterations === 'number' && r.iterations > 0 && typeof r.salt === 'string' && typeof r.hash === 'string';
}

export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  const got = await derive(pin, fromBase64(record.salt), record.iterations);
  const want = fromBase64(record.hash);
  // Compares every byte, so the time taken says nothing about how much of the hash matched.
  let diff = got.length ^ want.length;
  for (let i = 0; i < Math.min(got.length, want.length); i++) diff |= got[i]! ^ want[i]!;
  return diff === 0;
}

// --- rate limiter ----------------------------------------------------------------------------

export type LimiterState = { readonly failures: number; readonly lockedUntil: number };
export const NO_FAILURES: LimiterState = { failures: 0, lockedUntil: 0 };

export type RateLimiter = {
  /** Milliseconds to wait before the next try may be made (0: try now). */
  waitMs(): number;
  /** Records a wrong PIN; returns the wait it causes (0 while tries are still free). */
  fail(): number;
  /** Records the right PIN: the count starts again. */
  succeed(): void;
  state(): LimiterState;
};

export type LimiterOptions = {
  readonly now?: () => number;
  readonly freeTries?: number;
  readonly baseWaitMs?: number;
  readonly maxWaitMs?: number;
  readonly initial?: LimiterState;
  /** Called after every change, to keep the state across reloads (a reload must not reset the count). */
  readonly save?: (s: LimiterState) => void;
};

export function isLimiterState(v: unknown): v is LimiterState {
  const s = v as Partial<LimiterState> | undefined;
  return !!s && Number.isFinite(s.failures) && Number.isFinite(s.lockedUntil);
}

/** After `freeTries` wrong PINs the next try waits `baseWaitMs`; each later wrong PIN doubles the wait. */
export function makeRateLimiter(opts: LimiterOptions = {}): RateLimiter {
  const now = opts.now ?? Date.now;
  const free = opts.freeTries ?? 5;
  const base = opts.baseWaitMs ?? 30_000;
  const max = opts.maxWaitMs ?? 60 * 60_000;
  let s: LimiterState = opts.initial && isLimiterState(opts.initial) ? opts.initial : NO_FAILURES;
  // A clock set back must not turn a 30 s wait into hours: never wait longer than the longest step.
  const waitMs = () => Math.min(max, Math.max(0, s.lockedUntil - now()));
  const set = (next: LimiterState) => {
    s = next;
    opts.save?.(s);
  };
  return {
    waitMs,
    fail() {
      const failures = s.failures + 1;
      // The `free`-th wrong PIN starts the first wait; each one after it doubles the wait.
      const over = failures - free;
      const wait = over >= 0 ? Math.min(max, base * 2 ** over) : 0;
      set({ failures, lockedUntil: wait ? now() + wait : 0 });
      return wait;
    },
    succeed: () => set(NO_FAILURES),
    state: () => s,
  };
}
