// Staff mode and the app lock, on screen: the PIN entry (a keypad for fingers, the keyboard works
// too), the "Back to Owner Mode" dialog, the full-screen lock, the "Set PIN" dialog and the
// settings page where the owner sets the PIN, turns staff mode on and chooses the idle lock.
// Commands: "Staff Mode: Turn On", "Staff Mode: Back to Owner Mode", "Staff Mode: PIN and App Lock",
// "App Lock: Lock Now". The state lives in staff-mode.ts.

import { createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import { editorKey } from '../../platform/views';
import { servedRow, setServedRow } from '../../ui/grid/privacy';
import { useServices, type Services } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import type { Workbench } from '../../ui/workbench/workbench-context';
import { Modal, mountLayer } from '../backup/layer';
import { isValidPin } from './pin';
import { LOCK_CHOICES, makeTrustController, type TrustController } from './staff-mode';
import './trust.css';

export const TRUST_SETTINGS_EDITOR = { kind: 'trust-settings', id: '' } as const;
/** Tabs closed when staff mode starts: they hold what staff may not use. */
const OWNER_EDITORS = ['settings', 'sync', 'snapshots', 'import', TRUST_SETTINGS_EDITOR.kind];
const OWNER_CONTAINERS = ['sync', 'import'];
const IDLE_CHECK_MS = 1000;

export function registerStaffMode(services: Services, wb: Workbench): Disposable & { readonly ctl: TrustController } {
  const { commands, i18n, book } = services;
  const store = new DisposableStore();
  const ctl = makeTrustController({ deviceStore: services.deviceStore, contextKeys: services.contextKeys });
  const [unlocking, setUnlocking] = createSignal(false);
  const [settingPin, setSettingPin] = createSignal(false);
  const [removingPin, setRemovingPin] = createSignal(false);
  const [backNote, setBackNote] = createSignal<number | undefined>();
  const root = typeof document === 'undefined' ? undefined : document.documentElement;
  const markStaff = (on: boolean) => {
    if (root) root.toggleAttribute('data-staff-mode', on);
  };
  markStaff(ctl.staff());

  const staffOn = () => {
    if (!ctl.hasPin()) {
      wb.openEditor(TRUST_SETTINGS_EDITOR);
      setSettingPin(true);
      return;
    }
    for (const tab of wb.state.snapshot.tabs) if (OWNER_EDITORS.includes(tab.kind)) wb.state.close(editorKey(tab));
    if (OWNER_CONTAINERS.includes(wb.state.snapshot.container)) wb.state.showContainer('sheets');
    ctl.resetStaffEdits();
    ctl.setStaff(true);
    markStaff(true);
  };
  const backToOwner = () => {
    const edits = ctl.staffEdits();
    ctl.setStaff(false);
    markStaff(false);
    setUnlocking(false);
    setBackNote(edits);
    ctl.resetStaffEdits();
  };

  // Every change is already in the book and its history; staff mode also counts them, so the
  // owner hears how many changes were made while it was on.
  store.add(
    book.onDidChange((c) => {
      if (ctl.staff() && (c.origin === 'local' || c.origin === 'import')) ctl.countStaffEdit();
    }),
  );

  // "Serve This Customer" lasts until that customer's card tab is closed.
  store.add(
    wb.state.onDidChange((snap) => {
      const row = servedRow();
      if (row && !snap.tabs.some((tab) => tab.kind === 'customer' && tab.id === row)) setServedRow(undefined);
    }),
  );

  // --- commands ---------------------------------------------------------------------------------
  const register = (id: string, title: string, category: string, when: string | undefined, run: () => void) =>
    store.add(commands.register({ id, title, category, ...(when ? { when } : {}), run }));
  register('trust.staffModeOn', 'trust.cmd.staffOn', 'trust.category.staff', '!staffMode && !appLocked', staffOn);
  register('trust.staffModeOff', 'trust.cmd.staffOff', 'trust.category.staff', 'staffMode && !appLocked', () => setUnlocking(true));
  register('trust.openSettings', 'trust.cmd.settings', 'trust.category.staff', '!staffMode', () => wb.openEditor(TRUST_SETTINGS_EDITOR));
  register('trust.lockNow', 'trust.cmd.lockNow', 'trust.category.lock', 'pinSet && !appLocked', () => ctl.lock());

  store.add(
    wb.views.registerEditor({
      id: TRUST_SETTINGS_EDITOR.kind,
      icon: 'users',
      title: () => ({ key: 'trust.settings.title' }),
      render: () => <TrustSettings ctl={ctl} staffOn={staffOn} setPin={() => setSettingPin(true)} removePin={() => setRemovingPin(true)} />,
    }),
  );

  // --- status bar: "Staff mode" (tap: back to owner); with a PIN set, "Owner" (tap: staff mode) --
  store.add(
    wb.statusBar.add({
      id: 'trust.mode',
      alignment: 'left',
      priority: 30,
      icon: 'users',
      text: () => (ctl.staff() ? i18n.t('trust.staff.status') : ctl.hasPin() ? i18n.t('trust.owner.status') : ''),
      tooltip: () => (ctl.staff() ? i18n.t('trust.staff.statusTip') : i18n.t('trust.owner.statusTip')),
      command: 'trust.staffModeToggle',
    }),
  );
  // The status bar item's command; the palette has the two plain ones.
  store.add(
    commands.register({
      id: 'trust.staffModeToggle',
      title: 'trust.cmd.toggle',
      category: 'trust.category.staff',
      when: '!appLocked',
      hideInPalette: true,
      run: () => (ctl.staff() ? setUnlocking(true) : staffOn()),
    }),
  );

  // --- the idle lock ----------------------------------------------------------------------------
  if (typeof window !== 'undefined') {
    const activity = () => ctl.touch();
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, activity, { capture: true, passive: true });
    const timer = setInterval(() => ctl.checkIdle(), IDLE_CHECK_MS);
    store.add(
      toDisposable(() => {
        for (const e of events) window.removeEventListener(e, activity, { capture: true });
        clearInterval(timer);
      }),
    );
  }
  void ctl.load().then(() => markStaff(ctl.staff()));

  store.add(
    mountLayer(
      services,
      wb,
      () => (
        <>
          <Show when={unlocking() && !ctl.locked()}>
            <Modal title={i18n.t('trust.staff.unlockTitle')} onCancel={() => setUnlocking(false)} testId="owner-unlock">
              <p class="bk-text">{i18n.t('trust.staff.unlockBody')}</p>
              <PinEntry ctl={ctl} label={i18n.t('trust.pin.label')} onOk={backToOwner} />
              <div class="bk-actions">
                <button type="button" class="wb-button" onClick={() => setUnlocking(false)}>
                  {i18n.t('common.cancel')}
                </button>
              </div>
            </Modal>
          </Show>
          <Show when={settingPin()}>
            <SetPinDialog ctl={ctl} close={() => setSettingPin(false)} />
          </Show>
          <Show when={removingPin()}>
            <RemovePinDialog ctl={ctl} close={() => setRemovingPin(false)} />
          </Show>
          <Show when={backNote() !== undefined}>
            <BackNote edits={backNote()!} close={() => setBackNote(undefined)} />
          </Show>
          <Show when={ctl.locked()}>
            <LockScreen ctl={ctl} />
          </Show>
        </>
      ),
      'tr-layer',
    ),
  );
  return Object.assign(store, { ctl });
}

