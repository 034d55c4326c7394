/**
 * Reading who has access from the table a TikTok page shows: Business Center members,
 * partners, or one ad account's members and partners. Columns are found by their header labels
 * (any language in LABELS), rows by table structure (`<table>` rows or ARIA grid rows), never by
 * class names alone. The reader never throws and never guesses: whatever it cannot read it leaves
 * out and says so in `problems`, with `complete: false`.
 *
 * The reading is of the tables as data (table-data.ts): the page agent takes them out of the page
 * and the companion frame reads them here (`readTablesData`), so what the words of a row mean is
 * worked out outside TikTok's page.
 */
import type { ShadowScope } from './dom';
import { fold, isLabel } from './dom';
import { nameEmailProblem, readNameAndEmail } from './email-text';
import { PAGE_LABELS } from './page-labels';
import type { TableData, TablesData } from './table-data';
import { takeTablesData } from './table-data';
import { paging, virtualized } from './table-paging';
import type { Column } from './table-shape';
import { EMAIL, EMPTY, roleParts } from './table-shape';
import { TABLE_PROBLEMS as say } from './table-problems';
import { TIKTOK_ID } from './ids';

/** One person or partner with access, as one table row shows them. */
export interface AccessRow {
  kind: 'member' | 'partner';
  name: string;
  email?: string;
  partnerBcId?: string;
  bcRole?: 'admin' | 'standard';
  financeRole?: 'manager' | 'analyst';
  assetRole?: 'admin' | 'operator' | 'analyst';
  status: 'active' | 'pending' | 'suspended' | 'expired' | 'rejected' | 'unknown';
}

/** What `readAccessTable` read, and whether that is everything. */
export interface AccessTableReading {
  rows: AccessRow[];
  complete: boolean;
  problems: string[];
}

function pick<T extends string>(text: string, options: Record<T, readonly string[]>): T | null {
  for (const [value, labels] of Object.entries(options) as Array<[T, readonly string[]]>) {
    if (isLabel(text, labels)) return value;
  }
  return null;
}

/** A cell's text as a user sees it: its pieces joined by one space. */
function cellText(cell: readonly string[] | undefined): string {
  return cell ? cell.join(' ') : '';
}

/** Whether a piece of text was cut short by the page ("Bartholomew Alexander Fitz…"). */
const truncated = (text: string) => /(…|\.\.\.)$/.test(text.trim());

function readRow(
  shape: TableData,
  cells: string[][],
  at: number,
  problems: string[],
): AccessRow | null {
  if (cells.length !== shape.columns.length) {
    problems.push(say.misaligned(at + 1));
    return null;
  }
  const cellFor = (column: Column) => {
    const i = shape.columns.indexOf(column);
    return i >= 0 ? cells[i] : undefined;
  };
  const partner = shape.kind === 'bc-partners' || shape.kind === 'asset-partners';
  const nameCell = partner ? (cellFor('partnerName') ?? cellFor('name')) : cellFor('name');
  const rawName = cellText(nameCell);
  const name = EMPTY.has(rawName) ? '' : rawName;
  const row: AccessRow = { kind: partner ? 'partner' : 'member', name, status: 'unknown' };
  let readable = true;
  const fail = (message: string) => {
    problems.push(say.row(at + 1, message));
    readable = false;
  };
  if (truncated(name)) fail(say.nameCut(name));

  if (shape.columns.includes('email')) {
    const email = cellText(cellFor('email'));
    if (EMAIL.test(email)) row.email = email;
    else if (!EMPTY.has(email)) fail(say.notEmail(email));
    // A name is what its member typed: one that passes for another address is not trusted.
    const doubt = nameEmailProblem(row.name, row.email);
    if (doubt) {
      fail(doubt);
      delete row.email;
    }
  } else if (!partner && nameCell) {
    // Some layouts show the email under the name in one cell.
    const read = readNameAndEmail(nameCell);
    if (read.problem) fail(read.problem);
    else if (read.email) {
      row.email = read.email;
      row.name = read.name;
    }
  }

  if (partner) {
    const id = cellText(cellFor('bcId')).replace(/^ID:?\s*/i, '');
    if (TIKTOK_ID.test(id)) row.partnerBcId = id;
    else fail(say.notBcId(id));
  }

  if (shape.kind === 'bc-members') {
    const parts = roleParts(cellFor('bcRole') ?? []);
    const bcRoles = new Set<'admin' | 'standard'>();
    const financeRoles = new Set<'manager' | 'analyst'>();
    for (const part of parts) {
      const bc = pick(part, PAGE_LABELS.bcRole);
      const finance = pick(part, PAGE_LABELS.financeRole);
      if (bc) bcRoles.add(bc);
      else if (finance) financeRoles.add(finance);
      else fail(say.unknownRole(part));
    }
    if (bcRoles.size === 1) row.bcRole = [...bcRoles][0];
    else if (bcRoles.size > 1) fail(say.twoBcRoles());
    else fail(say.noBcRole());
    if (financeRoles.size === 1) row.financeRole = [...financeRoles][0];
    else if (financeRoles.size > 1) fail(say.twoFinanceRoles());
  }

  if (shape.kind === 'asset-members' || shape.kind === 'asset-partners') {
    const text = cellText(cellFor('permission'));
    const role = pick(text, PAGE_LABELS.assetRole);
    if (role) row.assetRole = role;
    else fail(say.unknownPermission(text));
  }

  if (shape.columns.includes('status')) {
    const text = cellText(cellFor('status'));
    const status = pick(text, PAGE_LABELS.status);
    if (status) row.status = status;
    else fail(say.unknownStatus(text));
  } else if (shape.kind === 'bc-members') {
    fail(say.noStatus());
  }

  if (!row.name && !row.email && !row.partnerBcId) fail(say.namesNoOne());
  return readable || row.name || row.email || row.partnerBcId ? row : null;
}

