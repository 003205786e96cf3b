// Simulated time for sync tests: timers and link deliveries run from one queue, in time order
// (ties in the order they were scheduled), synchronously, so thousands of seeded runs with
// latencies, periodic resyncs and offline hours take milliseconds and always replay the same way.

import { toDisposable, type Disposable } from '../../src/base/event';
import type { SyncClock } from '../../src/sync/session';

type Job = { at: number; seq: number; fn: () => void; cancelled: boolean; net: boolean };

export class VirtualTime implements SyncClock {
  private t = 0;
  private seq = 0;
  private heap: Job[] = [];
  /** Jobs from links (deliveries, close events) not yet run. */
  private netPending = 0;

  now = (): number => this.t;

  setTimer = (fn: () => void, ms: number): Disposable => {
    const job = this.push(fn, ms, false);
    return toDisposable(() => (job.cancelled = true));
  };

  /** For createMemoryLinkPair({ schedule }). */
  schedule = (fn: () => void, ms: number): void => {
    this.push(fn, ms, true);
  };

  /** Runs everything due up to now + ms. */
  advance(ms: number): void {
    const until = this.t + ms;
    while (this.heap.length && this.heap[0]!.at <= until) this.runNext();
    this.t = until;
  }

  /** Runs until no delivery is in flight (timers due before the last delivery run too). */
  settle(maxJobs = 10_000_000): void {
    let n = 0;
    while (this.netPending > 0 && this.heap.length) {
      if (++n > maxJobs) throw new Error('network never settles');
      this.runNext();
    }
  }

  get idle(): boolean {
    return this.netPending === 0;
  }

  private push(fn: () => void, ms: number, net: boolean): Job {
    const job: Job = { at: this.t + Math.max(0, ms), seq: this.seq++, fn, cancelled: false, net };
    if (net) this.netPending++;
    const h = this.heap;
    h.push(job);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
    return job;
  }

  private runNext(): void {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    if (top.net) this.netPending--;
    this.t = Math.max(this.t, top.at);
    if (!top.cancelled) top.fn();
  }
}

const before = (a: Job, b: Job): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** A small seeded generator (mulberry32): the same seed replays the same run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
