import { describe, expect, it } from 'vitest';
import type { CampaignItem, TableReading } from '@/lib/campaigns';
import {
  CampaignConflictError,
  DecisionRefusedError,
  carriedItems,
  carryOutGroups,
  carryOutPage,
  carryOutProgress,
  contradictedItems,
  decideItem,
  markDoneOutside,
  readBackChanges,
  readBackVerdict,
  readCampaignItems,
  startCampaign,
  startOffboarding,
  writeCarryOut,
} from '@/lib/campaigns';
import { handleCampaignReading, withCampaignItem } from '@/lib/background/campaign-handlers';
import type { GrantHint } from '@/lib/messaging/companion';
import { rowLeft, tableOfReading } from '@/lib/overlay/frame-campaign';
import { readHint, withoutHint } from '@/lib/overlay/hint';
import { businessCenterUrl } from '@/lib/reminders/state';
import type { RegisterDb } from '@/lib/register/db';
import type { GrantDraft } from '@/lib/register/grants';
import { recordGrant } from '@/lib/register/grants';
import { registerDbEachTest } from '../helpers/register-db';
import { businessCenter, orgPerson } from '../helpers/grant-drafts';

const ORG = '7012345678901234567';
const OTHER_ORG = '7098765432109876543';
const AD = '7100000000000000001';
const AT = '2027-03-02T12:00:00.000Z';
const BC_ACCOUNT = {
  kind: 'businessCenter',
  externalId: ORG,
  name: 'Northwind',
  ownerBcId: null,
} as const;
const AD_ACCOUNT = {
  kind: 'adAccount',
  externalId: AD,
  name: 'Northwind US',
  ownerBcId: ORG,
} as const;
const DANA = {
  kind: 'person',
  name: 'Dana',
  email: 'Dana@Brightlane.example',
  bcId: null,
  organisation: 'Brightlane',
  isMe: false,
} as const;
const PARTNER = {
  kind: 'partnerBc',
  name: 'Brightlane BC',
  email: null,
  bcId: '7023456789012345678',
  organisation: 'Brightlane',
  isMe: false,
} as const;

let n = 0;
/** An item as the rules read it: only what they look at is filled in. */
function item(over: Partial<CampaignItem> & Pick<CampaignItem, 'decision'>): CampaignItem {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    rev: 1,
    campaignId: 'c1',
    position: n,
    grantId: `g${n}`,
    grant: { bcRole: 'standard', financeRole: null, assetRole: null },
    account: BC_ACCOUNT,
    party: DANA,
    earlier: [],
    ...over,
  } as CampaignItem;
}
const revoke = {
  kind: 'revoke',
  lowerTo: null,
  handTo: null,
  reason: 'r',
  by: 'R',
  at: AT,
} as const;
const lowerTo = (roles: { bcRole?: 'admin' | 'standard'; assetRole?: 'operator' | 'analyst' }) =>
  ({
    kind: 'lower',
    lowerTo: { bcRole: null, financeRole: null, assetRole: null, ...roles },
    handTo: null,
    reason: 'r',
    by: 'R',
    at: AT,
  }) as const;
const keep = { ...revoke, kind: 'keep' } as const;

const members = (rows: TableReading['rows'], complete = true): TableReading => ({
  orgId: ORG,
  advertiserId: null,
  table: 'members',
  complete,
  rows,
});
const danaRow = { email: 'dana@brightlane.example', bcRole: 'standard', status: 'active' } as const;
const otherRow = { email: 'ari@northwind.example', bcRole: 'admin', status: 'active' } as const;

