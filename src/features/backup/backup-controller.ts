// What the backup feature does, apart from how it looks: save a backup file, open one (or a local
// snapshot) and restore it by merge or replace, remember when the last backup was saved, and take
// the daily snapshot. The dialogs read its signals and call its methods.

import { createSignal, type Accessor } from 'solid-js';
import {
  SHEET_IDS,
  bookIdOf,
  checkBookState,
  encodeBookState,
  ensureBookId,
  mergeBookState,
  hasAnyRow,
  rowsEverAdded,
  type Book,
  type SheetId,
} from '../../core/index';
import { BACKUP_MIME, BackupError, backupFileName, openBackup, readBackupHeader, type BackupErrorCode, type BackupHeader } from '../../io/backup/backup-file';
import type { SnapshotInfo, SnapshotStore } from '../../storage/snapshots';
import type { DeviceStore } from '../../storage/types';
import type { ReactiveI18n } from '../../ui/bindings/i18n';
import { columnLabel } from '../../ui/column-label';

export const LAST_BACKUP_KEY = 'backup.lastSavedAt';
/** When this device first saw a book with rows: the reminder counts from here if no backup was made. */
export const SINCE_KEY = 'backup.since';
export const SNOOZE_KEY = 'backup.reminderSnoozedUntil';
export const REMINDER_DAYS_KEY = 'backup.reminderDays';
export const DEFAULT_REMINDER_DAYS = 14;
/** A dismissed reminder comes back after this many days. */
export const SNOOZE_DAYS = 3;
/** Mirrors the last backup date outside IndexedDB, for the wiped-storage screen. */
export const LAST_BACKUP_LOCAL_KEY = 'clientela.lastBackupAt';

const DAY = 86_400_000;

export type RestoreSource =
  | { readonly kind: 'file'; readonly fileName: string; readonly bytes: Uint8Array }
  | { readonly kind: 'snapshot'; readonly info: SnapshotInfo };

export type Opened = {
  readonly source: RestoreSource;
  readonly state: Uint8Array;
  /** When the copy was made (ms). */
  readonly madeAt: number;
  readonly rows: Readonly<Record<SheetId, number>>;
  /** The copy is of another book than this one (which has rows): merging would mix two shops. */
  readonly foreign: boolean;
};

export type RestoreStep =
  | { readonly step: 'closed' }
  | { readonly step: 'working'; readonly message: string }
  | { readonly step: 'passphrase'; readonly source: RestoreSource; readonly header: BackupHeader; readonly wrong: boolean }
  | { readonly step: 'choose'; readonly opened: Opened }
  | { readonly step: 'confirm-replace'; readonly opened: Opened }
  | { readonly step: 'error'; readonly code: BackupErrorCode | 'unknown'; readonly fileName?: string }
  | { readonly step: 'done'; readonly merged: Readonly<Record<SheetId, number>> };

export type SaveStep = { readonly step: 'closed' } | { readonly step: 'form'; readonly error?: string } | { readonly step: 'working' } | { readonly step: 'done'; readonly fileName: string };

type SaveFilePicker = (opts: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<{ createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }> }>;

export type BackupControllerDeps = {
  readonly book: Book;
  readonly i18n: ReactiveI18n;
  readonly deviceStore: DeviceStore;
  readonly snapshots: SnapshotStore;
  /** Makes the stored book exactly `state` and reloads the page. */
  readonly replaceBook: (state: Uint8Array) => Promise<void>;
  readonly download: (blob: Blob, fileName: string) => void;
  readonly now?: () => number;
};

export type BackupController = ReturnType<typeof makeBackupController>;

function countRows(book: Book): Record<SheetId, number> {
  return Object.fromEntries(SHEET_IDS.map((s) => [s, rowsEverAdded(book, s)])) as Record<SheetId, number>;
}

export const totalRows = (rows: Readonly<Record<string, number>>): number => Object.values(rows).reduce((a, b) => a + b, 0);