/** A PIN field with a keypad; wrong PINs go through the rate limiter and the wait is shown. */
function PinEntry(props: { ctl: TrustController; label: string; onOk: () => void }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t;
  const [pin, setPin] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [clock, setClock] = createSignal(Date.now());
  const timer = setInterval(() => setClock(Date.now()), 250);
  onCleanup(() => clearInterval(timer));
  const wait = () => (clock(), props.ctl.limiter.waitMs());
  let input!: HTMLInputElement;
  onMount(() => input.focus());

  const submit = async () => {
    if (busy() || wait() > 0 || !pin()) return;
    setBusy(true);
    const r = await props.ctl.checkPin(pin());
    setBusy(false);
    setPin('');
    setClock(Date.now());
    if (r.ok) {
      setError('');
      props.onOk();
      return;
    }
    setError(t('trust.pin.wrong'));
    input.focus();
  };
  const press = (d: string) => {
    if (wait() > 0) return;
    setPin((p) => (p.length < 8 ? p + d : p));
    input.focus({ preventScroll: true });
  };
  const status = () => {
    const ms = wait();
    if (ms > 0) return t('trust.pin.wait', { seconds: (i18n.locale(), i18n.i18n.formatNumber(Math.ceil(ms / 1000))) });
    return error();
  };
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  return (
    <form
      class="tr-pin"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label class="bk-field">
        <span>{props.label}</span>
        <input
          ref={input}
          class="tr-pin-input"
          type="password"
          inputMode="numeric"
          autocomplete="off"
          maxLength={8}
          value={pin()}
          disabled={wait() > 0}
          aria-invalid={!!error() || undefined}
          aria-describedby="tr-pin-status"
          onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
        />
      </label>
      <p id="tr-pin-status" class="tr-pin-status" classList={{ 'is-wait': wait() > 0 }} role="status" aria-live="polite" data-testid="pin-status">
        {status()}
      </p>
      <div class="tr-keypad" role="group" aria-label={t('trust.pin.keypad')}>
        <For each={keys}>
          {(k) => (
            <button type="button" class="tr-key" disabled={wait() > 0} onClick={() => press(k)} tabindex="-1">
              {k}
            </button>
          )}
        </For>
        <button type="button" class="tr-key" disabled={wait() > 0} aria-label={t('trust.pin.delete')} onClick={() => setPin((p) => p.slice(0, -1))} tabindex="-1">
          ⌫
        </button>
        <button type="button" class="tr-key" disabled={wait() > 0} onClick={() => press('0')} tabindex="-1">
          0
        </button>
        <button type="submit" class="tr-key is-ok" disabled={wait() > 0 || busy() || pin().length < 4}>
          {t('trust.pin.ok')}
        </button>
      </div>
    </form>
  );
}

