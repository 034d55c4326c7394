/**
 * How the page agent follows the page: one MutationObserver on the app and its open shadow roots
 * and the user's input, batched per animation frame (`watchPage`), with the quick tests of a
 * batch that spare the runner a look (could it have opened a layer, changed the header's text,
 * moved the boxes the panel keeps clear of?) and the idle-time scheduling of the looks it takes.
 */
import type { TargetRect } from './store';
import type { ShadowRootTracker } from '../tiktok/dom';
import { LAYER_CANDIDATES } from './placement';

/** The element our overlay is mounted in (see entrypoints/overlay.ts). */
export const OVERLAY_HOST = 'tt-access-companion';

export const isOverlayHost = (node: Node) =>
  node.nodeType === 1 && (node as Element).localName === OVERLAY_HOST;

/** Whether a mutation record is only about our own overlay: its host, or anything inside it. */
export function isOwnRecord(record: MutationRecord): boolean {
  const target = record.target;
  const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
  if (el?.closest(OVERLAY_HOST)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every(isOverlayHost);
}

/** What happened since the last batch: the page's mutation records, and whether the user typed. */
export interface PageChanges {
  records: MutationRecord[];
  input: boolean;
  /** The user's acts on the page: clicks, and typing into a field other than the last one. */
  acts: number;
}

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  // Old class values let the table reader tell a new build's hashed class from one it reads.
  attributeOldValue: true,
  attributeFilter: ['aria-current', 'aria-checked', 'aria-hidden', 'hidden', 'style', 'class'],
};

/** How long a batch waits for an animation frame before it is read anyway. */
const FRAME_FALLBACK_MS = 100;

/**
 * Call `onBatch` once per batch of page changes or user input, at most once per animation frame,
 * until `signal` aborts, with the records of the batch; the first call (the next frame) has none.
 * A frame is when the page's own renders have settled and the browser is about to lay the page
 * out anyway, so a reading then adds no layout of its own; a page in a hidden tab draws no
 * frames, and its batches come on a timer instead. The observer watches the app's DOM and its
 * open shadow roots (found by `shadows`, which learns of new ones from the same records), only
 * the attributes the readers look at, and never our own overlay: a batch of nothing but our own
 * changes calls nothing.
 */
export function watchPage(
  doc: Document,
  signal: AbortSignal,
  onBatch: (changes: PageChanges) => void,
  onMove: () => void = () => onBatch({ records: [], input: false, acts: 0 }),
  shadows?: (onFound: (shadow: ShadowRoot) => void) => ShadowRootTracker,
): void {
  let queued: { cancel: () => void } | null = null;
  let records: MutationRecord[] = [];
  let input = false;
  let acts = 0;
  let lastTyped: EventTarget | null = null;
  const flush = () => {
    queued?.cancel();
    queued = null;
    if (signal.aborted) return;
    const changes = { records, input, acts };
    records = [];
    input = false;
    acts = 0;
    onBatch(changes);
  };
  const schedule = () => {
    if (queued !== null || signal.aborted) return;
    // The runner's own timer functions, as everywhere in it (tests fake them).
    if (doc.visibilityState === 'hidden') {
      const timer = setTimeout(flush, 30);
      queued = { cancel: () => clearTimeout(timer) };
    } else {
      // A frame, or the timer if no frame comes first: a page that draws nothing (a window
      // behind others, or without a screen) may run no frame callbacks for a long while, and a
      // batch must never wait for one.
      const frame = requestAnimationFrame(flush);
      const timer = setTimeout(flush, FRAME_FALLBACK_MS);
      queued = {
        cancel: () => {
          cancelAnimationFrame(frame);
          clearTimeout(timer);
        },
      };
    }
  };
  const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
  const observer = new Observer((batch) => {
    const page = batch.filter((r) => !isOwnRecord(r));
    if (page.length === 0) return;
    tracker?.update(page);
    records.push(...page);
    schedule();
  });
  observer.observe(doc.body, OBSERVED);
  const tracker = shadows?.((shadow) => observer.observe(shadow, OBSERVED));
  // Typing or clicking in our own panel (its events cross out of its shadow root) is not the page's.
  const ours = (event: Event) =>
    (event.composedPath() as Node[]).some((n) => n.nodeType === 1 && isOverlayHost(n));
  const typed = (event: Event) => {
    if (ours(event)) return;
    input = true;
    // Typing on in the same field is one act; a new field is another.
    if (event.target !== lastTyped) acts++;
    lastTyped = event.target;
    schedule();
  };
  for (const type of ['input', 'change'])
    doc.addEventListener(type, typed, { capture: true, signal });
  const clicked = (event: Event) => {
    if (ours(event)) return;
    acts++;
    lastTyped = null;
    schedule();
  };
  doc.addEventListener('click', clicked, { capture: true, signal });
  // The spotlight follows its control when the page scrolls or the window is resized; that
  // needs no new reading of the page, only the control's new place (once per frame).
  let moving = false;
  const move = () => {
    if (moving || signal.aborted) return;
    moving = true;
    (doc.defaultView ?? window).requestAnimationFrame(() => {
      moving = false;
      if (!signal.aborted) onMove();
    });
  };
  doc.defaultView?.addEventListener('scroll', move, { capture: true, passive: true, signal });
  doc.defaultView?.addEventListener('resize', move, { passive: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      queued?.cancel();
    },
    { once: true },
  );
  schedule();
}

