/**
 * Whether a table shows all its rows: what its surroundings say of rows on other pages (a
 * pager's total, range, page numbers, page size, next-page control) and whether it draws only
 * the rows in view (a virtualized table). A reading that may miss rows is incomplete. Works on
 * the table as data (table-data.ts), in the companion frame.
 */
import { recordsTotalLabels } from './page-labels';
import type { PagerData, TableData } from './table-data';
import type { MoreReason, UndrawnReason } from './table-problems';
import { TABLE_PROBLEMS as say } from './table-problems';

/** What the table's surroundings say about rows not shown: other pages, or rows not drawn. */
export interface Paging {
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
const toNumber = (text: string) => Number(text.replace(/[,.\s]/g, ''));

/** What a table's pager (see table-data.ts) says of rows on other pages; `shown`: rows shown. */
export function paging({ texts, nextDisabled }: PagerData, shown: number): Paging {
  let total: number | null = null;
  let pageSize: number | null = null;
  const pages = new Set<number>();
  const next = nextDisabled.includes(false);
  const lastPage = nextDisabled.includes(true);
  for (const [text, pageButton] of texts) {
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
    if (pageButton && /^[0-9]{1,4}$/.test(text)) pages.add(Number(text));
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
export function virtualized(table: TableData): string | null {
  const present = table.rows.length + (table.headless ? 0 : 1);
  const undrawn = (reason: UndrawnReason, count = 0) => say.undrawn(reason, count, present);
  for (const rowCount of table.rowCounts) {
    const count = Number(rowCount);
    if (rowCount === '-1') return undrawn('rowCountUnknown');
    if (Number.isInteger(count) && count > present) return undrawn('rowCount', count);
  }
  const indexes = table.rowIndexes
    .map((index) => Number(index))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (indexes.length > 0) {
    const first = table.headless ? 1 : 2;
    if (
      Math.min(...indexes) > first ||
      Math.max(...indexes) - Math.min(...indexes) + 1 > indexes.length
    )
      return undrawn('rowIndexGaps');
  }
  const offsets = table.rowStyles
    .map((raw) => {
      const style = raw ?? '';
      return (
        inlinePx(style, /translateY\(\s*(-?[0-9.]+)px/) ??
        inlinePx(style, /(?:^|;)\s*top\s*:\s*(-?[0-9.]+)px/)
      );
    })
    .filter((n): n is number => n !== null)
    .sort((a, b) => a - b);
  if (offsets.length > 0 && offsets.length === table.rows.length) {
    const step = offsets.length > 1 ? offsets[1]! - offsets[0]! : 0;
    const height =
      table.holderStyle !== null
        ? inlinePx(table.holderStyle, /(?:^|;)\s*(?:min-)?height\s*:\s*([0-9.]+)px/)
        : null;
    if (step > 0 && offsets[0]! >= step) return undrawn('scrolledOut');
    if (step > 0 && height !== null && height > offsets.at(-1)! + 2 * step)
      return undrawn('drawsInView');
  }
  return null;
}
