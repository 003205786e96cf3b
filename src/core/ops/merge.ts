// Merging two rows that are the same customer (the Problems panel's quick fix for a likely
// duplicate): one row is kept, its empty cells are filled from the other, tags are joined, the
// other's purchases and contacts are relinked to the kept customer's code, and the other row goes to
// the Trash (so nothing is lost: restoring it is one tap). All of it is one transaction, one undo step.

import type { Book } from '../doc/book-doc';
import type { CellValue, RowId, SheetId } from '../model/types';

export type MergeResult = {
  /** Columns of the kept row that were empty and got the other row's value (or joined tags). */
  readonly filled: readonly string[];
  /** Purchases and contacts rows whose `customer` cell now names the kept customer. */
  readonly relinked: number;
};

const isEmpty = (v: CellValue): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const text = (v: CellValue): string => (v === null || v === undefined ? '' : String(v).trim());

/** The other row's tags the kept row lacks, compared without case; undefined when there is nothing to add. */
function joinTags(keep: CellValue, other: CellValue): string[] | undefined {
  if (!Array.isArray(keep) || !Array.isArray(other)) return undefined;
  const have = new Set(keep.map((t) => t.toLowerCase()));
  const add = other.filter((t) => !have.has(t.toLowerCase()));
  return add.length ? [...keep, ...add] : undefined;
}

/**
 * Merges `other` into `keep` in `sheet`. Throws when either row is missing, trashed, or they are
 * the same row. For customers, rows of purchases and contacts that link to `other` (by its code or
 * its row id) are moved to `keep`'s code when the two codes differ.
 */
export function mergeRows(book: Book, sheet: SheetId, keep: RowId, other: RowId, now = Date.now()): MergeResult {
  const reader = book.sheet(sheet);
  if (keep === other) throw new RangeError('cannot merge a row with itself');
  for (const r of [keep, other]) if (!reader.has(r) || reader.deletedAt(r) !== undefined) throw new RangeError(`row ${r} is not a live row`);
  const filled: string[] = [];
  const writes: { col: string; value: CellValue }[] = [];
  for (const col of reader.columns()) {
    if (col.type === 'computed') continue;
    const a = reader.get(keep, col.id);
    const b = reader.get(other, col.id);
    if (isEmpty(b)) continue;
    if (isEmpty(a)) writes.push({ col: col.id, value: b });
    else if (col.type === 'tags') {
      const joined = joinTags(a, b);
      if (joined) writes.push({ col: col.id, value: joined });
    }
  }
  for (const w of writes) filled.push(w.col);

  // Linked rows: after the merge the kept row's code is its own code, or the other's when it had none.
  const relink: { sheet: SheetId; row: RowId; code: string }[] = [];
  if (sheet === 'customers') {
    const keepCode = text(reader.get(keep, 'code')) || text(reader.get(other, 'code'));
    const otherCode = text(reader.get(other, 'code'));
    const target = keepCode || keep;
    const links = new Set<string>([other, ...(otherCode && otherCode !== keepCode ? [otherCode] : [])]);
    for (const s of ['purchases', 'contacts'] as const) {
      const linked = book.sheet(s);
      for (const id of linked.liveRowIds()) {
        const c = text(linked.get(id, 'customer'));
        if (c && links.has(c) && c !== target) relink.push({ sheet: s, row: id, code: target });
      }
    }
  }

  book.write('local', (w) => {
    for (const x of writes) w.setCell(sheet, keep, x.col, x.value);
    for (const x of relink) w.setCell(x.sheet, x.row, 'customer', x.code);
    w.trash(sheet, other, now);
  });
  return { filled, relinked: relink.length };
}
