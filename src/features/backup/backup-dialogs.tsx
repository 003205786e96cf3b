// The backup feature's dialogs (save, restore: passphrase, merge or replace, the replace
// confirmation) and its reminder toast. All state lives in the controller.

import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { SHEET_IDS, type SheetId } from '../../core/index';
import { useServices } from '../../ui/services';
import type { BackupController, Opened } from './backup-controller';
import { Modal } from './layer';

const when = (ms: number, i18n: ReturnType<typeof useServices>['i18n']) => (i18n.locale(), i18n.i18n.formatDateTime(ms));

/** "12 customers · 40 purchases" (sheets with rows only). */
export function rowsSummary(rows: Readonly<Record<string, number>>, t: (k: string, p?: Record<string, string | number>) => string): string {
  const parts = SHEET_IDS.filter((s) => (rows[s] ?? 0) > 0).map((s) => t(`backup.rows.${s}`, { n: rows[s] ?? 0 }));
  return parts.length ? parts.join(' · ') : t('backup.rows.empty');
}

export function SaveDialog(props: { ctl: BackupController }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t;
  const [pass, setPass] = createSignal('');
  const [again, setAgain] = createSignal('');
  const mismatch = () => pass() !== '' && again() !== '' && pass() !== again();
  const canSave = () => props.ctl.save().step === 'form' && pass() === again();
  const submit = (e: Event) => {
    e.preventDefault();
    if (canSave()) void props.ctl.saveBackup(pass());
  };
  return (
    <Modal title={t('backup.save.title')} onCancel={props.ctl.save().step === 'working' ? undefined : props.ctl.closeSave} testId="backup-save">
      <Switch>
        <Match when={props.ctl.save().step === 'done'}>
          <p class="bk-ok" role="status">
            {t('backup.save.done', { file: (props.ctl.save() as { fileName: string }).fileName })}
          </p>
          <p class="bk-note">{t('backup.save.doneHint')}</p>
          <div class="bk-actions">
            <button type="button" class="wb-button is-primary" onClick={props.ctl.closeSave}>
              {t('backup.close')}
            </button>
          </div>
        </Match>
        <Match when={true}>
          <form onSubmit={submit}>
            <p class="bk-text">{t('backup.save.lead')}</p>
            <label class="bk-field">
              <span>{t('backup.save.passphrase')}</span>
              <input type="password" autocomplete="new-password" value={pass()} onInput={(e) => setPass(e.currentTarget.value)} />
            </label>
            <Show when={pass() !== ''}>
              <label class="bk-field">
                <span>{t('backup.save.repeat')}</span>
                <input type="password" autocomplete="new-password" value={again()} onInput={(e) => setAgain(e.currentTarget.value)} />
              </label>
              <p class="bk-note">{t('backup.save.passphraseWarning')}</p>
            </Show>
            <Show when={mismatch()}>
              <p class="bk-error" role="alert">
                {t('backup.save.mismatch')}
              </p>
            </Show>
            <Show when={(props.ctl.save() as { error?: string }).error}>{(key) => <p class="bk-error" role="alert">{t(key())}</p>}</Show>
            <div class="bk-actions">
              <button type="button" class="wb-button" disabled={props.ctl.save().step === 'working'} onClick={props.ctl.closeSave}>
                {t('backup.cancel')}
              </button>
              <button type="submit" class="wb-button is-primary" disabled={!canSave()}>
                {props.ctl.save().step === 'working' ? t('backup.save.working') : pass() ? t('backup.save.encrypted') : t('backup.save.submit')}
              </button>
            </div>
          </form>
        </Match>
      </Switch>
    </Modal>
  );
}

