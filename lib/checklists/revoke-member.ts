/**
 * Remove a member: open Members, find their Remove (a row's button, a details drawer's, a row
 * menu's item), confirm, enter the confirmation code; the success message or their row leaving
 * the table is the outcome, and the record marks their grants revoked.
 */
import { openMembers, record, subjectGone, success } from './shared';
import type { Checklist } from './types';

export const revokeMember: Checklist = {
  id: 'revoke-member',
  removes: 'member',
  steps: [
    openMembers,
    {
      id: 'find-remove',
      done: (obs, facts) => facts.baseline !== undefined || obs.flow.removeConfirmation,
      implies: ['open-members'],
    },
    {
      id: 'confirm-remove',
      done: (obs) => obs.flow.confirmationCodeStep || success(obs, 'memberRemoved'),
      implies: ['find-remove'],
    },
    {
      id: 'enter-code',
      done: (obs, facts) => success(obs, 'memberRemoved') || subjectGone(obs, facts),
      outcome: true,
    },
    {
      id: 'row-gone',
      done: subjectGone,
      outcome: true,
    },
    record,
  ],
  records: ({ subject }) =>
    subject?.email
      ? [
          {
            action: 'revoke',
            party: { kind: 'person', email: subject.email, name: subject.name },
            bcRole: subject.bcRole ?? null,
            accounts: [],
          },
        ]
      : { missing: 'overlay_recordNoSubject' },
};
