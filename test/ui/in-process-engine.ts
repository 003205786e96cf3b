// The live import engine, but parsing in this process (Node has no Worker): for session tests.
import type { ImportEngine } from '../../src/features/import/engine';
import { liveEngine } from '../../src/features/import/engine-live';
import { parseBytes } from '../../src/io/parse/parse-file';
import type { ParseResult, RawRow } from '../../src/io/types';

export const inProcessEngine: ImportEngine = {
  ...liveEngine,
  parse(file, fileName, opts) {
    const promise = (async (): Promise<ParseResult> => {
      const parsed = parseBytes(new Uint8Array(await file.arrayBuffer()), fileName, opts);
      return { ...parsed, sheets: parsed.sheets.map((s) => ({ name: s.name, rows: s.rows as readonly RawRow[] })) };
    })();
    return { promise, cancel() {} };
  },
};
