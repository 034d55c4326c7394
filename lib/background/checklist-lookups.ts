/**
 * What the register knows about one Business Center, for the page agent and the frame: its
 * grants as rows to compare with the page, whose it is and my access there, and the grant a
 * reminder's hint names.
 */
import { z } from 'zod';
import type { RegisterDb } from '../register/db';
import type { Grant } from '../register';
import type { AccountOwnershipView, GrantHint, RegisterRowView } from '../messaging/companion';
import { TIKTOK_ID } from '../tiktok/ids';

/** The grants (not deleted) on a Business Center and on the ad accounts it owns. */
export async function registerRowsFor(db: RegisterDb, orgId: string): Promise<RegisterRowView[]> {
  const accounts = (await db.accounts.toArray()).filter(
    (a) =>
      a.deletedAt === null &&
      ((a.kind === 'businessCenter' && a.externalId === orgId) || a.ownerBcId === orgId),
  );
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const grants = (
    await db.grants
      .where('accountId')
      .anyOf([...byId.keys()])
      .toArray()
  ).filter((g) => g.deletedAt === null);
  const parties = new Map(
    (await db.parties.bulkGet([...new Set(grants.map((g) => g.partyId))])).flatMap((p) =>
      p ? [[p.id, p] as const] : [],
    ),
  );
  return grants.flatMap((g) => {
    const a = byId.get(g.accountId);
    const p = parties.get(g.partyId);
    if (!a || !p) return [];
    return [
      {
        grantId: g.id,
        rev: g.rev,
        partyKind: p.kind,
        partyName: p.name,
        email: p.email,
        bcId: p.bcId,
        accountKind: a.kind,
        accountExternalId: a.externalId,
        bcRole: g.bcRole,
        assetRole: g.assetRole,
        status: g.status,
        invitedAt: g.invitedAt,
      },
    ];
  });
}

/** The grant a reminder's hint names, with its party and account, or null when it is gone. */
export async function grantHint(db: RegisterDb, grantId: string): Promise<GrantHint | null> {
  if (!z.uuid().safeParse(grantId).success) return null;
  const g = await db.grants.get(grantId);
  if (!g || g.deletedAt !== null) return null;
  const [account, party] = await Promise.all([
    db.accounts.get(g.accountId),
    db.parties.get(g.partyId),
  ]);
  if (!account || !party) return null;
  return {
    grantId: g.id,
    orgId: account.kind === 'businessCenter' ? account.externalId : account.ownerBcId,
    partyKind: party.kind,
    name: party.name,
    email: party.email,
    bcId: party.bcId,
    accountKind: account.kind,
    accountExternalId: account.externalId,
    assetRole: g.assetRole,
    bcRole: g.bcRole,
    status: g.status,
  };
}

// --- A client's Business Center ---------------------------------

const RANK: Record<Grant['status'], number> = {
  active: 0,
  invited: 1,
  suspended: 2,
  expired: 3,
  rejected: 4,
  revoked: 5,
};

/** Whose the Business Center `orgId` is, and my access there when it is a client's. */
export async function accountOwnership(
  db: RegisterDb,
  orgId: string,
): Promise<AccountOwnershipView> {
  const none: AccountOwnershipView = { orgId, ownership: null, name: null, myGrant: null };
  if (!TIKTOK_ID.test(orgId)) return none;
  const account = await db.accounts
    .where('[kind+externalId]')
    .equals(['businessCenter', orgId])
    .first();
  if (!account || account.deletedAt !== null) return none;
  const view: AccountOwnershipView = {
    orgId,
    ownership: account.ownership,
    name: account.name || null,
    myGrant: null,
  };
  if (account.ownership !== 'client') return view;
  const grants = (await db.grants.where('accountId').equals(account.id).toArray()).filter(
    (g) => g.deletedAt === null,
  );
  const parties = await db.parties.bulkGet([...new Set(grants.map((g) => g.partyId))]);
  const me = new Set(parties.flatMap((p) => (p?.isMe && p.deletedAt === null ? [p.id] : [])));
  const mine = grants
    .filter((g) => me.has(g.partyId))
    .sort((a, b) => RANK[a.status] - RANK[b.status] || b.updatedAt.localeCompare(a.updatedAt));
  const g = mine[0];
  if (g) view.myGrant = { grantId: g.id, bcRole: g.bcRole, status: g.status };
  return view;
}
