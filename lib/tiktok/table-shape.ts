// Over 350 lines, one job: telling an access table by its columns, by heading or by cells.
/**
 * Finding the access tables a TikTok page shows and understanding their columns: `<table>`s and
 * ARIA grids, a scroll table's separate header and body, each column by its heading (any language
 * in PAGE_LABELS) or else by what its cells hold. What the rows say is read-table.ts's job; this
 * module is what the watcher needs to tell an access table at all (it lends it to the page agent).
 */
import type { Root, ShadowScope } from './dom';
import { fold, isHidden, isHiddenDeep, queryAllDeep, textSegments, visibleText } from './dom';
import { onLabelsChanged } from './labels/page-word-lists';
import { PAGE_LABELS } from './page-labels';
import { SELECTORS } from './selectors';

export type Column =
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
export interface ColumnNote {
  index: number;
  header: string;
  column: Column | null;
  /** What the cells hold, when the column was recognised by them. */
  holds?: CellClass;
}

export interface TableShape {
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

/** A cell's text that is an email address. */
export const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
/** A cell's text that says there is nothing. */
export const EMPTY = new Set(['', '—', '-', '–', '--']);
const LONG_ID = /^(?:ID:?\s*)?[0-9]{15,20}$/i;
const COUNT = /^\(?[0-9]{1,6}\)?(?:\s+\S+){0,3}$|\([0-9]{1,6}\)$/;

/** The role words of a cell, split where a cell lists several ("Admin, Finance analyst"). */
export function roleParts(segments: readonly string[]): string[] {
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
