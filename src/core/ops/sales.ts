// Recording a sale at the counter: one purchases row linked to its customer by the customer's code,
// written as ONE transaction (one undo step) together with whatever the sale needed first: a new
// customer typed in at the counter, or a code for a customer who had none.
//
// Code rule (documented for the owner in README): a purchase links to a customer by `code`. When the
// customer has no code, the sale gives them the next free code in the book's own style: the prefix
// most codes share ("C", "VIP-", "" for plain numbers) and one more than its highest number, padded
// to the same width ("C0041" → "C0042"); an empty book starts at "C0001". Two devices offline may
// hand out the same next code; that shows up as a duplicate code (a data problem), never as a lost sale.

import { todayIso, isIsoDate } from '../../base/date';
import { foldText } from '../../base/text';
import type { Book, SheetReader } from '../doc/book-doc';
import { splitTags, valueToText } from '../model/values';
import type { CellValue, RowId, RowValues } from '../model/types';
import { newRowId } from './rows';

export type SaleCustomer =
  | { readonly row: RowId }
  /** A customer typed in at the counter: created in the same transaction as the sale. */
  | { readonly name: string; readonly phone?: string };

export type SaleInput = {
  readonly customer: SaleCustomer | undefined;
  /** The amount as typed ("12,50", "1.234,50 €") or a number. */
  readonly amount: string | number;
  /** The decimal mark of the person's language (`,` in es): "1.234" means 1234 there. */
  readonly decimal?: ',' | '.';
  /** Products sold: a list (chips) or free text separated by commas. */
  readonly items?: readonly string[] | string;
  /** ISO date; today when empty. */
  readonly date?: string;
  readonly note?: string;
};

export type SaleField = 'customer' | 'amount' | 'date';
export type SaleErrorCode = 'noCustomer' | 'noCustomerName' | 'customerMissing' | 'noAmount' | 'badAmount' | 'negativeAmount' | 'badDate';
export type SaleError = { readonly field: SaleField; readonly code: SaleErrorCode };

export type SaleRecorded = {
  readonly ok: true;
  readonly purchase: RowId;
  readonly customer: RowId;
  /** The code the purchase is linked by. */
  readonly code: string;
  readonly createdCustomer: boolean;
  /** The customer existed without a code and got one. */
  readonly assignedCode: boolean;
  readonly amount: number;
};
export type SaleResult = SaleRecorded | { readonly ok: false; readonly errors: readonly SaleError[] };

/**
 * Reads a typed amount. Currency signs and spaces are ignored. With both marks, the later one is the
 * decimal mark ("1.234,50", "1,234.50"). With one mark: the language's decimal mark is decimal; the
 * other mark is a thousands mark when followed by groups of exactly three digits ("1.234" in es),
 * else it is read as decimal too ("12.5" in es), because a cashier typing either means money.
 */
export function parseAmount(text: string | number, decimal: ',' | '.' = '.'): number | 'empty' | 'invalid' {
  if (typeof text === 'number') return Number.isFinite(text) ? text : 'invalid';
  let s = text.replace(/[\s\u00a0\u202f€$¥£元￥]|EUR|USD|CNY|RMB/gi, '');
  if (s === '') return 'empty';
  let sign = 1;
  if (/^[-−]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return 'invalid';
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let norm: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastComma > lastDot ? ',' : '.';
    const grp = dec === ',' ? '.' : ',';
    const [intPart, frac, ...rest] = s.split(dec);
    if (rest.length || !/^\d{1,3}([.,]\d{3})*$/.test(intPart!)) return 'invalid';
    norm = `${intPart!.split(grp).join('')}.${frac}`;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = s.split(mark);
    const grouped = parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && parts[0]!.length >= 1 && parts[0]!.length <= 3;
    if (mark !== decimal && grouped) norm = parts.join('');
    else if (parts.length === 2) norm = `${parts[0] || '0'}.${parts[1]}`;
    else return 'invalid';
  } else norm = s;
  const n = Number(norm);
  return Number.isFinite(n) ? sign * n : 'invalid';
}

const codeOf = (reader: SheetReader, row: RowId) => valueToText(reader.get(row, 'code')).trim();

