/**
 * The customer book as one Y.Doc — the only place in core that knows Yjs.
 *
 * Layout, per sheet S (customers, purchases, contacts), all top-level types:
 *   `S:chunks`  Y.Array<Uint8Array | string>  append-only batches of new rows. Each element is one
 *                                JSON text `{"c":[colIds...],"r":[[rowId, v1, v2, ...], ...]}`, as
 *                                UTF-8 bytes since schema 2 (a string in books of schema 1), written once by
 *                                the device that created those rows (one row for a "New Customer",
 *                                up to CHUNK_ROWS for an import). It is never rewritten, so two
 *                                devices never fight over it. Order of rows = order of chunks.
 *   `S:cells`   Y.Map<CellValue>  per-cell edits keyed `rowId/colId`. A present key (even null)
 *                                overrides the row's base value. Different cells are different keys,
 *                                so concurrent edits to different cells of one row both survive;
 *                                the same cell is last-writer-wins, decided identically everywhere.
 *   `S:trash`   Y.Map<number>     soft delete: rowId → deleted-at (ms). Restore deletes the key.
 *                                Rows and their cells are never removed, so an edit made on another
 *                                device to a row deleted here is kept and shows up when restored.
 *   `S:columns` Y.Map<unknown>    column definitions flattened to `colId/prop` keys (name, labelKey,
 *                                type, width, hidden, options, pos): per-property last-writer-wins,
 *                                so a rename here and a resize there both stay. Order is `pos`.
 *   `meta`      Y.Map<unknown>    `schemaVersion` and book-level settings.
 *
 * Why: a Y.Map per row keeps concurrent cells apart but costs ~7x the memory of compact rows. Here
 * the bulk of the data lives in few large strings (cheap to store, load and keep), while edits are
 * small per-cell entries folded over the base when read: effective(row, col) = cells[row/col] ??
 * base[row][col]. Base chunks are never compacted in the document: folding edits back into a base
 * would be a rewrite two devices could do concurrently and lose each other's cells. Edited cells
 * stay as keys (one per edited cell, not per edit: overwritten values are garbage-collected).
 *
 * Reading is lazy per sheet: chunks are parsed the first time a sheet is read, so 500k purchases
 * do not slow the start of a customers grid. Chunks this device writes are not parsed again: the
 * writer hands the observer the rows it encoded (a big import would otherwise pay twice). A whole
 * column can be read in one pass (`readColumn`), which the analysis uses instead of 500k `get`s.
 *
 * The change feed reports rows and columns per sheet, and the keys of the meta map that changed
 * (saved views, reminder states, shop settings), for local and remote changes alike.
 *
 * Measured in Node 20 (test/bench/layout.measure.ts, 2 cores): 50k customers × 11 fields + 500k
 * purchases + 2,000 cell edits encode to 47.7 MB; applying the state takes 113 ms; parsing the
 * customers 101 ms; doc + parsed customers 73 MB of heap; parsing all purchases adds 863 ms and
 * ~150 MB, which is why it waits until a purchases view or an analysis asks for them.
 */
import * as Y from 'yjs';
import { Emitter, type Event } from '../../base/event';
import { DEFAULT_COLUMNS, columnLabelKey } from '../model/columns';
import {
  SHEET_IDS,
  asColumnId,
  type BookChange,
  type CellValue,
  type ChangeOrigin,
  type Column,
  type ColumnId,
  type ColumnType,
  type RowId,
  type RowValues,
  type SheetChange,
  type SheetId,
} from '../model/types';

/**
 * 2: chunks are written as UTF-8 bytes (Y ContentBinary) instead of strings. Yjs copies bytes into an
 * update as they are, where a string is UTF-8 encoded again each time it is encoded: for a 50k-row
 * import's 10.8 MB that was one 130–230 ms task on the page (Chromium's TextEncoder) when storage
 * encoded the import's update. Chunks written as strings by schema 1 stay valid and are read as before;
 * a device of schema 1 cannot read byte chunks, hence the new version (and sync protocol 2).
 */
export const SCHEMA_VERSION = 2;
/** Rows per chunk string when many rows are added at once. */
export const CHUNK_ROWS = 1000;

export type NewRow = { readonly id: RowId; readonly values: RowValues };
export type ColumnPatch = Partial<Omit<Column, 'id'>>;

