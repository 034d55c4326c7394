/**
 * Add a partner: open Partners, open Add partners, enter the partner's Business Center ID,
 * choose the ad accounts and their permission, confirm; the partner added (or listed) is the
 * outcome, and the record writes it. Lowering a partner's permission shares again with these
 * steps after a removal (./lower-partner.ts).
 */
import { newlyListed, openPartners, record, success } from './shared';
import type { Checklist, ChecklistStep, FlowFacts, FlowRecords, Observation } from './types';

/** The partner is listed: the BC ID the user entered now has a row, the dialog closed. */
const partnerListed = (obs: Observation, facts: FlowFacts) =>
  facts.partnerBcId !== undefined &&
  obs.page.addPartnerStep === null &&
  newlyListed(obs, facts, facts.partnerBcId);

/**
 * The steps that share ad accounts with a partner, their ids prefixed with `prefix`; `lower`:
 * they follow a removal, whose outcome they do not prove.
 */
export const addPartnerSteps = (prefix: string, lower: boolean): ChecklistStep[] => [
  {
    id: `${prefix}open-add`,
    done: (obs, facts) => obs.page.addPartnerStep !== null || facts.partnerBcId !== undefined,
    implies: ['open-partners'],
  },
  {
    id: `${prefix}enter-bc-id`,
    done: (obs, facts) => facts.partnerBcId !== undefined && obs.page.addPartnerStep !== 'details',
    implies: [`${prefix}open-add`],
  },
  {
    id: `${prefix}choose-accounts`,
    done: (_obs, facts) => (facts.accounts?.length ?? 0) > 0,
    implies: [`${prefix}open-add`, `${prefix}enter-bc-id`],
  },
  {
    id: `${prefix}confirm`,
    done: (obs, facts) => success(obs, 'partnerAdded') || partnerListed(obs, facts),
    // Sharing again, after a removal, proves the sharing only: not that the removal happened.
    ...(lower
      ? { implies: [`${prefix}choose-accounts`, 'open-partners'] }
      : { outcome: true as const }),
  },
];

/**
 * What sharing ad accounts with a partner records: the partner (named as the table showed them,
 * when they are whom the flow picked) and the accounts chosen, with `action`.
 */
export const partnerRecords =
  (action: 'invite' | 'changeRole') =>
  (facts: FlowFacts): FlowRecords => {
    const subject = facts.subject;
    const bcId = facts.partnerBcId ?? subject?.partnerBcId;
    if (!bcId) return { missing: 'overlay_recordNoBcId' };
    return [
      {
        action,
        party: {
          kind: 'partnerBc',
          bcId,
          ...(subject?.partnerBcId === bcId ? { name: subject.name } : {}),
        },
        accounts: facts.accounts ?? [],
      },
    ];
  };

export const addPartner: Checklist = {
  id: 'add-partner',
  steps: [openPartners, ...addPartnerSteps('', false), record],
  records: partnerRecords('invite'),
};
