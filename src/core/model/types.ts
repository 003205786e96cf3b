// Plain types of the customer book. No Yjs, no DOM: these are what every floor above sees.

export type SheetId = 'customers' | 'purchases' | 'contacts';
export const SHEET_IDS: readonly SheetId[] = ['customers', 'purchases', 'contacts'];

declare const rowBrand: unique symbol;
declare const columnBrand: unique symbol;
export type RowId = string & { readonly [rowBrand]: true };
export type ColumnId = string & { readonly [columnBrand]: true };

export const asRowId = (s: string): RowId => s as RowId;
export const asColumnId = (s: string): ColumnId => s as ColumnId;

export type ColumnType =
  | 'text'
  | 'number'
  | 'currency'
  | 'date'
  | 'phone'
  | 'email'
  | 'select'
  | 'tags'
  | 'checkbox'
  | 'computed';

export const COLUMN_TYPES: readonly ColumnType[] = [
  'text',
  'number',
  'currency',
  'date',
  'phone',
  'email',
  'select',
  'tags',
  'checkbox',
  'computed',
];

/** A stored cell: text, number, boolean, a tag list, or empty. Dates are ISO `YYYY-MM-DD` text. */
export type CellValue = string | number | boolean | readonly string[] | null;

export type Column = {
  readonly id: ColumnId;
  /** The owner's name for the column; empty for a built-in column shown by its `labelKey`. */
  readonly name: string;
  /** i18n key of a built-in column's default name (e.g. `column.customers.name`). */
  readonly labelKey?: string;
  readonly type: ColumnType;
  readonly width: number;
  readonly hidden: boolean;
  /** Choices of a select or tags column. */
  readonly options: readonly string[];
  /** Sort key of the column order (fractional, so concurrent moves merge). */
  readonly pos: number;
};

export type RowValues = Readonly<Record<string, CellValue>>;

/** Where a change came from; undo captures only this device's local edits and imports. */
export type ChangeOrigin = 'local' | 'import' | 'remote' | 'migration' | 'storage';

export type SheetChange = {
  readonly sheet: SheetId;
  /** Rows whose values, existence or trash state changed; `undefined` means "all may have". */
  readonly rows?: ReadonlySet<RowId>;
  readonly rowsAddedOrRemoved: boolean;
  readonly columns: boolean;
};

export type BookChange = {
  readonly origin: ChangeOrigin;
  readonly sheets: readonly SheetChange[];
  /** Keys of the book's meta map that changed (saved views, reminder states, settings); often empty. */
  readonly meta: readonly string[];
};