/** Read access to one sheet; values are the folded, current ones. */
export interface SheetReader {
  readonly id: SheetId;
  /** All columns, hidden ones included, in display order. */
  columns(): readonly Column[];
  column(id: ColumnId | string): Column | undefined;
  /** Rows not in the trash, in book order. The same array until the sheet changes. */
  liveRowIds(): readonly RowId[];
  /** Rows in the trash, most recently deleted first. */
  trashRowIds(): readonly RowId[];
  has(row: RowId): boolean;
  deletedAt(row: RowId): number | undefined;
  get(row: RowId, col: ColumnId | string): CellValue;
  row(row: RowId): RowValues | undefined;
}

/** A chunk as the document holds it: UTF-8 bytes of its JSON text (schema 2), or the text (schema 1). */
export type ChunkData = Uint8Array | string;

/**
 * Rows already encoded as one chunk (`encodeChunks`), so a big write can do that work before its
 * transaction, in slices, and the transaction only pushes the bytes.
 */
export type EncodedChunk = { readonly data: Uint8Array; readonly ids: readonly RowId[] };

/** The primitive writes; `core/ops` composes them into user operations. */
export interface BookWriter {
  insertRows(sheet: SheetId, rows: readonly NewRow[]): void;
  /** Appends chunks made by `encodeChunks` (rows in that order), as `insertRows` would. */
  insertChunks(sheet: SheetId, chunks: readonly EncodedChunk[]): void;
  setCell(sheet: SheetId, row: RowId, col: ColumnId | string, value: CellValue): void;
  trash(sheet: SheetId, row: RowId, at: number): void;
  restore(sheet: SheetId, row: RowId): void;
  setColumn(sheet: SheetId, col: ColumnId | string, patch: ColumnPatch): void;
  setMeta(key: string, value: unknown): void;
}

export type WriteOrigin = 'local' | 'import' | 'migration';

export interface Book {
  sheet(id: SheetId): SheetReader;
  readonly onDidChange: Event<BookChange>;
  /** Runs `fn` as one transaction: one change event, one undo step. */
  write<T>(origin: WriteOrigin, fn: (w: BookWriter) => T): T;
  meta(key: string): unknown;
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  readonly onDidChangeUndo: Event<void>;
  /** Creates the default columns in an empty book, or migrates an older one. Writes nothing when current. */
  ensureSchema(): 'created' | 'migrated' | 'current' | 'newer';
  readonly schemaVersion: number | undefined;
  dispose(): void;
}

type ParsedChunk = { readonly index: ReadonlyMap<string, number>; readonly rows: readonly (readonly unknown[])[] };
type BaseRow = { readonly index: ReadonlyMap<string, number>; readonly tuple: readonly unknown[] };

const COLUMN_PROPS = ['name', 'labelKey', 'type', 'width', 'hidden', 'options', 'pos'] as const;

const utf8Decoder = new TextDecoder();
const utf8Encoder = new TextEncoder();

/** Reads a chunk; anything that is not one (a damaged or foreign entry) reads as no rows. */
function parseChunk(chunk: unknown): ParsedChunk {
  try {
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? utf8Decoder.decode(chunk) : '';
    const data = JSON.parse(text) as { c?: unknown; r?: unknown };
    const cols = Array.isArray(data.c) ? (data.c as unknown[]).map(String) : [];
    const rows = Array.isArray(data.r) ? (data.r as unknown[]).filter(Array.isArray) as unknown[][] : [];
    const index = new Map<string, number>();
    cols.forEach((c, i) => index.set(c, i + 1));
    return { index, rows };
  } catch {
    // A chunk that does not parse (a bug or a foreign writer) must not take the book down with it.
    return { index: new Map(), rows: [] };
  }
}

/**
 * A value as it reads back from the chunk's JSON text: the parsed rows this device keeps must equal
 * what another device parses from the same text (NaN → null, -0 → 0, arrays copied).
 */
function asStored(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean') return v ?? null;
  if (typeof v === 'number') return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
  return JSON.parse(JSON.stringify(v)) as CellValue;
}