function localStorageSafe(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function makeBackupController(deps: BackupControllerDeps) {
  const { book, i18n, deviceStore, snapshots } = deps;
  const now = deps.now ?? Date.now;
  const [lastBackup, setLastBackup] = createSignal<number | undefined>();
  const [restore, setRestore] = createSignal<RestoreStep>({ step: 'closed' });
  const [save, setSave] = createSignal<SaveStep>({ step: 'closed' });
  const [reminderDue, setReminderDue] = createSignal(false);

  async function load(): Promise<void> {
    const at = await deviceStore.get<number>(LAST_BACKUP_KEY);
    const local = Number(localStorageSafe()?.getItem(LAST_BACKUP_LOCAL_KEY) ?? NaN);
    setLastBackup(typeof at === 'number' ? at : Number.isFinite(local) ? local : undefined);
  }

  /** Whether to remind: the book has rows and no backup for `days` (counted from first use if none). */
  async function checkReminder(): Promise<boolean> {
    const t = now();
    if (!hasAnyRow(book)) return setReminderDue(false);
    let since = await deviceStore.get<number>(SINCE_KEY);
    if (typeof since !== 'number') await deviceStore.set(SINCE_KEY, (since = t)).catch(() => undefined);
    const days = (await deviceStore.get<number>(REMINDER_DAYS_KEY)) ?? DEFAULT_REMINDER_DAYS;
    const snoozed = (await deviceStore.get<number>(SNOOZE_KEY)) ?? 0;
    const from = lastBackup() ?? since;
    return setReminderDue(days > 0 && t - from >= days * DAY && t >= snoozed);
  }

  async function snoozeReminder(): Promise<void> {
    setReminderDue(false);
    await deviceStore.set(SNOOZE_KEY, now() + SNOOZE_DAYS * DAY).catch(() => undefined);
  }

  // --- save ----------------------------------------------------------------------------------
  const openSave = () => setSave({ step: 'form' });
  const closeSave = () => setSave({ step: 'closed' });

  /**
   * Saves a backup. The file picker is asked for first, while the tap that started the save still
   * counts as a user gesture (the browser refuses a picker after the slow work below).
   */
  async function saveBackup(passphrase: string): Promise<boolean> {
    const fileName = backupFileName(new Date(now()));
    const picker = (globalThis as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
    let handle: Awaited<ReturnType<SaveFilePicker>> | undefined;
    if (picker) {
      try {
        handle = await picker({ suggestedName: fileName, types: [{ description: i18n.t('backup.fileType'), accept: { [BACKUP_MIME]: ['.clientela'] } }] });
      } catch (e) {
        if ((e as { name?: string }).name === 'AbortError') return false;
        handle = undefined; // no picker after all (a sandboxed frame): fall back to a download
      }
    }
    setSave({ step: 'working' });
    try {
      const bookId = ensureBookId(book);
      const state = encodeBookState(book);
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the "Saving…" state paint
      // The page only reads the book; the readable .xlsx, the zip and the encryption are made in a
      // worker (SheetJS takes ~15 s for a book of 550k rows).
      const { readableTables } = await import('../../io/backup/readable');
      const tables = readableTables(book, {
        sheet: (s) => i18n.t(`sheet.${s}`),
        column: (c) => columnLabel(c, i18n.t),
      });
      const { writeBackupOffThread } = await import('../../io/backup/backup-writer');
      const bytes = await writeBackupOffThread({
        input: { state, bookId, now: new Date(now()), ...(passphrase ? { passphrase } : {}) },
        readable: { name: fileName.replace(/\.clientela$/, '.xlsx'), tables },
      });
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: BACKUP_MIME });
      if (handle) {
        const w = await handle.createWritable();
        await w.write(blob);
        await w.close();
      } else deps.download(blob, fileName);
      const at = now();
      setLastBackup(at);
      setReminderDue(false);
      localStorageSafe()?.setItem(LAST_BACKUP_LOCAL_KEY, String(at));
      await deviceStore.set(LAST_BACKUP_KEY, at).catch(() => undefined);
      setSave({ step: 'done', fileName });
      return true;
    } catch (e) {
      console.warn('backup failed', e);
      setSave({ step: 'form', error: 'backup.save.failed' });
      return false;
    }
  }

  // --- restore -------------------------------------------------------------------------------
  const closeRestore = () => setRestore({ step: 'closed' });

  const isForeign = (copyBookId: string | undefined): boolean => {
    const mine = bookIdOf(book);
    return !!mine && !!copyBookId && mine !== copyBookId && totalRows(countRows(book)) > 0;
  };

  async function openFile(file: Blob & { name?: string }): Promise<void> {
    const fileName = file.name ?? '';
    setRestore({ step: 'working', message: 'backup.restore.reading' });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return void setRestore({ step: 'error', code: 'corrupted', fileName });
    }
    await openBytes({ kind: 'file', fileName, bytes });
  }

  async function openBytes(source: Extract<RestoreSource, { kind: 'file' }>, passphrase?: string): Promise<void> {
    try {
      const header = readBackupHeader(source.bytes);
      if (header.encrypted && !passphrase) return void setRestore({ step: 'passphrase', source, header, wrong: false });
      setRestore({ step: 'working', message: header.encrypted ? 'backup.restore.decrypting' : 'backup.restore.reading' });
      const opened = await openBackup(source.bytes, passphrase);
      setRestore({
        step: 'choose',
        opened: {
          source,
          state: opened.state,
          madeAt: Date.parse(opened.header.createdAt),
          rows: opened.info.rows,
          foreign: isForeign(opened.header.bookId),
        },
      });
    } catch (e) {
      if (e instanceof BackupError && e.code === 'wrong-passphrase') {
        const header = readBackupHeader(source.bytes);
        return void setRestore({ step: 'passphrase', source, header, wrong: true });
      }
      if (!(e instanceof BackupError)) console.warn('restore failed', e);
      setRestore({ step: 'error', code: e instanceof BackupError ? e.code : 'unknown', fileName: source.fileName });
    }
  }

  async function submitPassphrase(passphrase: string): Promise<void> {
    const s = restore();
    if (s.step !== 'passphrase' || s.source.kind !== 'file') return;
    await openBytes(s.source, passphrase);
  }

  async function openSnapshot(info: SnapshotInfo): Promise<void> {
    setRestore({ step: 'working', message: 'backup.restore.reading' });
    const state = await snapshots.state(info.id);
    const check = state ? checkBookState(state) : undefined;
    if (!state || !check?.ok) return void setRestore({ step: 'error', code: check && !check.ok && check.reason === 'newer-schema' ? 'newer-format' : 'corrupted' });
    setRestore({
      step: 'choose',
      opened: { source: { kind: 'snapshot', info }, state, madeAt: info.takenAt, rows: check.info.rows, foreign: isForeign(check.info.bookId) },
    });
  }

  function merge(): void {
    const s = restore();
    if (s.step !== 'choose' || s.opened.foreign) return;
    const before = countRows(book);
    mergeBookState(book, s.opened.state);
    const after = countRows(book);
    const merged = Object.fromEntries(SHEET_IDS.map((id) => [id, after[id] - before[id]])) as Record<SheetId, number>;
    setRestore({ step: 'done', merged });
  }

  const askReplace = () => {
    const s = restore();
    if (s.step === 'choose') setRestore({ step: 'confirm-replace', opened: s.opened });
  };

  async function replace(): Promise<void> {
    const s = restore();
    if (s.step !== 'confirm-replace') return;
    setRestore({ step: 'working', message: 'backup.restore.replacing' });
    // The book as it is now goes into Local Snapshots first: a replace is never the only copy.
    await snapshots.take(() => ({ state: encodeBookState(book), rows: countRows(book) }), new Date(now()), { force: true }).catch(() => undefined);
    await deps.replaceBook(s.opened.state);
  }

  /** Today's automatic snapshot (once a day, only of a book that has rows). */
  async function dailySnapshot(): Promise<SnapshotInfo | undefined> {
    const rows = countRows(book);
    if (totalRows(rows) === 0) return undefined;
    return snapshots.take(() => ({ state: encodeBookState(book), rows }), new Date(now()));
  }

  return {
    lastBackup: lastBackup as Accessor<number | undefined>,
    reminderDue: reminderDue as Accessor<boolean>,
    restore: restore as Accessor<RestoreStep>,
    save: save as Accessor<SaveStep>,
    load,
    checkReminder,
    snoozeReminder,
    openSave,
    closeSave,
    saveBackup,
    openFile,
    submitPassphrase,
    openSnapshot,
    merge,
    askReplace,
    replace,
    closeRestore,
    cancelReplace: () => {
      const s = restore();
      if (s.step === 'confirm-replace') setRestore({ step: 'choose', opened: s.opened });
    },
    dailySnapshot,
  };
}