/** The full-screen lock: covers and disables everything under it until the PIN is entered. */
function LockScreen(props: { ctl: TrustController }): JSX.Element {
  const { i18n } = useServices();
  let box!: HTMLDivElement;
  // Everything else becomes inert: no focus, no taps, no screen-reader reading behind the lock.
  const others = [...document.body.children].filter((el): el is HTMLElement => el instanceof HTMLElement && !el.classList.contains('tr-layer'));
  onMount(() => {
    for (const el of others) el.inert = true;
  });
  onCleanup(() => {
    for (const el of others) el.inert = false;
  });
  return (
    <div
      ref={box}
      class="tr-lock"
      role="dialog"
      aria-modal="true"
      aria-labelledby="tr-lock-title"
      data-testid="lock-screen"
      // Keys typed here must not reach the workbench's shortcuts.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div class="tr-lock-inner">
        <span class="tr-icon">
          <Icon name="users" size={40} />
        </span>
        <h1 id="tr-lock-title">{i18n.t('trust.lock.title')}</h1>
        <p class="bk-note">{i18n.t('trust.lock.body')}</p>
        <PinEntry ctl={props.ctl} label={i18n.t('trust.pin.label')} onOk={() => props.ctl.unlock()} />
      </div>
    </div>
  );
}

function SetPinDialog(props: { ctl: TrustController; close: () => void }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t;
  const [step, setStep] = createSignal<'current' | 'new'>(props.ctl.hasPin() ? 'current' : 'new');
  const [pin, setPin] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const save = async () => {
    if (!isValidPin(pin())) return setError(t('trust.pin.invalid'));
    if (pin() !== again()) return setError(t('trust.pin.mismatch'));
    setBusy(true);
    try {
      await props.ctl.setPin(pin());
      props.close();
    } catch {
      setError(t('trust.pin.saveFailed'));
    } finally {
      setBusy(false);
    }
  };
  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 8);
  return (
    <Modal title={props.ctl.hasPin() ? t('trust.pin.changeTitle') : t('trust.pin.setTitle')} onCancel={props.close} testId="set-pin">
      <Show
        when={step() === 'new'}
        fallback={
          <>
            <p class="bk-text">{t('trust.pin.currentFirst')}</p>
            <PinEntry ctl={props.ctl} label={t('trust.pin.current')} onOk={() => setStep('new')} />
            <div class="bk-actions">
              <button type="button" class="wb-button" onClick={props.close}>
                {t('common.cancel')}
              </button>
            </div>
          </>
        }
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p class="bk-text">{t('trust.pin.setBody')}</p>
          <label class="bk-field">
            <span>{t('trust.pin.new')}</span>
            <input type="password" inputMode="numeric" autocomplete="new-password" maxLength={8} value={pin()} onInput={(e) => setPin(digits(e.currentTarget.value))} />
          </label>
          <label class="bk-field">
            <span>{t('trust.pin.again')}</span>
            <input type="password" inputMode="numeric" autocomplete="new-password" maxLength={8} value={again()} onInput={(e) => setAgain(digits(e.currentTarget.value))} />
          </label>
          <p class="bk-note">{t('trust.pin.where')}</p>
          <Show when={error()}>
            <p class="bk-error" role="alert">
              {error()}
            </p>
          </Show>
          <div class="bk-actions">
            <button type="button" class="wb-button" onClick={props.close}>
              {t('common.cancel')}
            </button>
            <button type="submit" class="wb-button is-primary" disabled={busy()}>
              {t('trust.pin.save')}
            </button>
          </div>
        </form>
      </Show>
    </Modal>
  );
}

