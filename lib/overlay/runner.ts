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
 * (collapsed, closed, not an access page) is not read at all until it shows again.
 */
import type { OverlayStore, TargetRect } from '@/components/overlay/store';
import type { ProtocolMap } from '../messaging/protocol';
import { t } from '@/lib/i18n';
import type { ChecklistId, ChecklistProgress, Observation } from '../tiktok';
import { ACCESS_PAGE_KINDS } from '../tiktok/routes';
import { ShadowRootTracker } from '../tiktok/dom';
import { AccessTableReader } from '../tiktok/read-table';
import {
  activeStep,
  adminCountAdvice,
  advanceChecklist,
  assetRoleAdvice,
  bcRoleAdvice,
  checklistById,
  isLower,
  laterToRecord,
  messageElements,
  observePage,
  openDialogs,
  ownershipNote,
  readBcName,
  readyToRecord,
  startChecklist,
} from '../tiktok';
import type { FlowFacts, FlowSubject } from '../tiktok';
import { readAdvertiserId, readOrgId } from '../tiktok/routes';
import { checklistForHint, readHint, removeHint } from './hint';
import { laterRecordRequests, recordErrorText, recordRequests } from './record-request';
import type { PageReading } from './frame-advice';
import { pageShowsOrg } from './page-org';
import { pageLayers, pageControlBoxes } from './placement';

const roleWord = (role: 'admin' | 'operator' | 'analyst') => t(`role_asset_${role}`);

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

/** The element our overlay is mounted in (see entrypoints/overlay.content). */
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

/**
 * Call `onBatch` once per batch of page changes or user input (at most one per 30 ms), until
 * `signal` aborts, with the records of the batch; the first call (30 ms in) has none. The
 * observer watches the app's DOM and its open shadow roots (found by `shadows`, which learns of
 * new ones from the same records), only the attributes the readers look at, and never our own
 * overlay: a batch of nothing but our own changes calls nothing.
 */
