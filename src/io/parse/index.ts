// What the rest of the app uses of parsing. Deliberately NOT the parsers themselves (parse-file,
// workbook): those pull in SheetJS, which must stay in the worker chunk.

export { parseInWorker, createParseWorker, DEFAULT_LIMITS } from './worker-client';
export type { ParseJob, WorkerFactory, WorkerLike, AssembledSheet } from './worker-client';
export { ENCODINGS } from './decode';
export { DELIMITERS, CHUNK_ROWS } from './protocol';
export type { SheetMeta } from './protocol';
