// Over 350 lines, one job: measuring what the panel keeps clear of, and weighing places by it.
/**
 * Where the companion frame goes: at the bottom of the chosen side, unless that would cover the
 * control to use next or something the page opened (a dialog, drawer, menu or popover); then on
 * the other side; then shrunk to the room left beside them (its content scrolls inside). The
 * page's own controls — the access table's (a row's ⋯ or View button, the pager), the main
 * region's, the navigation's links — and the text of the table's cells it keeps clear of too,
 * so that with nothing running it sits on neither a row's actions, nor the way to another page,
 * nor the names and emails the user reads: on the other side, or shorter; when no place is
 * clear of the text, where it covers the least of it, whole enough to offer the checklists.
 * Pure geometry, apart from {@link pageLayers} and
 * {@link pageControlBoxes}, which find what the page has open and what of it shows.
 */
import { SELECTORS } from '../tiktok/selectors';

/** A rectangle in viewport coordinates. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
  /** The box of text the user reads (a table cell's), not of a control. */
  text?: boolean;
}

/** The frame's place: its side, its top edge and its height (its width is the panel's). */
export interface Placement {
  side: 'left' | 'right';
  top: number;
  height: number;
  /** Nothing kept the panel clear of everything (a tiny window): it covers something still. */
  covering: boolean;
}

export interface PlaceInput {
  viewport: { width: number; height: number };
  /** The panel's natural size (its content unclipped). */
  size: { width: number; height: number };
  side: 'left' | 'right';
  /** What must stay visible: the active step's control and the page's open layers. */
  keep: readonly Box[];
  /**
   * What it should rather not cover: the page's controls (the access table's, the navigation's).
   * Kept clear where a place on either side allows, shrunk to no less than `roomyHeight`; else
   * the full-height place covering the fewest, never at the cost of `keep`.
   */
  clear?: readonly Box[];
  margin?: number;
  /** The least height worth showing (the panel's header). */
  minHeight?: number;
  /**
   * The least height worth shrinking to, to keep clear of the page's controls (`clear`) while
   * keeping most of the panel; below it, see `squeeze`.
   */
  roomyHeight?: number;
  /**
   * Nothing is running: the table's text (boxes marked `text` in `clear`) counts too. When no
   * roomy place is clear of it, the panel takes the roomy place clear of the page's controls that
   * covers the least of the text: the checklists stay offered whole, never cut to a header. With
   * a checklist running the text does not count (its steps are read in the panel).
   */
  squeeze?: boolean;
}

const GAP = 8;

function overlaps(a: Box, b: Box): boolean {
  return (
    a.left < b.left + b.width &&
    a.left + a.width > b.left &&
    a.top < b.top + b.height &&
    a.top + a.height > b.top
  );
}

