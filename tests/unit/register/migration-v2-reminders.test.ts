/**
 * Register schema v2: the `reminders` store. Opens a v1 database, seeds
 * v1 rows, upgrades it with the real REGISTER_VERSIONS and asserts the exact rows after.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RegisterDb } from '@/lib/register/db';
import { AppendOnlyError, REGISTER_SCHEMA_VERSION, REGISTER_VERSIONS } from '@/lib/register/db';
import { historyOf, snapshotOf } from '@/lib/register/grants';
import type { RegisterEvent } from '@/lib/register/schema';
import { event, reminderState } from '@/lib/register/schema';
import { reminderId } from '@/lib/reminders/schedule';
import { ACCOUNT, PARTNER, PERSON, makeGrant, stateOf } from '../helpers/reminders';
import { dropDb, openAt, uniqueDbName } from '../helpers/migrations';

const V1_ONLY = REGISTER_VERSIONS.filter((v) => v.version === 1);
const GRANT = makeGrant({ nextReviewOn: '2027-03-01' });
const EVENT: RegisterEvent = event.parse({
  id: '7b000000-0000-4000-8000-000000000001',
  createdAt: GRANT.createdAt,
  updatedAt: GRANT.createdAt,
  rev: 1,
  grantId: GRANT.id,
  type: 'created',
  at: GRANT.createdAt,
  source: 'manual',
  decision: null,
  note: '',
  checklist: null,
  before: null,
  after: snapshotOf(GRANT),
});

describe('register schema v2: reminders', () => {
  const open: RegisterDb[] = [];
  let name: string;

  afterEach(async () => {
    await dropDb(...open.splice(0));
  });

  async function seedV1(): Promise<void> {
    name = uniqueDbName('reminders-v2');
    const v1 = await openAt(name, V1_ONLY);
    open.push(v1);
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name)).not.toContain('reminders');
    await v1.accounts.add(ACCOUNT);
    await v1.parties.bulkAdd([PERSON, PARTNER]);
    await v1.grants.add(GRANT);
    await v1.table('events').add(EVENT);
    v1.close();
  }

  // Up to the last version before the hash chain (v6), which adds links to every row it keeps.
  async function upgrade(): Promise<RegisterDb> {
    const db = await openAt(
      name,
      REGISTER_VERSIONS.filter((v) => v.version <= 5),
    );
    open.push(db);
    return db;
  }

  it('is a version the current schema builds on', () => {
    expect(REGISTER_SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    expect(REGISTER_VERSIONS.find((v) => v.version === 2)?.stores).toEqual({
      reminders: 'id, grantId, kind, dueOn, updatedAt',
    });
  });

  it('upgrades a v1 register keeping every row exactly, with an empty reminders store', async () => {
    await seedV1();
    const db = await upgrade();
    expect(db.verno).toBe(5);
    expect(await db.accounts.toArray()).toEqual([ACCOUNT]);
    expect(await db.parties.orderBy('id').toArray()).toEqual([PERSON, PARTNER]);
    expect(await db.grants.toArray()).toEqual([GRANT]);
    // History is stored compactly from v3 on; told in full, it is the same event.
    expect(await historyOf(db, GRANT.id)).toEqual([EVENT]);
    expect(await db.reminders.toArray()).toEqual([]);
  });

  it('keeps reminder state under stable ids, found by grant, kind and due day', async () => {
    await seedV1();
    const db = await upgrade();
    const shown = stateOf(reminderId('review', GRANT.id, '2027-03-01'), {
      shownAt: '2027-03-01T08:00:00.000Z',
    });
    const snoozed = stateOf(reminderId('contract', GRANT.id, '2027-03-14'), {
      snoozedUntil: '2027-03-15T08:00:00.000Z',
    });
    await db.reminders.bulkAdd([shown, snoozed]);
    db.close();

    const again = await upgrade();
    expect(await again.reminders.where('grantId').equals(GRANT.id).sortBy('id')).toEqual([
      snoozed,
      shown,
    ]);
    expect(await again.reminders.where('kind').equals('review').primaryKeys()).toEqual([shown.id]);
    expect(await again.reminders.where('dueOn').below('2027-03-10').primaryKeys()).toEqual([
      shown.id,
    ]);
    for (const row of await again.reminders.toArray())
      expect(reminderState.parse(row)).toEqual(row);
  });

  it('refuses reminder ids that are not `${kind}:${grantId}:${dueOn}`', () => {
    expect(() => stateOf(`review:${GRANT.id}:soon`)).toThrow();
    expect(() => stateOf(`other:${GRANT.id}:2027-03-01`)).toThrow();
  });

  it('keeps history append-only after the upgrade', async () => {
    await seedV1();
    const db = await upgrade();
    await expect(db.table('events').put({ ...EVENT, note: 'rewritten' })).rejects.toBeInstanceOf(
      AppendOnlyError,
    );
    expect(await historyOf(db, GRANT.id)).toEqual([EVENT]);
  });
});
