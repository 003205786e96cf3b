// Finding customers by name, phone or code, forgiving case and accents ("jose" finds José) and
// phone formatting ("612 345" finds 0612345678). The folded index is built once per change of the
// customers sheet, so typing in quick open stays fast on a 50k-customer book.

import { foldText } from '../../base/text';
import { valueToText, type Book, type RowId, type SheetId } from '../../core/index';

export type CustomerHit = {
  readonly row: RowId;
  readonly name: string;
  readonly code: string;
  readonly phone: string;
  readonly email: string;
};

type Entry = CustomerHit & { readonly text: string; readonly digits: string; readonly foldedName: string };

const digitsOf = (s: string) => s.replace(/\D+/g, '');
const text = (book: Book, sheet: SheetId, row: RowId, col: string) => valueToText(book.sheet(sheet).get(row, col)).trim();

export interface CustomerSearch {
  search(query: string, limit?: number): CustomerHit[];
  dispose(): void;
}

export function makeCustomerSearch(book: Book): CustomerSearch {
  let index: Entry[] | undefined;
  const sub = book.onDidChange((c) => {
    if (c.sheets.some((s) => s.sheet === 'customers')) index = undefined;
  });
  const build = (): Entry[] =>
    book
      .sheet('customers')
      .liveRowIds()
      .map((row) => {
        const name = text(book, 'customers', row, 'name');
        const code = text(book, 'customers', row, 'code');
        const phone = text(book, 'customers', row, 'phone');
        const email = text(book, 'customers', row, 'email');
        const foldedName = foldText(name);
        return { row, name, code, phone, email, foldedName, text: `${foldedName} ${foldText(code)} ${foldText(email)}`, digits: digitsOf(phone) };
      });
  return {
    search(query, limit = 50) {
      index ??= build();
      const words = foldText(query).split(/\s+/).filter(Boolean);
      if (words.length === 0) return index.slice(-limit).reverse();
      const q = foldText(query);
      const hits: { e: Entry; rank: number }[] = [];
      for (const e of index) {
        const ok = words.every((w) => {
          if (e.text.includes(w)) return true;
          const d = digitsOf(w);
          return d.length >= 3 && d.length === w.replace(/[\s()+\-.]/g, '').length && e.digits.includes(d);
        });
        if (!ok) continue;
        const rank = e.foldedName === q ? 0 : e.foldedName.startsWith(q) ? 1 : e.foldedName.includes(q) ? 2 : 3;
        hits.push({ e, rank });
      }
      hits.sort((a, b) => a.rank - b.rank);
      return hits.slice(0, limit).map(({ e }) => ({ row: e.row, name: e.name, code: e.code, phone: e.phone, email: e.email }));
    },
    dispose: () => sub.dispose(),
  };
}
