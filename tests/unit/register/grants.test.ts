import { describe, expect, it } from 'vitest';
import type { GrantDraft, WriteContext, RegisterDb } from '@/lib/register';
import { registerCounts, registerDbEachTest } from '../helpers/register-db';
import {
  AppendOnlyError,
  batchOf,
  GrantNotFoundError,
  RegisterConflictError,
  StatusTransitionError,
  deleteGrant,
  grant as grantSchema,
  historyOf,
  listGrantViews,
  loadSampleRegister,
  recordGrant,
  snapshotOf,
  updateGrant,
  readAllStoredEvents,
} from '@/lib/register';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SHA256 = /^[0-9a-f]{64}$/;

// Local time, late in the evening: a UTC-based day count would land on another day east of UTC.
const T0 = new Date(2026, 10, 27, 23, 30);
// 2026-11-27 + 90 days, counted by hand: 3 (Nov) + 31 (Dec) + 31 (Jan) + 25 (Feb).
const T0_PLUS_90 = '2027-02-25';
const T1 = new Date(2026, 11, 1, 9, 0);
const T2 = new Date(2026, 11, 2, 9, 0);
const T3 = new Date(2026, 11, 3, 9, 0);

const at = (now: Date, extra: Partial<WriteContext> = {}): WriteContext => ({
  source: 'manual',
  now,
  ...extra,
});

const NORTHWIND = {
  kind: 'businessCenter',
  externalId: '7012345678901234567',
  name: '  Northwind Outdoor ',
  ownership: 'mine',
} as const;

const danaDraft = (extra: Partial<GrantDraft> = {}): GrantDraft => ({
  account: NORTHWIND,
  party: {
    kind: 'person',
    name: 'Dana Kim',
    email: '  Dana@Brightlane-Agency.com ',
    organisation: 'Brightlane Agency',
  },
  bcRole: 'standard',
  assetRole: 'operator',
  ...extra,
});

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

const counts = () => registerCounts(db);

describe('recordGrant', () => {
  it('creates the account, the party, the grant and one event, with exact fields', async () => {
    const g = await recordGrant(db, danaDraft(), at(T0, { note: 'Agency onboarding' }));
    const now = T0.toISOString();

    const [acc] = await db.accounts.toArray();
    expect(acc).toEqual({
      id: expect.stringMatching(UUID),
      createdAt: now,
      updatedAt: now,
      rev: 1,
      deletedAt: null,
      kind: 'businessCenter',
      externalId: '7012345678901234567',
      name: 'Northwind Outdoor',
      ownerBcId: null,
      ownership: 'mine',
    });

    const [who] = await db.parties.toArray();
    expect(who).toEqual({
      id: expect.stringMatching(UUID),
      createdAt: now,
      updatedAt: now,
      rev: 1,
      deletedAt: null,
      kind: 'person',
      name: 'Dana Kim',
      email: 'dana@brightlane-agency.com',
      bcId: null,
      organisation: 'Brightlane Agency',
      notes: '',
      isMe: false,
    });

    const expectedGrant = {
      id: expect.stringMatching(UUID),
      createdAt: now,
      updatedAt: now,
      rev: 1,
      deletedAt: null,
      accountId: acc!.id,
      partyId: who!.id,
      bcRole: 'standard',
      financeRole: null,
      assetRole: 'operator',
      status: 'invited',
      invitedAt: now,
      acceptedAt: null,
      revokedAt: null,
      reviewCadenceDays: 90,
      lastReviewedAt: null,
      nextReviewOn: T0_PLUS_90,
      contractEndsOn: null,
      goals: '',
      source: 'manual',
      historyHead: expect.stringMatching(SHA256),
    };
    expect(g).toEqual(expectedGrant);
    expect(await db.grants.get(g.id)).toEqual(g);
    expect(new Set([acc!.id, who!.id, g.id]).size).toBe(3);

    const events = await historyOf(db, g.id);
    expect(events).toEqual([
      {
        id: expect.stringMatching(UUID),
        createdAt: now,
        updatedAt: now,
        rev: 1,
        grantId: g.id,
        type: 'invited',
        at: now,
        source: 'manual',
        decision: null,
        note: 'Agency onboarding',
        checklist: null,
        before: null,
        after: snapshotOf(g),
        prev: null,
        hash: g.historyHead,
      },
    ]);
    expect(events[0]!.after).not.toHaveProperty('createdAt');
    expect(events[0]!.after).not.toHaveProperty('deletedAt');
  });

  it('records an already active grant as created, with acceptedAt and no invitedAt', async () => {
    const g = await recordGrant(db, danaDraft({ status: 'active' }), at(T0));
    expect(g).toMatchObject({ status: 'active', invitedAt: null, acceptedAt: T0.toISOString() });
    expect((await readAllStoredEvents(db)).map((e) => e.type)).toEqual(['created']);
  });

  it('gives a new grant the default cadence from the options unless the draft names one', async () => {
    const byDefault = await recordGrant(db, danaDraft(), at(T0, { defaultCadenceDays: 30 }));
    expect(byDefault).toMatchObject({ reviewCadenceDays: 30, nextReviewOn: '2026-12-27' });
    const named = await recordGrant(
      db,
      danaDraft({ party: { kind: 'person', email: 'sam@example.com' }, reviewCadenceDays: 60 }),
      at(T0, { defaultCadenceDays: 30 }),
    );
    expect(named.reviewCadenceDays).toBe(60);
  });

  it('updates the live grant when the same email and BC are recorded again (one live grant per pair)', async () => {
    const first = await recordGrant(db, danaDraft(), at(T0));
    const second = await recordGrant(
      db,
      danaDraft({
        party: { kind: 'person', name: 'D. Kim', email: 'DANA@brightlane-agency.com' },
        assetRole: 'analyst',
      }),
      at(T1),
    );
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ rev: 2, assetRole: 'analyst', status: 'invited' });
    expect(await counts()).toEqual({ accounts: 1, parties: 1, grants: 1, events: 2 });
    expect((await historyOf(db, first.id)).map((e) => e.type)).toEqual(['invited', 'roleChanged']);
    // The existing party is kept as it was, not overwritten by the second draft.
    expect((await db.parties.get(first.partyId))?.name).toBe('Dana Kim');
  });

  it('reuses a partner Business Center by its BC ID', async () => {
    const partner = { kind: 'partnerBc', bcId: '7098765432109876543', name: 'Brightlane' } as const;
    const first = await recordGrant(db, { account: NORTHWIND, party: partner }, at(T0));
    const second = await recordGrant(
      db,
      { account: { ...NORTHWIND, externalId: '7012345678901234999' }, party: partner },
      at(T1),
    );
    expect(second.partyId).toBe(first.partyId);
    expect(second.accountId).not.toBe(first.accountId);
    expect(await counts()).toEqual({ accounts: 2, parties: 1, grants: 2, events: 2 });
  });
});

