/**
 * Reading a campaign's items as pure functions: whether the grant changed since the snapshot,
 * the progress, and the filters the campaign view offers.
 */
import type { CampaignItem } from '../register/campaign-schema';
import type { Grant } from '../register/schema';

/**
 * How the grant differs from the campaign's snapshot of it: gone (deleted), another status,
 * other roles, or otherwise changed (another revision). The reviewer decides on the snapshot, so
 * a flagged item is one to look at again before the decision is carried out.
 */
export type ItemFlag = 'gone' | 'status' | 'roles' | 'changed';

/** The flag of an item given the grant as it is now (undefined when no longer in the register). */
export function itemFlag(
  item: Pick<CampaignItem, 'grant'>,
  current: Grant | undefined,
): ItemFlag | null {
  const was = item.grant;
  if (!current || current.deletedAt !== null) return 'gone';
  if (current.rev === was.rev) return null;
  if (current.status !== was.status) return 'status';
  if (
    current.bcRole !== was.bcRole ||
    current.financeRole !== was.financeRole ||
    current.assetRole !== was.assetRole
  ) {
    return 'roles';
  }
  return 'changed';
}

/** How far a campaign has come. */
export interface CampaignProgress {
  decided: number;
  total: number;
  keep: number;
  lower: number;
  revoke: number;
  handOff: number;
}

/** Count the decisions taken so far. */
export function campaignProgress(
  items: readonly Pick<CampaignItem, 'decision'>[],
): CampaignProgress {
  const p: CampaignProgress = {
    decided: 0,
    total: items.length,
    keep: 0,
    lower: 0,
    revoke: 0,
    handOff: 0,
  };
  for (const item of items) {
    if (!item.decision) continue;
    p.decided++;
    p[item.decision.kind]++;
  }
  return p;
}

/** The campaign view's filters. */
export type ItemFilter = 'all' | 'undecided' | 'flagged' | 'suggested';
