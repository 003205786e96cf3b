// A customer's card: their fields as a form (edits go through the same typed coercion as the
// grid), then their purchases and contacts — rows of those sheets whose `customer` column holds
// this customer's code, row id or name.

import { createMemo, For, Show, type JSX } from 'solid-js';
import {
  restoreRows,
  setCells,
  setCellsFromText,
  valueToText,
  type Column,
  type RowId,
  type SheetId,
} from '../../core/index';
import { createSheetVersion } from '../../ui/bindings/book';
import { isMasked, maskValue, servedRow, setServedRow, staffMasking } from '../../ui/grid/privacy';
import { formatCell } from '../../ui/grid/view-model';
import { useServices } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import { columnLabel, relatedRows, rowTitle } from './row-label';
import { CustomerInsights } from '../analysis/customer-insights';

let fieldSeq = 0;

export function CustomerCard(props: { row: RowId; reveal: (row: RowId) => void }): JSX.Element {
  const { book, i18n, commands } = useServices();
  const t = i18n.t.bind(i18n);
  const version = createSheetVersion(book, 'customers');
  const reader = () => (version(), book.sheet('customers'));
  const exists = () => reader().has(props.row);
  const deleted = () => reader().deletedAt(props.row) !== undefined;
  // Computed columns (visits, tier, segment…) are shown, with their reasons, by CustomerInsights.
  const columns = () => reader().columns().filter((c) => !c.hidden && c.type !== 'computed');
  const title = () => (version(), rowTitle(book, 'customers', props.row, i18n));
  const initial = () => Array.from(title().trim())[0]?.toUpperCase() ?? '?';
  const subtitle = () =>
    ['code', 'tier', 'phone']
      .map((c) => {
        const text = valueToText(reader().get(props.row, c));
        const col = reader().column(c);
        return col && text && isMasked('customers', props.row, col) ? maskValue(col, text) : text;
      })
      .filter(Boolean)
      .join(' · ');

  return (
    <div class="wb-page cu-card" data-editor-kind="customer">
      <div class="wb-page-inner">
        <Show when={exists()} fallback={<p class="wb-empty">{t('card.missing')}</p>}>
          <header class="cu-card-head">
            <div class="cu-avatar" aria-hidden="true">
              {initial()}
            </div>
            <div class="cu-card-titles">
              <h1>{title()}</h1>
              <Show when={subtitle()}>
                <p class="wb-page-lead">{subtitle()}</p>
              </Show>
            </div>
            <div class="cu-card-actions">
              <button
                type="button"
                class="wb-button is-primary"
                data-command="purchases.recordSale"
                onClick={() => commands.execute('purchases.recordSale', props.row)}
                disabled={deleted()}
              >
                <Icon name="receipt" size={18} />
                {t('sales.title')}
              </button>
              {/* Staff mode: shows this one customer's phone and address until their card tab closes. */}
              <Show when={staffMasking()}>
                <button
                  type="button"
                  class="wb-button"
                  aria-pressed={servedRow() === props.row}
                  data-testid="serve-customer"
                  onClick={() => setServedRow(servedRow() === props.row ? undefined : props.row)}
                  disabled={deleted()}
                >
                  <Icon name="card" size={18} />
                  {servedRow() === props.row ? t('trust.staff.serving') : t('trust.staff.serve')}
                </button>
              </Show>
              <button type="button" class="wb-button" onClick={() => props.reveal(props.row)} disabled={deleted()}>
                <Icon name="table" size={18} />
                {t('card.showInSheet')}
              </button>
            </div>
          </header>
          <Show when={deleted()}>
            <div class="cu-notice" role="status">
              <Icon name="alert" size={18} />
              <span>{t('card.inTrash')}</span>
              <button type="button" class="wb-button" onClick={() => restoreRows(book, 'customers', [props.row])}>
                {t('common.restore')}
              </button>
            </div>
          </Show>
          <form class="cu-form" onSubmit={(e) => e.preventDefault()} aria-label={t('card.fields')}>
            <For each={columns()}>{(col) => <Field col={col} row={props.row} />}</For>
          </form>
          <CustomerInsights row={props.row} />
          <Related sheet="purchases" customer={props.row} columns={['date', 'amount', 'items', 'note']} />
          <Related sheet="contacts" customer={props.row} columns={['date', 'channel', 'outcome', 'note']} />
        </Show>
      </div>
    </div>
  );
}

