// Reads the book into plain arrays the analysis works on. Tolerant: a purchase with an amount that
// is not a number or a date that is not a date is skipped and counted (the owner sees how many and
// which rows), a purchase whose customer code matches no customer is kept but counted, so nothing
// is silently lost and nothing throws.

import type { Book, SheetReader } from '../doc/book-doc';
import type { CellValue, RowId } from '../model/types';
import { isoToDay, type Day } from './days';

export type CustomerSnap = {
  readonly id: RowId;
  /** Links purchases and contacts to the customer (their `customer` column holds it); may be ''. */
  readonly code: string;
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  /** ISO date as stored, when it is a real date. */
  readonly birthday: string | null;
  readonly tags: readonly string[];
  /** The tier stored in the book (what the owner last saw), '' when none. */
  readonly tier: string;
  /** The follow-up date the owner scheduled (`nextContact` column). */
  readonly nextContact: Day | undefined;
  /**
   * The customers sheet's `points` cell: an opening balance carried over from an old system
   * (imported). It enters the ledger as one "opening" entry that never expires.
   */
  readonly openingPoints: number;
};

export type PurchaseSnap = {
  readonly id: RowId;
  readonly customerCode: string;
  readonly day: Day;
  /** Money; 0 for a points-only row (a redemption), negative for a refund. */
  readonly amount: number;
  readonly items: string;
  /**
   * The purchases sheet's `points` cell when it holds a number: it replaces the computed earning
   * of the row. A negative number is a redemption (core/ops/points.ts writes such rows with amount 0).
   */
  readonly points?: number;
};

export type ContactSnap = {
  readonly id: RowId;
  readonly customerCode: string;
  readonly day: Day;
  readonly channel: string;
  readonly outcome: string;
};

export type SnapshotIssues = {
  /** Purchases skipped: the amount is not a number (and no points either). */
  readonly badAmount: readonly RowId[];
  /** Purchases skipped: no valid date. */
  readonly badDate: readonly RowId[];
  /** Purchases kept but linked to no customer (code empty or unknown). */
  readonly unknownCustomer: readonly RowId[];
  /** Contacts skipped for a missing/invalid date. */
  readonly contactBadDate: readonly RowId[];
  /** Customers whose code is also used by an earlier customer (purchases go to the first). */
  readonly duplicateCode: readonly RowId[];
};

export type Snapshot = {
  readonly customers: readonly CustomerSnap[];
  readonly purchases: readonly PurchaseSnap[];
  readonly contacts: readonly ContactSnap[];
  readonly issues: SnapshotIssues;
};

const text = (v: CellValue): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v).trim());

/** A number cell; numeric text (from a foreign writer) is accepted too. */
function numberOf(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** One customer row as the analysis sees it. */
export function readCustomer(sheet: SheetReader, id: RowId): CustomerSnap {
  const birthday = sheet.get(id, 'birthday');
  const tags = sheet.get(id, 'tags');
  return {
    id,
    code: text(sheet.get(id, 'code')),
    name: text(sheet.get(id, 'name')),
    phone: text(sheet.get(id, 'phone')),
    email: text(sheet.get(id, 'email')),
    birthday: isoToDay(birthday) === undefined ? null : (birthday as string),
    tags: Array.isArray(tags) ? tags : typeof tags === 'string' && tags ? [tags] : [],
    tier: text(sheet.get(id, 'tier')),
    nextContact: isoToDay(sheet.get(id, 'nextContact')),
    openingPoints: numberOf(sheet.get(id, 'points')) ?? 0,
  };
}

function readCustomers(sheet: SheetReader, duplicateCode: RowId[]): CustomerSnap[] {
  const seen = new Set<string>();
  return sheet.liveRowIds().map((id) => {
    const c = readCustomer(sheet, id);
    if (c.code) {
      if (seen.has(c.code)) duplicateCode.push(id);
      else seen.add(c.code);
    }
    return c;
  });
}

/** Every live contact with a valid date; the ids of those without one go to `badDate`. */
export function readContacts(sheet: SheetReader, badDate: RowId[] = []): ContactSnap[] {
  const contacts: ContactSnap[] = [];
  for (const id of sheet.liveRowIds()) {
    const day = isoToDay(sheet.get(id, 'date'));
    if (day === undefined) {
      badDate.push(id);
      continue;
    }
    contacts.push({ id, customerCode: text(sheet.get(id, 'customer')), day, channel: text(sheet.get(id, 'channel')), outcome: text(sheet.get(id, 'outcome')) });
  }
  return contacts;
}

/**
 * `hasPoints`: whether the sheet has a points column. Without one, the points cell is read only for
 * rows with no positive amount (a redemption written before the column existed): 500k reads saved.
 */
export function readPurchase(sheet: SheetReader, id: RowId, hasPoints = true): PurchaseSnap | 'badAmount' | 'badDate' {
  const day = isoToDay(sheet.get(id, 'date'));
  if (day === undefined) return 'badDate';
  const rawAmount = sheet.get(id, 'amount');
  let amount = numberOf(rawAmount);
  const points = hasPoints || !(amount !== undefined && amount > 0) ? numberOf(sheet.get(id, 'points')) : undefined;
  if (amount === undefined) {
    // A points-only row (a redemption) may leave the amount empty.
    if (points === undefined || (rawAmount !== null && rawAmount !== '')) return 'badAmount';
    amount = 0;
  }
  const items = sheet.get(id, 'items');
  const p: PurchaseSnap = { id, customerCode: text(sheet.get(id, 'customer')), day, amount, items: typeof items === 'string' ? items : text(items) };
  return points === undefined ? p : { ...p, points };
}

/** The whole book as plain arrays (trashed rows left out). Reading 500k purchases parses that sheet. */
export function readSnapshot(book: Book): Snapshot {
  const duplicateCode: RowId[] = [];
  const customers = readCustomers(book.sheet('customers'), duplicateCode);
  // A purchase links by the customer's code, or (older data) by the customer's row id.
  const codes = new Set<string>();
  for (const c of customers) {
    if (c.code) codes.add(c.code);
    codes.add(c.id);
  }

  const badAmount: RowId[] = [];
  const badDate: RowId[] = [];
  const unknownCustomer: RowId[] = [];
  const purchases: PurchaseSnap[] = [];
  const pSheet = book.sheet('purchases');
  const hasPoints = pSheet.column('points') !== undefined;
  for (const id of pSheet.liveRowIds()) {
    const p = readPurchase(pSheet, id, hasPoints);
    if (p === 'badAmount') badAmount.push(id);
    else if (p === 'badDate') badDate.push(id);
    else {
      if (!codes.has(p.customerCode)) unknownCustomer.push(id);
      purchases.push(p);
    }
  }

  const contactBadDate: RowId[] = [];
  const contacts = readContacts(book.sheet('contacts'), contactBadDate);
  return { customers, purchases, contacts, issues: { badAmount, badDate, unknownCustomer, contactBadDate, duplicateCode } };
}