const identity = (r: AccessRow) =>
  JSON.stringify([r.kind, r.email ?? '', r.partnerBcId ?? '', r.name]);

/**
 * Read the access table on the page: members or partners, with their roles and status.
 * Never throws; `complete` is false, with `problems` in plain words, whenever anything is missing.
 */
export function readAccessTable(
  root: Document,
  { shadows = true }: { shadows?: ShadowScope } = {},
): AccessTableReading {
  return readTablesData(takeTablesData(root, { shadows }));
}

/**
 * Read the access tables as the page agent took them (table-data.ts). Never throws; `complete`
 * is false, with `problems` in plain words, whenever anything is missing.
 */
export function readTablesData(data: TablesData): AccessTableReading {
  try {
    if (data.error !== undefined) throw new Error(data.error);
    return readTablesUnsafe(data);
  } catch (error) {
    return {
      rows: [],
      complete: false,
      problems: [say.unreadable(error instanceof Error ? error.message : String(error))],
    };
  }
}

/** Read a table's rows into `rows`, once each across tables (`seen`); problems go to `problem`. */
function readShapeRows(
  shape: TableData,
  seen: Set<string>,
  rows: AccessRow[],
  problem: (text: string) => void,
): void {
  const rowProblems: string[] = [];
  shape.rows.forEach((cells, i) => {
    const row = readRow(shape, cells, i, rowProblems);
    if (!row) return;
    const key = identity(row) + JSON.stringify(row);
    if (seen.has(key)) {
      rowProblems.push(say.repeated(i + 1));
      return;
    }
    seen.add(key);
    rows.push(row);
  });
  rowProblems.forEach(problem);
}

/**
 * The rows of the access tables, without judging whether they are all of them (no pager or
 * virtualization check): what is reported for the held accounts, which passes rows on and leaves
 * the judging to the panel. Never throws.
 */
export function readRowsData(data: TablesData): AccessRow[] {
  try {
    const rows: AccessRow[] = [];
    const seen = new Set<string>();
    for (const shape of data.tables) readShapeRows(shape, seen, rows, () => {});
    return rows;
  } catch {
    return [];
  }
}

/** `readRowsData` of the page's tables as they are now. Never throws. */
export function readAccessRows(
  root: Document,
  { shadows = true }: { shadows?: ShadowScope } = {},
): AccessRow[] {
  return readRowsData(takeTablesData(root, { shadows }));
}

function readTablesUnsafe(data: TablesData): AccessTableReading {
  // Problems that leave rows unread or unchecked make the reading incomplete; notes (a column
  // recognised by its cells rather than its heading) say how it was read and leave it complete.
  const problems: string[] = [];
  let blocking = 0;
  const problem = (text: string) => {
    problems.push(text);
    blocking++;
  };
  const note = (text: string) => problems.push(text);
  const shapes = data.tables;
  if (shapes.length === 0) {
    return {
      rows: [],
      complete: false,
      problems: [data.loading ? say.loading() : say.noTable()],
    };
  }
  const rows: AccessRow[] = [];
  const seen = new Set<string>();
  for (const shape of shapes) {
    const before = rows.length;
    if (shape.kind === 'bc-members') {
      if (!shape.columns.includes('bcRole')) problem(say.noRoleColumn());
      if (!shape.columns.includes('status')) problem(say.noStatusColumn());
    }
    if (shape.headless) note(say.headless());
    for (const column of shape.unrecognised) {
      if (shape.headless) continue;
      if (column.column && column.column !== 'ignored')
        note(say.columnReadAs(column.header, column.index, column.holds!, column.column));
      else if (column.holds === 'eitherRole')
        problem(say.columnEitherRole(column.header, column.index));
    }
    if (shape.strays > 0) problem(say.strays(shape.strays));
    readShapeRows(shape, seen, rows, problem);
    const shown = rows.length - before;
    const { total, more, n = 0 } = paging(shape.pager, shape.rows.length);
    if (total !== null && total > shape.rows.length) problem(say.otherPages(shown, total));
    else if (total !== null && total < shape.rows.length)
      problem(say.moreRowsThanTotal(shape.rows.length, total));
    else if (more) problem(say.mayHaveMore(shown, more, n));
    const undrawn = virtualized(shape);
    if (undrawn) problem(undrawn);
  }
  return { rows, complete: blocking === 0, problems };
}

/** Whether two rows are about the same person or partner (by email, BC ID, else name). */
export function sameParty(
  a: Pick<AccessRow, 'email' | 'partnerBcId' | 'name'>,
  b: Pick<AccessRow, 'email' | 'partnerBcId' | 'name'>,
): boolean {
  if (a.email && b.email) return fold(a.email) === fold(b.email);
  if (a.partnerBcId && b.partnerBcId) return a.partnerBcId === b.partnerBcId;
  return a.name !== '' && fold(a.name) === fold(b.name);
}