export function RestoreDialog(props: { ctl: BackupController }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t;
  const s = props.ctl.restore;
  const [pass, setPass] = createSignal('');
  const busy = () => s().step === 'working';
  const opened = (): Opened | undefined => {
    const v = s();
    return v.step === 'choose' || v.step === 'confirm-replace' ? v.opened : undefined;
  };
  const sourceLabel = (o: Opened) =>
    o.source.kind === 'file' ? t('backup.restore.fromFile', { file: o.source.fileName || '—', date: when(o.madeAt, i18n) }) : t('backup.restore.fromSnapshot', { date: when(o.madeAt, i18n) });
  return (
    <Modal title={t('backup.restore.title')} onCancel={busy() ? undefined : props.ctl.closeRestore} testId="backup-restore" wide>
      <Switch>
        <Match when={s().step === 'working'}>
          <p class="bk-text" role="status" aria-live="polite">
            {t((s() as { message: string }).message)}
          </p>
        </Match>
        <Match when={s().step === 'error'}>
          <p class="bk-error" role="alert">
            {t(`backup.error.${(s() as { code: string }).code}`)}
          </p>
          <p class="bk-note">{t('backup.error.unchanged')}</p>
          <div class="bk-actions">
            <button type="button" class="wb-button is-primary" onClick={props.ctl.closeRestore}>
              {t('backup.close')}
            </button>
          </div>
        </Match>
        <Match when={s().step === 'passphrase'}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (pass()) void props.ctl.submitPassphrase(pass());
            }}
          >
            <p class="bk-text">{t('backup.restore.encrypted')}</p>
            <label class="bk-field">
              <span>{t('backup.restore.passphrase')}</span>
              <input type="password" autocomplete="current-password" value={pass()} onInput={(e) => setPass(e.currentTarget.value)} />
            </label>
            <Show when={(s() as { wrong?: boolean }).wrong}>
              <p class="bk-error" role="alert">
                {t('backup.error.wrong-passphrase')}
              </p>
            </Show>
            <div class="bk-actions">
              <button type="button" class="wb-button" onClick={props.ctl.closeRestore}>
                {t('backup.cancel')}
              </button>
              <button type="submit" class="wb-button is-primary" disabled={!pass()}>
                {t('backup.restore.unlock')}
              </button>
            </div>
          </form>
        </Match>
        <Match when={s().step === 'choose' && opened()}>
          {(o) => (
            <>
              <p class="bk-text">{sourceLabel(o())}</p>
              <p class="bk-summary">{rowsSummary(o().rows, t)}</p>
              <Show
                when={!o().foreign}
                fallback={
                  <p class="bk-error" role="alert">
                    {t('backup.restore.foreign')}
                  </p>
                }
              >
                <p class="bk-note">{t('backup.restore.mergeHelp')}</p>
              </Show>
              <p class="bk-note">{t('backup.restore.replaceHelp')}</p>
              <div class="bk-actions">
                <button type="button" class="wb-button" onClick={props.ctl.closeRestore}>
                  {t('backup.cancel')}
                </button>
                <button type="button" class="wb-button is-danger" onClick={props.ctl.askReplace}>
                  {t('backup.restore.replace')}
                </button>
                <Show when={!o().foreign}>
                  <button type="button" class="wb-button is-primary" onClick={props.ctl.merge}>
                    {t('backup.restore.merge')}
                  </button>
                </Show>
              </div>
            </>
          )}
        </Match>
        <Match when={s().step === 'confirm-replace' && opened()}>
          {(o) => (
            <>
              <p class="bk-warning" role="alert">
                {t('backup.restore.confirmReplace', { date: when(o().madeAt, i18n) })}
              </p>
              <p class="bk-note">{t('backup.restore.confirmReplaceSafety')}</p>
              <div class="bk-actions">
                <button type="button" class="wb-button" onClick={props.ctl.cancelReplace}>
                  {t('backup.cancel')}
                </button>
                <button type="button" class="wb-button is-danger-solid" onClick={() => void props.ctl.replace()}>
                  {t('backup.restore.replaceConfirm')}
                </button>
              </div>
            </>
          )}
        </Match>
        <Match when={s().step === 'done'}>
          <p class="bk-ok" role="status">
            {mergedText((s() as { merged: Record<SheetId, number> }).merged, t)}
          </p>
          <div class="bk-actions">
            <button type="button" class="wb-button is-primary" onClick={props.ctl.closeRestore}>
              {t('backup.close')}
            </button>
          </div>
        </Match>
      </Switch>
    </Modal>
  );
}

function mergedText(merged: Record<SheetId, number>, t: (k: string, p?: Record<string, string | number>) => string): string {
  const total = SHEET_IDS.reduce((n, s) => n + Math.max(0, merged[s]), 0);
  return total === 0 ? t('backup.restore.mergedNothingNew') : t('backup.restore.merged', { rows: rowsSummary(merged, t) });
}

export function ReminderToast(props: { ctl: BackupController; save: () => void }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t;
  return (
    <div class="bk-toast" role="status" aria-live="polite" data-testid="backup-reminder">
      <span class="bk-toast-text">
        {props.ctl.lastBackup() ? t('backup.reminder.since', { date: when(props.ctl.lastBackup()!, i18n) }) : t('backup.reminder.never')}
      </span>
      <button type="button" class="wb-button is-primary" onClick={props.save}>
        {t('backup.reminder.save')}
      </button>
      <button type="button" class="wb-button" onClick={() => void props.ctl.snoozeReminder()}>
        {t('backup.reminder.later')}
      </button>
    </div>
  );
}
