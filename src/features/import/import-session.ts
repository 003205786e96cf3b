// The state of one import, from the file to the report, as signals. It lives in the contribution
// (not in the Import tab) because only the active tab is mounted: switching to the grid and back
// keeps the file, the mapping and the report. Nothing is written to the book before `confirm`.

import { batch, createEffect, createMemo, createSignal, onCleanup, untrack, type Accessor } from 'solid-js';
import { SHEET_IDS, type Book, type Column, type SheetId } from '../../core/index';
import { ParseError, type ColumnTarget, type EncodingName, type ImportPlan, type ImportSettings, type MatchKey, type MergePolicy, type ParseResult, type RawRow } from '../../io/types';
import { createBookVersion } from '../../ui/bindings/book';
import { afterNextPaint } from '../../ui/after-paint';
import { warmGlyphs } from '../../ui/warm-glyphs';
import type { ImportEngine, Inferred, ParseJob, Planner, Suggestion, TransactionMapping, TransactionPlans } from './engine';
import { PREVIEW_ROWS, ambiguousExample, columnValues, samplesOf, type ImportReport } from './import-model';
import { hasCustomerColumn, txCounts, withTxRole } from './import-transactions';

export type ImportPhase = 'idle' | 'parsing' | 'error' | 'ready' | 'done';

export type FileColumn = {
  readonly index: number;
  readonly header: string;
  readonly samples: readonly string[];
  readonly inferred: Inferred;
};

export type AmbiguousDates = { readonly count: number; readonly example: string };

/** What the file becomes: rows of one sheet, or customers plus their purchases (one line per sale). */
export type ImportMode = 'rows' | 'transactions';

export type ImportSession = {
  readonly phase: Accessor<ImportPhase>;
  readonly fileName: Accessor<string>;
  readonly fileSize: Accessor<number>;
  readonly rowsRead: Accessor<number>;
  /** `import.error.<code>` key of the last failure. */
  readonly errorKey: Accessor<string>;
  readonly result: Accessor<ParseResult | undefined>;
  /** The encoding the person picked, if they did. */
  readonly encodingOverride: Accessor<EncodingName | undefined>;
  readonly sheetIndex: Accessor<number>;
  readonly rows: Accessor<readonly RawRow[]>;
  readonly headerRow: Accessor<number>;
  readonly columns: Accessor<readonly FileColumn[]>;
  readonly targets: Accessor<readonly ColumnTarget[]>;
  readonly targetSheet: Accessor<SheetId>;
  /** Columns of the target sheet a file column can go to. */
  readonly bookColumns: Accessor<readonly Column[]>;
  readonly matchBy: Accessor<MatchKey>;
  readonly policy: Accessor<MergePolicy>;
  readonly dayFirst: Accessor<boolean>;
  readonly ambiguous: Accessor<AmbiguousDates | undefined>;
  readonly plan: Accessor<ImportPlan | undefined>;
  /** Why the plan could not be made (an unexpected failure of the engine), as text. */
  readonly planError: Accessor<string>;
  readonly report: Accessor<ImportReport | undefined>;

  /** Whether the file looks like one line per sale, so it can be imported as customers plus purchases. */
  readonly transactionsAvailable: Accessor<boolean>;
  readonly mode: Accessor<ImportMode>;
  /** The split of the file's columns between customers and purchases (the transactions mode). */
  readonly txMapping: Accessor<TransactionMapping | undefined>;
  /** Columns of the customers and purchases sheets, for the transactions mode's roles. */
  readonly customerColumns: Accessor<readonly Column[]>;
  readonly purchaseColumns: Accessor<readonly Column[]>;
  /** Both plans, in the transactions mode once a column holds the customer code. */
  readonly txPlans: Accessor<TransactionPlans | undefined>;

  open(file: Blob, name: string): void;
  setEncoding(encoding: EncodingName): void;
  setDelimiter(delimiter: string): void;
  cancel(): void;
  setSheet(index: number): void;
  setHeaderRow(row: number): void;
  setTarget(col: number, target: ColumnTarget): void;
  setTargetSheet(sheet: SheetId): void;
  setMatchBy(key: MatchKey): void;
  setPolicy(policy: MergePolicy): void;
  setDayFirst(dayFirst: boolean): void;
  setMode(mode: ImportMode): void;
  /** The transactions mode: file column `col` plays `role` (see import-transactions.ts). */
  setTxRole(col: number, role: string): void;
  /** Writes the plan in one transaction; returns what was written, or undefined if nothing was. */
  confirm(): { added: number; updated: number } | undefined;
  /**
   * `confirm` without a long task: the rows are prepared in slices first (the engine's
   * `prepareApply`), then written in the same one transaction. Resolves like `confirm`.
   */
  confirmAsync(): Promise<{ added: number; updated: number } | undefined>;
  /** True while `confirmAsync` prepares the write (a second confirm is ignored meanwhile). */
  readonly writing: Accessor<boolean>;
  /** Back to the drop zone for another file (the last report stays in `report`). */
  reset(): void;
};

