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
import { LABELS, SELECTORS } from './selectors';

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

type Column = 'name' | 'email' | 'status' | 'bcRole' | 'permission' | 'partnerName' | 'bcId';

/** Which kind of access table a set of columns makes. */
export type AccessTableKind = 'bc-members' | 'bc-partners' | 'asset-members' | 'asset-partners';

const HEADER_LABELS: ReadonlyArray<readonly [Column, readonly string[]]> = [
  // Partner name before name: "Partner" must not read as a person's name column.
  ['partnerName', LABELS.colPartnerName],
  ['bcId', LABELS.colBcId],
  ['name', LABELS.colName],
  ['email', LABELS.colEmail],
  ['status', LABELS.colStatus],
  ['bcRole', LABELS.colBcRole],
  ['permission', LABELS.colPermission],
];

function columnOf(label: string): Column | null {
  for (const [column, labels] of HEADER_LABELS) if (isLabel(label, labels)) return column;
  return null;
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
}

const CELL_SELECTOR = SELECTORS.gridCell.alternatives.join(',');
const HEADER_SELECTOR = SELECTORS.columnHeader.alternatives.join(',');
const ROW_SELECTOR = SELECTORS.gridRow.alternatives.join(',');

function ownCells(row: Element): Element[] {
  const children = Array.from(row.children);
  if (row.tagName === 'TR') return children.filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
  const marked = children.filter((c) => c.matches(CELL_SELECTOR) || c.matches(HEADER_SELECTOR));
  // A grid row whose cells lost their role: its children are still its cells.
  return marked.length > 0 ? marked : children;
}

/** A table's header cells and body rows as found, before its columns are understood. */
interface RawShape {
  table: Element;
  headerCells: Element[];
  bodyRows: Element[];
  strays: number;
}

/** The header cells and body rows of a `<table>` or an ARIA grid. */
function rawShapeOf(table: Element): RawShape {
  let headerCells: Element[] = [];
  let bodyRows: Element[] = [];
  let strays = 0;
  if (table.tagName === 'TABLE') {
    // Children by tag rather than tHead/tBodies: the same code runs on every DOM implementation.
    const sections = Array.from(table.children);
    const head = sections.find((c) => c.tagName === 'THEAD');
    const headRow = head ? Array.from(head.children).find((c) => c.tagName === 'TR') : undefined;
    headerCells = headRow ? ownCells(headRow) : [];
    const bodies = sections.filter((c) => c.tagName === 'TBODY');
    for (const body of bodies) {
      for (const child of Array.from(body.children)) {
        if (child.tagName === 'TR') bodyRows.push(child);
        else strays++;
      }
    }
    if (headerCells.length === 0 && bodyRows.length > 0) {
      // No <thead>: the first row holds the headers when its cells are <th>.
      const first = bodyRows[0]!;
      if (Array.from(first.children).some((c) => c.tagName === 'TH')) {
        headerCells = Array.from(first.children);
        bodyRows = bodyRows.slice(1);
      }
    }
  } else {
    const rows = Array.from(table.querySelectorAll(ROW_SELECTOR)).filter(
      (r) => r.closest(SELECTORS.table.alternatives.join(',')) === table,
    );
    const headerRow =
      rows.find((r) => r.querySelector(HEADER_SELECTOR)) ??
      (rows[0] && ownCells(rows[0]).some((c) => columnOf(visibleText(c)) !== null)
        ? rows[0]
        : undefined);
    if (headerRow) headerCells = ownCells(headerRow);
    bodyRows = rows.filter((r) => r !== headerRow);
    // Whatever shares a parent with the body rows but is not a row is something we cannot read.
    const groups = new Set(
      bodyRows.flatMap((r): Element[] => (r.parentElement ? [r.parentElement] : [])),
    );
    for (const group of groups) {
      for (const child of Array.from(group.children)) if (!bodyRows.includes(child)) strays++;
    }
  }
  return { table, headerCells, bodyRows, strays };
}

