// Writing an import into the book: new columns, new rows and cell updates in ONE transaction with
// the 'import' origin, so it is all there or not at all, syncs as one update and undoes in one step.
//
// A 50k-row import spent ~0.5 s before its transaction building the rows and encoding them into the
// book's chunk strings. `prepareImports` does that work in slices, yielding to the page between them
// (nothing is written, so closing the tab meanwhile leaves the book as it was), and returns a commit
// that writes the one transaction with the strings ready (`BookWriter.insertChunks`).

import { randomId } from '../../base/id';
import { CHUNK_ROWS, encodeChunks, type Book, type BookWriter, type EncodedChunk, type NewRow } from '../doc/book-doc';
import { asColumnId, asRowId, type CellValue, type ColumnId, type ColumnType, type RowId, type RowValues, type SheetId } from '../model/types';
import { sameValue } from './rows';

/**
 * An import plan refers to columns it will create as `new:<index>` (index into `newColumns`), since
 * their ids only exist once the import is written.
 */
export const NEW_COLUMN_PREFIX = 'new:';
export const newColumnKey = (index: number): string => `${NEW_COLUMN_PREFIX}${index}`;
export function newColumnIndex(key: string): number | undefined {
  if (!key.startsWith(NEW_COLUMN_PREFIX)) return undefined;
  const n = Number(key.slice(NEW_COLUMN_PREFIX.length));
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** What an import writes; `ImportPlan` of src/io satisfies it. */
export type ImportWrite = {
  readonly add: readonly { readonly values: RowValues }[];
  readonly update: readonly { readonly row: RowId; readonly changes: readonly { readonly column: string; readonly to: CellValue }[] }[];
  readonly newColumns: readonly { readonly name: string; readonly type: ColumnType; readonly options?: readonly string[] }[];
};

export type ImportResult = {
  readonly added: RowId[];
  /** Existing rows that received at least one changed cell. */
  readonly updated: number;
  /** Ids of the created columns, in the order of `newColumns`. */
  readonly columns: ColumnId[];
};

type Prepared = {
  readonly sheet: SheetId;
  readonly plan: ImportWrite;
  readonly columns: ColumnId[];
  readonly firstPos: number;
  readonly ids: readonly RowId[];
  readonly chunks: readonly EncodedChunk[];
  readonly edits: readonly { readonly row: RowId; readonly col: string; readonly value: CellValue }[];
  readonly updated: number;
};

/** Lets the page breathe between slices of preparation work; `pause()` is awaited when it returns true. */
export type Slicer = { readonly due: () => boolean; readonly pause: () => Promise<void> };

/** Pauses after ~`budgetMs` of work, with a macrotask so input and frames get their turn. */
export function timeSlicer(budgetMs = 25): Slicer {
  let start = performance.now();
  return {
    due: () => performance.now() - start > budgetMs,
    pause: () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          start = performance.now();
          resolve();
        }, 0),
      ),
  };
}

/**
 * Decides every write before the transaction opens: a failure leaves the book untouched, and a sheet
 * is never read for the first time inside a transaction (it would parse chunks the same transaction
 * already pushed, see SheetState.ensureLoaded).
 */
