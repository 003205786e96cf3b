// The parse worker: one per file, terminated by the page when the file is read, cancelled or too
// slow. Whatever a crafted file does to this worker's globals (SheetJS 0.18.5 prototype pollution)
// dies with it; the page never runs SheetJS. Asked to keep the rows, it stays until the page is
// done with the file and computes the mapping suggestion and the import plan (plan-host.ts).

import type { PageMessage, WorkerMessage } from './protocol';
import { PlanHost } from './plan-host';
import { ChunkCredit, handleParseRequest } from './worker-core';

type WorkerScope = {
  onmessage: ((e: MessageEvent<PageMessage>) => void) | null;
  postMessage(msg: WorkerMessage): void;
};
const scope = self as unknown as WorkerScope;
const credit = new ChunkCredit();
const post = (out: WorkerMessage) => scope.postMessage(out);
let host: PlanHost | undefined;
/** Planning messages that arrive before the rows are all sent wait for the host. */
let pending: PageMessage[] = [];

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg?.type === 'ack') credit.ack();
  else if (msg?.type === 'parse')
    void handleParseRequest(msg, post, undefined, credit).then((sheets) => {
      if (!msg.keep || !sheets) return;
      host = new PlanHost(sheets, post, credit);
      for (const m of pending) host.handle(m);
      pending = [];
    });
  else if (host) host.handle(msg);
  else pending.push(msg);
};
