// The parse worker: one per file, terminated by the page when the file is read, cancelled or too
// slow. Whatever a crafted file does to this worker's globals (SheetJS 0.18.5 prototype pollution)
// dies with it; the page never runs SheetJS. Asked to keep the rows, it stays until the page is
// done with the file and computes the mapping suggestion and the import plan (plan-host.ts).

import type { PageMessage, WorkerMessage } from './protocol';
import type { RawRow } from '../types';
import { PhonePool, likelyPhoneTexts, type PhoneHelper } from './phone-prewarm';
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
/** A second worker for the plan's phone numbers (phone-prewarm.ts); it dies with this one. */
const makePhoneHelper = (): PhoneHelper =>
  new Worker(new URL('./phone.worker.ts', import.meta.url), { type: 'module', name: 'clientela-phones' }) as unknown as PhoneHelper;
const EARLY_HELPER_BYTES = 1_000_000;
/** Planning messages that arrive before the rows are all sent wait for the host. */
let pending: PageMessage[] = [];

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg?.type === 'ack') credit.ack();
  else if (msg?.type === 'parse') {
    // A big file kept for planning gets its phone helper now, so the helper has loaded while
    // this worker parses (a small file's plan is quick without one).
    let early: PhoneHelper | undefined;
    if (msg.keep && msg.file.size >= EARLY_HELPER_BYTES) {
      try {
        early = makePhoneHelper();
      } catch {
        early = undefined;
      }
    }
    let pool: PhonePool | undefined;
    // While the rows go to the page and the mapping is suggested, the helper starts on the numbers
    // of the columns that read as phones (of the sheet the page opens first: the first with rows).
    const speculate = (sheets: readonly (readonly RawRow[])[]) => {
      const rows = sheets.find((r) => r.length > 0);
      if (!early || !rows) return;
      pool = new PhonePool(early, msg.opts.phoneCountry);
      pool.speculate(likelyPhoneTexts(rows, msg.opts.phoneCountry));
    };
    void handleParseRequest(msg, post, undefined, credit, speculate).then((sheets) => {
      if (!msg.keep || !sheets) return early?.terminate();
      host = new PlanHost(sheets, post, credit, undefined, makePhoneHelper, early ? { helper: early, ...(pool ? { pool } : {}) } : undefined);
      for (const m of pending) host.handle(m);
      pending = [];
      // Until the page asks for a plan, this worker helps the helper with the speculated numbers.
      void pool?.workAhead();
    });
  } else if (host) host.handle(msg);
  else pending.push(msg);
};
