// The products report: hot and slow sellers from the purchases' free-text `items`, and the products
// not sold for N days.
//
// Parsing `items` (free text typed at the counter or imported from a cashier system):
// - Lines are split on commas, semicolons, "、", "+", "|" and new lines, full-width forms included
//   ("2x coffee, tea" → coffee ×2, tea ×1; "咖啡 x2；蛋糕" → 咖啡 ×2, 蛋糕 ×1).
// - A quantity is a whole number written before the name ("2x coffee", "2 x coffee", "2× coffee",
//   "2*coffee", "2 coffee") or after it ("coffee x2", "咖啡×2", "coffee *2", "coffee (2)"); otherwise 1.
//   Quantities above 999 are taken as part of the name (a product code like "7 Up" keeps working
//   only when it is not followed by a space and text, a known limit).
// - Names are compared trimmed, with runs of spaces collapsed, case and accents folded ("Té verde"
//   and "te verde" are one product); the first spelling seen is the one shown.
// Money: a purchase's amount is shared among its items in proportion to their quantities (the book
// has no unit prices). Only sales (amount > 0) count quantities; a refund (amount < 0) subtracts
// its amount from its items' revenue. Purchases after `today` are left out.

import { foldText } from '../../../base/text';
import type { Day } from '../days';
import { periodsEnding, type PeriodAxis } from './periods';
import type { ReportData } from './report-data';
import { cents, lowerBound, type RangeOptions } from './sales';

export type ItemLine = { readonly name: string; readonly quantity: number };

const SPLIT = /[,，;；、+＋|｜\n\r]+/;
const LEADING = /^(\d{1,3})\s*(?:[x×X*＊]\s*|\s+)(.+)$/;
const TRAILING = /^(.+?)\s*(?:[x×X*＊]\s*(\d{1,3})|[(（]\s*(\d{1,3})\s*[)）])$/;

/** The items of one purchase's text, with quantities (see the module comment for the rules). */
export function parseItems(text: string): ItemLine[] {
  const out: ItemLine[] = [];
  for (const raw of text.split(SPLIT)) {
    const part = raw.replace(/\s+/g, ' ').trim();
    if (!part) continue;
    let name = part;
    let quantity = 1;
    const lead = LEADING.exec(part);
    const trail = lead ? null : TRAILING.exec(part);
    if (lead) {
      quantity = Number(lead[1]);
      name = lead[2]!.trim();
    } else if (trail) {
      quantity = Number(trail[2] ?? trail[3]);
      name = trail[1]!.trim();
    }
    if (!name || quantity <= 0) continue;
    out.push({ name, quantity });
  }
  return out;
}

export const productKey = (name: string): string => foldText(name.replace(/\s+/g, ' ').trim());

export type ProductRow = {
  readonly name: string;
  /** Units sold in the range. */
  readonly quantity: number;
  /** Share of the purchases' amounts in the range. */
  readonly revenue: number;
  /** Purchases (tickets) in the range that include it. */
  readonly sales: number;
  /** Last day it was sold (any time up to today). */
  readonly lastSold: Day;
  /** Days since it was last sold. */
  readonly daysSince: number;
};

export type ProductsReport = {
  readonly axis: PeriodAxis;
  /** Every product ever sold, best sellers (by quantity) first. */
  readonly products: readonly ProductRow[];
  readonly topByQuantity: readonly ProductRow[];
  readonly topByRevenue: readonly ProductRow[];
  /** The slowest sellers of the range (fewest units, products not sold in it included). */
  readonly slowest: readonly ProductRow[];
  /** Not sold for at least `notSoldDays` days, longest first. */
  readonly notSold: readonly ProductRow[];
  readonly notSoldDays: number;
  /** Purchases in the range whose items text was empty. */
  readonly withoutItems: number;
};

export type ProductsOptions = RangeOptions & { readonly notSoldDays: number; readonly top?: number };

type Acc = { name: string; quantity: number; revenue: number; sales: number; lastSold: Day };

export function productsReport(data: ReportData, opts: ProductsOptions): ProductsReport {
  const { today } = opts;
  const axis = periodsEnding(today, opts.granularity, opts.periods);
  const from = axis.starts[0]!;
  const top = opts.top ?? 10;
  // Many purchases share a text ("té verde, scones"): parse each text once.
  const parsed = new Map<string, { keys: string[]; names: string[]; qty: number[]; total: number }>();
  const byKey = new Map<string, Acc>();
  let withoutItems = 0;
  const end = lowerBound(data.day, today + 1);
  for (let i = 0; i < end; i++) {
    const text = data.items[i]!;
    const a = data.amount[i]!;
    const inRange = data.day[i]! >= from;
    if (!text) {
      if (inRange) withoutItems++;
      continue;
    }
    let p = parsed.get(text);
    if (!p) {
      const lines = parseItems(text);
      p = { keys: lines.map((l) => productKey(l.name)), names: lines.map((l) => l.name), qty: lines.map((l) => l.quantity), total: lines.reduce((s, l) => s + l.quantity, 0) };
      parsed.set(text, p);
    }
    for (let k = 0; k < p.keys.length; k++) {
      let acc = byKey.get(p.keys[k]!);
      if (!acc) byKey.set(p.keys[k]!, (acc = { name: p.names[k]!, quantity: 0, revenue: 0, sales: 0, lastSold: -Infinity }));
      if (a > 0 && data.day[i]! > acc.lastSold) acc.lastSold = data.day[i]!;
      if (!inRange) continue;
      if (a > 0) {
        acc.quantity += p.qty[k]!;
        acc.sales++;
      }
      acc.revenue += (a * p.qty[k]!) / p.total;
    }
  }
  const products: ProductRow[] = [...byKey.values()]
    .filter((a) => a.lastSold > -Infinity)
    .map((a) => ({ name: a.name, quantity: a.quantity, revenue: cents(a.revenue), sales: a.sales, lastSold: a.lastSold, daysSince: today - a.lastSold }));
  const byName = (x: ProductRow, y: ProductRow) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  products.sort((x, y) => y.quantity - x.quantity || y.revenue - x.revenue || byName(x, y));
  const topByRevenue = [...products].sort((x, y) => y.revenue - x.revenue || y.quantity - x.quantity || byName(x, y)).slice(0, top);
  const slowest = [...products].sort((x, y) => x.quantity - y.quantity || x.revenue - y.revenue || byName(x, y)).slice(0, top);
  const N = Math.max(1, Math.floor(opts.notSoldDays));
  const notSold = products.filter((p) => p.daysSince >= N).sort((x, y) => y.daysSince - x.daysSince || byName(x, y));
  return { axis, products, topByQuantity: products.slice(0, top), topByRevenue, slowest, notSold, notSoldDays: N, withoutItems };
}
