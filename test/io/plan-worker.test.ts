// Planning in the worker that parsed the file (src/io/parse/plan-host.ts, planner.ts): the
// suggestion and the plan the page receives in chunks are exactly what suggestMapping and
// buildImportPlan compute directly, against the book as it is when the plan is asked for; a newer
// request supersedes an older one; the lists arrive in many small messages, never in one.
import { describe, expect, it } from 'vitest';
import { createBook, type Book } from '../../src/core/doc/book-doc';
import { applyImport } from '../../src/core/index';
import { suggestMapping } from '../../src/io/map/mapping';
import { buildImportPlan } from '../../src/io/map/plan';
import { PlanHost } from '../../src/io/parse/plan-host';
import type { Planner } from '../../src/io/parse/planner';
import type { PageMessage, WorkerMessage } from '../../src/io/parse/protocol';
import { ChunkCredit, handleParseRequest } from '../../src/io/parse/worker-core';
import { parseInWorker, type WorkerLike } from '../../src/io/parse/worker-client';
import type { ImportSettings, RawRow } from '../../src/io/types';

/** The parse worker's code (parse.worker.ts) run in this process, each message cloned and
 * delivered as its own task, with small chunks so every list arrives in several parts. */
class InProcessPlanningWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent | Event) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  readonly received: WorkerMessage[] = [];
  readonly sentByPage: PageMessage['type'][] = [];
  terminated = false;
  private readonly credit = new ChunkCredit(2);
  private host: PlanHost | undefined;
  private pending: PageMessage[] = [];
  private readonly post = (out: WorkerMessage) => {
    this.received.push(out);
    const copy = structuredClone(out);
    setTimeout(() => !this.terminated && this.onmessage?.({ data: copy } as MessageEvent<WorkerMessage>), 0);
  };
  postMessage(msg: PageMessage): void {
    this.sentByPage.push(msg.type);
    const m = structuredClone(msg);
    if (m.type === 'ack') this.credit.ack();
    else if (m.type === 'parse')
      void handleParseRequest(m, this.post, 40, this.credit).then((sheets) => {
        if (!m.keep || !sheets) return;
        this.host = new PlanHost(sheets, this.post, this.credit, 25);
        for (const p of this.pending) this.host.handle(p);
      });
    else if (this.host) this.host.handle(m);
    else this.pending.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const HEADER = ['Código', 'Nombre', 'Teléfono', 'Correo', 'Fecha de alta', 'Total gastado', 'Ciudad'];
function csv(count: number): string {
  const lines = [HEADER.join(',')];
  for (let i = 1; i <= count; i++) {
    const code = String(i).padStart(5, '0');
    const phone = i % 7 === 0 ? 'no tiene' : `6${String(10_000_000 + i * 37).slice(0, 8)}`;
    const date = i % 11 === 0 ? 'ayer' : `${(i % 28) + 1}/0${(i % 9) + 1}/2023`;
    lines.push([code, `Cliente ${i}`, phone, i % 5 ? `c${i}@example.com` : '', date, `${i}.50`, i % 2 ? 'Madrid' : 'Sevilla'].join(','));
  }
  // A duplicate, a blank line and a totals row, so skips and conflicts are in the plan too.
  lines.push(['00003', 'Otro nombre', '', '', '', '', ''].join(','), '', ['Total', '', '', '', '', '999', ''].join(','));
  return lines.join('\n');
}

function newBook(): Book {
  const book = createBook();
  book.ensureSchema();
  return book;
}

async function open(text: string): Promise<{ rows: readonly RawRow[]; planner: Planner; worker: InProcessPlanningWorker }> {
  const worker = new InProcessPlanningWorker();
  const job = parseInWorker(new Blob([text]), 'clientes.csv', {}, undefined, undefined, () => worker, true);
  const result = await job.promise;
  const planner = job.planner?.();
  if (!planner) throw new Error('no planner');
  expect(worker.terminated).toBe(false);
  return { rows: result.sheets[0]!.rows, planner, worker };
}

describe('planning in the parse worker', () => {
  it('suggests and plans exactly as the direct functions, against existing customers, in chunks', async () => {
    const book = newBook();
    const { rows, planner, worker } = await open(csv(300));
    const columns = book.sheet('customers').columns();
    const direct = suggestMapping(rows, columns, 'customers', { locale: 'es-ES' });
    const fromWorker = await planner.suggest(0, columns, 'customers', { locale: 'es-ES' });
    expect(fromWorker).toEqual(direct);

    // Half the file is already in the book, some cells empty: updates with old → new values.
    const settings: ImportSettings = { headerRow: direct.headerRow, targets: direct.targets, matchBy: 'code', policy: 'fillEmpty', dayFirst: direct.dayFirst, defaultCountry: 'ES' };
    const firstHalf = buildImportPlan(book, 'customers', rows.slice(0, 151), { ...settings, targets: direct.targets.map((t, i) => (i === 3 ? { kind: 'skip' } : t)) });
    applyImport(book, 'customers', firstHalf);
    expect(book.sheet('customers').liveRowIds()).toHaveLength(150);

    for (const policy of ['fillEmpty', 'overwrite', 'skip'] as const) {
      const s = { ...settings, policy };
      const expected = buildImportPlan(book, 'customers', rows, s);
      const got = await planner.plan(book, 1, 'customers', 0, s);
      expect(got).toEqual(expected);
    }
    const expected = buildImportPlan(book, 'customers', rows, settings);
    expect(expected.add).toHaveLength(150);
    expect(expected.update.length).toBeGreaterThan(100);
    expect(expected.problems.length).toBeGreaterThan(10);
    expect(expected.skipped.map((s) => s.reason)).toEqual(expect.arrayContaining(['import.skip.duplicate', 'import.skip.total']));
    // The lists came in parts of at most 25 items; the book went over once per version, not per plan.
    const parts = worker.received.filter((m) => m.type === 'planPart');
    expect(parts.length).toBeGreaterThan(3 * 12);
    expect(Math.max(...parts.map((m) => (m.type === 'planPart' ? m.items.length : 0)))).toBeLessThanOrEqual(25);
    expect(worker.sentByPage.filter((t) => t === 'snapshotStart')).toHaveLength(1);
    planner.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('plans against the book as it is at the asked version, and answers only the newest request', async () => {
    const book = newBook();
    const { rows, planner, worker } = await open(csv(120));
    const sug = suggestMapping(rows, book.sheet('customers').columns(), 'customers', { locale: 'es-ES' });
    const settings: ImportSettings = { headerRow: sug.headerRow, targets: sug.targets, matchBy: 'code', policy: 'overwrite', dayFirst: sug.dayFirst };
    const older = planner.plan(book, 1, 'customers', 0, settings);
    const newer = planner.plan(book, 1, 'customers', 0, { ...settings, policy: 'skip' });
    expect(await older).toBeUndefined();
    expect((await newer)?.add).toHaveLength(120);

    applyImport(book, 'customers', buildImportPlan(book, 'customers', rows.slice(0, 41), settings));
    const stale = await planner.plan(book, 1, 'customers', 0, settings);
    expect(stale?.add).toHaveLength(120); // same version: the worker still has the empty book
    const fresh = await planner.plan(book, 2, 'customers', 0, settings);
    expect(fresh).toEqual(buildImportPlan(book, 'customers', rows, settings));
    expect(fresh?.add).toHaveLength(80);
    expect(worker.sentByPage.filter((t) => t === 'snapshotStart')).toHaveLength(2);
    planner.dispose();
    await expect(planner.plan(book, 3, 'customers', 0, settings)).rejects.toThrow();
  });
});
