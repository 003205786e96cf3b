// The computed columns of the Customers grid: visits, total spent, average ticket, first and last
// purchase, days since the last purchase, points balance, tier, segment, lifecycle.
//
// They are real columns of the book (type `computed`, fixed ids, added once by a migration-origin
// write so two devices add the same ones and undo never sees it): hiding, moving and resizing them
// works like any column, and import/export leave them out. Their values come from the analysis
// service, formatted with the i18n formatters; nothing of them is ever written into the book.

import {
  dayToIso,
  lifecycleLabelKey,
  segmentLabelKey,
  type Book,
  type CellValue,
  type ComputedRow,
  type RowId,
  type TierRule,
} from '../../core/index';
import type { ReactiveI18n } from '../../ui/bindings/i18n';
import type { CellDisplay, ComputedValues } from '../../ui/grid/view-model';
import type { AnalysisService } from './analysis-service';

type Kind = 'count' | 'money' | 'date' | 'days' | 'points' | 'label';

export type ComputedColumnSpec = { readonly id: string; readonly labelKey: string; readonly kind: Kind; readonly width: number };

export const COMPUTED_COLUMNS: readonly ComputedColumnSpec[] = [
  { id: 'visits', labelKey: 'analysis.col.visits', kind: 'count', width: 90 },
  { id: 'totalSpent', labelKey: 'analysis.col.totalSpent', kind: 'money', width: 120 },
  { id: 'avgTicket', labelKey: 'analysis.col.avgTicket', kind: 'money', width: 120 },
  { id: 'firstPurchase', labelKey: 'analysis.col.firstPurchase', kind: 'date', width: 130 },
  { id: 'lastPurchase', labelKey: 'analysis.col.lastPurchase', kind: 'date', width: 130 },
  { id: 'daysSince', labelKey: 'analysis.col.daysSince', kind: 'days', width: 110 },
  { id: 'pointsBalance', labelKey: 'analysis.col.points', kind: 'points', width: 140 },
  // "Tier" is already the stored column (what the owner last wrote); this one is computed now.
  { id: 'tierNow', labelKey: 'segments.col.tierNow', kind: 'label', width: 130 },
  { id: 'segment', labelKey: 'analysis.col.segment', kind: 'label', width: 150 },
  { id: 'lifecycle', labelKey: 'analysis.col.lifecycle', kind: 'label', width: 120 },
];

const SPEC = new Map(COMPUTED_COLUMNS.map((c) => [c.id, c]));

/** Adds the computed columns a book lacks (at the end, visible). Returns whether it wrote. */
export function ensureComputedColumns(book: Book): boolean {
  const reader = book.sheet('customers');
  const missing = COMPUTED_COLUMNS.filter((c) => !reader.column(c.id));
  if (!missing.length) return false;
  const cols = reader.columns();
  let pos = (cols.length ? Math.max(...cols.map((c) => c.pos)) : 0) + 1;
  book.write('migration', (w) => {
    for (const c of missing) w.setColumn('customers', c.id, { labelKey: c.labelKey, type: 'computed', width: c.width, hidden: false, options: [], pos: pos++ });
  });
  return true;
}

/** A tier's name in the owner's language (built-in tiers) or as the owner wrote it. */
export const tierName = (tier: TierRule, t: (k: string) => string): string => tier.name ?? (tier.nameKey ? t(tier.nameKey) : tier.id);

/** The raw value of one computed column (what sort and filter compare). */
export function computedValue(row: ComputedRow | undefined, col: string, t: (k: string) => string): CellValue {
  if (!row) return null;
  switch (col) {
    case 'visits':
      return row.visits;
    case 'totalSpent':
      return row.totalSpent;
    case 'avgTicket':
      return row.tickets ? row.avgTicket : null;
    case 'firstPurchase':
      return row.firstPurchase === undefined ? null : dayToIso(row.firstPurchase);
    case 'lastPurchase':
      return row.lastPurchase === undefined ? null : dayToIso(row.lastPurchase);
    case 'daysSince':
      return row.daysSince ?? null;
    case 'pointsBalance':
      return row.points;
    case 'tierNow':
      return row.tier.tier ? tierName(row.tier.tier, t) : null;
    case 'segment':
      return row.segment ? t(segmentLabelKey(row.segment)) : null;
    case 'lifecycle':
      return t(lifecycleLabelKey(row.lifecycle));
    default:
      return null;
  }
}

const EMPTY: CellDisplay = { text: '', invalid: false, numeric: false };

/** The grid's source of computed values, following the analysis service and the language. */
export function makeComputedValues(service: AnalysisService, i18n: ReactiveI18n): ComputedValues {
  const t = (k: string) => i18n.t(k);
  const rowOf = (id: RowId) => service.analysis()?.row(id);
  return {
    version: () => service.version(),
    value: (id, col) => computedValue(rowOf(id), col, t),
    display(id, col) {
      const spec = SPEC.get(col);
      const v = computedValue(rowOf(id), col, t);
      if (!spec || v === null) return EMPTY;
      const f = i18n.i18n;
      switch (spec.kind) {
        case 'money':
          return { text: f.formatCurrency(v as number), invalid: false, numeric: true };
        case 'count':
        case 'days':
        case 'points':
          return { text: f.formatNumber(v as number), invalid: false, numeric: true };
        case 'date':
          return { text: f.formatDate(v as string), invalid: false, numeric: false };
        default:
          return { text: String(v), invalid: false, numeric: false };
      }
    },
  };
}
