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
/** The parts of an items text, as typed (one product each). */
export const splitItems = (text: string): string[] => text.split(SPLIT);

export function parseItems(text: string): ItemLine[] {
  const out: ItemLine[] = [];
  for (const raw of splitItems(text)) {
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

/**
 * Every distinct items text of a ReportData as product numbers and quantities, flattened: text t's
 * lines are `product[start[t]] … product[start[t + 1] - 1]`. Made once per `itemTexts` array (the
 * read keeps the same array while the items are unchanged), so switching the range or the "not
 * sold" days parses nothing.
 */
export type ParsedItems = {
  /** Products in order of first appearance; the first spelling seen is the one shown. */
  readonly names: readonly string[];
  readonly start: Int32Array;
  readonly product: Int32Array;
  readonly quantity: Float64Array;
  /** Units per text (the share of the amount each line gets is quantity / total). */
  readonly total: Float64Array;
};

const parsedItems = new WeakMap<readonly string[], ParsedItems>();

/** Whether a character code separates items (the same set as SPLIT). */
function isSeparator(c: number): boolean {
  return (
    c === 44 || c === 59 || c === 43 || c === 124 || c === 10 || c === 13 || // , ; + | \n \r
    c === 0xff0c || c === 0xff1b || c === 0x3001 || c === 0xff0b || c === 0xff5c // ， ； 、 ＋ ｜
  );
}

export function parseItemTexts(itemTexts: readonly string[]): ParsedItems {
  const hit = parsedItems.get(itemTexts);
  if (hit) return hit;
  const keyIds = new Map<string, number>();
  const names: string[] = [];
  // Texts are many, their parts few ("2x té verde" recurs in thousands of texts): parse a part once.
  // Packed as product × 1024 + quantity (quantities are 1–999), -1 for a part that is no product.
  const partCache = new Map<string, number>();
  const partOf = (raw: string): number => {
    let hit = partCache.get(raw);
    if (hit === undefined) {
      const line = parseItems(raw)[0];
      if (line) {
        const key = productKey(line.name);
        let id = keyIds.get(key);
        if (id === undefined) {
          keyIds.set(key, (id = names.length));
          names.push(line.name);
        }
        hit = id * 1024 + line.quantity;
      } else hit = -1;
      partCache.set(raw, hit);
    }
    return hit;
  };
  const nt = itemTexts.length;
  const start = new Int32Array(nt + 1);
  const total = new Float64Array(nt);
  let product = new Int32Array(Math.max(16, nt * 2));
  let quantity = new Float64Array(product.length);
  let k = 0;
  const push = (packed: number) => {
    if (packed < 0) return;
    if (k === product.length) {
      const p = new Int32Array(k * 2);
      p.set(product);
      product = p;
      const q = new Float64Array(k * 2);
      q.set(quantity);
      quantity = q;
    }
    product[k] = Math.floor(packed / 1024);
    quantity[k++] = packed % 1024;
  };
  for (let t = 0; t < nt; t++) {
    const text = itemTexts[t]!;
    start[t] = k;
    // Split on runs of separators, as `splitItems` does (an empty part is no product either way).
    let from = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !isSeparator(text.charCodeAt(i))) continue;
      if (i > from) push(partOf(from === 0 && i === text.length ? text : text.slice(from, i)));
      from = i + 1;
    }
    let sum = 0;
    for (let j = start[t]!; j < k; j++) sum += quantity[j]!;
    total[t] = sum;
  }
  start[nt] = k;
  const out: ParsedItems = { names, start, product: product.subarray(0, k), quantity: quantity.subarray(0, k), total };
  parsedItems.set(itemTexts, out);
  return out;
}

export function productsReport(data: ReportData, opts: ProductsOptions): ProductsReport {
  const { today } = opts;
  const axis = periodsEnding(today, opts.granularity, opts.periods);
  const from = axis.starts[0]!;
  const top = opts.top ?? 10;
  // Each distinct text is parsed once into product numbers; the pass over the sales is then arithmetic.
  const { names, start, product, quantity: lineQty, total: textTotal } = parseItemTexts(data.itemTexts);
  const np = names.length;
  const quantity = new Float64Array(np);
  const revenue = new Float64Array(np);
  const sales = new Int32Array(np);
  const lastSold = new Int32Array(np).fill(-2147483648);
  let withoutItems = 0;
  const end = lowerBound(data.day, today + 1);
  for (let i = 0; i < end; i++) {
    const t = data.items[i]!;
    const a = data.amount[i]!;
    const d = data.day[i]!;
    const inRange = d >= from;
    if (t < 0) {
      if (inRange) withoutItems++;
      continue;
    }
    const total = textTotal[t]!;
    for (let k = start[t]!, e = start[t + 1]!; k < e; k++) {
      const p = product[k]!;
      // Days come in order, so the last sale seen is the latest.
      if (a > 0) lastSold[p] = d;
      if (!inRange) continue;
      const q = lineQty[k]!;
      if (a > 0) {
        quantity[p]! += q;
        sales[p]!++;
      }
      revenue[p]! += (a * q) / total;
    }
  }
  const byKey: { name: string; quantity: number; revenue: number; sales: number; lastSold: number }[] = [];
  for (let p = 0; p < np; p++) byKey.push({ name: names[p]!, quantity: quantity[p]!, revenue: revenue[p]!, sales: sales[p]!, lastSold: lastSold[p]! });
  const products: ProductRow[] = byKey
    .filter((a) => a.lastSold > -2147483648)
    .map((a) => ({ name: a.name, quantity: a.quantity, revenue: cents(a.revenue), sales: a.sales, lastSold: a.lastSold, daysSince: today - a.lastSold }));
  const byName = (x: ProductRow, y: ProductRow) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  products.sort((x, y) => y.quantity - x.quantity || y.revenue - x.revenue || byName(x, y));
  const topByRevenue = [...products].sort((x, y) => y.revenue - x.revenue || y.quantity - x.quantity || byName(x, y)).slice(0, top);
  const slowest = [...products].sort((x, y) => x.quantity - y.quantity || x.revenue - y.revenue || byName(x, y)).slice(0, top);
  const N = Math.max(1, Math.floor(opts.notSoldDays));
  const notSold = products.filter((p) => p.daysSince >= N).sort((x, y) => y.daysSince - x.daysSince || byName(x, y));
  return { axis, products, topByQuantity: products.slice(0, top), topByRevenue, slowest, notSold, notSoldDays: N, withoutItems };
}
