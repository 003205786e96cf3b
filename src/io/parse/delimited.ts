// Delimited text (.csv, .tsv, .txt): finds the delimiter — `,`, `;` (Spanish and German Excel), tab
// or `|` — and reads every field as text, exactly as written (no typing: "0012" stays "0012").
// Blank lines are left out of the rows but their record numbers are kept, so a report can name them.

import Papa from 'papaparse';
import type { RawRow } from '../types';
import { DELIMITERS } from './protocol';

export { DELIMITERS };

/** Records looked at to find the delimiter. */
const SNIFF_RECORDS = 50;

export type DelimitedResult = {
  readonly rows: RawRow[];
  readonly delimiter: string;
  /** 1-based record numbers of blank lines left out of `rows`. */
  readonly emptyLines: readonly number[];
};

/**
 * Field counts per record for every candidate delimiter, quotes respected (a delimiter or line
 * break inside "…" does not count). Blank records are skipped.
 */
function fieldCounts(text: string, maxRecords: number): Map<string, number[]> {
  const counts = new Map<string, number[]>(DELIMITERS.map((d) => [d, []]));
  const current = new Map<string, number>(DELIMITERS.map((d) => [d, 1]));
  let inQuotes = false;
  let blank = true;
  let records = 0;
  const end = () => {
    if (!blank) {
      for (const d of DELIMITERS) counts.get(d)!.push(current.get(d)!);
      records++;
    }
    for (const d of DELIMITERS) current.set(d, 1);
    blank = true;
  };
  for (let i = 0; i < text.length && records < maxRecords; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      inQuotes = !inQuotes; // a doubled "" inside quotes toggles twice: no net change
      blank = false;
      continue;
    }
    if (inQuotes) continue;
    if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      end();
      continue;
    }
    if (current.has(ch)) current.set(ch, current.get(ch)! + 1);
    if (ch !== ' ') blank = false;
  }
  if (records < maxRecords) end();
  return counts;
}

/**
 * The delimiter whose field count is the most consistent over the first records (and more than one
 * field); ties go to the one giving more fields, then to the order `,` `;` tab `|`.
 * Falls back to `,` when nothing splits the lines (a one-column file).
 */
export function sniffDelimiter(text: string): string {
  const counts = fieldCounts(text, SNIFF_RECORDS);
  let best = { delimiter: ',', consistency: 0, fields: 1 };
  for (const d of DELIMITERS) {
    const per = counts.get(d)!;
    if (per.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of per) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [n, c] of freq) if (c > modeCount || (c === modeCount && n > mode)) [mode, modeCount] = [n, c];
    if (mode < 2) continue;
    const consistency = modeCount / per.length;
    if (consistency > best.consistency || (consistency === best.consistency && mode > best.fields)) {
      best = { delimiter: d, consistency, fields: mode };
    }
  }
  return best.delimiter;
}

/** `format` 'tsv' means tab unless the caller forces another delimiter. */
export function parseDelimited(
  text: string,
  opts: { readonly delimiter?: string; readonly format?: 'csv' | 'tsv' | 'txt' } = {},
): DelimitedResult {
  const delimiter = opts.delimiter || (opts.format === 'tsv' ? '\t' : sniffDelimiter(text));
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    // Papaparse guesses the newline from the text; quoteChar is the standard double quote.
    quoteChar: '"',
  });
  const rows: RawRow[] = [];
  const emptyLines: number[] = [];
  const data = parsed.data;
  // A trailing line break makes papaparse yield one last empty record that is not a line at all.
  const last = data.length > 0 && isBlank(data[data.length - 1]!) && /[\r\n]$/.test(text) ? data.length - 1 : data.length;
  for (let i = 0; i < last; i++) {
    const record = data[i]!;
    if (isBlank(record)) emptyLines.push(i + 1);
    else rows.push(record);
  }
  return { rows, delimiter, emptyLines };
}

function isBlank(record: readonly string[]): boolean {
  return record.length === 0 || (record.length === 1 && record[0]!.trim() === '');
}
