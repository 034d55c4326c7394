/**
 * Lower a partner's permission: TikTok only lets a partner's permission be raised, so it is two
 * flows in one — remove the partner (./revoke-partner.ts), then share the ad accounts again at the
 * lower permission (./add-partner.ts). The second half's confirmation proves only the second
 * half; the record writes the new permission.
 */
import { addPartnerSteps, partnerRecords } from './add-partner';
import { removePartnerSteps } from './revoke-partner';
import { openPartners, record } from './shared';
import type { Checklist } from './types';

export const lowerPartner: Checklist = {
  id: 'lower-partner',
  removes: 'partner',
  steps: [
    openPartners,
    ...removePartnerSteps('remove-'),
    ...addPartnerSteps('share-', true),
    record,
  ],
  records: partnerRecords('changeRole'),
};
