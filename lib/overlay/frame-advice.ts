/**
 * What the companion panel works out from the register, in the companion frame (an extension
 * page) and never in the page agent: the reconcile card, the troubleshoot card, the email
 * check ("already a member") and the advice on the run's choices (least privilege, Admins). The agent tells the frame what it read from the page
 * ({@link PageReading}) and the run's progress (the panel's state); the frame asks the background
 * for the register's rows of its own tab's Business Center and combines the two here. So the
 * register's rows stay in extension pages: a script of TikTok's page can reach the content
 * script's memory and the page's DOM, but neither the frame (cross-origin, in a closed shadow
 * root) nor the background.
 */
import type { OverlayStore } from './store';
import type { PanelState } from './frame-bridge';
import type { ReconcileUpdate, RegisterRowView } from '../messaging/companion';
import { t } from '../i18n';
import type { Advice } from '../tiktok';
import type { ChecklistProgress } from '../checklists';
import {
  adminCountAdvice,
  assetRoleAdvice,
  bcRoleAdvice,
  emailAdvice,
  ownershipNote,
} from '../tiktok/advice';
import { isLower } from '../checklists';
import type { AccessTableReading } from '../tiktok/read-table';
import { readTablesData } from '../tiktok/read-table';
import type { AgentReading } from './frame-bridge';
import type { PageKind } from '../tiktok/routes';
import { reconcile } from './reconcile';
import { recordErrorText } from './record-request';
import { troubleshootView } from './troubleshoot';

/** What the agent read from the page, for the frame's register checks (plain data). */
export interface PageReading {
  pageKind: PageKind;
  /** The Business Center the page's URL names, or null. */
  orgId: string | null;
  bcName: string | null;
  /** The access table as last read; null while nothing reads it (no checklist, panel hidden). */
  table: AccessTableReading | null;
  /** The ad account the URL names (`aadvid`), or null. */
  advertiserId?: string | null;
  /** The page's own heading (an ad account's name on its page), read with the table. */
  pageHeading?: string | null;
}

/** The agent's reading with its table read here, from the data the agent took (table-data.ts). */
export function pageReadingOf(reading: AgentReading): PageReading {
  return { ...reading, table: reading.table && readTablesData(reading.table) };
}

/** How the frame reaches the background (the extension's messaging, or a test's stand-in). */
export interface RegisterSource {
  /** The register's rows for the frame's tab's Business Center, and which one that is. */
  rows(): Promise<{ orgId: string | null; rows: RegisterRowView[] }>;
  apply(updates: ReconcileUpdate[], confirmed: boolean): Promise<unknown>;
}

/** The email check's advice for an add-member run: the register's people and the page's rows. */
export function emailCheck(
  p: ChecklistProgress | null,
  table: AccessTableReading | null,
  register: readonly RegisterRowView[],
): Advice[] {
  if (p?.checklistId !== 'add-member') return [];
  // Once the invitation is sent (Confirm done), the person is on the page and in the register
  // because of this run: the email check has nothing left to warn about.
  if (p.done.includes('confirm') || p.manual.includes('confirm')) return [];
  const known = register.map((g) => ({ email: g.email, status: g.status }));
  return (p.facts.emails ?? []).flatMap((e) => emailAdvice(e, table?.rows ?? [], known));
}

const roleWord = (role: 'admin' | 'operator' | 'analyst') => t(`role_asset_${role}`);

/**
 * The advice on what a run chose, from its facts and the page's table: the least privilege for
 * the job, Admin warnings, the last Admins of a Business Center, a permission that is not lower.
 */
export function runAdvice(p: ChecklistProgress | null, table: AccessTableReading | null): Advice[] {
  if (!p) return [];
  const f = p.facts;
  switch (p.checklistId) {
    case 'add-member':
      return [...bcRoleAdvice(f.bcRole), ...assetRoleAdvice((f.accounts ?? []).map((a) => a.role))];
    case 'add-partner':
    case 'lower-partner':
      return [ownershipNote(), ...assetRoleAdvice((f.accounts ?? []).map((a) => a.role))];
    case 'revoke-member':
      return adminCountAdvice(f.baseline ?? table?.rows ?? [], f.subject);
    case 'lower-member':
      return f.assigned && f.subject?.assetRole && !isLower(f.assigned.role, f.subject.assetRole)
        ? [
            {
              level: 'warning',
              text: t('advice_notLower', roleWord(f.assigned.role), roleWord(f.subject.assetRole)),
            },
          ]
        : [];
    default:
      return [];
  }
}

/**
 * Keeps the frame's store's derived fields (reconcile, troubleshoot, the advice) up to date with
 * the agent's readings, the run's progress and the register.
 */
