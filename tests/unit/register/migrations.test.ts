import { afterEach, describe, expect, it } from 'vitest';
import type { RegisterDb, RegisterVersion } from '@/lib/register/db';
import { AppendOnlyError, REGISTER_SCHEMA_VERSION, REGISTER_VERSIONS } from '@/lib/register/db';
import type { Account, Grant, Party, RegisterEvent } from '@/lib/register/schema';
import { account, event, grant, party } from '@/lib/register/schema';
import { dropDb, openAt, uniqueDbName } from '../helpers/migrations';

describe('REGISTER_VERSIONS', () => {
  it('numbers versions from 1, strictly increasing', () => {
    const numbers = REGISTER_VERSIONS.map((v) => v.version);
    expect(numbers[0]).toBe(1);
    numbers.slice(1).forEach((n, i) => expect(n).toBeGreaterThan(numbers[i]!));
    expect(numbers.every((n) => Number.isInteger(n))).toBe(true);
  });

  it('REGISTER_SCHEMA_VERSION is the last version', () => {
    expect(REGISTER_SCHEMA_VERSION).toBe(REGISTER_VERSIONS.at(-1)?.version);
  });

  it('a database opened with the current versions reports REGISTER_SCHEMA_VERSION', async () => {
    const db = await openAt(uniqueDbName(), REGISTER_VERSIONS);
    try {
      expect(db.verno).toBe(REGISTER_SCHEMA_VERSION);
      expect(db.tables.map((t) => t.name).sort()).toEqual([
        'accounts',
        'campaignItems',
        'campaignReminders',
        'campaigns',
        'events',
        'grants',
        'parties',
        'reminders',
      ]);
    } finally {
      await dropDb(db);
    }
  });
});

// v1 rows, exactly as v1 code would have written them (each checked against the v1 schema).
const ACCOUNT_ID = '0b7f6a7e-3c1d-4e2a-9f10-1a2b3c4d5e01';
const PARTY_ID = '0b7f6a7e-3c1d-4e2a-9f10-1a2b3c4d5e02';
const GRANT_ID = '0b7f6a7e-3c1d-4e2a-9f10-1a2b3c4d5e03';
const EVENT_ID = '0b7f6a7e-3c1d-4e2a-9f10-1a2b3c4d5e04';
const SEEDED_AT = '2026-11-01T10:00:00.000Z';

const V1_ACCOUNT: Account = account.parse({
  id: ACCOUNT_ID,
  createdAt: SEEDED_AT,
  updatedAt: SEEDED_AT,
  rev: 1,
  deletedAt: null,
  kind: 'businessCenter',
  externalId: '7012345678901234567',
  name: 'Northwind Outdoor',
  ownerBcId: null,
  ownership: 'mine',
});

