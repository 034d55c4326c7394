/**
 * The checklists' engine, in the companion frame: the frame holds the running checklist's
 * progress, weighs each of the page agent's readings with `advanceChecklist` (lib/checklists),
 * keeps the progress with the background (per tab and Business Center, across reloads) and names
 * the active step back to the agent, which finds its control on the page and draws the spotlight.
 * The agent sends the reading as data (lib/tiktok/observe.ts: the flow's state, the dialogs'
 * choices and words, the table) and carries none of the checklists' proofs, implications or facts.
 *
 * The frame stays in the page (hidden) while a run goes on over routes that are not about access
 * (a checklist may start on Members and go on elsewhere), so the run is followed there as well;
 * with nothing running it goes, and the next access page's frame takes the saved run up.
 */
import type { ActiveRun, OverlayStore } from './store';
import type {
  ChecklistId,
  ChecklistProgress,
  FlowFacts,
  FlowSubject,
  Observation,
} from '../checklists';
import { activeStep, advanceChecklist, checklistById, startChecklist } from '../checklists';
import type { AccessTableReading } from '../tiktok/read-table';

/** What the panel, the record question and a reminder's hint ask of the run. */
export type RunAsk =
  | {
      kind: 'start';
      checklist: ChecklistId;
      /** A reminder's hint: the person or partner pre-selected, and whom to name as hinted. */
      facts?: FlowFacts;
      hintedFor?: string;
    }
  | { kind: 'abandon' }
  /** The user says they did a step the page cannot show ("I did this"). */
  | { kind: 'manual'; step: string }
  /** The record was written (or finished without a write, on a client's Business Center). */
  | { kind: 'recorded'; startedAt: string; grantIds: string[] }
  /** What a `later` step proved (an invitation accepted) was written: once. */
  | { kind: 'laterRecorded'; startedAt: string; step: string }
  /** The user chose whom the running checklist is about (troubleshoot's person picker). */
  | { kind: 'choosePerson'; subject: FlowSubject | null };

/** One reading as the agent sends it while a run goes on: the table comes with its `reading`. */
export type Observed = Omit<Observation, 'table'>;

/** Where the run's progress is kept between documents (the background, per tab and org). */
export interface ProgressKeeper {
  load(orgId: string): Promise<ChecklistProgress | null>;
  save(orgId: string, progress: ChecklistProgress | null): Promise<void>;
}

/** The run's active step, as the agent hears it (see ActiveRun). */
export function activeRun(p: ChecklistProgress | null): ActiveRun | null {
  if (!p) return null;
  const step = activeStep(checklistById(p.checklistId), p);
  return {
    checklist: p.checklistId,
    startedAt: p.startedAt,
    step: step?.id ?? null,
    proves: step?.done !== undefined,
    ...(p.facts.subject ? { subject: p.facts.subject } : {}),
  };
}

/** The engine for one frame: one run at a time, in the frame's store. */
export class ChecklistRun {
  /** The table of the agent's last reading, and the rest of its last reading of the flow. */
  private table: AccessTableReading | null = null;
  private observed: Observed | null = null;
  /** The Business Center of the tab's address (the background keeps the run under it). */
  private orgId: string | null = null;
  private lastSaved = '';
  private lastTold = '';
  private loading = 0;

  constructor(
    private readonly store: OverlayStore,
    private readonly keeper: ProgressKeeper,
    /** Name the active step to the agent; `read`: read the page again now (a new run, a step the user marked). */
    private readonly tell: (run: ActiveRun | null, read: boolean) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The agent follows a route of the Business Center `orgId` (from the tab's address): with no
   * run going on, the one saved for this tab and Business Center is taken up.
   */
  async route(orgId: string | null): Promise<void> {
    this.orgId = orgId;
    const ticket = ++this.loading;
    if (!orgId || this.store.getState().progress) return;
    const saved = await this.keeper.load(orgId).catch(() => null);
    if (ticket !== this.loading || !saved || this.store.getState().progress) return;
    this.lastSaved = JSON.stringify(saved);
    this.update(saved, true);
  }

  /** The table of the agent's new reading (a reading of the flow follows it while a run goes on). */
  setTable(table: AccessTableReading | null): void {
    this.table = table;
  }

  /** The agent's reading of the flow: weigh it for the run. */
  observe(observed: Observed): void {
    this.observed = observed;
    this.advance(false);
  }

  /** Do what the panel (or the record question, or a hint) asks. */
  ask(a: RunAsk): void {
    const state = this.store.getState();
    const p = state.progress;
    switch (a.kind) {
      case 'start':
        // The agent reads afresh for the new run (messages on show are no proof of it).
        this.observed = null;
        state.set({ hintedFor: a.hintedFor ?? null, hint: null });
        return this.update(startChecklist(a.checklist, this.now(), a.facts), true);
      case 'abandon':
        state.set({ hintedFor: null });
        return this.update(null, false);
      case 'manual':
        if (!p || p.manual.includes(a.step)) return;
        return this.advance(true, { ...p, manual: [...p.manual, a.step] });
      case 'choosePerson': {
        if (!p) return;
        const facts = { ...p.facts };
        if (a.subject) facts.subject = a.subject;
        else delete facts.subject;
        return this.advance(true, { ...p, facts });
      }
      case 'recorded':
        // Abandoned (or replaced) while the write was on its way: keep what the user chose.
        if (p?.startedAt !== a.startedAt || p.recordedGrantIds !== null) return;
        return this.advance(true, { ...p, recordedGrantIds: [...a.grantIds] });
      case 'laterRecorded':
        if (p?.startedAt !== a.startedAt || (p.laterRecorded ?? []).includes(a.step)) return;
        return this.update({ ...p, laterRecorded: [...(p.laterRecorded ?? []), a.step] }, false);
    }
  }

  /** Weigh the last reading for `p` (the run as it is, by default) and keep the result. */
  private advance(read: boolean, p = this.store.getState().progress): void {
    if (!p) return;
    const { observed, table } = this;
    const next =
      observed && table
        ? advanceChecklist(checklistById(p.checklistId), p, { ...observed, table })
        : p;
    this.update(next, read);
  }

  /** Keep `p` as the run (the panel shows it), with the background, and name its step to the agent. */
  private update(p: ChecklistProgress | null, read: boolean): void {
    this.store.getState().set({ progress: p });
    const run = activeRun(this.store.getState().progress);
    const told = JSON.stringify(run);
    if (read || told !== this.lastTold) {
      this.lastTold = told;
      this.tell(run, read);
    }
    const text = JSON.stringify(p);
    if (!this.orgId || text === this.lastSaved) return;
    this.lastSaved = text;
    // The worker was restarting: the next change saves again.
    this.keeper.save(this.orgId, p).catch(() => (this.lastSaved = ''));
  }
}
