// The analysis surface re-exported by core/index.ts: explicit names, so generic helpers (median,
// binary search) stay internal and never clash with another module's exports.

export { dayOf, dayToIso, isoToDay, toDay, ymdOf, type Day } from './days';
export {
  DEFAULT_SETTINGS,
  DEFAULT_TIERS,
  REMINDER_KINDS,
  resolveSettings,
  type AnalysisSettings,
  type ChurnRules,
  type LifecycleRules,
  type PointsRules,
  type ReminderKind,
  type ReminderRules,
  type TierRule,
  type ValueClassCuts,
} from './settings';
export { readSnapshot, type ContactSnap, type CustomerSnap, type PurchaseSnap, type Snapshot, type SnapshotIssues } from './snapshot';
export { statsOf, windowTotals, type CustomerStats } from './stats';
export { matchTier, sortTiers, tierMove, tierOf, type TierMove, type TierReason, type TierResult } from './tiers';
export { pointsLedger, pointsOfPurchase, type LedgerEntry, type PointsLedger } from './points';
export { SEGMENTS, quintileScore, segmentLabelKey, segmentOf, summarizeSegments, type RfmScore, type Segment, type SegmentSummary } from './rfm';
export { VALUE_CLASSES, classForRevenue, paretoCurve, valueClassLabelKey, valueThresholds, type ParetoPoint, type ValueClass, type ValueThresholds } from './value-classes';
export { LIFECYCLES, churnOf, lifecycleLabelKey, lifecycleOf, type ChurnWarning, type Lifecycle } from './lifecycle';
export { CustomerAnalysis, analyzeCustomers, type ComputedRow } from './customer-analysis';
export { ANALYSIS_SETTINGS_KEY, analyzeBook, applyBookChange, settingsOfBook, type BookAnalysis, type ChangeResult } from './book-analysis';
export {
  dueReminders,
  nextBirthday,
  parseReminderState,
  reminderId,
  remindersFor,
  type ReminderItem,
  type ReminderList,
  type ReminderReason,
  type ReminderState,
} from './reminders';
export { CustomerProblems, dataProblems, emailKey, nameKey, phoneKey, problemCount, problemLabelKey, type DataProblem, type ProblemKind } from './problems';
