/**
 * Suggestions for campaign items, as pure functions. A suggestion is shown beside the item with
 * its reason and is never applied by itself: the reviewer takes it with its key, or decides
 * otherwise. The rules, and why each exists:
 *
 * - **Contract ended → revoke.** Access outliving the contract that justified it is the commonest
 *   finding of an access review.
 * - **Invited, not accepted after N days → withdraw the invitation** (revoke the pending grant).
 *   TikTok publishes no expiry, so a forgotten invitation stays acceptable; N is the campaign's.
 * - **An agency holding Admin → lower to Operator.** A partner Business Center, or a person from
 *   another organisation than yours, runs campaigns with Operator; Admin also manages users,
 *   finance and settings (docs/tiktok.md).
 * - **Not reviewed for two cadences → review now.** The grant has slipped through two reviews.
 * - **A Business Center left with fewer than two Admins → warn** ({@link adminWarnings}): TikTok
 *   advises keeping two, so that losing one person does not lock the account.
 * - **Undecided at the due date → the campaign's default** (keep or revoke), marked as the
 *   default, when the campaign says so.
 */
import type { Campaign, CampaignItem, LoweredRoles } from '../register/campaign-schema';
import { dayAfter } from '../register/days';
import { isLiveStatus } from '../register/rules';
import { defaultLowering } from './decisions';
import { organisationKey } from './scope';

/** Why something is suggested. */
export type SuggestionKind =
  'contractEnded' | 'invitationStale' | 'agencyAdmin' | 'reviewOverdue' | 'undecidedDefault';

/** The decision a suggestion proposes; `null` asks for a careful look rather than an outcome. */
export type SuggestedDecision =
  { kind: 'keep' } | { kind: 'revoke' } | { kind: 'lower'; lowerTo: LoweredRoles } | null;

/** One suggestion on an item, with what its words need. */
export interface Suggestion {
  kind: SuggestionKind;
  decision: SuggestedDecision;
  /** contractEnded: the day the contract ended; reviewOverdue: the last review (or start) day. */
  day?: string;
  /** invitationStale: days pending; reviewOverdue: days since the last review. */
  days?: number;
}

/** What the suggestions need to know besides the item. */
export interface SuggestionContext {
  campaign: Pick<Campaign, 'staleInvitationDays' | 'undecidedAtDue' | 'dueOn'>;
  /** The organisations of the parties marked as you: a person from any other is an agency. */
  myOrganisations: ReadonlySet<string>;
  now: Date;
}

/** Whole local days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysFromTo(from: string, to: string): number {
  const utc = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return Date.UTC(y!, m! - 1, d!);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The local day of an instant. */
function dayOf(instant: string): string {
  return dayAfter(new Date(instant), 0);
}

/** The organisations of the parties marked as you, as {@link SuggestionContext} wants them. */
export function organisationsOf(
  parties: Iterable<{ isMe: boolean; organisation: string }>,
): Set<string> {
  const out = new Set<string>();
  for (const p of parties)
    if (p.isMe && p.organisation.trim()) out.add(organisationKey(p.organisation));
  return out;
}

/** True for a partner Business Center, or a person (not you) from an organisation not yours. */
export function isAgency(
  party: CampaignItem['party'],
  myOrganisations: ReadonlySet<string>,
): boolean {
  if (!party || party.isMe) return false;
  if (party.kind === 'partnerBc') return true;
  const org = organisationKey(party.organisation);
  return org !== '' && !myOrganisations.has(org);
}

/** The suggestions for one item, most pressing first. */
export function suggestionsFor(
  item: Pick<CampaignItem, 'grant' | 'party' | 'decision'>,
  ctx: SuggestionContext,
): Suggestion[] {
  const g = item.grant;
  const out: Suggestion[] = [];
  if (!isLiveStatus(g.status)) return out;
  const today = dayAfter(ctx.now, 0);
  if (g.contractEndsOn !== null && g.contractEndsOn < today) {
    out.push({ kind: 'contractEnded', decision: { kind: 'revoke' }, day: g.contractEndsOn });
  }
  if (g.status === 'invited' && g.invitedAt !== null) {
    const pending = daysFromTo(dayOf(g.invitedAt), today);
    if (pending >= ctx.campaign.staleInvitationDays) {
      out.push({ kind: 'invitationStale', decision: { kind: 'revoke' }, days: pending });
    }
  }
  if (
    isAgency(item.party, ctx.myOrganisations) &&
    (g.bcRole === 'admin' || g.assetRole === 'admin')
  ) {
    const lowerTo = defaultLowering(g);
    if (lowerTo) out.push({ kind: 'agencyAdmin', decision: { kind: 'lower', lowerTo } });
  }
  const since = g.lastReviewedAt ?? g.acceptedAt ?? g.invitedAt;
  if (since !== null) {
    const days = daysFromTo(dayOf(since), today);
    if (days >= 2 * g.reviewCadenceDays) {
      out.push({ kind: 'reviewOverdue', decision: null, day: dayOf(since), days });
    }
  }
  if (
    item.decision === null &&
    ctx.campaign.undecidedAtDue !== 'undecided' &&
    today >= ctx.campaign.dueOn
  ) {
    out.push({ kind: 'undecidedDefault', decision: { kind: ctx.campaign.undecidedAtDue } });
  }
  return out;
}

/** The first suggestion that proposes a decision: what the "take the suggestion" key takes. */
export function suggestedDecision(suggestions: readonly Suggestion[]): SuggestedDecision {
  for (const s of suggestions) if (s.decision) return s.decision;
  return null;
}

/** A Business Center whose decisions leave it with fewer than two Admins. */
export interface AdminWarning {
  /** The Business Center's TikTok id. */
  bcId: string;
  bcName: string;
  /** Active Admins before the campaign's decisions, and after them. */
  before: number;
  after: number;
  /** The items whose decision takes an Admin away. */
  itemIds: string[];
}

/** True when the item is an active Business Center Admin. */
function isBcAdmin(item: Pick<CampaignItem, 'grant' | 'account'>): boolean {
  return (
    item.account?.kind === 'businessCenter' &&
    item.grant.bcRole === 'admin' &&
    item.grant.status === 'active'
  );
}

/** True when the item's decision takes the Admin role away (revoke, or lowered to Standard). */
function removesAdmin(item: Pick<CampaignItem, 'decision'>): boolean {
  const d = item.decision;
  return (
    d !== null && (d.kind === 'revoke' || (d.kind === 'lower' && d.lowerTo?.bcRole !== 'admin'))
  );
}

/**
 * Business Centers the decisions leave with fewer than two active Admins. `adminsOutside` counts,
 * per Business Center id, the active Admins the campaign does not review (they stay).
 */
export function adminWarnings(
  items: readonly Pick<CampaignItem, 'id' | 'grant' | 'account' | 'decision'>[],
  adminsOutside: ReadonlyMap<string, number> = new Map(),
): AdminWarning[] {
  const byBc = new Map<string, AdminWarning>();
  for (const item of items) {
    if (!isBcAdmin(item) || !item.account) continue;
    const bcId = item.account.externalId;
    let w = byBc.get(bcId);
    if (!w) {
      const outside = adminsOutside.get(bcId) ?? 0;
      w = { bcId, bcName: item.account.name, before: outside, after: outside, itemIds: [] };
      byBc.set(bcId, w);
    }
    w.before++;
    if (removesAdmin(item)) w.itemIds.push(item.id);
    else w.after++;
  }
  return [...byBc.values()].filter((w) => w.itemIds.length > 0 && w.after < 2);
}