function encodeParsed(rows: readonly NewRow[]): { text: string; parsed: ParsedChunk } {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of rows)
    for (const k of Object.keys(r.values))
      if (!seen.has(k)) {
        seen.add(k);
        cols.push(k);
      }
  const out = rows.map((r) => {
    const tuple: unknown[] = [r.id];
    for (const c of cols) tuple.push(asStored(r.values[c]));
    return tuple;
  });
  const index = new Map<string, number>();
  cols.forEach((c, i) => index.set(c, i + 1));
  return { text: JSON.stringify({ c: cols, r: out }), parsed: { index, rows: out } };
}

/** The parsed rows behind chunks made here, so the book's observer does not parse them again. */
const parsedOfChunk = new WeakMap<EncodedChunk, ParsedChunk>();

/**
 * Encodes rows into chunks of up to CHUNK_ROWS for `BookWriter.insertChunks`. Call it on slices of
 * a big batch (each a multiple of CHUNK_ROWS) between yields to keep every task short.
 */
export function encodeChunks(rows: readonly NewRow[]): EncodedChunk[] {
  const out: EncodedChunk[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const slice = rows.slice(i, i + CHUNK_ROWS);
    const { text, parsed } = encodeParsed(slice);
    let data = utf8Encoder.encode(text);
    // The chunk is pushed as its ArrayBuffer (see insertChunks), so the bytes must fill it exactly.
    if (data.byteOffset !== 0 || data.byteLength !== data.buffer.byteLength) data = data.slice();
    const chunk: EncodedChunk = { data, ids: slice.map((r) => r.id) };
    parsedOfChunk.set(chunk, parsed);
    out.push(chunk);
  }
  return out;
}

class SheetState implements SheetReader {
  readonly yChunks: Y.Array<ChunkData>;
  readonly yCells: Y.Map<CellValue>;
  readonly yTrash: Y.Map<number>;
  readonly yColumns: Y.Map<unknown>;

  private loaded = false;
  private chunkRows: RowId[][] = [];
  /** The parsed chunks, parallel to `chunkRows`. */
  private chunkData: ParsedChunk[] = [];
  /**
   * Whole columns aligned with liveRowIds(), read by `readColumn`: a cell edit drops its column; rows
   * added, removed or trashed drop them all.
   */
  private columnCache = new Map<string, readonly CellValue[]>();
  /** Row → its base tuple, for `get`, `has` and `row`; chunks join it on the first such read
   * (`indexChunks`), so an import's transaction does not index 50k rows nobody reads yet. */
  private base = new Map<RowId, BaseRow>();
  /** Chunks not in `base` yet, in the order they arrived (a later one wins a repeated id, as before). */
  private unindexed: [RowId[], ParsedChunk][] = [];
  private overlay = new Map<RowId, Map<string, CellValue>>();
  private liveCache: RowId[] | undefined;
  private trashCache: RowId[] | undefined;
  private columnsCache: Column[] | undefined;

  /** Set when the sheet was first read inside a transaction: the observers' deltas would then
   * count rows the read already saw, so the parsed state is dropped when the transaction ends. */
  private loadedInTransaction = false;

  constructor(
    readonly id: SheetId,
    private readonly yDoc: Y.Doc,
    /** Chunks this device just wrote, already parsed (see BookDoc.justWritten). */
    private readonly justWritten: ReadonlyMap<ArrayBufferLike, ParsedChunk>,
  ) {
    this.yChunks = yDoc.getArray<ChunkData>(`${id}:chunks`);
    this.yCells = yDoc.getMap<CellValue>(`${id}:cells`);
    this.yTrash = yDoc.getMap<number>(`${id}:trash`);
    this.yColumns = yDoc.getMap<unknown>(`${id}:columns`);
  }

  private ensureLoaded(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.loadedInTransaction = this.yDoc._transaction !== null;
    this.chunkRows = [];
    this.chunkData = [];
    this.columnCache.clear();
    this.base.clear();
    this.unindexed = [];
    this.overlay.clear();
    this.yChunks.forEach((data) => {
      const [ids, parsed] = this.addChunk(data);
      this.chunkRows.push(ids);
      this.chunkData.push(parsed);
    });
    this.yCells.forEach((value, key) => this.setOverlay(key, value));
  }

  private addChunk(data: ChunkData): [RowId[], ParsedChunk] {
    const chunk = (this.justWritten.size && typeof data !== 'string' ? this.justWritten.get(data.buffer) : undefined) ?? parseChunk(data);
    const ids: RowId[] = [];
    for (const tuple of chunk.rows) ids.push(String(tuple[0]) as RowId);
    this.unindexed.push([ids, chunk]);
    return [ids, chunk];
  }

