import { describe, expect, it } from 'vitest';
import { applyReconcile, recordFlow } from '@/lib/background/checklist-handlers';
import type { Grant, WriteContext } from '@/lib/register';
import {
  RegisterDb,
  StatusTransitionError,
  historyOf,
  planGrantChange,
  recordGrant,
  recordHeldBusinessCenters,
  stampsFor,
  updateGrant,
  readAllStoredEvents,
} from '@/lib/register';
import { registerDbEachTest } from '../helpers/register-db';

const ORG = '7012345678901234567';
const NOW = new Date('2026-11-27T18:00:00.000Z');
const LATER = new Date('2026-12-03T09:00:00.000Z');
const ctx = (now: Date = NOW): WriteContext => ({ source: 'manual', now });

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

const dana = {
  account: { kind: 'businessCenter', externalId: ORG, name: 'Northwind', ownership: 'mine' },
  party: { kind: 'person', email: 'dana@brightlane.com', name: 'Dana Kim' },
  bcRole: 'standard',
} as const;

const invite = {
  checklist: 'add-member',
  orgId: ORG,
  bcName: 'Northwind Outdoor',
  action: 'invite' as const,
  party: { kind: 'person' as const, email: 'new.person@example.com' },
  bcRole: 'standard' as const,
  accounts: [{ id: '7100000000000000001', name: 'Northwind US', role: 'operator' as const }],
};

const addDana = {
  kind: 'add' as const,
  orgId: ORG,
  bcName: 'Northwind',
  party: { kind: 'person' as const, email: 'dana@brightlane.com', name: 'Dana Kim' },
  bcRole: 'standard' as const,
  status: 'active' as const,
};

describe('one live grant per account and party', () => {
  it('two identical reconcile adds make one grant and one event', async () => {
    await applyReconcile(db, [addDana], NOW, { orgId: addDana.orgId, confirmed: false });
    await applyReconcile(db, [addDana], LATER, { orgId: addDana.orgId, confirmed: false });
    const grants = await db.grants.toArray();
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ status: 'active', rev: 1 });
    expect((await readAllStoredEvents(db)).length).toBe(1);
  });

  it('two tabs finishing the same Invite flow at once make one grant per account', async () => {
    // Two connections to one database, like two extension contexts: IndexedDB serialises their
    // read-write transactions, so the second sees the first's grant.
    const other = new RegisterDb(db.name);
    try {
      const [a, b] = await Promise.all([
        recordFlow(db, invite, NOW),
        recordFlow(other, invite, NOW),
      ]);
      expect(a.grantIds.sort()).toEqual(b.grantIds.sort());
      expect(await db.grants.count()).toBe(2);
      expect((await readAllStoredEvents(db)).length).toBe(2);
    } finally {
      other.close();
    }
  });

  it('two tabs finishing the same Revoke for a person the register did not know write one revoked grant', async () => {
    const revoke = {
      ...invite,
      checklist: 'revoke-member',
      action: 'revoke' as const,
      accounts: [],
    };
    const other = new RegisterDb(db.name);
    try {
      const [a, b] = await Promise.all([
        recordFlow(db, revoke, NOW),
        recordFlow(other, revoke, new Date(NOW.getTime() + 2_000)),
      ]);
      expect(a.grantIds).toEqual(b.grantIds);
      const grants = await db.grants.toArray();
      expect(grants.map((g) => g.status)).toEqual(['revoked']);
      expect(grants[0]!.revokedAt).toBe(NOW.toISOString());
      expect((await readAllStoredEvents(db)).length).toBe(1);
    } finally {
      other.close();
    }
  });

  it('an ending recorded again much later, or by another kind of record, is a record of its own', async () => {
    const revoke = {
      ...invite,
      checklist: 'revoke-member',
      action: 'revoke' as const,
      accounts: [],
    };
    await recordFlow(db, revoke, NOW);
    // Another checklist, minutes later: not the same write arriving twice.
    await recordFlow(
      db,
      { ...revoke, checklist: 'remove-member' },
      new Date(NOW.getTime() + 60_000),
    );
    // The same checklist a day later: access was given and ended again meanwhile.
    await recordFlow(db, revoke, LATER);
    expect(await db.grants.count()).toBe(3);
    // A hand-made record is not taken for the checklist's.
    const manual = await recordGrant(
      db,
      {
        account: { kind: 'businessCenter', externalId: ORG, ownership: 'mine' },
        party: revoke.party,
        status: 'revoked',
      },
      ctx(LATER),
    );
    expect((await db.grants.toArray()).filter((g) => g.id === manual.id)).toHaveLength(1);
    expect(await db.grants.count()).toBe(4);
  });

  it('an ended grant is history: a new invitation is a new grant', async () => {
    const first = await recordGrant(db, { ...dana, status: 'active' }, ctx());
    await updateGrant(db, first.id, first.rev, { status: 'revoked' }, ctx());
    const again = await recordGrant(db, { ...dana, status: 'invited' }, ctx(LATER));
    expect(again.id).not.toBe(first.id);
    const rows = (await db.grants.toArray()).map((g) => g.status).sort();
    expect(rows).toEqual(['invited', 'revoked']);
  });

  it('re-inviting an ended grant while another is live is refused, writing nothing', async () => {
    const first = await recordGrant(db, { ...dana, status: 'active' }, ctx());
    const revoked = await updateGrant(db, first.id, first.rev, { status: 'revoked' }, ctx());
    const live = await recordGrant(db, { ...dana, status: 'invited' }, ctx(LATER));
    await expect(
      updateGrant(db, revoked.id, revoked.rev, { status: 'invited' }, ctx(LATER)),
    ).rejects.toMatchObject({ name: 'LiveGrantExistsError', live });
    expect(await db.grants.get(revoked.id)).toEqual(revoked);
    expect((await readAllStoredEvents(db)).length).toBe(3);
  });

  it('inviting someone already active keeps them active and updates the role', async () => {
    const first = await recordGrant(db, { ...dana, status: 'active' }, ctx());
    const again = await recordGrant(db, { ...dana, bcRole: 'admin', status: 'invited' }, ctx());
    expect(again).toMatchObject({ id: first.id, status: 'active', bcRole: 'admin', rev: 2 });
  });
});

