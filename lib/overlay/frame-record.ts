/**
 * Recording a run, in the companion frame (never in the page agent): when the page proves a
 * checklist's outcome (the row gone, the invitation listed as pending, the partner listed), the
 * frame shows what the register will be given and writes it only when the user chooses Record;
 * Not now finishes the run without a write, and abandoning it writes nothing. Whose the Business
 * Center is (on a client's, its members are not for my register) is looked up here too. What was
 * recorded (grant ids) goes into the run's progress (lib/overlay/frame-run.ts).
 */
import type { OverlayStore } from './store';
import type { AccountOwnershipView, RecordFlowRequest } from '../messaging/companion';
import { t } from '../i18n';
import type { ChecklistProgress } from '../checklists';
import { checklistById, laterToRecord, readyToRecord } from '../checklists';
import type { PageReading } from './frame-advice';
import type { RunAsk } from './frame-run';
import { laterRecordRequests, recordErrorText, recordRequests } from './record-request';

/** How the frame reaches the background (the extension's messaging, or a test's stand-in). */
export interface RecordTarget {
  record(request: RecordFlowRequest): Promise<{ grantIds: string[] }>;
  ownership(orgId: string): Promise<AccountOwnershipView>;
}

const roleWord = (role: 'admin' | 'operator' | 'analyst') => t(`role_asset_${role}`);

/** One line saying what a request will write, in the user's language. */
export function recordLine(r: RecordFlowRequest): string {
  const party =
    r.party.kind === 'person'
      ? r.party.name
        ? `${r.party.name} (${r.party.email})`
        : (r.party.email ?? '')
      : r.party.name
        ? `${r.party.name} (${t('overlay_recordPartner', r.party.bcId ?? '')})`
        : t('overlay_recordPartner', r.party.bcId ?? '');
  const roles = [
    ...(r.action === 'invite' && r.bcRole ? [t(`role_bc_${r.bcRole}`)] : []),
    ...r.accounts.map((a) => `${a.name || a.id}: ${roleWord(a.role)}`),
  ];
  const what = roles.length > 0 ? `${party} — ${roles.join(', ')}` : party;
  return t(`overlay_recordLine_${r.action}`, what);
}

/** Keeps the frame's record question, its errors and whose the Business Center is up to date. */
export class FlowRecorder {
  private reading: PageReading | null = null;
  /** The Business Center whose ownership is known (or being asked), and the answer. */
  private ownershipOrg: string | null = null;
  private ownershipKnown = false;
  private ownershipTicket = 0;
  /** The run the question is about, and what Record writes. */
  private asked: { startedAt: string; requests: RecordFlowRequest[] } | null = null;
  private run: string | null = null;
  /** Runs recorded, finished without a write, or declined: never asked again. */
  private settled = new Set<string>();
  private writing = false;
  private later = new Set<string>();

  constructor(
    private readonly store: OverlayStore,
    private readonly target: RecordTarget,
    private readonly post: (ask: RunAsk) => void,
  ) {
    store.subscribe((s, before) => {
      if (s.progress !== before.progress) this.check();
    });
  }

  /** The agent's new reading of the page. */
  setReading(reading: PageReading): void {
    this.reading = reading;
    if (reading.orgId !== this.ownershipOrg) void this.loadOwnership(reading.orgId);
    this.check();
  }

  /** Whose the Business Center shown is: on a client's, the panel shows my access there. */
  private async loadOwnership(orgId: string | null): Promise<void> {
    const ticket = ++this.ownershipTicket;
    this.ownershipOrg = orgId;
    this.ownershipKnown = orgId === null;
    if (!orgId) {
      this.store.getState().set({ heldBc: null });
      return;
    }
    if (this.store.getState().heldBc?.orgId !== orgId) this.store.getState().set({ heldBc: null });
    const owner = await this.target.ownership(orgId).catch(() => null);
    if (ticket !== this.ownershipTicket) return;
    this.ownershipKnown = true;
    this.store.getState().set({ heldBc: owner?.ownership === 'client' ? owner : null });
    this.check();
  }