describe('to-dos', () => {
  it('every lower and revoke is a to-do on its page; a party’s revokes on one page are one', () => {
    const items = [
      item({ decision: revoke }),
      item({ decision: revoke, account: AD_ACCOUNT, grant: { assetRole: 'operator' } as never }),
      item({ decision: keep }),
      item({ decision: null }),
      item({
        decision: lowerTo({ assetRole: 'analyst' }),
        account: AD_ACCOUNT,
        party: PARTNER as never,
        grant: { assetRole: 'operator' } as never,
      }),
      item({
        decision: lowerTo({ assetRole: 'analyst' }),
        account: AD_ACCOUNT,
        grant: { assetRole: 'operator' } as never,
      }),
    ];
    const groups = carryOutGroups(items);
    expect(groups.map((g) => [g.page.section, g.page.advertiserId, g.todos.length])).toEqual([
      ['members', null, 1],
      ['partners', null, 1],
      ['adAccount', AD, 1],
    ]);
    // Dana's revoke on the Business Center and on its ad account: one checklist removes both.
    expect(groups[0]!.todos[0]!.items.map((i) => i.id)).toEqual([items[0]!.id, items[1]!.id]);
    expect(carryOutPage(items[2]!)).toBeNull();
    expect(carryOutPage(items[3]!)).toBeNull();
  });

  it('a to-do stands where its least settled item does', () => {
    const reading = { ...members([]), at: AT, listed: false, bcRole: null, assetRole: null };
    const a = item({ decision: revoke, verified: reading });
    const b = item({ decision: revoke, account: AD_ACCOUNT });
    expect(carryOutGroups([a, b])[0]!.todos[0]!.state).toBe('open');
    expect(
      carryOutGroups([a, { ...b, applied: { at: AT, checklist: 'revoke-member' } }])[0]!.todos[0]!
        .state,
    ).toBe('applied');
    expect(carryOutGroups([a, { ...b, verified: reading }])[0]!.todos[0]!.state).toBe('verified');
    expect(
      carryOutGroups([{ ...a, contradicted: { ...reading, listed: true } }, b])[0]!.todos[0]!.state,
    ).toBe('contradicted');
  });
});