export class RegisterAdvisor {
  private reading: PageReading | null = null;
  private register: RegisterRowView[] | null = null;
  private registerOrg: string | null = null;
  /** What last asked the register to be read again: a new org or a finished write. */
  private loadedFor = '';
  private loading = 0;

  constructor(
    private readonly store: OverlayStore,
    private readonly source: RegisterSource,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Whose the Business Center is arrives on its own (lib/overlay/frame-record.ts): a client's
    // has no reconcile findings.
    // The run is the frame's own too (lib/overlay/frame-run.ts): what it recorded reads the
    // register again, and its facts change the advice.
    store.subscribe((s, before) => {
      if (s.progress !== before.progress) this.refresh();
      else if (s.heldBc !== before.heldBc) this.compute();
    });
  }

  /** The agent's new reading of the page. */
  setReading(reading: PageReading): void {
    this.reading = reading;
    this.refresh();
  }

  /**
   * Take a patch of the agent's panel state: the findings and the advice are the frame's own (the
   * agent's values for them are dropped).
   */
  takeState(patch: Partial<PanelState>): void {
    const {
      advice: _advice,
      reconcile: _reconcile,
      troubleshoot: _troubleshoot,
      // What the frame works out with the register (lib/overlay/frame-record.ts).
      heldBc: _heldBc,
      recordError: _recordError,
      recordAsk: _recordAsk,
      // The run (lib/overlay/frame-run.ts).
      progress: _progress,
      hintedFor: _hintedFor,
      ...rest
    } = patch;
    this.store.getState().set(rest);
    this.refresh();
  }

  /** Read the register again when the Business Center or what a run recorded changed. */
  private wanted(): string {
    const p = this.store.getState().progress;
    const org = this.reading?.orgId ?? '';
    return `${org} ${JSON.stringify(p?.recordedGrantIds ?? null)} ${JSON.stringify(p?.laterRecorded ?? null)}`;
  }

  private refresh(): void {
    const orgId = this.reading?.orgId ?? null;
    const wanted = this.wanted();
    if (orgId && wanted !== this.loadedFor) {
      this.loadedFor = wanted;
      void this.load(orgId);
    }
    if (!orgId) {
      this.register = null;
      this.registerOrg = null;
    }
    this.compute();
  }

  /** Load the register's rows for `orgId` (the background answers for the frame's own tab). */
  async load(orgId: string): Promise<void> {
    const ticket = ++this.loading;
    try {
      const answer = await this.source.rows();
      if (ticket !== this.loading) return;
      // Rows for another Business Center than the page reading's (the tab moved on) are not used.
      this.register = answer.orgId === orgId ? answer.rows : null;
      this.registerOrg = this.register ? orgId : null;
    } catch {
      if (ticket !== this.loading) return;
      this.register = null;
      this.registerOrg = null;
    }
    this.compute();
  }

  private compute(): void {
    const state = this.store.getState();
    const reading = this.reading;
    const register = reading?.orgId === this.registerOrg ? this.register : null;
    const p = state.progress;
    const table = reading?.table ?? null;
    // The email check goes first.
    const advice = [...emailCheck(p, table, register ?? []), ...runAdvice(p, table)];
    const view =
      p?.checklistId === 'troubleshoot'
        ? troubleshootView(reading?.table?.rows ?? [], register ?? [], p.facts.subject)
        : null;
    state.set({ advice, troubleshoot: view, reconcile: this.findings(register) });
  }

  private findings(register: RegisterRowView[] | null) {
    const reading = this.reading;
    const orgId = reading?.orgId;
    const kind =
      reading?.pageKind === 'bc-members'
        ? 'member'
        : reading?.pageKind === 'bc-partners'
          ? 'partner'
          : null;
    if (
      !kind ||
      !orgId ||
      !register ||
      !reading.table ||
      reading.table.rows.length === 0 ||
      // A client's Business Center: its members are not people with access to my accounts.
      this.store.getState().heldBc?.orgId === orgId
    )
      return [];
    return reconcile(reading.table, register, {
      orgId,
      bcName: reading.bcName,
      now: this.now(),
      kind,
    });
  }

  /**
   * Apply one or all reconcile findings to the register, each its own event. `confirmed`: the
   * user confirmed changing several at once (the background refuses that without it).
   */
  async applyReconcile(keys: readonly string[], confirmed: boolean): Promise<void> {
    const updates = this.store
      .getState()
      .reconcile.filter((f) => keys.includes(f.key) && f.update)
      .map((f) => f.update!);
    if (updates.length === 0) return;
    try {
      await this.source.apply(updates, confirmed);
    } catch (error) {
      this.store.getState().set({
        recordError: t('overlay_reconcileFailed', recordErrorText(error)),
      });
    }
    const orgId = this.reading?.orgId;
    if (orgId) await this.load(orgId);
  }
}
