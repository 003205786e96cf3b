// Finding customers by name, phone or code, forgiving case and accents ("jose" finds José), phone
// formatting ("612 345" finds 0612345678) and, for Chinese names, pinyin: "zhangwei", "zhang" and
// the initials "zw" find 张伟. Quick open (Ctrl+P) and the Record Sale picker share one index per book.
//
// The index is kept per row and updated incrementally from the change feed: an edit or a new
// customer re-reads only those rows, so typing in quick open stays fast on a 50k-customer book.
// Pinyin keys come from pinyin-pro, loaded with a dynamic import (it is ~300 KB, kept out of the
// first load) and only for names containing Han characters; keys are cached per distinct name.

import { hasHan, type PinyinKeys } from '../../base/pinyin';
import { foldText } from '../../base/text';
import { valueToText, type Book, type RowId } from '../../core/index';

export type CustomerHit = {
  readonly row: RowId;
  readonly name: string;
  readonly code: string;
  readonly phone: string;
  readonly email: string;
};

type Entry = CustomerHit & {
  readonly text: string;
  readonly digits: string;
  readonly foldedName: string;
  /** Pinyin of a Han name, joined ("zhangwei"); empty otherwise. */
  readonly pinyin: string;
};

const digitsOf = (s: string) => s.replace(/\D+/g, '');

export interface CustomerSearch {
  search(query: string, limit?: number): CustomerHit[];
  /** Sets the pinyin function (once pinyin-pro has loaded); Chinese names are indexed again. */
  setPinyin(keys: PinyinKeys): void;
  readonly hasPinyin: boolean;
  dispose(): void;
}

/** pinyin-pro behind the base seam: surnames read as surnames (曾 = zeng), tones dropped. */
export async function loadPinyinKeys(): Promise<PinyinKeys> {
  const { pinyin } = await import('pinyin-pro');
  return (name) => {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed', v: true });
    const parts = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, '')).filter(Boolean);
    return { full: parts.join(''), initials: parts.map((p) => p[0]).join('') };
  };
}

export function makeCustomerSearch(book: Book, opts: { pinyin?: PinyinKeys } = {}): CustomerSearch {
  let pinyin = opts.pinyin;
  const pinyinCache = new Map<string, { full: string; initials: string }>();
  const entries = new Map<RowId, Entry>();
  let order: readonly RowId[] | undefined;
  let list: Entry[] | undefined;
  let dirty = new Set<RowId>();
  let all = true;

  const sub = book.onDidChange((c) => {
    const s = c.sheets.find((x) => x.sheet === 'customers');
    if (!s) return;
    list = undefined;
    if (s.rowsAddedOrRemoved) order = undefined;
    if (!s.rows || s.columns) all = true;
    else for (const r of s.rows) dirty.add(r);
  });

  const keysOf = (name: string) => {
    if (!pinyin || !hasHan(name)) return undefined;
    let k = pinyinCache.get(name);
    if (!k) pinyinCache.set(name, (k = pinyin(name)));
    return k;
  };

  const entryOf = (row: RowId): Entry => {
    const reader = book.sheet('customers');
    const get = (col: string) => valueToText(reader.get(row, col)).trim();
    const name = get('name');
    const code = get('code');
    const phone = get('phone');
    const email = get('email');
    const foldedName = foldText(name);
    const py = keysOf(name);
    const text = py ? `${foldedName} ${foldText(code)} ${foldText(email)} ${py.full} ${py.initials}` : `${foldedName} ${foldText(code)} ${foldText(email)}`;
    return { row, name, code, phone, email, foldedName, text, digits: digitsOf(phone), pinyin: py?.full ?? '' };
  };

  const index = (): Entry[] => {
    if (list && !all && dirty.size === 0) return list;
    const ids = (order ??= book.sheet('customers').liveRowIds());
    if (all) entries.clear();
    else for (const r of dirty) entries.delete(r);
    all = false;
    dirty = new Set();
    const out: Entry[] = new Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      let e = entries.get(id);
      if (!e) entries.set(id, (e = entryOf(id)));
      out[i] = e;
    }
    // Rows gone from the sheet leave the map too (the trash, a remote delete).
    if (entries.size > ids.length) {
      const live = new Set(ids);
      for (const id of entries.keys()) if (!live.has(id)) entries.delete(id);
    }
    return (list = out);
  };

  return {
    search(query, limit = 50) {
      const idx = index();
      const words = foldText(query).split(/\s+/).filter(Boolean);
      if (words.length === 0) return idx.slice(-limit).reverse().map(hit);
      const q = foldText(query);
      const qJoined = words.join('');
      const hits: { e: Entry; rank: number }[] = [];
      for (const e of idx) {
        const ok = words.every((w) => {
          if (e.text.includes(w)) return true;
          const d = digitsOf(w);
          return d.length >= 3 && d.length === w.replace(/[\s()+\-.]/g, '').length && e.digits.includes(d);
        });
        // "zhang wei" typed with a space, or "zhangw", still finds 张伟 through the joined pinyin.
        if (!ok && !(e.pinyin && words.length > 1 && e.pinyin.includes(qJoined))) continue;
        const rank =
          e.foldedName === q || e.pinyin === qJoined ? 0 : e.foldedName.startsWith(q) || (e.pinyin && e.pinyin.startsWith(qJoined)) ? 1 : e.foldedName.includes(q) ? 2 : 3;
        hits.push({ e, rank });
      }
      hits.sort((a, b) => a.rank - b.rank);
      return hits.slice(0, limit).map(({ e }) => hit(e));
    },
    setPinyin(keys) {
      pinyin = keys;
      pinyinCache.clear();
      all = true;
      list = undefined;
    },
    get hasPinyin() {
      return !!pinyin;
    },
    dispose: () => sub.dispose(),
  };
}

const hit = (e: Entry): CustomerHit => ({ row: e.row, name: e.name, code: e.code, phone: e.phone, email: e.email });

const shared = new WeakMap<Book, CustomerSearch>();
let pinyinLoad: Promise<PinyinKeys> | undefined;

/**
 * The one search of a book, shared by quick open and the Record Sale picker. Pinyin loads in the
 * background the first time: until it arrives, Chinese names are found by their characters.
 */
export function sharedCustomerSearch(book: Book): CustomerSearch {
  let s = shared.get(book);
  if (!s) {
    const search = makeCustomerSearch(book);
    shared.set(book, (s = search));
    pinyinLoad ??= loadPinyinKeys();
    void pinyinLoad.then((keys) => search.setPinyin(keys)).catch(() => undefined);
  }
  return s;
}
