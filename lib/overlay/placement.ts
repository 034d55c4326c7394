/**
 * Where the companion frame goes: at the bottom of the chosen side, unless that would cover the
 * control to use next or something the page opened (a dialog, drawer, menu or popover); then on
 * the other side; then shrunk to the room left beside them (its content scrolls inside). Pure
 * geometry, apart from {@link pageLayers}, which finds what the page has open.
 */
import { SELECTORS } from '../tiktok/selectors';

/** A rectangle in viewport coordinates. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
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
  margin?: number;
  /** The least height worth showing (the panel's header). */
  minHeight?: number;
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
  const bottomTop = viewport.height - margin - full;
  for (const s of [side, other] as const) {
    if (!visible.some((k) => overlaps(k, box(s, bottomTop, full))))
      return { side: s, top: bottomTop, height: full, covering: false };
  }
  // Both sides covered at full height: shrink into the room below (or above) what is in the way.
  let best: Placement | null = null;
  for (const s of [side, other] as const) {
    const column = box(s, 0, viewport.height);
    const inWay = visible.filter((k) => overlaps(k, column));
    const lowest = Math.max(...inWay.map((k) => k.top + k.height));
    const highest = Math.min(...inWay.map((k) => k.top));
    const below = viewport.height - margin - (lowest + GAP);
    const above = highest - GAP - margin;
    const options: Placement[] = [];
    if (below >= minHeight) {
      const height = Math.min(full, below);
      options.push({ side: s, top: viewport.height - margin - height, height, covering: false });
    }
    if (above >= minHeight)
      options.push({ side: s, top: margin, height: Math.min(full, above), covering: false });
    for (const o of options) if (!best || o.height > best.height) best = o;
  }
  return best ?? { side, top: bottomTop, height: full, covering: visible.length > 0 };
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
 * navigation) does not count.
 */
export function pageLayers(doc: Document): Element[] {
  const found = new Set<Element>();
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
