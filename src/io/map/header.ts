// Finding the header row of a sheet below title rows ("Listado de clientes 2024" in a merged cell),
// and telling data rows from empty and total rows, which are skipped and reported.

import { foldText } from '../../base/text';
import type { SheetId } from '../../core/index';
import type { RawCell, RawRow } from '../types';
import { parseDateText, parseNumberText } from './convert';
import { matchHeader } from './synonyms';

/** How far down a header is looked for. */
const HEADER_SCAN_ROWS = 50;

export const isEmptyCell = (c: RawCell | undefined): boolean => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** A cell that reads as a word, not a number or a date. */
function isTextCell(c: RawCell | undefined): boolean {
  if (typeof c !== 'string') return false;
  const t = c.trim();
  return t !== '' && parseNumberText(t) === undefined && parseDateText(t, true) === undefined;
}

export type HeaderGuess = {
  /** Index in `rows` of the header row. */
  readonly headerRow: number;
  /** Non-empty rows above the header (titles, dates of export, shop name). */
  readonly titleRows: number[];
};

/**
 * The header is the row with at least two non-empty, mostly text, distinct cells that names the most
 * known columns; among equals the first. A title above it (one filled cell, the rest empty) is not
 * a candidate. When no row qualifies the first non-empty row is taken.
 */
export function detectHeader(rows: readonly RawRow[], sheet: SheetId = 'customers'): HeaderGuess {
  let best = -1;
  let bestHits = -1;
  let firstNonEmpty = -1;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const cells = (rows[i] ?? []).filter((c) => !isEmptyCell(c));
    if (cells.length === 0) continue;
    if (firstNonEmpty < 0) firstNonEmpty = i;
    if (cells.length < 2) continue;
    const texts = cells.filter(isTextCell) as string[];
    if (texts.length < Math.ceil(cells.length * 0.6)) continue;
    const distinct = new Set(texts.map((t) => foldText(t)));
    if (distinct.size < Math.max(2, Math.ceil(texts.length * 0.7))) continue;
    const hits = texts.filter((t) => matchHeader(t, sheet) !== undefined).length;
    if (hits > bestHits) {
      best = i;
      bestHits = hits;
    }
  }
  const headerRow = best >= 0 ? best : Math.max(firstNonEmpty, 0);
  const titleRows: number[] = [];
  for (let i = 0; i < headerRow; i++) if ((rows[i] ?? []).some((c) => !isEmptyCell(c))) titleRows.push(i);
  return { headerRow, titleRows };
}

export type RowKind = 'empty' | 'total' | 'data';

const TOTAL_LABELS: ReadonlySet<string> = new Set([
  'total', 'totales', 'totalgeneral', 'sumatotal', 'suma', 'subtotal', 'sum', 'grandtotal', 'totals',
  '合计', '总计', '小计', '共计', '汇总', '總計', '合計', '总合计',
]);

const ASCII = /^[\x00-\x7f]*$/;
const TOTAL_ASCII = /tot|sum/i;
/** Characters one of TOTAL_LABELS needs: t or s (possibly with a combining mark or precomposed
 * with one: Latin letters U+00C0–U+024F and U+1E00–U+1EFF), or the Chinese labels' characters
 * (also as CJK compatibility ideographs, which the folding's NFD maps to them: U+F900–U+FAFF and,
 * by their high surrogate, U+2F800–U+2FA1F). */
const LABEL_CHARS = /[tTsS\u00c0-\u024f\u1e00-\u1eff\uf900-\ufaff\ud87e合总小共汇總計]/;

/**
 * Is the cell a totals label ("Total", "TOTAL:", "Totales", "Total general", "合计：", "Suma (12)")?
 * The whole cell must be the label, so a customer called "Total Fitness" is not one.
 */
export function isTotalLabel(text: string): boolean {
  // Labels are short words; skip the folding for the many longer cells of a big file.
  if (text.length > 24) return false;
  // Plain ASCII text can only fold to a label if it spells "tot" or "sum": most cells stop here.
  if (ASCII.test(text) && !TOTAL_ASCII.test(text)) return false;
  // Other text folds to a label only if it has a t or an s (bare or accented: ś, ţ…) or a character
  // of a Chinese label: a name like 王伟 or a note in Chinese skips the Unicode folding.
  if (!LABEL_CHARS.test(text)) return false;
  return TOTAL_LABELS.has(foldText(text).replace(/[\s\d\p{P}\p{S}]/gu, ''));
}

/**
 * 'empty' when no cell has a value; 'total' when a cell is a totals label and the other filled cells
 * are mostly numbers (a lone "Total" counts too); 'data' otherwise. Only the first `headerWidth`
 * cells are weighed for totals (0: all).
 */
export function classifyRow(row: RawRow, headerWidth: number): RowKind {
  const filled = row.filter((c) => !isEmptyCell(c));
  if (filled.length === 0) return 'empty';
  const cells = headerWidth > 0 ? row.slice(0, Math.max(headerWidth, 1)) : row;
  const labelAt = cells.findIndex((c) => typeof c === 'string' && isTotalLabel(c));
  if (labelAt < 0) return 'data';
  const others = cells.filter((c, i) => i !== labelAt && !isEmptyCell(c));
  const numeric = others.filter((c) => typeof c === 'number' || (typeof c === 'string' && parseNumberText(c) !== undefined)).length;
  return numeric * 2 >= others.length ? 'total' : 'data';
}
