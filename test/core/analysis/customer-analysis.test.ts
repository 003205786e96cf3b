import { describe, expect, it } from 'vitest';
import { analyzeBook, applyBookChange } from '../../../src/core/analysis/book-analysis';
import { CustomerAnalysis } from '../../../src/core/analysis/customer-analysis';
import { DEFAULT_SETTINGS } from '../../../src/core/analysis/settings';
import { addRows, setCells, trashRows } from '../../../src/core/ops/rows';
import type { BookChange, RowId } from '../../../src/core/model/types';
import { bookWith, customer, d, sale, snap } from './helpers';

const today = d('2025-06-01');

describe('CustomerAnalysis (full compute)', () => {
  it('handles an empty shop and a customer without purchases', () => {
    expect([...new CustomerAnalysis(snap([]), DEFAULT_SETTINGS, today).rowIds()]).toEqual([]);
    const a = new CustomerAnalysis(snap([customer('A')]), DEFAULT_SETTINGS, today);
    const r = a.row(customer('A').id)!;
    expect(r).toMatchObject({ visits: 0, totalSpent: 0, points: 0, segment: undefined, valueClass: undefined, lifecycle: 'prospect', churn: undefined });
    expect(r.tier.tier).toBeUndefined();
    expect(a.segments().every((s) => s.count === 0)).toBe(true);
  });

  it('computes every column for a small shop', () => {
    const cs = ['A', 'B', 'C', 'D', 'E'].map((c) => customer(c));
    const ps = [
      sale('A', '2025-05-30', 700), sale('A', '2025-05-20', 300), sale('A', '2025-05-10', 100), // 3 visits, 1100
      sale('B', '2025-05-25', 200), sale('B', '2025-04-25', 100), // 2 visits, 300
      sale('C', '2025-03-01', 50), // 1 visit
      sale('D', '2024-01-01', 10), // lost
      sale('X', '2025-05-01', 5), // unknown code
      sale('E', '2025-09-01', 999), // future
    ];
    const a = new CustomerAnalysis(snap(cs, ps), DEFAULT_SETTINGS, today);
    expect(a.unlinkedPurchases).toBe(1);
    expect(a.futurePurchases).toBe(1);
    const row = (c: string) => a.row(customer(c).id)!;
    expect(row('A')).toMatchObject({ visits: 3, totalSpent: 1100, avgTicket: 366.67, daysSince: 2, points: 1100, lifecycle: 'highValue', valueClass: 'key' });
    expect(row('A').tier.tier?.id).toBe('gold');
    expect(row('A').rfm).toEqual({ r: 5, f: 5, m: 5 }); // scored among A, B, C, D
    expect(row('A').segment).toBe('champions');
    expect(row('B')).toMatchObject({ visits: 2, medianGap: 30, tier: { tier: { id: 'silver' } }, valueClass: 'main' }); // 1100 of 1460 = 75% before B
    expect(row('C')).toMatchObject({ lifecycle: 'atRisk', valueClass: 'occasional' });
    expect(row('D')).toMatchObject({ lifecycle: 'lost', segment: 'lost', points: 0 }); // 2024-01-01 points expired after 365 days
    expect(row('E')).toMatchObject({ visits: 0, lifecycle: 'prospect' });
    const seg = a.segments();
    expect(seg.reduce((n, s) => n + s.count, 0)).toBe(4);
    expect(seg.find((s) => s.segment === 'champions')!.revenueShare).toBeCloseTo(1100 / 1460);
  });
});

describe('incremental update', () => {
  const build = () => {
    const cs = Array.from({ length: 20 }, (_, i) => customer(`K${i}`));
    const ps = cs.flatMap((c, i) => Array.from({ length: 1 + (i % 4) }, (_, k) => sale(c.code, '2025-01-01', 10 + i * 7, { day: d('2025-01-01') + k * 20 + i })));
    return { cs, ps };
  };

  it('after one sale, the customer’s own columns equal a full recompute', () => {
    const { cs, ps } = build();
    const a = new CustomerAnalysis(snap(cs, ps), DEFAULT_SETTINGS, today);
    const p = sale('K3', '2025-05-31', 640);
    expect(a.addPurchase(p)).toEqual([customer('K3').id]);
    expect(a.stale).toBe(true);
    const full = new CustomerAnalysis(snap(cs, [...ps, p]), DEFAULT_SETTINGS, today);
    const mine = a.row(customer('K3').id)!;
    const truth = full.row(customer('K3').id)!;
    expect(mine).toEqual(truth); // own stats, tier, points exact; scored against the updated boundaries
    expect(a.addPurchase(sale('NOPE', '2025-05-31', 1))).toEqual([]);
    // refresh() brings everyone to the full compute
    a.refresh();
    for (const c of cs) expect(a.row(c.id)).toEqual(full.row(c.id));
    expect(a.stale).toBe(false);
  });

  it('applies a recorded sale from the book incrementally and asks for a full compute when it cannot', () => {
    const book = bookWith([{ code: 'A', name: 'Ana' }, { code: 'B', name: 'Bo' }], [{ date: '2025-05-01', customer: 'A', amount: 100 }]);
    const { analysis } = analyzeBook(book, today);
    const [ana] = book.sheet('customers').liveRowIds() as RowId[];
    let last: BookChange | undefined;
    book.onDidChange((c) => (last = c));
    addRows(book, 'purchases', [{ date: '2025-05-31', customer: 'A', amount: 150 }]);
    expect(applyBookChange(analysis, book, last!)).toEqual({ full: false, rows: [ana] });
    expect(analysis.row(ana!)).toMatchObject({ visits: 2, totalSpent: 250, tier: { tier: { id: 'silver' } } });

    setCells(book, 'customers', [{ row: ana!, col: 'phone', value: '612345678' }]);
    expect(applyBookChange(analysis, book, last!)).toEqual({ full: false, rows: [ana] });
    expect(analysis.customer(ana!)!.phone).toBe('612345678');

    addRows(book, 'contacts', [{ date: '2025-05-31', customer: 'A', channel: 'phone', outcome: 'ok' }]);
    expect(applyBookChange(analysis, book, last!).full).toBe(false);
    expect(analysis.lastContact(ana!)).toBe(d('2025-05-31'));

    const sale1 = book.sheet('purchases').liveRowIds()[0]!;
    setCells(book, 'purchases', [{ row: sale1, col: 'amount', value: 5 }]);
    expect(applyBookChange(analysis, book, last!)).toEqual({ full: true });
    trashRows(book, 'purchases', [sale1]);
    expect(applyBookChange(analysis, book, last!)).toEqual({ full: true });
    setCells(book, 'customers', [{ row: ana!, col: 'code', value: 'A2' }]);
    expect(applyBookChange(analysis, book, last!)).toEqual({ full: true });
  });
});