function prepare(book: Book, sheet: SheetId, plan: ImportWrite): Prepared {
  const steps = prepareSteps(book, sheet, plan);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

async function prepareSliced(book: Book, sheet: SheetId, plan: ImportWrite, slicer: Slicer): Promise<Prepared> {
  const steps = prepareSteps(book, sheet, plan);
  let r = steps.next();
  while (!r.done) {
    if (slicer.due()) await slicer.pause();
    r = steps.next();
  }
  return r.value;
}

/** The preparation as steps of about CHUNK_ROWS rows each (a generator, so sync and sliced share it). */
function* prepareSteps(book: Book, sheet: SheetId, plan: ImportWrite): Generator<void, Prepared> {
  const reader = book.sheet(sheet);
  reader.liveRowIds();
  const existing = reader.columns();
  const firstPos = existing.length ? Math.max(...existing.map((c) => c.pos)) : 0;
  const columns = plan.newColumns.map(() => asColumnId(`c${randomId(8)}`));
  const known = new Set<string>([...existing.map((c) => c.id as string), ...columns]);
  const resolve = (key: string): string | undefined => {
    const i = newColumnIndex(key);
    const id = i === undefined ? key : columns[i];
    return id !== undefined && known.has(id) ? id : undefined;
  };
  const ids = rowIds(plan.add.length);
  const chunks: EncodedChunk[] = [];
  for (let start = 0; start < plan.add.length; start += CHUNK_ROWS) {
    const rows: NewRow[] = [];
    for (let n = start; n < Math.min(plan.add.length, start + CHUNK_ROWS); n++) {
      const r = plan.add[n]!;
      const values: Record<string, CellValue> = Object.create(null) as Record<string, CellValue>;
      for (const key of Object.keys(r.values)) {
        const id = resolve(key);
        const v = r.values[key];
        if (id !== undefined && v !== undefined && v !== null) values[id] = v;
      }
      rows.push({ id: ids[n]!, values });
    }
    chunks.push(...encodeChunks(rows));
    yield;
  }
  const edits: { row: RowId; col: string; value: CellValue }[] = [];
  let updated = 0;
  let n = 0;
  for (const u of plan.update) {
    if (++n % CHUNK_ROWS === 0) yield;
    if (!reader.has(u.row)) continue;
    const before = edits.length;
    for (const ch of u.changes) {
      const id = resolve(ch.column);
      if (id === undefined || sameValue(reader.get(u.row, id), ch.to)) continue;
      edits.push({ row: u.row, col: id, value: ch.to });
    }
    if (edits.length > before) updated++;
  }
  return { sheet, plan, columns, firstPos, ids, chunks, edits, updated };
}

function write(w: BookWriter, p: Prepared): void {
  let pos = p.firstPos;
  p.plan.newColumns.forEach((c, i) =>
    w.setColumn(p.sheet, p.columns[i]!, { name: c.name.trim(), type: c.type, width: 150, hidden: false, options: c.options ?? [], pos: ++pos }),
  );
  if (p.chunks.length) w.insertChunks(p.sheet, p.chunks);
  for (const e of p.edits) w.setCell(p.sheet, e.row, e.col, e.value);
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 12;

/**
 * `count` ids of the form `newRowId` makes (12 random base-36 characters), from one call for random
 * bytes: asking per row cost ~0.3 s of the write of a 50k-row import.
 */
function rowIds(count: number): RowId[] {
  if (count === 0) return [];
  const bytes = new Uint8Array(count * ID_LENGTH);
  // getRandomValues fills at most 65,536 bytes per call.
  for (let i = 0; i < bytes.length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, Math.min(bytes.length, i + 65_536)));
  const out: RowId[] = [];
  for (let r = 0; r < count; r++) {
    let id = '';
    for (let k = r * ID_LENGTH; k < (r + 1) * ID_LENGTH; k++) id += ALPHABET[bytes[k]! % 36];
    out.push(asRowId(id));
  }
  return out;
}

const resultOf = (p: Prepared): ImportResult => ({ added: [...p.ids], updated: p.updated, columns: p.columns });

/** Writes a plan into `sheet`. Updates to rows that no longer exist, or to unknown columns, are dropped. */
export function applyImport(book: Book, sheet: SheetId, plan: ImportWrite): ImportResult {
  const p = prepare(book, sheet, plan);
  book.write('import', (w) => write(w, p));
  return resultOf(p);
}

/** Writes plans into several sheets (customers and their purchases) as one transaction, one undo step. */
export function applyImports(book: Book, parts: readonly { readonly sheet: SheetId; readonly plan: ImportWrite }[]): ImportResult[] {
  const prepared = parts.map((part) => prepare(book, part.sheet, part.plan));
  book.write('import', (w) => prepared.forEach((p) => write(w, p)));
  return prepared.map(resultOf);
}

/**
 * Prepares plans for several sheets in slices (see the module comment) and returns the commit: one
 * call, one transaction, one undo step. Run the commit soon: a row deleted (trashed) meanwhile gets
 * no update, but an update prepared against a cell edited meanwhile overwrites that edit.
 */
export async function prepareImports(
  book: Book,
  parts: readonly { readonly sheet: SheetId; readonly plan: ImportWrite }[],
  slicer: Slicer = timeSlicer(),
): Promise<() => ImportResult[]> {
  const prepared: Prepared[] = [];
  for (const part of parts) prepared.push(await prepareSliced(book, part.sheet, part.plan, slicer));
  return () => {
    const live = prepared.map((p) => {
      const reader = book.sheet(p.sheet);
      const edits = p.edits.filter((e) => reader.has(e.row) && reader.deletedAt(e.row) === undefined);
      return edits.length === p.edits.length ? p : { ...p, edits, updated: new Set(edits.map((e) => e.row)).size };
    });
    book.write('import', (w) => live.forEach((p) => write(w, p)));
    return live.map(resultOf);
  };
}
