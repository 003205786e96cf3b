// Messages between the page and the parse worker. Rows travel in chunks so no single message is big
// enough to stall the page when it is deserialised (50k rows in one message froze it ~150 ms).

import type { Column, SheetId } from '../../core/index';
import type { SnapshotRows, SnapshotStart } from '../map/book-snapshot';
import type { SheetSuggestion } from '../map/mapping';
import type { DetailedImportPlan } from '../map/plan';
import type { EncodingName, FileFormat, ImportSettings, ParseErrorCode, ParseOptions, RawRow } from '../types';

export type ParseRequest = {
  readonly type: 'parse';
  /** The file itself: a Blob is passed by reference, so the page never reads the bytes. */
  readonly file: Blob;
  readonly fileName: string;
  readonly opts: ParseOptions;
  /** Keep the rows after sending them: the page will ask this worker for suggestions and plans. */
  readonly keep?: boolean;
};

/** The page has taken in one chunk of rows; the worker may send another (flow control, so chunks
 * never pile up in the page's task queue and frames keep being drawn between them). */
export type ChunkAck = { readonly type: 'ack' };

/** Planning requests, answered by the worker that parsed the file and kept its rows. A newer
 * request of a kind supersedes an older one: the worker stops streaming the older answer. */
export type SuggestRequest = {
  readonly type: 'suggest';
  readonly id: number;
  readonly sheetIndex: number;
  readonly columns: readonly Column[];
  readonly sheet: SheetId;
  readonly opts: { readonly locale?: string; readonly headerRow?: number };
};
export type PlanRequest = {
  readonly type: 'plan';
  readonly id: number;
  readonly sheetIndex: number;
  readonly sheet: SheetId;
  readonly settings: ImportSettings;
};
/** The book's sheet as the worker plans against it, sent once per book version (book-snapshot.ts). */
export type SnapshotMessage = { readonly type: 'snapshotStart'; readonly start: SnapshotStart } | { readonly type: 'snapshotRows'; readonly rows: SnapshotRows };

export type PageMessage = ParseRequest | ChunkAck | SuggestRequest | PlanRequest | SnapshotMessage;

/** The lists of a plan, streamed in chunks after its head. */
export type PlanList = 'add' | 'update' | 'skipped' | 'problems';
export type PlanHead = Omit<DetailedImportPlan, PlanList>;

export type PlannerMessage =
  | { readonly type: 'suggested'; readonly id: number; readonly suggestion: SheetSuggestion }
  /** `timing`: where the worker's time went (read by the benchmark's probe, not by the app). */
  | { readonly type: 'planHead'; readonly id: number; readonly head: PlanHead; readonly timing?: PlanTiming }
  | { readonly type: 'planPart'; readonly id: number; readonly list: PlanList; readonly items: readonly unknown[] }
  | { readonly type: 'planEnd'; readonly id: number }
  | { readonly type: 'planError'; readonly id: number; readonly detail: string };

export type SheetMeta = { readonly name: string; readonly hidden?: boolean; readonly emptyLines?: readonly number[] };

export type WorkerMessage =
  | {
      readonly type: 'meta';
      readonly format: FileFormat;
      readonly encoding?: { readonly used: EncodingName; readonly guessed: boolean };
      readonly delimiter?: string;
      readonly sheets: readonly SheetMeta[];
      readonly totalRows: number;
    }
  | { readonly type: 'rows'; readonly sheet: number; readonly rows: readonly RawRow[]; readonly rowsRead: number }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly code: ParseErrorCode; readonly detail?: string }
  | PlannerMessage;

/** Rows per message: ~2,000 rows × 14 columns deserialise in a few milliseconds. */
export const CHUNK_ROWS = 2000;

/** Chunks the worker may have sent that the page has not acknowledged yet. */
export const CHUNKS_IN_FLIGHT = 2;

/** The delimiters the sniffer chooses among (and the UI may offer as overrides). */
export const DELIMITERS: readonly string[] = [',', ';', '\t', '|'];

/** The worker's plan time: phones normalised first (`phonesByHelper` of them by the helper), then the plan. */
export type PlanTiming = { readonly phonesMs: number; readonly phonesByHelper: number; readonly planMs: number };
