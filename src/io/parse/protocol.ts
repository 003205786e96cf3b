// Messages between the page and the parse worker. Rows travel in chunks so no single message is big
// enough to stall the page when it is deserialised (50k rows in one message froze it ~150 ms).

import type { EncodingName, FileFormat, ParseErrorCode, ParseOptions, RawRow } from '../types';

export type ParseRequest = {
  readonly type: 'parse';
  /** The file itself: a Blob is passed by reference, so the page never reads the bytes. */
  readonly file: Blob;
  readonly fileName: string;
  readonly opts: ParseOptions;
};

/** The page has taken in one chunk of rows; the worker may send another (flow control, so chunks
 * never pile up in the page's task queue and frames keep being drawn between them). */
export type ChunkAck = { readonly type: 'ack' };

export type PageMessage = ParseRequest | ChunkAck;

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
  | { readonly type: 'error'; readonly code: ParseErrorCode; readonly detail?: string };

/** Rows per message: ~2,000 rows × 14 columns deserialise in a few milliseconds. */
export const CHUNK_ROWS = 2000;

/** Chunks the worker may have sent that the page has not acknowledged yet. */
export const CHUNKS_IN_FLIGHT = 2;

/** The delimiters the sniffer chooses among (and the UI may offer as overrides). */
export const DELIMITERS: readonly string[] = [',', ';', '\t', '|'];
