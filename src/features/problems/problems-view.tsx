// The Problems panel, like an IDE's: the book's data problems (likely duplicates, invalid phones and
// emails, missing names, sales the analysis had to skip) with quick fixes — open the row, or merge
// two duplicates, keeping the one the owner picks — and problems other parts of the app report.

import { createMemo, For, Show, type JSX } from 'solid-js';
import { problemLabelKey, type DataProblem, type ProblemKind, type RowId, type SheetId } from '../../core/index';
import { mergeRows } from '../../core/ops/merge';
import { createSheetVersion } from '../../ui/bindings/book';
import { useServices } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import { rowDetail, rowTitle } from '../customers/row-label';
import type { AnalysisService } from '../analysis/analysis-service';
import { externalProblems, type ProblemSeverity } from './problem-sources';
import './problems.css';

const DUPLICATES: readonly ProblemKind[] = ['duplicatePhone', 'duplicateEmail', 'similarName', 'duplicateCode'];
/** Where a problem's row is fixed: the column to open it at. */
const FOCUS_COL: Partial<Record<ProblemKind, string>> = { invalidPhone: 'phone', invalidEmail: 'email', missingName: 'name', duplicatePhone: 'phone', duplicateEmail: 'email', similarName: 'name', duplicateCode: 'code', purchaseBadAmount: 'amount', purchaseBadDate: 'date', purchaseUnknownCustomer: 'customer', contactBadDate: 'date' };
/** Rows listed per problem; a skipped-sales problem may name thousands. */
const MAX_ROWS = 20;
/** Problems listed; the count in the heading and the status bar stays exact. */
const MAX_PROBLEMS = 300;

export const severityOf = (k: ProblemKind): ProblemSeverity =>
  k === 'purchaseBadAmount' || k === 'purchaseBadDate' ? 'error' : k === 'missingName' || k === 'purchaseUnknownCustomer' ? 'info' : 'warning';

const SEVERITY_ICON: Record<ProblemSeverity, string> = { error: 'alert', warning: 'alert', info: 'dot' };

/** Total of the book's problems and the reported ones (the status bar count). */
export function problemTotal(service: AnalysisService | undefined): number {
  return (service?.problems().length ?? 0) + externalProblems().length;
}

export function ProblemsEditor(props: { service: AnalysisService | undefined; reveal: (sheet: SheetId, row: RowId, col?: string) => void }): JSX.Element {
  const { i18n } = useServices();
  const t = (k: string, p?: Record<string, string | number>) => i18n.t(k, p);
  const problems = () => props.service?.problems() ?? [];
  const total = () => problemTotal(props.service);
  return (
    <div class="wb-page pr-page" data-editor-kind="problems">
      <div class="wb-page-inner">
        <h1>
          {t('problems.title')} <span class="wb-badge" data-problem-count="">{i18n.i18n.formatNumber(total())}</span>
        </h1>
        <p class="wb-page-lead">{t('problems.lead')}</p>
        <Show when={props.service?.current()} fallback={<p class="wb-empty">{t('segments.computing')}</p>}>
          <Show when={total() > 0} fallback={<p class="wb-empty pr-none">{t('problems.none')}</p>}>
            <ul class="pr-list">
              <For each={externalProblems()}>
                {(p) => (
                  <li class="pr-item" data-severity={p.severity} data-source={p.source}>
                    <div class="pr-head">
                      <Icon name={SEVERITY_ICON[p.severity]} size={18} class={`pr-sev pr-sev--${p.severity}`} />
                      <span class="pr-label">{p.label}</span>
                    </div>
                    <Show when={p.detail}>
                      <p class="pr-detail">{p.detail}</p>
                    </Show>
                  </li>
                )}
              </For>
              <For each={problems().slice(0, MAX_PROBLEMS)}>{(p) => <ProblemItem problem={p} reveal={props.reveal} />}</For>
            </ul>
            <Show when={problems().length > MAX_PROBLEMS}>
              <p class="wb-empty">{t('problems.more', { count: i18n.i18n.formatNumber(problems().length - MAX_PROBLEMS) })}</p>
            </Show>
          </Show>
        </Show>
      </div>
    </div>
  );
}

