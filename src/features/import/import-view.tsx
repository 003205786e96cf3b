// The Import tab: a drop zone and a file picker; while the worker reads, a progress bar and Cancel;
// then the file's settings (encoding, delimiter, sheet, header row), a preview of its first rows,
// the column mapping, where and how to merge, the plan's counts and lists — and only on "Import N
// rows" is anything written. A file with one line per sale can instead be imported as customers
// plus their purchases (its own column roles and a plan per sheet, written in one step). Afterwards
// the report stays here. File content is only ever text nodes.

import { createSignal, For, Index, onMount, Show, type JSX } from 'solid-js';
import { SHEET_IDS, type Column, type SheetId } from '../../core/index';
import type { ColumnTarget, EncodingName, MatchKey, MergePolicy } from '../../io/types';
import { afterNextPaint } from '../../ui/after-paint';
import { useServices } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import type { FileColumn, ImportMode, ImportSession } from './import-session';
import { duplicateRoles, hasCustomerColumn, isSaleField, ROLE_CODE, ROLE_NEW_CUSTOMER_COLUMN, ROLE_SKIP, customerRole, saleRole, txCounts, txRoleOf } from './import-transactions';
import {
  cellText,
  DELIMITER_CHOICES,
  duplicateTargets,
  ENCODING_CHOICES,
  FILE_ACCEPT,
  formatBytes,
  IMPORTABLE_TYPES,
  parseTargetValue,
  planColumnLabel,
  planCounts,
  PREVIEW_ROWS,
  targetValue,
  valueText,
  type ImportReport,
} from './import-model';
import { columnLabel } from '../../ui/column-label';

export type ImportViewActions = {
  /** Applies the plan, then shows the target sheet's grid. */
  confirm(): void;
  openSheet(sheet: SheetId): void;
  exportReport(): void;
  /** The country of phone numbers written without a country code (the device's setting), and the
   * choices with their names; changing it re-plans the import and is kept in Settings. */
  readonly phoneCountry: { value(): string; choices(): readonly { readonly code: string; readonly name: string }[]; set(code: string): void };
};

const MATCH_KEYS: readonly MatchKey[] = ['code', 'phone', 'email', 'none'];
const POLICIES: readonly MergePolicy[] = ['skip', 'fillEmpty', 'overwrite'];
/** How many entries an expandable list shows before "and N more". */
const LIST_LIMIT = 200;

export function ImportView(props: { session: ImportSession; actions: ImportViewActions }): JSX.Element {
  const { i18n } = useServices();
  const s = props.session;
  return (
    <div
      class="wb-page im-page"
      data-editor-kind="import"
      // A file dropped anywhere on the tab is taken, rather than the browser navigating away to it.
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const f = e.dataTransfer?.files[0];
        if (f && s.phase() !== 'parsing') s.open(f, f.name);
      }}
    >
      <div class="im-inner">
        <header class="im-head">
          <h1>{i18n.t('import.title')}</h1>
          <p class="wb-page-lead">{i18n.t('import.lead')}</p>
        </header>
        <Show when={s.phase() === 'idle' || s.phase() === 'error'}>
          <Show when={s.phase() === 'error'}>
            <div class="im-alert" role="alert">
              <Icon name="alert" size={22} />
              <div>
                <strong>{i18n.t('import.failed', { file: s.fileName() })}</strong>
                <p>{i18n.t(s.errorKey())}</p>
                <p class="im-muted">{i18n.t('import.nothingWritten')}</p>
              </div>
            </div>
          </Show>
          <DropZone session={s} />
          <Show when={s.report()}>{(r) => <LastReport report={r()} actions={props.actions} />}</Show>
        </Show>
        <Show when={s.phase() === 'parsing'}>
          <Parsing session={s} />
        </Show>
        <Show when={s.phase() === 'ready'}>
          <Mapping session={s} actions={props.actions} />
        </Show>
        <Show when={s.phase() === 'done' && s.report()}>
          {(r) => (
            <>
              <Report report={r()} actions={props.actions} />
              <h2 class="im-again">{i18n.t('import.another')}</h2>
              <DropZone session={s} />
            </>
          )}
        </Show>
      </div>
    </div>
  );
}

// --- choosing a file --------------------------------------------------------------------------