/** "Remove the PIN": only with the current PIN; staff mode and the app lock go with it. */
function RemovePinDialog(props: { ctl: TrustController; close: () => void }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t;
  const [error, setError] = createSignal('');
  const remove = async () => {
    try {
      await props.ctl.removePin();
      props.close();
    } catch {
      setError(t('trust.pin.saveFailed'));
    }
  };
  return (
    <Modal title={t('trust.pin.removeTitle')} onCancel={props.close} testId="remove-pin">
      <p class="bk-text">{t('trust.pin.removeBody')}</p>
      <PinEntry ctl={props.ctl} label={t('trust.pin.current')} onOk={() => void remove()} />
      <Show when={error()}>
        <p class="bk-error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="bk-actions">
        <button type="button" class="wb-button" onClick={props.close}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/** "Back in owner mode", with the number of changes made in staff mode. */
function BackNote(props: { edits: number; close: () => void }): JSX.Element {
  const { i18n } = useServices();
  const timer = setTimeout(props.close, 10_000);
  onCleanup(() => clearTimeout(timer));
  return (
    <div class="bk-toasts">
      <div class="tr-toast" role="status" data-testid="owner-back">
        <Icon name="check" size={18} />
        <span>
          {i18n.t('trust.owner.back')} {props.edits > 0 ? i18n.t('trust.owner.edits', { count: props.edits }) : ''}
        </span>
        <button type="button" class="wb-button" onClick={props.close}>
          {i18n.t('trust.owner.ok')}
        </button>
      </div>
    </div>
  );
}

function TrustSettings(props: { ctl: TrustController; staffOn: () => void; setPin: () => void; removePin: () => void }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t;
  const minutesLabel = (m: number) => (m === 0 ? t('trust.lock.off') : t('trust.lock.minutes', { count: m }));
  return (
    <div class="wb-page" data-editor-kind="trust-settings">
      <div class="wb-page-inner tr-settings">
        <h1>{t('trust.settings.title')}</h1>
        <p class="wb-page-lead">{t('trust.settings.lead')}</p>
        <section class="tr-section" aria-labelledby="tr-pin-h">
          <h2 id="tr-pin-h">{t('trust.pin.heading')}</h2>
          <p>{props.ctl.hasPin() ? t('trust.pin.isSet') : t('trust.pin.notSet')}</p>
          <p class="bk-note">{t('trust.pin.where')}</p>
          <div class="tr-row">
            <button type="button" class="wb-button" classList={{ 'is-primary': !props.ctl.hasPin() }} onClick={props.setPin}>
              {props.ctl.hasPin() ? t('trust.pin.changeTitle') : t('trust.pin.setTitle')}
            </button>
            <Show when={props.ctl.hasPin()}>
              <button type="button" class="wb-button" onClick={props.removePin}>
                {t('trust.pin.removeTitle')}
              </button>
            </Show>
          </div>
        </section>
        <section class="tr-section" aria-labelledby="tr-staff-h">
          <h2 id="tr-staff-h">{t('trust.staff.heading')}</h2>
          <p>{t('trust.staff.explain')}</p>
          <p class="tr-honest">{t('trust.staff.honest')}</p>
          <div class="tr-row">
            <button type="button" class="wb-button is-primary" disabled={!props.ctl.hasPin()} onClick={props.staffOn}>
              {t('trust.cmd.staffOn')}
            </button>
            <Show when={!props.ctl.hasPin()}>
              <span class="bk-note">{t('trust.staff.needsPin')}</span>
            </Show>
          </div>
        </section>
        <section class="tr-section" aria-labelledby="tr-lock-h">
          <h2 id="tr-lock-h">{t('trust.lock.heading')}</h2>
          <p>{t('trust.lock.explain')}</p>
          <div class="tr-row">
            <label class="st-label" for="tr-lock-minutes">
              {t('trust.lock.after')}
            </label>
            <select
              id="tr-lock-minutes"
              class="st-select"
              disabled={!props.ctl.hasPin()}
              value={String(props.ctl.lockMinutes())}
              onChange={(e) => void props.ctl.setLockMinutes(Number(e.currentTarget.value))}
            >
              <For each={LOCK_CHOICES}>
                {(m) => (
                  <option value={String(m)} selected={m === props.ctl.lockMinutes()}>
                    {minutesLabel(m)}
                  </option>
                )}
              </For>
            </select>
            <button type="button" class="wb-button" disabled={!props.ctl.hasPin()} onClick={() => props.ctl.lock()}>
              {t('trust.cmd.lockNow')}
            </button>
          </div>
        </section>
      </div>
    </div>
  );
}
