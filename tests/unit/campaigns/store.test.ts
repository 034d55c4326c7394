import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CampaignConflictError,
  CampaignInputError,
  DecisionRefusedError,
  adminsOutsideCampaign,
  currentGrantsOf,
  decideItem,
  decideItems,
  itemFlag,
  listCampaigns,
  readCampaignItems,
  readCampaignView,
  readRestOfCampaign,
  startCampaign,
  updateCampaign,
} from '@/lib/campaigns';
import type { RegisterDb } from '@/lib/register/db';
import { REGISTER_VERSIONS } from '@/lib/register/db';
import type { GrantDraft } from '@/lib/register/grants';
import { recordGrant, updateGrant } from '@/lib/register/grants';
import { registerDbEachTest } from '../helpers/register-db';
import { businessCenter, orgPerson as person } from '../helpers/grant-drafts';
import { dropDb, openAt, uniqueDbName } from '../helpers/migrations';

const NOW = new Date(2027, 2, 2, 12, 0, 0);
const ctx = { source: 'manual' as const, now: NOW };
const BC = businessCenter('7012345678901234567', 'Northwind');
const AD = {
  kind: 'adAccount',
  externalId: '7200000000000000001',
  name: 'Northwind Ads',
  ownerBcId: BC.externalId,
  ownership: 'mine',
} as const;
const OTHER_BC = businessCenter('7300000000000000001', 'Cedar');

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

async function seed() {
  const drafts: GrantDraft[] = [
    { account: BC, party: person('Dana'), bcRole: 'admin', assetRole: null, status: 'active' },
    {
      account: BC,
      party: person('Ari', 'Northwind'),
      bcRole: 'admin',
      assetRole: null,
      status: 'active',
    },
    {
      account: AD,
      party: person('Sam'),
      bcRole: 'standard',
      assetRole: 'operator',
      status: 'active',
    },
    {
      account: OTHER_BC,
      party: person('Lee', 'Cedar'),
      bcRole: 'standard',
      assetRole: 'analyst',
      status: 'invited',
    },
    {
      account: BC,
      party: person('Gone'),
      bcRole: 'standard',
      assetRole: 'analyst',
      status: 'revoked',
    },
  ];
  const grants = [];
  for (const d of drafts) grants.push(await recordGrant(db, d, ctx));
  return grants;
}

const start = (scope: Parameters<typeof startCampaign>[1]['scope'], extra = {}) =>
  startCampaign(db, { scope, reviewer: 'Rita Reviewer', dueOn: '2027-03-20', ...extra }, NOW);

describe('starting a campaign', () => {
  it('freezes every live grant in scope, in account then party order, with its revision', async () => {
    const grants = await seed();
    const c = await start({ kind: 'everything' });
    expect(c).toMatchObject({
      reviewer: 'Rita Reviewer',
      itemCount: 4,
      staleInvitationDays: 14,
      undecidedAtDue: 'undecided',
      closedAt: null,
      startedAt: NOW.toISOString(),
    });
    const items = await readCampaignItems(db, c.id);
    expect(items.map((i) => [i.account?.name, i.party?.name])).toEqual([
      ['Cedar', 'Lee'],
      ['Northwind', 'Ari'],
      ['Northwind', 'Dana'],
      ['Northwind Ads', 'Sam'],
    ]);
    expect(items.map((i) => i.position)).toEqual([0, 1, 2, 3]);
    const dana = items.find((i) => i.party?.name === 'Dana')!;
    expect(dana.grant).toMatchObject({
      id: grants[0]!.id,
      rev: grants[0]!.rev,
      bcRole: 'admin',
      status: 'active',
    });
    expect(dana.decision).toBeNull();
    expect(await listCampaigns(db)).toEqual([c]);
  });

  it('a Business Center takes in its ad accounts; an ad account, a person, an agency, a perspective', async () => {
    const grants = await seed();
    const bcId = grants[0]!.accountId;
    const names = async (scope: Parameters<typeof start>[0]) =>
      (await readCampaignItems(db, (await start(scope)).id)).map((i) => i.party?.name);
    expect(await names({ kind: 'account', accountId: bcId })).toEqual(['Ari', 'Dana', 'Sam']);
    expect(await names({ kind: 'account', accountId: grants[2]!.accountId })).toEqual(['Sam']);
    expect(await names({ kind: 'party', partyId: grants[3]!.partyId })).toEqual(['Lee']);
    expect(await names({ kind: 'organisation', organisation: ' brightlane agency' })).toEqual([
      'Dana',
      'Sam',
    ]);
    expect(await names({ kind: 'perspective', perspective: 'mine' })).toHaveLength(4);
    const c = await start({ kind: 'account', accountId: bcId });
    expect(c.scopeLabel).toBe('Northwind');
  });

  it('refuses an empty scope, an unknown account, a past due date and a blank reviewer', async () => {
    await seed();
    await expect(start({ kind: 'perspective', perspective: 'held' })).rejects.toMatchObject({
      problem: 'emptyScope',
    });
    await expect(start({ kind: 'account', accountId: crypto.randomUUID() })).rejects.toMatchObject({
      problem: 'unknownScope',
    });
    await expect(start({ kind: 'everything' }, { dueOn: '2027-03-01' })).rejects.toMatchObject({
      problem: 'dueInPast',
    });
    await expect(start({ kind: 'everything' }, { reviewer: '  ' })).rejects.toBeInstanceOf(
      CampaignInputError,
    );
    expect(await db.campaigns.count()).toBe(0);
    expect(await db.campaignItems.count()).toBe(0);
  });
});