describe('updateGrant', () => {
  it('accepts an invitation: bumps rev, stamps acceptedAt, appends an accepted event', async () => {
    const before = await recordGrant(db, danaDraft(), at(T0));
    const after = await updateGrant(db, before.id, 1, { status: 'active' }, at(T1));

    expect(after).toEqual({
      ...before,
      status: 'active',
      acceptedAt: T1.toISOString(),
      updatedAt: T1.toISOString(),
      rev: 2,
      historyHead: expect.stringMatching(SHA256),
    });
    expect(after.historyHead).not.toBe(before.historyHead);
    expect(await db.grants.get(before.id)).toEqual(after);

    const history = await historyOf(db, before.id);
    expect(history.map((e) => e.type)).toEqual(['invited', 'accepted']);
    expect(history[1]).toMatchObject({
      grantId: before.id,
      at: T1.toISOString(),
      rev: 1,
      decision: null,
      before: snapshotOf(before),
      after: snapshotOf(after),
      prev: before.historyHead,
      hash: after.historyHead,
    });
  });

  it('keeps an acceptedAt the patch gives', async () => {
    const before = await recordGrant(db, danaDraft(), at(T0));
    const acceptedAt = new Date(2026, 10, 30).toISOString();
    const after = await updateGrant(db, before.id, 1, { status: 'active', acceptedAt }, at(T1));
    expect(after.acceptedAt).toBe(acceptedAt);
  });

  it('writes roleChanged when only a role changes', async () => {
    const g = await recordGrant(db, danaDraft({ status: 'active' }), at(T0));
    const after = await updateGrant(db, g.id, 1, { assetRole: 'analyst' }, at(T1));
    expect(after).toMatchObject({ assetRole: 'analyst', status: 'active', rev: 2 });
    const last = (await historyOf(db, g.id)).at(-1);
    expect(last?.type).toBe('roleChanged');
    expect(last?.before?.assetRole).toBe('operator');
    expect(last?.after?.assetRole).toBe('analyst');
  });

  it('writes revoked with revokedAt', async () => {
    const g = await recordGrant(db, danaDraft({ status: 'active' }), at(T0));
    const after = await updateGrant(db, g.id, 1, { status: 'revoked' }, at(T1));
    expect(after).toMatchObject({ status: 'revoked', revokedAt: T1.toISOString(), rev: 2 });
    expect((await historyOf(db, g.id)).map((e) => e.type)).toEqual(['created', 'revoked']);
  });

  it('writes reviewed, with the decision, when the context carries one', async () => {
    const g = await recordGrant(db, danaDraft({ status: 'active' }), at(T0));
    const after = await updateGrant(
      db,
      g.id,
      1,
      { lastReviewedAt: T1.toISOString(), nextReviewOn: '2027-03-01' },
      at(T1, { decision: 'keep', note: 'Still running prospecting', checklist: 'review' }),
    );
    const last = (await historyOf(db, g.id)).at(-1);
    expect(last).toMatchObject({
      type: 'reviewed',
      decision: 'keep',
      note: 'Still running prospecting',
      checklist: 'review',
      source: 'manual',
    });
    expect(last?.after).toEqual(snapshotOf(after));
    expect(after.nextReviewOn).toBe('2027-03-01');
  });

  it('refuses a stale revision with RegisterConflictError and writes nothing', async () => {
    const g = await recordGrant(db, danaDraft(), at(T0));
    const current = await updateGrant(db, g.id, 1, { status: 'active' }, at(T1));
    const before = await counts();

    const attempt = updateGrant(db, g.id, 1, { assetRole: 'admin' }, at(T2));
    await expect(attempt).rejects.toBeInstanceOf(RegisterConflictError);
    await expect(attempt).rejects.toMatchObject({ expectedRev: 1, current });

    expect(await db.grants.get(g.id)).toEqual(current);
    expect(await counts()).toEqual(before);
  });

  it('refuses an illegal transition (revoked → suspended) and writes nothing', async () => {
    const g = await recordGrant(db, danaDraft({ status: 'active' }), at(T0));
    const revoked = await updateGrant(db, g.id, 1, { status: 'revoked' }, at(T1));
    const before = await counts();

    await expect(
      updateGrant(db, g.id, 2, { status: 'suspended', assetRole: 'analyst' }, at(T2)),
    ).rejects.toBeInstanceOf(StatusTransitionError);

    expect(await db.grants.get(g.id)).toEqual(revoked);
    expect(await counts()).toEqual(before);
  });

  it('refuses a patch the schema rejects and writes nothing', async () => {
    const g = await recordGrant(db, danaDraft(), at(T0));
    const before = await counts();
    await expect(
      // @ts-expect-error TikTok has no Editor role: the schema must refuse it at runtime too.
      updateGrant(db, g.id, 1, { assetRole: 'editor' }, at(T1)),
    ).rejects.toThrow();
    expect(await db.grants.get(g.id)).toEqual(g);
    expect(await counts()).toEqual(before);
  });
});

