/**
 * What a finished checklist asks the background to record: each checklist says what its run
 * records (lib/checklists/<checklist>.ts); this adds where it ran and says what is missing in
 * the user's language. Pure, so each flow's record is tested without a browser.
 */
import type { MessageKey } from '@/lib/i18n';
import { t } from '@/lib/i18n';
import type { RecordErrorCode, RecordFlowRequest } from '../messaging/companion';
import type { ChecklistId, FlowFacts, FlowRecord, RecordPage } from '../checklists';
import { checklistById } from '../checklists';

/** Where the flow ran: the Business Center and what the page showed. */
export interface RecordContext extends RecordPage {
  orgId: string;
  bcName: string | null;
}

/** Each record as the contract's request, with the checklist and Business Center it ran in. */
function asRequests(
  id: ChecklistId,
  ctx: Pick<RecordContext, 'orgId' | 'bcName'>,
  records: readonly FlowRecord[],
): RecordFlowRequest[] {
  return records.map((r) => ({ checklist: id, orgId: ctx.orgId, bcName: ctx.bcName, ...r }));
}

/** The requests to send for a finished run (one per invited email), or an error to show. */
export function recordRequests(
  id: ChecklistId,
  facts: FlowFacts,
  ctx: RecordContext,
): RecordFlowRequest[] | { error: string } {
  const records = checklistById(id).records(facts, ctx);
  return 'missing' in records ? { error: t(records.missing) } : asRequests(id, ctx, records);
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
  const step = checklistById(id).steps.find((s) => s.id === stepId);
  return asRequests(id, ctx, step?.recordWhenDone?.(facts, ctx) ?? []);
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
