import { describe, expect, it } from 'vitest';
import { createBook, type Book } from '../../src/core/doc/book-doc';
import { addRows } from '../../src/core/ops/rows';
import { analyzeBook } from '../../src/core/analysis/book-analysis';
import { DEFAULT_SETTINGS } from '../../src/core/analysis/settings';
import { isoToDay } from '../../src/core/analysis/days';
import { paretoPath, revenueShareAt, segmentsModel } from '../../src/features/segments/segments-model';
import { applyTag, bookTags, parseChoice, tagChoices, tagsOfRows } from '../../src/features/segments/tag-selected';
import { draftOf, settingsOf } from '../../src/features/segments/membership-draft';

const TODAY = isoToDay('2024-06-30')!;

function book(): Book {
  const b = createBook();
  b.ensureSchema();
  return b;
}

describe('segments model', () => {
  it('counts segments, classes and lifecycle stages of a hand-checked book', () => {
    const b = book();
    addRows(b, 'customers', [{ code: 'A' }, { code: 'B' }, { code: 'C' }]);
    addRows(b, 'purchases', [
      { date: '2024-06-30', customer: 'A', amount: 650 },
      { date: '2024-06-30', customer: 'B', amount: 10 },
    ]);
    const m = segmentsModel(analyzeBook(b, TODAY).analysis);
    // Both bought today once: R 3, F 3; M 4 for A, 2 for B → A Loyal (FM 4), B Need attention (FM 3).
    const count = (s: string) => m.tiles.find((t) => t.segment === s)!.count;
    expect(count('loyal')).toBe(1);
    expect(count('needAttention')).toBe(1);
    expect(m.tiles.reduce((n, t) => n + t.count, 0)).toBe(2);
    expect(m.tiles).toHaveLength(11);
    expect(m.unscored).toBe(1);
    expect(m.customers).toBe(3);
    const loyal = m.tiles.find((t) => t.segment === 'loyal')!;
    expect(loyal.revenueShare).toBeCloseTo(650 / 660, 6);
    expect(loyal.strength).toBe(1);
    expect(m.tiles.find((t) => t.segment === 'lost')!.weight).toBe(1);
    expect(m.classes.find((c) => c.cls === 'key')).toMatchObject({ count: 1, revenue: 650 });
    expect(m.classes.reduce((n, c) => n + c.count, 0)).toBe(2);
    expect(Object.fromEntries(m.lifecycle.map((l) => [l.stage, l.count]))).toEqual({ prospect: 1, new: 1, repeat: 0, highValue: 1, atRisk: 0, lost: 0 });
    expect(m.revenue).toBe(660);
  });

  it('reads the Pareto curve between its points and draws it as a path', () => {
    const curve = [
      { customerShare: 0, revenueShare: 0 },
      { customerShare: 0.5, revenueShare: 0.9 },
      { customerShare: 1, revenueShare: 1 },
    ];
    expect(revenueShareAt(curve, 0.25)).toBeCloseTo(0.45, 9);
    expect(revenueShareAt(curve, 0.75)).toBeCloseTo(0.95, 9);
    expect(revenueShareAt([{ customerShare: 0, revenueShare: 0 }], 0.2)).toBe(0);
    expect(paretoPath(curve, 100, 50)).toBe('M0 50 L50 5 L100 0');
  });
});