const V1_PARTY: Party = party.parse({
  id: PARTY_ID,
  createdAt: SEEDED_AT,
  updatedAt: SEEDED_AT,
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

const V1_GRANT: Grant = grant.parse({
  id: GRANT_ID,
  createdAt: SEEDED_AT,
  updatedAt: SEEDED_AT,
  rev: 1,
  deletedAt: null,
  accountId: ACCOUNT_ID,
  partyId: PARTY_ID,
  bcRole: 'standard',
  financeRole: null,
  assetRole: 'operator',
  status: 'invited',
  invitedAt: SEEDED_AT,
  acceptedAt: null,
  revokedAt: null,
  reviewCadenceDays: 90,
  lastReviewedAt: null,
  nextReviewOn: '2027-01-30',
  contractEndsOn: null,
  goals: '',
  source: 'manual',
});

const { createdAt: _c, updatedAt: _u, deletedAt: _d, ...V1_SNAPSHOT } = V1_GRANT;

const V1_EVENT: RegisterEvent = event.parse({
  id: EVENT_ID,
  createdAt: SEEDED_AT,
  updatedAt: SEEDED_AT,
  rev: 1,
  grantId: GRANT_ID,
  type: 'invited',
  at: SEEDED_AT,
  source: 'manual',
  decision: null,
  note: '',
  checklist: null,
  before: null,
  after: V1_SNAPSHOT,
});

/** Version 1 alone: the machinery tests below build their test-only v2 on it. */
const V1_ONLY = REGISTER_VERSIONS.filter((v) => v.version === 1);

/** What the test-only v2 adds: who reviews a grant (indexed), and who wrote each event. */
type V2Grant = Grant & { reviewerPartyId: string };
type V2Event = RegisterEvent & { actor: string };

/**
 * A test-only v2, shaped like a real next version would be: a new indexed field on grants,
 * filled from existing data, and a rewrite of old history events (which the append-only guard
 * allows only inside the versionchange transaction).
 */
const TEST_V2: RegisterVersion = {
  version: 2,
  stores: {
    grants:
      'id, accountId, partyId, status, nextReviewOn, contractEndsOn, updatedAt, reviewerPartyId',
  },
  async upgrade(tx) {
    await tx
      .table<V2Grant, string>('grants')
      .toCollection()
      .modify((g) => {
        g.reviewerPartyId = g.partyId;
      });
    await tx
      .table<V2Event, string>('events')
      .toCollection()
      .modify((e) => {
        e.actor = e.source === 'manual' ? 'user' : e.source;
        if (e.note === '') e.note = 'Recorded before v2';
      });
  },
};

describe('migration v1 → test-only v2', () => {
  let name: string;
  const open: RegisterDb[] = [];

  afterEach(async () => {
    await dropDb(...open.splice(0));
  });

  async function seedV1(): Promise<void> {
    name = uniqueDbName();
    const v1 = await openAt(name, V1_ONLY);
    open.push(v1);
    await v1.accounts.add(V1_ACCOUNT);
    await v1.parties.add(V1_PARTY);
    await v1.grants.add(V1_GRANT);
    await v1.table('events').add(V1_EVENT);
    expect(v1.verno).toBe(1);
    v1.close();
  }

  async function reopen(versions: readonly RegisterVersion[]): Promise<RegisterDb> {
    const db = await openAt(name, versions);
    open.push(db);
    return db;
  }

  it('before the upgrade, the new index does not exist', async () => {
    await seedV1();
    const v1 = await reopen(V1_ONLY);
    await expect(
      v1.table('grants').where('reviewerPartyId').equals(PARTY_ID).toArray(),
    ).rejects.toThrow(/not indexed/i);
  });

  it('upgrades the seeded rows to exactly the v2 rows', async () => {
    await seedV1();
    const v2 = await reopen([...V1_ONLY, TEST_V2]);

    expect(v2.verno).toBe(2);
    expect(await v2.accounts.toArray()).toEqual([V1_ACCOUNT]);
    expect(await v2.parties.toArray()).toEqual([V1_PARTY]);
    expect(await v2.table<V2Grant, string>('grants').toArray()).toEqual([
      { ...V1_GRANT, reviewerPartyId: PARTY_ID },
    ]);
    expect(await v2.table<V2Event, string>('events').toArray()).toEqual([
      { ...V1_EVENT, note: 'Recorded before v2', actor: 'user' },
    ]);
  });

  it('serves queries on the new index', async () => {
    await seedV1();
    const v2 = await reopen([...V1_ONLY, TEST_V2]);
    const grants = v2.table<V2Grant, string>('grants');

    expect(await grants.where('reviewerPartyId').equals(PARTY_ID).primaryKeys()).toEqual([
      GRANT_ID,
    ]);
    expect(await grants.where('reviewerPartyId').equals(ACCOUNT_ID).count()).toBe(0);
    // The v1 indexes are still there.
    expect(await grants.where('status').equals('invited').primaryKeys()).toEqual([GRANT_ID]);
    expect(await v2.events.where('[grantId+at]').equals([GRANT_ID, SEEDED_AT]).count()).toBe(1);
  });

  it('keeps history append-only once the upgrade is done', async () => {
    await seedV1();
    const v2 = await reopen([...V1_ONLY, TEST_V2]);
    await expect(
      v2.table('events').put({ ...V1_EVENT, note: 'rewritten later' }),
    ).rejects.toBeInstanceOf(AppendOnlyError);
    expect((await v2.table<V2Event, string>('events').get(EVENT_ID))?.note).toBe(
      'Recorded before v2',
    );
  });

  it('does not run the upgrade again on the next open', async () => {
    await seedV1();
    const first = await reopen([...V1_ONLY, TEST_V2]);
    await first.grants.update(GRANT_ID, { partyId: ACCOUNT_ID });
    first.close();

    const second = await reopen([...V1_ONLY, TEST_V2]);
    const g = await second.table<V2Grant, string>('grants').get(GRANT_ID);
    // Had the upgrade run again, reviewerPartyId would have followed the changed partyId.
    expect(g).toMatchObject({ partyId: ACCOUNT_ID, reviewerPartyId: PARTY_ID });
  });
});
