/**
 * Runs a checklist in the page: watches what TikTok renders (one MutationObserver on the app and
 * its open shadow roots, plus the user's input, which changes no DOM), and after each batch of
 * changes reads the page once, ticks steps off, re-finds the control of the active step for the
 * spotlight, and keeps the progress with the background. Everything one route starts hangs off
 * that route's AbortSignal.
 *
 * Kept cheap for TikTok's page (measured with scripts/bench/overlay.bench.mjs): changes inside our
 * own overlay are not the page's and start no reading; the table is read again only when a change
 * could touch it (`AccessTableReader`); shadow roots are tracked from the changes instead of a
 * walk of the whole DOM each time; with no checklist running, a page the panel is not shown on
 * (collapsed, closed, not an access page) is not read at all until it shows again, and one it is
 * shown on is read at idle time, once for a burst of batches, after the browser's own layout (so
 * the reading forces none); the boxes the panel keeps clear of are looked up only when the page
 * may have moved them, at idle time too.
 */
import type { OverlayStore, TargetRect } from './store';
import type { ProtocolMap } from '../messaging/protocol';
import type { ChecklistId, ChecklistProgress, Observation } from '../checklists';
import { ACCESS_PAGE_KINDS } from '../tiktok/routes';
import { ShadowRootTracker } from '../tiktok/dom';
import { AccessTableReader } from '../tiktok/read-table';
import type { AccessRow } from '../tiktok/read-table';
import { messageElements, observePage, openDialogs, readBcName } from '../tiktok';
import { activeStep, advanceChecklist, checklistById, startChecklist } from '../checklists';
import type { FlowFacts, FlowSubject } from '../checklists';
import { readAdvertiserId, readOrgId } from '../tiktok/routes';
import { readHint, removeHint } from './hint';
import type { PageReading } from './frame-advice';
import { pageShowsOrg } from './page-org';
import { LAYER_CANDIDATES, pageControlBoxes, pageLayers } from './placement';

/**
 * How long a step's control may be missing from a settled page before the step offers "I did
 * this". The clock starts only once the page has rendered what it loads late (its access table)
 * and restarts whenever the control is seen or the route changes, so a slow (loaded) machine
 * rendering late does not count against the control; and the fallback gives way as soon as the
 * control shows up after all.
 */
export const UNRECOGNISED_AFTER_MS = 2500;

/**
 * The user has acted on the page for a while without the active step being recognised (TikTok
 * showed it in a way the detectors do not know): at least this many acts — a click, typing into
 * a new field, a dialog or drawer opening — spread over at least {@link UNRECOGNISED_AFTER_ACTIVITY_MS}
 * since the first, all while the same step stayed active. The step then offers "I did this",
 * whether or not its control is on show, and keeps offering it until the step changes.
 */
export const UNRECOGNISED_AFTER_ACTS = 3;
export const UNRECOGNISED_AFTER_ACTIVITY_MS = 4000;

type Send = <K extends keyof ProtocolMap>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
) => Promise<ReturnType<ProtocolMap[K]>>;

/** The element our overlay is mounted in (see entrypoints/overlay.ts). */
export const OVERLAY_HOST = 'tt-access-companion';

