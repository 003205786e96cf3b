// "Local Snapshots" as an editor tab: the automatic daily copies on this device, newest first, with
// date, size and rows, each restorable (merge or replace, through the restore dialog).

import { createResource, For, Show, type JSX } from 'solid-js';
import type { SnapshotInfo, SnapshotStore } from '../../storage/snapshots';
import { useServices } from '../../ui/services';
import type { BackupController } from './backup-controller';
import { rowsSummary } from './backup-dialogs';

export function formatSize(bytes: number, formatNumber: (n: number) => string): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

export function SnapshotsView(props: { store: SnapshotStore; ctl: BackupController; version: () => number }): JSX.Element {
  const { i18n, commands } = useServices();
  const t = i18n.t;
  const [list] = createResource(props.version, () => props.store.list().catch(() => [] as SnapshotInfo[]));
  return (
    <div class="wb-page" data-testid="snapshots-view">
      <div class="wb-page-inner">
        <h1>{t('backup.snapshots.title')}</h1>
        <p class="wb-page-lead">{t('backup.snapshots.lead')}</p>
        <Show when={(list() ?? []).length > 0} fallback={<p class="wb-empty">{t('backup.snapshots.empty')}</p>}>
          <ul class="bk-snapshots">
            <For each={list()}>
              {(s) => (
                <li class="bk-snapshot">
                  <div class="bk-snapshot-main">
                    <span class="bk-snapshot-date">{(i18n.locale(), i18n.i18n.formatDateTime(s.takenAt))}</span>
                    <span class="bk-snapshot-detail">
                      {rowsSummary(s.rows, t)} · {formatSize(s.size, (n) => (i18n.locale(), i18n.i18n.formatNumber(n)))}
                    </span>
                  </div>
                  <button type="button" class="wb-button" onClick={() => void props.ctl.openSnapshot(s)}>
                    {t('backup.snapshots.restore')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <h2>{t('backup.snapshots.filesTitle')}</h2>
        <p class="wb-page-lead">{t('backup.snapshots.filesLead')}</p>
        <div class="bk-actions is-start">
          <button type="button" class="wb-button is-primary" onClick={() => commands.execute('file.saveBackup')}>
            {t('backup.cmd.save')}
          </button>
          <button type="button" class="wb-button" onClick={() => commands.execute('file.restoreBackup')}>
            {t('backup.cmd.restore')}
          </button>
        </div>
      </div>
    </div>
  );
}
