// The rule builder: conditions in rows (column, operator, value, remove) under "Match all / any",
// with nested groups one level down. Native selects and inputs, 44px tall: a finger and a keyboard
// both work (Tab moves through a row, the selects open their platform pickers).

import { For, Show, type JSX } from 'solid-js';
import type { Column } from '../../core/index';
import { useServices } from '../../ui/services';
import { columnLabel } from '../../ui/column-label';
import { Icon } from '../../ui/workbench/icons';
import { newCond, newGroup, opsFor, SEGMENT_COL, updateDraft, valueKind, type CondDraft, type DraftProblem, type GroupDraft, type UiOp } from './rule-draft';

export type RuleBuilderProps = {
  draft: GroupDraft;
  onChange: (next: GroupDraft) => void;
  columns: readonly Column[];
  segments: readonly string[] | undefined;
  problems: readonly DraftProblem[];
};

export function RuleBuilder(props: RuleBuilderProps): JSX.Element {
  return <Group group={props.draft} depth={0} root={props} />;
}

function Group(props: { group: GroupDraft; depth: number; root: RuleBuilderProps }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t.bind(i18n);
  const set = (id: string, fn: Parameters<typeof updateDraft>[2]) => props.root.onChange(updateDraft(props.root.draft, id, fn));
  const firstCol = () => props.root.columns.find((c) => c.id === 'name') ?? props.root.columns[0];
  const addCond = () => {
    const c = firstCol();
    if (c) set(props.group.id, (g) => (g.type === 'group' ? { ...g, items: [...g.items, newCond(c.id, c.type)] } : g));
  };
  const addGroup = () => {
    const c = firstCol();
    if (c) set(props.group.id, (g) => (g.type === 'group' ? { ...g, items: [...g.items, newGroup([newCond(c.id, c.type)], 'or')] } : g));
  };
  return (
    <div class="sv-group" classList={{ 'is-nested': props.depth > 0 }} role="group" aria-label={t(props.depth ? 'views.rule.subgroup' : 'views.rule.conditions')}>
      <div class="sv-group-head">
        <span class="sv-match-label">{t('views.rule.match')}</span>
        <div class="sv-segmented" role="radiogroup" aria-label={t('views.rule.match')}>
          <For each={['and', 'or'] as const}>
            {(mode) => (
              <button
                type="button"
                role="radio"
                aria-checked={props.group.mode === mode}
                class="sv-seg"
                onClick={() => set(props.group.id, (g) => (g.type === 'group' ? { ...g, mode } : g))}
              >
                {t(`views.rule.${mode}`)}
              </button>
            )}
          </For>
        </div>
        <Show when={props.depth > 0}>
          <button type="button" class="wb-icon-button sv-remove" aria-label={t('views.rule.removeGroup')} title={t('views.rule.removeGroup')} onClick={() => set(props.group.id, () => undefined)}>
            <Icon name="trash" size={18} />
          </button>
        </Show>
      </div>
      <Show when={props.group.items.length === 0}>
        <p class="wb-view-note">{t('views.rule.none')}</p>
      </Show>
      <For each={props.group.items}>
        {(item) =>
          item.type === 'group' ? (
            <Group group={item} depth={props.depth + 1} root={props.root} />
          ) : (
            <Condition cond={item} root={props.root} onChange={(next) => set(item.id, () => next)} onRemove={() => set(item.id, () => undefined)} />
          )
        }
      </For>
      <div class="sv-group-actions">
        <button type="button" class="wb-button" onClick={addCond}>
          <Icon name="plus" size={18} />
          {t('views.rule.addCondition')}
        </button>
        <Show when={props.depth === 0}>
          <button type="button" class="wb-button" onClick={addGroup}>
            <Icon name="plus" size={18} />
            {t('views.rule.addGroup')}
          </button>
        </Show>
      </div>
    </div>
  );
}

let condSeq = 0;

