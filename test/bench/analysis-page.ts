// Runs in the benchmark's Chromium page (served by Vite, see analysis-bench.mjs): builds the 50k/500k
// book with the project's generator, loads it the way the app does, and runs the analysis benchmark.
import * as Y from 'yjs';
import { createBook } from '../../src/core/doc/book-doc';
import { runAnalysisBench, type AnalysisBenchResult } from './analysis-run';
import { generateBook } from './generate';

export function run(customers: number, purchases: number): AnalysisBenchResult & { generateMs: number } {
  const gen = generateBook(customers, purchases);
  const yDoc = new Y.Doc();
  Y.applyUpdate(yDoc, gen.update);
  const book = createBook(yDoc);
  return { ...runAnalysisBench(book, () => performance.now(), 5, 30), generateMs: Math.round(gen.ms) };
}
