import { describe, expect, it } from 'vitest';
import { hashPin, isPinRecord, isValidPin, makeRateLimiter, PIN_ITERATIONS, verifyPin, type LimiterState } from '../../src/features/trust/pin';

describe('PIN hashing', () => {
  it('accepts 4 to 8 digits only', () => {
    expect(['1234', '12345678', '0000'].every(isValidPin)).toBe(true);
    expect(['123', '123456789', '12a4', ' 1234', '١٢٣٤', ''].some(isValidPin)).toBe(false);
  });

  it('stores a salted PBKDF2 hash with at least 200k iterations, never the PIN', async () => {
    const r = await hashPin('4821');
    expect(r.iterations).toBe(PIN_ITERATIONS);
    expect(r.iterations).toBeGreaterThanOrEqual(200_000);
    expect(JSON.stringify(r)).not.toContain('4821');
    expect(atob(r.salt)).toHaveLength(16);
    expect(atob(r.hash)).toHaveLength(32);
    expect(isPinRecord(r)).toBe(true);
    expect(await verifyPin('4821', r)).toBe(true);
    expect(await verifyPin('4822', r)).toBe(false);
  });

  it('gives a different hash for the same PIN with another salt', async () => {
    const a = await hashPin('123456', { iterations: 1000 });
    const b = await hashPin('123456', { iterations: 1000 });
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPin('123456', b)).toBe(true);
  });

  it('matches a known PBKDF2-SHA256 value (same salt and iterations → same hash)', async () => {
    const salt = new Uint8Array(16).fill(7);
    const a = await hashPin('2468', { iterations: 1000, salt });
    const b = await hashPin('2468', { iterations: 1000, salt });
    expect(a.hash).toBe(b.hash);
    expect(await verifyPin('2468', { ...a, iterations: 999 })).toBe(false);
  });

  it('refuses to hash an invalid PIN and rejects malformed records', async () => {
    await expect(hashPin('12')).rejects.toThrow();
    expect(isPinRecord({ v: 1, iterations: 0, salt: 'x', hash: 'y' })).toBe(false);
    expect(isPinRecord(null)).toBe(false);
    const r = await hashPin('9999', { iterations: 1000 });
    expect(await verifyPin('99999', r)).toBe(false);
    expect(await verifyPin('', r)).toBe(false);
  });
});

describe('PIN rate limiter', () => {
  const setup = (initial?: LimiterState) => {
    let now = 1_000_000;
    const saved: LimiterState[] = [];
    const limiter = makeRateLimiter({ now: () => now, initial, save: (s) => saved.push(s) });
    return { limiter, saved, advance: (ms: number) => (now += ms) };
  };

  it('allows 4 free wrong tries, then waits 30 s after the 5th, doubling after that', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 4; i++) {
      expect(limiter.fail()).toBe(0);
      expect(limiter.waitMs()).toBe(0);
    }
    expect(limiter.fail()).toBe(30_000);
    expect(limiter.waitMs()).toBe(30_000);
    advance(10_000);
    expect(limiter.waitMs()).toBe(20_000);
    advance(20_000);
    expect(limiter.waitMs()).toBe(0);
    expect(limiter.fail()).toBe(60_000);
    advance(60_000);
    expect(limiter.fail()).toBe(120_000);
  });

  it('starts again after the right PIN', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 5; i++) limiter.fail();
    advance(30_000);
    limiter.succeed();
    expect(limiter.state()).toEqual({ failures: 0, lockedUntil: 0 });
    expect(limiter.fail()).toBe(0);
  });

  it('keeps its count across a reload (saved state handed back)', () => {
    const first = setup();
    for (let i = 0; i < 5; i++) first.limiter.fail();
    const last = first.saved.at(-1)!;
    expect(last.failures).toBe(5);
    const again = makeRateLimiter({ now: () => 1_000_000 + 5_000, initial: last });
    expect(again.waitMs()).toBe(25_000);
    expect(again.fail()).toBe(60_000);
  });

  it('caps the wait, also when the clock is set back', () => {
    let now = 0;
    const limiter = makeRateLimiter({ now: () => now, maxWaitMs: 120_000 });
    for (let i = 0; i < 12; i++) limiter.fail();
    expect(limiter.waitMs()).toBe(120_000);
    now = -10 * 86_400_000;
    expect(limiter.waitMs()).toBe(120_000);
  });
});
