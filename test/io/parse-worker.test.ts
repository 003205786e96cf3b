// The page side of parsing: a new worker per file, rows streamed in chunks, size and time limits,
// cancel. Node has no Web Worker, so the client gets injected workers: one that runs the real
// parsing code in-process, ones that hang or crash, and real threads (node:worker_threads) to show
// that termination really stops a spinning parser.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker as ThreadWorker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import type { PageMessage, WorkerMessage } from '../../src/io/parse/protocol';
import { ChunkCredit, handleParseRequest } from '../../src/io/parse/worker-core';
import { parseInWorker, type WorkerLike } from '../../src/io/parse/worker-client';
import { ParseError } from '../../src/io/types';

const fixture = (name: string) => new Blob([readFileSync(resolve(__dirname, '../fixtures', name))]);

/** Runs the worker's real code in this process (flow control included), delivering each message
 * as its own task. */
class InProcessWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent | Event) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  terminated = false;
  messages: WorkerMessage[] = [];
  acks = 0;
  /** Most chunks sent and not yet acknowledged at any moment. */
  maxUnacked = 0;
  private readonly credit = new ChunkCredit(2);
  postMessage(msg: PageMessage): void {
    if (msg.type === 'ack') {
      this.acks++;
      this.credit.ack();
      return;
    }
    if (msg.type !== 'parse') return;
    void handleParseRequest(
      msg,
      (out) => {
        this.messages.push(out);
        const sent = this.messages.filter((m) => m.type === 'rows').length;
        this.maxUnacked = Math.max(this.maxUnacked, sent - this.acks);
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: structuredClone(out) } as MessageEvent<WorkerMessage>);
        }, 0);
      },
      undefined,
      this.credit,
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** Never answers: a parser stuck in a pathological regular expression. */
class HangingWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent | Event) => void) | null = null;
  terminate = vi.fn();
  postMessage(): void {}
}

/** A real thread running `code`, seen through the WorkerLike interface. */
function threadWorker(code: string): { worker: WorkerLike; exited: Promise<number> } {
  const thread = new ThreadWorker(code, { eval: true });
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (msg) => thread.postMessage({ type: msg.type }),
    terminate: () => void thread.terminate(),
  };
  thread.on('message', (data: WorkerMessage) => worker.onmessage?.({ data } as MessageEvent<WorkerMessage>));
  thread.on('error', (e: Error) => worker.onerror?.({ message: e.message } as ErrorEvent));
  const exited = new Promise<number>((r) => thread.on('exit', r));
  return { worker, exited };
}