function Field(props: { col: Column; row: RowId }): JSX.Element {
  const { book, i18n } = useServices();
  const id = `cu-field-${++fieldSeq}`;
  const version = createSheetVersion(book, 'customers');
  const value = () => (version(), book.sheet('customers').get(props.row, props.col.id));
  const text = () => valueToText(value());
  const masked = () => isMasked('customers', props.row, props.col);
  const invalid = () => text() !== '' && !masked() && formatCell(props.col, value(), i18n.i18n).invalid;
  const commit = (next: string) => {
    if (next !== text()) setCellsFromText(book, 'customers', [{ row: props.row, col: props.col.id, text: next }]);
  };
  const inputType = () => {
    if (masked()) return 'text';
    switch (props.col.type) {
      case 'phone':
        return 'tel';
      case 'email':
        return 'email';
      case 'date':
        // A native date picker only for valid dates; anything else stays editable as typed.
        return invalid() ? 'text' : 'date';
      default:
        return 'text';
    }
  };
  const listId = `${id}-options`;
  return (
    <div class="cu-field" classList={{ 'is-wide': props.col.type === 'text' && props.col.width >= 200, 'is-invalid': invalid() }}>
      <label for={id}>{columnLabel(props.col, i18n)}</label>
      <Show
        when={props.col.type !== 'checkbox'}
        fallback={
          <input
            id={id}
            type="checkbox"
            class="cu-check"
            checked={value() === true}
            onChange={(e) => setCells(book, 'customers', [{ row: props.row, col: props.col.id, value: e.currentTarget.checked }])}
          />
        }
      >
        <input
          id={id}
          class="cu-input"
          type={inputType()}
          inputMode={props.col.type === 'number' || props.col.type === 'currency' ? 'decimal' : undefined}
          readOnly={props.col.type === 'computed' || masked()}
          list={props.col.type === 'select' && props.col.options.length ? listId : undefined}
          value={masked() ? maskValue(props.col, text()) : text()}
          aria-invalid={invalid() || undefined}
          onChange={(e) => commit(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
        <Show when={props.col.type === 'select' && props.col.options.length}>
          <datalist id={listId}>
            <For each={props.col.options}>{(o) => <option value={o} />}</For>
          </datalist>
        </Show>
      </Show>
    </div>
  );
}

function Related(props: { sheet: SheetId; customer: RowId; columns: readonly string[] }): JSX.Element {
  const { book, i18n } = useServices();
  const t = i18n.t.bind(i18n);
  const version = createSheetVersion(book, props.sheet);
  const customersVersion = createSheetVersion(book, 'customers');
  const rows = createMemo(() => (version(), customersVersion(), relatedRows(book, props.sheet, props.customer)));
  const cols = () => (version(), props.columns.map((c) => book.sheet(props.sheet).column(c)).filter((c): c is Column => !!c));
  return (
    <section class="cu-related" aria-labelledby={`cu-rel-${props.sheet}`}>
      <h2 id={`cu-rel-${props.sheet}`}>
        {t(`sheet.${props.sheet}`)} <span class="wb-badge">{i18n.i18n.formatNumber(rows().length)}</span>
      </h2>
      <Show when={rows().length > 0} fallback={<p class="wb-empty">{t(`card.no.${props.sheet}`)}</p>}>
        <div class="cu-table-wrap">
          <table class="cu-table">
            <thead>
              <tr>
                <For each={cols()}>
                  {(c) => (
                    <th scope="col" classList={{ 'is-num': c.type === 'number' || c.type === 'currency' }}>
                      {columnLabel(c, i18n)}
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={rows().slice(0, 200)}>
                {(r) => (
                  <tr>
                    <For each={cols()}>
                      {(c) => {
                        const d = () => (version(), formatCell(c, book.sheet(props.sheet).get(r, c.id), i18n.i18n));
                        return <td classList={{ 'is-num': d().numeric }}>{d().text}</td>;
                      }}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={rows().length > 200}>
          <p class="wb-empty">{t('card.more', { count: rows().length - 200 })}</p>
        </Show>
      </Show>
    </section>
  );
}