  /** Puts the chunks that arrived since the last read into `base`. */
  private indexChunks(): void {
    if (this.unindexed.length === 0) return;
    for (const [ids, chunk] of this.unindexed)
      for (let j = 0; j < ids.length; j++) this.base.set(ids[j]!, { index: chunk.index, tuple: chunk.rows[j]! });
    this.unindexed = [];
  }

  private setOverlay(key: string, value: CellValue | undefined): RowId {
    const slash = key.indexOf('/');
    const row = key.slice(0, slash) as RowId;
    const col = key.slice(slash + 1);
    let cells = this.overlay.get(row);
    if (value === undefined) {
      cells?.delete(col);
      if (cells?.size === 0) this.overlay.delete(row);
    } else {
      if (!cells) this.overlay.set(row, (cells = new Map()));
      cells.set(col, value);
    }
    return row;
  }

  /** After a transaction: forget a state parsed in the middle of it (it is parsed again on the next read). */
  settle(): void {
    if (!this.loadedInTransaction) return;
    this.loadedInTransaction = false;
    this.loaded = false;
    this.liveCache = undefined;
    this.trashCache = undefined;
    this.columnCache.clear();
  }

  /** Applies a Y.Array delta of chunks to the parsed mirror; returns rows added or removed. */
  applyChunkDelta(delta: readonly { insert?: unknown; retain?: number; delete?: number }[], touched: Set<RowId>): void {
    if (!this.loaded || this.loadedInTransaction) return;
    let pos = 0;
    for (const op of delta) {
      if (op.retain) pos += op.retain;
      else if (op.delete) {
        this.indexChunks();
        this.chunkData.splice(pos, op.delete);
        const removed = this.chunkRows.splice(pos, op.delete);
        for (const ids of removed)
          for (const id of ids) {
            this.base.delete(id);
            touched.add(id);
          }
      } else if (Array.isArray(op.insert)) {
        const added = (op.insert as ChunkData[]).map((data) => this.addChunk(data));
        for (const [ids] of added) for (const id of ids) touched.add(id);
        this.chunkRows.splice(pos, 0, ...added.map((a) => a[0]));
        this.chunkData.splice(pos, 0, ...added.map((a) => a[1]));
        pos += added.length;
      }
    }
    this.liveCache = undefined;
    this.trashCache = undefined;
    this.columnCache.clear();
  }

  applyCellKeys(keys: Iterable<string>, touched: Set<RowId>): void {
    if (!this.loaded || this.loadedInTransaction) return;
    for (const key of keys) {
      touched.add(this.setOverlay(key, this.yCells.get(key)));
      // Only the edited columns go stale: an edited amount keeps the dates and codes read.
      this.columnCache.delete(key.slice(key.indexOf('/') + 1));
    }
  }

  applyTrashKeys(keys: Iterable<string>, touched: Set<RowId>): void {
    for (const key of keys) touched.add(key as RowId);
    this.liveCache = undefined;
    this.trashCache = undefined;
    this.columnCache.clear();
  }

  invalidateColumns(): void {
    this.columnsCache = undefined;
  }

  columns(): readonly Column[] {
    if (this.columnsCache) return this.columnsCache;
    const ids = new Set<string>();
    this.yColumns.forEach((_v, key) => {
      const slash = key.indexOf('/');
      if (key.slice(slash + 1) === 'type') ids.add(key.slice(0, slash));
    });
    const cols: Column[] = [];
    for (const id of ids) {
      const get = (p: string) => this.yColumns.get(`${id}/${p}`);
      const labelKey = get('labelKey');
      cols.push({
        id: asColumnId(id),
        name: typeof get('name') === 'string' ? (get('name') as string) : '',
        ...(typeof labelKey === 'string' ? { labelKey } : {}),
        type: get('type') as ColumnType,
        width: typeof get('width') === 'number' ? (get('width') as number) : 140,
        hidden: get('hidden') === true,
        options: Array.isArray(get('options')) ? (get('options') as string[]) : [],
        pos: typeof get('pos') === 'number' ? (get('pos') as number) : 0,
      });
    }
    cols.sort((a, b) => a.pos - b.pos || (a.id < b.id ? -1 : 1));
    return (this.columnsCache = cols);
  }

