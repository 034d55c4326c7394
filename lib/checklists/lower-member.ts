/**
 * Lower a member's permission on an ad account: open the ad account's access, open Edit
 * permission for them, choose a lower permission, save; the row showing the new permission (or
 * TikTok's saved message) is the outcome, and the record writes the new permission.
 */
import type { AccessRow, AccessTableReading } from '../tiktok/read-table';
import { sameParty } from '../tiktok/read-table';
import type { AssetRoleName } from '../tiktok/controls';
import { record, success } from './shared';
import type { Checklist, FlowFacts, FlowRecords, RecordPage } from './types';

const PERMISSION_RANK = { analyst: 0, operator: 1, admin: 2 } as const;

/** Whether `to` is a lower ad-account permission than `from` (unknown `from`: any change is). */
export function isLower(to: AssetRoleName, from: AccessRow['assetRole'] | undefined): boolean {
  return from === undefined || PERMISSION_RANK[to] < PERMISSION_RANK[from];
}

/** Whether the table now shows the flow's subject with the permission chosen for them. */
function rowShowsRole(table: AccessTableReading, facts: FlowFacts): boolean {
  const who = facts.subject;
  const role = facts.assigned?.role;
  return !!who && !!role && table.rows.some((r) => sameParty(r, who) && r.assetRole === role);
}

/**
 * What lowering a member records: their new permission on the page's ad account. The person is
 * the flow's subject, or whom the Edit permission dialog named (an email, or a name the table
 * gives an email to).
 */
function lowerRecords(facts: FlowFacts, page: RecordPage): FlowRecords {
  const subject = facts.subject;
  const who = facts.assigned?.who ?? subject?.name ?? '';
  const email =
    subject?.email ??
    (who.includes('@') ? who : page.rows.find((r) => r.name === who && r.email)?.email);
  if (!email || !facts.assigned || !page.advertiserId)
    return { missing: 'overlay_recordNoAssignment' };
  const name = subject?.name || (who.includes('@') ? '' : who);
  return [
    {
      action: 'changeRole',
      party: { kind: 'person', email, ...(name ? { name } : {}) },
      accounts: [
        { id: page.advertiserId, name: page.pageHeading ?? '', role: facts.assigned.role },
      ],
    },
  ];
}

export const lowerMember: Checklist = {
  id: 'lower-member',
  steps: [
    {
      id: 'open-asset',
      done: (obs) => obs.pageKind === 'bc-asset-access',
    },
    {
      id: 'open-edit',
      done: (obs, facts) => obs.page.permissionEdit !== null || facts.assigned !== undefined,
      implies: ['open-asset'],
    },
    {
      id: 'choose-lower',
      done: (_obs, facts) =>
        facts.assigned !== undefined && isLower(facts.assigned.role, facts.subject?.assetRole),
      implies: ['open-edit'],
    },
    {
      id: 'save',
      done: (obs, facts) =>
        facts.assigned !== undefined &&
        obs.page.permissionEdit === null &&
        (rowShowsRole(obs.table, facts) || success(obs, 'saved')),
      outcome: true,
    },
    record,
  ],
  records: lowerRecords,
};
