/**
 * Remove a partner: open Partners, click the partner's Remove, confirm; the success message or
 * their row leaving the table is the outcome, and the record marks their grants revoked.
 * Lowering a partner's permission starts with these steps (./lower-partner.ts).
 */
import { openPartners, record, subjectGone, success } from './shared';
import type { Checklist, ChecklistStep } from './types';

/** The steps that remove a partner, their ids prefixed with `prefix`. */
export const removePartnerSteps = (prefix: string): ChecklistStep[] => [
  {
    id: `${prefix}click-remove`,
    done: (obs, facts) => facts.baseline !== undefined || obs.flow.removeConfirmation,
    implies: ['open-partners'],
  },
  {
    id: `${prefix}confirm-remove`,
    done: (obs, facts) => success(obs, 'partnerRemoved') || subjectGone(obs, facts),
    outcome: true,
  },
  {
    id: `${prefix}row-gone`,
    done: subjectGone,
    outcome: true,
  },
];

export const revokePartner: Checklist = {
  id: 'revoke-partner',
  removes: 'partner',
  steps: [openPartners, ...removePartnerSteps(''), record],
  records: ({ subject }) =>
    subject?.partnerBcId
      ? [
          {
            action: 'revoke',
            party: { kind: 'partnerBc', bcId: subject.partnerBcId, name: subject.name },
            accounts: [],
          },
        ]
      : { missing: 'overlay_recordNoPartner' },
};
