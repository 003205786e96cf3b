// The Trash: rows deleted from every sheet, most recent first, each with its deleted time and a
// Restore button. Restoring takes you to the row in its sheet, so you see it is back.

import { createMemo, For, Show, type JSX } from 'solid-js';
import { SHEET_IDS, restoreRows, type RowId, type SheetId } from '../../core/index';
import { createBookVersion } from '../../ui/bindings/book';
import { useServices } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import { rowDetail, rowTitle } from './row-label';

export type TrashViewDeps = {
  /** Opens the sheet and selects the restored row. */
  readonly reveal: (sheet: SheetId, row: RowId) => void;
};

const trashed = (book: ReturnType<typeof useServices>['book']) =>
  SHEET_IDS.map((sheet) => ({ sheet, rows: book.sheet(sheet).trashRowIds() }));

export function TrashEditor(props: TrashViewDeps): JSX.Element {
  const { book, i18n } = useServices();
  const t = i18n.t.bind(i18n);
  const version = createBookVersion(book);
  const sections = createMemo(() => (version(), trashed(book)));
  const total = () => sections().reduce((n, s) => n + s.rows.length, 0);

  const restoreAll = () => {
    const all = sections().filter((s) => s.rows.length > 0);
    // The most recently deleted row (first of its sheet) is where the person most likely wants to be.
    const latest = all
      .map((s) => ({ sheet: s.sheet, row: s.rows[0]!, at: book.sheet(s.sheet).deletedAt(s.rows[0]!) ?? 0 }))
      .sort((a, b) => b.at - a.at)[0];
    book.write('local', () => {
      for (const s of all) restoreRows(book, s.sheet, s.rows);
    });
    // The trash is empty now: go back to the data.
    if (latest) props.reveal(latest.sheet, latest.row);
  };
  const restoreOne = (sheet: SheetId, row: RowId) => {
    restoreRows(book, sheet, [row]);
    props.reveal(sheet, row);
  };

  return (
    <div class="wb-page cu-trash" data-editor-kind="trash">
      <div class="wb-page-inner">
        <header class="cu-page-head">
          <div>
            <h1>{t('trash.title')}</h1>
            <p class="wb-page-lead">{t('trash.lead')}</p>
          </div>
          <Show when={total() > 0}>
            <button type="button" class="wb-button" onClick={restoreAll}>
              <Icon name="restore" size={18} />
              {t('trash.restoreAll', { count: total() })}
            </button>
          </Show>
        </header>
        <Show
          when={total() > 0}
          fallback={
            <div class="cu-empty-state">
              <Icon name="trash" size={40} />
              <p>{t('trash.empty')}</p>
            </div>
          }
        >
          <For each={sections()}>
            {(s) => (
              <Show when={s.rows.length > 0}>
                <section class="cu-trash-section" aria-labelledby={`trash-${s.sheet}`}>
                  <h2 id={`trash-${s.sheet}`}>
                    {t(`sheet.${s.sheet}`)} <span class="wb-badge">{i18n.i18n.formatNumber(s.rows.length)}</span>
                  </h2>
                  <ul class="cu-trash-list">
                    <For each={s.rows}>
                      {(row) => {
                        const title = () => (version(), rowTitle(book, s.sheet, row, i18n));
                        const detail = () => (version(), rowDetail(book, s.sheet, row, i18n));
                        const at = () => book.sheet(s.sheet).deletedAt(row);
                        return (
                          <li class="cu-trash-row">
                            <div class="cu-trash-main">
                              <span class="cu-trash-title">{title()}</span>
                              <Show when={detail()}>
                                <span class="cu-trash-detail">{detail()}</span>
                              </Show>
                              <span class="cu-trash-when">
                                {at() !== undefined ? t('trash.deletedAt', { when: i18n.i18n.formatDateTime(at()!) }) : ''}
                              </span>
                            </div>
                            <button
                              type="button"
                              class="wb-button"
                              aria-label={t('trash.restoreRow', { name: title() })}
                              onClick={() => restoreOne(s.sheet, row)}
                            >
                              <Icon name="restore" size={18} />
                              {t('common.restore')}
                            </button>
                          </li>
                        );
                      }}
                    </For>
                  </ul>
                </section>
              </Show>
            )}
          </For>
        </Show>
      </div>
    </div>
  );
}

/** The Trash's side-bar view: how many rows each sheet has in the trash, and a way in. */
export function TrashSummary(props: { open: () => void }): JSX.Element {
  const { book, i18n } = useServices();
  const version = createBookVersion(book);
  const sections = createMemo(() => (version(), trashed(book)));
  return (
    <>
      <ul class="wb-list">
        <For each={sections()}>
          {(s) => (
            <li>
              <button type="button" class="wb-list-item" onClick={() => props.open()}>
                <Icon name="trash" size={18} />
                <span class="wb-list-label">{i18n.t(`sheet.${s.sheet}`)}</span>
                <span class="wb-badge">{i18n.i18n.formatNumber(s.rows.length)}</span>
              </button>
            </li>
          )}
        </For>
      </ul>
      <p class="wb-view-note">{i18n.t('trash.note')}</p>
    </>
  );
}