/** Place the panel (see the module's comment). */
export function placePanel(input: PlaceInput): Placement {
  const { viewport, size, side, keep } = input;
  const margin = input.margin ?? 16;
  const minHeight = input.minHeight ?? 48;
  const width = Math.min(size.width, Math.max(0, viewport.width - 2 * margin));
  const full = Math.max(0, Math.min(size.height, viewport.height - 2 * margin));
  const other = side === 'left' ? 'right' : 'left';
  const leftOf = (s: 'left' | 'right') => (s === 'left' ? margin : viewport.width - margin - width);
  const box = (s: 'left' | 'right', top: number, height: number): Box => ({
    top,
    left: leftOf(s),
    width,
    height,
  });
  const visible = keep.filter((k) => k.width > 0 && k.height > 0);
  // The text of the table's cells counts only with nothing running: a checklist's steps are read
  // in the panel, which then rather covers some of the table's text than the navigation or
  // shrinks for it.
  const soft = (input.clear ?? []).filter(
    (k) => k.width > 0 && k.height > 0 && (input.squeeze || !k.text),
  );
  const bottomTop = viewport.height - margin - full;
  const clearOf = (boxes: readonly Box[], place: Box) => !boxes.some((k) => overlaps(k, place));
  for (const s of [side, other] as const) {
    const place = box(s, bottomTop, full);
    if (clearOf(visible, place) && clearOf(soft, place))
      return { side: s, top: bottomTop, height: full, covering: false };
  }
  // The places below (or above) everything of `inWay` in a side's column, at least `least`
  // high, the chosen side first.
  const placesClearOf = (inWay: readonly Box[], least: number): Placement[] => {
    const all: Placement[] = [];
    for (const s of [side, other] as const) {
      const column = box(s, 0, viewport.height);
      const here = inWay.filter((k) => overlaps(k, column));
      const lowest = Math.max(...here.map((k) => k.top + k.height));
      const highest = Math.min(...here.map((k) => k.top));
      const below = viewport.height - margin - (lowest + GAP);
      const above = highest - GAP - margin;
      const options: Placement[] = [];
      if (below >= least) {
        const height = Math.min(full, below);
        options.push({ side: s, top: viewport.height - margin - height, height, covering: false });
      }
      if (above >= least)
        options.push({ side: s, top: margin, height: Math.min(full, above), covering: false });
      all.push(...options);
    }
    return all;
  };
  // The tallest such place.
  const shrunk = (inWay: readonly Box[], least: number): Placement | null => {
    let best: Placement | null = null;
    for (const o of placesClearOf(inWay, least)) if (!best || o.height > best.height) best = o;
    return best;
  };
  // Shorter, but clear of everything, while that leaves a panel worth reading.
  const roomy = Math.min(full, input.roomyHeight ?? 240);
  const clearOfAll = shrunk([...visible, ...soft], roomy);
  if (clearOfAll) return clearOfAll;
  if (input.squeeze) {
    // Nothing running: the checklists stay offered whole. Clear of the page's controls, over the
    // least of the table's text (the tallest of equals, the chosen side first).
    const text = soft.filter((k) => k.text);
    const controls = soft.filter((k) => !k.text);
    let least: { place: Placement; covers: number } | null = null;
    const bottomPlaces = ([side, other] as const).map((s): Placement => ({
      side: s,
      top: bottomTop,
      height: full,
      covering: false,
    }));
    for (const place of [...bottomPlaces, ...placesClearOf([...visible, ...controls], roomy)]) {
      const at = box(place.side, place.top, place.height);
      if (!clearOf(visible, at) || !clearOf(controls, at)) continue;
      const covers = text.filter((k) => overlaps(k, at)).length;
      if (
        !least ||
        covers < least.covers ||
        (covers === least.covers && place.height > least.place.height)
      )
        least = { place, covers };
    }
    if (least) return least.place;
  }
  // Full height clear of what must stay visible, over the fewest of the page's controls.
  let fewest: { side: 'left' | 'right'; covers: number } | null = null;
  for (const s of [side, other] as const) {
    const place = box(s, bottomTop, full);
    if (!clearOf(visible, place)) continue;
    const covers = soft.filter((k) => overlaps(k, place)).length;
    if (!fewest || covers < fewest.covers) fewest = { side: s, covers };
  }
  if (fewest) return { side: fewest.side, top: bottomTop, height: full, covering: false };
  // Both sides covered at full height: shrink into the room below (or above) what is in the way.
  return (
    shrunk(visible, minHeight) ?? {
      side,
      top: bottomTop,
      height: full,
      covering: visible.length > 0,
    }
  );
}

/** What may float: menus, listboxes, tooltips, dropdowns and popovers (when fixed or absolute). */
const FLOATING = [
  '[role=menu]',
  '[role=listbox]',
  '[role=tooltip]',
  '[class*="dropdown" i]',
  '[class*="popover" i]',
  '[class*="popper" i]',
].join(',');

/**
 * Every element {@link pageLayers} may count as a layer: a change to one of them (or around one)
 * may open, close or move a layer; other changes cannot.
 */
export const LAYER_CANDIDATES = [...SELECTORS.dialog.alternatives, FLOATING, '[popover]'].join(',');

/**
 * Floating layers the page has open: its dialogs and drawers (SELECTORS.dialog), and menus,
 * listboxes and popovers by their ARIA role, the Popover API, or a dropdown/popover class, when
 * they float (fixed or absolute) and show. A permanent menu in the page's flow (a side
 * navigation) does not count. `candidates`, when given, is filled with every element looked at as
 * a layer, shown or not: a later change around one of them may show it (see layersMayChange).
 */
export function pageLayers(doc: Document, candidates?: Set<Element>): Element[] {
  const found = candidates ?? new Set<Element>();
  found.clear();
  for (const el of doc.querySelectorAll(SELECTORS.dialog.alternatives.join(','))) found.add(el);
  const view = doc.defaultView;
  for (const el of doc.querySelectorAll(FLOATING)) {
    if (!view) break;
    const position = view.getComputedStyle(el).position;
    if (position === 'fixed' || position === 'absolute') found.add(el);
  }
  try {
    for (const el of doc.querySelectorAll(':popover-open')) found.add(el);
  } catch {
    // an engine without the Popover API has none open
  }
  const shown = [...found].filter((el) => {
    if (el.closest('tt-access-companion')) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    return view?.getComputedStyle(el).visibility !== 'hidden';
  });
  // The outermost of nested ones is enough.
  return shown.filter((el) => !shown.some((o) => o !== el && o.contains(el)));
}

/** What a user can click, type into or tab to. */
const CONTROLS = [
  'a[href]',
  'button',
  'input:not([type=hidden])',
  'select',
  'textarea',
  'summary',
  '[role=button]',
  '[role=link]',
  '[role=checkbox]',
  '[role=radio]',
  '[role=switch]',
  '[role=combobox]',
  '[role=tab]',
  '[aria-haspopup]:not([aria-haspopup=false])',
  '[tabindex]:not([tabindex^="-"])',
].join(',');

/** How far above a table its own section may reach (wrapper, scroll box, section with pager). */
const SECTION_DEPTH = 4;

