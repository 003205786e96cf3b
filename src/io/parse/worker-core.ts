// What the parse worker does with one request, apart from the Worker plumbing, so it can be run and
// tested in-process: read the Blob, parse, then send the rows back in chunks.

import { ParseError, type RawRow } from '../types';
import { parseBytes } from './parse-file';
import { CHUNK_ROWS, CHUNKS_IN_FLIGHT, type ParseRequest, type WorkerMessage } from './protocol';

/** Lets at most `window` chunks be unacknowledged by the page. */
export class ChunkCredit {
  private inFlight = 0;
  private waiter: (() => void) | undefined;
  constructor(private readonly window = CHUNKS_IN_FLIGHT) {}
  /** Resolves when another chunk may be sent, and counts it as sent. */
  async take(): Promise<void> {
    while (this.inFlight >= this.window) await new Promise<void>((r) => (this.waiter = r));
    this.inFlight++;
  }
  ack(): void {
    if (this.inFlight > 0) this.inFlight--;
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}

/**
 * Without a `credit` (tests, or a page that never acks) chunks are sent all at once. Resolves to the
 * rows of each sheet once they are all sent (undefined on failure), for a worker asked to keep them.
 * `onParsed` gets the rows once, right after the first chunk is sent.
 */
export async function handleParseRequest(
  req: ParseRequest,
  post: (msg: WorkerMessage) => void,
  chunkRows = CHUNK_ROWS,
  credit?: ChunkCredit,
  onParsed?: (sheets: readonly (readonly RawRow[])[]) => void,
): Promise<readonly (readonly RawRow[])[] | undefined> {
  try {
    const bytes = new Uint8Array(await req.file.arrayBuffer());
    const parsed = parseBytes(bytes, req.fileName, req.opts);
    const totalRows = parsed.sheets.reduce((n, s) => n + s.rows.length, 0);
    post({
      type: 'meta',
      format: parsed.format,
      ...(parsed.encoding ? { encoding: parsed.encoding } : {}),
      ...(parsed.delimiter !== undefined ? { delimiter: parsed.delimiter } : {}),
      sheets: parsed.sheets.map((s) => ({
        name: s.name,
        ...(s.hidden !== undefined ? { hidden: s.hidden } : {}),
        ...(s.emptyLines !== undefined ? { emptyLines: s.emptyLines } : {}),
      })),
      totalRows,
    });
    let rowsRead = 0;
    for (const [index, sheet] of parsed.sheets.entries()) {
      for (let i = 0; i < sheet.rows.length; i += chunkRows) {
        await credit?.take();
        const rows = sheet.rows.slice(i, i + chunkRows);
        rowsRead += rows.length;
        post({ type: 'rows', sheet: index, rows, rowsRead });
        // Once the page has rows to take, work that runs beside the rest (the phone helper) starts.
        if (onParsed) {
          onParsed(parsed.sheets.map((s) => s.rows));
          onParsed = undefined;
        }
      }
    }
    onParsed?.(parsed.sheets.map((s) => s.rows));
    post({ type: 'done' });
    return parsed.sheets.map((s) => s.rows);
  } catch (e) {
    if (e instanceof ParseError) post({ type: 'error', code: e.code, detail: e.message });
    else post({ type: 'error', code: 'corrupt', detail: e instanceof Error ? e.message : String(e) });
    return undefined;
  }
}