describe('reading the page back', () => {
  it('a revoke is shown by their absence from a complete table, and contradicted by their row', () => {
    const dana = item({ decision: revoke });
    expect(readBackVerdict(dana, members([otherRow]))).toBe('shows');
    // A table shown a page at a time proves no absence.
    expect(readBackVerdict(dana, members([otherRow], false))).toBeNull();
    // Matched by email, whatever its case.
    expect(readBackVerdict(dana, members([otherRow, danaRow], false))).toBe('contradicts');
    // An invitation that expired gives no access.
    expect(readBackVerdict(dana, members([{ ...danaRow, status: 'expired' }]))).toBe('shows');
    expect(readBackVerdict(dana, members([{ ...danaRow, status: 'pending' }]))).toBe('contradicts');
    // Another Business Center's page, or its Partners table, says nothing of Dana.
    expect(readBackVerdict(dana, { ...members([]), orgId: OTHER_ORG })).toBeNull();
    expect(readBackVerdict(dana, { ...members([]), table: 'partners' })).toBeNull();
  });

  it('a lower is shown by the role at or below the decided one, contradicted by a higher one', () => {
    const admin = item({
      decision: lowerTo({ bcRole: 'standard' }),
      grant: { bcRole: 'admin', financeRole: null, assetRole: null } as never,
    });
    expect(readBackVerdict(admin, members([{ ...danaRow, bcRole: 'standard' }]))).toBe('shows');
    expect(readBackVerdict(admin, members([{ ...danaRow, bcRole: 'admin' }]))).toBe('contradicts');
    expect(
      readBackVerdict(admin, members([{ email: danaRow.email, status: 'active' }])),
    ).toBeNull();
    expect(readBackVerdict(admin, members([otherRow]))).toBe('shows');
  });

  it('an ad account’s page speaks for its own items; a partner’s permission shows only there', () => {
    const partner = item({
      decision: lowerTo({ assetRole: 'analyst' }),
      account: AD_ACCOUNT,
      party: PARTNER as never,
      grant: { bcRole: null, financeRole: null, assetRole: 'operator' } as never,
    });
    const asset = (rows: TableReading['rows']): TableReading => ({
      orgId: ORG,
      advertiserId: AD,
      table: 'partners',
      complete: true,
      rows,
    });
    const row = { partnerBcId: PARTNER.bcId, status: 'active' };
    expect(readBackVerdict(partner, asset([{ ...row, assetRole: 'analyst' }]))).toBe('shows');
    expect(readBackVerdict(partner, asset([{ ...row, assetRole: 'operator' }]))).toBe(
      'contradicts',
    );
    expect(readBackVerdict(partner, { ...asset([row]), advertiserId: '7100000000000000002' })).toBe(
      null,
    );
    // An empty ad-account page: which tab it shows is not known.
    expect(readBackVerdict(partner, asset([]))).toBeNull();
    // Partners on the Business Center show no permission, listed or not.
    expect(readBackVerdict(partner, { ...asset([]), advertiserId: null })).toBeNull();
  });

  it('verifies what the page shows, flags a verified decision the page contradicts, once', () => {
    const dana = item({ decision: revoke });
    const [verify] = readBackChanges([dana], members([otherRow]), AT);
    expect(verify).toEqual({
      itemId: dana.id,
      rev: 1,
      patch: {
        verified: {
          at: AT,
          orgId: ORG,
          advertiserId: null,
          table: 'members',
          listed: false,
          bcRole: null,
          assetRole: null,
        },
        contradicted: null,
      },
    });
    // Not verified yet: a row still listed is a decision not carried out, not a contradiction.
    expect(readBackChanges([dana], members([danaRow]), AT)).toEqual([]);
    const verified = { ...dana, verified: verify!.patch.verified };
    expect(readBackChanges([verified], members([otherRow]), AT)).toEqual([]);
    const [flag] = readBackChanges([verified], members([danaRow]), '2027-04-01T08:00:00.000Z');
    expect(flag!.patch).toEqual({
      contradicted: {
        ...verify!.patch.verified,
        at: '2027-04-01T08:00:00.000Z',
        listed: true,
        bcRole: 'standard',
      },
    });
    const flagged = { ...verified, contradicted: flag!.patch.contradicted! };
    expect(readBackChanges([flagged], members([danaRow]), AT)).toEqual([]);
    // Put right later: verified again by the new reading.
    expect(readBackChanges([flagged], members([otherRow]), AT)[0]!.patch.contradicted).toBeNull();
  });

  it('a finished checklist carries out its item and the rest of the same to-do', () => {
    const a = item({ decision: revoke });
    const b = item({ decision: revoke, account: AD_ACCOUNT });
    const other = item({ decision: revoke, party: { ...DANA, email: 'ari@northwind.example' } });
    const ids = (xs: CampaignItem[]) => xs.map((x) => x.id);
    expect(ids(carriedItems(a, [a, b, other], 'revoke-member'))).toEqual(ids([a, b]));
    expect(carriedItems(a, [a, b], 'revoke-partner')).toEqual([]);
    expect(carriedItems(a, [a, b], 'lower-member')).toEqual([]);
  });

  it('is complete when every item is verified or done outside, and not while one is contradicted', () => {
    const reading = { ...members([]), at: AT, listed: false, bcRole: null, assetRole: null };
    const done = { at: AT, reason: 'By the client', by: 'R' };
    const a = item({ decision: revoke, verified: reading });
    const b = item({ decision: revoke, account: AD_ACCOUNT, doneOutside: done });
    expect(carryOutProgress([a, b, item({ decision: keep })])).toEqual({
      total: 2,
      verified: 1,
      doneOutside: 1,
      contradicted: 0,
      settled: 2,
      complete: true,
    });
    expect(
      carryOutProgress([{ ...a, contradicted: { ...reading, listed: true } }, b]),
    ).toMatchObject({ contradicted: 1, settled: 1, complete: false });
    expect(carryOutProgress([item({ decision: keep })]).complete).toBe(false);
  });
});

