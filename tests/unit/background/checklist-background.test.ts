import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyReconcile, recordFlow } from '@/lib/background/checklist-handlers';
import { grantHint, registerRowsFor } from '@/lib/background/checklist-lookups';
import { loadProgress, saveProgress } from '@/lib/background/checklist-progress';
import { RegisterDb, expandAll, readAllStoredEvents } from '@/lib/register';
import { startChecklist } from '@/lib/checklists';

const ORG = '7012345678901234567';
const NOW = new Date('2026-11-27T18:00:00.000Z');
let db: RegisterDb;
beforeEach(() => {
  db = new RegisterDb(`t-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const invite = {
  checklist: 'add-member',
  orgId: ORG,
  bcName: 'Northwind Outdoor',
  action: 'invite' as const,
  party: { kind: 'person' as const, email: 'New.Person@Example.com' },
  bcRole: 'standard' as const,
  accounts: [{ id: '7100000000000000001', name: 'Northwind US', role: 'operator' as const }],
};

describe('overlay:recordFlow', () => {
  it('records an invitation: the BC grant and one per ad account, each with a checklist event', async () => {
    const { grantIds } = await recordFlow(db, invite, NOW);
    expect(grantIds).toHaveLength(2);
    const rows = await registerRowsFor(db, ORG);
    expect(
      rows.map((r) => [r.accountKind, r.email, r.bcRole, r.assetRole, r.status]).sort(),
    ).toEqual([
      ['adAccount', 'new.person@example.com', null, 'operator', 'invited'],
      ['businessCenter', 'new.person@example.com', 'standard', null, 'invited'],
    ]);
    const events = await readAllStoredEvents(db);
    expect(events.map((e) => [e.type, e.source, e.checklist])).toEqual([
      ['invited', 'checklist', 'add-member'],
      ['invited', 'checklist', 'add-member'],
    ]);
    const bc = (await db.accounts.toArray()).find((a) => a.externalId === ORG);
    expect(bc?.name).toBe('Northwind Outdoor');
  });

  it('revokes every live grant of the person in this Business Center', async () => {
    await recordFlow(db, invite, NOW);
    const { grantIds } = await recordFlow(
      db,
      { ...invite, checklist: 'revoke-member', action: 'revoke', accounts: [] },
      NOW,
    );
    expect(grantIds).toHaveLength(2);
    expect((await registerRowsFor(db, ORG)).map((r) => r.status)).toEqual(['revoked', 'revoked']);
    expect(
      (await readAllStoredEvents(db)).filter((e) => e.type === 'revoked').map((e) => e.checklist),
    ).toEqual(['revoke-member', 'revoke-member']);
  });

  it('revoking someone the register did not know records the end of their access', async () => {
    await recordFlow(db, { ...invite, action: 'revoke', accounts: [] }, NOW);
    expect((await registerRowsFor(db, ORG)).map((r) => [r.status, r.bcRole])).toEqual([
      ['revoked', 'standard'],
    ]);
  });

  it('lowers a partner’s permission as a role change on the same grant', async () => {
    const partner = {
      ...invite,
      checklist: 'add-partner',
      party: { kind: 'partnerBc' as const, bcId: '7023456789012345678', name: 'Brightlane' },
    };
    await recordFlow(db, partner, NOW);
    await recordFlow(
      db,
      {
        ...partner,
        checklist: 'lower-partner',
        action: 'changeRole',
        accounts: [{ ...invite.accounts[0]!, role: 'analyst' }],
      },
      NOW,
    );
    const rows = await registerRowsFor(db, ORG);
    expect(rows.map((r) => [r.bcId, r.assetRole, r.rev])).toEqual([
      ['7023456789012345678', 'analyst', 2],
    ]);
    expect((await readAllStoredEvents(db)).map((e) => e.type).sort()).toEqual([
      'invited',
      'roleChanged',
    ]);
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    await expect(recordFlow(db, { ...invite, orgId: 'x' }, NOW)).rejects.toThrow(/TikTok ID/);
    await expect(recordFlow(db, { ...invite, party: { kind: 'person' } }, NOW)).rejects.toThrow(
      /email/,
    );
    expect(await db.grants.count()).toBe(0);
  });
});

describe('overlay:reconcile', () => {
  it('adds and updates, one event each', async () => {
    await recordFlow(db, invite, NOW);
    const [bcRow] = (await registerRowsFor(db, ORG)).filter(
      (r) => r.accountKind === 'businessCenter',
    );
    await applyReconcile(
      db,
      [
        { kind: 'update', grantId: bcRow!.grantId, rev: bcRow!.rev, patch: { status: 'active' } },
        {
          kind: 'add',
          orgId: ORG,
          bcName: 'Northwind Outdoor',
          party: { kind: 'person', email: 'riley@northwind-outdoor.com', name: 'Riley Chen' },
          bcRole: 'admin',
          status: 'active',
        },
      ],
      NOW,
      { orgId: ORG, confirmed: true },
    );
    const events = await readAllStoredEvents(db);
    expect(
      events
        .filter((e) => e.checklist === 'reconcile')
        .map((e) => [e.type, e.source])
        .sort(),
    ).toEqual([
      ['accepted', 'page'],
      ['created', 'page'],
    ]);
  });
});

describe('checklist progress', () => {
  it('is kept per tab and Business Center, and dropped on abandon', async () => {
    const p = startChecklist('add-member', NOW);
    await saveProgress(3, ORG, p);
    expect(await loadProgress(3, ORG)).toEqual(p);
    expect(await loadProgress(4, ORG)).toBeNull();
    expect(await loadProgress(3, '7098765432109876543')).toBeNull();
    await saveProgress(3, ORG, null);
    expect(await loadProgress(3, ORG)).toBeNull();
  });
});

describe('finishing the checklists', () => {
  it('accept: the invited grants turn active with acceptedAt and an accepted event naming the checklist', async () => {
    await recordFlow(db, invite, NOW);
    const later = new Date('2026-11-30T09:00:00.000Z');
    const { grantIds } = await recordFlow(
      db,
      { ...invite, action: 'accept', party: { kind: 'person', email: 'new.person@example.com' } },
      later,
    );
    expect(grantIds).toHaveLength(2);
    const grants = await db.grants.toArray();
    expect(grants.map((g) => [g.status, g.acceptedAt])).toEqual([
      ['active', later.toISOString()],
      ['active', later.toISOString()],
    ]);
    const accepted = (await readAllStoredEvents(db)).filter((e) => e.type === 'accepted');
    expect(accepted.map((e) => [e.source, e.checklist])).toEqual([
      ['checklist', 'add-member'],
      ['checklist', 'add-member'],
    ]);
    // Said twice (the page is read again): nothing more is written.
    await recordFlow(
      db,
      { ...invite, action: 'accept', party: { kind: 'person', email: 'new.person@example.com' } },
      later,
    );
    expect((await readAllStoredEvents(db)).length).toBe(4);
  });

  it('changeRole on an active grant keeps it active and writes one roleChanged event', async () => {
    await recordFlow(db, invite, NOW);
    await recordFlow(
      db,
      { ...invite, action: 'accept', party: { kind: 'person', email: 'new.person@example.com' } },
      NOW,
    );
    await recordFlow(
      db,
      {
        ...invite,
        checklist: 'lower-member',
        action: 'changeRole',
        accounts: [{ id: '7100000000000000001', name: 'Northwind US', role: 'analyst' }],
      },
      NOW,
    );
    const rows = await registerRowsFor(db, ORG);
    expect(rows.find((r) => r.accountKind === 'adAccount')).toMatchObject({
      assetRole: 'analyst',
      status: 'active',
    });
    const history = expandAll(await db.grants.toArray(), await readAllStoredEvents(db));
    const lowered = [...history.values()].flat().filter((e) => e.checklist === 'lower-member');
    expect(lowered.map((e) => [e.type, e.after?.status])).toEqual([['roleChanged', 'active']]);
  });

  it('refusals carry a code the overlay translates', async () => {
    await expect(recordFlow(db, { ...invite, orgId: 'x' }, NOW)).rejects.toMatchObject({
      code: 'invalidRequest',
    });
    await expect(
      recordFlow(db, { ...invite, party: { kind: 'partnerBc' } }, NOW),
    ).rejects.toMatchObject({ code: 'needsBcId' });
    await recordFlow(db, invite, NOW);
    const [row] = await registerRowsFor(db, ORG);
    await expect(
      applyReconcile(
        db,
        [{ kind: 'update', grantId: row!.grantId, rev: row!.rev + 5, patch: { status: 'active' } }],
        NOW,
        { orgId: ORG, confirmed: false },
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      applyReconcile(
        db,
        [{ kind: 'update', grantId: crypto.randomUUID(), rev: 1, patch: { status: 'active' } }],
        NOW,
        { orgId: ORG, confirmed: false },
      ),
    ).rejects.toMatchObject({ code: 'notFound' });
  });

  it('grantHint names the grant’s party and Business Center, and nothing for a grant that is gone', async () => {
    const { grantIds } = await recordFlow(db, invite, NOW);
    const hints = await Promise.all(grantIds.map((id) => grantHint(db, id)));
    expect(hints.map((h) => [h?.orgId, h?.accountKind, h?.email, h?.partyKind])).toEqual([
      [ORG, 'businessCenter', 'new.person@example.com', 'person'],
      [ORG, 'adAccount', 'new.person@example.com', 'person'],
    ]);
    expect(await grantHint(db, crypto.randomUUID())).toBeNull();
    expect(await grantHint(db, 'not-a-uuid')).toBeNull();
  });
});