describe('deleteGrant', () => {
  it('tombstones the grant, hides it from lists and appends a deleted event', async () => {
    const kept = await recordGrant(db, danaDraft(), at(T0));
    const g = await recordGrant(
      db,
      danaDraft({ party: { kind: 'person', email: 'sam@example.com' } }),
      at(T0),
    );
    const deleted = await deleteGrant(db, g.id, 1, at(T1));

    expect(deleted).toEqual({
      ...g,
      deletedAt: T1.toISOString(),
      updatedAt: T1.toISOString(),
      rev: 2,
      historyHead: expect.stringMatching(SHA256),
    });
    expect(await db.grants.get(g.id)).toEqual(deleted);
    expect((await listGrantViews(db)).map((v) => v.grant.id)).toEqual([kept.id]);

    const last = (await historyOf(db, g.id)).at(-1);
    expect(last).toMatchObject({ type: 'deleted', before: snapshotOf(g), after: null });

    await expect(updateGrant(db, g.id, 2, { status: 'active' }, at(T2))).rejects.toBeInstanceOf(
      GrantNotFoundError,
    );
    await expect(deleteGrant(db, g.id, 2, at(T2))).rejects.toBeInstanceOf(GrantNotFoundError);
  });
});

describe('listGrantViews', () => {
  it('joins each grant with its account and party, newest change first', async () => {
    const a = await recordGrant(db, danaDraft(), at(T0));
    const b = await recordGrant(
      db,
      danaDraft({ party: { kind: 'person', email: 'sam@example.com' } }),
      at(T1),
    );
    await updateGrant(db, a.id, 1, { status: 'active' }, at(T2));

    const views = await listGrantViews(db);
    expect(views.map((v) => v.grant.id)).toEqual([a.id, b.id]);
    expect(views[0]?.party?.email).toBe('dana@brightlane-agency.com');
    expect(views[1]?.party?.email).toBe('sam@example.com');
    expect(views[0]?.account?.id).toBe(a.accountId);
  });
});

