// The backup feature's manifest: "File: Save Backup", "File: Restore Backup" (merge, or replace
// after a confirmation), "File: Local Snapshots…" (an editor tab), the status bar entry with the
// last backup's date, the reminder after N days without one, and the daily automatic snapshot.

import { createSignal, Show } from 'solid-js';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import { BACKUP_EXTENSION } from '../../io/backup/backup-file';
import { replaceStoredBook, type OpenedBookStorage } from '../../storage/book-storage';
import { openSnapshotStore, type SnapshotStore } from '../../storage/snapshots';
import type { Services } from '../../ui/services';
import type { Workbench } from '../../ui/workbench/workbench-context';
import { downloadBlob } from '../../ui/download';
import { makeBackupController, type BackupController } from './backup-controller';
import { ReminderToast, RestoreDialog, SaveDialog } from './backup-dialogs';
import { mountLayer } from './layer';
import { SnapshotsView } from './snapshots-view';

export const SNAPSHOTS_EDITOR = { kind: 'snapshots', id: '' } as const;
const HOUR = 3_600_000;
const SNAPSHOT_AFTER_EDIT_MS = 30_000;

export type BackupDeps = {
  readonly storage: Pick<OpenedBookStorage, 'whenLoaded'> & Partial<OpenedBookStorage>;
  readonly snapshots?: SnapshotStore;
  /** Replaces the stored book and reloads (tests pass their own). */
  readonly replaceBook?: (state: Uint8Array) => Promise<void>;
};

function pickFile(onFile: (file: File) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  // Backups are zips: some systems only offer the file with the zip type listed.
  input.accept = `${BACKUP_EXTENSION},.zip,application/zip,application/octet-stream`;
  input.style.display = 'none';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.remove();
    if (file) onFile(file);
  });
  document.body.append(input);
  input.click();
}

export function registerBackupContribution(services: Services, wb: Workbench, deps: BackupDeps): Disposable & { readonly controller: BackupController } {
  const { book, commands, i18n, deviceStore } = services;
  const store = new DisposableStore();
  const snapshots = deps.snapshots ?? openSnapshotStore();
  store.add(toDisposable(() => snapshots.close()));
  const storage = deps.storage;
  const replaceBook =
    deps.replaceBook ??
    (async (state: Uint8Array) => {
      if (!storage.persistence || !storage.name) throw new Error('replace needs the opened book storage');
      await replaceStoredBook(storage as OpenedBookStorage, state);
      location.reload();
    });
  const ctl = makeBackupController({ book, i18n, deviceStore, snapshots, replaceBook, download: downloadBlob });
  const [snapshotsVersion, setSnapshotsVersion] = createSignal(0);
  const bump = () => setSnapshotsVersion((v) => v + 1);

  // --- commands ----------------------------------------------------------------------------------
  store.add(
    commands.register({
      id: 'file.saveBackup',
      title: 'backup.cmd.save',
      category: 'backup.category',
      when: '!staffMode',
      run: () => ctl.openSave(),
    }),
  );
  store.add(
    commands.register({
      id: 'file.restoreBackup',
      title: 'backup.cmd.restore',
      category: 'backup.category',
      when: '!staffMode',
      run: (args) => {
        if (args instanceof Blob) return ctl.openFile(args);
        pickFile((file) => void ctl.openFile(file));
      },
    }),
  );
  store.add(
    commands.register({
      id: 'file.localSnapshots',
      title: 'backup.cmd.snapshots',
      category: 'backup.category',
      when: '!staffMode',
      run: () => {
        bump();
        wb.openEditor(SNAPSHOTS_EDITOR);
      },
    }),
  );
  store.add(
    wb.views.registerEditor({
      id: SNAPSHOTS_EDITOR.kind,
      icon: 'restore',
      title: () => ({ key: 'backup.snapshots.tab' }),
      render: () => <SnapshotsView store={snapshots} ctl={ctl} version={snapshotsVersion} />,
    }),
  );

  // --- status bar: the last backup; tapping it saves one -------------------------------------------
  store.add(
    wb.statusBar.add({
      id: 'backup.last',
      alignment: 'left',
      priority: 20,
      icon: 'file',
      command: 'file.saveBackup',
      text: () => {
        const at = ctl.lastBackup();
        return at ? i18n.t('backup.status.last', { date: (i18n.locale(), i18n.i18n.formatDateTime(at)) }) : i18n.t('backup.status.never');
      },
      tooltip: () => i18n.t('backup.status.tooltip'),
    }),
  );

  // --- dialogs and the reminder, in a layer above the workbench ----------------------------------
  store.add(
    mountLayer(services, wb, () => (
      <>
        <Show when={ctl.reminderDue() && ctl.save().step === 'closed'}>
          <div class="bk-toasts">
            <ReminderToast ctl={ctl} save={() => commands.execute('file.saveBackup')} />
          </div>
        </Show>
        <Show when={ctl.save().step !== 'closed'}>
          <SaveDialog ctl={ctl} />
        </Show>
        <Show when={ctl.restore().step !== 'closed'}>
          <RestoreDialog ctl={ctl} />
        </Show>
      </>
    )),
  );

  // --- after the book is loaded: last backup, reminder, today's snapshot (then hourly) -----------
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = async () => {
    await ctl.checkReminder().catch(() => undefined);
    if (await ctl.dailySnapshot().catch(() => undefined)) bump();
  };
  void storage.whenLoaded.then(async () => {
    await ctl.load().catch(() => undefined);
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    if (idle) idle(() => void tick(), { timeout: 5000 });
    else setTimeout(() => void tick(), 2000);
    timer = setInterval(() => void tick(), HOUR);
  });
  // A book that gets its first rows today is snapshotted a little after the edits, not an hour later.
  let soon: ReturnType<typeof setTimeout> | undefined;
  store.add(
    book.onDidChange((e) => {
      if (soon !== undefined || (e.origin !== 'local' && e.origin !== 'import' && e.origin !== 'remote')) return;
      soon = setTimeout(() => void tick(), SNAPSHOT_AFTER_EDIT_MS);
    }),
  );
  store.add(toDisposable(() => (clearInterval(timer), clearTimeout(soon))));

  return Object.assign(store, { controller: ctl });
}
