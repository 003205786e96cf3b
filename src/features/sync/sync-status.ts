// The sync status bar text: the truth in a few words (judged by data acknowledged, not sockets).

import type { SyncState } from '../../sync/sync-engine';

export function statusText(s: SyncState, t: (key: string, args?: Record<string, string | number>) => string): string {
  if (s.problem && s.problem !== 'connect-failed') return t('sync.status.problem');
  if (!s.paired) return t('sync.status.notPaired');
  if (s.paused) return t('sync.status.paused');
  // Without a reachable relay the devices cannot find each other again by themselves.
  if (s.connected === 0) return t(s.relays.some((r) => r.state === 'open') ? 'sync.status.offline' : 'sync.status.offlineNoRelay');
  const key = s.synced ? 'sync.status.synced' : 'sync.status.syncing';
  return s.connected === 1 ? t(`${key}.one`) : t(key, { count: s.connected });
}
