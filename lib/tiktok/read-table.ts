/**
 * Reading who has access from the table a TikTok page shows: Business Center members,
 * partners, or one ad account's members and partners. Columns are found by their header labels
 * (any language in LABELS), rows by table structure (`<table>` rows or ARIA grid rows), never by
 * class names alone. The reader never throws and never guesses: whatever it cannot read it leaves
 * out and says so in `problems`, with `complete: false`.
 */
import type { Root, ShadowScope } from './dom';
import {
  fold,
  isHidden,
  isHiddenDeep,
  isLabel,
  queryAllDeep,
  textSegments,
  visibleText,
} from './dom';
import { nameEmailProblem, readNameAndEmail } from './email-text';
import { onLabelsChanged } from './labels/page-word-lists';
import { PAGE_LABELS, recordsTotalLabels } from './page-labels';
import { SELECTORS } from './selectors';
import type { MoreReason, UndrawnReason } from './table-problems';
import { TABLE_PROBLEMS as say } from './table-problems';

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

type Column =
  | 'name'
  | 'email'
  | 'status'
  | 'bcRole'
  | 'permission'
  | 'partnerName'
  | 'bcId'
  /** A column the readers know and need not read: actions, counts of assets. */
  | 'ignored';

/** Which kind of access table a set of columns makes. */
export type AccessTableKind = 'bc-members' | 'bc-partners' | 'asset-members' | 'asset-partners';

/** The column each list of headings names, in the order a heading is looked up. */
const headerLabels = (): ReadonlyArray<readonly [Column, readonly string[]]> => [
  // Partner name before name: "Partner" must not read as a person's name column.
  ['partnerName', PAGE_LABELS.colPartnerName],
  ['bcId', PAGE_LABELS.colBcId],
  ['name', PAGE_LABELS.colName],
  ['email', PAGE_LABELS.colEmail],
  ['status', PAGE_LABELS.colStatus],
  ['bcRole', PAGE_LABELS.colBcRole],
  ['permission', PAGE_LABELS.colPermission],
  ['ignored', PAGE_LABELS.colIgnored],
];

/**
 * Every known heading, folded once, with its column (the first list a heading is in wins). Built
 * the first time a table is read: the watcher loads this module on every TikTok page, most of
 * which show no table worth reading.
 */
let columnByHeading: ReadonlyMap<string, Column> | undefined;

function columnOf(label: string): Column | null {
  if (!columnByHeading) {
    const map = new Map<string, Column>();
    for (const [column, labels] of headerLabels())
      for (const heading of labels) if (!map.has(fold(heading))) map.set(fold(heading), column);
    columnByHeading = map;
  }
  return columnByHeading.get(fold(label)) ?? null;
}

/** What kind of access table these columns make, or null when it is not one. */
export function accessTableKind(columns: ReadonlyArray<Column | null>): AccessTableKind | null {
  const has = (c: Column) => columns.includes(c);
  const named = has('name') || has('partnerName');
  if (!named) return null;
  if (has('bcId')) return has('permission') ? 'asset-partners' : 'bc-partners';
  if (has('permission')) return 'asset-members';
  if (has('bcRole')) return 'bc-members';
  return null;
}

/** How a column was recognised: by its heading, or by what its cells hold. */
interface ColumnNote {
  index: number;
  header: string;
  column: Column | null;
  /** What the cells hold, when the column was recognised by them. */
  holds?: CellClass;
}

interface TableShape {
  table: Element;
  /** The elements it was read from: the table, and a scroll table's separate header table. */
  parts: Element[];
  headers: string[];
  columns: Array<Column | null>;
  kind: AccessTableKind;
  /** Body rows, each with its cells (null when the row's cells could not be told apart). */
  rows: Array<{ row: Element; cells: Element[] }>;
  /** Things inside the table's body that are not rows. */
  strays: number;
  /** Columns whose heading is not one LABELS knows (or that have none), and what was made of them. */
  unrecognised: ColumnNote[];
  /** Whether the table shows no column headings at all. */
  headless: boolean;
}

