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

function groups(snapshot: Snapshot, keyOf: (c: Customer) => string | undefined): Map<string, RowId[]> {
  const m = new Map<string, RowId[]>();
  for (const c of snapshot.customers) {
    const k = keyOf(c);
    if (k === undefined) continue;
    const g = m.get(k);
    if (g) g.push(c.id);
    else m.set(k, [c.id]);
  }
  return m;
}

export function dataProblems(snapshot: Snapshot): DataProblem[] {
  const out: DataProblem[] = [];
  const dup = (kind: ProblemKind, m: Map<string, RowId[]>) => {
    for (const [value, rows] of m) if (rows.length > 1) out.push({ kind, sheet: 'customers', rows, value });
  };
  dup('duplicatePhone', groups(snapshot, (c) => keys(c).phone));
  dup('duplicateEmail', groups(snapshot, (c) => keys(c).email));
  dup('similarName', groups(snapshot, (c) => keys(c).name));
  const codes = groups(snapshot, (c) => c.code || undefined);
  dup('duplicateCode', codes);
  for (const c of snapshot.customers) {
    const k = keys(c);
    if (k.badPhone) out.push({ kind: 'invalidPhone', sheet: 'customers', rows: [c.id], value: c.phone });
    if (k.badEmail) out.push({ kind: 'invalidEmail', sheet: 'customers', rows: [c.id], value: c.email });
    if (!c.name.trim()) out.push({ kind: 'missingName', sheet: 'customers', rows: [c.id] });
  }
  const i = snapshot.issues;
  const rowsProblem = (kind: ProblemKind, sheet: SheetId, rows: readonly RowId[]) => {
    if (rows.length) out.push({ kind, sheet, rows });
  };
  rowsProblem('purchaseBadAmount', 'purchases', i.badAmount);
  rowsProblem('purchaseBadDate', 'purchases', i.badDate);
  rowsProblem('purchaseUnknownCustomer', 'purchases', i.unknownCustomer);
  rowsProblem('contactBadDate', 'contacts', i.contactBadDate);
  return out;
}

/** How many things need the owner's attention (the status bar count): one per problem. */
export const problemCount = (problems: readonly DataProblem[]): number => problems.length;
