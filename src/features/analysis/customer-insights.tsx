// The customer card's "Membership and segments" section: the tier with its reason and what the next
// tier needs, the points balance with its ledger (every point explained) and a Redeem action, the
// RFM segment, value class and lifecycle, and the churn warning with the customer's own rhythm.

import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { todayIso } from '../../base/date';
import {
  dayToIso,
  lifecycleLabelKey,
  redeemPoints,
  segmentLabelKey,
  valueClassLabelKey,
  valueToText,
  type LedgerEntry,
  type RowId,
  type TierReason,
  type TierResult,
} from '../../core/index';
import { createSheetVersion } from '../../ui/bindings/book';
import type { ReactiveI18n } from '../../ui/bindings/i18n';
import { useServices } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import { analysisService } from './analysis.contribution';
import { tierName } from './computed-columns';
import './analysis.css';

/** "Spent 640 € in the last 365 days (≥ 600 €)" / "8 visits in total (≥ 5)". */
export function reasonText(r: TierReason, i18n: ReactiveI18n): string {
  const f = i18n.i18n;
  const value = r.kind === 'spend' ? f.formatCurrency(r.value) : f.formatNumber(r.value);
  const threshold = r.kind === 'spend' ? f.formatCurrency(r.threshold) : f.formatNumber(r.threshold);
  const key = r.kind === 'spend' ? (r.windowDays ? 'analysis.reason.tierSpend' : 'segments.reason.tierSpendAll') : r.windowDays ? 'analysis.reason.tierVisits' : 'segments.reason.tierVisitsAll';
  return i18n.t(key, { value, threshold, days: f.formatNumber(r.windowDays) });
}

/** "Gold: spent 1,240 € in the last 365 days (≥ 600 €); 260 € more for Platinum". */
export function tierExplanation(tr: TierResult, i18n: ReactiveI18n): string {
  const t = (k: string) => i18n.t(k);
  const parts: string[] = [];
  if (tr.reason) parts.push(tr.tier ? `${tierName(tr.tier, t)}: ${reasonText(tr.reason, i18n)}` : reasonText(tr.reason, i18n));
  if (tr.next) {
    const gap = Math.max(0, tr.next.reason.threshold - tr.next.reason.value);
    const name = tierName(tr.next.tier, t);
    parts.push(
      tr.next.reason.kind === 'spend'
        ? i18n.t('segments.card.nextSpend', { amount: i18n.i18n.formatCurrency(gap), tier: name })
        : i18n.t('segments.card.nextVisits', { count: i18n.i18n.formatNumber(Math.ceil(gap)), tier: name }),
    );
  }
  return parts.join('; ');
}

export function CustomerInsights(props: { row: RowId }): JSX.Element {
  const { i18n } = useServices();
  const t = (k: string, p?: Record<string, string | number>) => i18n.t(k, p);
  const f = () => i18n.i18n;
  const svc = analysisService;
  const version = () => svc()?.version();
  const row = createMemo(() => (version(), svc()?.analysis()?.row(props.row)));
  const ledger = createMemo(() => (version(), svc()?.analysis()?.ledger(props.row)));
  const [redeeming, setRedeeming] = createSignal(false);

  return (
    <section class="an-insights" aria-labelledby={`an-h-${props.row}`} data-insights="">
      <h2 id={`an-h-${props.row}`}>{t('segments.card.heading')}</h2>
      <Show when={row()} fallback={<p class="wb-empty">{t('segments.computing')}</p>}>
        {(r) => (
          <>
            <dl class="an-facts">
              <div class="an-fact is-wide" data-fact="tier">
                <dt>{t('segments.col.tierNow')}</dt>
                <dd>
                  <strong>{r().tier.tier ? tierName(r().tier.tier!, (k) => t(k)) : t('segments.card.noTier')}</strong>
                  <span class="an-why">{tierExplanation(r().tier, i18n)}</span>
                </dd>
              </div>
              <div class="an-fact" data-fact="segment">
                <dt>{t('analysis.col.segment')}</dt>
                <dd>
                  <strong>{r().segment ? t(segmentLabelKey(r().segment!)) : '—'}</strong>
                  <Show when={r().rfm}>{(s) => <span class="an-why">{t('segments.card.rfm', { r: s().r, f: s().f, m: s().m })}</span>}</Show>
                </dd>
              </div>
              <div class="an-fact" data-fact="valueClass">
                <dt>{t('segments.valueClasses')}</dt>
                <dd>
                  <strong>{r().valueClass ? t(valueClassLabelKey(r().valueClass!)) : '—'}</strong>
                </dd>
              </div>
              <div class="an-fact" data-fact="lifecycle">
                <dt>{t('analysis.col.lifecycle')}</dt>
                <dd>
                  <strong>{t(lifecycleLabelKey(r().lifecycle))}</strong>
                </dd>
              </div>
              <div class="an-fact" data-fact="visits">
                <dt>{t('analysis.col.visits')}</dt>
                <dd>
                  <strong>{f().formatNumber(r().visits)}</strong>
                  <span class="an-why">
                    {t('analysis.col.totalSpent')}: {f().formatCurrency(r().totalSpent)}
                  </span>
                </dd>
              </div>
              <div class="an-fact" data-fact="lastPurchase">
                <dt>{t('analysis.col.lastPurchase')}</dt>
                <dd>
                  <strong>{r().lastPurchase === undefined ? '—' : f().formatDate(dayToIso(r().lastPurchase!))}</strong>
                  <Show when={r().daysSince !== undefined}>
                    <span class="an-why">{t('segments.card.daysAgo', { days: f().formatNumber(r().daysSince!) })}</span>
                  </Show>
                </dd>
              </div>
            </dl>
            <Show when={r().churn}>
              {(c) => (
                <div class="an-warning" role="note" data-fact="churn">
                  <Icon name="alert" size={18} />
                  <span>
                    <strong>{t('analysis.reminder.churn')}</strong> — {t('analysis.reason.churn', { usual: f().formatNumber(c().usualGapDays), now: f().formatNumber(c().daysNow) })}
                  </span>
                </div>
              )}
            </Show>
            <div class="an-points-head">
              <h3>
                {t('analysis.col.points')} <span class="wb-badge" data-points-balance="">{f().formatNumber(r().points)}</span>
              </h3>
              <button type="button" class="wb-button" onClick={() => setRedeeming((v) => !v)} aria-expanded={redeeming()} disabled={r().points <= 0}>
                <Icon name="check" size={18} />
                {t('segments.redeem.action')}
              </button>
            </div>
            <Show when={r().pointsExpiring}>
              {(x) => <p class="an-why">{t('segments.card.expiring', { points: f().formatNumber(x().points), date: f().formatDate(dayToIso(x().day)) })}</p>}
            </Show>
            <Show when={redeeming()}>
              <RedeemForm row={props.row} balance={r().points} onDone={() => setRedeeming(false)} />
            </Show>
            <Ledger entries={ledger()?.entries ?? []} row={props.row} />
          </>
        )}
      </Show>
    </section>
  );
}