describe('idempotent updates', () => {
  it('the same update sent twice (stale revision, already applied) changes nothing', async () => {
    const g = await recordGrant(db, dana, ctx());
    const once = await updateGrant(db, g.id, g.rev, { status: 'active' }, ctx());
    const twice = await updateGrant(db, g.id, g.rev, { status: 'active' }, ctx(LATER));
    expect(twice).toEqual(once);
    expect((await historyOf(db, g.id)).map((e) => e.type)).toEqual(['invited', 'accepted']);
  });

  it('an update that changes nothing writes no event and keeps the revision', async () => {
    const g = await recordGrant(db, dana, ctx());
    const same = await updateGrant(db, g.id, g.rev, { bcRole: 'standard' }, ctx(LATER));
    expect(same.rev).toBe(1);
    expect((await readAllStoredEvents(db)).length).toBe(1);
  });

  it('capturing the same held Business Center twice writes once', async () => {
    const seen = [{ orgId: '7099999999999999999', name: 'Client BC', myRole: 'standard' as const }];
    await recordHeldBusinessCenters(db, seen, ctx());
    const second = await recordHeldBusinessCenters(db, seen, ctx(LATER));
    expect(second.unchanged).toEqual(['7099999999999999999']);
    expect((await readAllStoredEvents(db)).length).toBe(1);
  });
});

describe('timestamps follow the status', () => {
  it('re-activating a suspended grant clears nothing it should keep; revoking stamps revokedAt', async () => {
    const g = await recordGrant(db, { ...dana, status: 'active' }, ctx());
    const revoked = await updateGrant(db, g.id, g.rev, { status: 'revoked' }, ctx(LATER));
    expect(revoked.revokedAt).toBe(LATER.toISOString());
    const reinvited = await updateGrant(db, g.id, revoked.rev, { status: 'invited' }, ctx(LATER));
    // A new invitation: no revokedAt on a grant that is not revoked, no stale acceptance.
    expect(reinvited).toMatchObject({
      status: 'invited',
      revokedAt: null,
      acceptedAt: null,
      invitedAt: LATER.toISOString(),
    });
  });

  it('refuses revoked → active, whoever asks', async () => {
    const g = await recordGrant(db, { ...dana, status: 'revoked' }, ctx());
    expect(g.revokedAt).toBe(NOW.toISOString());
    await expect(updateGrant(db, g.id, g.rev, { status: 'active' }, ctx())).rejects.toThrow(
      StatusTransitionError,
    );
    expect(() => planGrantChange(g, { status: 'active' }, ctx())).toThrow(StatusTransitionError);
  });

  it('stampsFor: revokedAt only on revoked grants; an acceptance is dated when not given', () => {
    const invited = { status: 'invited', revokedAt: null, acceptedAt: null } as unknown as Grant;
    const now = NOW.toISOString();
    expect(stampsFor(invited, 'active', {}, now)).toEqual({ acceptedAt: now, revokedAt: null });
    expect(stampsFor(invited, 'active', { acceptedAt: '2026-01-01T00:00:00.000Z' }, now)).toEqual({
      acceptedAt: '2026-01-01T00:00:00.000Z',
      revokedAt: null,
    });
    expect(stampsFor(null, 'revoked', {}, now)).toEqual({ revokedAt: now });
    const active = { status: 'active', revokedAt: now } as unknown as Grant;
    expect(stampsFor(active, 'active', {}, now)).toEqual({ revokedAt: null });
  });
});