export type SessionDeps = {
  readonly book: Book;
  readonly engine: ImportEngine;
  /** The person's locale: how ambiguous dates read when the file itself does not tell. */
  readonly locale: () => string;
  readonly defaultCountry?: () => string | undefined;
  readonly now?: () => number;
};

/**
 * Ticks when a change of the book can change a plan: rows or cells of a sheet, or which columns a
 * sheet has and their types. Not for the meta map, nor for columns an app feature adds that a plan
 * never writes (computed ones, added once after the first start: a plan already under way for a
 * 50k-row file was made twice), nor for a renamed or resized column.
 */
function createPlanVersion(book: Book): Accessor<number> {
  const [version, setVersion] = createSignal(0);
  const shapeOf = (sheet: SheetId) =>
    book
      .sheet(sheet)
      .columns()
      .filter((c) => c.type !== 'computed')
      .map((c) => `${c.id}\u0000${c.type}`)
      .sort()
      .join('\u0001');
  const shapes = new Map<SheetId, string>();
  const sub = book.onDidChange((change) => {
    let changed = false;
    for (const s of change.sheets) {
      if (s.rows === undefined || s.rows.size > 0 || s.rowsAddedOrRemoved) changed = true;
      if (s.columns) {
        const shape = shapeOf(s.sheet);
        if (shapes.get(s.sheet) !== shape) changed = true;
        shapes.set(s.sheet, shape);
      }
    }
    if (changed) setVersion((v) => v + 1);
  });
  onCleanup(() => sub.dispose());
  // The shapes the first change compares with.
  for (const id of SHEET_IDS) shapes.set(id, shapeOf(id));
  return version;
}