describe('history', () => {
  it('is append-only: put, update, delete and clear on an events record reject', async () => {
    const g = await recordGrant(db, danaDraft(), at(T0));
    const [original] = await db.events.toArray();
    const batch = original!;
    const [e] = batch.events;
    const rewritten = { ...batch, events: [{ ...e!, note: 'rewritten' }] };

    await expect(db.events.put(rewritten)).rejects.toBeInstanceOf(AppendOnlyError);
    await expect(db.events.update(batch.id, { events: rewritten.events })).rejects.toBeInstanceOf(
      AppendOnlyError,
    );
    await expect(db.events.delete(batch.id)).rejects.toBeInstanceOf(AppendOnlyError);
    await expect(db.events.clear()).rejects.toBeInstanceOf(AppendOnlyError);
    await expect(
      db.events.where('grantIds').equals(g.id).modify({ events: rewritten.events }),
    ).rejects.toThrow();
    await expect(db.events.where('grantIds').equals(g.id).delete()).rejects.toThrow();

    expect(await db.events.toArray()).toEqual([batch]);
    expect(await readAllStoredEvents(db)).toEqual([e]);
  });

  it('still accepts new events, as a new record', async () => {
    const g = await recordGrant(db, danaDraft(), at(T0));
    const [e] = await readAllStoredEvents(db);
    await db.events.add(batchOf([{ ...e!, id: crypto.randomUUID(), at: T1.toISOString() }]));
    expect(await historyOf(db, g.id)).toHaveLength(2);
  });

  it('refuses a record whose grant ids are not exactly its events’ grants', async () => {
    const g = await recordGrant(db, danaDraft(), at(T0));
    const [e] = await readAllStoredEvents(db);
    const added = { ...e!, id: crypto.randomUUID(), at: T1.toISOString() };
    const other = crypto.randomUUID();
    for (const bad of [
      { id: crypto.randomUUID(), grantIds: [], events: [added] },
      { id: crypto.randomUUID(), grantIds: [other], events: [added] },
      { id: crypto.randomUUID(), grantIds: [g.id, other], events: [added] },
      { id: crypto.randomUUID(), grantIds: [g.id, g.id], events: [added] },
      { id: crypto.randomUUID(), grantIds: [g.id], events: [] },
    ]) {
      await expect(db.events.add(bad)).rejects.toBeInstanceOf(AppendOnlyError);
    }
    expect(await historyOf(db, g.id)).toHaveLength(1);
  });

  it('historyOf returns one grant’s events, oldest first', async () => {
    const g = await recordGrant(db, danaDraft(), at(T0));
    const other = await recordGrant(
      db,
      danaDraft({ party: { kind: 'person', email: 'sam@example.com' } }),
      at(T1),
    );
    await updateGrant(db, g.id, 1, { status: 'active' }, at(T2));
    await updateGrant(db, other.id, 1, { status: 'revoked' }, at(T2));
    await updateGrant(db, g.id, 2, { assetRole: 'analyst' }, at(T3));

    const history = await historyOf(db, g.id);
    expect(history.map((e) => [e.type, e.at])).toEqual([
      ['invited', T0.toISOString()],
      ['accepted', T2.toISOString()],
      ['roleChanged', T3.toISOString()],
    ]);
    expect(history.every((e) => e.grantId === g.id)).toBe(true);
  });
});

describe('schema', () => {
  it('rejects editor as an ad-account role: TikTok’s roles are Admin, Operator, Analyst', async () => {
    const g = await recordGrant(db, danaDraft(), at(T0));
    expect(grantSchema.safeParse(g).success).toBe(true);
    const result = grantSchema.safeParse({ ...g, assetRole: 'editor' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['assetRole']]);
  });
});

describe('loadSampleRegister', () => {
  it('adds four sample grants once, and none the second time', async () => {
    expect(await loadSampleRegister(db, T0)).toBe(4);
    expect(await loadSampleRegister(db, T1)).toBe(0);
    expect(await counts()).toEqual({ accounts: 2, parties: 4, grants: 4, events: 4 });
    const grants = await db.grants.toArray();
    expect(grants.every((g) => g.source === 'sample')).toBe(true);
    expect(grants.map((g) => g.status).sort()).toEqual(['active', 'active', 'active', 'invited']);
  });

  it('adds the samples only once when two loads run at the same time (two register tabs)', async () => {
    const added = await Promise.all([loadSampleRegister(db, T0), loadSampleRegister(db, T0)]);
    expect(added.sort()).toEqual([0, 4]);
    expect(await db.grants.count()).toBe(4);
  });

  it('adds nothing when the register already holds a grant', async () => {
    await recordGrant(db, danaDraft(), at(T0));
    expect(await loadSampleRegister(db, T1)).toBe(0);
    expect(await db.grants.count()).toBe(1);
  });
});
