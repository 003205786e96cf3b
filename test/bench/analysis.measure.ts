// Node-side measure of the customer analysis on the benchmark book (not part of `npm test`; the
// figures that count come from real Chromium, test/bench/analysis-bench.mjs). Run:
//   npx vitest run --config test/bench/vitest.measure.config.ts test/bench/analysis.measure.ts
import { it } from 'vitest';
import * as Y from 'yjs';
import { createBook } from '../../src/core/doc/book-doc';
import { runAnalysisBench } from './analysis-run';
import { generateBook } from './generate';

it('measures the analysis', () => {
  const gen = generateBook(Number(process.env.BENCH_CUSTOMERS ?? 50_000), Number(process.env.BENCH_PURCHASES ?? 500_000));
  const yDoc = new Y.Doc();
  Y.applyUpdate(yDoc, gen.update);
  const result = runAnalysisBench(createBook(yDoc), performance.now.bind(performance));
  console.log(JSON.stringify(result, null, 2));
});