/** The next free customer code in the book's own style (see the rule at the top of this file). */
export function nextCustomerCode(customers: SheetReader): string {
  const all = [...customers.liveRowIds(), ...customers.trashRowIds()].map((r) => codeOf(customers, r)).filter(Boolean);
  const taken = new Set(all.map(foldText));
  const byPrefix = new Map<string, { count: number; max: number; width: number }>();
  for (const code of all) {
    const m = /^(.*?)(\d+)$/.exec(code);
    if (!m) continue;
    const p = byPrefix.get(m[1]!) ?? { count: 0, max: 0, width: 0 };
    p.count++;
    p.max = Math.max(p.max, Number(m[2]));
    p.width = Math.max(p.width, m[2]!.length);
    byPrefix.set(m[1]!, p);
  }
  let prefix = 'C';
  let best = { count: 0, max: 0, width: 4 };
  for (const [p, s] of byPrefix) if (s.count > best.count || (s.count === best.count && s.max > best.max)) [prefix, best] = [p, s];
  let n = best.max + 1;
  const make = (k: number) => `${prefix}${String(k).padStart(best.width, '0')}`;
  while (taken.has(foldText(make(n)))) n++;
  return make(n);
}

function itemsText(items: SaleInput['items']): string {
  const list = typeof items === 'string' ? splitTags(items) : (items ?? []).map((s) => s.trim()).filter(Boolean);
  return [...new Set(list)].join(', ');
}

/** Checks a sale without writing anything; the form shows these next to the fields. */
export function validateSale(book: Book, input: SaleInput): { errors: SaleError[]; amount?: number; date: string } {
  const errors: SaleError[] = [];
  const c = input.customer;
  if (!c) errors.push({ field: 'customer', code: 'noCustomer' });
  else if ('row' in c) {
    const reader = book.sheet('customers');
    if (!reader.has(c.row) || reader.deletedAt(c.row) !== undefined) errors.push({ field: 'customer', code: 'customerMissing' });
  } else if (c.name.trim() === '') errors.push({ field: 'customer', code: 'noCustomerName' });
  const parsed = parseAmount(input.amount, input.decimal);
  let amount: number | undefined;
  if (parsed === 'empty') errors.push({ field: 'amount', code: 'noAmount' });
  else if (parsed === 'invalid') errors.push({ field: 'amount', code: 'badAmount' });
  else if (parsed < 0) errors.push({ field: 'amount', code: 'negativeAmount' });
  else amount = Math.round(parsed * 100) / 100;
  const date = input.date?.trim() ? input.date.trim() : todayIso();
  if (!isIsoDate(date)) errors.push({ field: 'date', code: 'badDate' });
  return { errors, amount, date };
}

/** Records a sale as one transaction; on bad input writes nothing and says why. */
export function recordSale(book: Book, input: SaleInput): SaleResult {
  const { errors, amount, date } = validateSale(book, input);
  if (errors.length || amount === undefined || !input.customer) return { ok: false, errors };
  const customers = book.sheet('customers');
  const c = input.customer;
  const purchase = newRowId();
  // Read before writing: the code depends on the book as it is now.
  const existing = 'row' in c ? codeOf(customers, c.row) : '';
  const fresh = existing ? '' : nextCustomerCode(customers);
  return book.write('local', (w) => {
    let customer: RowId;
    let code: string;
    let createdCustomer = false;
    let assignedCode = false;
    if ('row' in c) {
      customer = c.row;
      code = existing;
      if (!code) {
        code = fresh;
        w.setCell('customers', customer, 'code', code);
        assignedCode = true;
      }
    } else {
      customer = newRowId();
      code = fresh;
      const values: Record<string, CellValue> = { code, name: c.name.trim(), firstSeen: todayIso() };
      if (c.phone?.trim()) values.phone = c.phone.trim();
      w.insertRows('customers', [{ id: customer, values }]);
      createdCustomer = true;
    }
    const row: Record<string, CellValue> = { date, customer: code, amount };
    const items = itemsText(input.items);
    if (items) row.items = items;
    if (input.note?.trim()) row.note = input.note.trim();
    w.insertRows('purchases', [{ id: purchase, values: row as RowValues }]);
    return { ok: true, purchase, customer, code, createdCustomer, assignedCode, amount } as const;
  });
}

export type Product = { readonly name: string; readonly count: number };

/**
 * Products sold before, most frequent first (ties by name): the chips of the Record Sale form.
 * Items are split like tags ("pan, café"); spellings differing only in case or accents count as one,
 * shown as first written.
 */
export function productList(purchases: SheetReader, limit = 40): Product[] {
  const counts = new Map<string, { name: string; count: number }>();
  for (const row of purchases.liveRowIds()) {
    const v = purchases.get(row, 'items');
    if (v === null || v === '') continue;
    const list = Array.isArray(v) ? (v as readonly string[]) : splitTags(valueToText(v));
    for (const name of list) {
      const key = foldText(name);
      if (!key) continue;
      const e = counts.get(key);
      if (e) e.count++;
      else counts.set(key, { name: name.trim(), count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, limit);
}
