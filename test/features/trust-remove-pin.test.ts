// Removing the PIN: only after the PIN was entered (the dialog checks it through the rate limiter);
// the controller then forgets it on this device, and staff mode and the app lock end with it,
// because without a PIN there would be no way back from either.

import { describe, expect, it } from 'vitest';
import { createContextKeys } from '../../src/platform/context-keys';
import { memoryDeviceStore } from '../../src/storage/device-store';
import { LOCK_MINUTES_KEY, PIN_KEY, makeTrustController } from '../../src/features/trust/staff-mode';

function memoryLocal() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

describe('remove the PIN', () => {
  it('forgets the PIN, ends staff mode, the lock and the idle setting, and stays removed after a reload', async () => {
    const deviceStore = memoryDeviceStore();
    const local = memoryLocal();
    const keys = createContextKeys();
    const ctl = makeTrustController({ deviceStore, contextKeys: keys, local, iterations: 1000 });
    await ctl.setPin('2580');
    await ctl.setLockMinutes(5);
    ctl.setStaff(true);
    ctl.lock();
    expect(ctl.staff()).toBe(true);
    expect(ctl.locked()).toBe(true);
    expect((await ctl.checkPin('2580')).ok).toBe(true);

    await ctl.removePin();
    expect(ctl.hasPin()).toBe(false);
    expect(keys.get('pinSet')).toBe(false);
    expect(ctl.staff()).toBe(false);
    expect(keys.get('staffMode')).toBe(false);
    expect(ctl.locked()).toBe(false);
    expect(ctl.lockMinutes()).toBe(0);
    expect(await deviceStore.get(LOCK_MINUTES_KEY)).toBe(0);
    // The old PIN opens nothing any more, and nothing can lock the app.
    expect((await ctl.checkPin('2580')).ok).toBe(false);
    ctl.lock();
    expect(ctl.locked()).toBe(false);

    const again = makeTrustController({ deviceStore, contextKeys: createContextKeys(), local, iterations: 1000 });
    await again.load();
    expect(await deviceStore.get(PIN_KEY)).toBeNull();
    expect(again.hasPin()).toBe(false);
    again.setStaff(true);
    expect(again.staff()).toBe(false);
  });

  it('a new PIN can be set after removing one', async () => {
    const deviceStore = memoryDeviceStore();
    const ctl = makeTrustController({ deviceStore, contextKeys: createContextKeys(), local: memoryLocal(), iterations: 1000 });
    await ctl.setPin('1111');
    await ctl.removePin();
    await ctl.setPin('9999');
    expect(ctl.hasPin()).toBe(true);
    expect((await ctl.checkPin('1111')).ok).toBe(false);
    expect((await ctl.checkPin('9999')).ok).toBe(true);
  });
});
