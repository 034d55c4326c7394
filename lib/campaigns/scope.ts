/**
 * Which grants a campaign reviews. A campaign reviews live grants only (invited, active or
 * suspended): an ended grant gives no access, so there is nothing to decide about it.
 */
import type { GrantView } from '../register/queries';
import { perspectiveOf } from '../register/queries';
import { isLive } from '../register/rules';
import type { CampaignScope } from '../register/campaign-schema';

/** Lower-cased and trimmed, so "Brightlane Agency " and "brightlane agency" are one agency. */
export function organisationKey(organisation: string): string {
  return organisation.trim().toLocaleLowerCase();
}

/**
 * A test for "this grant is in the scope". An account scope on a Business Center takes in the ad
 * accounts it owns (matched by the Business Center's TikTok id), since its admins review those too.
 */
export function scopeTest(
  scope: CampaignScope,
  views: readonly GrantView[],
): (view: GrantView) => boolean {
  switch (scope.kind) {
    case 'everything':
      return () => true;
    case 'perspective':
      return (v) => perspectiveOf(v) === scope.perspective;
    case 'party':
      return (v) => v.grant.partyId === scope.partyId;
    case 'organisation': {
      const key = organisationKey(scope.organisation);
      return (v) => v.party !== undefined && organisationKey(v.party.organisation) === key;
    }
    case 'account': {
      const chosen = views.find((v) => v.account?.id === scope.accountId)?.account;
      const ownedBy = chosen?.kind === 'businessCenter' ? chosen.externalId : null;
      return (v) =>
        v.grant.accountId === scope.accountId ||
        (ownedBy !== null && v.account?.kind === 'adAccount' && v.account.ownerBcId === ownedBy);
    }
  }
}

/** The live grants in scope, in the order a reviewer walks them: by account, then by party. */
export function grantsInScope(views: readonly GrantView[], scope: CampaignScope): GrantView[] {
  const test = scopeTest(scope, views);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const accountKey = (v: GrantView) => v.account?.name || v.account?.externalId || '';
  const partyKey = (v: GrantView) => v.party?.name || v.party?.email || v.party?.bcId || '';
  return views
    .filter((v) => isLive(v.grant) && test(v))
    .sort(
      (a, b) =>
        collator.compare(accountKey(a), accountKey(b)) ||
        collator.compare(partyKey(a), partyKey(b)) ||
        a.grant.id.localeCompare(b.grant.id),
    );
}
