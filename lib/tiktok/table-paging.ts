/**
 * Whether a table shows all its rows: what its surroundings say of rows on other pages (a
 * pager's total, range, page numbers, page size, next-page control) and whether it draws only
 * the rows in view (a virtualized table). A reading that may miss rows is incomplete.
 */
import { isHiddenDeep, visibleText } from './dom';
import { recordsTotalLabels } from './page-labels';
import { SELECTORS } from './selectors';
import type { TableShape } from './table-shape';
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
export function paging(table: Element, shown: number): Paging {
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
export function virtualized(shape: TableShape): string | null {
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
