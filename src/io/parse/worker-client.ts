// The page's side of parsing: checks the size, starts a NEW worker for the file, assembles the rows
// it streams back, and terminates it when done, on cancel, or when the time limit passes. This module
// must not import the parsers themselves: SheetJS belongs in the worker chunk only.

import { ParseError } from '../types';
import type { ParseLimits, ParseOptions, ParseResult, RawRow } from '../types';
import type { PageMessage, SheetMeta, WorkerMessage } from './protocol';
import { WorkerPlanner, type Planner } from './planner';

export const DEFAULT_LIMITS: ParseLimits = { maxBytes: 50 * 1024 * 1024, timeoutMs: 60_000 };

/** The part of a Worker the client uses, so tests can hand in a fake. */
export type WorkerLike = {
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((e: ErrorEvent | Event) => void) | null;
  onmessageerror?: ((e: MessageEvent) => void) | null;
  postMessage(msg: PageMessage): void;
  terminate(): void;
};

export type WorkerFactory = () => WorkerLike;

export type ParseJob = {
  readonly promise: Promise<ParseResult>;
  cancel(): void;
  /** With `keep`: once the promise resolved, the worker that parsed the file, kept for planning. */
  planner?(): Planner | undefined;
};

/** A sheet as assembled on the page, with what the worker learned (hidden, blank lines left out). */
export type AssembledSheet = SheetMeta & { readonly rows: readonly RawRow[] };

export const createParseWorker: WorkerFactory = () =>
  new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'clientela-parse' }) as unknown as WorkerLike;

/** Parses a file in a throwaway worker. `cancel()` rejects the promise with an AbortError. */
export function parseInWorker(
  file: Blob,
  fileName: string,
  opts: ParseOptions,
  limits: ParseLimits = DEFAULT_LIMITS,
  onProgress?: (rowsRead: number) => void,
  createWorker: WorkerFactory = createParseWorker,
  keep = false,
): ParseJob {
  let planner: WorkerPlanner | undefined;
  let worker: WorkerLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  let rejectJob: (e: unknown) => void = () => {};

  const finish = () => {
    settled = true;
    if (timer !== undefined) clearTimeout(timer);
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      if (worker.onmessageerror !== undefined) worker.onmessageerror = null;
      worker.terminate();
      worker = undefined;
    }
  };

  const promise = new Promise<ParseResult>((resolve, reject) => {
    rejectJob = (e) => {
      if (settled) return;
      finish();
      reject(e);
    };
    if (file.size > limits.maxBytes) return rejectJob(new ParseError('tooLarge', `${file.size} bytes`));
    if (file.size === 0) return rejectJob(new ParseError('empty'));

    let meta: Extract<WorkerMessage, { type: 'meta' }> | undefined;
    let sheetRows: RawRow[][] = [];
    try {
      worker = createWorker();
    } catch (e) {
      return rejectJob(new ParseError('unsupported', `cannot start the parser: ${e instanceof Error ? e.message : String(e)}`));
    }
    timer = setTimeout(() => rejectJob(new ParseError('timeout', `no result after ${limits.timeoutMs} ms`)), limits.timeoutMs);

    worker.onmessage = (e) => {
      const msg = e.data;
      switch (msg.type) {
        case 'meta':
          meta = msg;
          sheetRows = msg.sheets.map(() => []);
          onProgress?.(0);
          break;
        case 'rows': {
          const target = sheetRows[msg.sheet];
          if (!target) return rejectJob(new ParseError('corrupt', 'rows for an unknown sheet'));
          for (const row of msg.rows) target.push(row);
          // Ask for the next chunk only now, so chunks never queue up in front of the page's frames.
          worker?.postMessage({ type: 'ack' });
          onProgress?.(msg.rowsRead);
          break;
        }
        case 'done': {
          if (!meta) return rejectJob(new ParseError('corrupt', 'no result'));
          const m = meta;
          const sheets: AssembledSheet[] = m.sheets.map((s, i) => ({ ...s, rows: sheetRows[i] ?? [] }));
          if (keep && worker) {
            // The time limit was for parsing; the worker now belongs to the planner.
            settled = true;
            if (timer !== undefined) clearTimeout(timer);
            planner = new WorkerPlanner(worker);
            worker = undefined;
          } else finish();
          resolve({
            format: m.format,
            ...(m.encoding ? { encoding: m.encoding } : {}),
            ...(m.delimiter !== undefined ? { delimiter: m.delimiter } : {}),
            sheets,
          });
          break;
        }
        case 'error':
          rejectJob(new ParseError(msg.code, msg.detail));
          break;
      }
    };
    // An uncaught failure inside the worker (out of memory, a crash in a parser) ends this file.
    worker.onerror = (e) => {
      if ('preventDefault' in e) e.preventDefault();
      rejectJob(new ParseError('corrupt', 'message' in e && e.message ? String(e.message) : 'the parser stopped'));
    };
    worker.onmessageerror = () => rejectJob(new ParseError('corrupt', 'unreadable message from the parser'));
    worker.postMessage({ type: 'parse', file, fileName, opts, ...(keep ? { keep } : {}) });
  });

  return {
    promise,
    cancel: () => {
      rejectJob(new DOMException('Parsing cancelled', 'AbortError'));
      planner?.dispose();
    },
    planner: () => planner,
  };
}
