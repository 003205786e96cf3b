import { describe, expect, it } from 'vitest';
import { createContextKeys } from '../../src/platform/context-keys';
import { memoryDeviceStore } from '../../src/storage/device-store';
import { PIN_KEY, makeTrustController } from '../../src/features/trust/staff-mode';
import { asRowId } from '../../src/core/index';
import { isMasked, isPrivateColumn, maskAddress, maskPhone, maskedText, servedRow, setServedRow, staffMasking } from '../../src/ui/grid/privacy';

const phone = { id: 'phone', type: 'phone' } as const;
const address = { id: 'address', type: 'text' } as const;
const notes = { id: 'notes', type: 'text' } as const;

function memoryLocal() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), map: m };
}

describe('masks', () => {
  it('shows only the last 4 digits of a phone', () => {
    expect(maskPhone('+34 612 345 678')).toBe('•••• 5678');
    expect(maskPhone('138-0013-8000')).toBe('•••• 8000');
    expect(maskPhone('12345')).toBe('••••');
    expect(maskPhone('call me')).toBe('••••');
    expect(maskPhone('')).toBe('');
  });

  it('hides an address whole, and leaves empty cells empty', () => {
    expect(maskAddress('Calle Mayor 5, Madrid')).toBe('••••');
    expect(maskAddress('  ')).toBe('');
  });

  it('treats phone columns and the customers’ address as private', () => {
    expect(isPrivateColumn('customers', phone)).toBe(true);
    expect(isPrivateColumn('customers', address)).toBe(true);
    expect(isPrivateColumn('purchases', address)).toBe(false);
    expect(isPrivateColumn('customers', notes)).toBe(false);
  });

  it('masks only in staff mode, and never the served customer', () => {
    const a = asRowId('a');
    const b = asRowId('b');
    const ctl = makeTrustController({ deviceStore: memoryDeviceStore(), contextKeys: createContextKeys(), local: memoryLocal() });
    expect(isMasked('customers', a, phone)).toBe(false);
    // Without a PIN staff mode cannot start (there would be no way back).
    ctl.setStaff(true);
    expect(staffMasking()).toBe(false);
    return ctl.setPin('2580').then(() => {
      ctl.setStaff(true);
      expect(isMasked('customers', a, phone)).toBe(true);
      expect(isMasked('customers', a, notes)).toBe(false);
      expect(maskedText('customers', a, phone, '612 345 678')).toBe('•••• 5678');
      setServedRow(a);
      expect(isMasked('customers', a, phone)).toBe(false);
      expect(isMasked('customers', b, address)).toBe(true);
      expect(maskedText('customers', a, address, 'Calle 1')).toBeUndefined();
      ctl.setStaff(false);
      expect(servedRow()).toBeUndefined();
      expect(isMasked('customers', b, address)).toBe(false);
    });
  });
});

describe('trust controller', () => {
  const make = (local = memoryLocal(), deviceStore = memoryDeviceStore(), now = () => 0) => {
    const keys = createContextKeys();
    const ctl = makeTrustController({ deviceStore, contextKeys: keys, local, now, iterations: 1000 });
    return { ctl, keys, local, deviceStore };
  };

  it('stores the PIN hash in the device store, and staff mode survives a reload', async () => {
    const { ctl, keys, local, deviceStore } = make();
    await ctl.setPin('4321');
    const stored = await deviceStore.get<{ hash: string }>(PIN_KEY);
    expect(stored?.hash).toBeTruthy();
    expect(JSON.stringify(stored)).not.toContain('4321');
    ctl.setStaff(true);
    expect(keys.evaluate('!staffMode')).toBe(false);
    const again = make(local, deviceStore);
    expect(again.ctl.staff()).toBe(true);
    expect(again.keys.get('staffMode')).toBe(true);
    await again.ctl.load();
    expect(again.ctl.hasPin()).toBe(true);
    expect(again.ctl.staff()).toBe(true);
    again.ctl.setStaff(false);
  });

  it('checks the PIN through the rate limiter', async () => {
    const { ctl } = make();
    await ctl.setPin('1111');
    for (let i = 0; i < 4; i++) expect(await ctl.checkPin('2222')).toEqual({ ok: false, waitMs: 0 });
    expect(await ctl.checkPin('2222')).toEqual({ ok: false, waitMs: 30_000 });
    // Even the right PIN waits while the limiter says so.
    expect(await ctl.checkPin('1111')).toEqual({ ok: false, waitMs: 30_000 });
  });

  it('locks after the idle time only when a PIN and a time are set', async () => {
    let now = 0;
    const { ctl, keys } = make(memoryLocal(), memoryDeviceStore(), () => now);
    now = 10 * 60_000;
    ctl.checkIdle();
    expect(ctl.locked()).toBe(false);
    await ctl.setPin('1357');
    ctl.checkIdle();
    expect(ctl.locked()).toBe(false); // off by default
    await ctl.setLockMinutes(2);
    now += 60_000;
    ctl.touch();
    now += 119_000;
    ctl.checkIdle();
    expect(ctl.locked()).toBe(false);
    now += 1_000;
    ctl.checkIdle();
    expect(ctl.locked()).toBe(true);
    expect(keys.get('appLocked')).toBe(true);
    expect((await ctl.checkPin('1357')).ok).toBe(true);
    ctl.unlock();
    expect(ctl.locked()).toBe(false);
  });

  it('ends staff mode and the lock when the PIN is gone (no way back otherwise)', async () => {
    const local = memoryLocal();
    local.setItem('clientela.staffMode', '1');
    local.setItem('clientela.locked', '1');
    const { ctl } = make(local);
    expect(ctl.staff()).toBe(true);
    await ctl.load();
    expect(ctl.staff()).toBe(false);
    expect(ctl.locked()).toBe(false);
    expect(local.map.has('clientela.staffMode')).toBe(false);
  });
});
