/**
 * What a finished checklist asks the background to record, built from the facts the run
 * gathered on the page. Pure, so each flow's record is tested without a browser.
 */
import type { MessageKey } from '@/lib/i18n';
import { t } from '@/lib/i18n';
import type { RecordErrorCode, RecordFlowRequest } from '../messaging/companion';
import type { AccessRow } from '../tiktok';
import type { ChecklistId, FlowFacts } from '../checklists';

/** Where the flow ran: the Business Center and, on an ad account's page, which one. */
export interface RecordContext {
  orgId: string;
  bcName: string | null;
  advertiserId: string | null;
  /** The ad account's name as its page heading shows it. */
  pageHeading: string | null;
  rows: readonly AccessRow[];
}

/** The requests to send for a finished run (one per invited email), or an error to show. */
export function recordRequests(
  id: ChecklistId,
  facts: FlowFacts,
  ctx: RecordContext,
): RecordFlowRequest[] | { error: string } {
  const base = { checklist: id, orgId: ctx.orgId, bcName: ctx.bcName };
  const subject = facts.subject;
  switch (id) {
    case 'add-member': {
      if (!facts.emails?.length) return { error: t('overlay_recordNoEmail') };
      return facts.emails.map((email) => ({
        ...base,
        action: 'invite',
        party: { kind: 'person', email },
        bcRole: facts.bcRole ?? null,
        accounts: facts.accounts ?? [],
      }));
    }
    case 'add-partner':
    case 'lower-partner': {
      const bcId = facts.partnerBcId ?? subject?.partnerBcId;
      if (!bcId) return { error: t('overlay_recordNoBcId') };
      return [
        {
          ...base,
          action: id === 'add-partner' ? 'invite' : 'changeRole',
          party: {
            kind: 'partnerBc',
            bcId,
            ...(subject?.partnerBcId === bcId ? { name: subject.name } : {}),
          },
          accounts: facts.accounts ?? [],
        },
      ];
    }
    case 'revoke-member': {
      if (!subject?.email) return { error: t('overlay_recordNoSubject') };
      return [
        {
          ...base,
          action: 'revoke',
          party: { kind: 'person', email: subject.email, name: subject.name },
          bcRole: subject.bcRole ?? null,
          accounts: [],
        },
      ];
    }
    case 'revoke-partner': {
      if (!subject?.partnerBcId) return { error: t('overlay_recordNoPartner') };
      return [
        {
          ...base,
          action: 'revoke',
          party: { kind: 'partnerBc', bcId: subject.partnerBcId, name: subject.name },
          accounts: [],
        },
      ];
    }
    case 'lower-member': {
      const who = facts.assigned?.who ?? subject?.name ?? '';
      const email =
        subject?.email ??
        (who.includes('@') ? who : ctx.rows.find((r) => r.name === who && r.email)?.email);
      if (!email || !facts.assigned || !ctx.advertiserId)
        return { error: t('overlay_recordNoAssignment') };
      const name = subject?.name || (who.includes('@') ? '' : who);
      return [
        {
          ...base,
          action: 'changeRole',
          party: { kind: 'person', email, ...(name ? { name } : {}) },
          accounts: [
            { id: ctx.advertiserId, name: ctx.pageHeading ?? '', role: facts.assigned.role },
          ],
        },
      ];
    }
    case 'troubleshoot':
      return [];
  }
}

/**
 * What a `recordWhenDone` step the page proved asks the background to write: for add-member's
 * "accepted", each invited email's grants in this Business Center become active.
 */
export function laterRecordRequests(
  id: ChecklistId,
  stepId: string,
  facts: FlowFacts,
  ctx: Pick<RecordContext, 'orgId' | 'bcName' | 'rows'>,
): RecordFlowRequest[] {
  if (id !== 'add-member' || stepId !== 'accepted') return [];
  const accepted = (facts.emails ?? []).filter((email) =>
    ctx.rows.some((r) => r.status === 'active' && r.email?.toLowerCase() === email),
  );
  return accepted.map((email) => ({
    checklist: id,
    orgId: ctx.orgId,
    bcName: ctx.bcName,
    action: 'accept',
    party: { kind: 'person', email },
    accounts: [],
  }));
}

const ERROR_WORDS: Readonly<Record<RecordErrorCode, MessageKey>> = {
  invalidRequest: 'record_error_invalidRequest',
  needsEmail: 'record_error_needsEmail',
  needsBcId: 'record_error_needsBcId',
  conflict: 'record_error_conflict',
  statusTransition: 'record_error_statusTransition',
  notFound: 'record_error_notFound',
  storage: 'record_error_storage',
  clientAccount: 'record_error_clientAccount',
  needsConfirmation: 'overlay_updateAllNeedsConfirmation',
};

/**
 * Why the background refused a write, in the user's language: the background sends a code
 * (its English message is for logs), anything else (no answer, a worker restart) is "unknown".
 */
export function recordErrorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const key =
    typeof code === 'string' && code in ERROR_WORDS
      ? ERROR_WORDS[code as RecordErrorCode]
      : 'record_error_unknown';
  return t(key);
}
