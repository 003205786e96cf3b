// The shop's analysis rules (tiers, points, segments, lifecycle, churn, reminders) with their
// defaults. Plain data, so they can be stored in the book's meta map (core/ops/shop-settings.ts)
// and synced; `resolveSettings` fills whatever a stored value leaves out.

/** One membership tier. `nameKey` is an i18n key for the built-in tiers; an owner's tier has `name`. */
export type TierRule = {
  readonly id: string;
  readonly name?: string;
  readonly nameKey?: string;
  /** Higher order = better tier. */
  readonly order: number;
  readonly metric: 'spend' | 'visits';
  /** Reached when the metric over the window is ≥ threshold. */
  readonly threshold: number;
  /** Rolling window in days ending today; 0 = all time. */
  readonly windowDays: number;
};

export type PointsRules = {
  /** Points earned per 1 unit of money (1 = one point per euro/yuan/dollar), rounded down to whole
   * points per purchase; 0 turns earning off. */
  readonly perAmount: number;
  /** Earned points expire this many days after the purchase; null = never. */
  readonly expiryDays: number | null;
  /** "About to expire" = expiring within this many days. */
  readonly expiringLeadDays: number;
};

export type ValueClassCuts = {
  /** Cumulative revenue share (0..1) where each class ends, best customers first. */
  readonly key: number;
  readonly main: number;
  readonly regular: number;
};

export type LifecycleRules = {
  /** A one-purchase customer stays "new" this many days after the first purchase. */
  readonly newDays: number;
  /** No purchase for this many days: at risk (also when the churn warning fires). */
  readonly atRiskDays: number;
  /** No purchase for this many days: lost. */
  readonly lostDays: number;
};

export type ChurnRules = {
  /** Warn when days since the last purchase > factor × the customer's median gap… */
  readonly factor: number;
  /** …and at least this many days. */
  readonly minDays: number;
  /** Only customers with at least this many visits have a rhythm to break. */
  readonly minVisits: number;
};

export type ReminderRules = {
  readonly birthdayLeadDays: number;
  /** Key customers not contacted for this many days. */
  readonly keyNoContactDays: number;
  /** Say thanks / ask how it went this many days after the first purchase… */
  readonly welcomeAfterDays: number;
  /** …for this many days, then the chance is gone. */
  readonly welcomeWindowDays: number;
  /** Items per day; the rest wait (see reminders.ts for the order). 0 = no limit. Default 10: a day's work beside the counter. */
  readonly dailyQuota: number;
  readonly kinds: Readonly<Record<ReminderKind, boolean>>;
};

export type ReminderKind = 'followUp' | 'birthday' | 'churn' | 'keyNoContact' | 'pointsExpiring' | 'welcome';
export const REMINDER_KINDS: readonly ReminderKind[] = ['followUp', 'birthday', 'churn', 'keyNoContact', 'pointsExpiring', 'welcome'];

export type AnalysisSettings = {
  readonly tiers: readonly TierRule[];
  readonly points: PointsRules;
  readonly valueClasses: ValueClassCuts;
  readonly lifecycle: LifecycleRules;
  readonly churn: ChurnRules;
  readonly reminders: ReminderRules;
};

/**
 * Built-in tiers: the names are i18n keys (en Silver/Gold/Platinum, es Plata/Oro/Platino, zh-CN
 * 银卡/金卡/白金卡), so a new book shows them in the owner's language. Spend over the last year.
 */
export const DEFAULT_TIERS: readonly TierRule[] = [
  { id: 'silver', nameKey: 'analysis.tier.silver', order: 1, metric: 'spend', threshold: 200, windowDays: 365 },
  { id: 'gold', nameKey: 'analysis.tier.gold', order: 2, metric: 'spend', threshold: 600, windowDays: 365 },
  { id: 'platinum', nameKey: 'analysis.tier.platinum', order: 3, metric: 'spend', threshold: 1500, windowDays: 365 },
];