function ProblemItem(props: { problem: DataProblem; reveal: (sheet: SheetId, row: RowId, col?: string) => void }): JSX.Element {
  const { book, i18n } = useServices();
  const t = (k: string, p?: Record<string, string | number>) => i18n.t(k, p);
  const version = createSheetVersion(book, props.problem.sheet);
  const p = () => props.problem;
  const severity = () => severityOf(p().kind);
  const isDuplicate = () => DUPLICATES.includes(p().kind) && p().sheet === 'customers';
  const live = createMemo(() => (version(), p().rows.filter((r) => book.sheet(p().sheet).has(r) && book.sheet(p().sheet).deletedAt(r) === undefined)));
  /** Keeps `keep`, merges every other row of the group into it: one undo step. */
  const keepThis = (keep: RowId) => {
    const others = live().filter((r) => r !== keep);
    if (!others.length) return;
    book.write('local', () => {
      for (const o of others) mergeRows(book, 'customers', keep, o);
    });
  };
  return (
    <li class="pr-item" data-severity={severity()} data-kind={p().kind}>
      <div class="pr-head">
        <Icon name={SEVERITY_ICON[severity()]} size={18} class={`pr-sev pr-sev--${severity()}`} />
        <span class="pr-label">{t(problemLabelKey(p().kind))}</span>
        <Show when={p().value}>
          <span class="pr-value">{p().value}</span>
        </Show>
        <Show when={p().rows.length > 1}>
          <span class="wb-badge">{i18n.i18n.formatNumber(p().rows.length)}</span>
        </Show>
      </div>
      <Show when={isDuplicate()}>
        <p class="pr-detail">{t('problems.mergeHint')}</p>
      </Show>
      <ul class="pr-rows">
        <For each={live().slice(0, MAX_ROWS)}>
          {(row) => (
            <li class="pr-row" data-row={row}>
              <span class="pr-row-text">
                <span class="pr-row-title">{(version(), rowTitle(book, p().sheet, row, i18n))}</span>
                <span class="pr-row-detail">{(version(), rowDetail(book, p().sheet, row, i18n))}</span>
              </span>
              <span class="pr-row-actions">
                <button type="button" class="wb-button" onClick={() => props.reveal(p().sheet, row, FOCUS_COL[p().kind])}>
                  {t('problems.open')}
                </button>
                <Show when={isDuplicate() && live().length > 1}>
                  <button type="button" class="wb-button is-primary" data-action="merge" onClick={() => keepThis(row)}>
                    {t('problems.keepThis')}
                  </button>
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={live().length > MAX_ROWS}>
        <p class="pr-detail">{t('problems.moreRows', { count: i18n.i18n.formatNumber(live().length - MAX_ROWS) })}</p>
      </Show>
    </li>
  );
}

/** The side bar's short version: one line per kind with its count; tapping opens the panel. */
export function ProblemsSummary(props: { service: AnalysisService | undefined; open: () => void }): JSX.Element {
  const { i18n } = useServices();
  const t = (k: string, p?: Record<string, string | number>) => i18n.t(k, p);
  const byKind = createMemo(() => {
    const m = new Map<ProblemKind, number>();
    for (const p of props.service?.problems() ?? []) m.set(p.kind, (m.get(p.kind) ?? 0) + 1);
    return [...m];
  });
  return (
    <div class="pr-side">
      <Show when={problemTotal(props.service) > 0} fallback={<p class="wb-view-note">{t('problems.none')}</p>}>
        <ul class="wb-list">
          <For each={byKind()}>
            {([kind, n]) => (
              <li>
                <button type="button" class="wb-list-item" onClick={() => props.open()}>
                  <Icon name={SEVERITY_ICON[severityOf(kind)]} size={18} class={`pr-sev pr-sev--${severityOf(kind)}`} />
                  <span class="wb-list-label">{t(problemLabelKey(kind))}</span>
                  <span class="wb-badge">{i18n.i18n.formatNumber(n)}</span>
                </button>
              </li>
            )}
          </For>
          <Show when={externalProblems().length}>
            <li>
              <button type="button" class="wb-list-item" onClick={() => props.open()}>
                <Icon name="sync" size={18} />
                <span class="wb-list-label">{t('problems.reported')}</span>
                <span class="wb-badge">{i18n.i18n.formatNumber(externalProblems().length)}</span>
              </button>
            </li>
          </Show>
        </ul>
      </Show>
      <ul class="wb-list">
        <li>
          <button type="button" class="wb-list-item" onClick={() => props.open()}>
            <Icon name="alert" size={18} />
            <span class="wb-list-label">{t('problems.cmd.show')}</span>
          </button>
        </li>
      </ul>
    </div>
  );
}