function RedeemForm(props: { row: RowId; balance: number; onDone: () => void }): JSX.Element {
  const { book, i18n } = useServices();
  const t = (k: string, p?: Record<string, string | number>) => i18n.t(k, p);
  const [points, setPoints] = createSignal('');
  const [note, setNote] = createSignal('');
  const [error, setError] = createSignal('');
  const submit = (e: Event) => {
    e.preventDefault();
    const code = valueToText(book.sheet('customers').get(props.row, 'code')).trim();
    const n = Number(points().trim());
    if (!code) return setError(t('segments.redeem.noCode'));
    if (!Number.isInteger(n) || n <= 0) return setError(t('segments.redeem.invalid'));
    if (n > props.balance) return setError(t('segments.redeem.tooMany', { balance: i18n.i18n.formatNumber(props.balance) }));
    redeemPoints(book, { customerCode: code, points: n, date: todayIso(), note: note().trim(), available: props.balance });
    props.onDone();
  };
  return (
    <form class="an-redeem" onSubmit={submit} aria-label={t('segments.redeem.action')}>
      <label>
        <span>{t('segments.redeem.points')}</span>
        <input class="cu-input" inputMode="numeric" value={points()} onInput={(e) => setPoints(e.currentTarget.value)} aria-invalid={!!error() || undefined} />
      </label>
      <label class="is-wide">
        <span>{t('segments.redeem.note')}</span>
        <input class="cu-input" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="an-redeem-actions">
        <button type="submit" class="wb-button is-primary">
          {t('segments.redeem.confirm')}
        </button>
        <button type="button" class="wb-button" onClick={() => props.onDone()}>
          {t('common.cancel')}
        </button>
      </div>
      <Show when={error()}>
        <p class="an-error" role="alert">
          {error()}
        </p>
      </Show>
    </form>
  );
}

function Ledger(props: { entries: readonly LedgerEntry[]; row: RowId }): JSX.Element {
  const { book, i18n } = useServices();
  const t = (k: string, p?: Record<string, string | number>) => i18n.t(k, p);
  const purchases = createSheetVersion(book, 'purchases');
  const f = () => i18n.i18n;
  /** Newest first: what changed last is what the owner asks about. */
  const shown = () => [...props.entries].reverse().slice(0, 100);
  const explain = (e: LedgerEntry): string => {
    purchases();
    const p = book.sheet('purchases');
    const amount = e.source ? p.get(e.source, 'amount') : null;
    const money = typeof amount === 'number' ? f().formatCurrency(Math.abs(amount)) : '';
    switch (e.kind) {
      case 'opening':
        return t('segments.ledger.opening');
      case 'earned':
        return typeof amount === 'number' && amount > 0 ? t('segments.ledger.earned', { amount: money }) : t('segments.ledger.bonus');
      case 'redeemed': {
        const note = e.source ? valueToText(p.get(e.source, 'note')).trim() : '';
        return note ? t('segments.ledger.redeemedFor', { note }) : t('segments.ledger.redeemed');
      }
      case 'reversed':
        return t('segments.ledger.reversed', { amount: money });
      case 'expired': {
        const date = e.source ? valueToText(p.get(e.source, 'date')) : '';
        return date ? t('segments.ledger.expiredFrom', { date: f().formatDate(date) }) : t('segments.ledger.expired');
      }
    }
  };
  return (
    <Show when={props.entries.length > 0} fallback={<p class="wb-empty">{t('segments.ledger.empty')}</p>}>
      <div class="cu-table-wrap">
        <table class="cu-table an-ledger" aria-label={t('segments.ledger.title')}>
          <thead>
            <tr>
              <th scope="col">{t('segments.ledger.date')}</th>
              <th scope="col">{t('segments.ledger.what')}</th>
              <th scope="col" class="is-num">
                {t('column.purchases.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(e) => (
                <tr data-kind={e.kind}>
                  <td>{e.day === undefined ? '—' : f().formatDate(dayToIso(e.day))}</td>
                  <td>{explain(e)}</td>
                  <td class="is-num" classList={{ 'is-neg': e.points < 0 }}>
                    {e.points > 0 ? '+' : ''}
                    {f().formatNumber(e.points)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