function Condition(props: { cond: CondDraft; root: RuleBuilderProps; onChange: (c: CondDraft) => void; onRemove: () => void }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t.bind(i18n);
  const uid = `sv-cond-${++condSeq}`;
  const column = () => props.root.columns.find((c) => c.id === props.cond.col);
  const typeOf = (col: string) => (col === SEGMENT_COL ? 'segment' : (props.root.columns.find((c) => c.id === col)?.type ?? 'text'));
  const ops = () => opsFor(typeOf(props.cond.col));
  const kind = () => valueKind(props.cond.op);
  const problem = () => props.root.problems.find((p) => p.id === props.cond.id);
  const onCol = (col: string) => {
    const nextOps = opsFor(typeOf(col));
    const op: UiOp = nextOps.includes(props.cond.op) ? props.cond.op : nextOps[0]!;
    props.onChange({ ...props.cond, col, op, value: valueKind(op) === valueKind(props.cond.op) ? props.cond.value : '' });
  };
  const onOp = (op: UiOp) => props.onChange({ ...props.cond, op, value: valueKind(op) === kind() ? props.cond.value : '' });
  const options = () => (column()?.type === 'tags' || column()?.type === 'select' ? column()!.options : props.cond.op === 'segment' ? (props.root.segments ?? []) : []);
  return (
    <div class="sv-cond" classList={{ 'is-invalid': !!problem() }} data-cond={props.cond.id}>
      <select class="sv-select sv-col" aria-label={t('views.rule.column')} value={props.cond.col} onChange={(e) => onCol(e.currentTarget.value)}>
        {/* selected on each option too: the list changes when columns are added (the computed ones
            arrive after start), and a recreated option list must not lose the choice. */}
        <For each={props.root.columns}>
          {(c) => (
            <option value={c.id} selected={c.id === props.cond.col}>
              {columnLabel(c, t)}
            </option>
          )}
        </For>
        <option value={SEGMENT_COL} selected={props.cond.col === SEGMENT_COL}>
          {t('views.rule.segment')}
        </option>
      </select>
      <select class="sv-select sv-op" aria-label={t('views.rule.operator')} value={props.cond.op} onChange={(e) => onOp(e.currentTarget.value as UiOp)}>
        <For each={ops()}>{(op) => <option value={op}>{t(`views.op.${op.replace(':', '.')}`)}</option>}</For>
      </select>
      <Show when={kind() !== 'none'} fallback={<span class="sv-value sv-value--none" />}>
        <span class="sv-value">
          <input
            class="sv-input"
            type={kind() === 'date' ? 'date' : 'text'}
            inputMode={kind() === 'number' ? 'decimal' : kind() === 'days' ? 'numeric' : undefined}
            aria-label={t('views.rule.value')}
            aria-invalid={!!problem() || undefined}
            aria-describedby={problem() ? `${uid}-err` : undefined}
            list={options().length ? `${uid}-list` : undefined}
            placeholder={kind() === 'days' ? t('views.rule.daysPlaceholder') : ''}
            value={props.cond.value}
            onInput={(e) => props.onChange({ ...props.cond, value: e.currentTarget.value })}
          />
          <Show when={kind() === 'days'}>
            <span class="sv-unit">{t('views.rule.days')}</span>
          </Show>
          <Show when={options().length}>
            <datalist id={`${uid}-list`}>
              <For each={options()}>{(o) => <option value={o} />}</For>
            </datalist>
          </Show>
        </span>
      </Show>
      <button type="button" class="wb-icon-button sv-remove" aria-label={t('views.rule.remove')} title={t('views.rule.remove')} onClick={() => props.onRemove()}>
        <Icon name="close" size={18} />
      </button>
      <Show when={problem()}>
        <p class="sv-error" id={`${uid}-err`} role="alert">
          {t(`views.problem.${problem()!.code}`)}
          <Show when={props.cond.op === 'segment' && !props.root.segments}> {t('views.rule.noSegments')}</Show>
        </p>
      </Show>
    </div>
  );
}
