// Plain helpers of the "customers and their purchases" import (a file with one line per sale), free
// of Solid and the DOM: the role each file column plays, written as the value of its <select>, and
// how choosing a role changes the split of the file's columns between the two sheets.
//
// Role values: `code` (the customer's code, which links each purchase to its customer),
// `cust:<columnId>` or `cust:new` (a customer field), `sale:<columnId>` (a purchase field), `skip`.

import type { TransactionMapping, TransactionPlans } from '../../io/map/transactions';
import type { ColumnTarget } from '../../io/types';
import { planCounts, type PlanCounts } from './import-model';

export const ROLE_CODE = 'code';
export const ROLE_SKIP = 'skip';
export const ROLE_NEW_CUSTOMER_COLUMN = 'cust:new';
export const customerRole = (columnId: string): string => `cust:${columnId}`;
export const saleRole = (columnId: string): string => `sale:${columnId}`;

/** Purchase columns a file column can fill: all but `customer`, which the code fills. */
export const isSaleField = (columnId: string): boolean => columnId !== 'customer';

const SKIP: ColumnTarget = { kind: 'skip' };

/** The role of file column `col` in `m`, as a <select> value. */
export function txRoleOf(m: TransactionMapping, col: number): string {
  if (col === m.customerColumn) return ROLE_CODE;
  const p = m.purchaseTargets[col];
  if (p?.kind === 'column' && isSaleField(p.columnId)) return saleRole(p.columnId);
  const c = m.customerTargets[col];
  if (c?.kind === 'column') return customerRole(c.columnId);
  if (c?.kind === 'new') return ROLE_NEW_CUSTOMER_COLUMN;
  return ROLE_SKIP;
}

const padded = (targets: readonly ColumnTarget[], n: number): ColumnTarget[] => {
  const out = [...targets];
  while (out.length < n) out.push(SKIP);
  return out;
};

/**
 * `m` with file column `col` playing `role`: it leaves both sheets first, then joins the one the role
 * names. Choosing the code for a column moves it off the column that had it (that one is skipped);
 * taking the code away leaves the mapping without one (`customerColumn` -1), which cannot be
 * imported until a column is chosen again. `newColumn` is the target of a new customer column.
 */
export function withTxRole(m: TransactionMapping, col: number, role: string, newColumn: () => ColumnTarget): TransactionMapping {
  const n = Math.max(col + 1, m.customerTargets.length, m.purchaseTargets.length);
  const customers = padded(m.customerTargets, n);
  const purchases = padded(m.purchaseTargets, n);
  customers[col] = SKIP;
  purchases[col] = SKIP;
  let customerColumn = m.customerColumn === col ? -1 : m.customerColumn;
  if (role === ROLE_CODE) {
    if (customerColumn >= 0) {
      customers[customerColumn] = SKIP;
      purchases[customerColumn] = SKIP;
    }
    customerColumn = col;
  } else if (role === ROLE_NEW_CUSTOMER_COLUMN) {
    customers[col] = newColumn();
  } else if (role.startsWith('cust:')) {
    customers[col] = { kind: 'column', columnId: role.slice(5) };
  } else if (role.startsWith('sale:')) {
    purchases[col] = { kind: 'column', columnId: role.slice(5) };
  }
  return { ...m, customerColumn, customerTargets: customers, purchaseTargets: purchases };
}

/** File columns whose role is taken by another column too (the later one would overwrite). */
export function duplicateRoles(m: TransactionMapping, columns: number): Set<number> {
  const seen = new Map<string, number>();
  const dup = new Set<number>();
  for (let i = 0; i < columns; i++) {
    const role = txRoleOf(m, i);
    if (role === ROLE_SKIP || role === ROLE_NEW_CUSTOMER_COLUMN || role === ROLE_CODE) continue;
    const first = seen.get(role);
    if (first === undefined) seen.set(role, i);
    else dup.add(i).add(first);
  }
  return dup;
}

/** Does the mapping say which column is the customer's code (without it nothing links)? */
export const hasCustomerColumn = (m: TransactionMapping | undefined): m is TransactionMapping => !!m && m.customerColumn >= 0;

export type TxCounts = {
  readonly customers: PlanCounts;
  readonly purchases: PlanCounts;
  /** Rows the import would write in both sheets. */
  readonly toWrite: number;
};

export function txCounts(plans: TransactionPlans): TxCounts {
  const customers = planCounts(plans.customers);
  const purchases = planCounts(plans.purchases);
  return { customers, purchases, toWrite: customers.toWrite + purchases.toWrite };
}
