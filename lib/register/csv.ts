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
 * (OWASP "CSV Injection"); papaparse's `escapeFormulae` does exactly that.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Rows to CSV text, every cell that could start a formula neutralised. */
export function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((r) => [...r]) },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

/** Undo the export's formula neutralisation, so an exported file imports unchanged. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