describe('deciding', () => {
  it('records who and when, and keeps the earlier decision when it changes', async () => {
    await seed();
    const c = await start({ kind: 'everything' });
    const [lee] = await readCampaignItems(db, c.id);
    const kept = await decideItem(db, lee!.id, 1, { kind: 'keep' }, NOW);
    expect(kept.decision).toEqual({
      kind: 'keep',
      lowerTo: null,
      handTo: null,
      reason: '',
      by: 'Rita Reviewer',
      at: NOW.toISOString(),
    });
    expect(kept.rev).toBe(2);
    const later = new Date(NOW.getTime() + 60_000);
    const revoked = await decideItem(
      db,
      lee!.id,
      2,
      { kind: 'revoke', reason: '  Never accepted  ' },
      later,
    );
    expect(revoked.decision).toMatchObject({
      kind: 'revoke',
      reason: 'Never accepted',
      at: later.toISOString(),
    });
    expect(revoked.earlier).toEqual([kept.decision]);
    expect(await db.campaignItems.get(lee!.id)).toEqual(revoked);
  });

  it('refuses a decision without what it needs, and a stale revision', async () => {
    await seed();
    const c = await start({ kind: 'everything' });
    const items = await readCampaignItems(db, c.id);
    const dana = items.find((i) => i.party?.name === 'Dana')!;
    await expect(decideItem(db, dana.id, 1, { kind: 'keep' }, NOW)).rejects.toBeInstanceOf(
      DecisionRefusedError,
    );
    await expect(
      decideItem(
        db,
        dana.id,
        1,
        {
          kind: 'lower',
          reason: 'x',
          lowerTo: { bcRole: 'admin', financeRole: null, assetRole: null },
        },
        NOW,
      ),
    ).rejects.toThrow(/notLower/);
    await decideItem(db, dana.id, 1, { kind: 'handOff', handTo: 'Priya' }, NOW);
    await expect(
      decideItem(db, dana.id, 1, { kind: 'keep', reason: 'x' }, NOW),
    ).rejects.toBeInstanceOf(CampaignConflictError);
    expect((await db.campaignItems.get(dana.id))?.decision).toMatchObject({
      kind: 'handOff',
      handTo: 'Priya',
    });
  });

  it('decides a selection at once, or nothing when one item cannot take the decision', async () => {
    await seed();
    const c = await start({ kind: 'everything' });
    const items = await readCampaignItems(db, c.id);
    const ids = items.map((i) => i.id);
    await expect(
      decideItems(
        db,
        c.id,
        ids.map((itemId) => ({ itemId, input: { kind: 'keep' } })),
        NOW,
      ),
    ).rejects.toSatisfy(
      (e: DecisionRefusedError) => e instanceof DecisionRefusedError && e.problems.size === 2,
    );
    expect((await readCampaignItems(db, c.id)).every((i) => i.decision === null)).toBe(true);
    const done = await decideItems(
      db,
      c.id,
      ids.map((itemId) => ({ itemId, input: { kind: 'keep', reason: 'Quarterly check' } })),
      NOW,
    );
    expect(done).toHaveLength(4);
    expect((await readCampaignItems(db, c.id)).every((i) => i.decision?.kind === 'keep')).toBe(
      true,
    );
  });

  it('changes the due date and the undecided default, naming the revision read', async () => {
    await seed();
    const c = await start({ kind: 'everything' });
    const next = await updateCampaign(db, c.id, 1, { undecidedAtDue: 'revoke' }, NOW);
    expect(next).toMatchObject({ undecidedAtDue: 'revoke', rev: 2, dueOn: '2027-03-20' });
    await expect(updateCampaign(db, c.id, 1, { dueOn: '2027-04-01' }, NOW)).rejects.toBeInstanceOf(
      CampaignConflictError,
    );
  });
});

