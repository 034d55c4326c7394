/** Words for campaigns: scopes, decisions, flags and suggestions, all through i18n. */
import type {
  CampaignDecision,
  CampaignDecisionKind,
  ItemFlag,
  Suggestion,
  UndecidedAtDue,
} from '@/lib/campaigns';
import type { MessageKey } from '@/lib/i18n';
import { t } from '@/lib/i18n';
import type { Grant } from '@/lib/register';
import { describeRoles, formatDay } from '../shared/format';
import { statusLabel } from '@/lib/register';

const DECISION_KEYS: Record<CampaignDecisionKind, MessageKey> = {
  keep: 'campaignDecision_keep',
  lower: 'campaignDecision_lower',
  revoke: 'campaignDecision_revoke',
  handOff: 'campaignDecision_handOff',
};
/** The name of a decision, as its button says it. */
export const decisionKindLabel = (kind: CampaignDecisionKind) => t(DECISION_KEYS[kind]);

/** A decision as the item shows it: "Lower to Standard · Operator", "Handed to Priya". */
export function decisionSummary(d: CampaignDecision | null): string {
  if (!d) return t('campaign_undecided');
  switch (d.kind) {
    case 'keep':
      return t('campaignDecided_keep');
    case 'revoke':
      return t('campaignDecided_revoke');
    case 'lower':
      return t('campaignDecided_lower', d.lowerTo ? describeRoles(d.lowerTo) : '');
    case 'handOff':
      return t('campaignDecided_handOff', d.handTo ?? '');
  }
}

const UNDECIDED_KEYS: Record<UndecidedAtDue, MessageKey> = {
  undecided: 'undecided_undecided',
  keep: 'undecided_keep',
  revoke: 'undecided_revoke',
};
export const UNDECIDED_CHOICES = Object.keys(UNDECIDED_KEYS) as UndecidedAtDue[];
export const undecidedLabel = (u: UndecidedAtDue) => t(UNDECIDED_KEYS[u]);

export { scopeDescription } from '@/lib/campaigns';

/** Why an item is flagged, with the grant as it is now. */
export function flagText(flag: ItemFlag, current: Grant | undefined): string {
  switch (flag) {
    case 'gone':
      return t('flag_gone');
    case 'status':
      return t('flag_status', current ? statusLabel(current.status) : '');
    case 'roles':
      return t('flag_roles', current ? describeRoles(current) : '');
    case 'changed':
      return t('flag_changed');
  }
}

/** A suggestion with its reason, as one sentence. */
export function suggestionText(s: Suggestion): string {
  switch (s.kind) {
    case 'contractEnded':
      return t('suggestion_contractEnded', formatDay(s.day ?? null));
    case 'invitationStale':
      return t('suggestion_invitationStale', s.days ?? 0);
    case 'agencyAdmin':
      return t(
        'suggestion_agencyAdmin',
        s.decision?.kind === 'lower' ? describeRoles(s.decision.lowerTo) : '',
      );
    case 'reviewOverdue':
      return t('suggestion_reviewOverdue', s.days ?? 0);
    case 'undecidedDefault':
      return t(
        s.decision?.kind === 'revoke'
          ? 'suggestion_undecidedDefault_revoke'
          : 'suggestion_undecidedDefault_keep',
      );
  }
}
