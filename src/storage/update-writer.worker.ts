// The storage worker: writes the book's big update rows (an import's) into IndexedDB off the page's
// main thread, where `IDBObjectStore.add` of a 10.8 MB Uint8Array costs Chromium 20–115 ms of
// cloning and value wrapping. One per page, made by update-writer.ts on the first big write. Knows
// nothing of Yjs: rows are bytes; answers each request once its transaction completed or failed.

import type { WriterReply, WriterRequest } from './update-writer';
import { addUpdateRows } from './update-writer-core';

type WorkerScope = {
  onmessage: ((e: MessageEvent<WriterRequest>) => void) | null;
  postMessage(msg: WriterReply): void;
};
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, name, rows } = e.data;
  addUpdateRows(name, rows).then(
    () => scope.postMessage({ id, ok: true }),
    (err: unknown) => scope.postMessage({ id, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }),
  );
};