/** Must be called inside a reactive root (the contribution makes one). */
export function createImportSession(deps: SessionDeps): ImportSession {
  const { book, engine } = deps;
  const version = createBookVersion(book);
  const dataVersion = createPlanVersion(book);

  const [phase, setPhase] = createSignal<ImportPhase>('idle');
  const [file, setFile] = createSignal<{ blob: Blob; name: string } | undefined>();
  const [rowsRead, setRowsRead] = createSignal(0);
  const [errorKey, setErrorKey] = createSignal('');
  const [result, setResult] = createSignal<ParseResult | undefined>();
  const [encoding, setEncodingOverride] = createSignal<EncodingName | undefined>();
  const [delimiter, setDelimiterOverride] = createSignal<string | undefined>();
  const [sheetIndex, setSheetIndex] = createSignal(0);
  const [headerRow, setHeaderRowSignal] = createSignal(0);
  const [targets, setTargets] = createSignal<readonly ColumnTarget[]>([]);
  const [targetSheet, setTargetSheetSignal] = createSignal<SheetId>('customers');
  const [matchBy, setMatchBy] = createSignal<MatchKey>('code');
  const [policy, setPolicy] = createSignal<MergePolicy>('fillEmpty');
  const [dayFirst, setDayFirst] = createSignal(true);
  const [report, setReport] = createSignal<ImportReport | undefined>();
  const [mode, setModeSignal] = createSignal<ImportMode>('rows');
  const [txMapping, setTxMapping] = createSignal<TransactionMapping | undefined>();

  let job: ParseJob | undefined;
  let generation = 0;
  /** The worker that parsed the current file, when the engine keeps it: suggestions and plans of
   * the rows mode are computed there, so no long task runs on the page (issue 3). */
  const [planner, setPlanner] = createSignal<Planner | undefined>();
  const dropPlanner = () => {
    untrack(planner)?.dispose();
    setPlanner(undefined);
  };
  onCleanup(dropPlanner);

  const rows = createMemo<readonly RawRow[]>(() => result()?.sheets[sheetIndex()]?.rows ?? []);
  const columnsOf = (sheet: SheetId): Column[] =>
    book
      .sheet(sheet)
      .columns()
      .filter((c) => c.type !== 'computed')
      .sort((a, b) => a.pos - b.pos);
  const bookColumns = createMemo(() => {
    version();
    return columnsOf(targetSheet());
  });
  const customerColumns = createMemo(() => {
    version();
    return columnsOf('customers');
  });
  const purchaseColumns = createMemo(() => {
    version();
    return columnsOf('purchases');
  });
  const isTx = () => mode() === 'transactions' && !!txMapping();
  const [suggestion, setSuggestion] = createSignal<Suggestion | undefined>();
  const columns = createMemo<readonly FileColumn[]>(() => {
    const sug = suggestion();
    if (!sug) return [];
    const r = rows();
    const h = headerRow();
    return sug.headers.map((header, index) => ({
      index,
      header,
      samples: samplesOf(r, h, index),
      inferred: sug.inferred[index] ?? { type: 'text', ambiguousDates: 0 },
    }));
  });

  const isDateTarget = (t: ColumnTarget | undefined, cols: readonly Column[]): boolean => {
    if (!t) return false;
    if (t.kind === 'new') return t.type === 'date';
    if (t.kind === 'column') return cols.find((c) => c.id === t.columnId)?.type === 'date';
    return false;
  };
  /** Does file column `i` go to a date column (of either sheet, in the transactions mode)? */
  const goesToDate = (i: number): boolean => {
    const m = txMapping();
    if (isTx() && m) return isDateTarget(m.purchaseTargets[i], purchaseColumns()) || (i !== m.customerColumn && isDateTarget(m.customerTargets[i], customerColumns()));
    return isDateTarget(targets()[i], bookColumns());
  };
  const ambiguous = createMemo<AmbiguousDates | undefined>(() => {
    let count = 0;
    let example = '';
    for (const c of columns()) {
      if (!c.inferred.ambiguousDates || !goesToDate(c.index)) continue;
      count += c.inferred.ambiguousDates;
      example ||= ambiguousExample(columnValues(rows(), headerRow(), c.index)) ?? '';
    }
    return count ? { count, example: example || '03/04/2024' } : undefined;
  });

  const settings = createMemo<ImportSettings>(() => ({
    headerRow: headerRow(),
    targets: targets(),
    matchBy: matchBy(),
    policy: policy(),
    dayFirst: dayFirst(),
    defaultCountry: deps.defaultCountry?.(),
  }));
  const [workerPlanned, setWorkerPlanned] = createSignal<{ plan?: ImportPlan; error: string }>({ error: '' });
  createEffect(() => {
    const p = planner();
    if (!p || phase() !== 'ready' || !rows().length || isTx() || !suggestion()) return;
    const v = dataVersion();
    const s = settings();
    targetSheet();
    sheetIndex();
    // The previous plan is out of date: nothing can be confirmed until the new one is here.
    setWorkerPlanned({ error: '' });
    p.plan(book, v, untrack(targetSheet), untrack(sheetIndex), s).then(
      (plan) => plan && setWorkerPlanned({ plan, error: '' }),
      (e) => setWorkerPlanned({ error: e instanceof Error ? e.message : String(e) }),
    );
  });
  const planned = createMemo<{ plan?: ImportPlan; error: string }>(() => {
    if (planner()) return workerPlanned();
    if (phase() !== 'ready' || !rows().length || isTx()) return { error: '' };
    dataVersion();
    try {
      return { plan: engine.buildPlan(book, targetSheet(), rows(), settings()), error: '' };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });

  const txPlanned = createMemo<{ plans?: TransactionPlans; error: string }>(() => {
    const m = txMapping();
    if (phase() !== 'ready' || !rows().length || !isTx() || !hasCustomerColumn(m)) return { error: '' };
    dataVersion();
    const country = deps.defaultCountry?.();
    const mapping: TransactionMapping = { ...m, headerRow: headerRow(), policy: policy(), dayFirst: dayFirst(), ...(country ? { defaultCountry: country } : {}) };
    try {
      return { plans: engine.buildTransactionPlans(book, rows(), mapping), error: '' };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });

  /** Header, suggestions and the date reading for the current rows (a new file, sheet, header or
   * target): from the planning worker when there is one, else computed here. `then` runs in the
   * same batch as the suggestion is applied (the first suggestion of a file makes it 'ready'). */
  function suggest(detectHeader: boolean, then?: () => void): void {
    const opts = { locale: deps.locale(), headerRow: detectHeader ? undefined : untrack(headerRow) };
    const p = untrack(planner);
    if (!p) return applySuggestion(engine.suggest(untrack(rows), untrack(bookColumns), untrack(targetSheet), opts), detectHeader, then);
    const gen = ++suggestGeneration;
    // A new file's first suggestion draws the mapping step: after a frame, so that the fonts of its
    // rows (`warmGlyphs` at the end of the parse) are loaded in a frame of their own.
    const apply = (sug: Suggestion, tx: TransactionMapping | undefined) => gen === suggestGeneration && applySuggestion(sug, detectHeader, then, { tx });
    p.suggest(untrack(sheetIndex), untrack(bookColumns), untrack(targetSheet), opts).then(
      (sug) => {
        if (gen !== suggestGeneration) return;
        // The row-per-sale reading goes over every row (~20-30 ms for 50k): in this task, not in the
        // frame that draws the step.
        const tx = suggestTx(sug);
        if (detectHeader) afterNextPaint(() => apply(sug, tx));
        else apply(sug, tx);
      },
      (e) => gen === suggestGeneration && fail(e),
    );
  }
  let suggestGeneration = 0;

  function suggestTx(sug: Suggestion): TransactionMapping | undefined {
    const country = deps.defaultCountry?.();
    return engine.suggestTransactions(book, untrack(rows), sug.headerRow, { dayFirst: sug.dayFirst, ...(country ? { defaultCountry: country } : {}) });
  }

  function applySuggestion(sug: Suggestion, detectHeader: boolean, then?: () => void, pre?: { readonly tx: TransactionMapping | undefined }): void {
    // A file with one line per sale is offered as customers plus purchases, and that is the default
    // when it is first seen (a new file or sheet, or a header row that reveals it).
    const tx = pre ? pre.tx : suggestTx(sug);
    const wasAvailable = !!untrack(txMapping);
    batch(() => {
      setSuggestion(sug);
      setHeaderRowSignal(sug.headerRow);
      setTargets(sug.headers.map((_, i) => sug.targets[i] ?? { kind: 'skip' }));
      setDayFirst(sug.dayFirst);
      setTxMapping(tx);
      if (!tx) setModeSignal('rows');
      else if (detectHeader || !wasAvailable) setModeSignal('transactions');
      then?.();
    });
  }

  function parse(): void {
    const f = untrack(file);
    if (!f) return;
    job?.cancel();
    const gen = ++generation;
    batch(() => {
      setPhase('parsing');
      setRowsRead(0);
      setErrorKey('');
    });
    const country = deps.defaultCountry?.();
    const opts = { encoding: untrack(encoding), delimiter: untrack(delimiter), ...(country ? { phoneCountry: country } : {}) };
    let current: ParseJob;
    try {
      current = engine.parse(f.blob, f.name, opts, undefined, (n) => {
        if (gen === generation) setRowsRead(n);
      });
    } catch (e) {
      fail(e);
      return;
    }
    job = current;
    dropPlanner();
    current.promise.then(
      (res) => {
        if (gen !== generation) return;
        const p = current.planner?.();
        job = undefined;
        // A re-read (another encoding) keeps the sheet; a new file starts at its first sheet with rows.
        const keep = untrack(sheetIndex);
        const index = res.sheets[keep]?.rows.length ? keep : Math.max(0, res.sheets.findIndex((sh) => sh.rows.length > 0));
        // The mapping step shows the first rows: their fonts are loaded in the frames before it.
        warmGlyphs(previewTexts(res.sheets[index]?.rows ?? []));
        batch(() => {
          setResult(res);
          setSheetIndex(index);
          setPlanner(p);
          // With a planner the mapping step shows once its suggestion has arrived.
          if (!p) setPhase('ready');
          suggest(true, () => setPhase('ready'));
        });
      },
      (e) => {
        if (gen !== generation) return;
        job = undefined;
        fail(e);
      },
    );
  }

  type TxWrite = () => ReturnType<typeof engine.applyTransactions>;
  type Write = () => { added: number; updated: number };
  const [writing, setWriting] = createSignal(false);

  async function confirmAsync(): Promise<{ added: number; updated: number } | undefined> {
    if (untrack(writing)) return undefined;
    const f = untrack(file);
    const tx = untrack(isTx);
    const plans = untrack(txPlanned).plans;
    const plan = untrack(planned).plan;
    const sheet = untrack(targetSheet);
    let prepare: (() => Promise<TxWrite | Write>) | undefined;
    if (tx && plans && txCounts(plans).toWrite > 0 && engine.prepareTransactions) prepare = () => engine.prepareTransactions!(book, plans);
    else if (!tx && plan && plan.add.length + plan.update.length > 0 && engine.prepareApply) prepare = () => engine.prepareApply!(book, sheet, plan);
    if (!f || !prepare) return tx ? confirmTransactions() : confirmRows();
    setWriting(true);
    try {
      const write = await prepare();
      // The commit in a task of its own: the last slice of preparation must not lengthen the one
      // long task the transaction already is.
      await new Promise<void>((r) => setTimeout(r, 0));
      // Another file or a reset while the rows were prepared: write nothing. The plan confirmed is
      // the one written (and reported), even if a synced edit rebuilt the preview meanwhile.
      if (untrack(file) !== f || untrack(phase) !== 'ready') return undefined;
      return tx ? confirmTransactions({ write: write as TxWrite, plans: plans! }) : confirmRows({ write: write as Write, plan: plan!, sheet });
    } finally {
      setWriting(false);
    }
  }

  /** Writes customers and purchases in one transaction and keeps both in the report. */
  function confirmTransactions(prepared?: { write: TxWrite; plans: NonNullable<ReturnType<typeof txPlanned>['plans']> }): { added: number; updated: number } | undefined {
    const plans = prepared?.plans ?? untrack(txPlanned).plans;
    const f = untrack(file);
    if (!plans || !f || txCounts(plans).toWrite === 0) return undefined;
    const c = plans.customers;
    let done!: ReturnType<typeof engine.applyTransactions>;
    batch(() => {
      done = prepared ? prepared.write() : engine.applyTransactions(book, plans);
      setReport({
        fileName: f.name,
        sheet: 'customers',
        at: deps.now?.() ?? Date.now(),
        added: done.customers.added,
        updated: done.customers.updated,
        unchanged: c.unchanged,
        skipped: c.skipped,
        problems: c.problems,
        updates: c.update,
        addedRows: c.add.map((a) => a.fileRow),
        newColumns: c.newColumns.map((n) => n.name),
        purchases: {
          added: done.purchases.added,
          skipped: plans.purchases.skipped,
          problems: plans.purchases.problems,
          addedRows: plans.purchases.add.map((a) => a.fileRow),
        },
      });
      setPhase('done');
    });
    return { added: done.customers.added + done.purchases.added, updated: done.customers.updated };
  }

  /** Writes the rows plan in one transaction (`prepared`: the write confirmAsync prepared). */
  function confirmRows(prepared?: { write: Write; plan: NonNullable<ReturnType<typeof planned>['plan']>; sheet: SheetId }): { added: number; updated: number } | undefined {
    const plan = prepared?.plan ?? untrack(planned).plan;
    const f = untrack(file);
    if (!plan || !f || plan.add.length + plan.update.length === 0) return undefined;
    const sheet = prepared?.sheet ?? untrack(targetSheet);
    let done!: { added: number; updated: number };
    // Apply inside the batch, with the phase leaving 'ready' in the same batch: the plan memos
    // track the book's version and would otherwise rebuild the whole plan right after the write.
    batch(() => {
      done = prepared ? prepared.write() : engine.apply(book, sheet, plan);
      setReport({
        fileName: f.name,
        sheet,
        at: deps.now?.() ?? Date.now(),
        added: done.added,
        updated: done.updated,
        unchanged: plan.unchanged,
        skipped: plan.skipped,
        problems: plan.problems,
        updates: plan.update,
        addedRows: plan.add.map((a) => a.fileRow),
        newColumns: plan.newColumns.map((c) => c.name),
      });
      setPhase('done');
    });
    return done;
  }

  function fail(e: unknown): void {
    batch(() => {
      setErrorKey(`import.error.${e instanceof ParseError ? e.code : 'corrupt'}`);
      setResult(undefined);
      setPhase('error');
    });
  }

  return {
    phase,
    fileName: () => file()?.name ?? '',
    fileSize: () => file()?.blob.size ?? 0,
    rowsRead,
    errorKey,
    result,
    encodingOverride: encoding,
    sheetIndex,
    rows,
    headerRow,
    columns,
    targets,
    targetSheet,
    bookColumns,
    matchBy,
    policy,
    dayFirst,
    ambiguous,
    plan: () => planned().plan,
    planError: () => (isTx() ? txPlanned().error : planned().error),
    report,
    transactionsAvailable: () => !!txMapping(),
    mode: () => (txMapping() ? mode() : 'rows'),
    txMapping,
    customerColumns,
    purchaseColumns,
    txPlans: () => txPlanned().plans,

    open(blob, name) {
      batch(() => {
        setFile({ blob, name });
        setEncodingOverride(undefined);
        setDelimiterOverride(undefined);
        setSheetIndex(0);
        setResult(undefined);
      });
      parse();
    },
    setEncoding(enc) {
      setEncodingOverride(enc);
      parse();
    },
    setDelimiter(d) {
      setDelimiterOverride(d);
      parse();
    },
    cancel() {
      job?.cancel();
      job = undefined;
      generation++;
      dropPlanner();
      batch(() => {
        setFile(undefined);
        setResult(undefined);
        setPhase('idle');
      });
    },
    setSheet(index) {
      setSheetIndex(index);
      suggest(true);
    },
    setHeaderRow(row) {
      const max = Math.max(0, untrack(rows).length - 1);
      setHeaderRowSignal(Math.max(0, Math.min(max, Math.floor(row))));
      suggest(false);
    },
    setTarget(col, target) {
      setTargets((prev) => {
        const next = [...prev];
        while (next.length <= col) next.push({ kind: 'skip' });
        next[col] = target;
        return next;
      });
    },
    setTargetSheet(sheet) {
      setTargetSheetSignal(sheet);
      if (untrack(phase) === 'ready') suggest(false);
    },
    setMatchBy,
    setPolicy,
    setDayFirst,
    setMode(next) {
      setModeSignal(next === 'transactions' && untrack(txMapping) ? 'transactions' : 'rows');
    },
    setTxRole(col, role) {
      const m = untrack(txMapping);
      if (!m) return;
      const c = untrack(columns)[col];
      const type = c && c.inferred.type !== 'computed' ? c.inferred.type : 'text';
      const name = c?.header || `Column ${col + 1}`;
      setTxMapping(withTxRole(m, col, role, () => ({ kind: 'new', name, type })));
    },
    confirm() {
      return untrack(isTx) ? confirmTransactions() : confirmRows();
    },
    confirmAsync,
    writing,
    reset() {
      job?.cancel();
      job = undefined;
      generation++;
      dropPlanner();
      batch(() => {
        setFile(undefined);
        setResult(undefined);
        setPhase('idle');
      });
    },
  };
}

/** The texts of the rows the mapping step shows first (title rows and header included). */
function* previewTexts(rows: readonly RawRow[]): Generator<string> {
  for (const row of rows.slice(0, PREVIEW_ROWS + 10)) for (const cell of row) if (typeof cell === 'string') yield cell;
}
