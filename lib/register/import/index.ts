/**
 * Importing a CSV of grants or a JSON backup, in two steps so the rules are testable without a
 * UI and the costly half can run off the page's main thread:
 *
 *   decodeImportBytes(bytes) → text                       (./decode.ts)
 *   parseImport(text, format, { fileName })               PURE, no database, worker-safe
 *     → { ok: true, plan } | { ok: false, problems, more }
 *   applyImport(db, plan, { now?, note?, defaultCadenceDays?, onProgress?, signal? })
 *     → ImportReport, all or nothing                      (./apply.ts)
 *
 * `parseImport` is the whole check of the file: every row it accepts `applyImport` can write;
 * each refusal names its line (CSV, 1 = the header) or backup row (`grants[3]`) and column; at
 * most the first 1,000 problems are listed and `more` counts the rest. The plan is plain data
 * (structured-cloneable), so a Web Worker can parse and post it back.
 *
 * `applyImport` writes in one read-write transaction through the register's rules
 * (../rules.ts). What only the register can show to be wrong — a status move the rules forbid,
 * a second live grant for one account and party, a backup event that rewrites one already held
 * — is thrown as {@link ImportRefusedError} naming each row, and nothing is written. Rows older
 * than the register's grant are not applied and are reported (`keptNewer`). Cancelling through
 * `signal` aborts the transaction: nothing is written. The merge rules are in ./apply.ts and
 * ./plan.ts; the CSV and backup formats in ./csv.ts and ./backup.ts.
 */
import { parseBackup } from './backup';
import { parseCsv } from './csv';
import { checkText } from './decode';
import type { ImportPlan } from './plan';
import type { ImportIssue } from './problems';
import { ProblemList } from './problems';

export { applyImport } from './apply';
export type { ImportOptions, ImportProgress, ImportReport, MergeNote } from './apply';
export { MAX_IMPORT_ROWS } from './csv';
export { ImportEncodingError, MAX_IMPORT_CHARS, decodeImportBytes } from './decode';
export { accountKey, partyKey, rowIsOlder, targetOfRow } from './plan';
export type { BackupPlan, CsvGrantRow, CsvPlan, ImportPlan, RowTarget } from './plan';
export { ImportRefusedError, MAX_LISTED_PROBLEMS, ProblemList } from './problems';
export type { ImportIssue } from './problems';

/** What {@link parseImport} returns: the plan, or the problems (first 1,000) and how many more. */
export type ParseResult =
  { ok: true; plan: ImportPlan } | { ok: false; problems: ImportIssue[]; more: number };

/** Check a CSV or JSON backup and return what to write, or every problem found. Pure. */
export function parseImport(
  text: string,
  format: 'csv' | 'json',
  options: { fileName?: string } = {},
): ParseResult {
  const fileName = options.fileName ?? (format === 'csv' ? 'import.csv' : 'backup.json');
  const problems = new ProblemList();
  const checked = checkText(text);
  if ('problem' in checked) {
    problems.add(checked.problem);
  } else if (format === 'csv') {
    const rows = parseCsv(checked.body, problems);
    if (rows) return { ok: true, plan: { format: 'csv', fileName, rows } };
  } else {
    const plan = parseBackup(checked.body, fileName, problems);
    if (plan) return { ok: true, plan };
  }
  return { ok: false, problems: problems.problems, more: problems.more };
}