describe('parseInWorker', () => {
  it('parses in a new worker per file, streams rows in chunks with progress, then terminates it', async () => {
    const lines = ['code,name,phone'];
    for (let i = 0; i < 5001; i++) lines.push(`${String(i).padStart(6, '0')},Cliente ${i},0612${i}`);
    const created: InProcessWorker[] = [];
    const factory = () => {
      const w = new InProcessWorker();
      created.push(w);
      return w;
    };
    const progress: number[] = [];
    const job = parseInWorker(new Blob([lines.join('\n')]), 'big.csv', {}, undefined, (n) => progress.push(n), factory);
    const result = await job.promise;
    expect(result.format).toBe('csv');
    expect(result.delimiter).toBe(',');
    expect(result.encoding).toEqual({ used: 'utf-8', guessed: true });
    const rows = result.sheets[0]!.rows;
    expect(rows).toHaveLength(5002);
    expect(rows[5001]).toEqual(['005000', 'Cliente 5000', '06125000']);
    expect(progress).toEqual([0, 2000, 4000, 5002]);
    const w = created[0]!;
    expect(w.messages.filter((m) => m.type === 'rows').map((m) => (m.type === 'rows' ? m.rows.length : 0))).toEqual([2000, 2000, 1002]);
    expect(w.terminated).toBe(true);
    // Flow control: the page acknowledged every chunk, and never had more than two waiting.
    expect(w.acks).toBe(3);
    expect(w.maxUnacked).toBeLessThanOrEqual(2);

    // A second file gets a second worker.
    await parseInWorker(fixture('cashier-gbk.csv'), 'cashier-gbk.csv', {}, undefined, undefined, factory).promise;
    expect(created).toHaveLength(2);
    expect(created[1]!.terminated).toBe(true);
  });

  it('assembles workbooks sheet by sheet, with the sheet details', async () => {
    const result = await parseInWorker(fixture('clientes.xlsx'), 'clientes.xlsx', {}, undefined, undefined, () => new InProcessWorker()).promise;
    expect(result.format).toBe('xlsx');
    expect(result.sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['Clientes', 23],
      ['Resumen', 4],
    ]);
    expect(result.sheets[0]).toMatchObject({ hidden: false });
    expect(result.sheets[0]!.rows[2]![0]).toBe('00017');
  });

  it('passes the worker\'s error code on (corrupt, tooLarge for a zip bomb)', async () => {
    const broken = parseInWorker(fixture('broken.xlsx'), 'broken.xlsx', {}, undefined, undefined, () => new InProcessWorker());
    await expect(broken.promise).rejects.toMatchObject({ code: 'corrupt' });
    const bomb = parseInWorker(fixture('zipbomb.xlsx'), 'zipbomb.xlsx', {}, undefined, undefined, () => new InProcessWorker());
    await expect(bomb.promise).rejects.toMatchObject({ code: 'tooLarge' });
  });

  it('refuses a file over the size limit before reading it or starting a worker', async () => {
    const factory = vi.fn(() => new InProcessWorker());
    const job = parseInWorker(new Blob([new Uint8Array(1001)]), 'x.csv', {}, { maxBytes: 1000, timeoutMs: 1000 }, undefined, factory);
    await expect(job.promise).rejects.toBeInstanceOf(ParseError);
    await expect(job.promise).rejects.toMatchObject({ code: 'tooLarge' });
    expect(factory).not.toHaveBeenCalled();
    await expect(parseInWorker(new Blob([]), 'x.csv', {}, undefined, undefined, factory).promise).rejects.toMatchObject({ code: 'empty' });
    expect(factory).not.toHaveBeenCalled();
  });

  it('times out a worker that never answers (a ReDoS) and terminates it', async () => {
    vi.useFakeTimers();
    try {
      const w = new HangingWorker();
      const job = parseInWorker(fixture('redos-numfmt.xlsx'), 'redos-numfmt.xlsx', {}, { maxBytes: 1e6, timeoutMs: 60_000 }, undefined, () => w);
      const outcome = job.promise.catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(59_999);
      expect(w.terminate).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(await outcome).toMatchObject({ code: 'timeout' });
      expect(w.terminate).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a real thread spinning forever is stopped by the time limit, and the page stays free meanwhile', async () => {
    const { worker, exited } = threadWorker(`
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', () => { for (;;) {} });`);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const t = performance.now();
    const job = parseInWorker(new Blob(['a']), 'evil.xlsx', {}, { maxBytes: 1e6, timeoutMs: 300 }, undefined, () => worker);
    await expect(job.promise).rejects.toMatchObject({ code: 'timeout' });
    clearInterval(ticker);
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    expect(ticks).toBeGreaterThan(5); // the main thread kept running while the parser spun
    expect(await exited).toBeDefined(); // the thread is gone
  });

  it('a prototype polluted inside the worker dies with it', async () => {
    const { worker, exited } = threadWorker(`
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', () => {
        Object.prototype.polluted = 'yes'; // what a crafted file does to SheetJS 0.18.5
        parentPort.postMessage({ type: 'meta', format: 'xlsx', sheets: [{ name: 'S' }], totalRows: 1 });
        parentPort.postMessage({ type: 'rows', sheet: 0, rows: [['__proto__']], rowsRead: 1 });
        parentPort.postMessage({ type: 'done' });
      });`);
    const result = await parseInWorker(new Blob(['x']), 'x.xlsx', {}, undefined, undefined, () => worker).promise;
    expect(result.sheets[0]!.rows).toEqual([['__proto__']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await exited;
  });

  it('cancel rejects with an AbortError and terminates the worker; cancelling later is harmless', async () => {
    const w = new HangingWorker();
    const job = parseInWorker(fixture('clientes.xlsx'), 'clientes.xlsx', {}, undefined, undefined, () => w);
    job.cancel();
    await expect(job.promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(w.terminate).toHaveBeenCalledTimes(1);
    job.cancel();
    expect(w.terminate).toHaveBeenCalledTimes(1);

    const done = parseInWorker(fixture('cashier-gbk.csv'), 'c.csv', {}, undefined, undefined, () => new InProcessWorker());
    await done.promise;
    done.cancel();
    await expect(done.promise).resolves.toBeDefined();
  });

  it('a crash inside the worker ends the job as corrupt', async () => {
    const w = new HangingWorker();
    const job = parseInWorker(fixture('clientes.xlsx'), 'clientes.xlsx', {}, undefined, undefined, () => w);
    w.onerror?.({ message: 'out of memory' } as ErrorEvent);
    await expect(job.promise).rejects.toMatchObject({ code: 'corrupt', message: 'out of memory' });
    expect(w.terminate).toHaveBeenCalled();
  });
});
