/**
 * The access tables a page shows, taken out of its DOM as plain data: each table's columns (as
 * table-shape.ts understands them), its cells' text, and the marks around it that say whether it
 * shows every row (a pager's texts and next-page controls, ARIA row counts and indexes, rows
 * placed by offset). The page agent takes this data and hands it to the companion frame, which
 * interprets it (read-table.ts: the roles, statuses, emails and problems); the agent itself only
 * needs to know whether a table with rows is up.
 */
import type { ShadowScope } from './dom';
import { isHiddenDeep, queryAllDeep, textSegments, visibleText } from './dom';
import { SELECTORS } from './selectors';
import { tableTouched } from './table-changes';
import type { ColumnNote, TableShape } from './table-shape';
import { findAccessTables } from './table-shape';

/** What a table's surroundings show that may say rows are on other pages. */
export interface PagerData {
  /** Short texts with digits around the table (not in it), each with whether it sits on a page button. */
  texts: Array<[text: string, pageButton: boolean]>;
  /** The next-page controls around the table: whether each is switched off. */
  nextDisabled: boolean[];
}

/** One access table as data: its columns as understood, its rows' cells as text segments. */
export interface TableData extends Pick<
  TableShape,
  'headers' | 'columns' | 'kind' | 'strays' | 'headless'
> {
  unrecognised: ColumnNote[];
  /** Each body row's cells, each cell the pieces of text a user sees in it. */
  rows: string[][][];
  /** Each row's `aria-rowindex` and inline `style`, for a table that draws only rows in view. */
  rowIndexes: Array<string | null>;
  rowStyles: Array<string | null>;
  /** The inline `style` of the element that holds the rows. */
  holderStyle: string | null;
  /** Each part's `aria-rowcount`. */
  rowCounts: Array<string | null>;
  pager: PagerData;
}

/** The page's access tables as data; `loading` when there are none and a spinner shows. */
export interface TablesData {
  tables: TableData[];
  loading: boolean;
  /** Why the page could not be read at all, when it could not. */
  error?: string;
}

/** Whether any access table shows rows: the page has rendered what it loads late. */
export const hasRows = (data: TablesData | null | undefined): boolean =>
  !!data?.tables.some((t) => t.rows.length > 0);

/** Elements whose own text may be a pager's: totals, ranges, page numbers, page sizes. */
const PAGER_TEXT = 'span, div, p, li, a, button, select, strong, em, b, label';
/** A pager's next-page control (Arco's `…-pagination-item-next`, `rel=next`, an aria-label). */
const NEXT_CONTROL = '[rel=next], [aria-label*="next" i], [class*="next" i]';

/**
 * The pager's texts and next-page controls around a table (not inside it): in its surroundings,
 * since the pager is a sibling of the table or of its wrapper; hidden and dialog elements left out.
 */
function pagerOf(table: Element): PagerData {
  const texts: PagerData['texts'] = [];
  const nextDisabled: boolean[] = [];
  let scope: Element = table;
  for (let depth = 0; depth < 4 && scope.parentElement; depth++) scope = scope.parentElement;
  const visible = (el: Element) =>
    !isHiddenDeep(el) && !el.closest(SELECTORS.dialog.alternatives.join(','));
  for (const el of Array.from(scope.querySelectorAll(NEXT_CONTROL))) {
    if (table.contains(el) || el.contains(table) || !visible(el)) continue;
    nextDisabled.push(
      el.hasAttribute('disabled') ||
        el.getAttribute('aria-disabled') === 'true' ||
        /(^|[\s_-])disabled(\s|$)/.test(el.getAttribute('class') ?? ''),
    );
  }
  for (const el of Array.from(scope.querySelectorAll(PAGER_TEXT))) {
    if (table.contains(el)) continue;
    const select = el.tagName === 'SELECT';
    if (el.children.length > 0 && !select) continue;
    const text = select
      ? visibleText(el.parentElement ?? el)
      : (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > 60 || !/[0-9]/.test(text) || !visible(el)) continue;
    // Page numbers: buttons and items of a pager, not the options of a page-size list.
    texts.push([
      text,
      !!el.closest('button, a, li, [role=button]') &&
        !el.closest('[role=option], [role=listbox], select, option'),
    ]);
  }
  return { texts, nextDisabled };
}

function dataOf(shape: TableShape): TableData {
  const { headers, columns, kind, strays, headless, unrecognised, rows, parts } = shape;
  return {
    headers,
    columns,
    kind,
    strays,
    headless,
    unrecognised,
    rows: rows.map((r) => r.cells.map((c) => textSegments(c))),
    rowIndexes: rows.map((r) => r.row.getAttribute('aria-rowindex')),
    rowStyles: rows.map((r) => r.row.getAttribute('style')),
    holderStyle: rows[0]?.row.parentElement?.getAttribute('style') ?? null,
    rowCounts: parts.map((p) => p.getAttribute('aria-rowcount')),
    pager: pagerOf(shape.table),
  };
}

/** The access tables on the page as data, with the elements they came from. Never throws. */
function takeTables(root: Document, shadows: ShadowScope): { data: TablesData; parts: Element[] } {
  try {
    const shapes = findAccessTables(root, { shadows });
    return {
      data: {
        tables: shapes.map(dataOf),
        loading:
          shapes.length === 0 &&
          queryAllDeep(root, SELECTORS.loading.alternatives, { shadows }).some(
            (e) => !isHiddenDeep(e),
          ),
      },
      parts: shapes.flatMap((s) => s.parts),
    };
  } catch (error) {
    return { data: { tables: [], loading: false, error: String(error) }, parts: [] };
  }
}

/** The access tables on the page as data (see read-table.ts for what they say). Never throws. */
export function takeTablesData(
  root: Document,
  { shadows = true }: { shadows?: ShadowScope } = {},
): TablesData {
  return takeTables(root, shadows).data;
}

/**
 * `takeTablesData` for a page that changes under observation: it takes the tables again only
 * when the changes it was told of (`changed`) could change them, else it gives the last data
 * (the same object). Open shadow roots come from `shadows` (a `ShadowRootTracker`) rather than a
 * walk of the whole DOM.
 */
export class TablesDataReader {
  private last: { data: TablesData; parts: Element[] } | null = null;

  constructor(
    private readonly root: Document,
    private readonly shadows: ShadowScope = true,
  ) {}

  /** The page changed: the next `read` takes the tables afresh if these changes could matter. */
  changed(records: Iterable<MutationRecord>): void {
    if (this.last && tableTouched(this.last.parts, records)) this.last = null;
  }

  /** Take the tables afresh next time, whatever changed (e.g. a new shadow root appeared). */
  invalidate(): void {
    this.last = null;
  }

  /** The tables now: the last data while nothing that matters to them changed. */
  read(): TablesData {
    this.last ??= takeTables(this.root, this.shadows);
    return this.last.data;
  }
}
