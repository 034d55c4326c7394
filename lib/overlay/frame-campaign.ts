/**
 * The campaigns' read-back, in the companion frame: every access table the agent reads is sent to
 * the background (which keeps to the tab's own Business Center) to be read against the open
 * campaigns' decisions there, so a decision carried out is verified by the page and a later visit
 * that shows it undone flags it. A run started from a campaign's "Carry out" is counted once it
 * finishes. Only rows go out, without names; a table already sent is not sent again.
 */
import type { OverlayStore } from './store';
import type { CampaignReadingAnswer, CampaignReadingRequest } from '../messaging/companion';
import type { ChecklistProgress } from '../checklists';
import { checklistById, checklistFinished } from '../checklists';
import type { PageReading } from './frame-advice';

/** How the frame reaches the background (the extension's messaging, or a test's stand-in). */
export interface CampaignReadingTarget {
  reading(request: CampaignReadingRequest): Promise<CampaignReadingAnswer>;
}

/** The table of a reading as the background reads it back; null when nothing was read. */
export function tableOfReading(reading: PageReading): CampaignReadingRequest['table'] {
  const t = reading.table;
  if (!reading.orgId || !t) return null;
  const kind = t.rows[0]?.kind ?? (reading.pageKind === 'bc-partners' ? 'partner' : 'member');
  return {
    table: kind === 'partner' ? 'partners' : 'members',
    complete: t.complete,
    rows: t.rows.map((r) => ({
      ...(r.email ? { email: r.email } : {}),
      ...(r.partnerBcId ? { partnerBcId: r.partnerBcId } : {}),
      ...(r.bcRole ? { bcRole: r.bcRole } : {}),
      ...(r.assetRole ? { assetRole: r.assetRole } : {}),
      status: r.status,
    })),
  };
}

/** Whether the page itself proved the run's subject's row gone (never the user's "I did this"). */
export function rowLeft(p: ChecklistProgress): boolean {
  return checklistById(p.checklistId).steps.some(
    (s) =>
      s.outcome && s.id.endsWith('row-gone') && p.done.includes(s.id) && !p.manual.includes(s.id),
  );
}

/** Sends the page's readings and finished "Carry out" runs to the background. */
export class CampaignReadBack {
  private reading: PageReading | null = null;
  private sent = '';
  /** Runs whose finish the background has counted (by their start). */
  private counted = new Set<string>();

  constructor(
    private readonly store: OverlayStore,
    private readonly target: CampaignReadingTarget,
  ) {
    store.subscribe((s, before) => {
      if (s.progress !== before.progress) this.check();
    });
  }

  /** The agent's new reading of the page. */
  setReading(reading: PageReading): void {
    this.reading = reading;
    this.check();
  }

  private check(): void {
    const reading = this.reading;
    if (!reading?.orgId) return;
    const table = tableOfReading(reading);
    const p = this.store.getState().progress;
    const itemId = p?.facts.campaignItemId;
    const finished =
      !!p &&
      !!itemId &&
      !this.counted.has(p.startedAt) &&
      checklistFinished(checklistById(p.checklistId), p);
    const key = JSON.stringify([reading.orgId, reading.advertiserId ?? null, table]);
    if (!finished && (table === null || key === this.sent)) return;
    this.sent = key;
    if (finished) this.counted.add(p.startedAt);
    const request: CampaignReadingRequest = {
      table,
      ...(finished
        ? { carried: { itemId: itemId!, checklist: p.checklistId, rowLeft: rowLeft(p) } }
        : {}),
    };
    void this.target
      .reading(request)
      .then(({ verified, contradicted }) => {
        // Said in the panel until a later reading has news of its own.
        if (verified > 0 || contradicted > 0)
          this.store.getState().set({ campaignNews: { verified, contradicted } });
      })
      .catch(() => {
        // Not read back (the worker restarting, a write refused): the next reading tries again.
        this.sent = '';
        if (finished) this.counted.delete(p.startedAt);
      });
  }
}
