// The contract between the import/export pieces: what the parsing worker hands back, how a file's
// columns map onto the book, and what an import will do before it does it.

import type { CellValue, ColumnType, RowId } from '../core/index';

/** One cell as read from a file. Dates read from a workbook arrive as ISO `YYYY-MM-DD` text; numbers
 * whose cell format pads zeros (phones, codes) arrive as their formatted text, never as numbers. */
export type RawCell = string | number | boolean | null;
export type RawRow = readonly RawCell[];

export type FileFormat = 'xlsx' | 'xls' | 'ods' | 'csv' | 'tsv' | 'txt' | 'vcf';
export type EncodingName = 'utf-8' | 'gb18030' | 'big5' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type ParsedSheet = {
  readonly name: string;
  readonly rows: readonly RawRow[];
};

export type ParseResult = {
  readonly format: FileFormat;
  /** Text files: the encoding used, and whether it was a guess (no BOM). */
  readonly encoding?: { readonly used: EncodingName; readonly guessed: boolean };
  /** Delimited text: the delimiter used. */
  readonly delimiter?: string;
  readonly sheets: readonly ParsedSheet[];
};

export type ParseOptions = {
  /** Overrides the detected encoding of a text file. */
  readonly encoding?: EncodingName;
  /** Overrides the detected delimiter. */
  readonly delimiter?: string;
  /** The default country of phone numbers: a worker kept for planning starts reading the file's
   * phone numbers with it while the page takes the rows (src/io/parse/phone-prewarm.ts). */
  readonly phoneCountry?: string;
};

export type ParseLimits = { readonly maxBytes: number; readonly timeoutMs: number };

/** Why a file could not be read; each code has a message `import.error.<code>` in every language. */
export type ParseErrorCode = 'empty' | 'tooLarge' | 'timeout' | 'corrupt' | 'unsupported' | 'noRows';

export class ParseError extends Error {
  constructor(readonly code: ParseErrorCode, detail?: string) {
    super(detail ?? code);
  }
}

/** Where each file column goes: an existing book column, a new column, or nowhere. */
export type ColumnTarget =
  | { readonly kind: 'column'; readonly columnId: string }
  | { readonly kind: 'new'; readonly name: string; readonly type: ColumnType }
  | { readonly kind: 'skip' };

export type MatchKey = 'code' | 'phone' | 'email' | 'none';
export type MergePolicy = 'skip' | 'fillEmpty' | 'overwrite';

export type ImportSettings = {
  readonly headerRow: number;
  readonly targets: readonly ColumnTarget[];
  readonly matchBy: MatchKey;
  readonly policy: MergePolicy;
  /** Day-first reading of ambiguous dates (03/04/2024). */
  readonly dayFirst: boolean;
  /** Country for phone numbers without a country code (ISO 3166 alpha-2). */
  readonly defaultCountry?: string;
};

export type CellProblem = { readonly row: number; readonly column: string; readonly value: string; readonly reason: string };

export type ImportPlan = {
  readonly add: readonly { readonly fileRow: number; readonly values: Readonly<Record<string, CellValue>> }[];
  readonly update: readonly {
    readonly fileRow: number;
    readonly row: RowId;
    readonly changes: readonly { readonly column: string; readonly from: CellValue; readonly to: CellValue }[];
  }[];
  readonly unchanged: number;
  /** Rows skipped, with the reason (empty, total row, duplicate merged, policy skip), by file row number. */
  readonly skipped: readonly { readonly fileRow: number; readonly reason: string }[];
  readonly problems: readonly CellProblem[];
  readonly newColumns: readonly { readonly name: string; readonly type: ColumnType }[];
};
