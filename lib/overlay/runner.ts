// Over 350 lines, one class: a route's observation, reading and spotlight state, shared by every method.
/**
 * Follows a checklist's run in the page: watches what TikTok renders (one MutationObserver on the
 * app and its open shadow roots, plus the user's input, which changes no DOM), and after each
 * batch of changes reads the page once and hands the reading to the companion frame, whose engine
 * (lib/overlay/frame-run.ts) ticks steps off and names the active step back; the runner finds
 * that step's control (lib/checklists/targets.ts) for the spotlight and keeps the "I did this"
 * clocks. Everything one route starts hangs off that route's AbortSignal.
 *
 * Kept cheap for TikTok's page (measured with scripts/bench/overlay.bench.mjs): changes inside our
 * own overlay are not the page's and start no reading; the table is read again only when a change
 * could touch it (`TablesDataReader`), and the frame reads it (the agent only takes it as data); shadow roots are tracked from the changes instead of a
 * walk of the whole DOM each time; with no checklist running, a page the panel is not shown on
 * (collapsed, closed, not an access page) is not read at all until it shows again, and one it is
 * shown on is read at idle time, once for a burst of batches, after the browser's own layout (so
 * the reading forces none); the boxes the panel keeps clear of are looked up only when the page
 * may have moved them, at idle time too; and a reading goes to the frame only when it changed.
 */
import type { ActiveRun, OverlayStore, TargetRect } from './store';
import type { Observation as Read } from '../tiktok/observe';
import { observeWith } from '../tiktok/observe';
import { stepTarget } from '../checklists/targets';
import { ACCESS_PAGE_KINDS } from '../tiktok/routes';
import { ShadowRootTracker } from '../tiktok/dom';
import type { TablesData } from '../tiktok/table-data';
import { hasRows, TablesDataReader } from '../tiktok/table-data';
import { messageElements, openDialogs, readBcName } from '../tiktok';
import { readAdvertiserId, readOrgId } from '../tiktok/routes';
import { readHint, removeHint } from './hint';
import type { AgentReading } from './frame-bridge';
import type { Observed } from './frame-run';
import { pageShowsOrg } from './page-org';
import { pageControlBoxes, pageLayers } from './placement';
import { unprovenStep } from './unproven-step';
import {
  boxesMayMove,
  isOverlayHost,
  layersMayChange,
  rectOf,
  textMayChange,
  watchPage,
  whenIdle,
} from './page-changes';

/** A reading of the page as the agent takes it: the tables as data, for the frame to read. */
type Observation = Read<TablesData>;

/** The checklist runner for one page: one per overlay, routes come and go. */
export class ChecklistRunner {
  private stale = new WeakSet<Element>();
  /** When the active step offers "I did this" (its proof or its control not seen). */
  private readonly unproven = unprovenStep(() => this.onBatch(this.url()));
  /** The dialogs and drawers already seen open: a new one is an act of the user's. */
  private dialogsSeen = new WeakSet<Element>();
  /** The page's layers may have changed since they were last looked for. */
  private layersDirty = true;
  /** The page's header may say something else since the frame was last told. */
  private headerDirty = true;
  /** The control of the active step, on the page now (the spotlight's), or null. */
  private activeControl: Element | null = null;
  /** The current route's table, read again only when it changed; its shadow roots. */
  private tables: TablesDataReader;
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
  onReading: (reading: AgentReading) => void = () => {};
  /**
   * Where the reading of the flow goes while a run goes on (after the reading of the table it
   * goes with): the frame's engine, which names the active step back (see follow).
   */
  onObserved: (observed: Observed) => void = () => {};
  /** The route's Business Center (from the address), for the frame to keep the run under. */
  onRoute: (orgId: string | null) => void = () => {};
  private lastReading: AgentReading | null = null;
  /** What was last handed to onObserved, and with which table. */
  private lastObserved = '';
  private lastObservedTable: Observation['table'] | null = null;
  /** The last reading while a run went on: a new step's control is found with it. */
  private lastObs: Observation | null = null;
  /** The address the last reading was taken at (a page script may rewrite it). */
  private lastReadingHref = '';
  /** Who else follows the page's changes through the runner's observer (see followChanges). */
  private followers = new Set<(records: readonly MutationRecord[]) => void>();

