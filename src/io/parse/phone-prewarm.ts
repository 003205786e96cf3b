// Phone numbers of a big plan, normalised on two cores: libphonenumber takes ~30 µs a number, most
// of the worker's plan for 50k rows. The distinct phone texts wait in one queue: a helper worker
// takes batches from its back (two in flight, so it never idles), and this worker takes numbers
// from its front while it plans (yielding between blocks so the helper's answers come in). Every
// answer goes into `normalizePhone`'s cache, and the plan then reads them from there. The helper
// runs the same function, so the plan is exactly what it would be without it; whatever the helper
// fails to answer (it crashed, or is too slow) is done here.
//
// The queue starts filling as soon as the file is parsed (`speculate`): the columns that read as
// phones go to the helper while this worker sends the rows to the page and suggests the mapping.

import { nextTask } from '../../base/tasks';
import type { Column } from '../../core/index';
import { rawToText } from '../map/convert';
import { classifyRow, detectHeader } from '../map/header';
import { inferType } from '../map/infer';
import { cachePhones, isPhoneCached, normalizePhone } from '../map/phone';
import type { ImportSettings, RawCell, RawRow } from '../types';

export type PhoneJob = { readonly id: number; readonly texts: readonly string[]; readonly country?: string };
export type PrewarmResult = { readonly ok: boolean; readonly helped: number };
export type PhoneDone = { readonly id: number; readonly out: readonly (string | null)[] };

