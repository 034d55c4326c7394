/**
 * The CSV shape of the register: one grant per row. Export writes these columns in this order;
 * import requires the first five and accepts any subset of the rest.
 */
import Papa from 'papaparse';

export const GRANT_CSV_COLUMNS = [
  'account_kind',
  'account_id',
  'account_name',
  'owner_bc_id',
  'ownership',
  'party_kind',
  'name',
  'email',
  'partner_bc_id',
  'organisation',
  'is_me',
  'bc_role',
  'finance_role',
  'asset_role',
  'status',
  'invited_at',
  'accepted_at',
  'revoked_at',
  'review_cadence_days',
  'last_reviewed_at',
  'next_review_on',
  'contract_ends_on',
  'goals',
  // The grant's identity and revision in the register: an import matches the row with the grant
  // it came from, and sees when the register changed the grant since the file was exported.
  'grant_id',
  'rev',
  'updated_at',
] as const;

export type GrantCsvColumn = (typeof GRANT_CSV_COLUMNS)[number];

/** Columns an import cannot do without. */
export const REQUIRED_CSV_COLUMNS: readonly GrantCsvColumn[] = [
  'account_kind',
  'account_id',
  'ownership',
  'party_kind',
  'status',
];

/** The longest cell an import accepts (the longest text field a row may hold). */
export const MAX_CSV_FIELD = 10_000;

/**
 * Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a leading `'`
 * (OWASP "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Cells the import would unescape: a formula start behind one or more apostrophes. The export
 * marks these too, so that a user's own `'+15% ROAS` comes back with its apostrophe.
 */
const MARKED = /^'+[=+\-@\t\r]/;

/** One cell as the export writes it: a formula start (or what looks like a mark) gets a `'`. */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) || MARKED.test(cell) ? `'${cell}` : cell;
}

/** Rows to CSV text, every cell that could start a formula neutralised. */
export function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((r) => r.map(escapeFormula)) },
    { newline: '\r\n' },
  );
}

/** Undo the export's mark (exactly the one `'` it added), so an exported file imports unchanged. */
export function unescapeFormula(cell: string): string {
  return MARKED.test(cell) ? cell.slice(1) : cell;
}