  column(id: string): Column | undefined {
    return this.columns().find((c) => c.id === id);
  }

  liveRowIds(): readonly RowId[] {
    this.ensureLoaded();
    if (!this.liveCache) {
      const out: RowId[] = [];
      const trash = this.yTrash;
      const checkTrash = trash.size > 0;
      for (const ids of this.chunkRows) for (const id of ids) if (!checkTrash || !trash.has(id)) out.push(id);
      this.liveCache = out;
    }
    return this.liveCache;
  }

  trashRowIds(): readonly RowId[] {
    this.ensureLoaded();
    if (!this.trashCache) {
      const out: [RowId, number][] = [];
      this.indexChunks();
      this.yTrash.forEach((at, id) => {
        if (this.base.has(id as RowId)) out.push([id as RowId, at]);
      });
      // Newest first; rows trashed together (one bulk delete) by id, so every device lists the same order.
      out.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      this.trashCache = out.map(([id]) => id);
    }
    return this.trashCache;
  }

  has(row: RowId): boolean {
    this.ensureLoaded();
    this.indexChunks();
    return this.base.has(row);
  }

  deletedAt(row: RowId): number | undefined {
    return this.yTrash.get(row);
  }

  get(row: RowId, col: string): CellValue {
    this.ensureLoaded();
    this.indexChunks();
    const cells = this.overlay.get(row);
    if (cells) {
      const v = cells.get(col);
      if (v !== undefined) return v;
    }
    const b = this.base.get(row);
    if (!b) return null;
    const i = b.index.get(col);
    return i === undefined ? null : ((b.tuple[i] ?? null) as CellValue);
  }

  /**
   * One column's current values, aligned with liveRowIds(): one pass over the parsed chunks with
   * the edits folded in. The same array until the sheet changes.
   */
  columnValues(col: string): readonly CellValue[] {
    this.ensureLoaded();
    const cached = this.columnCache.get(col);
    if (cached) return cached;
    const live = this.liveRowIds();
    const out = new Array<CellValue>(live.length);
    // Edits of this column only: usually none or few, so most rows skip the lookup.
    let edits: Map<RowId, CellValue> | undefined;
    for (const [row, cells] of this.overlay) {
      const v = cells.get(col);
      if (v !== undefined) (edits ??= new Map()).set(row, v);
    }
    const trash = this.yTrash;
    const checkTrash = trash.size > 0;
    let k = 0;
    for (let c = 0; c < this.chunkRows.length; c++) {
      const ids = this.chunkRows[c]!;
      const chunk = this.chunkData[c]!;
      const i = chunk.index.get(col);
      const tuples = chunk.rows;
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j]!;
        if (checkTrash && trash.has(id)) continue;
        let v: CellValue | undefined = edits === undefined ? undefined : edits.get(id);
        if (v === undefined) v = i === undefined ? null : ((tuples[j]![i] ?? null) as CellValue);
        out[k++] = v;
      }
    }
    this.columnCache.set(col, out);
    return out;
  }

  row(row: RowId): RowValues | undefined {
    this.ensureLoaded();
    this.indexChunks();
    const b = this.base.get(row);
    if (!b) return undefined;
    const out: Record<string, CellValue> = {};
    for (const [col, i] of b.index) out[col] = (b.tuple[i] ?? null) as CellValue;
    const cells = this.overlay.get(row);
    if (cells) for (const [col, v] of cells) out[col] = v;
    return out;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }
}

/** Yjs origins used for our own transactions. Strings so the undo manager can track them. */
const ORIGINS: ReadonlySet<unknown> = new Set<WriteOrigin>(['local', 'import', 'migration']);

class BookDoc implements Book {
  private readonly sheets: Record<SheetId, SheetState>;
  /**
   * Chunks written by this book in the running transaction, with their rows already parsed: the
   * chunk observer takes the rows from here instead of parsing the bytes it was just given. Keyed by
   * the chunk's ArrayBuffer (Yjs hands back a view of that very buffer); emptied after each transaction.
   */
  private readonly justWritten = new Map<ArrayBufferLike, ParsedChunk>();
  private pendingMeta = new Set<string>();
  private readonly yMeta: Y.Map<unknown>;
  private readonly changeEmitter = new Emitter<BookChange>();
  private readonly undoEmitter = new Emitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  readonly onDidChangeUndo = this.undoEmitter.event;
  private readonly undoManager: Y.UndoManager;
  private readonly originLabels = new WeakMap<object, ChangeOrigin>();
  private pending = new Map<SheetId, { rows: Set<RowId>; structural: boolean; columns: boolean }>();