describe('carrying out, in the register', () => {
  let db: RegisterDb;
  registerDbEachTest((opened) => (db = opened));
  const NOW = new Date('2027-03-02T12:00:00.000Z');
  const ctx = { source: 'manual' as const, now: NOW };

  async function seed() {
    const drafts: GrantDraft[] = [
      {
        account: businessCenter(ORG, 'Northwind'),
        party: orgPerson('Dana', 'Brightlane'),
        bcRole: 'standard',
        status: 'active',
      },
      {
        account: businessCenter(OTHER_ORG, 'Tienda Sol'),
        party: orgPerson('Chris', 'Brightlane'),
        bcRole: 'standard',
        status: 'active',
      },
      {
        account: businessCenter(ORG, 'Northwind'),
        party: orgPerson('Ari', 'Northwind'),
        bcRole: 'admin',
        status: 'active',
      },
    ];
    for (const d of drafts) await recordGrant(db, d, ctx);
  }
  const offboard = () =>
    startOffboarding(
      db,
      {
        scope: { kind: 'organisation', organisation: 'brightlane' },
        reviewer: 'Rita',
        dueOn: '2027-03-09',
        reason: 'Contract ended',
      },
      NOW,
    );
  const table = (rows: TableReading['rows']) => ({
    table: 'members' as const,
    complete: true,
    rows,
  });
  const ari = { email: 'ari@x.example', bcRole: 'admin' as const, status: 'active' };
  const dana = { email: 'dana@x.example', bcRole: 'standard' as const, status: 'active' };

  it('an offboarding is everything one organisation holds, every item decided revoke with the reason', async () => {
    await seed();
    const c = await offboard();
    expect(c.kind).toBe('offboarding');
    const items = await readCampaignItems(db, c.id);
    expect(items.map((i) => [i.party?.name, i.account?.name, i.decision?.kind])).toEqual([
      ['Dana', 'Northwind', 'revoke'],
      ['Chris', 'Tienda Sol', 'revoke'],
    ]);
    expect(items[0]!.decision).toMatchObject({ reason: 'Contract ended', by: 'Rita' });
    await expect(
      startOffboarding(
        db,
        { scope: { kind: 'everything' }, reviewer: 'Rita', dueOn: '2027-03-09', reason: 'x' },
        NOW,
      ),
    ).rejects.toThrow(/one organisation or one person/);
    await expect(
      startOffboarding(
        db,
        {
          scope: { kind: 'organisation', organisation: 'brightlane' },
          reviewer: 'Rita',
          dueOn: '2027-03-09',
          reason: ' ',
        },
        NOW,
      ),
    ).rejects.toThrow();
  });

  it('the background verifies on the sender tab’s Business Center only, and a later visit contradicts', async () => {
    await seed();
    const c = await offboard();
    const [danaItem, chrisItem] = await readCampaignItems(db, c.id);
    const northwind = { orgId: ORG, advertiserId: null };
    // The checklist finished and the row left: applied and verified in one write.
    expect(
      await handleCampaignReading(
        db,
        {
          table: table([ari]),
          carried: { itemId: danaItem!.id, checklist: 'revoke-member', rowLeft: true },
        },
        northwind,
        NOW,
      ),
    ).toEqual({ applied: 1, verified: 1, contradicted: 0 });
    // A carried item of another Business Center than the sender's is not counted there.
    expect(
      await handleCampaignReading(
        db,
        { table: table([]), carried: { itemId: chrisItem!.id, checklist: 'revoke-member' } },
        northwind,
        NOW,
      ),
    ).toEqual({ applied: 0, verified: 0, contradicted: 0 });
    // No Business Center in the tab's URL: nothing is read back.
    expect(
      await handleCampaignReading(
        db,
        { table: table([]) },
        { orgId: null, advertiserId: null },
        NOW,
      ),
    ).toEqual({
      applied: 0,
      verified: 0,
      contradicted: 0,
    });
    const later = new Date('2027-03-05T09:00:00.000Z');
    expect(
      await handleCampaignReading(db, { table: table([ari, dana]) }, northwind, later),
    ).toEqual({
      applied: 0,
      verified: 0,
      contradicted: 1,
    });
    const [d, ch] = await readCampaignItems(db, c.id);
    expect(d!.applied).toEqual({ at: NOW.toISOString(), checklist: 'revoke-member' });
    expect(d!.verified).toMatchObject({ at: NOW.toISOString(), listed: false, orgId: ORG });
    expect(d!.contradicted).toMatchObject({
      at: later.toISOString(),
      listed: true,
      bcRole: 'standard',
    });
    expect(ch!.applied ?? null).toBeNull();
    expect((await contradictedItems(db)).map((i) => i.id)).toEqual([d!.id]);
    await expect(
      handleCampaignReading(
        db,
        { table: { table: 'members', complete: true, rows: 'x' } },
        northwind,
        NOW,
      ),
    ).rejects.toThrow();
  });

  it('a hint takes its campaign item only on the item’s own Business Center, for a lower or revoke', async () => {
    await seed();
    const c = await offboard();
    const [danaItem] = await readCampaignItems(db, c.id);
    const hint = { grantId: danaItem!.grantId } as GrantHint;
    const page = { orgId: ORG, advertiserId: null };
    expect((await withCampaignItem(db, hint, danaItem!.id, page)).campaignItemId).toBe(
      danaItem!.id,
    );
    expect(
      (await withCampaignItem(db, hint, danaItem!.id, { ...page, orgId: OTHER_ORG }))
        .campaignItemId,
    ).toBeUndefined();
    expect(
      (await withCampaignItem(db, { ...hint, grantId: 'another' }, danaItem!.id, page))
        .campaignItemId,
    ).toBeUndefined();
  });

  it('done outside needs a reason; a stale write is refused; a new decision starts the item open', async () => {
    await seed();
    const review = await startCampaign(
      db,
      { scope: { kind: 'everything' }, reviewer: 'Rita', dueOn: '2027-03-09' },
      NOW,
    );
    const [item1] = await readCampaignItems(db, review.id);
    // Undecided (or kept): nothing to carry out.
    await expect(markDoneOutside(db, item1!.id, item1!.rev, 'x', NOW)).rejects.toThrow(
      /lower or revoke/,
    );
    const decided = await decideItem(
      db,
      item1!.id,
      item1!.rev,
      { kind: 'revoke', reason: 'Left' },
      NOW,
    );
    await expect(markDoneOutside(db, decided.id, decided.rev, '  ', NOW)).rejects.toThrow(
      DecisionRefusedError,
    );
    const done = await markDoneOutside(db, decided.id, decided.rev, 'By the client', NOW);
    expect(done.doneOutside).toEqual({
      at: NOW.toISOString(),
      reason: 'By the client',
      by: 'Rita',
    });
    await expect(
      writeCarryOut(
        db,
        [
          {
            itemId: done.id,
            rev: decided.rev,
            patch: { applied: { at: AT, checklist: 'revoke-member' } },
          },
        ],
        NOW,
      ),
    ).rejects.toThrow(CampaignConflictError);
    const again = await decideItem(
      db,
      done.id,
      done.rev,
      { kind: 'keep', reason: 'Still needed' },
      NOW,
    );
    expect(again.doneOutside).toBeNull();
    expect(again.earlier.map((e) => e.kind)).toEqual(['revoke']);
  });
});

