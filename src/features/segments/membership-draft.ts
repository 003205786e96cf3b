// The membership settings form's draft (what the fields hold, as typed) and its conversion to the
// stored rules, with the first problem to show. Plain, so it is unit-tested without a DOM.

import type { AnalysisSettings, TierRule } from '../../core/index';

export type TierDraft = { id: string; nameKey?: string; name: string; metric: 'spend' | 'visits'; threshold: string; windowDays: string };

export type SettingsDraft = {
  tiers: TierDraft[];
  perAmount: string;
  expiryDays: string;
  key: string;
  main: string;
  regular: string;
};

const pctText = (x: number) => String(Math.round(x * 1000) / 10);

export function draftOf(s: AnalysisSettings, t: (k: string) => string): SettingsDraft {
  return {
    tiers: [...s.tiers]
      .sort((a, b) => a.order - b.order)
      .map((x) => ({ id: x.id, nameKey: x.nameKey, name: x.name ?? (x.nameKey ? t(x.nameKey) : x.id), metric: x.metric, threshold: String(x.threshold), windowDays: String(x.windowDays) })),
    perAmount: String(s.points.perAmount),
    expiryDays: s.points.expiryDays === null ? '' : String(s.points.expiryDays),
    key: pctText(s.valueClasses.key),
    main: pctText(s.valueClasses.main),
    regular: pctText(s.valueClasses.regular),
  };
}

export type DraftError = 'tierName' | 'threshold' | 'window' | 'perAmount' | 'expiry' | 'cuts';

/** A number as typed (a decimal comma is accepted); undefined when empty or not a number. */
export const numOf = (s: string): number | undefined => {
  const n = Number(s.trim().replace(',', '.'));
  return s.trim() !== '' && Number.isFinite(n) ? n : undefined;
};

/**
 * The settings a draft describes, or the first problem. A built-in tier whose name was left as
 * shown keeps its i18n key, so it stays translated on a device in another language.
 */
export function settingsOf(d: SettingsDraft, base: AnalysisSettings, t: (k: string) => string): AnalysisSettings | DraftError {
  const tiers: TierRule[] = [];
  for (const [i, x] of d.tiers.entries()) {
    const name = x.name.trim();
    if (!name) return 'tierName';
    const threshold = numOf(x.threshold);
    if (threshold === undefined || threshold < 0) return 'threshold';
    const windowDays = numOf(x.windowDays);
    if (windowDays === undefined || windowDays < 0 || !Number.isInteger(windowDays)) return 'window';
    const keepKey = x.nameKey && t(x.nameKey) === name;
    tiers.push({ id: x.id, ...(keepKey ? { nameKey: x.nameKey } : { name }), order: i + 1, metric: x.metric, threshold, windowDays });
  }
  const perAmount = numOf(d.perAmount);
  if (perAmount === undefined || perAmount < 0) return 'perAmount';
  const expiry = d.expiryDays.trim() === '' ? null : numOf(d.expiryDays);
  if (expiry === undefined || (expiry !== null && (expiry < 1 || !Number.isInteger(expiry)))) return 'expiry';
  const [key, main, regular] = [numOf(d.key), numOf(d.main), numOf(d.regular)];
  if (key === undefined || main === undefined || regular === undefined || !(key > 0 && key <= main && main <= regular && regular <= 100)) return 'cuts';
  return {
    ...base,
    tiers,
    points: { ...base.points, perAmount, expiryDays: expiry },
    valueClasses: { key: key / 100, main: main / 100, regular: regular / 100 },
  };
}