  constructor(readonly yDoc: Y.Doc) {
    this.yMeta = yDoc.getMap('meta');
    this.sheets = {
      customers: new SheetState('customers', yDoc, this.justWritten),
      purchases: new SheetState('purchases', yDoc, this.justWritten),
      contacts: new SheetState('contacts', yDoc, this.justWritten),
    };
    this.yMeta.observe((e) => {
      for (const key of e.keysChanged) this.pendingMeta.add(key);
    });
    const tracked: Y.AbstractType<any>[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
    for (const s of Object.values(this.sheets)) {
      tracked.push(s.yChunks, s.yCells, s.yTrash, s.yColumns);
      s.yChunks.observe((e) => s.applyChunkDelta(e.changes.delta as never, this.pendingFor(s.id, true).rows));
      s.yCells.observe((e) => s.applyCellKeys(e.keysChanged, this.pendingFor(s.id, false).rows));
      s.yTrash.observe((e) => s.applyTrashKeys(e.keysChanged, this.pendingFor(s.id, true).rows));
      s.yColumns.observe(() => {
        s.invalidateColumns();
        this.pendingFor(s.id, false).columns = true;
      });
    }
    // Imports are undoable as one step; remote and storage updates never are.
    this.undoManager = new Y.UndoManager(tracked, {
      trackedOrigins: new Set<unknown>(['local', 'import']),
      captureTimeout: 0,
    });
    const fireUndo = () => this.undoEmitter.fire();
    this.undoManager.on('stack-item-added', fireUndo);
    this.undoManager.on('stack-item-popped', fireUndo);
    this.undoManager.on('stack-cleared', fireUndo);
    yDoc.on('afterTransaction', this.afterTransaction);
  }

  private pendingFor(id: SheetId, structural: boolean) {
    let p = this.pending.get(id);
    if (!p) this.pending.set(id, (p = { rows: new Set(), structural: false, columns: false }));
    if (structural) p.structural = true;
    return p;
  }

  private afterTransaction = (tr: Y.Transaction) => {
    this.justWritten.clear();
    for (const s of Object.values(this.sheets)) s.settle();
    if (this.pending.size === 0 && this.pendingMeta.size === 0) return;
    const sheets: SheetChange[] = [...this.pending].map(([sheet, p]) => ({
      sheet,
      rows: p.rows,
      rowsAddedOrRemoved: p.structural,
      columns: p.columns,
    }));
    const meta = [...this.pendingMeta];
    this.pending = new Map();
    this.pendingMeta = new Set();
    this.changeEmitter.fire({ origin: this.originOf(tr), sheets, meta });
  };

  private originOf(tr: Y.Transaction): ChangeOrigin {
    const o = tr.origin as unknown;
    if (typeof o === 'string' && ORIGINS.has(o)) return o as ChangeOrigin;
    if (o instanceof Y.UndoManager) return 'local';
    if (o && typeof o === 'object') return this.originLabels.get(o) ?? 'remote';
    return tr.local ? 'local' : 'remote';
  }

  /** Lets storage and sync name the origin objects they apply updates with. */
  labelOrigin(origin: object, label: ChangeOrigin): void {
    this.originLabels.set(origin, label);
  }

  sheet(id: SheetId): SheetReader {
    return this.sheets[id];
  }

  meta(key: string): unknown {
    return this.yMeta.get(key);
  }

  get schemaVersion(): number | undefined {
    const v = this.yMeta.get('schemaVersion');
    return typeof v === 'number' ? v : undefined;
  }

  write<T>(origin: WriteOrigin, fn: (w: BookWriter) => T): T {
    let result!: T;
    this.yDoc.transact(() => {
      result = fn(this.writer);
    }, origin);
    return result;
  }

  private readonly writer: BookWriter = {
    insertRows: (sheet, rows) => this.writer.insertChunks(sheet, encodeChunks(rows)),
    insertChunks: (sheet, chunks) => {
      // Pushed as ArrayBuffers: Yjs copies a Uint8Array it is given but only wraps an ArrayBuffer,
      // so the observer sees the very buffer (no 10.8 MB copy for a 50k-row import, and the parsed
      // rows are found by it).
      const buffers: ArrayBuffer[] = [];
      for (const chunk of chunks) {
        const buffer = chunk.data.buffer as ArrayBuffer;
        const parsed = parsedOfChunk.get(chunk);
        if (parsed) this.justWritten.set(buffer, parsed);
        buffers.push(buffer);
      }
      if (buffers.length) this.sheets[sheet].yChunks.push(buffers as unknown as Uint8Array[]);
    },
    setCell: (sheet, row, col, value) => {
      this.sheets[sheet].yCells.set(`${row}/${col}`, value);
    },
    trash: (sheet, row, at) => {
      this.sheets[sheet].yTrash.set(row, at);
    },
    restore: (sheet, row) => {
      this.sheets[sheet].yTrash.delete(row);
    },
    setColumn: (sheet, col, patch) => {
      const y = this.sheets[sheet].yColumns;
      for (const p of COLUMN_PROPS) {
        const v = patch[p];
        if (v !== undefined) y.set(`${col}/${p}`, Array.isArray(v) ? [...v] : v);
      }
    },
    setMeta: (key, value) => {
      this.yMeta.set(key, value);
    },
  };

  ensureSchema(): 'created' | 'migrated' | 'current' | 'newer' {
    const version = this.schemaVersion;
    if (version === SCHEMA_VERSION) return 'current';
    if (version !== undefined && version > SCHEMA_VERSION) return 'newer';
    if (version === undefined) {
      this.write('migration', (w) => {
        for (const sheet of SHEET_IDS) {
          // Only add what is missing: a paired device may have created some already.
          const existing = new Set(this.sheets[sheet].columns().map((c) => c.id as string));
          DEFAULT_COLUMNS[sheet].forEach((seed, i) => {
            if (existing.has(seed.id)) return;
            w.setColumn(sheet, seed.id, {
              labelKey: columnLabelKey(sheet, seed.id),
              type: seed.type,
              width: seed.width,
              hidden: false,
              options: seed.options ?? [],
              pos: i + 1,
            });
          });
        }
        w.setMeta('schemaVersion', SCHEMA_VERSION);
      });
      this.undoManager.clear();
      return 'created';
    }
    this.write('migration', (w) => {
      for (const step of MIGRATIONS.slice(version - 1, SCHEMA_VERSION - 1)) step(w, this);
      w.setMeta('schemaVersion', SCHEMA_VERSION);
    });
    this.undoManager.clear();
    return 'migrated';
  }

  undo(): boolean {
    return this.undoManager.undo() !== null;
  }

  redo(): boolean {
    return this.undoManager.redo() !== null;
  }

  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  dispose(): void {
    this.yDoc.off('afterTransaction', this.afterTransaction);
    this.undoManager.destroy();
    this.changeEmitter.dispose();
    this.undoEmitter.dispose();
  }
}

/**
 * MIGRATIONS[n - 1] moves a book from schema n to n + 1. Version 1 is the first; a future step is
 * added here and covered by a test that loads a document written at the older version.
 */
export const MIGRATIONS: readonly ((w: BookWriter, book: Book) => void)[] = [
  // 1 → 2: new chunks are written as bytes; the string chunks already there stay as they are.
  () => undefined,
];

/** Makes a book over a Y.Doc (a new one unless storage or a test hands one in). */
export function createBook(yDoc: Y.Doc = new Y.Doc()): Book {
  return new BookDoc(yDoc);
}

/**
 * One column of a sheet, aligned with `liveRowIds()`: the book's readers do it in one pass (cached
 * until the sheet changes); any other reader (a wrapper of the grid) cell by cell.
 */
export function readColumn(reader: SheetReader, col: ColumnId | string): readonly CellValue[] {
  if (reader instanceof SheetState) return reader.columnValues(col);
  return reader.liveRowIds().map((id) => reader.get(id, col));
}

/** The Y.Doc behind a book: for storage and sync only, never for the UI. */
export function yDocOf(book: Book): Y.Doc {
  return (book as BookDoc).yDoc;
}

/** Tells the book how to report changes applied with `origin` (storage, a sync provider). */
export function labelOrigin(book: Book, origin: object, label: ChangeOrigin): void {
  (book as BookDoc).labelOrigin(origin, label);
}
