// The page's side of planning in the worker that parsed the file (plan-host.ts): asks for the
// mapping suggestion and the import plan, sends the book's sheet once per book version in chunks,
// and assembles the plan's lists from chunks, acknowledging each so they never pile up in front of
// the page's frames. Only the newest plan request is answered; older ones resolve to undefined.

import type { Column, SheetId } from '../../core/index';
import { snapshotOf } from '../map/book-snapshot';
import type { SheetSuggestion } from '../map/mapping';
import type { DetailedImportPlan, PlanBook } from '../map/plan';
import type { ImportSettings } from '../types';
import type { PageMessage, PlanHead, PlanList, WorkerMessage } from './protocol';
import type { WorkerLike } from './worker-client';

export interface Planner {
  suggest(sheetIndex: number, columns: readonly Column[], sheet: SheetId, opts: { readonly locale?: string; readonly headerRow?: number }): Promise<SheetSuggestion>;
  /** The plan of sheet `sheetIndex` of the file into `sheet` of `book` as it is at `version`;
   * undefined when a newer plan was asked for before this one arrived. */
  plan(book: PlanBook, version: number, sheet: SheetId, sheetIndex: number, settings: ImportSettings): Promise<DetailedImportPlan | undefined>;
  /** Terminates the worker; pending requests reject. */
  dispose(): void;
}

/** Lets the page draw a frame between two snapshot messages. */
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

type PendingPlan = {
  readonly id: number;
  head?: PlanHead;
  readonly lists: Record<PlanList, unknown[]>;
  resolve(plan: DetailedImportPlan | undefined): void;
  reject(e: Error): void;
};

export class WorkerPlanner implements Planner {
  private nextId = 1;
  private readonly suggests = new Map<number, { resolve(s: SheetSuggestion): void; reject(e: Error): void }>();
  private current: PendingPlan | undefined;
  private readonly sent = new Map<SheetId, number>();
  /** Snapshot messages and plan requests go out in this order. */
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private worker: WorkerLike | undefined) {
    worker!.onmessage = (e) => this.receive(e.data);
    worker!.onerror = (e) => {
      if ('preventDefault' in e) e.preventDefault();
      this.fail(new Error('message' in e && e.message ? String(e.message) : 'the planner stopped'));
    };
    if (worker!.onmessageerror !== undefined) worker!.onmessageerror = () => this.fail(new Error('unreadable message from the planner'));
  }

  private send(msg: PageMessage): void {
    this.worker?.postMessage(msg);
  }

  suggest(sheetIndex: number, columns: readonly Column[], sheet: SheetId, opts: { readonly locale?: string; readonly headerRow?: number }): Promise<SheetSuggestion> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.disposed) return reject(new Error('planner disposed'));
      this.suggests.set(id, { resolve, reject });
      // Columns are plain objects of the book's reader: cloned as they are.
      this.queue = this.queue.then(() => this.send({ type: 'suggest', id, sheetIndex, columns: columns.map((c) => ({ ...c })), sheet, opts }));
    });
  }

  plan(book: PlanBook, version: number, sheet: SheetId, sheetIndex: number, settings: ImportSettings): Promise<DetailedImportPlan | undefined> {
    const id = this.nextId++;
    this.current?.resolve(undefined);
    return new Promise((resolve, reject) => {
      if (this.disposed) return reject(new Error('planner disposed'));
      const pending: PendingPlan = { id, lists: { add: [], update: [], skipped: [], problems: [] }, resolve, reject };
      this.current = pending;
      this.queue = this.queue.then(async () => {
        if (this.current !== pending) return;
        if (this.sent.get(sheet) !== version) {
          this.sent.set(sheet, version);
          let first = true;
          for (const part of snapshotOf(book, sheet, version)) {
            if (!first) await nextTask();
            first = false;
            if ('start' in part) this.send({ type: 'snapshotStart', start: part.start });
            else this.send({ type: 'snapshotRows', rows: part.rows });
          }
        }
        if (this.current !== pending) return;
        this.send({ type: 'plan', id, sheetIndex, sheet, settings: { ...settings, targets: settings.targets.map((t) => ({ ...t })) } });
      });
    });
  }

  private receive(msg: WorkerMessage): void {
    switch (msg.type) {
      case 'suggested': {
        const s = this.suggests.get(msg.id);
        this.suggests.delete(msg.id);
        s?.resolve(msg.suggestion);
        return;
      }
      case 'planPart':
        this.send({ type: 'ack' });
        if (this.current?.id === msg.id) for (const item of msg.items) this.current.lists[msg.list].push(item);
        return;
      case 'planHead':
        if (this.current?.id === msg.id) this.current.head = msg.head;
        return;
      case 'planEnd': {
        const p = this.current;
        if (p?.id !== msg.id || !p.head) return;
        this.current = undefined;
        p.resolve({ ...p.head, ...(p.lists as Pick<DetailedImportPlan, PlanList>) });
        return;
      }
      case 'planError': {
        const p = this.current;
        if (p?.id !== msg.id) return;
        this.current = undefined;
        p.reject(new Error(msg.detail));
        return;
      }
      default:
        return;
    }
  }

  private fail(e: Error): void {
    for (const s of this.suggests.values()) s.reject(e);
    this.suggests.clear();
    this.current?.reject(e);
    this.current = undefined;
    this.dispose();
  }

  dispose(): void {
    this.disposed = true;
    this.current?.resolve(undefined);
    this.current = undefined;
    for (const s of this.suggests.values()) s.reject(new Error('planner disposed'));
    this.suggests.clear();
    if (this.worker) {
      this.worker.onmessage = null;
      this.worker.onerror = null;
      this.worker.terminate();
      this.worker = undefined;
    }
  }
}
