// The page's side of update-writer.worker.ts: hands big update rows to one long-lived module worker
// that adds them to IndexedDB in one transaction, so the page's main thread does not pay for cloning
// them into the database. book-storage.ts decides when to use it and falls back to writing on the
// main thread when it fails.

/** Writes `rows` to the 'updates' store of database `name` in one transaction; resolves once it
 * completed. `transfer`: buffers of `rows` the caller owns alone, moved rather than copied. */
export type BigWriter = (name: string, rows: readonly Uint8Array[], transfer?: readonly ArrayBuffer[]) => Promise<void>;

export type WriterRequest = { readonly id: number; readonly name: string; readonly rows: readonly Uint8Array[] };
export type WriterReply = { readonly id: number; readonly ok: true } | { readonly id: number; readonly ok: false; readonly error: string };

/** The part of a Worker the writer uses. */
type WorkerLike = {
  onmessage: ((e: MessageEvent<WriterReply>) => void) | null;
  onerror: ((e: Event) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
  postMessage(msg: WriterRequest, transfer: Transferable[]): void;
  terminate(): void;
};

/** A write not answered by then is given up on (the caller falls back); the worker may still finish it. */
const WRITE_TIMEOUT_MS = 30_000;

/**
 * A writer backed by a module worker created on the first write and kept for the page's life, or
 * undefined where there are no workers (Node tests). After the worker itself fails (it could not
 * load, or crashed), every later write is refused at once so the caller writes on its own thread.
 */
export function createWorkerWriter(): BigWriter | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: WorkerLike | undefined;
  let broken: Error | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  const fail = (e: Error) => {
    broken = e;
    worker?.terminate();
    worker = undefined;
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    pending.clear();
  };
  const start = (): WorkerLike => {
    const w = new Worker(new URL('./update-writer.worker.ts', import.meta.url), { type: 'module', name: 'clientela-store' }) as unknown as WorkerLike;
    w.onmessage = (e) => {
      const reply = e.data;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve();
      else p.reject(new Error(reply.error));
    };
    w.onerror = (e) => fail(new Error((e as ErrorEvent).message || 'storage worker failed'));
    w.onmessageerror = () => fail(new Error('storage worker message error'));
    return w;
  };
  return (name, rows, transfer = []) => {
    if (broken) return Promise.reject(broken);
    try {
      worker ??= start();
    } catch (e) {
      fail(e instanceof Error ? e : new Error(String(e)));
      return Promise.reject(broken);
    }
    const id = ++nextId;
    const w = worker;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('storage worker timed out'));
      }, WRITE_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      try {
        w.postMessage({ id, name, rows }, [...new Set(transfer)]);
      } catch (e) {
        pending.delete(id);
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  };
}