const isOverlayHost = (node: Node) =>
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
function textMayChange(records: readonly MutationRecord[]): boolean {
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
function whenIdle(doc: Document, work: () => void): (() => void) | null {
  const view = doc.defaultView;
  if (!view || typeof view.requestIdleCallback !== 'function') {
    work();
    return null;
  }
  const id = view.requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
  return () => view.cancelIdleCallback(id);
}

function rectOf(el: Element | null): TargetRect | null {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  return { top: r.top, left: r.left, width: r.width, height: r.height };
}

/** The checklist runner for one page: one per overlay, routes come and go. */
export class ChecklistRunner {
  private stale = new WeakSet<Element>();
  private activeId: string | null = null;
  /** Since when the active step's control has been missing from the settled page, or null. */
  private missingSince: number | null = null;
  /** When the current route began: a page that never renders a table settles this long after. */
  private routeSince = 0;
  /** The one pending re-check of a missing control (the page may stay quiet meanwhile). */
  private recheck: ReturnType<typeof setTimeout> | null = null;
  /** The user's acts on the page while the active step stayed the same, and when the first was. */
  private acts = 0;
  private firstActAt: number | null = null;
  /** The one pending re-check of the user's activity (they may stop acting meanwhile). */
  private activityCheck: ReturnType<typeof setTimeout> | null = null;
  /** The dialogs and drawers already seen open: a new one is an act of the user's. */
  private dialogsSeen = new WeakSet<Element>();
  /** The page's layers may have changed since they were last looked for. */
  private layersDirty = true;
  /** The page's header may say something else since the frame was last told. */
  private headerDirty = true;
  private lastSaved = '';
  private target: Element | null = null;
  /** The current route's table, read again only when it changed; its shadow roots. */
  private tables: AccessTableReader;
  /** Every element the last look for layers looked at (see layersMayChange). */
  private readonly layerCandidates = new Set<Element>();
  /** The page may have moved what the panel keeps clear of since its boxes were looked up. */
  private clearDirty = true;
  /** Cancels the pending idle-time look at those boxes, or null. */
  private clearLater: (() => void) | null = null;
  /** Cancels the pending idle-time reading (no checklist running), or null. */
  private readLater: (() => void) | null = null;
  private shadows: ShadowRootTracker | null = null;
  private routeUrl: URL;
  /** A reading was skipped while the panel was hidden: take it when the panel shows. */
  private deferred = false;
  /**
   * Where what the runner read from the page goes: the companion frame, which checks it against
   * the register (lib/overlay/frame-advice.ts). The register never comes to the runner.
   */
  onReading: (reading: PageReading) => void = () => {};
  private lastReading: PageReading | null = null;
  /** The address the last reading was taken at (a page script may rewrite it). */
  private lastReadingHref = '';
  /** Who else follows the page's changes through the runner's observer (see followChanges). */
  private followers = new Set<(records: readonly MutationRecord[]) => void>();

  constructor(
    private readonly doc: Document,
    private readonly store: OverlayStore,
    private readonly send: Send,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.routeUrl = this.url();
    this.routeSince = Date.now();
    this.tables = this.tableReader();
    store.subscribe((s, before) => {
      // Shown again, or on another kind of page: the layers it must keep clear of are looked for.
      if (
        s.collapsed !== before.collapsed ||
        s.closed !== before.closed ||
        s.pageKind !== before.pageKind
      ) {
        this.layersDirty = true;
        this.markClearDirty();
      } else if ((s.progress === null) !== (before.progress === null)) {
        // A checklist started or ended: the table's text counts again, or no more.
        this.markClearDirty();
      }
      if (
        this.deferred &&
        (s.collapsed !== before.collapsed ||
          s.closed !== before.closed ||
          s.pageKind !== before.pageKind)
      )
        this.onBatch(this.routeUrl);
    });
  }

  private tableReader(): AccessTableReader {
    return new AccessTableReader(this.doc, { roots: () => this.shadows?.roots() ?? [] });
  }

  /** Whether the panel shows its body now (not collapsed, not closed, on an access page). */
  private panelOpen(): boolean {
    const s = this.store.getState();
    return ACCESS_PAGE_KINDS.has(s.pageKind) && !s.closed && !s.collapsed;
  }

  private orgId(url = this.url()): string | null {
    return readOrgId(url);
  }

  private url(): URL {
    return new URL(this.doc.location.href);
  }

  /** Load this tab's progress for the Business Center, and follow `url` until `signal` aborts. */
  async runRoute(url: URL, signal: AbortSignal): Promise<void> {
    const orgId = readOrgId(url);
    if (orgId && this.store.getState().progress === null) {
      try {
        const saved = await this.send('overlay:getProgress', { orgId });
        if (saved && !signal.aborted) {
          this.store.getState().set({ progress: saved });
          this.lastSaved = JSON.stringify(saved);
          this.markStale();
        }
      } catch {
        // no background: start afresh
      }
    }
    if (signal.aborted) return;
    this.takeHint(url);
    // A new route renders afresh: a control missing on the last one has not been missed here.
    this.routeSince = Date.now();
    this.missingSince = null;
    signal.addEventListener(
      'abort',
      () => {
        this.cancelRecheck();
        this.cancelActivityCheck();
        this.readLater?.();
        this.readLater = null;
        this.clearLater?.();
        this.clearLater = null;
      },
      { once: true },
    );
    this.routeUrl = url;
    this.layersDirty = this.headerDirty = this.clearDirty = true;
    this.shadows = null;
    this.tables = this.tableReader();
    watchPage(
      this.doc,
      signal,
      ({ records, acts }) => {
        this.tables.changed(records);
        for (const follow of this.followers) follow(records);
        if (!this.layersDirty) this.layersDirty = layersMayChange(records, this.layerCandidates);
        if (!this.headerDirty) this.headerDirty = textMayChange(records);
        if (!this.clearDirty && boxesMayMove(records)) this.markClearDirty();
        this.pageChanged(url, acts);
      },
      () => {
        if (this.target) this.store.getState().set({ target: rectOf(this.target) });
        // Scrolled or resized: the boxes kept clear of are looked up again once it settles.
        this.markClearDirty();
      },
      (watch) =>
        (this.shadows = new ShadowRootTracker(this.doc, {
          ignore: isOverlayHost,
          onFound: (shadow) => {
            watch(shadow);
            this.tables.invalidate();
          },
        })),
    );
  }

  /**
   * Hand `listener` every batch of the page's changes the runner observes (and, when the
   * runner's observation of a route begins, an empty one) until `signal` aborts, so that other
   * readers of the page need no observer of their own.
   */
  followChanges(listener: (records: readonly MutationRecord[]) => void, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.followers.add(listener);
    signal.addEventListener('abort', () => this.followers.delete(listener), { once: true });
  }

  /**
   * The access table's rows as the runner's reader has them: read again only when a change it
   * observed could touch the table, from the shadow roots it tracks (no walk of the page).
   */
  tableRows(): readonly AccessRow[] {
    try {
      return this.tables.read().rows;
    } catch {
      return [];
    }
  }

  /**
   * A reminder's hint in the fragment: take it off the address bar and hand it to the frame, which
   * looks its grant up in the register and starts the matching checklist (lib/overlay/frame-hint.ts).
   */
  private takeHint(url: URL): void {
    const hint = readHint(url);
    if (!hint) return;
    removeHint(this.doc.defaultView ?? window);
    this.store.getState().set({ hint });
  }

  /** Messages on show now can no longer prove a new step done. */
  private markStale(): void {
    for (const m of messageElements(this.doc)) this.stale.add(m);
  }

  /**
   * Start a checklist (replacing any other in this tab and Business Center); `facts` and
   * `hintedFor` come with a reminder's hint.
   */
  start(id: ChecklistId, facts?: FlowFacts, hintedFor?: string): void {
    this.markStale();
    // A dialog already open is not an act of the new run's.
    for (const d of openDialogs(this.doc)) this.dialogsSeen.add(d.el);
    this.activeId = null;
    this.store.getState().set({
      progress: startChecklist(id, this.now(), facts),
      unrecognised: [],
      hintedFor: hintedFor ?? null,
      hint: null,
    });
    this.onBatch(this.url());
  }

  /** The user chose whom the running checklist is about (troubleshoot's person picker). */
  choosePerson(subject: FlowSubject | null): void {
    const p = this.store.getState().progress;
    if (!p) return;
    const facts = { ...p.facts };
    if (subject) facts.subject = subject;
    else delete facts.subject;
    this.store.getState().set({ progress: { ...p, facts } });
    this.onBatch(this.url());
  }

  /** Drop the run: nothing is recorded for it. */
  abandon(): void {
    this.store.getState().set({
      progress: null,
      unrecognised: [],
      target: null,
      hintedFor: null,
    });
    this.activeId = null;
    this.target = null;
    void this.save(null);
  }

  /** The user says they did a step the page cannot show ("I did this"). */
  markDone(stepId: string): void {
    const p = this.store.getState().progress;
    if (!p || p.manual.includes(stepId)) return;
    this.markStale();
    this.store.getState().set({ progress: { ...p, manual: [...p.manual, stepId] } });
    this.onBatch(this.url());
  }

  /** Move focus to the active step's control, for keyboard users. */
  focusTarget(): void {
    (this.target as HTMLElement | null)?.focus?.();
  }

  private async save(progress: ChecklistProgress | null): Promise<void> {
    const orgId = this.orgId();
    if (!orgId) return;
    const text = JSON.stringify(progress);
    if (text === this.lastSaved) return;
    this.lastSaved = text;
    try {
      await this.send('overlay:saveProgress', { orgId, progress });
    } catch {
      // the worker was restarting: the next change saves again
    }
  }

  /**
   * A batch of the page's changes: with a checklist running, read the page at once (the spotlight
   * and the steps follow within the frame); with none, what the panel shows from the page (the
   * table, for the register's check) waits for idle time, one reading for however many batches
   * come before it (a table rendering in parts while the page loads, a new build's class churn).
   */
  private pageChanged(url: URL, acts: number): void {
    if (this.store.getState().progress) {
      this.onBatch(url, acts);
      return;
    }
    if (this.readLater) return;
    this.readLater = whenIdle(this.doc, () => {
      this.readLater = null;
      this.onBatch(url);
    });
    // That reading looks the boxes up with the layers (lookAround): no look of their own before
    // it, whose store update would move the frame and have the reading lay the page out again.
    if (this.readLater && this.clearLater) {
      this.clearLater();
      this.clearLater = null;
    }
  }

  /**
   * The boxes the panel keeps clear of may have moved: look them up again at idle time (with the
   * reading, when one is due: see pageChanged).
   */
  private markClearDirty(): void {
    this.clearDirty = true;
    if (this.clearLater || this.readLater) return;
    this.clearLater = whenIdle(this.doc, () => {
      this.clearLater = null;
      this.updateClear();
    });
  }

  /**
   * Read the page once and bring the checklist and the spotlight up to date (the frame works the
   * advice out from the run and the reading, lib/overlay/frame-advice.ts); `acts`
   * are the user's acts on the page since the last reading (clicks, typing into a new field).
   */
  onBatch(url: URL, acts = 0): void {
    this.readLater?.();
    this.readLater = null;
    const state = this.store.getState();
    if (!state.progress && !this.panelOpen()) {
      // Nothing running and nothing shown that a reading would change: read when it shows.
      this.deferred = true;
      this.target = null;
      if (ACCESS_PAGE_KINDS.has(state.pageKind) && !state.closed) this.lookAround(true);
      state.set({ target: null });
      this.tell(state.pageKind, null);
      return;
    }
    this.deferred = false;
    let obs: Observation;
    try {
      obs = observePage(this.doc, url, this.stale, {
        flow: state.progress !== null,
        readTable: () => this.tables.read(),
      });
    } catch {
      return; // never throw into TikTok's page
    }
    let p = state.progress;
    // With nothing running, at idle time already (see pageChanged): the boxes are looked up with
    // the layers, so the panel's place is settled before the frame hears of the reading and it
    // shows in its place once rather than moving after.
    const opened = this.lookAround(!p);
    if (!p) {
      this.tell(obs.pageKind, obs.table);
      this.target = null;
      state.set({ target: null });
      return;
    }
    this.tell(obs.pageKind, obs.table);
    if (this.clearDirty) this.markClearDirty();
    const c = checklistById(p.checklistId);
    p = advanceChecklist(c, p, obs);
    const step = activeStep(c, p);
    if (step?.id !== this.activeId) {
      this.activeId = step?.id ?? null;
      this.missingSince = null;
      // The acts that moved the run on were this step's predecessor's: the count starts afresh.
      this.acts = 0;
      this.firstActAt = null;
      this.cancelActivityCheck();
      // A message already up when this step began cannot prove it.
      if (step) this.markStale();
    } else if (acts + opened > 0) {
      this.acts += acts + opened;
      this.firstActAt ??= Date.now();
    }
    this.target = step?.target ? step.target(this.doc, p.facts) : null;
    const unrecognised = this.unrecognisedNow(step, obs, state.unrecognised);
    state.set({
      progress: p,
      unrecognised,
      target: rectOf(this.target),
    });
    void this.save(p);
  }

  /**
   * The steps offering "I did this" after this reading: the active step's control has been
   * missing from the settled page for {@link UNRECOGNISED_AFTER_MS}; a step whose control shows
   * up (again) leaves the fallback. While the grace runs, one re-check is pending, so the step
   * falls back even if the page stays quiet.
   */
  private unrecognisedNow(
    step: ReturnType<typeof activeStep>,
    obs: Observation,
    unrecognised: string[],
  ): string[] {
    if (step?.done && this.actedWithoutProof()) {
      this.missingSince = null;
      return unrecognised.includes(step.id) ? unrecognised : [...unrecognised, step.id];
    }
    if (!step?.target || !step.done) {
      this.missingSince = null;
      return unrecognised;
    }
    if (this.target) {
      this.missingSince = null;
      return unrecognised.includes(step.id)
        ? unrecognised.filter((s) => s !== step.id)
        : unrecognised;
    }
    if (unrecognised.includes(step.id)) return unrecognised;
    const now = Date.now();
    // Settled: an access page has rendered its table (TikTok renders it late, later still on a
    // loaded machine); any other page, or one whose table never comes, after the grace itself.
    const settled =
      !ACCESS_PAGE_KINDS.has(obs.pageKind) ||
      obs.table.rows.length > 0 ||
      now - this.routeSince >= UNRECOGNISED_AFTER_MS;
    if (settled && this.missingSince === null) this.missingSince = now;
    const since = this.missingSince ?? this.routeSince;
    if (now - since >= UNRECOGNISED_AFTER_MS) return [...unrecognised, step.id];
    this.cancelRecheck();
    this.recheck = setTimeout(
      () => {
        this.recheck = null;
        this.onBatch(this.url());
      },
      since + UNRECOGNISED_AFTER_MS - now + 50,
    );
    return unrecognised;
  }

  private cancelRecheck(): void {
    if (this.recheck !== null) clearTimeout(this.recheck);
    this.recheck = null;
  }

  /**
   * Whether the user has acted on the page for a while ({@link UNRECOGNISED_AFTER_ACTS} acts over
   * {@link UNRECOGNISED_AFTER_ACTIVITY_MS}) while the active step stayed unproven. With the acts
   * made but the time not yet up, one re-check is pending, so the offer comes even if the user
   * then waits.
   */
  private actedWithoutProof(): boolean {
    if (this.acts < UNRECOGNISED_AFTER_ACTS || this.firstActAt === null) return false;
    const due = this.firstActAt + UNRECOGNISED_AFTER_ACTIVITY_MS;
    const now = Date.now();
    if (now >= due) return true;
    if (this.activityCheck === null)
      this.activityCheck = setTimeout(
        () => {
          this.activityCheck = null;
          this.onBatch(this.url());
        },
        due - now + 50,
      );
    return false;
  }

  private cancelActivityCheck(): void {
    if (this.activityCheck !== null) clearTimeout(this.activityCheck);
    this.activityCheck = null;
  }

  /**
   * The companion frame recorded the run (the user confirmed what the page proved), or finished
   * it without a write (a client's Business Center): keep that in the run's progress.
   */
  recorded(startedAt: string, grantIds: string[]): void {
    const p = this.store.getState().progress;
    // Abandoned (or replaced) while the write was on its way: keep what the user chose.
    if (p?.startedAt !== startedAt || p.recordedGrantIds !== null) return;
    this.store.getState().set({ progress: { ...p, recordedGrantIds: [...grantIds] } });
    this.onBatch(this.url());
  }

  /** The frame wrote what a `later` step proved (an invitation accepted): once. */
  laterRecorded(startedAt: string, stepId: string): void {
    const p = this.store.getState().progress;
    if (p?.startedAt !== startedAt || (p.laterRecorded ?? []).includes(stepId)) return;
    const progress = { ...p, laterRecorded: [...(p.laterRecorded ?? []), stepId] };
    this.store.getState().set({ progress });
    void this.save(progress);
  }

  /**
   * Keep the panel clear of whatever the page has opened (dialogs, drawers, menus, popovers) and,
   * with `boxes`, of the page's controls and text (see updateClear); returns how many dialogs
   * opened since the last look, which count as the user acting while a checklist runs. Looks
   * only at what may have changed: the layers when the page's changes may have touched one, the
   * boxes when they may have moved. Every box is read before the store hears of any, in one
   * update: the update moves the frame, and a box read after that write would lay the page out
   * a second time.
   */
  private lookAround(boxes: boolean): number {
    const state = this.store.getState();
    const layers = this.layersDirty;
    this.layersDirty = false;
    const avoid = layers
      ? pageLayers(this.doc, this.layerCandidates)
          .map((el) => rectOf(el))
          .filter((r): r is TargetRect => r !== null)
      : null;
    const clear = boxes && this.clearDirty ? this.readClear() : null;
    // Kept as they are where equal (store.set).
    if (avoid || clear) state.set({ ...(avoid && { avoid }), ...(clear && { clear }) });
    if (!layers || !state.progress) return 0;
    const dialogs = openDialogs(this.doc);
    let opened = 0;
    for (const d of dialogs) {
      if (this.dialogsSeen.has(d.el)) continue;
      this.dialogsSeen.add(d.el);
      opened++;
    }
    return opened;
  }

  /**
   * Where the page's own controls are (the access table's, the navigation's), while the panel
   * shows: it keeps clear of them where it can. Looked up again only when the page may have
   * moved them (see boxesMayMove; a scroll, a resize), and at idle time.
   */
  private updateClear(): void {
    this.store.getState().set({ clear: this.readClear() });
  }

  /** The boxes updateClear keeps clear of, read now (none while the panel is not shown). */
  private readClear(): TargetRect[] {
    this.clearDirty = false;
    this.clearLater?.();
    this.clearLater = null;
    const s = this.store.getState();
    const shown = ACCESS_PAGE_KINDS.has(s.pageKind) && !s.closed;
    // The table's text counts only with nothing running (placePanel's `squeeze`).
    const text = s.progress === null;
    return shown ? pageControlBoxes(this.doc, this.shadows?.roots() ?? [], { text }) : [];
  }

  /** Tell the frame what the page shows now, when that changed (the table reader keeps its reading). */
  private tell(pageKind: Observation['pageKind'], table: Observation['table'] | null): void {
    const last = this.lastReading;
    const href = this.doc.location.href;
    if (
      !this.headerDirty &&
      last &&
      href === this.lastReadingHref &&
      last.pageKind === pageKind &&
      last.table === table
    )
      return;
    this.headerDirty = false;
    this.lastReadingHref = href;
    const orgId = this.orgId();
    const reading: PageReading = {
      pageKind,
      // A page script can rewrite the address to another Business Center without TikTok
      // switching: the frame checks the register only for the one the page header agrees on.
      orgId: orgId && pageShowsOrg(this.doc, orgId) ? orgId : null,
      bcName: table ? readBcName(this.doc) : null,
      table,
      // What a record of the run names: the ad account the page is about, by its heading.
      advertiserId: readAdvertiserId(this.url()),
      pageHeading: table
        ? (this.doc.querySelector('main h1, h1')?.textContent?.trim() ?? null)
        : null,
    };
    if (
      last &&
      last.pageKind === reading.pageKind &&
      last.orgId === reading.orgId &&
      last.bcName === reading.bcName &&
      last.table === reading.table &&
      last.advertiserId === reading.advertiserId &&
      last.pageHeading === reading.pageHeading
    )
      return;
    this.lastReading = reading;
    this.onReading(reading);
  }
}
