// Data problems for the Problems panel: likely duplicate customers (same phone, same email, or the
// same name once case, accents, punctuation and word order are set aside), invalid phones and
// emails, missing names, reused codes, and the purchases the analysis had to skip or could not
// link. Each problem names the rows involved so the panel can open or merge them.

import { foldText } from '../../base/text';
import type { RowId, SheetId } from '../model/types';
import { isValidFor } from '../model/values';
import type { Snapshot } from './snapshot';

export type ProblemKind =
  | 'duplicatePhone'
  | 'duplicateEmail'
  | 'similarName'
  | 'duplicateCode'
  | 'invalidPhone'
  | 'invalidEmail'
  | 'missingName'
  | 'purchaseBadAmount'
  | 'purchaseBadDate'
  | 'purchaseUnknownCustomer'
  | 'contactBadDate';

export type DataProblem = {
  readonly kind: ProblemKind;
  readonly sheet: SheetId;
  readonly rows: readonly RowId[];
  /** The shared or offending value (the normalised phone, the email, the name…), when there is one. */
  readonly value?: string;
};

export const problemLabelKey = (k: ProblemKind): string => `analysis.problem.${k}`;

/**
 * The comparable part of a phone: digits only, an international "00" prefix dropped, and the last
 * nine digits (so "+34 612 345 678", "0034612345678" and "612345678" match, as do "+86 138…" and
 * "138…"). Fewer than five digits is not a phone to compare.
 */
export function phoneKey(phone: string): string | undefined {
  let d = phone.replace(/\D/g, '');
  if (d.startsWith('00')) d = d.slice(2);
  if (d.length < 5) return undefined;
  return d.length > 9 ? d.slice(-9) : d;
}

export const emailKey = (email: string): string | undefined => {
  const e = email.trim().toLowerCase();
  return e.includes('@') ? e : undefined;
};

/** A name with case, accents, punctuation and word order set aside ("García, José" = "jose garcia"). */
export function nameKey(name: string): string | undefined {
  const words = foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .sort();
  const k = words.join(' ');
  return k.length >= 2 ? k : undefined;
}

type Customer = Snapshot['customers'][number];
type Keys = { readonly phone: string | undefined; readonly email: string | undefined; readonly name: string | undefined; readonly badPhone: boolean; readonly badEmail: boolean };

/**
 * Each customer's comparable keys and checks, kept per customer object: snapshots share the customer
 * objects while the customers sheet is unchanged (snapshot.ts), so a recompute after a sale or an
 * edited purchase folds no name and checks no phone again.
 */
const keysOf = new WeakMap<Customer, Keys>();

function keys(c: Customer): Keys {
  let k = keysOf.get(c);
  if (!k) {
    k = {
      phone: c.phone ? phoneKey(c.phone) : undefined,
      email: c.email ? emailKey(c.email) : undefined,
      name: nameKey(c.name),
      badPhone: !!c.phone && !isValidFor('phone', c.phone),
      badEmail: !!c.email && !isValidFor('email', c.email),
    };
    keysOf.set(c, k);
  }
  return k;
}

const addTo = (m: Map<string, RowId[]>, k: string | undefined, id: RowId) => {
  if (k === undefined) return;
  const g = m.get(k);
  if (g) g.push(id);
  else m.set(k, [id]);
};

/**
 * The customer problems, gathered a range of customers at a time (the app does 50k in slices, with
 * frames painted between them): `add` every customer once, in order, then `finish`.
 */
export class CustomerProblems {
  private readonly phones = new Map<string, RowId[]>();
  private readonly emails = new Map<string, RowId[]>();
  private readonly names = new Map<string, RowId[]>();
  private readonly codes = new Map<string, RowId[]>();
  private readonly single: DataProblem[] = [];

  add(customers: readonly Customer[], from = 0, to = customers.length): void {
    for (let i = from; i < to; i++) {
      const c = customers[i]!;
      const k = keys(c);
      addTo(this.phones, k.phone, c.id);
      addTo(this.emails, k.email, c.id);
      addTo(this.names, k.name, c.id);
      addTo(this.codes, c.code || undefined, c.id);
      if (k.badPhone) this.single.push({ kind: 'invalidPhone', sheet: 'customers', rows: [c.id], value: c.phone });
      if (k.badEmail) this.single.push({ kind: 'invalidEmail', sheet: 'customers', rows: [c.id], value: c.email });
      if (!c.name.trim()) this.single.push({ kind: 'missingName', sheet: 'customers', rows: [c.id] });
    }
  }

  /** The problems of every customer added, and those of `issues` (the purchases and contacts skipped). */
  finish(issues: Snapshot['issues']): DataProblem[] {
    const out: DataProblem[] = [];
    const dup = (kind: ProblemKind, m: Map<string, RowId[]>) => {
      for (const [value, rows] of m) if (rows.length > 1) out.push({ kind, sheet: 'customers', rows, value });
    };
    dup('duplicatePhone', this.phones);
    dup('duplicateEmail', this.emails);
    dup('similarName', this.names);
    dup('duplicateCode', this.codes);
    for (const p of this.single) out.push(p);
    issueProblems(issues, out);
    return out;
  }
}

export function dataProblems(snapshot: Snapshot): DataProblem[] {
  const p = new CustomerProblems();
  p.add(snapshot.customers);
  return p.finish(snapshot.issues);
}

function issueProblems(i: Snapshot['issues'], out: DataProblem[]): void {
  const rowsProblem = (kind: ProblemKind, sheet: SheetId, rows: readonly RowId[]) => {
    if (rows.length) out.push({ kind, sheet, rows });
  };
  rowsProblem('purchaseBadAmount', 'purchases', i.badAmount);
  rowsProblem('purchaseBadDate', 'purchases', i.badDate);
  rowsProblem('purchaseUnknownCustomer', 'purchases', i.unknownCustomer);
  rowsProblem('contactBadDate', 'contacts', i.contactBadDate);
}

/** How many things need the owner's attention (the status bar count): one per problem. */
export const problemCount = (problems: readonly DataProblem[]): number => problems.length;