export function watchPage(
  doc: Document,
  signal: AbortSignal,
  onBatch: (changes: PageChanges) => void,
  onMove: () => void = () => onBatch({ records: [], input: false, acts: 0 }),
  shadows?: (onFound: (shadow: ShadowRoot) => void) => ShadowRootTracker,
): void {
  let queued: ReturnType<typeof setTimeout> | null = null;
  let records: MutationRecord[] = [];
  let input = false;
  let acts = 0;
  let lastTyped: EventTarget | null = null;
  const flush = () => {
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
    queued = setTimeout(flush, 30);
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
      if (queued !== null) clearTimeout(queued);
    },
    { once: true },
  );
  schedule();
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
  private recording = false;
  private lastSaved = '';
  private target: Element | null = null;
  /** The current route's table, read again only when it changed; its shadow roots. */
  private tables: AccessTableReader;
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
    await this.takeHint(url);
    if (signal.aborted) return;
    // A new route renders afresh: a control missing on the last one has not been missed here.
    this.routeSince = Date.now();
    this.missingSince = null;
    signal.addEventListener(
      'abort',
      () => {
        this.cancelRecheck();
        this.cancelActivityCheck();
      },
      { once: true },
    );
    if (this.store.getState().heldBc?.orgId !== orgId) this.store.getState().set({ heldBc: null });
    this.routeUrl = url;
    this.shadows = null;
    this.tables = this.tableReader();
    void this.loadOwnership(orgId);
    watchPage(
      this.doc,
      signal,
      ({ records, acts }) => {
        this.tables.changed(records);
        this.onBatch(url, acts);
      },
      () => {
        this.store.getState().set({ target: rectOf(this.target) });
        this.updateClear();
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

  /** Whose the Business Center is: on a client's, the panel shows my access there instead. */
  private async loadOwnership(orgId: string | null): Promise<void> {
    if (!orgId) {
      this.store.getState().set({ heldBc: null });
      return;
    }
    const owner = await this.send('overlay:accountOwnership', { orgId }).catch(() => null);
    // Nothing the runner reads depends on it (the frame's reconcile card follows the state).
    this.store.getState().set({ heldBc: owner?.ownership === 'client' ? owner : null });
  }

  /** Whether the Business Center shown is recorded as a client's (its members are not mine). */
  private onClientBc(orgId: string | null): boolean {
    const held = this.store.getState().heldBc;
    return !!orgId && held?.orgId === orgId;
  }

  /**
   * A reminder's hint in the fragment: remove it from the address bar, look its grant up through
   * the background, and start the matching checklist with the person or partner pre-selected.
   */
  private async takeHint(url: URL): Promise<void> {
    const hint = readHint(url);
    if (!hint) return;
    removeHint(this.doc.defaultView ?? window);
    try {
      const grant = await this.send('overlay:grantHint', { grantId: hint.grantId });
      if (!grant || (grant.orgId !== null && grant.orgId !== readOrgId(url))) return;
      const { id, facts } = checklistForHint(hint, grant);
      this.start(id, facts);
      this.store.getState().set({ hintedFor: grant.name || grant.email || grant.bcId });
    } catch {
      // no background: the user picks the checklist from the panel
    }
  }

  /** Messages on show now can no longer prove a new step done. */
  private markStale(): void {
    for (const m of messageElements(this.doc)) this.stale.add(m);
  }

  /** Start a checklist (replacing any other in this tab and Business Center). */
  start(id: ChecklistId, facts?: FlowFacts): void {
    this.markStale();
    this.activeId = null;
    this.store.getState().set({
      progress: startChecklist(id, this.now(), facts),
      unrecognised: [],
      recordError: null,
      hintedFor: null,
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
      advice: [],
      recordError: null,
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
   * Read the page once and bring the checklist, the spotlight and the advice up to date; `acts`
   * are the user's acts on the page since the last reading (clicks, typing into a new field).
   */
  onBatch(url: URL, acts = 0): void {
    const state = this.store.getState();
    if (!state.progress && !this.panelOpen()) {
      // Nothing running and nothing shown that a reading would change: read when it shows.
      this.deferred = true;
      this.target = null;
      if (ACCESS_PAGE_KINDS.has(state.pageKind) && !state.closed) this.updateAvoid();
      state.set({ target: null, advice: [] });
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
    this.tell(obs.pageKind, obs.table);
    const opened = this.updateAvoid();
    let p = state.progress;
    if (!p) {
      this.target = null;
      state.set({ target: null, advice: [] });
      return;
    }
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
      advice: this.adviceFor(p, obs),
    });
    void this.save(p);
    if (readyToRecord(c, p)) void this.record(p, obs);
    const later = laterToRecord(c, p);
    if (later) void this.recordLater(p, later.id, obs);
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

  /** The page's part of the advice; the frame adds the email check, which needs the register. */
  private adviceFor(p: ChecklistProgress, obs: Observation) {
    const f = p.facts;
    switch (p.checklistId) {
      case 'add-member':
        return [
          ...bcRoleAdvice(f.bcRole),
          ...assetRoleAdvice((f.accounts ?? []).map((a) => a.role)),
        ];
      case 'add-partner':
      case 'lower-partner':
        return [ownershipNote(), ...assetRoleAdvice((f.accounts ?? []).map((a) => a.role))];
      case 'revoke-member':
        return adminCountAdvice(f.baseline ?? obs.table.rows, f.subject);
      case 'lower-member':
        return f.assigned && f.subject?.assetRole && !isLower(f.assigned.role, f.subject.assetRole)
          ? [
              {
                level: 'warning' as const,
                text: t('cl6_notLower', roleWord(f.assigned.role), roleWord(f.subject.assetRole)),
              },
            ]
          : [];
      default:
        return [];
    }
  }

  private async record(p: ChecklistProgress, obs: Observation): Promise<void> {
    if (this.recording) return;
    const url = this.url();
    const orgId = this.orgId(url);
    if (!orgId) {
      this.store.getState().set({ recordError: t('overlay_noBcOnPage') });
      return;
    }
    if (this.onClientBc(orgId)) {
      // A client's Business Center: whom the client lets in is not for my register (it keeps
      // my own access there, which the held-visit capture follows). Finish without a write.
      this.store.getState().set({ progress: { ...p, recordedGrantIds: [] }, recordError: null });
      this.onBatch(this.url());
      return;
    }
    const heading = this.doc.querySelector('main h1, h1');
    const requests = recordRequests(p.checklistId, p.facts, {
      orgId,
      bcName: readBcName(this.doc),
      advertiserId: readAdvertiserId(url),
      pageHeading: heading?.textContent?.trim() ?? null,
      rows: obs.table.rows,
    });
    if ('error' in requests) {
      this.store.getState().set({ recordError: requests.error });
      return;
    }
    this.recording = true;
    try {
      const ids: string[] = [];
      for (const r of requests) ids.push(...(await this.send('overlay:recordFlow', r)).grantIds);
      const current = this.store.getState().progress;
      // Abandoned (or replaced) while the write was on its way: keep what the user chose.
      if (current?.startedAt !== p.startedAt) return;
      this.store.getState().set({
        progress: { ...current, recordedGrantIds: ids },
        recordError: null,
      });
      this.onBatch(this.url());
    } catch (error) {
      this.store.getState().set({
        recordError: t('overlay_recordFailed', recordErrorText(error)),
      });
    } finally {
      this.recording = false;
    }
  }

  /** Write what a `later` step proved (an invitation accepted), once. */
  private async recordLater(p: ChecklistProgress, stepId: string, obs: Observation): Promise<void> {
    const orgId = this.orgId();
    if (this.recording || !orgId) return;
    if (this.onClientBc(orgId)) {
      // Nothing was recorded for the run on a client's Business Center: nothing to follow up.
      const current = this.store.getState().progress;
      if (current?.startedAt !== p.startedAt) return;
      const progress = { ...current, laterRecorded: [...(current.laterRecorded ?? []), stepId] };
      this.store.getState().set({ progress });
      void this.save(progress);
      return;
    }
    const requests = laterRecordRequests(p.checklistId, stepId, p.facts, {
      orgId,
      bcName: readBcName(this.doc),
      rows: obs.table.rows,
    });
    this.recording = true;
    try {
      for (const r of requests) await this.send('overlay:recordFlow', r);
      const current = this.store.getState().progress;
      if (current?.startedAt !== p.startedAt) return;
      const progress = {
        ...current,
        laterRecorded: [...(current.laterRecorded ?? []), stepId],
      };
      this.store.getState().set({ progress, recordError: null });
      void this.save(progress);
    } catch (error) {
      this.store.getState().set({ recordError: t('overlay_recordFailed', recordErrorText(error)) });
    } finally {
      this.recording = false;
    }
  }

  /**
   * Keep the panel clear of whatever the page has opened (dialogs, drawers, menus, popovers);
   * returns how many dialogs opened since the last look, which count as the user acting.
   */
  private updateAvoid(): number {
    const rects = pageLayers(this.doc)
      .map((el) => rectOf(el))
      .filter((r): r is TargetRect => r !== null);
    const dialogs = openDialogs(this.doc);
    this.store.getState().set({ avoid: rects }); // kept as is when equal (store.set)
    this.updateClear();
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
   * shows: it keeps clear of them where it can.
   */
  private updateClear(): void {
    const s = this.store.getState();
    const shown = ACCESS_PAGE_KINDS.has(s.pageKind) && !s.closed;
    s.set({ clear: shown ? pageControlBoxes(this.doc, this.shadows?.roots() ?? []) : [] });
  }

  /** Tell the frame what the page shows now, when that changed (the table reader keeps its reading). */
  private tell(pageKind: Observation['pageKind'], table: Observation['table'] | null): void {
    const orgId = this.orgId();
    const reading: PageReading = {
      pageKind,
      // A page script can rewrite the address to another Business Center without TikTok
      // switching: the frame checks the register only for the one the page header agrees on.
      orgId: orgId && pageShowsOrg(this.doc, orgId) ? orgId : null,
      bcName: table ? readBcName(this.doc) : null,
      table,
    };
    const last = this.lastReading;
    if (
      last &&
      last.pageKind === reading.pageKind &&
      last.orgId === reading.orgId &&
      last.bcName === reading.bcName &&
      last.table === reading.table
    )
      return;
    this.lastReading = reading;
    this.onReading(reading);
  }
}