const CELL_SELECTOR = SELECTORS.gridCell.alternatives.join(',');
const HEADER_SELECTOR = SELECTORS.columnHeader.alternatives.join(',');
const ROW_SELECTOR = SELECTORS.gridRow.alternatives.join(',');
const CONTROL_SELECTOR = 'button, a[href], [role=button], [role=menuitem], [role=link]';

function ownCells(row: Element): Element[] {
  const children = Array.from(row.children);
  if (row.tagName === 'TR') return children.filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
  const marked = children.filter((c) => c.matches(CELL_SELECTOR) || c.matches(HEADER_SELECTOR));
  // A grid row whose cells lost their role: its children are still its cells.
  return marked.length > 0 ? marked : children;
}

/**
 * Whether a row is a row of column headings: `th` / `[role=columnheader]` cells only (the header,
 * or a copy of it repeated in the body), or, for a first row that may be a header drawn like
 * data, at least two known column headings and nothing else.
 */
function isHeaderRow(cells: Element[], mayBeDrawnAsData: boolean): boolean {
  if (cells.length === 0) return false;
  if (cells.every((c) => c.tagName === 'TH' || c.matches(HEADER_SELECTOR))) return true;
  if (!mayBeDrawnAsData) return false;
  let labels = 0;
  for (const cell of cells) {
    const text = visibleText(cell);
    if (!text) continue;
    if (columnOf(text) === null) return false;
    labels++;
  }
  return labels >= 2;
}

/** A table's header cells and body rows as found, before its columns are understood. */
interface RawShape {
  table: Element;
  headerCells: Element[];
  bodyRows: Element[];
  strays: number;
}

/** The header cells and body rows of a `<table>` or an ARIA grid; header copies are dropped. */
function rawShapeOf(table: Element): RawShape {
  let headerCells: Element[] = [];
  let rows: Element[] = [];
  let strays = 0;
  if (table.tagName === 'TABLE') {
    // Children by tag rather than tHead/tBodies: the same code runs on every DOM implementation.
    const sections = Array.from(table.children);
    const head = sections.find((c) => c.tagName === 'THEAD');
    const headRow = head ? Array.from(head.children).find((c) => c.tagName === 'TR') : undefined;
    headerCells = headRow ? ownCells(headRow) : [];
    for (const body of sections.filter((c) => c.tagName === 'TBODY')) {
      for (const child of Array.from(body.children)) {
        if (child.tagName === 'TR') rows.push(child);
        else strays++;
      }
    }
    // A table without a body section still has rows (parsers add one; other renderers may not).
    for (const child of sections) if (child.tagName === 'TR') rows.push(child);
  } else {
    rows = Array.from(table.querySelectorAll(ROW_SELECTOR)).filter(
      (r) => r.closest(SELECTORS.table.alternatives.join(',')) === table,
    );
    // Whatever shares a parent with the rows but is not a row is something we cannot read.
    const groups = new Set(
      rows.flatMap((r): Element[] => (r.parentElement ? [r.parentElement] : [])),
    );
    for (const group of groups) {
      for (const child of Array.from(group.children)) {
        // Row groups that hold rows, header cells and hidden decorations are not strays.
        if (
          !rows.includes(child) &&
          !child.matches(HEADER_SELECTOR) &&
          !isHidden(child) &&
          !rows.some((r) => child.contains(r))
        )
          strays++;
      }
    }
  }
  // Header rows (the first one names the columns when there was no <thead>) are never data
  // rows: a grid's header row, a first row of th-like cells, a sticky copy of the headings.
  const bodyRows: Element[] = [];
  for (const row of rows) {
    const cells = ownCells(row);
    // Until a header is found, the first row may be one drawn like data; after it, only rows of
    // header cells are (a copy of the header, repeated inside the body).
    if (!isHeaderRow(cells, headerCells.length === 0 && bodyRows.length === 0)) bodyRows.push(row);
    else if (headerCells.length === 0 && bodyRows.length === 0) headerCells = cells;
  }
  return { table, headerCells, bodyRows, strays };
}

/** What a cell holds, judged by its text and controls; null when it is empty. */
type CellClass =
  | 'email'
  /** A name with an email address under it. */
  | 'person'
  | 'bcRole'
  | 'assetRole'
  /** A word that is a role both in a Business Center and on an ad account ("Admin"). */
  | 'eitherRole'
  | 'status'
  /** A count of assets, "(3)" or "3 ad accounts". */
  | 'count'
  /** A Business Center ID: 15 to 20 digits. */
  | 'id'
  /** Buttons or links only: the action column. */
  | 'actions'
  | 'words';

