// CSV export: UTF-8 with a BOM (so Excel opens Chinese and accented text correctly), CRLF line ends,
// RFC 4180 quoting, and text that a spreadsheet would run as a formula escaped with a leading `'`.

import type { CellValue, ColumnType } from '../../core/index';

export type ExportColumn = { readonly name: string; readonly type: ColumnType };

const BOM = '\uFEFF';

/**
 * Text starting with `=`, `+`, `-`, `@`, tab or CR is what Excel and LibreOffice evaluate as a
 * formula (CSV injection), so it gets a leading `'`. This includes phones like `+34612345678`:
 * Excel shows `'+34…` as the text `+34…`, and our import strips that `'` again (see
 * `stripFormulaGuard` in io/map/convert), so re-importing our own export restores the value exactly.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The text of a stored value in an exported file: tags joined with ", ", booleans TRUE/FALSE. */
export function exportText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return value as string;
}

function quote(field: string, delimiter: string): string {
  return field.includes('"') || field.includes(delimiter) || field.includes('\n') || field.includes('\r') ? `"${field.replaceAll('"', '""')}"` : field;
}

/** A CSV file's text (BOM included) of a header row of column names and one line per row. */
export function toCsv(
  columns: readonly ExportColumn[],
  rows: readonly (readonly CellValue[])[],
  opts: { readonly delimiter?: string; readonly bom?: boolean } = {},
): string {
  const delimiter = opts.delimiter ?? ',';
  const line = (fields: readonly string[]) => fields.map((f) => quote(f, delimiter)).join(delimiter);
  const out = [line(columns.map((c) => guardFormula(c.name)))];
  for (const row of rows)
    out.push(
      line(
        columns.map((_, i) => {
          const v = row[i] ?? null;
          // Numbers are written as numbers (a negative one is not a formula); text is guarded.
          return typeof v === 'string' ? guardFormula(v) : exportText(v);
        }),
      ),
    );
  return (opts.bom === false ? '' : BOM) + out.join('\r\n') + '\r\n';
}

/** The CSV as bytes to save (UTF-8). */
export function toCsvBytes(columns: readonly ExportColumn[], rows: readonly (readonly CellValue[])[]): Uint8Array {
  return new TextEncoder().encode(toCsv(columns, rows));
}
