// The planning worker's work for the import benchmark's files, measured in Node (no browser): parse,
// mapping suggestion and plan of 50,000 rows × 14 columns into an empty book, per step, so changes
// to src/io/map can be weighed without a Chromium run. Run alone:
//   npx vitest run --config test/bench/vitest.measure.config.ts test/bench/import-plan.measure.ts
// IMPORT_PLAN_COUNTRY sets the default phone country (US, as the benchmark's en-US browser).
import { test } from 'vitest';
import { createBook } from '../../src/core/doc/book-doc';
import { suggestMapping } from '../../src/io/map/mapping';
import { buildImportPlan } from '../../src/io/map/plan';
import { parseBytes } from '../../src/io/parse/parse-file';
// @ts-expect-error plain JS helper of the benchmark
import { importRows, toCsvBytes, toXlsxBytes } from './import-data.mjs';

test('import planning, 50k rows', () => {
  const data = importRows(50_000);
  const country = process.env.IMPORT_PLAN_COUNTRY ?? 'US';
  const book = createBook();
  book.ensureSchema();
  for (const [kind, bytes] of [
    ['csv', toCsvBytes(data)],
    ['xlsx', toXlsxBytes(data)],
  ] as const) {
    const ms = (t0: number) => Math.round(performance.now() - t0);
    let t0 = performance.now();
    const parsed = parseBytes(new Uint8Array(bytes), `f.${kind}`);
    const parseMs = ms(t0);
    const rows = parsed.sheets[0]!.rows;
    t0 = performance.now();
    const sug = suggestMapping(rows, book.sheet('customers').columns(), 'customers', { locale: 'en-US' });
    const suggestMs = ms(t0);
    const settings = { headerRow: sug.headerRow, targets: sug.targets, matchBy: 'code' as const, policy: 'fillEmpty' as const, dayFirst: sug.dayFirst, defaultCountry: country };
    const runs: number[] = [];
    let plan;
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      plan = buildImportPlan(book, 'customers', rows, settings);
      runs.push(ms(t0));
    }
    console.log(`${kind}: parse ${parseMs} ms, suggest ${suggestMs} ms, plan ${runs.join(' / ')} ms; add ${plan!.add.length}, problems ${plan!.problems.length}; targets ${sug.targets.map((t) => t.kind === 'column' ? t.columnId : t.kind === 'new' ? `new:${t.type}` : t.kind).join(',')}`);
  }
});
