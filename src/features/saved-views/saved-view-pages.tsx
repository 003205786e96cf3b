// The saved views' places: the side-bar list ("Saved views" under Sheets), a view opened as a grid
// tab showing only its matching rows (live: rows that start matching appear), and the page where a
// view's name and rules are edited with the rule builder and a live count of matching rows.

import { customerComputedValues } from '../analysis/analysis.contribution';
import { createMemo, createSignal, For, Show, type Accessor, type JSX } from 'solid-js';
import { todayIso } from '../../base/date';
import { filterRows, type FilterRule } from '../../core/analysis/filters';
import { addSavedView, updateSavedView, type SavedView } from '../../core/ops/saved-views';
import type { Column, RowId } from '../../core/index';
import { createSheetVersion } from '../../ui/bindings/book';
import { columnLabel } from '../../ui/column-label';
import { Grid } from '../../ui/grid/grid';
import { useServices } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import { useWorkbench } from '../../ui/workbench/workbench-context';
import { draftToRule, newCond, newGroup, ruleToDraft, type GroupDraft } from './rule-draft';
import { RuleBuilder } from './rule-builder';
import { filterContext, segmentLookup, type SavedViewsStore } from './saved-views-store';

export const VIEW_EDITOR = 'savedView';
export const BUILDER_EDITOR = 'savedViewEdit';
export const NEW_VIEW_ID = 'new';

/** The rows of the sheet a view matches now, as a set; recomputed when the sheet changes. */
export function createMatches(view: Accessor<SavedView | undefined>): Accessor<ReadonlySet<RowId>> {
  const { book } = useServices();
  const customers = createSheetVersion(book, 'customers');
  const purchases = createSheetVersion(book, 'purchases');
  const contacts = createSheetVersion(book, 'contacts');
  return createMemo(() => {
    const v = view();
    if (!v) return new Set<RowId>();
    ({ customers, purchases, contacts })[v.sheet]();
    return new Set(filterRows(book.sheet(v.sheet), v.rule, filterContext(todayIso())));
  });
}