const LONG_ID = /^(?:ID:?\s*)?[0-9]{15,20}$/i;
const COUNT = /^\(?[0-9]{1,6}\)?(?:\s+\S+){0,3}$|\([0-9]{1,6}\)$/;

/** The role words of a cell, split where a cell lists several ("Admin, Finance analyst"). */
function roleParts(segments: readonly string[]): string[] {
  return segments
    .flatMap((s) => s.split(/[,;·/|、，]/))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The words of some labels, folded once, to tell a cell's class with one lookup. */
const folded = (...options: Array<Record<string, readonly string[]>>) =>
  new Set(options.flatMap((o) => Object.values(o).flat()).map(fold));
interface CellWords {
  bcRoles: ReadonlySet<string>;
  assetRoles: ReadonlySet<string>;
  statuses: ReadonlySet<string>;
}
/** The role and status words cells are told by, folded; built the first time a cell is. */
let cellWords: CellWords | undefined;
// Words handed over late (the page agent's) are folded anew, the headings' too.
onLabelsChanged(() => {
  cellWords = undefined;
  columnByHeading = undefined;
});
const words = (): CellWords =>
  (cellWords ??= {
    bcRoles: folded(PAGE_LABELS.bcRole, PAGE_LABELS.financeRole),
    assetRoles: folded(PAGE_LABELS.assetRole),
    statuses: folded(PAGE_LABELS.status),
  });

function classOfCell(cell: Element): CellClass | null {
  const segments = textSegments(cell);
  const text = segments.join(' ');
  const controls = Array.from(cell.querySelectorAll(CONTROL_SELECTOR));
  if (!text || EMPTY.has(text)) return controls.length > 0 ? 'actions' : null;
  if (EMAIL.test(text)) return 'email';
  // Full-width digits and brackets (Japanese, Chinese) read as their ASCII forms once folded.
  const plain = fold(text);
  if (LONG_ID.test(plain)) return 'id';
  const { bcRoles, assetRoles, statuses } = words();
  if (statuses.has(fold(text))) return 'status';
  const parts = roleParts(segments);
  const bc = parts.length > 0 && parts.every((p) => bcRoles.has(fold(p)));
  const asset = assetRoles.has(fold(text));
  if (bc && asset) return 'eitherRole';
  if (bc) return 'bcRole';
  if (asset) return 'assetRole';
  if (COUNT.test(plain)) return 'count';
  if (segments.some((s) => EMAIL.test(s))) return 'person';
  // Every piece of text sits on a control (Edit, Remove, View, ⋯): the action column.
  if (
    controls.length > 0 &&
    segments.every((s) => controls.some((c) => visibleText(c).includes(s)))
  )
    return 'actions';
  return 'words';
}

/** What a column holds, from the classes of its cells: the class most of them share. */
function classOfColumn(cells: ReadonlyArray<Element | undefined>): CellClass | null {
  const counts = new Map<CellClass, number>();
  let filled = 0;
  for (const cell of cells) {
    const c = cell ? classOfCell(cell) : null;
    if (!c) continue;
    filled++;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (filled === 0) return null;
  const either = counts.get('eitherRole') ?? 0;
  // "Admin" fits either role column: the other cells of the column say which it is.
  const bc = counts.get('bcRole') ?? 0;
  const asset = counts.get('assetRole') ?? 0;
  if (bc > 0 && asset === 0 && (bc + either) * 2 >= filled) return 'bcRole';
  if (asset > 0 && bc === 0 && (asset + either) * 2 >= filled) return 'assetRole';
  const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return n * 2 >= filled ? top : null;
}

const COLUMN_FOR: Partial<Record<CellClass, Column>> = {
  email: 'email',
  bcRole: 'bcRole',
  assetRole: 'permission',
  status: 'status',
  id: 'bcId',
  count: 'ignored',
  actions: 'ignored',
};

/** The value found most often (the first of equals); 0 for none. */
function commonest(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [v, n] of counts) if (n > most) [best, most] = [v, n];
  return best;
}

/** A raw shape understood as an access table, or null when its columns do not make one. */
function understand(raw: RawShape): TableShape | null {
  const headers = raw.headerCells.map((c) => visibleText(c));
  const rows = raw.bodyRows.map((row) => ({ row, cells: ownCells(row) }));
  const width = headers.length > 0 ? headers.length : commonest(rows.map((r) => r.cells.length));
  const columns: Array<Column | null> = Array.from({ length: width }, (_, i) =>
    i < headers.length ? columnOf(headers[i]!) : null,
  );
  const byHeaders = accessTableKind(columns);
  const unrecognised: ColumnNote[] = [];
  let contentEvidence = false;
  for (let i = 0; i < width; i++) {
    if (columns[i] !== null) continue;
    const header = headers[i] ?? '';
    const note: ColumnNote = { index: i, header, column: null };
    unrecognised.push(note);
    // A heading the readers do not know (another language, a new word): the cells say what the
    // column is. Known headings are trusted as they are.
    const holds = classOfColumn(rows.map((r) => r.cells[i]));
    if (!holds) continue;
    note.holds = holds;
    let column = COLUMN_FOR[holds] ?? null;
    if (column && columns.includes(column)) column = null; // a second column of a kind: not read
    if (column) {
      columns[i] = column;
      note.column = column;
      if (holds === 'bcRole' || holds === 'assetRole' || holds === 'count') contentEvidence = true;
    }
  }
  // With no name column known, the first column of words (or names over emails) names the rows.
  if (!columns.includes('name') && !columns.includes('partnerName')) {
    // Names over emails first; among columns of words, the one whose cells differ most (names
    // are each someone's; a column of labels repeats itself).
    const distinct = (n: ColumnNote) =>
      new Set(rows.map((r) => (r.cells[n.index] ? visibleText(r.cells[n.index]!) : ''))).size;
    const named =
      unrecognised.find((n) => n.holds === 'person') ??
      unrecognised
        .filter((n) => n.holds === 'words')
        .reduce<ColumnNote | undefined>(
          (a, b) => (a && distinct(a) >= distinct(b) ? a : b),
          undefined,
        );
    if (named) {
      named.column = columns.includes('bcId') ? 'partnerName' : 'name';
      columns[named.index] = named.column;
    }
  }
  // An "Admin"-only role column belongs to whichever role column the table still lacks: an ad
  // account's partners have a permission and a BC ID; Business Center members have a status.
  const ambiguous = unrecognised.find((n) => n.holds === 'eitherRole' && n.column === null);
  if (ambiguous && columns.includes('bcId') && !columns.includes('permission')) {
    ambiguous.column = 'permission';
    columns[ambiguous.index] = 'permission';
    contentEvidence = true;
  }
  const kind = accessTableKind(columns);
  if (!kind) return null;
  // Judged by its cells alone, a table is about access only when a column holds roles or asset
  // counts: a list of ad accounts also has names and long IDs.
  if (!byHeaders && !contentEvidence && !columns.includes('email')) return null;
  return {
    table: raw.table,
    parts: [raw.table],
    headers,
    columns,
    kind,
    rows,
    strays: raw.strays,
    unrecognised,
    headless: raw.headerCells.length === 0,
  };
}

/** Whether `b` sits within a few levels of `a` (a scroll table's header and body parts). */
function near(a: Element, b: Element): boolean {
  let scope: Element | null = a.parentElement;
  for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
    if (scope.contains(b)) return true;
  }
  return false;
}