/**
 * Whether a batch of changes may have opened, closed or moved one of the page's floating layers
 * (a dialog, drawer, menu or popover): an element added or removed, or an attribute changed on a
 * layer, inside one or around one. Class flips on table rows (a new build's hashes), text typed into a field,
 * the menu's current item cannot, so they cost no style or layout reads.
 */
export function layersMayChange(
  records: readonly MutationRecord[],
  known?: ReadonlySet<Element>,
): boolean {
  for (const record of records) {
    if (record.type === 'childList') {
      for (const list of [record.addedNodes, record.removedNodes])
        for (const node of Array.from(list)) if (node.nodeType === 1) return true;
    } else if (record.type === 'attributes' && record.target.nodeType === 1) {
      const el = record.target as Element;
      // On a layer, inside one (a menu's list shown or resized) or around one (its wrapper).
      if (el.closest(LAYER_CANDIDATES)) return true;
      // Around one: with the layers looked at last time known (any other came in by a
      // childList record), a containment check each instead of a search of the subtree (the
      // rows' class churn is many records).
      if (known ? [...known].some((k) => el.contains(k)) : el.querySelector(LAYER_CANDIDATES))
        return true;
    }
  }
  return false;
}

/**
 * Whether a batch may have changed what the page's header says (its Business Center's name and
 * id): anything but class names and the current or checked item, which change no text.
 */
export function textMayChange(records: readonly MutationRecord[]): boolean {
  return records.some(
    (r) =>
      r.type !== 'attributes' ||
      (r.attributeName !== 'class' &&
        r.attributeName !== 'aria-current' &&
        r.attributeName !== 'aria-checked'),
  );
}

/**
 * Whether a batch may have moved the page's controls or the text of its table (what the panel
 * keeps clear of): an element added or removed, or an element shown, hidden or restyled. Class
 * names (a new build's hashes on the rows), the current or checked item and text typed or changed
 * in place do not, so the boxes looked up last time still hold.
 */
export function boxesMayMove(records: readonly MutationRecord[]): boolean {
  for (const record of records) {
    if (record.type === 'childList') {
      for (const list of [record.addedNodes, record.removedNodes])
        for (const node of Array.from(list)) if (node.nodeType === 1) return true;
    } else if (
      record.type === 'attributes' &&
      (record.attributeName === 'style' ||
        record.attributeName === 'hidden' ||
        record.attributeName === 'aria-hidden')
    )
      return true;
  }
  return false;
}

/** How long work that waits for the page to go idle may wait at most. */
const IDLE_TIMEOUT_MS = 300;

/**
 * Run `work` once the page's thread is idle: after the frame's style and layout are done, so the
 * boxes and styles `work` reads are there already and force none, and never in the way of the
 * page's own rendering. Runs it at once where the browser has no idle callbacks. Returns how to
 * cancel it, or null when it ran.
 */
export function whenIdle(doc: Document, work: () => void): (() => void) | null {
  const view = doc.defaultView;
  if (!view || typeof view.requestIdleCallback !== 'function') {
    work();
    return null;
  }
  const id = view.requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
  return () => view.cancelIdleCallback(id);
}

/** Where an element is in the viewport, or null when it takes no room. */
export function rectOf(el: Element | null): TargetRect | null {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  return { top: r.top, left: r.left, width: r.width, height: r.height };
}