export function SavedViewsList(props: { store: SavedViewsStore }): JSX.Element {
  const { i18n, commands } = useServices();
  const wb = useWorkbench();
  return (
    <div class="sv-side">
      <Show when={props.store.views().length > 0} fallback={<p class="wb-view-note">{i18n.t('views.emptyList')}</p>}>
        <ul class="wb-list">
          <For each={props.store.views()}>
            {(v) => (
              <li>
                <button
                  type="button"
                  class="wb-list-item"
                  data-view={v.id}
                  classList={{ 'is-active': wb.snapshot().active === `${VIEW_EDITOR}:${v.id}` }}
                  onClick={() => wb.openEditor({ kind: VIEW_EDITOR, id: v.id })}
                >
                  <Icon name="bookmark" size={18} />
                  <span class="wb-list-label">{v.name}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ul class="wb-list">
        <li>
          <button type="button" class="wb-list-item" data-command="savedViews.create" onClick={() => commands.execute('savedViews.create')}>
            <Icon name="plus" size={18} />
            <span class="wb-list-label">{i18n.t('views.new')}</span>
          </button>
        </li>
      </ul>
    </div>
  );
}

/** A short reading of a rule: "Address contains Madrid and Points > 100". */
export function ruleSummary(
  rule: FilterRule,
  columns: readonly Column[],
  t: (k: string, p?: Record<string, string | number>) => string,
  i18nDate: (iso: string) => string = (d) => d,
  depth = 0,
): string {
  const col = (id: string) => {
    const c = columns.find((x) => x.id === id);
    return c ? columnLabel(c, t) : id;
  };
  switch (rule.kind) {
    case 'group': {
      const parts = rule.rules.map((r) => ruleSummary(r, columns, t, i18nDate, depth + 1));
      if (parts.length === 0) return depth ? '' : t('views.summary.all');
      const joined = parts.join(` ${t(`views.summary.${rule.mode}`)} `);
      return depth && parts.length > 1 ? `(${joined})` : joined;
    }
    case 'text':
      return `${col(rule.col)} ${t(`views.op.text.${rule.op}`)}${rule.value ? ` “${rule.value}”` : ''}`;
    case 'number':
      return `${col(rule.col)} ${t(`views.op.number.${rule.op}`)} ${rule.value}`;
    case 'date': {
      const days = rule.op === 'lastDays' || rule.op === 'nextDays';
      const value = days ? `${rule.value} ${t('views.rule.days')}` : typeof rule.value === 'string' ? i18nDate(rule.value) : String(rule.value);
      return `${col(rule.col)} ${t(`views.op.date.${rule.op}`)} ${value}`;
    }
    case 'birthday':
      return `${t('views.op.birthday')} ${rule.days} ${t('views.rule.days')}`;
    case 'tag':
      return `${col(rule.col)} ${t('views.op.tag')} “${rule.value}”`;
    case 'segment':
      return `${t('views.rule.segment')} ${t('views.op.segment')} “${rule.value}”`;
  }
}

/** A saved view as a tab: its name, what it matches, actions, and the grid of matching rows. */
export function SavedViewEditor(props: { id: string; store: SavedViewsStore }): JSX.Element {
  const { book, i18n, commands } = useServices();
  const t = i18n.t.bind(i18n);
  const view = createMemo(() => props.store.views().find((v) => v.id === props.id));
  const matches = createMatches(view);
  const columnsV = createSheetVersion(book, 'customers');
  const summary = () => {
    const v = view();
    return v ? (columnsV(), ruleSummary(v.rule, book.sheet(v.sheet).columns(), t, (d) => i18n.i18n.formatDate(d))) : '';
  };
  const rowFilter = () => {
    const set = matches();
    return (row: RowId) => set.has(row);
  };
  const action = (command: string, icon: string, label: string) => (
    <button type="button" class="wb-button" data-command={command} onClick={() => commands.execute(command, props.id)}>
      <Icon name={icon} size={18} />
      {label}
    </button>
  );
  return (
    <Show when={view()} fallback={<p class="wb-empty sv-missing">{t('views.missing')}</p>}>
      {(v) => (
        <div class="sv-editor" data-saved-view={v().id}>
          <div class="sv-bar">
            <div class="sv-bar-text">
              <strong class="sv-bar-name">{v().name}</strong>
              <span class="wb-badge" data-testid="saved-view-count">
                {t('views.count', { count: matches().size })}
              </span>
              <span class="sv-bar-summary">{summary()}</span>
            </div>
            <div class="sv-bar-actions" role="toolbar" aria-label={t('views.actions')}>
              {action('savedViews.edit', 'settings', t('views.edit'))}
              {action('savedViews.copyPhones', 'chat', t('views.copyPhones'))}
              {action('savedViews.exportCsv', 'file', t('views.exportCsv'))}
              {action('savedViews.exportXlsx', 'table', t('views.exportXlsx'))}
            </div>
          </div>
          <Grid
            sheet={v().sheet}
            viewKey={`savedView:${v().id}`}
            rowFilter={rowFilter}
            onOpenRow={undefined}
            computed={v().sheet === 'customers' ? customerComputedValues() : undefined}
          />
        </div>
      )}
    </Show>
  );
}

/** Creating or editing a view: its name and the rule builder, with the count of matching rows. */
export function SavedViewBuilder(props: { id: string; store: SavedViewsStore; onSaved: (id: string) => void; onCancel: () => void }): JSX.Element {
  const { book, i18n } = useServices();
  const t = i18n.t.bind(i18n);
  const existing = props.store.views().find((v) => v.id === props.id);
  const sheet = existing?.sheet ?? 'customers';
  const columnsV = createSheetVersion(book, sheet);
  const columns = createMemo(() => (columnsV(), book.sheet(sheet).columns().filter((c) => !c.hidden)));
  const first = () => columns().find((c) => c.id === 'address') ?? columns()[0];
  const [name, setName] = createSignal(existing?.name ?? '');
  const [draft, setDraft] = createSignal<GroupDraft>(existing ? ruleToDraft(existing.rule) : newGroup(first() ? [newCond(first()!.id, first()!.type)] : []));
  const [tried, setTried] = createSignal(false);
  const decimal = () => (new Intl.NumberFormat(i18n.locale()).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.');
  const converted = createMemo(() => draftToRule(draft(), columns(), decimal()));
  const previewView = createMemo<SavedView | undefined>(() => {
    const r = converted().rule;
    return r ? { id: '', name: '', sheet, rule: r, createdAt: 0 } : undefined;
  });
  const matches = createMatches(previewView);
  const nameMissing = () => tried() && name().trim() === '';

  const save = () => {
    setTried(true);
    const rule = converted().rule;
    if (!rule || name().trim() === '') return;
    if (existing) {
      updateSavedView(book, existing.id, { name: name(), rule });
      props.store.refresh();
      props.onSaved(existing.id);
    } else {
      const v = addSavedView(book, { name: name(), sheet, rule });
      props.store.refresh();
      props.onSaved(v.id);
    }
  };

  return (
    <div class="wb-page sv-builder" data-editor-kind={BUILDER_EDITOR}>
      <form
        class="wb-page-inner sv-builder-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <h1>{t(existing ? 'views.editTitle' : 'views.newTitle')}</h1>
        <p class="wb-page-lead">{t('views.lead', { sheet: t(`sheet.${sheet}`) })}</p>
        <label class="sv-name">
          <span>{t('views.name')}</span>
          <input
            class="sv-input"
            type="text"
            value={name()}
            placeholder={t('views.namePlaceholder')}
            aria-invalid={nameMissing() || undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <Show when={nameMissing()}>
            <span class="sv-error" role="alert">
              {t('views.problem.needName')}
            </span>
          </Show>
        </label>
        <RuleBuilder
          draft={draft()}
          onChange={setDraft}
          columns={columns()}
          segments={segmentLookup()?.segments()}
          problems={tried() ? converted().problems : []}
        />
        <div class="sv-builder-foot">
          <span class="sv-preview" role="status" aria-live="polite">
            {converted().rule ? t('views.previewCount', { count: matches().size }) : t('views.previewIncomplete')}
          </span>
          <button type="button" class="wb-button" onClick={() => props.onCancel()}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="wb-button is-primary">
            <Icon name="check" size={18} />
            {t('views.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