/** The access tables shown on the page (outside dialogs, not hidden), in document order. */
export function findAccessTables(
  root: Root,
  { shadows = true }: { shadows?: ShadowScope } = {},
): TableShape[] {
  const candidates = queryAllDeep(root, SELECTORS.table.alternatives, { shadows })
    .filter((t) => !isHiddenDeep(t) && !t.closest(SELECTORS.dialog.alternatives.join(',')))
    .sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
  const raws = candidates.map(rawShapeOf);
  const shapes: TableShape[] = [];
  const joined = new Set<RawShape>();
  raws.forEach((raw, i) => {
    if (joined.has(raw)) return;
    if (raw.headerCells.length > 0 && raw.bodyRows.length === 0) {
      // A scroll table (Arco, bui): a header-only <table> followed by a body-only one.
      const body = raws
        .slice(i + 1)
        .find(
          (r) =>
            r.headerCells.length === 0 &&
            r.bodyRows.length > 0 &&
            !r.table.contains(raw.table) &&
            !raw.table.contains(r.table),
        );
      if (body && near(raw.table, body.table)) {
        const shape = understand({ ...body, headerCells: raw.headerCells });
        if (shape) {
          joined.add(body);
          shapes.push({ ...shape, parts: [body.table, raw.table] });
          return;
        }
      }
    }
    const shape = understand(raw);
    if (shape) shapes.push(shape);
  });
  // Where candidates nest (a `.bui-table` wrapper around the table), the innermost one read; a
  // header-only copy (a sticky header) says nothing beside a table that has rows.
  const innermost = shapes.filter((s) => !shapes.some((o) => o !== s && s.table.contains(o.table)));
  const withRows = innermost.filter((s) => s.rows.length > 0);
  return withRows.length > 0 ? withRows : innermost;
}