  /** Bring the question up to date with the run's progress and the page's reading. */
  private check(): void {
    const state = this.store.getState();
    const p = state.progress;
    if (p?.startedAt !== this.run) {
      // A new run (or none): the last one's question and error go with it.
      this.run = p?.startedAt ?? null;
      this.asked = null;
      state.set({ recordAsk: null, recordError: null });
    }
    if (!p) return;
    const c = checklistById(p.checklistId);
    if (readyToRecord(c, p) && !this.settled.has(p.startedAt)) this.ask(p);
    else if (this.asked) {
      this.asked = null;
      state.set({ recordAsk: null });
    }
    const step = laterToRecord(c, p);
    if (step) void this.recordLater(p, step.id);
  }

  private ask(p: ChecklistProgress): void {
    const state = this.store.getState();
    const reading = this.reading;
    if (!reading) return;
    const orgId = reading.orgId;
    if (!orgId) {
      state.set({ recordAsk: null, recordError: t('overlay_noBcOnPage') });
      return;
    }
    if (orgId !== this.ownershipOrg || !this.ownershipKnown) return; // asked; back when known
    if (state.heldBc?.orgId === orgId) {
      // A client's Business Center: whom the client lets in is not for my register (it keeps my
      // own access there, which the held-visit capture follows). Finish without a write.
      this.finish(p.startedAt, []);
      return;
    }
    const requests = recordRequests(p.checklistId, p.facts, {
      orgId,
      bcName: reading.bcName,
      advertiserId: reading.advertiserId ?? null,
      pageHeading: reading.pageHeading ?? null,
      rows: reading.table?.rows ?? [],
    });
    if ('error' in requests) {
      this.asked = null;
      state.set({ recordAsk: null, recordError: requests.error });
      return;
    }
    if (requests.length === 0) {
      this.finish(p.startedAt, []);
      return;
    }
    this.asked = { startedAt: p.startedAt, requests };
    state.set({ recordAsk: requests.map(recordLine) });
  }

  private finish(startedAt: string, grantIds: string[]): void {
    this.settled.add(startedAt);
    this.asked = null;
    this.store.getState().set({ recordAsk: null, recordError: null });
    this.post({ kind: 'recorded', startedAt, grantIds });
  }

  /** The user chose Record: write what the question showed. */
  async confirm(): Promise<void> {
    const asked = this.asked;
    if (!asked || this.writing) return;
    this.writing = true;
    try {
      const ids: string[] = [];
      for (const r of asked.requests) ids.push(...(await this.target.record(r)).grantIds);
      // Abandoned (or replaced) while the write was on its way: keep what the user chose.
      if (this.store.getState().progress?.startedAt !== asked.startedAt) return;
      this.finish(asked.startedAt, ids);
    } catch (error) {
      this.store.getState().set({ recordError: t('overlay_recordFailed', recordErrorText(error)) });
    } finally {
      this.writing = false;
    }
  }

  /** The user chose Not now: the run finishes on their word, and the register is not written. */
  decline(): void {
    const asked = this.asked;
    const p = this.store.getState().progress;
    if (!asked || p?.startedAt !== asked.startedAt) return;
    const step = checklistById(p.checklistId).steps.find((s) => s.kind === 'record');
    this.settled.add(asked.startedAt);
    this.asked = null;
    this.store.getState().set({ recordAsk: null, recordError: null });
    if (step) this.post({ kind: 'manual', step: step.id });
  }

  /** Write what a `later` step proved (an invitation accepted), once. */
  private async recordLater(p: ChecklistProgress, stepId: string): Promise<void> {
    const key = `${p.startedAt} ${stepId}`;
    const orgId = this.reading?.orgId;
    if (this.later.has(key) || !orgId || orgId !== this.ownershipOrg || !this.ownershipKnown)
      return;
    this.later.add(key);
    const done = () => this.post({ kind: 'laterRecorded', startedAt: p.startedAt, step: stepId });
    // Nothing was recorded for the run on a client's Business Center: nothing to follow up.
    if (this.store.getState().heldBc?.orgId === orgId) return done();
    const requests = laterRecordRequests(p.checklistId, stepId, p.facts, {
      orgId,
      bcName: this.reading?.bcName ?? null,
      rows: this.reading?.table?.rows ?? [],
    });
    try {
      for (const r of requests) await this.target.record(r);
      if (this.store.getState().progress?.startedAt === p.startedAt) done();
    } catch (error) {
      this.later.delete(key);
      this.store.getState().set({ recordError: t('overlay_recordFailed', recordErrorText(error)) });
    }
  }
}
