// The parse worker: one per file, terminated by the page when the file is read, cancelled or too
// slow. Whatever a crafted file does to this worker's globals (SheetJS 0.18.5 prototype pollution)
// dies with it; the page never runs SheetJS.

import { CHUNK_ROWS, type PageMessage, type WorkerMessage } from './protocol';
import { ChunkCredit, handleParseRequest } from './worker-core';

type WorkerScope = {
  onmessage: ((e: MessageEvent<PageMessage>) => void) | null;
  postMessage(msg: WorkerMessage): void;
};
const scope = self as unknown as WorkerScope;
const credit = new ChunkCredit();

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg?.type === 'ack') credit.ack();
  else if (msg?.type === 'parse') void handleParseRequest(msg, (out) => scope.postMessage(out), CHUNK_ROWS, credit);
};
