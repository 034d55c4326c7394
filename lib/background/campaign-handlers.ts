/**
 * The background's side of carrying campaign decisions out: it finds the campaign item a
 * "Carry out" hint names (only on that item's own Business Center's page), and reads each access
 * table the companion frame sends back against the open campaigns' decisions for the tab's
 * Business Center (lib/campaigns/carry-out.ts). The Business Center and the ad account are the
 * sender's tab's, from its URL; the payload only says what the table showed.
 */
import type { CampaignItem } from '../register/campaign-schema';
import {
  carriedItems,
  itemOrgId,
  readBackChanges,
  type CarryOutChange,
  type TableReading,
} from '../campaigns/carry-out';
import { CampaignConflictError, writeCarryOut } from '../campaigns/store';
import type { CampaignReadingAnswer, GrantHint } from '../messaging/companion';
import { campaignReadingRequest } from '../messaging/companion';
import type { RegisterDb } from '../register/db';
import { registerRowsFor } from './checklist-lookups';

/** The Business Center page a message came from, as its tab's URL names it. */
export interface SenderPage {
  orgId: string | null;
  advertiserId: string | null;
}

/**
 * The hint with its campaign item, when the item is of this grant, decided lower or revoke, of an
 * open campaign, and on the sender's own Business Center; otherwise the hint alone.
 */
export async function withCampaignItem(
  db: RegisterDb,
  hint: GrantHint,
  itemId: string | undefined,
  page: SenderPage,
): Promise<GrantHint> {
  if (!itemId) return hint;
  const item = await db.campaignItems.get(itemId).catch(() => undefined);
  const kind = item?.decision?.kind;
  if (!item || item.grantId !== hint.grantId || (kind !== 'lower' && kind !== 'revoke'))
    return hint;
  if (!page.orgId || itemOrgId(item) !== page.orgId) return hint;
  const campaign = await db.campaigns.get(item.campaignId);
  if (!campaign || campaign.closedAt !== null) return hint;
  return { ...hint, campaignItemId: item.id };
}

/** The items of open campaigns with a lower or revoke decision on `orgId`'s grants. */
async function itemsOn(db: RegisterDb, orgId: string): Promise<CampaignItem[]> {
  const grantIds = (await registerRowsFor(db, orgId)).map((r) => r.grantId);
  if (grantIds.length === 0) return [];
  const items = (await db.campaignItems.where('grantId').anyOf(grantIds).toArray()).filter(
    (i) =>
      (i.decision?.kind === 'lower' || i.decision?.kind === 'revoke') && itemOrgId(i) === orgId,
  );
  const campaigns = await db.campaigns.bulkGet([...new Set(items.map((i) => i.campaignId))]);
  const open = new Set(campaigns.flatMap((c) => (c && c.closedAt === null ? [c.id] : [])));
  return items.filter((i) => open.has(i.campaignId));
}

/** One change per item: what a finished checklist and the reading each change, together. */
function merged(changes: readonly CarryOutChange[]): CarryOutChange[] {
  const out = new Map<string, CarryOutChange>();
  for (const c of changes) {
    const had = out.get(c.itemId);
    out.set(c.itemId, had ? { ...had, patch: { ...had.patch, ...c.patch } } : c);
  }
  return [...out.values()];
}

async function readBackOnce(
  db: RegisterDb,
  raw: unknown,
  page: SenderPage & { orgId: string },
  now: Date,
): Promise<CampaignReadingAnswer> {
  const req = campaignReadingRequest.parse(raw);
  const at = now.toISOString();
  const items = await itemsOn(db, page.orgId);
  const changes: CarryOutChange[] = [];
  let carried: CampaignItem[] = [];
  if (req.carried) {
    const started =
      items.find((i) => i.id === req.carried!.itemId) ??
      (await db.campaignItems.get(req.carried.itemId));
    if (started && itemOrgId(started) === page.orgId) {
      const all = items.some((i) => i.id === started.id) ? items : [started, ...items];
      carried = carriedItems(started, all, req.carried.checklist);
      for (const item of carried) {
        changes.push({
          itemId: item.id,
          rev: item.rev,
          patch: { applied: { at, checklist: req.carried.checklist } },
        });
      }
      if (!items.includes(started)) items.push(started);
    }
  }
  if (req.table) {
    const reading: TableReading = { ...req.table, ...page };
    // The run watched their row leave this table while the rest of it stayed: for the revokes it
    // carried out, the table is as good as read whole (it may be shown a page at a time).
    const watched = new Set(
      req.carried?.rowLeft
        ? carried.filter((i) => i.decision?.kind === 'revoke').map((i) => i.id)
        : [],
    );
    const whole = { ...reading, complete: true };
    changes.push(
      ...readBackChanges(
        items.filter((i) => !watched.has(i.id)),
        reading,
        at,
      ),
      ...readBackChanges(
        items.filter((i) => watched.has(i.id)),
        whole,
        at,
      ),
    );
  }
  const toWrite = merged(changes);
  await writeCarryOut(db, toWrite, now);
  const count = (test: (p: CarryOutChange['patch']) => boolean) =>
    toWrite.filter((c) => test(c.patch)).length;
  return {
    applied: count((p) => !!p.applied),
    verified: count((p) => !!p.verified),
    contradicted: count((p) => !!p.contradicted),
  };
}

/**
 * Read a table the frame sent back against the campaigns (and count a finished "Carry out"
 * checklist). A write that meets an item changed meanwhile (another reading, a new decision) is
 * worked out again from the items as they are then, once.
 */
export async function handleCampaignReading(
  db: RegisterDb,
  raw: unknown,
  page: SenderPage,
  now: Date,
): Promise<CampaignReadingAnswer> {
  const { orgId } = page;
  if (!orgId) return { applied: 0, verified: 0, contradicted: 0 };
  try {
    return await readBackOnce(db, raw, { ...page, orgId }, now);
  } catch (error) {
    if (!(error instanceof CampaignConflictError)) throw error;
    return readBackOnce(db, raw, { ...page, orgId }, now);
  }
}
