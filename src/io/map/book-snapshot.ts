// What the planning worker knows of the book: one sheet's columns and, for each live row, the values
// of its columns, sent by the page in chunks (one big message would stall the page while it is
// cloned) and read back through the few reader methods a plan uses (`PlanBook`). Plain data only:
// the worker never sees the Y.Doc.

import type { CellValue, Column, RowId, SheetId } from '../../core/index';
import type { PlanBook, PlanSheet } from './plan';

/** Live rows per snapshot message: ~2,000 rows × 14 values clone in a few milliseconds. */
export const SNAPSHOT_ROWS = 2000;

export type SnapshotStart = { readonly sheet: SheetId; readonly version: number; readonly columns: readonly Column[] };
/** `values[i][j]` is row `ids[i]`'s value of `columns[j]` of the start message. */
export type SnapshotRows = { readonly sheet: SheetId; readonly version: number; readonly ids: readonly RowId[]; readonly values: readonly (readonly CellValue[])[] };

/** Reads a sheet of a `PlanBook` as snapshot messages, `SNAPSHOT_ROWS` rows at a time. */
export function* snapshotOf(book: PlanBook, sheet: SheetId, version: number): Generator<{ start: SnapshotStart } | { rows: SnapshotRows }> {
  const reader = book.sheet(sheet);
  const columns = reader.columns().filter((c) => c.type !== 'computed');
  yield { start: { sheet, version, columns } };
  const ids = reader.liveRowIds();
  for (let i = 0; i < ids.length; i += SNAPSHOT_ROWS) {
    const part = ids.slice(i, i + SNAPSHOT_ROWS);
    yield { rows: { sheet, version, ids: part, values: part.map((id) => columns.map((c) => reader.get(id, c.id))) } };
  }
}

class SnapshotSheet implements PlanSheet {
  private readonly ids: RowId[] = [];
  private readonly values = new Map<RowId, readonly CellValue[]>();
  private readonly colIndex: ReadonlyMap<string, number>;
  constructor(
    private readonly cols: readonly Column[],
    readonly version: number,
  ) {
    this.colIndex = new Map(cols.map((c, i) => [c.id as string, i]));
  }
  add(part: SnapshotRows): void {
    part.ids.forEach((id, i) => {
      this.ids.push(id);
      this.values.set(id, part.values[i] ?? []);
    });
  }
  columns(): readonly Column[] {
    return this.cols;
  }
  liveRowIds(): readonly RowId[] {
    return this.ids;
  }
  get(row: RowId, col: string): CellValue {
    const i = this.colIndex.get(col);
    return i === undefined ? null : (this.values.get(row)?.[i] ?? null);
  }
}

/** The worker's copy of the book, sheet by sheet, filled by snapshot messages. */
export class BookSnapshot implements PlanBook {
  private readonly sheets = new Map<SheetId, SnapshotSheet>();
  start(msg: SnapshotStart): void {
    this.sheets.set(msg.sheet, new SnapshotSheet(msg.columns, msg.version));
  }
  rows(msg: SnapshotRows): void {
    const s = this.sheets.get(msg.sheet);
    if (s && s.version === msg.version) s.add(msg);
  }
  /** The version of `sheet` this snapshot holds, if any. */
  versionOf(sheet: SheetId): number | undefined {
    return this.sheets.get(sheet)?.version;
  }
  sheet(id: SheetId): PlanSheet {
    return this.sheets.get(id) ?? EMPTY;
  }
}

const EMPTY: PlanSheet = { columns: () => [], liveRowIds: () => [], get: () => null };
