// The trust feature's manifest: the "your customer book is not on this device any more" screen,
// shown on start when a note outside IndexedDB says this device had a book and the loaded one is
// empty; and, on iPad/iPhone Safari without the app on the Home Screen, a one-time explanation of
// why to add it (Safari deletes a site's storage after 7 days without a visit). Staff mode and the
// app lock are registered from here too (app-lock.tsx).

import { createSignal, Show, type JSX } from 'solid-js';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import { SHEET_IDS, hasAnyRow, rowsEverAdded, type Book } from '../../core/index';
import { useServices, type Services } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import type { Workbench } from '../../ui/workbench/workbench-context';
import { LAST_BACKUP_LOCAL_KEY } from '../backup/backup-controller';
import { Modal, mountLayer } from '../backup/layer';
import { registerStaffMode } from './app-lock';
import { clearMarker, readMarker, writeMarker, type BookMarker } from './book-marker';

export const IOS_NOTE_KEY = 'trust.iosNoteShown';
const MARKER_DELAY_MS = 1500;

const totalRows = (book: Book) => SHEET_IDS.reduce((n, s) => n + rowsEverAdded(book, s), 0);

/** iPad/iPhone/iPod Safari (iPadOS reports itself as a Mac with touch), not opened from the Home Screen. */
export function isIosBrowserTab(nav: Navigator = navigator, standaloneQuery = () => matchMedia('(display-mode: standalone)').matches): boolean {
  const ios = /iPad|iPhone|iPod/.test(nav.userAgent) || (/Macintosh/.test(nav.userAgent) && nav.maxTouchPoints > 1);
  if (!ios) return false;
  const standalone = (nav as Navigator & { standalone?: boolean }).standalone === true || standaloneQuery();
  return !standalone;
}

export function registerTrustContribution(services: Services, wb: Workbench, deps: { readonly whenLoaded: Promise<void> }): Disposable {
  const { book, deviceStore } = services;
  const store = new DisposableStore();
  const [wiped, setWiped] = createSignal<BookMarker | undefined>();
  const [iosNote, setIosNote] = createSignal(false);
  // Staff mode and the app lock (PIN, masking, idle lock): app-lock.tsx.
  store.add(registerStaffMode(services, wb));

  // Keeps the note up to date while the book has rows (never while the "gone" screen is up).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshMarker = () => {
    // Throttled, not debounced: a steady stream of changes (typing, a sync) must not put it off.
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      const rows = totalRows(book);
      if (rows > 0) {
        const last = Number(globalThis.localStorage?.getItem(LAST_BACKUP_LOCAL_KEY) ?? NaN);
        void writeMarker({ rows, at: Date.now(), ...(Number.isFinite(last) ? { lastBackupAt: last } : {}) });
      }
    }, MARKER_DELAY_MS);
  };
  store.add(toDisposable(() => clearTimeout(timer)));

  // Subscribed at once, not after the check below: an empty book never writes a note, so the
  // check cannot be fooled, and edits made meanwhile are not missed.
  store.add(
    book.onDidChange(() => {
      if (wiped() && hasAnyRow(book)) setWiped(undefined);
      if (!wiped()) refreshMarker();
    }),
  );
  void deps.whenLoaded.then(async () => {
    const marker = await readMarker();
    // Only "is there any row": counting them all would read the 500k purchases before the first screen.
    if (marker && marker.rows > 0 && !hasAnyRow(book)) setWiped(marker);
    else refreshMarker();
    if (isIosBrowserTab() && !(await deviceStore.get<boolean>(IOS_NOTE_KEY))) setIosNote(true);
  });

  const actions = {
    restore: () => services.commands.execute('file.restoreBackup'),
    continueEmpty: () => setWiped(undefined),
    startFresh: () => {
      setWiped(undefined);
      void clearMarker();
    },
  };

  store.add(
    mountLayer(services, wb, () => (
      <>
        <Show when={wiped()}>{(m) => <WipedScreen marker={m()} actions={actions} />}</Show>
        <Show when={iosNote() && !wiped()}>
          <IosNote
            close={() => {
              setIosNote(false);
              void deviceStore.set(IOS_NOTE_KEY, true).catch(() => undefined);
            }}
          />
        </Show>
      </>
    )),
  );
  return store;
}

function WipedScreen(props: { marker: BookMarker; actions: { restore(): void; continueEmpty(): void; startFresh(): void } }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t;
  const [waiting, setWaiting] = createSignal(false);
  let heading!: HTMLHeadingElement;
  queueMicrotask(() => heading?.focus());
  return (
    <div class="tr-screen" role="alertdialog" aria-modal="true" aria-labelledby="tr-wiped-title" data-testid="wiped-screen">
      <div class="tr-screen-inner">
        <span class="tr-icon">
          <Icon name="alert" size={40} />
        </span>
        <h1 id="tr-wiped-title" ref={heading} tabindex="-1">
          {t('trust.wiped.title')}
        </h1>
        <p>{t('trust.wiped.body', { rows: props.marker.rows, date: (i18n.locale(), i18n.i18n.formatDateTime(props.marker.at)) })}</p>
        <p class="bk-note">
          {props.marker.lastBackupAt
            ? t('trust.wiped.lastBackup', { date: (i18n.locale(), i18n.i18n.formatDateTime(props.marker.lastBackupAt)) })
            : t('trust.wiped.noBackup')}
        </p>
        <ul class="tr-choices">
          <li class="tr-choice">
            <button type="button" class="wb-button is-primary" onClick={props.actions.restore}>
              {t('trust.wiped.restore')}
            </button>
            <p>{t('trust.wiped.restoreHelp')}</p>
          </li>
          <li class="tr-choice">
            <button type="button" class="wb-button" aria-expanded={waiting()} onClick={() => setWaiting(true)}>
              {t('trust.wiped.paired')}
            </button>
            <Show when={waiting()} fallback={<p>{t('trust.wiped.pairedHelp')}</p>}>
              <p>{t('trust.wiped.pairedSteps')}</p>
              <button type="button" class="wb-button" onClick={props.actions.continueEmpty}>
                {t('trust.wiped.continueEmpty')}
              </button>
            </Show>
          </li>
          <li class="tr-choice">
            <button type="button" class="wb-button" onClick={props.actions.startFresh}>
              {t('trust.wiped.fresh')}
            </button>
            <p>{t('trust.wiped.freshHelp')}</p>
          </li>
        </ul>
      </div>
    </div>
  );
}

function IosNote(props: { close: () => void }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t;
  return (
    <Modal title={t('trust.ios.title')} onCancel={props.close} testId="ios-note">
      <p class="bk-text">{t('trust.ios.body')}</p>
      <p class="bk-note">{t('trust.ios.how')}</p>
      <div class="bk-actions">
        <button type="button" class="wb-button is-primary" onClick={props.close}>
          {t('trust.ios.ok')}
        </button>
      </div>
    </Modal>
  );
}
