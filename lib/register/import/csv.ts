/**
 * Reading the register's CSV: one grant per row, every cell checked (./csv-row.ts). Pure: text
 * in, rows or problems out. Each refusal names its line (1 = the header) and column.
 */
import Papa from 'papaparse';
import type { GrantCsvColumn } from '../csv';
import { GRANT_CSV_COLUMNS, REQUIRED_CSV_COLUMNS, unescapeFormula } from '../csv';
import { isLiveStatus } from '../rules';
import type { Cells } from './csv-row';
import { parseCsvRow } from './csv-row';
import type { CsvGrantRow } from './plan';
import type { ImportIssue, ProblemList } from './problems';

/** The most rows one CSV may hold. */
export const MAX_IMPORT_ROWS = 100_000;

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function checkHeader(header: string[]): ImportIssue | null {
  const known = new Set<string>(GRANT_CSV_COLUMNS);
  const unknown = header.filter((h) => !known.has(h));
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !header.includes(c));
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  const parts: string[] = [];
  if (missing.length) parts.push(`missing column(s): ${missing.join(', ')}`);
  if (unknown.length) parts.push(`unknown column(s): ${unknown.map((u) => `“${u}”`).join(', ')}`);
  if (repeated.length) parts.push(`repeated column(s): ${repeated.join(', ')}`);
  if (!parts.length) return null;
  return {
    line: 1,
    message: `The header is not the register's CSV format — ${parts.join('; ')}. Expected columns: ${GRANT_CSV_COLUMNS.join(', ')}.`,
  };
}

/**
 * Every row of a CSV, checked, or null when any problem was found (added to `problems`). Two
 * rows for one grant are refused (which one is right cannot be known): the same `grant_id`
 * twice, or two live rows (invited, active, suspended) for one account and party — a revoked
 * row beside a later invitation is the everyday history of one person and is fine.
 */
export function parseCsv(text: string, problems: ProblemList): CsvGrantRow[] | null {
  const rows: CsvGrantRow[] = [];
  const lineOfId = new Map<string, number>();
  const lineOfLivePair = new Map<string, number>();
  let header: string[] | null = null;
  let columns: (GrantCsvColumn | null)[] = [];
  let line = 1;
  let previousCursor = 0;
  let records = 0;
  let stop = false;

  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result, parser) => {
      const startLine = line;
      const cursor = result.meta.cursor;
      line += countLineBreaks(text, previousCursor, cursor);
      previousCursor = cursor;
      for (const e of result.errors) {
        problems.add({ line: startLine, message: `The CSV is malformed here: ${e.message}.` });
      }
      const data = result.data;
      if (data.length === 1 && data[0] === '') return; // a blank line
      if (!header) {
        header = data.map((h) => h.trim().toLowerCase());
        const problem = checkHeader(header);
        if (problem) {
          problems.add(problem);
          stop = true;
          parser.abort();
          return;
        }
        columns = header.map((h) =>
          (GRANT_CSV_COLUMNS as readonly string[]).includes(h) ? (h as GrantCsvColumn) : null,
        );
        return;
      }
      if (++records > MAX_IMPORT_ROWS) {
        problems.add({ line: startLine, message: `Too many rows (at most ${MAX_IMPORT_ROWS}).` });
        stop = true;
        parser.abort();
        return;
      }
      if (data.length !== columns.length) {
        problems.add({
          line: startLine,
          message: `This row has ${data.length} cells; the header has ${columns.length}.`,
        });
        return;
      }
      const cells: Cells = {};
      data.forEach((value, i) => {
        const column = columns[i];
        // Goals are kept exactly; other cells lose the spaces a spreadsheet may add around them.
        if (column) cells[column] = unescapeFormula(column === 'goals' ? value : value.trim());
      });
      const parsed = parseCsvRow(cells, startLine);
      for (const issue of parsed.issues) problems.add(issue);
      const row = parsed.row;
      if (!row) return;
      const sameId = row.grantId !== undefined ? lineOfId.get(row.grantId) : undefined;
      const livePair = isLiveStatus(row.fields.status ?? 'invited')
        ? lineOfLivePair.get(row.key)
        : undefined;
      if (sameId !== undefined) {
        problems.add({
          line: startLine,
          column: 'grant_id',
          message: `This row is the same grant as line ${sameId} (same grant_id).`,
        });
      } else if (livePair !== undefined) {
        problems.add({
          line: startLine,
          message: `This row is the same live grant as line ${livePair} (same account and same person or partner, both invited, active or suspended).`,
        });
      } else {
        if (row.grantId !== undefined) lineOfId.set(row.grantId, startLine);
        if (isLiveStatus(row.fields.status ?? 'invited')) lineOfLivePair.set(row.key, startLine);
        rows.push(row);
      }
    },
  });
  if (!stop && !header) problems.add({ line: null, message: 'The file has no header row.' });
  if (!problems.empty) return null;
  if (rows.length === 0) {
    problems.add({ line: null, message: 'The file has a header but no rows.' });
    return null;
  }
  return rows;
}
