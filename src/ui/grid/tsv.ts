// Tab-separated text as Excel and Google Sheets put it on the clipboard: a field holding a tab,
// a line break or a quote is wrapped in quotes with inner quotes doubled; rows end with CRLF.

const NEEDS_QUOTES = /[\t\n\r"]/;

export function quoteTsvField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** A rectangular block as TSV (rows joined with CRLF, no trailing line break). */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteTsvField).join('\t')).join('\r\n');
}

/**
 * Parses clipboard TSV into rows of fields. A field that starts with a quote is quoted (Excel): it
 * runs to the next lone quote and may hold tabs and line breaks; a quote that never closes is read
 * literally. One trailing line break (Excel adds one) does not make an extra empty row. Rows are
 * padded to the widest so the result is a rectangle.
 */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    let field: string;
    const end = text[i] === '"' ? findClosingQuote(text, i + 1) : -1;
    if (end >= 0) {
      field = text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
      // Sheets keeps whatever sits between the closing quote and the separator.
      const stop = nextSeparator(text, i);
      field += text.slice(i, stop);
      i = stop;
    } else {
      const stop = nextSeparator(text, i);
      field = text.slice(i, stop);
      i = stop;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i++;
      continue;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const r of rows) while (r.length < width) r.push('');
  return rows;
}

function findClosingQuote(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const q = text.indexOf('"', i);
    if (q < 0) return -1;
    if (text[q + 1] === '"') {
      i = q + 2;
      continue;
    }
    return q;
  }
  return -1;
}

function nextSeparator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\t' || ch === '\n' || ch === '\r') return i;
  }
  return text.length;
}