export const DEFAULT_SETTINGS: AnalysisSettings = {
  tiers: DEFAULT_TIERS,
  points: { perAmount: 1, expiryDays: 365, expiringLeadDays: 30 },
  // "20% of customers bring 80% of the revenue": key customers make the first half of it.
  valueClasses: { key: 0.5, main: 0.8, regular: 0.95 },
  lifecycle: { newDays: 60, atRiskDays: 120, lostDays: 365 },
  churn: { factor: 2, minDays: 30, minVisits: 2 },
  reminders: {
    birthdayLeadDays: 7,
    keyNoContactDays: 182,
    welcomeAfterDays: 3,
    welcomeWindowDays: 14,
    dailyQuota: 10,
    kinds: { followUp: true, birthday: true, churn: true, keyNoContact: true, pointsExpiring: true, welcome: true },
  },
};

const num = (v: unknown, fallback: number, min = 0): number => (typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function resolveTier(v: unknown, i: number): TierRule | undefined {
  const t = obj(v);
  if (typeof t.id !== 'string' || (typeof t.name !== 'string' && typeof t.nameKey !== 'string')) return undefined;
  return {
    id: t.id,
    ...(typeof t.name === 'string' ? { name: t.name } : {}),
    ...(typeof t.nameKey === 'string' ? { nameKey: t.nameKey } : {}),
    order: num(t.order, i + 1, -Infinity),
    metric: t.metric === 'visits' ? 'visits' : 'spend',
    threshold: num(t.threshold, 0),
    windowDays: Math.floor(num(t.windowDays, 0)),
  };
}

/** Settings from a stored (possibly partial, possibly foreign) value; anything unusable falls back to the default. */
export function resolveSettings(stored: unknown): AnalysisSettings {
  const s = obj(stored);
  const d = DEFAULT_SETTINGS;
  const p = obj(s.points);
  const vc = obj(s.valueClasses);
  const lc = obj(s.lifecycle);
  const ch = obj(s.churn);
  const r = obj(s.reminders);
  const kinds = obj(r.kinds);
  const tiers = Array.isArray(s.tiers) ? s.tiers.map(resolveTier).filter((t): t is TierRule => !!t) : d.tiers;
  const key = num(vc.key, d.valueClasses.key);
  const main = Math.max(key, num(vc.main, d.valueClasses.main));
  return {
    tiers,
    points: {
      perAmount: num(p.perAmount, d.points.perAmount),
      expiryDays: p.expiryDays === null ? null : p.expiryDays === undefined ? d.points.expiryDays : Math.floor(num(p.expiryDays, d.points.expiryDays ?? 365, 1)),
      expiringLeadDays: num(p.expiringLeadDays, d.points.expiringLeadDays),
    },
    valueClasses: { key, main, regular: Math.max(main, num(vc.regular, d.valueClasses.regular)) },
    lifecycle: {
      newDays: num(lc.newDays, d.lifecycle.newDays),
      atRiskDays: num(lc.atRiskDays, d.lifecycle.atRiskDays),
      lostDays: num(lc.lostDays, d.lifecycle.lostDays),
    },
    churn: { factor: num(ch.factor, d.churn.factor), minDays: num(ch.minDays, d.churn.minDays), minVisits: Math.max(2, num(ch.minVisits, d.churn.minVisits)) },
    reminders: {
      birthdayLeadDays: num(r.birthdayLeadDays, d.reminders.birthdayLeadDays),
      keyNoContactDays: num(r.keyNoContactDays, d.reminders.keyNoContactDays, 1),
      welcomeAfterDays: num(r.welcomeAfterDays, d.reminders.welcomeAfterDays),
      welcomeWindowDays: num(r.welcomeWindowDays, d.reminders.welcomeWindowDays),
      dailyQuota: Math.floor(num(r.dailyQuota, d.reminders.dailyQuota)),
      kinds: Object.fromEntries(
        Object.entries(d.reminders.kinds).map(([k, v]) => [k, typeof kinds[k] === 'boolean' ? (kinds[k] as boolean) : v]),
      ) as Record<ReminderKind, boolean>,
    },
  };
}
