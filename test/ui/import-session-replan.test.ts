// The import session plans again only when a change of the book can change the plan: rows, cells,
// or which columns a sheet has and their types. A meta key, a computed column added by the app (as
// the analysis does once after the first start) or a renamed column leave the plan as it is: a
// 50k-row plan under way was otherwise made twice.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createBook } from '../../src/core/doc/book-doc';
import { addRows } from '../../src/core/index';
import type { ImportEngine } from '../../src/features/import/engine';
import { createImportSession } from '../../src/features/import/import-session';
import { inProcessEngine } from './in-process-engine';

describe('the import session re-plans on changes that matter', () => {
  it('ignores meta, computed columns and renames; follows rows and column types', async () => {
    let plans = 0;
    const engine: ImportEngine = {
      ...inProcessEngine,
      buildPlan(...args) {
        plans++;
        return inProcessEngine.buildPlan(...args);
      },
    };
    const book = createBook();
    book.ensureSchema();
    let dispose = () => {};
    const s = createRoot((d) => {
      dispose = d;
      return createImportSession({ book, engine, locale: () => 'es-ES' });
    });
    try {
      s.open(new Blob(['Código;Nombre;Teléfono\r\nM-01;Marta;600111222\r\nM-02;Pedro;600333444\r\n']), 'clientes.csv');
      for (let i = 0; i < 200 && s.phase() !== 'ready'; i++) await new Promise((r) => setTimeout(r, 5));
      expect(s.plan()!.add).toHaveLength(2);
      const first = plans;
      expect(first).toBeGreaterThan(0);

      book.write('migration', (w) => w.setMeta('someSetting', 1));
      book.write('migration', (w) => w.setColumn('customers', 'visitsNow', { labelKey: 'x', type: 'computed', width: 100, hidden: false, options: [], pos: 99 }));
      book.write('local', (w) => w.setColumn('customers', 'name', { name: 'Nombre completo', width: 222 }));
      expect(s.plan()!.add).toHaveLength(2);
      expect(plans).toBe(first);

      // A customer with the file's first code: the plan now updates it instead of adding it.
      addRows(book, 'customers', [{ code: 'M-01', name: 'Marta' }]);
      expect(s.plan()!.add).toHaveLength(1);
      expect(plans).toBe(first + 1);

      // A column's type decides how its values convert: a change of type plans again.
      book.write('local', (w) => w.setColumn('customers', 'name', { type: 'email' }));
      expect(s.plan()).toBeDefined();
      expect(plans).toBe(first + 2);
    } finally {
      dispose();
    }
  });
});
