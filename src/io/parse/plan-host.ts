// The planning half of the parse worker: it keeps the rows it parsed and answers the page's
// requests for a mapping suggestion and an import plan, computed here against the book snapshot
// the page sent (book-snapshot.ts), so the page never runs type inference or the merge over 50k
// rows. A plan goes back as a small head (counts, new columns) and its lists in chunks, with the
// same flow control as the rows: no message is big enough to stall the page.

import { BookSnapshot } from '../map/book-snapshot';
import { suggestMapping } from '../map/mapping';
import { buildImportPlan } from '../map/plan';
import type { RawRow } from '../types';
import { PhonePool, phoneTexts, type PhoneHelper } from './phone-prewarm';
import { CHUNK_ROWS, type PageMessage, type PlanList, type WorkerMessage } from './protocol';
import type { ChunkCredit } from './worker-core';

const LISTS: readonly PlanList[] = ['add', 'update', 'skipped', 'problems'];

export class PlanHost {
  private readonly book = new BookSnapshot();
  /** The latest plan request: an older plan still streaming stops. */
  private latestPlan = 0;
  /** The phone helper's pool (phone-prewarm.ts), per default country; none once the helper failed. */
  private pool: PhonePool | undefined;
  private helper: PhoneHelper | undefined;
  /**
   * @param makePhoneHelper  makes the phone helper worker (none in tests: the plan reads every
   *   number itself)
   * @param early  a helper made while the file was parsed, and its pool already at work on the
   *   file's likely phone numbers (parse.worker.ts)
   */
  constructor(
    private readonly sheets: readonly (readonly RawRow[])[],
    private readonly post: (msg: WorkerMessage) => void,
    private readonly credit?: ChunkCredit,
    private readonly chunkItems = CHUNK_ROWS,
    private makePhoneHelper?: () => PhoneHelper,
    early?: { readonly helper: PhoneHelper; readonly pool?: PhonePool },
  ) {
    this.helper = early?.helper;
    this.pool = early?.pool;
  }

  private poolFor(country: string | undefined): PhonePool | undefined {
    if (this.pool?.usable && this.pool.country === country) return this.pool;
    try {
      this.helper ??= this.makePhoneHelper?.();
    } catch {
      this.makePhoneHelper = undefined;
    }
    this.pool = this.helper ? new PhonePool(this.helper, country) : undefined;
    return this.pool;
  }

  /** Normalises the plan's phone numbers on two cores into the cache the plan reads. */
  private async prewarm(msg: Extract<PageMessage, { type: 'plan' }>): Promise<number> {
    const texts = phoneTexts(this.sheets[msg.sheetIndex] ?? [], msg.settings, this.book.sheet(msg.sheet).columns());
    if (texts.length === 0 && !this.pool) return 0;
    const pool = this.poolFor(msg.settings.defaultCountry);
    if (!pool) return 0;
    const { ok, helped } = await pool.prewarm(texts);
    if (!ok) {
      // A failed or slow helper is not asked again.
      this.helper?.terminate();
      this.helper = undefined;
      this.pool = undefined;
      this.makePhoneHelper = undefined;
    }
    return helped;
  }

  /** Handles a planning message; false when it is not one. */
  handle(msg: PageMessage): boolean {
    switch (msg.type) {
      case 'snapshotStart':
        this.book.start(msg.start);
        return true;
      case 'snapshotRows':
        this.book.rows(msg.rows);
        return true;
      case 'suggest': {
        const rows = this.sheets[msg.sheetIndex] ?? [];
        this.post({ type: 'suggested', id: msg.id, suggestion: suggestMapping(rows, msg.columns, msg.sheet, msg.opts) });
        return true;
      }
      case 'plan':
        this.latestPlan = msg.id;
        void this.plan(msg);
        return true;
      default:
        return false;
    }
  }

  private async plan(msg: Extract<PageMessage, { type: 'plan' }>): Promise<void> {
    const { id } = msg;
    try {
      const t0 = performance.now();
      const phonesByHelper = await this.prewarm(msg);
      if (id !== this.latestPlan) return;
      const t1 = performance.now();
      const plan = buildImportPlan(this.book, msg.sheet, this.sheets[msg.sheetIndex] ?? [], msg.settings);
      const { add, update, skipped, problems, ...head } = plan;
      const t2 = performance.now();
      this.post({ type: 'planHead', id, head, timing: { phonesMs: Math.round(t1 - t0), phonesByHelper, planMs: Math.round(t2 - t1) } });
      const lists = { add, update, skipped, problems };
      for (const list of LISTS) {
        const items: readonly unknown[] = lists[list];
        for (let i = 0; i < items.length; i += this.chunkItems) {
          if (id !== this.latestPlan) return;
          await this.credit?.take();
          if (id !== this.latestPlan) {
            this.credit?.ack();
            return;
          }
          this.post({ type: 'planPart', id, list, items: items.slice(i, i + this.chunkItems) });
        }
      }
      this.post({ type: 'planEnd', id });
    } catch (e) {
      this.post({ type: 'planError', id, detail: e instanceof Error ? e.message : String(e) });
    }
  }
}