function pick<T extends string>(text: string, options: Record<T, readonly string[]>): T | null {
  for (const [value, labels] of Object.entries(options) as Array<[T, readonly string[]]>) {
    if (isLabel(text, labels)) return value;
  }
  return null;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const BC_ID = /^[0-9]{6,25}$/;
const EMPTY = new Set(['', '—', '-', '–', '--']);

function cellText(cell: Element | undefined): string {
  return cell ? visibleText(cell) : '';
}

/** Whether a piece of text was cut short by the page ("Bartholomew Alexander Fitz…"). */
const truncated = (text: string) => /(…|\.\.\.)$/.test(text.trim());

function readRow(
  shape: TableShape,
  cells: Element[],
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
    const read = readNameAndEmail(textSegments(nameCell));
    if (read.problem) fail(read.problem);
    else if (read.email) {
      row.email = read.email;
      row.name = read.name;
    }
  }

  if (partner) {
    const id = cellText(cellFor('bcId')).replace(/^ID:?\s*/i, '');
    if (BC_ID.test(id)) row.partnerBcId = id;
    else fail(say.notBcId(id));
  }

  if (shape.kind === 'bc-members') {
    const parts = roleParts(textSegments(cellFor('bcRole')!));
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

/** What the table's surroundings say about rows not shown: other pages, or rows not drawn. */
interface Paging {
  /** The number of records the table says it holds, or null when it does not say. */
  total: number | null;
  /** Why rows may exist that are not in the page, when something says so without a total. */
  more: MoreReason | null;
  /** The pages the pager shows, or the page size it shows full. */
  n?: number;
}

/** "1-10 of 57", "1 – 10 / 57", "Showing 1 to 10 of 57": the last number is the total. */
const RANGE =
  /(?:^|\D)([0-9][0-9,.]*)\s*(?:[-–—~]|to)\s*([0-9][0-9,.]*)\s*(?:\/|[^\d\s/-]{1,12})\s*([0-9][0-9,.]*)\D{0,16}$/i;
/** "10 / page", "20 per page", "10 条/页": a page-size selector's value. */
const PAGE_SIZE = /^([0-9]{1,4})\s*(?:\/\s*\S{1,12}|per\s+page|条\/页|件\/ページ|개씩)$/i;
/** Elements whose own text may be a pager's: totals, ranges, page numbers, page sizes. */
const PAGER_TEXT = 'span, div, p, li, a, button, select, strong, em, b, label';
/** A pager's next-page control (Arco's `…-pagination-item-next`, `rel=next`, an aria-label). */
const NEXT_CONTROL = '[rel=next], [aria-label*="next" i], [class*="next" i]';

const toNumber = (text: string) => Number(text.replace(/[,.\s]/g, ''));

/** Whether a control is switched off (disabled attribute, aria-disabled, a *-disabled class). */
function disabled(el: Element): boolean {
  return (
    el.hasAttribute('disabled') ||
    el.getAttribute('aria-disabled') === 'true' ||
    /(^|[\s_-])disabled(\s|$)/.test(el.getAttribute('class') ?? '')
  );
}

/** The leaf texts, page buttons and next-page controls around a table (not inside it). */
function paging(table: Element, shown: number): Paging {
  let total: number | null = null;
  let pageSize: number | null = null;
  const pages = new Set<number>();
  let next = false;
  let lastPage = false;
  // Look in the table's surroundings (the pager is a sibling of the table or of its wrapper),
  // once, from the widest of them; hidden and dialog elements are ruled out only where they match.
  let scope: Element = table;
  for (let depth = 0; depth < 4 && scope.parentElement; depth++) scope = scope.parentElement;
  const visible = (el: Element) =>
    !isHiddenDeep(el) && !el.closest(SELECTORS.dialog.alternatives.join(','));
  for (const el of Array.from(scope.querySelectorAll(NEXT_CONTROL))) {
    if (table.contains(el) || el.contains(table) || !visible(el)) continue;
    if (disabled(el)) lastPage = true;
    else next = true;
  }
  for (const el of Array.from(scope.querySelectorAll(PAGER_TEXT))) {
    if (table.contains(el)) continue;
    if (el.children.length > 0 && el.tagName !== 'SELECT') continue;
    const text =
      el.tagName === 'SELECT'
        ? visibleText(el.parentElement ?? el)
        : (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > 60 || !/[0-9]/.test(text)) continue;
    if (!visible(el)) continue;
    if (total === null) {
      for (const pattern of recordsTotalLabels()) {
        const match = pattern.exec(text);
        if (match && Number.isSafeInteger(toNumber(match[1]!))) total = toNumber(match[1]!);
      }
    }
    const range = total === null ? RANGE.exec(text) : null;
    if (range) {
      const [from, to, of] = [range[1]!, range[2]!, range[3]!].map(toNumber) as [
        number,
        number,
        number,
      ];
      if (from <= to && to <= of && Number.isSafeInteger(of)) total = of;
    }
    const size = PAGE_SIZE.exec(text);
    if (size) pageSize = Number(size[1]);
    // Page numbers: buttons and items of a pager, not the options of a page-size list.
    if (
      /^[0-9]{1,4}$/.test(text) &&
      el.closest('button, a, li, [role=button]') &&
      !el.closest('[role=option], [role=listbox], select, option')
    )
      pages.add(Number(text));
  }
  if (total !== null) return { total, more: null };
  if (next) return { total, more: 'nextEnabled' };
  if (pages.size > 0 && Math.max(...pages) > 1)
    return { total, more: 'pagerPages', n: Math.max(...pages) };
  if (pageSize !== null && shown >= pageSize) return { total, more: 'fullPage', n: pageSize };
  // A pager that shows page 1 and neither a total nor a switched-off next-page control does not
  // say whether this page is the last.
  if (pages.size > 0 && !lastPage) return { total, more: 'pagerSilent' };
  return { total, more: null };
}

/** The px value of an inline style property (`top`, `height`, `translateY`), or null. */
function inlinePx(style: string, property: RegExp): number | null {
  const match = property.exec(style);
  return match ? Number(match[1]) : null;
}

/**
 * The problem of a table that draws only some of its rows (a virtualized table: only the rows in
 * view are in the DOM), saying why, or null when nothing says so: `aria-rowcount` above the rows present, `aria-rowindex`
 * leaving gaps, or rows placed by offset in a scroll area taller than they fill.
 */
function virtualized(shape: TableShape): string | null {
  const present = shape.rows.length + (shape.headless ? 0 : 1);
  const undrawn = (reason: UndrawnReason, count = 0) => say.undrawn(reason, count, present);
  for (const part of shape.parts) {
    const count = Number(part.getAttribute('aria-rowcount'));
    if (part.getAttribute('aria-rowcount') === '-1') return undrawn('rowCountUnknown');
    if (Number.isInteger(count) && count > present) return undrawn('rowCount', count);
  }
  const indexes = shape.rows
    .map(({ row }) => Number(row.getAttribute('aria-rowindex')))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (indexes.length > 0) {
    const first = shape.headless ? 1 : 2;
    if (
      Math.min(...indexes) > first ||
      Math.max(...indexes) - Math.min(...indexes) + 1 > indexes.length
    )
      return undrawn('rowIndexGaps');
  }
  const offsets = shape.rows
    .map(({ row }) => {
      const style = row.getAttribute('style') ?? '';
      return (
        inlinePx(style, /translateY\(\s*(-?[0-9.]+)px/) ??
        inlinePx(style, /(?:^|;)\s*top\s*:\s*(-?[0-9.]+)px/)
      );
    })
    .filter((n): n is number => n !== null)
    .sort((a, b) => a - b);
  if (offsets.length > 0 && offsets.length === shape.rows.length) {
    const step = offsets.length > 1 ? offsets[1]! - offsets[0]! : 0;
    const holder = shape.rows[0]!.row.parentElement;
    const height = holder
      ? inlinePx(holder.getAttribute('style') ?? '', /(?:^|;)\s*(?:min-)?height\s*:\s*([0-9.]+)px/)
      : null;
    if (step > 0 && offsets[0]! >= step) return undrawn('scrolledOut');
    if (step > 0 && height !== null && height > offsets.at(-1)! + 2 * step)
      return undrawn('drawsInView');
  }
  return null;
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
  return readTables(root, shadows).reading;
}

/** A reading and the table elements it came from (none when it found no table). */
function readTables(
  root: Document,
  shadows: ShadowScope,
): { reading: AccessTableReading; tables: Element[] } {
  try {
    return readAccessTableUnsafe(root, shadows);
  } catch (error) {
    return {
      reading: {
        rows: [],
        complete: false,
        problems: [say.unreadable(error instanceof Error ? error.message : String(error))],
      },
      tables: [],
    };
  }
}

/** Read a table's rows into `rows`, once each across tables (`seen`); problems go to `problem`. */
function readShapeRows(
  shape: TableShape,
  seen: Set<string>,
  rows: AccessRow[],
  problem: (text: string) => void,
): void {
  const rowProblems: string[] = [];
  shape.rows.forEach(({ cells }, i) => {
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
 * The rows of the access tables on the page, without judging whether they are all of them (no
 * pager or virtualization check): for the watcher, which passes rows on and leaves the judging to
 * the panel. Never throws.
 */
export function readAccessRows(
  root: Document,
  { shadows = true }: { shadows?: ShadowScope } = {},
): AccessRow[] {
  try {
    const rows: AccessRow[] = [];
    const seen = new Set<string>();
    for (const shape of findAccessTables(root, { shadows }))
      readShapeRows(shape, seen, rows, () => {});
    return rows;
  } catch {
    return [];
  }
}

function readAccessTableUnsafe(
  root: Document,
  shadows: ShadowScope,
): { reading: AccessTableReading; tables: Element[] } {
  // Problems that leave rows unread or unchecked make the reading incomplete; notes (a column
  // recognised by its cells rather than its heading) say how it was read and leave it complete.
  const problems: string[] = [];
  let blocking = 0;
  const problem = (text: string) => {
    problems.push(text);
    blocking++;
  };
  const note = (text: string) => problems.push(text);
  const shapes = findAccessTables(root, { shadows });
  if (shapes.length === 0) {
    const loading = queryAllDeep(root, SELECTORS.loading.alternatives, { shadows }).some(
      (e) => !isHiddenDeep(e),
    );
    const reading: AccessTableReading = {
      rows: [],
      complete: false,
      problems: [loading ? say.loading() : say.noTable()],
    };
    return { reading, tables: [] };
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
    const { total, more, n = 0 } = paging(shape.table, shape.rows.length);
    if (total !== null && total > shape.rows.length) problem(say.otherPages(shown, total));
    else if (total !== null && total < shape.rows.length)
      problem(say.moreRowsThanTotal(shape.rows.length, total));
    else if (more) problem(say.mayHaveMore(shown, more, n));
    const undrawn = virtualized(shape);
    if (undrawn) problem(undrawn);
  }
  return {
    reading: { rows, complete: blocking === 0, problems },
    tables: shapes.flatMap((s) => s.parts),
  };
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

const TABLE_SELECTOR = SELECTORS.table.alternatives.join(',');

/** Class names the reader's selectors look for: only a change to one of these can matter to it. */
const READER_CLASSES: ReadonlySet<string> = new Set(
  [
    SELECTORS.table,
    SELECTORS.gridRow,
    SELECTORS.gridCell,
    SELECTORS.columnHeader,
    SELECTORS.dialog,
    SELECTORS.loading,
  ].flatMap((t) =>
    t.alternatives.flatMap((s) => [...s.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!)),
  ),
);

function classTokens(value: string | null | undefined): Set<string> {
  return new Set((value ?? '').split(/\s+/).filter(Boolean));
}

/** Whether a change of `class` (the record carries the old value) adds or drops a reader class. */
function readerClassChanged(record: MutationRecord): boolean {
  const before = classTokens(record.oldValue);
  const after = classTokens((record.target as Element).getAttribute?.('class'));
  for (const c of before) if (!after.has(c) && READER_CLASSES.has(c)) return true;
  for (const c of after) if (!before.has(c) && READER_CLASSES.has(c)) return true;
  return false;
}

/** The element a table's reading looks around in (for the "N Records in Total" count). */
function surroundings(table: Element): Element {
  let scope = table;
  for (let depth = 0; depth < 4 && scope.parentElement; depth++) scope = scope.parentElement;
  return scope;
}

/** The shadow host of the tree `node` is in, or null in the document itself. */
function hostOf(node: Node): Element | null {
  const top = node.getRootNode();
  return top.nodeType === 11 && 'host' in top ? (top as ShadowRoot).host : null;
}

/** Whether an added node is, or holds, something that might be read as a table. */
function bringsTable(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  try {
    return el.matches(TABLE_SELECTOR) || el.querySelector(TABLE_SELECTOR) !== null;
  } catch {
    return true;
  }
}

/**
 * Whether these page changes could change what was read from `tables` (the elements a reading
 * came from): a change in or around one of them, a change to an ancestor's hidden state, a table
 * added anywhere, or one of them gone. Changes elsewhere (a dialog or a toast at the end of body,
 * the menu's current item) and class names the reader never looks for (hashed build classes)
 * cannot. With no table read, any change could bring one. `class` records must carry old values.
 */
export function tableTouched(
  tables: readonly Element[],
  records: Iterable<MutationRecord>,
): boolean {
  const list = Array.from(records);
  if (list.length === 0) return false;
  if (tables.length === 0 || tables.some((t) => !t.isConnected)) return true;
  const scopes = tables.map(surroundings);
  for (const record of list) {
    if (record.type === 'attributes') {
      const name = record.attributeName;
      // What the reader never reads: the menu's and steps' current item, checkboxes.
      if (name === 'aria-current' || name === 'aria-checked') continue;
      if (name === 'class' && !readerClassChanged(record)) continue;
    }
    const target = record.target;
    // A cell's text may sit in a shadow root (the reader reads open ones): look from each host.
    for (let at: Node | null = target; at; at = hostOf(at))
      if (scopes.some((s) => s.contains(at))) return true;
    if (record.type === 'attributes' && tables.some((t) => target.contains(t))) return true;
    if (record.type === 'childList' && Array.from(record.addedNodes).some(bringsTable)) return true;
  }
  return false;
}

/**
 * `readAccessTable` for a page that changes under observation: it reads again only when the
 * changes it was told of (`changed`) could change the reading, else it gives the last one. Open
 * shadow roots come from `shadows` (a `ShadowRootTracker`) rather than a walk of the whole DOM.
 */
export class AccessTableReader {
  private last: { reading: AccessTableReading; tables: Element[] } | null = null;

  constructor(
    private readonly root: Document,
    private readonly shadows: ShadowScope = true,
  ) {}

  /** The page changed: the next `read` reads afresh if these changes could matter to it. */
  changed(records: Iterable<MutationRecord>): void {
    if (this.last && tableTouched(this.last.tables, records)) this.last = null;
  }

  /** Read afresh next time, whatever changed (e.g. a new shadow root appeared). */
  invalidate(): void {
    this.last = null;
  }

  /** The access table now: the last reading while nothing that matters to it changed. */
  read(): AccessTableReading {
    this.last ??= readTables(this.root, this.shadows);
    return this.last.reading;
  }
}