/**
 * The table's section: the table and what belongs to it (its pager, its toolbar), which is the
 * highest ancestor, a few levels up at most, that holds neither the page's heading nor its
 * navigation (those belong to the page around it).
 */
function tableSection(table: Element): Element {
  let section = table;
  for (let depth = 0; depth < SECTION_DEPTH; depth++) {
    const parent = section.parentElement;
    if (!parent || parent === table.ownerDocument.body) break;
    if (parent.matches('main, [role=main]')) break;
    if (parent.querySelector('h1, [role=heading][aria-level="1"], nav, [role=navigation]')) break;
    section = parent;
  }
  return section;
}

/** A table's cells, whose text the user reads. */
const CELLS = 'td, th, [role=cell], [role=gridcell], [role=columnheader], [role=rowheader]';
/** A table's rows: cells are looked at only in rows on show. */
const ROWS = 'tr, [role=row]';

/** Whether a box shows in the viewport. */
function inView(r: DOMRect, view: Window): boolean {
  return !(
    r.width === 0 ||
    r.height === 0 ||
    r.bottom <= 0 ||
    r.right <= 0 ||
    r.top >= view.innerHeight ||
    r.left >= view.innerWidth
  );
}

/**
 * The boxes of the text in a table's cells on show: one per cell, as tight as its text (a cell
 * is often far wider than what it says, and the panel may sit in the blank part of it).
 */
function cellTextBoxes(section: Element, view: Window, out: Box[]): void {
  const doc = section.ownerDocument;
  const range = doc.createRange();
  const rows = section.querySelectorAll(ROWS);
  const cellsOf = (row: Element) => row.querySelectorAll(CELLS);
  for (const row of rows.length > 0 ? Array.from(rows) : [section]) {
    if (row !== section && !inView(row.getBoundingClientRect(), view)) continue;
    for (const cell of Array.from(cellsOf(row))) {
      // A cell holding cells (a design system's nested grid) is read through its own.
      if (cell.querySelector(CELLS)) continue;
      // One range from the first text to the last: its box is the texts' (and what lies wholly
      // between them, an icon), not the blocks wrapping them, at one box read per cell.
      let first: Node | null = null;
      let last: Node | null = null;
      const walker = doc.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!text.nodeValue?.trim()) continue;
        first ??= text;
        last = text;
      }
      if (!first || !last) continue;
      range.setStart(first, 0);
      range.setEnd(last, last.nodeValue?.length ?? 0);
      const r = range.getBoundingClientRect();
      if (!inView(r, view)) continue;
      const { top, left, bottom, right } = r;
      if (top < bottom && left < right)
        out.push({ top, left, width: right - left, height: bottom - top, text: true });
    }
  }
  range.detach();
}

/**
 * The boxes in the viewport that the panel would rather not cover: the page's controls — what
 * its tables show (row actions such as ⋯, View or Remove, links and checkboxes in rows, the
 * pager) and its navigation's links — and the text of its tables' cells (names, emails, roles).
 * Tables in dialogs are the dialog's (a layer the panel keeps clear of anyway); disabled controls
 * and ones not laid out do not count. `roots`: open shadow roots the page renders into, besides
 * the document; `text: false` leaves the cells' text out (placePanel weighs it only with nothing
 * running). Reads many boxes: the runner looks them up again only when the page may have moved
 * them, at idle time.
 */
export function pageControlBoxes(
  doc: Document,
  roots: readonly ShadowRoot[] = [],
  { text = true }: { text?: boolean } = {},
): Box[] {
  const view = doc.defaultView;
  if (!view) return [];
  const dialog = SELECTORS.dialog.alternatives.join(',');
  const tables: Element[] = [];
  for (const root of [doc, ...roots])
    for (const el of root.querySelectorAll(SELECTORS.table.alternatives.join(',')))
      if (!el.closest(dialog) && !el.closest('tt-access-companion')) tables.push(el);
  // The outermost of nested ones (a table in its design system's table wrapper) is enough.
  const outer = tables.filter((t) => !tables.some((o) => o !== t && o.contains(t)));
  const sections = new Set(outer.map(tableSection));
  for (const root of [doc, ...roots])
    for (const nav of root.querySelectorAll('nav, [role=navigation]'))
      if (!nav.closest('tt-access-companion')) sections.add(nav);
  // The main region's own controls (its heading bar's Invite button, its filters).
  for (const main of doc.querySelectorAll('main, [role=main]'))
    if (!main.closest(dialog)) sections.add(main);
  const boxes: Box[] = [];
  const seen = new Set<Element>();
  for (const section of sections) {
    for (const el of section.querySelectorAll(CONTROLS)) {
      if (seen.has(el) || (el as HTMLButtonElement).disabled === true) continue;
      seen.add(el);
      const r = el.getBoundingClientRect();
      if (!inView(r, view)) continue;
      boxes.push({ top: r.top, left: r.left, width: r.width, height: r.height });
    }
  }
  // The text's boxes are most of the cost (one range per text): only when they count (`text`).
  if (text) for (const table of outer) cellTextBoxes(table, view, boxes);
  return boxes;
}
