import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegisterDb } from '@/lib/register';
import {
  REGISTER_DB_NAME,
  closeRegisterDb,
  historyOf,
  listGrantViews,
  perspectiveOf,
  recordGrant,
  recordHeldBusinessCenters,
  registerDb,
  updateGrant,
  readAllStoredEvents,
} from '@/lib/register';
import { handleBusinessCentersSeen } from '@/lib/background/held-accounts-handler';
import { seedAccount } from '../helpers/held';
import { registerDbEachTest } from '../helpers/register-db';

const T0 = new Date('2026-11-27T10:00:00.000Z');
const T1 = new Date('2026-11-28T10:00:00.000Z');
const CEDAR = { orgId: '7055555555555555555', name: 'Cedar & Co', myRole: 'standard' as const };
const OAK = { orgId: '7066666666666666666', name: 'Oak Foods' };

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

describe('recordHeldBusinessCenters', () => {
  it('creates client accounts and my grant on each, once', async () => {
    const report = await recordHeldBusinessCenters(db, [CEDAR, OAK], { source: 'page', now: T0 });
    expect(report).toEqual({
      created: [CEDAR.orgId, OAK.orgId],
      updated: [],
      unchanged: [],
      conflicts: [],
    });
    const views = await listGrantViews(db);
    expect(views).toHaveLength(2);
    expect(views.every((v) => perspectiveOf(v) === 'held')).toBe(true);
    const cedar = views.find((v) => v.account?.externalId === CEDAR.orgId)!;
    expect(cedar.grant).toMatchObject({ bcRole: 'standard', status: 'active', source: 'page' });
    expect(cedar.party).toMatchObject({ isMe: true, name: 'Me' });

    const again = await recordHeldBusinessCenters(db, [CEDAR, OAK], { source: 'page', now: T1 });
    expect(again).toEqual({
      created: [],
      updated: [],
      unchanged: [CEDAR.orgId, OAK.orgId],
      conflicts: [],
    });
    expect((await readAllStoredEvents(db)).length).toBe(2);
    expect(await db.parties.count()).toBe(1);
  });

  it('records a changed role or name with a reconciled event, and accepts my pending invitation', async () => {
    await recordHeldBusinessCenters(db, [CEDAR], { source: 'page', now: T0 });
    const report = await recordHeldBusinessCenters(
      db,
      [{ ...CEDAR, name: 'Cedar & Co Apparel', myRole: 'admin' }],
      { source: 'page', now: T1 },
    );
    expect(report.updated).toEqual([CEDAR.orgId]);
    const [view] = await listGrantViews(db);
    expect(view!.account?.name).toBe('Cedar & Co Apparel');
    expect(view!.grant).toMatchObject({ bcRole: 'admin', rev: 2 });
    const history = await historyOf(db, view!.grant.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'reconciled']);
    expect(history[1]).toMatchObject({
      before: { bcRole: 'standard' },
      after: { bcRole: 'admin' },
      note: 'Seen on TikTok: your role there is admin.',
    });

    const invited = await recordGrant(
      db,
      {
        account: {
          kind: 'businessCenter',
          externalId: OAK.orgId,
          name: 'Oak',
          ownership: 'client',
        },
        party: { kind: 'person', isMe: true, name: 'Me' },
        status: 'invited',
      },
      { source: 'manual', now: T0 },
    );
    await recordHeldBusinessCenters(db, [OAK], { source: 'page', now: T1 });
    expect(await db.grants.get(invited.id)).toMatchObject({
      status: 'active',
      acceptedAt: T1.toISOString(),
    });
  });

  it('does not silently overwrite: my own BC and an ended grant are reported as conflicts', async () => {
    await recordGrant(
      db,
      {
        account: {
          kind: 'businessCenter',
          externalId: CEDAR.orgId,
          name: 'Mine',
          ownership: 'mine',
        },
        party: { kind: 'person', email: 'x@example.com' },
      },
      { source: 'manual', now: T0 },
    );
    const g =
      (await recordHeldBusinessCenters(db, [OAK], { source: 'page', now: T0 })) &&
      (await listGrantViews(db)).find((v) => v.account?.externalId === OAK.orgId)!.grant;
    await updateGrant(db, g.id, g.rev, { status: 'revoked' }, { source: 'manual', now: T0 });
    const report = await recordHeldBusinessCenters(db, [CEDAR, OAK], { source: 'page', now: T1 });
    expect(report.conflicts).toEqual([
      { orgId: CEDAR.orgId, reason: 'ownAccount' },
      { orgId: OAK.orgId, reason: 'grantEnded' },
    ]);
    expect((await db.grants.get(g.id))?.status).toBe('revoked');
  });
});

describe('watcher:businessCentersSeen handler', () => {
  afterEach(async () => {
    closeRegisterDb();
    await Dexie.delete(REGISTER_DB_NAME);
  });

  it('records what the watcher saw of client accounts in the shared register', async () => {
    // The register has both as clients' Business Centers (recorded by hand, no grant of mine).
    for (const c of [CEDAR, OAK]) await seedAccount(registerDb(), c.orgId, c.name, 'client');
    const reply = await handleBusinessCentersSeen(
      { url: 'https://business.tiktok.com/select?source=login', centers: [CEDAR, OAK] },
      3,
      T0,
    );
    expect(reply).toEqual({ created: 2, updated: 0, unchanged: 0, conflicts: 0, asked: 0 });
    expect(await registerDb().grants.count()).toBe(2);
  });

  it('refuses a list from elsewhere or with bad IDs, writing nothing', async () => {
    expect(
      await handleBusinessCentersSeen(
        { url: 'https://evil.example/select', centers: [CEDAR] },
        3,
        T0,
      ),
    ).toEqual({ error: expect.stringContaining('not a Business Center page') });
    expect(
      await handleBusinessCentersSeen(
        {
          url: 'https://business.tiktok.com/select',
          centers: [{ orgId: '12<script>', name: 'x' }],
        },
        3,
        T0,
      ),
    ).toEqual({ error: expect.stringContaining('centers.0.orgId') });
    expect(await registerDb().grants.count()).toBe(0);
  });
});