describe('bulk tagging', () => {
  it('adds a tag to the rows lacking it and removes it, each in one undo step', () => {
    const b = book();
    const rows = addRows(b, 'customers', [{ name: 'A', tags: ['vip'] }, { name: 'B' }, { name: 'C', tags: ['Madrid'] }]);
    expect(applyTag(b, rows, { op: 'add', tag: 'VIP' })).toBe(2); // "vip" already there, case aside
    const s = b.sheet('customers');
    expect(rows.map((r) => s.get(r, 'tags'))).toEqual([['vip'], ['VIP'], ['Madrid', 'VIP']]);
    b.undo();
    expect(rows.map((r) => s.get(r, 'tags'))).toEqual([['vip'], null, ['Madrid']]);
    expect(applyTag(b, rows, { op: 'remove', tag: 'madrid' })).toBe(1);
    expect(s.get(rows[2]!, 'tags')).toEqual([]);
  });

  it('offers a new tag, matching tags to add, and remove only for tags the selection has', () => {
    const b = book();
    const rows = addRows(b, 'customers', [{ tags: ['VIP', 'Madrid'] }, { tags: ['VIP'] }, { tags: ['Mayorista'] }]);
    expect(bookTags(b)).toEqual(['VIP', 'Madrid', 'Mayorista']);
    const have = tagsOfRows(b, rows.slice(0, 2));
    const label = (a: { op: string; tag: string }) => `${a.op} ${a.tag}`;
    expect(tagChoices('ma', bookTags(b), have, label).map((i) => i.label)).toEqual(['add ma', 'add Madrid', 'add Mayorista', 'remove Madrid']);
    expect(tagChoices('vip', bookTags(b), have, label).map((i) => i.id)).toEqual(['add:VIP', 'remove:VIP']);
    expect(parseChoice('remove:a:b')).toEqual({ op: 'remove', tag: 'a:b' });
    expect(parseChoice('x:y')).toBeUndefined();
  });
});

describe('membership settings form', () => {
  const t = (k: string) => ({ 'analysis.tier.silver': 'Plata', 'analysis.tier.gold': 'Oro', 'analysis.tier.platinum': 'Platino' })[k] ?? k;

  it('keeps a built-in tier translated unless its name was changed', () => {
    const d = draftOf(DEFAULT_SETTINGS, t);
    expect(d.tiers.map((x) => x.name)).toEqual(['Plata', 'Oro', 'Platino']);
    expect(d.key).toBe('50');
    d.tiers[1]!.name = 'Oro VIP';
    d.tiers[2]!.threshold = '1200';
    d.expiryDays = '';
    d.key = '40';
    const s = settingsOf(d, DEFAULT_SETTINGS, t);
    if (typeof s === 'string') throw new Error(s);
    expect(s.tiers[0]).toEqual({ id: 'silver', nameKey: 'analysis.tier.silver', order: 1, metric: 'spend', threshold: 200, windowDays: 365 });
    expect(s.tiers[1]).toMatchObject({ id: 'gold', name: 'Oro VIP', order: 2 });
    expect(s.tiers[1]!.nameKey).toBeUndefined();
    expect(s.tiers[2]!.threshold).toBe(1200);
    expect(s.points.expiryDays).toBeNull();
    expect(s.valueClasses.key).toBeCloseTo(0.4, 9);
  });

  it('says what is wrong', () => {
    const base = () => draftOf(DEFAULT_SETTINGS, t);
    const withTier = (p: object) => {
      const d = base();
      Object.assign(d.tiers[0]!, p);
      return settingsOf(d, DEFAULT_SETTINGS, t);
    };
    expect(withTier({ name: ' ' })).toBe('tierName');
    expect(withTier({ threshold: '-1' })).toBe('threshold');
    expect(withTier({ windowDays: '1.5' })).toBe('window');
    expect(settingsOf({ ...base(), perAmount: 'x' }, DEFAULT_SETTINGS, t)).toBe('perAmount');
    expect(settingsOf({ ...base(), expiryDays: '0' }, DEFAULT_SETTINGS, t)).toBe('expiry');
    expect(settingsOf({ ...base(), key: '90', main: '80' }, DEFAULT_SETTINGS, t)).toBe('cuts');
    const comma = settingsOf({ ...base(), perAmount: '1,5' }, DEFAULT_SETTINGS, t);
    expect(typeof comma === 'string' ? comma : comma.points.perAmount).toBe(1.5);
  });
});
