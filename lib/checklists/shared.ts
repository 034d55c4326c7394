/**
 * The steps and detectors several checklists share: opening Members or Partners, the record
 * step, whether a removal's subject has left the table, and whether the table newly lists whom
 * the user adds.
 */
import type { FlowState } from '../tiktok/flow';
import { rowDisappeared } from '../tiktok/flow';
import type { AccessTableReading } from '../tiktok/read-table';
import type { PageKind } from '../tiktok/routes';
import type { ChecklistStep, FlowFacts, Observation } from './types';

/** Proof that the page is of this kind. */
export const on = (kind: PageKind) => (obs: Observation) => obs.pageKind === kind;

/** Whether the page shows TikTok's success message of this kind. */
export const success = (obs: Observation, kind: NonNullable<FlowState['success']>['kind']) =>
  obs.flow.success?.kind === kind;

export const openMembers: ChecklistStep = {
  id: 'open-members',
  done: on('bc-members'),
};

export const openPartners: ChecklistStep = {
  id: 'open-partners',
  done: on('bc-partners'),
};

/** The record step (its words say what it records). */
export const record: ChecklistStep = { id: 'record', kind: 'record' };

/** Whether the flow's subject's row has left the table it was picked from. */
export function subjectGone(obs: Observation, facts: FlowFacts): boolean {
  if (!facts.subject || !facts.baseline) return false;
  if (facts.baselineKind !== undefined && facts.baselineKind !== obs.pageKind) return false;
  return rowDisappeared(
    { rows: facts.baseline, complete: true, problems: [] },
    obs.table,
    facts.subject,
  );
}

/** Who a reading lists, as keys comparable with what the user typed (emails, BC IDs). */
export function listedKeys(table: AccessTableReading): string[] {
  return table.rows.flatMap((r) => [
    ...(r.email ? [r.email.toLowerCase()] : []),
    ...(r.partnerBcId ? [r.partnerBcId] : []),
  ]);
}

/** Whether the table now lists `key` (an email, a BC ID) that it did not list when it was typed. */
export function newlyListed(obs: Observation, facts: FlowFacts, key: string): boolean {
  return (
    facts.listedBefore !== undefined &&
    !facts.listedBefore.includes(key) &&
    listedKeys(obs.table).includes(key)
  );
}
