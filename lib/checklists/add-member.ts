/**
 * Invite a member: open Members, open the invitation, enter the emails, choose the Business
 * Center role and the ad accounts, confirm; the invitation sent (or listed) is the outcome, and
 * the record writes one invitation per email. Once an invited person shows as active, their
 * acceptance is recorded too.
 */
import { newlyListed, openMembers, record, success } from './shared';
import type { Checklist, FlowFacts, FlowRecord, Observation, RecordPage } from './types';

/** The invitation is listed: an email the user invited now has a row, the dialog closed. */
const invitationListed = (obs: Observation, facts: FlowFacts) =>
  obs.flow.inviteStep === null && (facts.emails ?? []).some((e) => newlyListed(obs, facts, e));

/** Each invited email whose row the table now shows Active: their invitation was accepted. */
const acceptances = (facts: FlowFacts, page: Pick<RecordPage, 'rows'>): FlowRecord[] =>
  (facts.emails ?? [])
    .filter((email) =>
      page.rows.some((r) => r.status === 'active' && r.email?.toLowerCase() === email),
    )
    .map((email) => ({ action: 'accept', party: { kind: 'person', email }, accounts: [] }));

export const addMember: Checklist = {
  id: 'add-member',
  steps: [
    openMembers,
    {
      id: 'open-invite',
      done: (obs, facts) => obs.flow.inviteStep !== null || (facts.emails?.length ?? 0) > 0,
      implies: ['open-members'],
    },
    {
      id: 'enter-email',
      done: (_obs, facts) => (facts.emails?.length ?? 0) > 0,
      implies: ['open-invite'],
    },
    {
      id: 'choose-role',
      done: (_obs, facts) => facts.bcRole !== undefined,
      implies: ['open-invite'],
    },
    {
      id: 'choose-accounts',
      done: (obs, facts) =>
        (facts.accounts?.length ?? 0) > 0 ||
        (obs.flow.inviteStep === 'assets' && obs.flow.confirmShown),
      implies: ['open-invite'],
    },
    {
      id: 'confirm',
      done: (obs, facts) => success(obs, 'invited') || invitationListed(obs, facts),
      outcome: true,
    },
    record,
    {
      id: 'accepted',
      kind: 'later',
      recordWhenDone: acceptances,
      done: (obs, facts) =>
        obs.table.rows.some(
          (r) => r.status === 'active' && r.email !== undefined && facts.emails?.includes(r.email),
        ),
    },
  ],
  records: (facts) =>
    facts.emails?.length
      ? facts.emails.map((email) => ({
          action: 'invite',
          party: { kind: 'person', email },
          bcRole: facts.bcRole ?? null,
          accounts: facts.accounts ?? [],
        }))
      : { missing: 'overlay_recordNoEmail' },
};