describe('the "Carry out" hint and the frame’s reading', () => {
  const ITEM = '11111111-2222-4333-8444-555555555555';

  it('rides in the fragment with the campaign item, and leaves the address bar with it', () => {
    const url = new URL(
      businessCenterUrl(
        { grant: { id: 'g1' }, account: AD_ACCOUNT, party: PARTNER },
        'lower',
        ITEM,
      )!,
    );
    expect(url.pathname).toBe('/manage/users/partners');
    expect(readHint(url)).toEqual({ action: 'lower', grantId: 'g1', itemId: ITEM });
    expect(withoutHint(url).hash).toBe('');
    // An item id that is not one is not taken.
    expect(
      readHint(new URL(`${url.href.split('#')[0]}#access-companion=revoke&grant=g1&item=x`)),
    ).toEqual({ action: 'revoke', grantId: 'g1' });
  });

  it('sends rows without names, the table’s kind from its rows, and a run’s own proof of a row gone', () => {
    const reading = {
      pageKind: 'bc-members' as const,
      orgId: ORG,
      bcName: 'Northwind',
      table: {
        rows: [
          {
            kind: 'partner' as const,
            name: 'Brightlane',
            partnerBcId: PARTNER.bcId,
            status: 'active' as const,
          },
        ],
        complete: false,
        problems: [],
      },
    };
    expect(tableOfReading(reading)).toEqual({
      table: 'partners',
      complete: false,
      rows: [{ partnerBcId: PARTNER.bcId, status: 'active' }],
    });
    expect(tableOfReading({ ...reading, orgId: null })).toBeNull();
    const p = {
      checklistId: 'revoke-member' as const,
      done: ['row-gone'],
      manual: [],
      facts: {},
      startedAt: AT,
      recordedGrantIds: null,
    };
    expect(rowLeft(p)).toBe(true);
    expect(rowLeft({ ...p, manual: ['row-gone'] })).toBe(false);
    expect(rowLeft({ ...p, done: ['enter-code'] })).toBe(false);
  });
});
