/** Words for the register's values, all through i18n. */
import type { DueReason } from '@/lib/register/queries';
import type { GrantView } from '@/lib/register/grants';
import type {
  AssetRole,
  BcRole,
  EventType,
  FinanceRole,
  GrantStatus,
  Origin,
  RegisterEvent,
} from '@/lib/register/schema';
import type { MessageKey } from '@/lib/i18n';
import { t } from '@/lib/i18n';
import { bcAccessUrl } from '@/lib/tiktok/routes';

const STATUS_KEYS: Record<GrantStatus, MessageKey> = {
  invited: 'status_invited',
  active: 'status_active',
  revoked: 'status_revoked',
  expired: 'status_expired',
  rejected: 'status_rejected',
  suspended: 'status_suspended',
};
export const STATUSES = Object.keys(STATUS_KEYS) as GrantStatus[];
export const statusLabel = (s: GrantStatus) => t(STATUS_KEYS[s]);

const BC_ROLE_KEYS: Record<BcRole, MessageKey> = {
  admin: 'role_bc_admin',
  standard: 'role_bc_standard',
};
const FINANCE_ROLE_KEYS: Record<FinanceRole, MessageKey> = {
  manager: 'role_finance_manager',
  analyst: 'role_finance_analyst',
};
const ASSET_ROLE_KEYS: Record<AssetRole, MessageKey> = {
  admin: 'role_asset_admin',
  operator: 'role_asset_operator',
  analyst: 'role_asset_analyst',
};
export const bcRoleLabel = (r: BcRole) => t(BC_ROLE_KEYS[r]);
export const financeRoleLabel = (r: FinanceRole) => t(FINANCE_ROLE_KEYS[r]);
export const assetRoleLabel = (r: AssetRole) => t(ASSET_ROLE_KEYS[r]);
export const BC_ROLES = Object.keys(BC_ROLE_KEYS) as BcRole[];
export const FINANCE_ROLES = Object.keys(FINANCE_ROLE_KEYS) as FinanceRole[];
export const ASSET_ROLES = Object.keys(ASSET_ROLE_KEYS) as AssetRole[];

/** Role filter options: `layer:role` ids with their labels. */
export function roleFilterOptions(): { id: string; label: string }[] {
  return [
    ...BC_ROLES.map((r) => ({ id: `bc:${r}`, label: t('roleFilter_bc', bcRoleLabel(r)) })),
    ...FINANCE_ROLES.map((r) => ({ id: `finance:${r}`, label: financeRoleLabel(r) })),
    ...ASSET_ROLES.map((r) => ({
      id: `asset:${r}`,
      label: t('roleFilter_asset', assetRoleLabel(r)),
    })),
  ];
}

const REASON_KEYS: Record<DueReason, MessageKey> = {
  review: 'due_review',
  invitation: 'due_invitation',
  contract: 'due_contract',
};
export const dueReasonLabel = (r: DueReason) => t(REASON_KEYS[r]);

const EVENT_KEYS: Record<EventType, MessageKey> = {
  created: 'event_created',
  invited: 'event_invited',
  accepted: 'event_accepted',
  roleChanged: 'event_roleChanged',
  statusChanged: 'event_statusChanged',
  reviewed: 'event_reviewed',
  revoked: 'event_revoked',
  updated: 'event_updated',
  deleted: 'event_deleted',
  imported: 'event_imported',
  reconciled: 'event_reconciled',
  restored: 'event_restored',
};
export const eventLabel = (e: EventType) => t(EVENT_KEYS[e]);

const DECISION_KEYS: Record<NonNullable<RegisterEvent['decision']>, MessageKey> = {
  keep: 'decision_keep',
  lower: 'decision_lower',
  revoke: 'decision_revoke',
};
export const decisionLabel = (d: NonNullable<RegisterEvent['decision']>) => t(DECISION_KEYS[d]);

/** Who holds the access, as a list shows it. */
export function partyLabel(view: Pick<GrantView, 'party'>): string {
  const p = view.party;
  if (!p) return t('party_unknown');
  if (p.isMe && !p.email) return p.name && p.name !== 'Me' ? p.name : t('party_me');
  const who = p.name || p.email || (p.bcId ? t('party_partnerBcId', p.bcId) : t('party_unnamed'));
  return p.kind === 'partnerBc' ? t('party_partnerSuffix', who) : who;
}

/** The account, as a list shows it. */
export function accountLabel(view: Pick<GrantView, 'account'>): string {
  const a = view.account;
  if (!a) return t('account_unknown');
  return a.name || a.externalId;
}

/** The Business Center page where this grant is managed, if the register knows the BC. */
export function grantBcUrl(view: Pick<GrantView, 'account' | 'party'>): string | null {
  const a = view.account;
  if (!a) return null;
  const orgId = a.kind === 'businessCenter' ? a.externalId : a.ownerBcId;
  if (!orgId) return null;
  return bcAccessUrl(orgId, view.party?.kind === 'partnerBc' ? 'partners' : 'members');
}

const SOURCE_KEYS: Record<Origin, MessageKey> = {
  manual: 'source_manual',
  checklist: 'source_checklist',
  page: 'source_page',
  import: 'source_import',
  sample: 'source_sample',
};
export const sourceLabel = (o: Origin) => t(SOURCE_KEYS[o]);
