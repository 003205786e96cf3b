// The membership settings form: the owner's tiers (names, order, threshold by spend or visits over
// a rolling window), the points rules (earn rate, expiry) and the value-class cut-offs. Stored in
// the book (core/ops/shop-settings.ts) so both devices use the same rules; "Back to defaults" brings
// the built-in tiers back, named in each device's language.

import { createSignal, For, Show, type JSX } from 'solid-js';
import { randomId } from '../../base/id';
import { readShopSettings, resetShopSettings, writeShopSettings } from '../../core/index';
import { useServices } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import type { AnalysisService } from '../analysis/analysis-service';
import { showToast } from '../purchases/toasts';
import { draftOf, numOf, settingsOf, type DraftError, type SettingsDraft, type TierDraft } from './membership-draft';

export function MembershipSettings(props: { service: AnalysisService | undefined }): JSX.Element {
  const { book, i18n } = useServices();
  const t = (k: string, p?: Record<string, string | number>) => i18n.t(k, p);
  const [draft, setDraft] = createSignal<SettingsDraft>(draftOf(readShopSettings(book), (k) => i18n.t(k)));
  const [error, setError] = createSignal<DraftError | undefined>();
  const patch = (p: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...p }));
  const patchTier = (i: number, p: Partial<TierDraft>) => setDraft((d) => ({ ...d, tiers: d.tiers.map((x, j) => (j === i ? { ...x, ...p } : x)) }));
  const save = (e: Event) => {
    e.preventDefault();
    const s = settingsOf(draft(), readShopSettings(book), (k) => i18n.t(k));
    if (typeof s === 'string') return setError(s);
    setError(undefined);
    writeShopSettings(book, s);
    props.service?.refreshNow();
    showToast(t('membership.saved'));
  };
  const reset = () => {
    resetShopSettings(book);
    setDraft(draftOf(readShopSettings(book), (k) => i18n.t(k)));
    setError(undefined);
    props.service?.refreshNow();
    showToast(t('membership.resetDone'));
  };
  const field = (label: string, value: () => string, set: (v: string) => void, mode: 'decimal' | 'numeric' = 'decimal', hint?: string) => (
    <label class="ms-field">
      <span>{label}</span>
      <input inputMode={mode} value={value()} onInput={(e) => set(e.currentTarget.value)} placeholder={hint} />
    </label>
  );
  return (
    <div class="wb-page" data-editor-kind="membership">
      <div class="wb-page-inner">
        <h1>{t('membership.title')}</h1>
        <p class="wb-page-lead">{t('membership.lead')}</p>
        <form class="ms-form" onSubmit={save} aria-label={t('membership.title')}>
          <fieldset>
            <legend>{t('membership.tiers')}</legend>
            <For each={draft().tiers}>
              {(x, i) => (
                <div class="ms-tier" data-tier={x.id}>
                  {field(t('membership.tierName'), () => x.name, (v) => patchTier(i(), { name: v }))}
                  <label class="ms-field">
                    <span>{t('membership.metric')}</span>
                    <select value={x.metric} onChange={(e) => patchTier(i(), { metric: e.currentTarget.value as 'spend' | 'visits' })}>
                      <option value="spend">{t('membership.metric.spend')}</option>
                      <option value="visits">{t('membership.metric.visits')}</option>
                    </select>
                  </label>
                  {field(t('membership.threshold'), () => x.threshold, (v) => patchTier(i(), { threshold: v }))}
                  {field(t('membership.window'), () => x.windowDays, (v) => patchTier(i(), { windowDays: v }), 'numeric')}
                  <button
                    type="button"
                    class="wb-icon-button"
                    aria-label={t('membership.removeTier', { name: x.name })}
                    title={t('membership.removeTier', { name: x.name })}
                    onClick={() => setDraft((d) => ({ ...d, tiers: d.tiers.filter((_, j) => j !== i()) }))}
                  >
                    <Icon name="trash" size={18} />
                  </button>
                </div>
              )}
            </For>
            <p class="sg-note">{t('membership.tiersHint')}</p>
            <button
              type="button"
              class="wb-button"
              onClick={() => {
                const last = draft().tiers.at(-1);
                const threshold = last ? String((numOf(last.threshold) ?? 0) * 2 || 100) : '100';
                setDraft((d) => ({ ...d, tiers: [...d.tiers, { id: randomId(8), name: '', metric: last?.metric ?? 'spend', threshold, windowDays: last?.windowDays ?? '365' }] }));
              }}
            >
              <Icon name="plus" size={18} />
              {t('membership.addTier')}
            </button>
          </fieldset>
          <fieldset>
            <legend>{t('membership.points')}</legend>
            <div class="ms-row">
              {field(t('membership.perAmount'), () => draft().perAmount, (v) => patch({ perAmount: v }))}
              {field(t('membership.expiry'), () => draft().expiryDays, (v) => patch({ expiryDays: v }), 'numeric', t('membership.never'))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('segments.valueClasses')}</legend>
            <p class="sg-note">{t('membership.cutsHint')}</p>
            <div class="ms-row">
              {field(t('membership.cut.key'), () => draft().key, (v) => patch({ key: v }))}
              {field(t('membership.cut.main'), () => draft().main, (v) => patch({ main: v }))}
              {field(t('membership.cut.regular'), () => draft().regular, (v) => patch({ regular: v }))}
            </div>
          </fieldset>
          <Show when={error()}>
            <p class="ms-error" role="alert">
              {t(`membership.error.${error()}`)}
            </p>
          </Show>
          <div class="ms-actions">
            <button type="submit" class="wb-button is-primary">
              {t('common.save')}
            </button>
            <button type="button" class="wb-button" onClick={reset}>
              {t('membership.reset')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