/** A raw shape understood as an access table, or null when its columns do not make one. */
function understand(raw: RawShape): TableShape | null {
  const headers = raw.headerCells.map((c) => visibleText(c));
  const columns = headers.map(columnOf);
  const kind = accessTableKind(columns);
  if (!kind) return null;
  return {
    table: raw.table,
    parts: [raw.table],
    headers,
    columns,
    kind,
    rows: raw.bodyRows.map((row) => ({ row, cells: ownCells(row) })),
    strays: raw.strays,
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
  raws.forEach((raw, i) => {
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
        const joined = understand({ ...body, headerCells: raw.headerCells });
        if (joined) {
          shapes.push({ ...joined, parts: [body.table, raw.table] });
          return;
        }
      }
    }
    const shape = understand(raw);
    if (shape) shapes.push(shape);
  });
  // Where candidates nest (a `.bui-table` wrapper around the table), the innermost one read.
  return shapes.filter((s) => !shapes.some((o) => o !== s && s.table.contains(o.table)));
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
  const where = `Row ${at + 1}`;
  if (cells.length !== shape.columns.length) {
    problems.push(`${where} could not be read: its cells do not line up with the table's columns.`);
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
    problems.push(`${where}: ${message}`);
    readable = false;
  };
  if (truncated(name)) fail(`the name "${name}" is cut short on the page.`);

  if (shape.columns.includes('email')) {
    const email = cellText(cellFor('email'));
    if (EMAIL.test(email)) row.email = email;
    else if (!EMPTY.has(email)) fail(`"${email}" is not an email address.`);
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
    else fail(`the partner's Business Center ID "${id}" is not one.`);
  }

  if (shape.kind === 'bc-members') {
    const parts = textSegments(cellFor('bcRole')!)
      .flatMap((s) => s.split(/[,;·/|]/))
      .map((s) => s.trim())
      .filter(Boolean);
    const bcRoles = new Set<'admin' | 'standard'>();
    const financeRoles = new Set<'manager' | 'analyst'>();
    for (const part of parts) {
      const bc = pick(part, LABELS.bcRole);
      const finance = pick(part, LABELS.financeRole);
      if (bc) bcRoles.add(bc);
      else if (finance) financeRoles.add(finance);
      else fail(`the role "${part}" is not one the extension knows.`);
    }
    if (bcRoles.size === 1) row.bcRole = [...bcRoles][0];
    else if (bcRoles.size > 1) fail('it shows more than one Business Center role.');
    else fail('its Business Center role could not be read.');
    if (financeRoles.size === 1) row.financeRole = [...financeRoles][0];
    else if (financeRoles.size > 1) fail('it shows more than one finance role.');
  }

  if (shape.kind === 'asset-members' || shape.kind === 'asset-partners') {
    const text = cellText(cellFor('permission'));
    const role = pick(text, LABELS.assetRole);
    if (role) row.assetRole = role;
    else fail(`the permission "${text}" is not one the extension knows.`);
  }

  if (shape.columns.includes('status')) {
    const text = cellText(cellFor('status'));
    const status = pick(text, LABELS.status);
    if (status) row.status = status;
    else fail(`the status "${text}" is not one the extension knows.`);
  } else if (shape.kind === 'bc-members') {
    fail('its status could not be read (no status column).');
  }

  if (!row.name && !row.email && !row.partnerBcId) fail('it names no one.');
  return readable || row.name || row.email || row.partnerBcId ? row : null;
}

/** The "N Records in Total" count near a table, or null when there is none. */
function recordsTotal(table: Element): number | null {
  // Look in the table's surroundings (the pager is a sibling of the table or of its wrapper).
  let scope: Element | null = table.parentElement;
  for (let depth = 0; scope && depth < 4; depth++, scope = scope.parentElement) {
    for (const el of Array.from(scope.querySelectorAll('span, div, p, li'))) {
      if (table.contains(el) || el.contains(table) || el.children.length > 0 || isHidden(el))
        continue;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      for (const pattern of LABELS.recordsTotal) {
        const match = pattern.exec(text);
        if (match) {
          const n = Number(match[1]!.replace(/[,.\s]/g, ''));
          if (Number.isSafeInteger(n)) return n;
        }
      }
    }
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
        problems: [
          `The table could not be read (${error instanceof Error ? error.message : String(error)}).`,
        ],
      },
      tables: [],
    };
  }
}

function readAccessTableUnsafe(
  root: Document,
  shadows: ShadowScope,
): { reading: AccessTableReading; tables: Element[] } {
  const problems: string[] = [];
  const shapes = findAccessTables(root, { shadows });
  if (shapes.length === 0) {
    const loading = queryAllDeep(root, SELECTORS.loading.alternatives, { shadows }).some(
      (e) => !isHiddenDeep(e),
    );
    const reading: AccessTableReading = {
      rows: [],
      complete: false,
      problems: [
        loading
          ? 'The table of members or partners is still loading.'
          : 'No table of members or partners is shown on this page.',
      ],
    };
    return { reading, tables: [] };
  }
  const rows: AccessRow[] = [];
  const seen = new Set<string>();
  for (const shape of shapes) {
    const before = rows.length;
    const missing = (['status', 'bcRole', 'permission', 'bcId'] as Column[]).filter(
      (c) =>
        (c === 'status' && shape.kind === 'bc-members' && !shape.columns.includes(c)) ||
        (c === 'bcRole' && shape.kind === 'bc-members' && !shape.columns.includes(c)),
    );
    for (const c of missing)
      problems.push(`The table has no ${c === 'bcRole' ? 'role' : c} column.`);
    shape.headers.forEach((header, i) => {
      if (shape.columns[i] === null && !isLabel(header, LABELS.colIgnored)) {
        problems.push(
          header
            ? `The column "${header}" is not one the extension knows, so its rows may be misread.`
            : `Column ${i + 1} has no heading, so its rows may be misread.`,
        );
      }
    });
    if (shape.strays > 0) {
      problems.push(
        `${shape.strays} line${shape.strays === 1 ? '' : 's'} in the table could not be read as a row.`,
      );
    }
    shape.rows.forEach(({ cells }, i) => {
      const row = readRow(shape, cells, i, problems);
      if (!row) return;
      const key = identity(row) + JSON.stringify(row);
      if (seen.has(key)) {
        problems.push(`Row ${i + 1} repeats an earlier row; it was counted once.`);
        return;
      }
      seen.add(key);
      rows.push(row);
    });
    const shown = rows.length - before;
    const total = recordsTotal(shape.table);
    if (total === null) {
      problems.push(
        'The number of records in the table could not be found, so some may be missing.',
      );
    } else if (total > shape.rows.length) {
      problems.push(
        `Only ${shown} of ${total} records are shown; the rest are on other pages of the table.`,
      );
    } else if (total < shape.rows.length) {
      problems.push(`The table shows ${shape.rows.length} rows but says it has ${total} records.`);
    }
  }
  return {
    reading: { rows, complete: problems.length === 0, problems },
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