/** The helper as this module uses it (a Worker, or a fake in tests). */
export type PhoneHelper = {
  postMessage(msg: PhoneJob): void;
  onmessage: ((e: { data: PhoneDone }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  terminate(): void;
};

/** Below this many distinct numbers the helper is not worth it. */
export const PREWARM_MIN = 4000;
/** Small enough that the wait for the helper's last batch, once this worker's share is done, stays short. */
const HELPER_BATCH = 1000;
const OWN_BLOCK = 500;
/** How long to wait for the helper's last batches once this worker's share is done. */
const HELPER_GRACE_MS = 3000;

/** The text `convertCell` normalises for a cell of a phone column, or undefined when it normalises none. */
function phoneTextOf(raw: RawCell): string | undefined {
  if (raw === null || (typeof raw === 'number' && !Number.isInteger(raw))) return undefined;
  if (typeof raw === 'string' && raw.trim() === '') return undefined;
  return rawToText(raw).trim();
}

/** The distinct texts of the file's phone columns that `convertCell` will normalise and the cache lacks. */
export function phoneTexts(rows: readonly RawRow[], settings: ImportSettings, columns: readonly Column[]): string[] {
  const byId = new Map(columns.map((c) => [c.id as string, c]));
  const cols: number[] = [];
  settings.targets.forEach((t, i) => {
    if ((t.kind === 'column' && byId.get(t.columnId)?.type === 'phone') || (t.kind === 'new' && t.type === 'phone')) cols.push(i);
  });
  return distinctTexts(rows, settings.headerRow, cols, settings.defaultCountry);
}

function distinctTexts(rows: readonly RawRow[], headerRow: number, cols: readonly number[], country: string | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const i of cols)
    for (let r = headerRow + 1; r < rows.length; r++) {
      const text = phoneTextOf(rows[r]![i] ?? null);
      if (text === undefined || seen.has(text) || isPhoneCached(text, country)) continue;
      seen.add(text);
      out.push(text);
    }
  return out;
}

/**
 * The texts of the columns that read as phones (as the mapping suggestion will read them: the same
 * header detection and type inference, on 300 sample rows instead of 5,000: it runs before the rows
 * are all sent), for `PhonePool.speculate`.
 */
export function likelyPhoneTexts(rows: readonly RawRow[], country: string | undefined): string[] {
  const headerRow = detectHeader(rows, 'customers').headerRow;
  const header = rows[headerRow] ?? [];
  const width = rows.reduce((w, r, i) => (i >= headerRow ? Math.max(w, r.length) : w), 0);
  const sample: RawRow[] = [];
  for (let r = headerRow + 1; r < rows.length && sample.length < 300; r++) if (classifyRow(rows[r]!, width) === 'data') sample.push(rows[r]!);
  const cols: number[] = [];
  for (let i = 0; i < width; i++)
    if (inferType(sample.map((row) => row[i] ?? null), { header: rawToText(header[i] ?? null).trim() }).type === 'phone') cols.push(i);
  return distinctTexts(rows, headerRow, cols, country);
}

/** Batch ids across pools: a late answer to an abandoned batch never matches a new one. */
let nextId = 1;

/** One helper and the queue of numbers it shares with this worker, for one default country. */
export class PhonePool {
  private queue: string[] = [];
  private lo = 0;
  private hi = 0;
  private readonly inFlight = new Map<number, readonly string[]>();
  private readonly queued = new Set<string>();
  private ok = true;
  private helped = 0;
  private wake: (() => void) | undefined;
  /** A plan's `prewarm` has started: `workAhead` leaves the queue to it. */
  private planning = false;

  constructor(
    private readonly helper: PhoneHelper,
    readonly country: string | undefined,
  ) {
    helper.onmessage = (e) => {
      const batch = this.inFlight.get(e.data.id);
      if (!batch || e.data.out.length !== batch.length) return;
      this.inFlight.delete(e.data.id);
      cachePhones(batch, e.data.out, this.country);
      for (const t of batch) this.queued.delete(t);
      this.helped += batch.length;
      this.feed();
      if (this.inFlight.size === 0) this.wake?.();
    };
    helper.onerror = () => {
      this.ok = false;
      this.wake?.();
    };
  }

  /** False once the helper failed or fell behind: make a new pool (or none) for the next plan. */
  get usable(): boolean {
    return this.ok;
  }

  private add(texts: readonly string[]): void {
    if (this.lo >= this.hi) {
      this.queue = [];
      this.lo = this.hi = 0;
    }
    for (const t of texts) {
      if (this.queued.has(t) || isPhoneCached(t, this.country)) continue;
      this.queued.add(t);
      this.queue.push(t);
    }
    this.hi = this.queue.length;
  }

  /** Keeps two batches with the helper, taken from the back of the queue. */
  private feed(): void {
    while (this.ok && this.inFlight.size < 2 && this.hi - this.lo >= HELPER_BATCH) {
      const batch = this.queue.slice(this.hi - HELPER_BATCH, this.hi);
      this.hi -= HELPER_BATCH;
      const id = nextId++;
      this.inFlight.set(id, batch);
      this.helper.postMessage({ id, texts: batch, ...(this.country ? { country: this.country } : {}) });
    }
  }

  /** Starts the helper on numbers a plan will probably need; this worker does not wait for them. */
  speculate(texts: readonly string[]): void {
    if (texts.length < PREWARM_MIN) return;
    this.add(texts);
    this.feed();
  }

  /**
   * Takes speculated numbers from the front of the queue in this worker too, a block per task, until
   * a plan's `prewarm` starts (or the queue is done): the time between the last rows sent and the
   * page's plan request (the suggestion, the mapping step drawn) would otherwise be idle here.
   */
  async workAhead(): Promise<void> {
    while (!this.planning && this.ok && this.lo < this.hi) {
      this.takeFrontBlock();
      await nextTask(); // the page's requests (suggest, plan) come in between blocks
    }
  }

  /** Normalises the next OWN_BLOCK numbers at the front of the queue, in this worker. */
  private takeFrontBlock(): void {
    const end = Math.min(this.hi, this.lo + OWN_BLOCK);
    for (let i = this.lo; i < end; i++) {
      normalizePhone(this.queue[i]!, this.country);
      this.queued.delete(this.queue[i]!);
    }
    this.lo = end;
  }

  /**
   * Resolves when every one of `texts` (and everything queued before) is cached: this worker takes
   * the queue from the front, the helper from the back. Never rejects.
   */
  async prewarm(texts: readonly string[]): Promise<PrewarmResult> {
    this.planning = true;
    const helpedBefore = this.helped;
    this.add(texts);
    if (this.inFlight.size === 0 && this.hi - this.lo < PREWARM_MIN) {
      // Too few for the helper: the plan normalises them itself.
      for (let i = this.lo; i < this.hi; i++) this.queued.delete(this.queue[i]!);
      this.lo = this.hi;
      return { ok: this.ok, helped: 0 };
    }
    this.feed();
    while (this.lo < this.hi) {
      this.takeFrontBlock();
      await nextTask(); // lets the helper's answers in
    }
    if (this.inFlight.size > 0 && this.ok)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, HELPER_GRACE_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    this.wake = undefined;
    // Whatever the helper did not answer (it failed, or is too slow) is done here; its late answers
    // are dropped, and the pool is not used again.
    if (this.inFlight.size > 0) {
      this.ok = false;
      for (const batch of this.inFlight.values()) for (const t of batch) normalizePhone(t, this.country);
      this.inFlight.clear();
      this.queued.clear();
    }
    return { ok: this.ok, helped: this.helped - helpedBefore };
  }
}

/**
 * Normalises `texts` into the cache, sharing the work with `helper` when there is enough of it (a
 * one-off pool; the planning worker keeps one per default country instead).
 */
export async function prewarmPhones(texts: readonly string[], country: string | undefined, helper: PhoneHelper | undefined): Promise<PrewarmResult> {
  if (!helper || texts.length < PREWARM_MIN) return { ok: true, helped: 0 };
  const pool = new PhonePool(helper, country);
  const result = await pool.prewarm(texts);
  helper.onmessage = null;
  helper.onerror = null;
  return result;
}
