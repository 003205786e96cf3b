import { describe, expect, it } from 'vitest';
import { statusText } from '../../src/features/sync/sync-status';
import { createI18n } from '../../src/i18n/i18n';
import type { SyncState } from '../../src/sync/sync-engine';

const base: SyncState = {
  local: { id: 'd-1', name: 'Counter' },
  paired: true,
  devices: [],
  connected: 0,
  synced: false,
  relays: [{ url: 'ws://shop/signal', state: 'open' }],
  problem: undefined,
  settings: { relays: ['ws://shop/signal'], iceServers: [] },
  paused: false,
};

describe('the sync status bar text', () => {
  const i18n = createI18n('en');
  const t = (k: string, p?: Record<string, string | number>) => i18n.t(k, p);
  it('says what is true now, in order of what matters', () => {
    expect(statusText({ ...base, paired: false }, t)).toBe('Not paired');
    expect(statusText({ ...base, paused: true }, t)).toBe('Sync paused');
    expect(statusText(base, t)).toBe('No device connected');
    expect(statusText({ ...base, relays: [{ url: 'ws://shop/signal', state: 'closed' }] }, t)).toMatch(/without a server/);
    expect(statusText({ ...base, connected: 1 }, t)).toBe('Syncing with 1 device…');
    expect(statusText({ ...base, connected: 1, synced: true }, t)).toBe('Synced with 1 device');
    expect(statusText({ ...base, connected: 2, synced: true }, t)).toBe('Synced with 2 devices');
    expect(statusText({ ...base, connected: 1, synced: true, problem: 'pairing-mismatch' }, t)).toBe('Sync needs attention');
    expect(createI18n('es').t('sync.status.synced.one')).toBe('Sincronizado con 1 dispositivo');
  });
});
