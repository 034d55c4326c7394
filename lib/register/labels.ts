/**
 * The words for the register's values — statuses, roles, parties, accounts, events — all through
 * i18n, one function per way of saying a thing, for every page, the popup's first screen and the
 * reminders alike. Types only from the rest of the register, so the popup's first screen can take
 * these words without the database.
 */
import type { MessageKey } from '../i18n';
import { t } from '../i18n';
import { bcAccessUrl } from '../tiktok/routes';
import type { GrantView } from './grants';
import { accountName, partyName } from './names';
import type { DueReason } from './queries';

export { accountName, partyName };
import type {
  Account,
  AssetRole,
  BcRole,
  EventType,
  FinanceRole,
  Grant,
  GrantStatus,
  Origin,
  Party,
  RegisterEvent,
} from './schema';

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

/**
 * The grant's roles in TikTok's words, e.g. "Standard · Operator"; `noneKey` says "no role" in
 * the sentence's case (mid-sentence in a reminder, a cell of its own in the register).
 */
export function roleNames(
  g: Pick<Grant, 'bcRole' | 'financeRole' | 'assetRole'>,
  noneKey: MessageKey = 'reminders_role_none',
): string {
  const parts = [
    g.bcRole && bcRoleLabel(g.bcRole),
    g.financeRole && financeRoleLabel(g.financeRole),
    g.assetRole && assetRoleLabel(g.assetRole),
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : t(noneKey);
}

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

/** What the words for a party read of it (a grant's party, or a campaign item's snapshot). */
type PartyWords = Pick<Party, 'kind' | 'name' | 'email' | 'bcId' | 'isMe'>;
/** What the words for an account read of it. */
type AccountWords = Pick<Account, 'kind' | 'name' | 'externalId'>;

/** Who holds the access, as a list shows it. */
export function partyLabel(view: { party?: PartyWords | null }): string {
  const p = view.party;
  if (!p) return t('party_unknown');
  if (p.isMe && !p.email) return p.name && p.name !== 'Me' ? p.name : t('party_me');
  const who = p.name || p.email || (p.bcId ? t('party_partnerBcId', p.bcId) : t('party_unnamed'));
  return p.kind === 'partnerBc' ? t('party_partnerSuffix', who) : who;
}

/**
 * Who, by the name the register records alone (no "Me", no partner's suffix), or "Unknown":
 * how a campaign item names whom it is about, in its heading and its row.
 */
export function partyTitle(of: { party?: PartyWords | null }): string {
  return partyName(of.party) || t('party_unknown');
}

/** Who a grant is with, as a sentence says it (a notification, a calendar event). */
export function partyInSentence(of: { party?: PartyWords | null }): string {
  const p = of.party;
  if (!p) return t('reminders_party_unknown');
  const who =
    p.name ||
    p.email ||
    (p.bcId ? t('reminders_party_partnerBc', p.bcId) : t('reminders_party_unnamed'));
  return p.kind === 'partnerBc' && p.name ? t('reminders_party_partnerSuffix', who) : who;
}

/** The account, as a list shows it. */
export function accountLabel(view: { account?: AccountWords | null }): string {
  return accountName(view.account) || t('account_unknown');
}

/** Which account, as a sentence says it: by name, kind and TikTok ID. */
export function accountInSentence(of: { account?: AccountWords | null }): string {
  const a = of.account;
  if (!a) return t('reminders_account_unknown');
  const what = t(a.kind === 'businessCenter' ? 'reminders_account_bc' : 'reminders_account_ad');
  return a.name
    ? t('reminders_account_named', a.name, what, a.externalId)
    : t('reminders_account_unnamed', what, a.externalId);
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
