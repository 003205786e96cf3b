// The Segments tab: the RFM map (the 11 named segments as tiles sized and coloured by their count,
// with revenue share; tapping one opens its customers as a live grid), the value classes key /
// main / regular / occasional with the Pareto curve, and the lifecycle stages. Also the grid tab of
// one segment, and the side-bar list.

import { createMemo, For, onMount, Show, type JSX } from 'solid-js';
import { lifecycleLabelKey, segmentLabelKey, valueClassLabelKey, type RowId, type Segment } from '../../core/index';
import { Grid } from '../../ui/grid/grid';
import { useServices } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import type { AnalysisService } from '../analysis/analysis-service';
import { customerComputedValues } from '../analysis/analysis.contribution';
import { paretoPath, revenueShareAt, segmentsModel, type SegmentsModel } from './segments-model';
import './segments.css';

const percent = (locale: string, x: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: x > 0 && x < 0.01 ? 1 : 0 }).format(x);

function useModel(service: AnalysisService | undefined) {
  return createMemo<SegmentsModel | undefined>(() => {
    service?.version();
    const a = service?.analysis();
    return a ? segmentsModel(a) : undefined;
  });
}

export function SegmentsView(props: { service: AnalysisService | undefined; openSegment: (s: Segment) => void }): JSX.Element {
  const { i18n, commands } = useServices();
  const t = (k: string, p?: Record<string, string | number>) => i18n.t(k, p);
  const model = useModel(props.service);
  const pct = (x: number) => percent(i18n.locale(), x);
  // The tab shows nothing without the analysis: a tab restored at start asks for it now.
  onMount(() => props.service?.start());
  return (
    <div class="wb-page sg-page" data-editor-kind="segments">
      <div class="wb-page-inner sg-inner">
        <header class="sg-head">
          <div>
            <h1>{t('segments.title')}</h1>
            <p class="wb-page-lead">{t('segments.lead')}</p>
          </div>
          <button type="button" class="wb-button" data-command="segments.openSettings" onClick={() => commands.execute('segments.openSettings')}>
            <Icon name="settings" size={18} />
            {t('segments.cmd.settings')}
          </button>
        </header>
        <Show when={model()} fallback={<p class="wb-empty">{t('segments.computing')}</p>}>
          {(m) => (
            <>
              <section class="sg-section" aria-labelledby="sg-rfm">
                <h2 id="sg-rfm">{t('segments.rfm')}</h2>
                <p class="sg-note">{t('segments.rfmLead', { scored: i18n.i18n.formatNumber(m().customers - m().unscored), prospects: i18n.i18n.formatNumber(m().unscored) })}</p>
                <div class="sg-map" role="list">
                  <For each={m().tiles}>
                    {(tile) => (
                      <div role="listitem" class="sg-tile-wrap" style={{ 'flex-grow': String(tile.weight) }}>
                        <button
                          type="button"
                          class={`sg-tile sg-tone-${tile.tone}`}
                          style={{ '--sg-strength': String(Math.round(tile.strength * 100)) + '%' }}
                          data-segment={tile.segment}
                          aria-label={t('segments.tileLabel', { name: t(segmentLabelKey(tile.segment)), count: i18n.i18n.formatNumber(tile.count), share: pct(tile.revenueShare) })}
                          onClick={() => props.openSegment(tile.segment)}
                        >
                          <span class="sg-tile-name">{t(segmentLabelKey(tile.segment))}</span>
                          <span class="sg-tile-count" data-count={tile.count}>
                            {i18n.i18n.formatNumber(tile.count)}
                          </span>
                          <span class="sg-tile-share">{t('segments.revenueShare', { share: pct(tile.revenueShare) })}</span>
                        </button>
                      </div>
                    )}
                  </For>
                </div>
              </section>

              <div class="sg-columns">
                <section class="sg-section" aria-labelledby="sg-value">
                  <h2 id="sg-value">{t('segments.valueClasses')}</h2>
                  <table class="sg-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('segments.class')}</th>
                        <th scope="col" class="is-num">
                          {t('segments.customers')}
                        </th>
                        <th scope="col" class="is-num">
                          {t('segments.revenue')}
                        </th>
                        <th scope="col" class="sg-bar-col" aria-hidden="true" />
                      </tr>
                    </thead>
                    <tbody>
                      <For each={m().classes}>
                        {(c) => (
                          <tr data-class={c.cls}>
                            <th scope="row">{t(valueClassLabelKey(c.cls))}</th>
                            <td class="is-num">
                              {i18n.i18n.formatNumber(c.count)} <span class="sg-muted">({pct(c.countShare)})</span>
                            </td>
                            <td class="is-num">{pct(c.revenueShare)}</td>
                            <td class="sg-bar-col" aria-hidden="true">
                              <span class={`sg-vbar sg-class-${c.cls}`} style={{ width: `${Math.round(c.revenueShare * 100)}%` }} />
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                  <ParetoChart model={m()} />
                </section>

                <section class="sg-section" aria-labelledby="sg-life">
                  <h2 id="sg-life">{t('segments.lifecycle')}</h2>
                  <ol class="sg-life">
                    <For each={m().lifecycle}>
                      {(l) => (
                        <li data-stage={l.stage} class={`sg-stage sg-stage-${l.stage}`}>
                          <span class="sg-stage-name">{t(lifecycleLabelKey(l.stage))}</span>
                          <span class="sg-stage-bar" aria-hidden="true">
                            <span style={{ width: `${m().customers ? Math.max(2, Math.round((l.count / m().customers) * 100)) : 0}%` }} />
                          </span>
                          <span class="sg-stage-count">{i18n.i18n.formatNumber(l.count)}</span>
                        </li>
                      )}
                    </For>
                  </ol>
                </section>
              </div>
            </>
          )}
        </Show>
      </div>
    </div>
  );
}

/** The Pareto curve: share of revenue (up) against share of customers, best first (right). */
function ParetoChart(props: { model: SegmentsModel }): JSX.Element {
  const { i18n } = useServices();
  const W = 320;
  const H = 180;
  const pct = (x: number) => percent(i18n.locale(), x);
  const at20 = () => revenueShareAt(props.model.pareto, 0.2);
  const caption = () => i18n.t('segments.paretoCaption', { customers: pct(0.2), revenue: pct(at20()) });
  return (
    <figure class="sg-pareto">
      <svg viewBox={`-36 -8 ${W + 48} ${H + 34}`} role="img" aria-label={caption()} class="sg-pareto-svg">
        <rect x="0" y="0" width={W} height={H} class="sg-pareto-frame" />
        <line x1="0" y1={H} x2={W} y2="0" class="sg-pareto-even" />
        <For each={[0.25, 0.5, 0.75]}>{(g) => <line x1="0" y1={H - g * H} x2={W} y2={H - g * H} class="sg-pareto-grid" />}</For>
        <line x1={0.2 * W} y1={H} x2={0.2 * W} y2={H - at20() * H} class="sg-pareto-mark" />
        <line x1="0" y1={H - at20() * H} x2={0.2 * W} y2={H - at20() * H} class="sg-pareto-mark" />
        <path d={paretoPath(props.model.pareto, W, H)} class="sg-pareto-line" />
        <circle cx={0.2 * W} cy={H - at20() * H} r="4" class="sg-pareto-dot" />
        <text x="-6" y={H} class="sg-pareto-tick" text-anchor="end" dominant-baseline="middle">
          {pct(0)}
        </text>
        <text x="-6" y="0" class="sg-pareto-tick" text-anchor="end" dominant-baseline="middle">
          {pct(1)}
        </text>
        <text x={0.2 * W} y={H + 16} class="sg-pareto-tick" text-anchor="middle">
          {pct(0.2)}
        </text>
        <text x={W} y={H + 16} class="sg-pareto-tick" text-anchor="end">
          {pct(1)}
        </text>
      </svg>
      <figcaption>{caption()}</figcaption>
    </figure>
  );
}

/** One segment's customers as a live grid: a customer whose segment changes comes or goes. */
export function SegmentGrid(props: { segment: Segment; service: AnalysisService | undefined; openRow: (row: RowId) => void }): JSX.Element {
  const { i18n } = useServices();
  const t = (k: string, p?: Record<string, string | number>) => i18n.t(k, p);
  const members = createMemo(() => {
    props.service?.version();
    const a = props.service?.analysis();
    const set = new Set<RowId>();
    if (a) for (const id of a.rowIds()) if (a.row(id)?.segment === props.segment) set.add(id);
    return set;
  });
  return (
    <div class="sg-editor" data-segment-grid={props.segment}>
      <div class="sg-bar">
        <strong class="sg-bar-name">{t(segmentLabelKey(props.segment))}</strong>
        <span class="wb-badge" data-segment-count="">
          {t('segments.count', { count: members().size })}
        </span>
        <span class="sg-bar-summary">{t(`segments.about.${props.segment}`)}</span>
      </div>
      <Grid
        sheet="customers"
        viewKey={`segment:${props.segment}`}
        rowFilter={() => {
          const set = members();
          return (row) => set.has(row);
        }}
        onOpenRow={props.openRow}
        computed={customerComputedValues()}
      />
    </div>
  );
}

/** The side bar: every segment with its count (tap → its grid), and the Segments tab. */
export function SegmentsSide(props: { service: AnalysisService | undefined; openSegment: (s: Segment) => void }): JSX.Element {
  const { i18n, commands } = useServices();
  const model = useModel(props.service);
  return (
    <div class="sg-side">
      <ul class="wb-list">
        <li>
          <button type="button" class="wb-list-item" onClick={() => commands.execute('segments.open')}>
            <Icon name="users" size={18} />
            <span class="wb-list-label">{i18n.t('segments.cmd.open')}</span>
          </button>
        </li>
        <li>
          <button type="button" class="wb-list-item" onClick={() => commands.execute('segments.openSettings')}>
            <Icon name="settings" size={18} />
            <span class="wb-list-label">{i18n.t('segments.cmd.settings')}</span>
          </button>
        </li>
      </ul>
      <Show when={model()} fallback={<p class="wb-view-note">{i18n.t('segments.computing')}</p>}>
        <ul class="wb-list">
          <For each={model()!.tiles}>
            {(tile) => (
              <li>
                <button type="button" class="wb-list-item" data-segment={tile.segment} onClick={() => props.openSegment(tile.segment)}>
                  <span class={`sg-dot sg-tone-${tile.tone}`} aria-hidden="true" />
                  <span class="wb-list-label">{i18n.t(segmentLabelKey(tile.segment))}</span>
                  <span class="wb-badge">{i18n.i18n.formatNumber(tile.count)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