describe('what the view reads besides the items', () => {
  it('flags an item whose grant changed after the snapshot', async () => {
    const grants = await seed();
    const c = await start({ kind: 'everything' });
    await updateGrant(db, grants[2]!.id, grants[2]!.rev, { assetRole: 'analyst' }, ctx);
    const items = await readCampaignItems(db, c.id);
    const current = await currentGrantsOf(db, items);
    expect(items.map((i) => itemFlag(i, current.get(i.grantId)))).toEqual([
      null,
      null,
      null,
      'roles',
    ]);
  });

  it('counts each Business Center’s active Admins that the campaign does not review', async () => {
    const grants = await seed();
    const c = await start({ kind: 'party', partyId: grants[0]!.partyId });
    const items = await readCampaignItems(db, c.id);
    expect(await adminsOutsideCampaign(db, items)).toEqual(new Map([[BC.externalId, 1]]));
  });
});

describe('schema version 5', () => {
  it('opens a version 3 register with every row as it was, and empty campaign stores', async () => {
    const name = uniqueDbName();
    const v3 = await openAt(
      name,
      REGISTER_VERSIONS.filter((v) => v.version <= 3),
    );
    // Rows exactly as version 3 wrote them (today's writers write today's shapes).
    const frozen = JSON.parse(readFileSync('tests/fixtures/register/v3.json', 'utf8')) as {
      tables: Record<string, unknown[]>;
    };
    for (const [table, rows] of Object.entries(frozen.tables)) await v3.table(table).bulkAdd(rows);
    v3.close();
    // Version 5 adds stores only: every row is as the version before it left it (a version
    // between 3 and 5 may reshape its own stores, so the rows are read at that version).
    const beforeV5 = await openAt(
      name,
      REGISTER_VERSIONS.filter((v) => v.version < 5),
    );
    const tables = beforeV5.tables.map((t) => t.name);
    const before = new Map(
      await Promise.all(tables.map(async (t) => [t, await beforeV5.table(t).toArray()] as const)),
    );
    expect(before.get('grants')).toHaveLength(frozen.tables.grants!.length);
    beforeV5.close();
    const v5 = await openAt(
      name,
      REGISTER_VERSIONS.filter((v) => v.version <= 5),
    );
    try {
      expect(v5.verno).toBeGreaterThanOrEqual(5);
      for (const t of tables) expect(await v5.table(t).toArray(), t).toEqual(before.get(t));
      expect(await v5.campaigns.count()).toBe(0);
      expect(await v5.campaignItems.count()).toBe(0);
      expect(await v5.campaignReminders.count()).toBe(0);
    } finally {
      await dropDb(v5);
    }
  });
});

describe('reading a campaign in two steps', () => {
  it('reads the first items, then the rest, to exactly what one read gives', async () => {
    const grants = await seed();
    const c = await start({ kind: 'everything' });
    await updateGrant(
      db,
      grants[0]!.id,
      grants[0]!.rev,
      { bcRole: 'standard', assetRole: 'analyst' },
      ctx,
    );
    const whole = await readCampaignView(db, c.id);
    const first = await readCampaignView(db, c.id, 2);
    expect(whole?.complete).toBe(true);
    expect(first?.complete).toBe(false);
    expect(first?.items).toEqual(whole?.items.slice(0, 2));
    expect([...first!.current.keys()]).toEqual(whole!.items.slice(0, 2).map((i) => i.grantId));
    // Not counted until every item is read: a partial count would warn wrongly.
    expect(first?.adminsOutside.size).toBe(0);

    const rest = await readRestOfCampaign(db, c.id, first!.items);
    expect([...first!.items, ...rest.items]).toEqual(whole?.items);
    expect(new Map([...first!.current, ...rest.current])).toEqual(whole?.current);
    expect(rest.adminsOutside).toEqual(whole?.adminsOutside);
  });

  it('says a campaign read whole is complete however many items were asked for', async () => {
    await seed();
    const c = await start({ kind: 'everything' });
    expect((await readCampaignView(db, c.id, 4))?.complete).toBe(true);
    expect((await readCampaignView(db, c.id, 60))?.items).toHaveLength(4);
  });

  it('finds the same current grants reading the whole register as reading them by id', async () => {
    await seed();
    const c = await start({ kind: 'everything' });
    const items = await readCampaignItems(db, c.id);
    const byId = await currentGrantsOf(db, items);
    const whole = await currentGrantsOf(db, items, 1);
    expect(whole).toEqual(byId);
    expect(whole.size).toBe(4);
    // Only the items' grants, not the revoked one the register also holds.
    expect(await currentGrantsOf(db, items.slice(0, 3), 1)).toEqual(
      new Map([...byId].filter(([id]) => items.slice(0, 3).some((i) => i.grantId === id))),
    );
  });
});