function DropZone(props: { session: ImportSession; compact?: boolean }): JSX.Element {
  const { i18n } = useServices();
  const [over, setOver] = createSignal(false);
  const take = (files: FileList | null | undefined) => {
    const f = files?.[0];
    if (f) props.session.open(f, f.name);
  };
  const inputId = `im-file-${props.compact ? 'again' : 'main'}`;
  return (
    <div
      class="im-drop"
      classList={{ 'is-over': over(), 'is-compact': !!props.compact }}
      onDragEnter={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <Show when={!props.compact}>
        <Icon name="file" size={44} class="im-drop-icon" />
        <p class="im-drop-title">{i18n.t('import.drop.title')}</p>
        <p class="im-muted">{i18n.t('import.drop.or')}</p>
      </Show>
      <input
        id={inputId}
        class="im-file-input"
        type="file"
        accept={FILE_ACCEPT}
        onChange={(e) => {
          take(e.currentTarget.files);
          // The same file chosen again must fire `change` again.
          e.currentTarget.value = '';
        }}
      />
      <label for={inputId} class="wb-button im-file-label" classList={{ 'is-primary': !props.compact }}>
        {props.compact ? i18n.t('import.chooseAnother') : i18n.t('import.choose')}
      </label>
      <Show when={!props.compact}>
        <p class="im-muted im-formats">{i18n.t('import.formats')}</p>
      </Show>
    </div>
  );
}

function Parsing(props: { session: ImportSession }): JSX.Element {
  const { i18n } = useServices();
  const s = props.session;
  return (
    <section class="im-card im-parsing" aria-busy="true">
      <p class="im-file-name">
        <Icon name="file" size={20} />
        <span>{s.fileName()}</span>
        <span class="im-muted">{formatBytes(s.fileSize(), i18n.i18n.formatNumber)}</span>
      </p>
      <progress class="im-progress" aria-label={i18n.t('import.reading')} />
      <p class="im-muted" role="status" aria-live="polite">
        {s.rowsRead() > 0 ? i18n.t('import.rowsRead', { count: s.rowsRead() }) : i18n.t('import.reading')}
      </p>
      <button type="button" class="wb-button" onClick={() => s.cancel()}>
        {i18n.t('import.cancel')}
      </button>
    </section>
  );
}

// --- the file's settings, the preview and the mapping -----------------------------------------

function Mapping(props: { session: ImportSession; actions: ImportViewActions }): JSX.Element {
  const { i18n } = useServices();
  const s = props.session;
  const result = () => s.result()!;
  const isText = () => !!result().encoding || !!result().delimiter;
  const encodingChoices = (): readonly EncodingName[] => {
    const used = result().encoding?.used;
    return used && !ENCODING_CHOICES.includes(used) ? [...ENCODING_CHOICES, used] : ENCODING_CHOICES;
  };
  // Drawn one card per frame, top first: the whole step at once (a file preview, a select per column,
  // the plan) was one 130–150 ms frame on a tablet-class CPU while the workers plan beside it.
  const [drawn, setDrawn] = createSignal(1);
  const drawNext = () => afterNextPaint(() => drawn() < 4 && (setDrawn(drawn() + 1), drawNext()));
  onMount(drawNext);
  return (
    <>
      <section class="im-card" aria-labelledby="im-file-h">
        <div class="im-card-head">
          <h2 id="im-file-h" class="im-file-name">
            <Icon name="file" size={20} />
            <span>{s.fileName()}</span>
          </h2>
          <DropZone session={s} compact />
        </div>
        <div class="im-fields">
          <Show when={result().encoding}>
            {(enc) => (
              <div class="im-field">
                <label for="im-encoding">{i18n.t('import.encoding')}</label>
                <select id="im-encoding" class="im-select" onChange={(e) => s.setEncoding(e.currentTarget.value as EncodingName)}>
                  <For each={encodingChoices()}>
                    {(name) => (
                      <option value={name} selected={name === enc().used}>
                        {i18n.t(`import.encoding.${name}`)}
                      </option>
                    )}
                  </For>
                </select>
                <span class="im-hint">
                  {s.encodingOverride() ? i18n.t('import.encoding.chosen') : enc().guessed ? i18n.t('import.encoding.guessed') : i18n.t('import.encoding.marked')}
                </span>
              </div>
            )}
          </Show>
          <Show when={isText() && result().delimiter !== undefined}>
            <div class="im-field">
              <label for="im-delimiter">{i18n.t('import.delimiter')}</label>
              <select id="im-delimiter" class="im-select" onChange={(e) => s.setDelimiter(e.currentTarget.value)}>
                <For each={DELIMITER_CHOICES.includes(result().delimiter!) ? DELIMITER_CHOICES : [...DELIMITER_CHOICES, result().delimiter!]}>
                  {(d) => (
                    <option value={d} selected={d === result().delimiter}>
                      {delimiterLabel(d, i18n.t)}
                    </option>
                  )}
                </For>
              </select>
            </div>
          </Show>
          <Show when={result().sheets.length > 1}>
            <div class="im-field">
              <label for="im-sheet">{i18n.t('import.sheet')}</label>
              <select id="im-sheet" class="im-select" onChange={(e) => s.setSheet(Number(e.currentTarget.value))}>
                <For each={result().sheets}>
                  {(sheet, i) => (
                    <option value={i()} selected={i() === s.sheetIndex()}>
                      {i18n.t((sheet as { hidden?: boolean }).hidden ? 'import.sheet.optionHidden' : 'import.sheet.option', {
                        name: sheet.name,
                        count: sheet.rows.length,
                      })}
                    </option>
                  )}
                </For>
              </select>
            </div>
          </Show>
          <div class="im-field">
            <label for="im-header-row">{i18n.t('import.headerRow')}</label>
            <input
              id="im-header-row"
              class="im-number"
              type="number"
              inputmode="numeric"
              min="1"
              max={Math.max(1, s.rows().length)}
              value={s.headerRow() + 1}
              aria-describedby="im-header-hint"
              onChange={(e) => {
                const n = Number(e.currentTarget.value);
                if (Number.isFinite(n) && n >= 1) s.setHeaderRow(n - 1);
                e.currentTarget.value = String(s.headerRow() + 1);
              }}
            />
            <span class="im-hint" id="im-header-hint">
              {i18n.t('import.headerRow.hint')}
            </span>
          </div>
          <Show when={s.columns().some((c) => c.inferred.type === 'phone')}>
            <div class="im-field">
              <label for="im-phone-country">{i18n.t('settings.phoneCountry')}</label>
              <select
                id="im-phone-country"
                class="im-select"
                aria-describedby="im-phone-country-hint"
                onChange={(e) => props.actions.phoneCountry.set(e.currentTarget.value)}
              >
                <For each={props.actions.phoneCountry.choices()}>
                  {(c) => (
                    <option value={c.code} selected={c.code === props.actions.phoneCountry.value()}>
                      {c.name}
                    </option>
                  )}
                </For>
              </select>
              <span class="im-hint" id="im-phone-country-hint">
                {i18n.t('import.phoneCountry.hint')}
              </span>
            </div>
          </Show>
        </div>
        <Preview session={s} />
      </section>

      <Show when={drawn() >= 2}>
        <section class="im-card" aria-labelledby="im-map-h">
          <h2 id="im-map-h">{i18n.t('import.mapping')}</h2>
          <Show when={s.transactionsAvailable()}>
            <ModeChoice session={s} />
          </Show>
          <Show when={s.mode() === 'transactions'}>
            <TxMapping session={s} />
          </Show>
          <Show when={s.mode() === 'rows'}>
            <p class="im-muted">{i18n.t('import.mapping.lead')}</p>
            <div class="im-fields">
              <div class="im-field">
                <label for="im-target-sheet">{i18n.t('import.targetSheet')}</label>
                <select id="im-target-sheet" class="im-select" onChange={(e) => s.setTargetSheet(e.currentTarget.value as SheetId)}>
                  <For each={SHEET_IDS}>
                    {(id) => (
                      <option value={id} selected={id === s.targetSheet()}>
                        {i18n.t(`sheet.${id}`)}
                      </option>
                    )}
                  </For>
                </select>
              </div>
            </div>
            <ul class="im-map-list">
              <Index each={s.columns()}>{(col) => <MappingLine col={col()} session={s} />}</Index>
            </ul>
          </Show>
        </section>
      </Show>

      <Show when={drawn() >= 3}>
        <section class="im-card" aria-labelledby="im-merge-h">
          <h2 id="im-merge-h">{i18n.t('import.merge')}</h2>
          <Show when={s.mode() === 'transactions'}>
            <p class="im-muted im-tx-note">{i18n.t('import.tx.matchNote')}</p>
          </Show>
          <div class="im-fields">
            <Show when={s.mode() === 'rows'}>
              <div class="im-field">
                <label for="im-match">{i18n.t('import.matchBy')}</label>
                <select id="im-match" class="im-select" onChange={(e) => s.setMatchBy(e.currentTarget.value as MatchKey)}>
                  <For each={MATCH_KEYS}>
                    {(k) => (
                      <option value={k} selected={k === s.matchBy()}>
                        {i18n.t(`import.matchBy.${k}`)}
                      </option>
                    )}
                  </For>
                </select>
              </div>
            </Show>
            <div class="im-field">
              <label for="im-policy">{i18n.t('import.policy')}</label>
              <select
                id="im-policy"
                class="im-select"
                disabled={s.mode() === 'rows' && s.matchBy() === 'none'}
                aria-describedby="im-policy-hint"
                onChange={(e) => s.setPolicy(e.currentTarget.value as MergePolicy)}
              >
                <For each={POLICIES}>
                  {(p) => (
                    <option value={p} selected={p === s.policy()}>
                      {i18n.t(`import.policy.${p}`)}
                    </option>
                  )}
                </For>
              </select>
              <span class="im-hint" id="im-policy-hint">
                {s.mode() === 'rows' && s.matchBy() === 'none' ? i18n.t('import.policy.noneHint') : i18n.t(`import.policy.${s.policy()}.hint`)}
              </span>
            </div>
          </div>
          <Show when={s.ambiguous()}>
            {(a) => (
              <fieldset class="im-dates">
                <legend>{i18n.t(a().count === 1 ? 'import.dates.ambiguous.one' : 'import.dates.ambiguous', { count: a().count, example: a().example })}</legend>
                <div class="im-segments" role="radiogroup">
                  <label class="im-segment" classList={{ 'is-on': s.dayFirst() }}>
                    <input type="radio" name="im-dayfirst" checked={s.dayFirst()} onChange={() => s.setDayFirst(true)} />
                    {i18n.t('import.dates.dayFirst')}
                  </label>
                  <label class="im-segment" classList={{ 'is-on': !s.dayFirst() }}>
                    <input type="radio" name="im-dayfirst" checked={!s.dayFirst()} onChange={() => s.setDayFirst(false)} />
                    {i18n.t('import.dates.monthFirst')}
                  </label>
                </div>
              </fieldset>
            )}
          </Show>
        </section>
      </Show>

      <Show when={drawn() >= 4}>
        <Show when={s.mode() === 'rows'} fallback={<TxPlanPreview session={s} actions={props.actions} />}>
          <PlanPreview session={s} actions={props.actions} />
        </Show>
      </Show>
    </>
  );
}

// --- a file with one line per sale: customers plus their purchases -----------------------------

const MODES: readonly ImportMode[] = ['rows', 'transactions'];

/** "Import as": customers only, or customers and their purchases (offered when the file has sales). */
function ModeChoice(props: { session: ImportSession }): JSX.Element {
  const { i18n } = useServices();
  const s = props.session;
  return (
    <fieldset class="im-modes">
      <legend>{i18n.t('import.mode')}</legend>
      <p class="im-muted im-modes-lead">{i18n.t('import.mode.detected')}</p>
      <div class="im-mode-list" role="radiogroup">
        <For each={MODES}>
          {(m) => (
            <label class="im-mode" classList={{ 'is-on': s.mode() === m }}>
              <input type="radio" name="im-mode" value={m} checked={s.mode() === m} onChange={() => s.setMode(m)} />
              <span class="im-mode-mark" aria-hidden="true" />
              <span class="im-mode-text">
                <span class="im-mode-title">{i18n.t(`import.mode.${m}`)}</span>
                <span class="im-mode-hint">{i18n.t(`import.mode.${m}.hint`)}</span>
              </span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}

/** The role of each file column: the customer code, a customer field, a purchase field, or nothing. */
function TxMapping(props: { session: ImportSession }): JSX.Element {
  const { i18n } = useServices();
  const s = props.session;
  return (
    <>
      <p class="im-muted">{i18n.t('import.tx.lead')}</p>
      <Show when={s.txMapping() && !hasCustomerColumn(s.txMapping())}>
        <p class="im-warn im-tx-warn" role="alert">
          {i18n.t('import.tx.noCode')}
        </p>
      </Show>
      <ul class="im-map-list">
        <Index each={s.columns()}>{(col) => <TxMappingLine col={col()} session={s} />}</Index>
      </ul>
    </>
  );
}

/** A file column's header as shown, "Column 3" when it has none. */
function fileColumnName(col: FileColumn, t: (key: string, params?: Record<string, string | number>) => string): string {
  return col.header || t('import.column.untitled', { n: col.index + 1 });
}

/** The left half of a mapping line: the file column's name (labelling its target select) and samples. */
function MappingSource(props: { col: FileColumn; header: string; for: string }): JSX.Element {
  const { i18n } = useServices();
  return (
    <>
      <div class="im-map-source">
        <label class="im-map-header" for={props.for}>
          {props.header}
        </label>
        <span class="im-map-samples">{props.col.samples.length ? props.col.samples.join(' · ') : i18n.t('import.column.empty')}</span>
      </div>
      <span class="im-map-arrow" aria-hidden="true">
        →
      </span>
    </>
  );
}

function TxMappingLine(props: { col: FileColumn; session: ImportSession }): JSX.Element {
  const { i18n } = useServices();
  const s = props.session;
  const role = () => {
    const m = s.txMapping();
    return m ? txRoleOf(m, props.col.index) : ROLE_SKIP;
  };
  const header = () => fileColumnName(props.col, i18n.t);
  const colName = (c: Column) => columnLabel(c, i18n.t);
  const duplicate = () => {
    const m = s.txMapping();
    return !!m && duplicateRoles(m, s.columns().length).has(props.col.index);
  };
  const selectId = () => `im-tx-${props.col.index}`;
  const customerFields = () => s.customerColumns().filter((c) => c.id !== 'code');
  const saleFields = () => s.purchaseColumns().filter((c) => isSaleField(c.id));
  return (
    <li class="im-map-line im-tx-line" classList={{ 'is-skipped': role() === ROLE_SKIP, 'is-code': role() === ROLE_CODE }}>
      <MappingSource col={props.col} header={header()} for={selectId()} />
      <div class="im-map-target">
        <select
          id={selectId()}
          class="im-select"
          aria-label={i18n.t('import.target.label', { column: header() })}
          onChange={(e) => s.setTxRole(props.col.index, e.currentTarget.value)}
        >
          <option value={ROLE_CODE} selected={role() === ROLE_CODE}>
            {i18n.t('import.tx.role.code')}
          </option>
          <optgroup label={i18n.t('import.tx.group.sale')}>
            <For each={saleFields()}>
              {(c) => (
                <option value={saleRole(c.id)} selected={role() === saleRole(c.id)}>
                  {colName(c)}
                </option>
              )}
            </For>
          </optgroup>
          <optgroup label={i18n.t('import.tx.group.customer')}>
            <For each={customerFields()}>
              {(c) => (
                <option value={customerRole(c.id)} selected={role() === customerRole(c.id)}>
                  {colName(c)}
                </option>
              )}
            </For>
            <option value={ROLE_NEW_CUSTOMER_COLUMN} selected={role() === ROLE_NEW_CUSTOMER_COLUMN}>
              {i18n.t('import.tx.role.newCustomerColumn')}
            </option>
          </optgroup>
          <option value={ROLE_SKIP} selected={role() === ROLE_SKIP}>
            {i18n.t('import.target.skip')}
          </option>
        </select>
        <span
          class="im-tx-tag"
          classList={{ 'is-sale': role().startsWith('sale:'), 'is-code': role() === ROLE_CODE, 'is-none': role() === ROLE_SKIP }}
          aria-hidden={role() === ROLE_SKIP ? 'true' : undefined}
        >
          {role() === ROLE_CODE ? i18n.t('import.tx.tag.both') : role().startsWith('sale:') ? i18n.t('sheet.purchases') : role() === ROLE_SKIP ? '' : i18n.t('sheet.customers')}
        </span>
        <Show when={duplicate()}>
          <span class="im-warn">{i18n.t('import.target.duplicate')}</span>
        </Show>
      </div>
    </li>
  );
}

/** Both plans before anything is written: customers new/updated, purchases new, and their problems. */
function TxPlanPreview(props: { session: ImportSession; actions: ImportViewActions }): JSX.Element {
  const { i18n } = useServices();
  const s = props.session;
  const counts = () => {
    const p = s.txPlans();
    return p ? txCounts(p) : undefined;
  };
  const customerLabel = useColumnLabel(
    () => 'customers',
    () => s.txPlans()?.customers.newColumns.map((c) => c.name) ?? [],
  );
  const purchaseLabel = useColumnLabel(
    () => 'purchases',
    () => [],
  );
  return (
    <section class="im-card" aria-labelledby="im-plan-h">
      <h2 id="im-plan-h">{i18n.t('import.plan')}</h2>
      <Show when={s.planError()}>
        <div class="im-alert" role="alert">
          <Icon name="alert" size={22} />
          <p>{i18n.t('import.plan.failed', { detail: s.planError() })}</p>
        </div>
      </Show>
      <Show when={s.txPlans()}>
        {(plans) => (
          <div class="im-tx-plans">
            <div class="im-tx-plan" data-plan="customers">
              <h3 class="im-tx-plan-h">{i18n.t('sheet.customers')}</h3>
              <Counts
                items={[
                  ['add', counts()!.customers.add],
                  ['update', counts()!.customers.update],
                  ['unchanged', counts()!.customers.unchanged],
                  ['problems', counts()!.customers.problems],
                ]}
              />
              <Show when={plans().customers.newColumns.length > 0}>
                <p class="im-muted">
                  {i18n.t('import.plan.newColumns', {
                    names: plans()
                      .customers.newColumns.map((c) => `${c.name} (${i18n.t(`columnType.${c.type}`)})`)
                      .join(', '),
                  })}
                </p>
              </Show>
              <Details title={i18n.t('import.list.updated', { count: plans().customers.update.length })} show={plans().customers.update.length > 0}>
                <UpdateList updates={plans().customers.update} colLabel={customerLabel} />
              </Details>
              <Details title={i18n.t('import.list.problems', { count: plans().customers.problems.length })} show={plans().customers.problems.length > 0}>
                <ProblemList problems={plans().customers.problems} colLabel={customerLabel} />
              </Details>
            </div>
            <div class="im-tx-plan" data-plan="purchases">
              <h3 class="im-tx-plan-h">{i18n.t('sheet.purchases')}</h3>
              <Counts
                items={[
                  ['add', counts()!.purchases.add],
                  ['skipped', counts()!.purchases.skipped],
                  ['problems', counts()!.purchases.problems],
                ]}
              />
              <Details title={i18n.t('import.list.skipped', { count: plans().purchases.skipped.length })} show={plans().purchases.skipped.length > 0}>
                <SkippedList skipped={plans().purchases.skipped} />
              </Details>
              <Details title={i18n.t('import.list.problems', { count: plans().purchases.problems.length })} show={plans().purchases.problems.length > 0}>
                <ProblemList problems={plans().purchases.problems} colLabel={purchaseLabel} />
              </Details>
            </div>
          </div>
        )}
      </Show>
      <div class="im-actions">
        <button
          type="button"
          class="wb-button is-primary im-confirm"
          disabled={!counts() || counts()!.toWrite === 0}
          onClick={() => props.actions.confirm()}
        >
          {i18n.t('import.tx.confirm', { customers: counts()?.customers.toWrite ?? 0, purchases: counts()?.purchases.toWrite ?? 0 })}
        </button>
        <button type="button" class="wb-button" onClick={() => s.reset()}>
          {i18n.t('import.cancel')}
        </button>
        <span class="im-muted">{counts() && counts()!.toWrite === 0 ? i18n.t('import.nothingToDo') : i18n.t('import.oneStep')}</span>
      </div>
    </section>
  );
}

function delimiterLabel(d: string, t: (key: string) => string): string {
  const named: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
  return named[d] ? t(`import.delimiter.${named[d]}`) : JSON.stringify(d);
}

/** The first rows of the file as they are, the header row marked; a row's number makes it the header. */
function Preview(props: { session: ImportSession }): JSX.Element {
  const { i18n } = useServices();
  const s = props.session;
  const shown = () => s.rows().slice(0, Math.max(PREVIEW_ROWS, Math.min(s.headerRow() + 6, s.rows().length)));
  const width = () => Math.min(40, Math.max(0, ...shown().map((r) => r.length)));
  return (
    <div class="im-preview-wrap" role="region" aria-label={i18n.t('import.preview')} tabIndex={0}>
      <table class="im-preview">
        <caption class="wb-visually-hidden">{i18n.t('import.preview.caption', { count: s.rows().length })}</caption>
        <tbody>
          <For each={shown()}>
            {(row, i) => {
              const isHeader = () => i() === s.headerRow();
              return (
                <tr classList={{ 'is-header': isHeader(), 'is-above': i() < s.headerRow() }} aria-current={isHeader() ? 'true' : undefined}>
                  <th scope="row" class="im-rownum">
                    <button
                      type="button"
                      aria-label={i18n.t('import.headerRow.use', { row: i() + 1 })}
                      title={i18n.t('import.headerRow.use', { row: i() + 1 })}
                      aria-pressed={isHeader()}
                      onClick={() => s.setHeaderRow(i())}
                    >
                      {i() + 1}
                    </button>
                  </th>
                  <Index each={Array.from({ length: width() })}>{(_, c) => <td>{cellText(row[c])}</td>}</Index>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
      <Show when={s.rows().length > shown().length}>
        <p class="im-muted im-more">{i18n.t('import.preview.more', { count: s.rows().length - shown().length })}</p>
      </Show>
    </div>
  );
}

function MappingLine(props: { col: FileColumn; session: ImportSession }): JSX.Element {
  const { i18n } = useServices();
  const s = props.session;
  const target = (): ColumnTarget => s.targets()[props.col.index] ?? { kind: 'skip' };
  const header = () => fileColumnName(props.col, i18n.t);
  const colName = (c: Column) => columnLabel(c, i18n.t);
  const duplicate = () => duplicateTargets(s.targets()).has(props.col.index);
  const selectId = () => `im-target-${props.col.index}`;
  const newType = () => {
    const t = target();
    return t.kind === 'new' ? t.type : props.col.inferred.type === 'computed' ? 'text' : props.col.inferred.type;
  };
  const set = (value: string) => s.setTarget(props.col.index, parseTargetValue(value, props.col.header, newType(), header()));
  return (
    <li class="im-map-line" classList={{ 'is-skipped': target().kind === 'skip' }}>
      <MappingSource col={props.col} header={header()} for={selectId()} />
      <div class="im-map-target">
        <select
          id={selectId()}
          class="im-select"
          aria-label={i18n.t('import.target.label', { column: header() })}
          onChange={(e) => set(e.currentTarget.value)}
        >
          <optgroup label={i18n.t('import.target.existing')}>
            <For each={s.bookColumns()}>
              {(c) => (
                <option value={`col:${c.id}`} selected={targetValue(target()) === `col:${c.id}`}>
                  {colName(c)}
                </option>
              )}
            </For>
          </optgroup>
          <option value="new" selected={target().kind === 'new'}>
            {i18n.t('import.target.new')}
          </option>
          <option value="skip" selected={target().kind === 'skip'}>
            {i18n.t('import.target.skip')}
          </option>
        </select>
        <Show when={target().kind === 'new'}>
          <select
            class="im-select im-type"
            aria-label={i18n.t('import.target.type', { column: header() })}
            onChange={(e) => {
              const t = target();
              if (t.kind === 'new') s.setTarget(props.col.index, { ...t, type: e.currentTarget.value as (typeof IMPORTABLE_TYPES)[number] });
            }}
          >
            <For each={IMPORTABLE_TYPES}>
              {(type) => (
                <option value={type} selected={type === newType()}>
                  {i18n.t(`columnType.${type}`)}
                </option>
              )}
            </For>
          </select>
        </Show>
        <Show when={duplicate()}>
          <span class="im-warn">{i18n.t('import.target.duplicate')}</span>
        </Show>
      </div>
    </li>
  );
}

// --- the plan before anything is written ------------------------------------------------------

function PlanPreview(props: { session: ImportSession; actions: ImportViewActions }): JSX.Element {
  const { i18n } = useServices();
  const s = props.session;
  const counts = () => {
    const p = s.plan();
    return p ? planCounts(p) : undefined;
  };
  const colLabel = useColumnLabel(
    () => s.targetSheet(),
    () => s.plan()?.newColumns.map((c) => c.name) ?? [],
  );
  return (
    <section class="im-card" aria-labelledby="im-plan-h">
      <h2 id="im-plan-h">{i18n.t('import.plan')}</h2>
      <Show when={s.planError()}>
        <div class="im-alert" role="alert">
          <Icon name="alert" size={22} />
          <p>{i18n.t('import.plan.failed', { detail: s.planError() })}</p>
        </div>
      </Show>
      <Show when={s.plan()}>
        {(plan) => (
          <>
            <Counts
              items={[
                ['add', counts()!.add],
                ['update', counts()!.update],
                ['unchanged', counts()!.unchanged],
                ['skipped', counts()!.skipped],
                ['problems', counts()!.problems],
              ]}
            />
            <Show when={plan().newColumns.length > 0}>
              <p class="im-muted">
                {i18n.t('import.plan.newColumns', {
                  names: plan()
                    .newColumns.map((c) => `${c.name} (${i18n.t(`columnType.${c.type}`)})`)
                    .join(', '),
                })}
              </p>
            </Show>
            <Details title={i18n.t('import.list.updated', { count: plan().update.length })} show={plan().update.length > 0}>
              <UpdateList updates={plan().update} colLabel={colLabel} />
            </Details>
            <Details title={i18n.t('import.list.skipped', { count: plan().skipped.length })} show={plan().skipped.length > 0}>
              <SkippedList skipped={plan().skipped} />
            </Details>
            <Details title={i18n.t('import.list.problems', { count: plan().problems.length })} show={plan().problems.length > 0}>
              <ProblemList problems={plan().problems} colLabel={colLabel} />
            </Details>
          </>
        )}
      </Show>
      <Preparing session={s} ready={!!counts()} />
      <div class="im-actions">
        <button
          type="button"
          class="wb-button is-primary im-confirm"
          disabled={!counts() || counts()!.toWrite === 0}
          onClick={() => props.actions.confirm()}
        >
          {counts() ? i18n.t(counts()!.toWrite === 1 ? 'import.confirm.one' : 'import.confirm', { count: counts()!.toWrite }) : i18n.t('import.confirm.waiting')}
        </button>
        <button type="button" class="wb-button" onClick={() => s.reset()}>
          {i18n.t('import.cancel')}
        </button>
        <span class="im-muted">{counts()?.toWrite === 0 ? i18n.t('import.nothingToDo') : i18n.t('import.oneStep')}</span>
      </div>
    </section>
  );
}

/** Said while the worker makes the plan: the button cannot import yet, and this says why. (A
 * row-per-sale plan is made on the page at once; without one, TxMapping says what is missing.) */
function Preparing(props: { session: ImportSession; ready: boolean }): JSX.Element {
  const { i18n } = useServices();
  return (
    <Show when={!props.ready && !props.session.planError()}>
      <p class="im-muted" role="status">
        {i18n.t('import.plan.preparing')}
      </p>
    </Show>
  );
}

type CountKey = 'add' | 'update' | 'unchanged' | 'skipped' | 'problems';

function Counts(props: { items: readonly (readonly [CountKey, number])[] }): JSX.Element {
  const { i18n } = useServices();
  return (
    <dl class="im-counts">
      <For each={props.items}>
        {([key, n]) => (
          <div class="im-count" classList={{ [`is-${key}`]: true, 'is-zero': n === 0 }} data-count={key}>
            <dd>{i18n.i18n.formatNumber(n)}</dd>
            <dt>{i18n.t(`import.count.${key}`)}</dt>
          </div>
        )}
      </For>
    </dl>
  );
}

function Details(props: { title: string; show: boolean; children: JSX.Element }): JSX.Element {
  return (
    <Show when={props.show}>
      <details class="im-details">
        <summary>{props.title}</summary>
        <div class="im-details-body">{props.children}</div>
      </details>
    </Show>
  );
}

/** A plan's column key (a book column id, or `new:<i>` for a column the import creates) as a name. */
function useColumnLabel(sheet: () => string, newColumns: () => readonly string[]): (key: string) => string {
  const { book, i18n } = useServices();
  return (key) =>
    planColumnLabel(key, newColumns(), (id) => {
      const col = SHEET_IDS.includes(sheet() as SheetId) ? book.sheet(sheet() as SheetId).column(id) : undefined;
      return col ? columnLabel(col, i18n.t) : id;
    });
}

/** A reason from the plan (an i18n key), in words; a row merged into an earlier one says which. */
function useReason(): (reason: string, mergedInto?: number) => string {
  const { i18n } = useServices();
  return (reason, mergedInto) => {
    const text = i18n.i18n.has(reason) ? i18n.t(reason) : reason;
    return mergedInto ? `${text} (${i18n.t('import.fileRow', { row: mergedInto })})` : text;
  };
}

function More(props: { total: number }): JSX.Element {
  const { i18n } = useServices();
  return (
    <Show when={props.total > LIST_LIMIT}>
      <li class="im-muted">{i18n.t('import.list.more', { count: props.total - LIST_LIMIT })}</li>
    </Show>
  );
}

function UpdateList(props: { updates: ImportReport['updates']; colLabel: (id: string) => string }): JSX.Element {
  const { i18n } = useServices();
  return (
    <ul class="im-list">
      <For each={props.updates.slice(0, LIST_LIMIT)}>
        {(u) => (
          <li>
            <span class="im-row-tag">{i18n.t('import.fileRow', { row: u.fileRow })}</span>
            <ul class="im-changes">
              <For each={u.changes}>
                {(c) => (
                  <li>
                    <span class="im-change-col">{props.colLabel(c.column)}</span>
                    <span class="im-old" classList={{ 'is-empty': !valueText(c.from) }}>
                      {valueText(c.from) || i18n.t('import.emptyValue')}
                    </span>
                    <span aria-hidden="true"> → </span>
                    <span class="wb-visually-hidden">{i18n.t('import.becomes')}</span>
                    <span class="im-new">{valueText(c.to) || i18n.t('import.emptyValue')}</span>
                  </li>
                )}
              </For>
            </ul>
          </li>
        )}
      </For>
      <More total={props.updates.length} />
    </ul>
  );
}

function SkippedList(props: { skipped: ImportReport['skipped'] }): JSX.Element {
  const { i18n } = useServices();
  const reason = useReason();
  return (
    <ul class="im-list">
      <For each={props.skipped.slice(0, LIST_LIMIT)}>
        {(r) => (
          <li>
            <span class="im-row-tag">{i18n.t('import.fileRow', { row: r.fileRow })}</span>
            <span>{reason(r.reason, (r as { mergedInto?: number }).mergedInto)}</span>
          </li>
        )}
      </For>
      <More total={props.skipped.length} />
    </ul>
  );
}

function ProblemList(props: { problems: ImportReport['problems']; colLabel: (id: string) => string }): JSX.Element {
  const { i18n } = useServices();
  const reason = useReason();
  return (
    <ul class="im-list">
      <For each={props.problems.slice(0, LIST_LIMIT)}>
        {(p) => (
          <li>
            <span class="im-row-tag">{i18n.t('import.fileRow', { row: p.row })}</span>
            <span class="im-change-col">{props.colLabel(p.column)}</span>
            <span class="im-value">{p.value}</span>
            <span class="im-muted">{reason(p.reason)}</span>
          </li>
        )}
      </For>
      <More total={props.problems.length} />
    </ul>
  );
}

// --- after the import -------------------------------------------------------------------------

function Report(props: { report: ImportReport; actions: ImportViewActions }): JSX.Element {
  const { i18n } = useServices();
  const colLabel = useColumnLabel(
    () => props.report.sheet,
    () => props.report.newColumns,
  );
  const purchaseLabel = useColumnLabel(
    () => 'purchases',
    () => [],
  );
  const r = () => props.report;
  return (
    <section class="im-card im-report" aria-labelledby="im-report-h">
      <h2 id="im-report-h" class="im-report-title">
        <Icon name="check" size={22} />
        <span>{i18n.t('import.report.title')}</span>
      </h2>
      <Show
        when={r().purchases}
        fallback={
          <>
            <p class="im-muted">
              {i18n.t('import.report.lead', { file: r().fileName, sheet: i18n.t(`sheet.${r().sheet}`), when: i18n.i18n.formatDateTime(r().at) })}
            </p>
            <Counts
              items={[
                ['add', r().added],
                ['update', r().updated],
                ['unchanged', r().unchanged],
                ['skipped', r().skipped.length],
                ['problems', r().problems.length],
              ]}
            />
          </>
        }
      >
        {(sales) => (
          <>
            <p class="im-muted">
              {i18n.t('import.report.leadTx', {
                file: r().fileName,
                customers: i18n.t('sheet.customers'),
                purchases: i18n.t('sheet.purchases'),
                when: i18n.i18n.formatDateTime(r().at),
              })}
            </p>
            <div class="im-tx-plans">
              <div class="im-tx-plan" data-plan="customers">
                <h3 class="im-tx-plan-h">{i18n.t('sheet.customers')}</h3>
                <Counts
                  items={[
                    ['add', r().added],
                    ['update', r().updated],
                    ['unchanged', r().unchanged],
                    ['problems', r().problems.length],
                  ]}
                />
              </div>
              <div class="im-tx-plan" data-plan="purchases">
                <h3 class="im-tx-plan-h">{i18n.t('sheet.purchases')}</h3>
                <Counts
                  items={[
                    ['add', sales().added],
                    ['skipped', sales().skipped.length],
                    ['problems', sales().problems.length],
                  ]}
                />
              </div>
            </div>
            <Details title={i18n.t('import.list.problems', { count: sales().problems.length })} show={sales().problems.length > 0}>
              <ProblemList problems={sales().problems} colLabel={purchaseLabel} />
            </Details>
          </>
        )}
      </Show>
      <Details title={i18n.t('import.list.updated', { count: r().updates.length })} show={r().updates.length > 0}>
        <UpdateList updates={r().updates} colLabel={colLabel} />
      </Details>
      <Details title={i18n.t('import.list.skipped', { count: r().skipped.length })} show={r().skipped.length > 0}>
        <SkippedList skipped={r().skipped} />
      </Details>
      <Details title={i18n.t('import.list.problems', { count: r().problems.length })} show={r().problems.length > 0}>
        <ProblemList problems={r().problems} colLabel={colLabel} />
      </Details>
      <p class="im-muted im-undo-note">{i18n.t('import.report.undo')}</p>
      <div class="im-actions">
        <Show when={r().purchases}>
          <button type="button" class="wb-button is-primary" onClick={() => props.actions.openSheet('purchases')}>
            {i18n.t('import.report.open', { sheet: i18n.t('sheet.purchases') })}
          </button>
        </Show>
        <button type="button" class="wb-button" classList={{ 'is-primary': !r().purchases }} onClick={() => props.actions.openSheet(r().sheet as SheetId)}>
          {i18n.t('import.report.open', { sheet: i18n.t(`sheet.${r().sheet}`) })}
        </button>
        <button type="button" class="wb-button" onClick={() => props.actions.exportReport()}>
          {i18n.t('import.report.export')}
        </button>
      </div>
    </section>
  );
}

/** One line about an import: what it added, updated, skipped; with purchases, those too. */
export function reportSummary(report: ImportReport, t: (key: string, params?: Record<string, string | number>) => string): string {
  const params = {
    file: report.fileName,
    added: report.added,
    updated: report.updated,
    skipped: report.skipped.length,
    problems: report.problems.length + (report.purchases?.problems.length ?? 0),
  };
  return report.purchases ? t('import.report.summaryTx', { ...params, purchases: report.purchases.added }) : t('import.report.summary', params);
}

/** The last import's report, under the drop zone, while another file is chosen. */
function LastReport(props: { report: ImportReport; actions: ImportViewActions }): JSX.Element {
  const { i18n } = useServices();
  return (
    <section class="im-card im-last" aria-labelledby="im-last-h">
      <h2 id="im-last-h">{i18n.t('import.report.last')}</h2>
      <p>
        {reportSummary(props.report, i18n.t)}
      </p>
      <div class="im-actions">
        <button type="button" class="wb-button" onClick={() => props.actions.exportReport()}>
          {i18n.t('import.report.export')}
        </button>
      </div>
    </section>
  );
}
