/**
 * Reading campaigns for the pages that show them: a campaign's items in pages, the register's
 * grants as they are now beside the snapshot, and what the suggestions need. Writes are
 * `./store.ts`'s.
 */
import type { RegisterDb } from '../register/db';
import { isLive } from '../register/rules';
import type { Campaign, CampaignItem } from '../register/campaign-schema';
import type { Grant } from '../register/schema';
import { organisationsOf } from './suggestions';

/** Every campaign, the soonest due first. */
export async function listCampaigns(db: RegisterDb): Promise<Campaign[]> {
  return db.campaigns.orderBy('dueOn').toArray();
}

/** A campaign's items in their order, from position `from` on, at most `limit` of them. */
export async function readCampaignItems(
  db: RegisterDb,
  campaignId: string,
  from = 0,
  limit = Infinity,
): Promise<CampaignItem[]> {
  const range = db.campaignItems
    .where('[campaignId+position]')
    .between([campaignId, from], [campaignId, Number.MAX_SAFE_INTEGER]);
  return Number.isFinite(limit) ? range.limit(limit).toArray() : range.toArray();
}

/**
 * The register's grants as they are now, for the items' grants (to flag those that changed).
 * A campaign that covers most of the register reads the grants in one go: IndexedDB answers one
 * request for all of them in about half the time of one request per grant.
 */
export async function currentGrantsOf(
  db: RegisterDb,
  items: readonly Pick<CampaignItem, 'grantId'>[],
  wholeRegisterFrom = WHOLE_REGISTER_READ_FROM,
): Promise<Map<string, Grant>> {
  const out = new Map<string, Grant>();
  if (items.length >= wholeRegisterFrom && items.length * 2 >= (await db.grants.count())) {
    const wanted = new Set(items.map((i) => i.grantId));
    for (const g of await db.grants.toArray()) if (wanted.has(g.id)) out.set(g.id, g);
    return out;
  }
  const grants = await db.grants.bulkGet(items.map((i) => i.grantId));
  for (const g of grants) if (g) out.set(g.id, g);
  return out;
}

/** From how many items a campaign's grants are read with the whole register rather than by id. */
const WHOLE_REGISTER_READ_FROM = 1000;

/**
 * Per Business Center id, its active Admins that the campaign does not review: they stay
 * whatever the campaign decides, so they count towards the two Admins a Business Center keeps.
 */
export async function adminsOutsideCampaign(
  db: RegisterDb,
  items: readonly Pick<CampaignItem, 'grantId' | 'account'>[],
): Promise<Map<string, number>> {
  const bcIds = new Set<string>();
  for (const i of items) if (i.account?.kind === 'businessCenter') bcIds.add(i.account.externalId);
  const out = new Map<string, number>();
  if (bcIds.size === 0) return out;
  const reviewed = new Set(items.map((i) => i.grantId));
  const accounts = await db.accounts
    .where('[kind+externalId]')
    .anyOf([...bcIds].map((id) => ['businessCenter', id]))
    .toArray();
  for (const a of accounts) {
    const grants = await db.grants.where('accountId').equals(a.id).toArray();
    const count = grants.filter(
      (g) => !reviewed.has(g.id) && isLive(g) && g.status === 'active' && g.bcRole === 'admin',
    ).length;
    out.set(a.externalId, count);
  }
  return out;
}

/** Everything the campaign view shows. */
export interface CampaignViewData {
  campaign: Campaign;
  /** The items read so far, in their order: all of them once `complete`. */
  items: CampaignItem[];
  /** Whether every item is read; until then counts, warnings and to-dos wait. */
  complete: boolean;
  /** The items' grants as they are now, by grant id (missing: no longer in the register). */
  current: Map<string, Grant>;
  /** Per Business Center id, the active Admins the campaign does not review (once complete). */
  adminsOutside: Map<string, number>;
  /** The organisations of the parties marked as you. */
  myOrganisations: Set<string>;
}

/**
 * Read a campaign with its items and what flags and suggestions need; null when it is gone.
 * With `firstItems`, only that many items are read (the first screen of a large campaign); the
 * rest follows with {@link readRestOfCampaign}.
 */
export async function readCampaignView(
  db: RegisterDb,
  campaignId: string,
  firstItems = Infinity,
): Promise<CampaignViewData | null> {
  const campaign = await db.campaigns.get(campaignId);
  if (!campaign) return null;
  const items = await readCampaignItems(db, campaignId, 0, firstItems);
  const complete = items.length >= campaign.itemCount || !Number.isFinite(firstItems);
  const [current, adminsOutside, me] = await Promise.all([
    currentGrantsOf(db, items),
    complete ? adminsOutsideCampaign(db, items) : new Map<string, number>(),
    db.parties.filter((p) => p.isMe && p.deletedAt === null).toArray(),
  ]);
  return {
    campaign,
    items,
    complete,
    current,
    adminsOutside,
    myOrganisations: organisationsOf(me),
  };
}

/** What {@link readRestOfCampaign} adds to a campaign read in part. */
export interface RestOfCampaign {
  /** The items after those already read, in their order. */
  items: CampaignItem[];
  current: Map<string, Grant>;
  adminsOutside: Map<string, number>;
}

/** The items after the first `read` and their grants, and the Admins outside the whole campaign. */
export async function readRestOfCampaign(
  db: RegisterDb,
  campaignId: string,
  read: readonly Pick<CampaignItem, 'grantId' | 'account'>[],
): Promise<RestOfCampaign> {
  const items = await readCampaignItems(db, campaignId, read.length);
  const [current, adminsOutside] = await Promise.all([
    currentGrantsOf(db, items),
    adminsOutsideCampaign(db, [...read, ...items]),
  ]);
  return { items, current, adminsOutside };
}

/** Items of open campaigns that a later reading of the page contradicts, newest first. */
export async function contradictedItems(db: RegisterDb): Promise<CampaignItem[]> {
  const open = new Set(
    (await db.campaigns.filter((c) => c.closedAt === null).primaryKeys()) as string[],
  );
  const items = await db.campaignItems
    .filter((i) => !!i.verified && !!i.contradicted && open.has(i.campaignId))
    .toArray();
  return items.sort((a, b) => b.contradicted!.at.localeCompare(a.contradicted!.at));
}