  constructor(
    private readonly doc: Document,
    private readonly store: OverlayStore,
  ) {
    this.routeUrl = this.url();
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
      } else if ((s.run === null) !== (before.run === null)) {
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

  private tableReader(): TablesDataReader {
    return new TablesDataReader(this.doc, { roots: () => this.shadows?.roots() ?? [] });
  }

  /** Whether the panel shows its body now (not collapsed, not closed, on an access page). */
  private panelOpen(): boolean {
    const s = this.store.getState();
    return ACCESS_PAGE_KINDS.has(s.pageKind) && !s.closed && !s.collapsed;
  }

  private url(): URL {
    return new URL(this.doc.location.href);
  }

  /**
   * Follow `url` until `signal` aborts; the frame takes up the run saved for the route's Business
   * Center (lib/overlay/frame-run.ts).
   */
  runRoute(url: URL, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.onRoute(readOrgId(url));
    this.takeHint(url);
    this.unproven.routeStarted();
    signal.addEventListener(
      'abort',
      () => {
        this.unproven.stop();
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
        if (this.activeControl) this.store.getState().set({ target: rectOf(this.activeControl) });
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
   * The access tables as data, as the runner's reader has them: taken again only when a change
   * it observed could touch them, from the shadow roots it tracks (no walk of the page).
   */
  tablesData(): TablesData {
    return this.tables.read();
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
   * The frame names the run's active step (null: no run). A new run (or one taken up after a
   * reload) starts with the messages and dialogs on show counted as seen; a new step with its
   * clocks afresh. `read`: read the page again now (a new run, a step the user marked).
   */
  follow(run: ActiveRun | null, read: boolean): void {
    const state = this.store.getState();
    const before = state.run;
    if (run?.startedAt !== before?.startedAt) {
      state.set({ unrecognised: [], hint: null });
      if (run) {
        this.markStale();
        // A dialog already open is not an act of the new run's.
        for (const d of openDialogs(this.doc)) this.dialogsSeen.add(d.el);
        // The frame weighs the new run from a reading of its own.
        this.lastObserved = '';
      }
    }
    if (run && (run.step !== before?.step || run.startedAt !== before?.startedAt)) {
      this.unproven.stepChanged();
      // A message already up when this step began cannot prove it.
      this.markStale();
    }
    state.set({ run });
    if (!run) {
      this.activeControl = null;
      state.set({ target: null, unrecognised: [] });
    } else if (read) this.onBatch(this.url());
    else if (this.lastObs) this.spotlight(run, this.lastObs);
  }

  /** Move focus to the active step's control, for keyboard users. */
  focusTarget(): void {
    (this.activeControl as HTMLElement | null)?.focus?.();
  }

  /**
   * A batch of the page's changes: with a checklist running, read the page at once (the spotlight
   * and the steps follow within the frame); with none, what the panel shows from the page (the
   * table, for the register's check) waits for idle time, one reading for however many batches
   * come before it (a table rendering in parts while the page loads, a new build's class churn).
   */
  private pageChanged(url: URL, acts: number): void {
    if (this.store.getState().run) {
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
   * Read the page once and hand it to the frame, and bring the spotlight up to date (the frame
   * ticks the steps off and works the advice out from the run and the reading); `acts` are the
   * user's acts on the page since the last reading (clicks, typing into a new field).
   */
  onBatch(url: URL, acts = 0): void {
    this.readLater?.();
    this.readLater = null;
    const state = this.store.getState();
    const run = state.run;
    if (!run && !this.panelOpen()) {
      // Nothing running and nothing shown that a reading would change: read when it shows.
      this.deferred = true;
      this.activeControl = null;
      if (ACCESS_PAGE_KINDS.has(state.pageKind) && !state.closed) this.lookAround(true);
      state.set({ target: null });
      this.tell(state.pageKind, null);
      return;
    }
    this.deferred = false;
    let obs: Observation;
    try {
      obs = observeWith(
        this.doc,
        url,
        this.stale,
        run !== null,
        () => this.tables.read(),
        (error) => ({ tables: [], loading: false, error: String(error) }),
      );
    } catch {
      return; // never throw into TikTok's page
    }
    // With nothing running, at idle time already (see pageChanged): the boxes are looked up with
    // the layers, so the panel's place is settled before the frame hears of the reading and it
    // shows in its place once rather than moving after.
    const opened = this.lookAround(!run);
    this.tell(obs.pageKind, obs.table);
    if (!run) {
      this.activeControl = null;
      state.set({ target: null });
      return;
    }
    if (this.clearDirty) this.markClearDirty();
    this.lastObs = obs;
    // Acts count for the step the run is at when they are made (a step they prove resets them).
    this.unproven.acted(acts + opened);
    this.observed(obs);
    // The frame may have named another step already (at once, where it runs beside the runner).
    const now = this.store.getState().run;
    if (now) this.spotlight(now, obs);
  }

  /** Hand the reading of the flow to the frame when it (or the table it goes with) changed. */
  private observed(obs: Observation): void {
    const { table, ...observed } = obs;
    const text = JSON.stringify(observed);
    if (text === this.lastObserved && table === this.lastObservedTable) return;
    this.lastObserved = text;
    this.lastObservedTable = table;
    this.onObserved(observed);
  }

  /** Find the active step's control on the page, outline it, and weigh the "I did this" clocks. */
  private spotlight(run: ActiveRun, obs: Observation): void {
    const find = run.step ? stepTarget(run.checklist, run.step) : undefined;
    this.activeControl = find?.(this.doc, run.subject && { subject: run.subject }) ?? null;
    const state = this.store.getState();
    const unrecognised = this.unproven.offers(
      run.step ? { id: run.step, target: find !== undefined, proves: run.proves } : null,
      this.activeControl !== null,
      { pageKind: obs.pageKind, tableUp: hasRows(obs.table) },
      state.unrecognised,
    );
    state.set({ unrecognised, target: rectOf(this.activeControl) });
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
    if (!layers || !state.run) return 0;
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
    const text = s.run === null;
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
    const orgId = readOrgId(this.url());
    const reading: AgentReading = {
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
