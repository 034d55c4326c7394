/**
 * History stored several events to a record (schema v4): every writer adds batches, every
 * reader tells each grant's history exactly as one event to a record did, and a v3 register
 * upgrades to batches with every grant's history told exactly as before.
 */
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Grant, ImportPlan, ParseResult, RegisterEvent, StoredEvent } from '@/lib/register';
import {
  BATCH_BYTES,
  ImportRefusedError,
  REGISTER_VERSIONS,
  applyImport,
  backupToJson,
  compactHistory,
  estimatedSize,
  expandHistory,
  exportBackup,
  historyOf,
  isWellFormedBatch,
  packEvents,
  parseImport,
  readAllStoredEvents,
  recordGrant,
  snapshotOf,
  updateGrant,
} from '@/lib/register';
import { seedEverydayRegister } from '../helpers/everyday-register';
import { dropDb, openAt, uniqueDbName } from '../helpers/migrations';
import { openTestRegisterDb, registerDbEachTest } from '../helpers/register-db';
import type { RegisterDb } from '@/lib/register';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const T = (day: number) => new Date(Date.UTC(2026, 9, day, 9, 0, 0));

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

function planOf(result: ParseResult): ImportPlan {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A grant's long history as full events (each change one revision up), for packing. */
function longHistory(grant: Grant, changes: number): RegisterEvent[] {
  const events: RegisterEvent[] = [];
  let state = { ...snapshotOf(grant), rev: 1, goals: 'start' };
  events.push(eventOf(grant.id, 0, null, state));
  for (let i = 1; i < changes; i++) {
    const next = { ...state, rev: state.rev + 1, goals: `change ${i} ${'x'.repeat(i % 40)}` };
    events.push(eventOf(grant.id, i, state, next));
    state = next;
  }
  return events;
}

function eventOf(
  grantId: string,
  i: number,
  before: RegisterEvent['before'],
  after: RegisterEvent['after'],
): RegisterEvent {
  const at = new Date(T(1).getTime() + i * 60_000).toISOString();
  return {
    id: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
    rev: 1,
    grantId,
    type: before ? 'updated' : 'created',
    at,
    source: 'manual',
    decision: null,
    note: i % 3 === 0 ? `Note ${i}` : '',
    checklist: null,
    before,
    after,
  };
}

describe('packing events into batches', () => {
  it('keeps every event in order, names exactly each batch’s grants and keeps batches small', () => {
    const grant = { id: crypto.randomUUID() } as Grant;
    const runs: StoredEvent[] = [];
    // Short runs of many grants, then one grant's run longer than a batch, then short runs again.
    for (let g = 0; g < 300; g++) {
      const id = g === 150 ? grant.id : crypto.randomUUID();
      const n = g === 150 ? 700 : 1 + (g % 7);
      runs.push(
        ...Array.from({ length: n }, (_, i) => ({
          ...({} as StoredEvent),
          id: crypto.randomUUID(),
          grantId: id,
          at: T(1).toISOString(),
          note: 'n'.repeat(i % 50),
          seq: i + 1,
          prior: i === 0 ? null : { rev: i },
        })),
      );
    }
    const batches = packEvents(runs);
    expect(batches.flatMap((b) => b.events)).toEqual(runs);
    for (const b of batches) {
      expect(isWellFormedBatch(b)).toBe(true);
      const size = b.events.reduce((s, e) => s + estimatedSize(e), 0);
      if (b.events.length > 1) expect(size).toBeLessThanOrEqual(BATCH_BYTES);
    }
    // Far fewer records than events, and a grant's short run is never split across two.
    expect(batches.length).toBeLessThan(runs.length / 50);
    const batchesOf = new Map<string, number>();
    for (const b of batches)
      for (const id of b.grantIds) batchesOf.set(id, (batchesOf.get(id) ?? 0) + 1);
    for (const [id, n] of batchesOf) if (id !== grant.id) expect(n).toBe(1);
    expect(batchesOf.get(grant.id)).toBeGreaterThan(1);
  });

  it('is empty for no events', () => {
    expect(packEvents([])).toEqual([]);
  });
});

describe('every writer adds batches', () => {
  it('a single change writes a batch of one event', async () => {
    const g = await recordGrant(
      db,
      {
        account: { kind: 'businessCenter', externalId: '7012345678901234567', ownership: 'mine' },
        party: { kind: 'person', email: 'dana@brightlane.com', name: 'Dana' },
        status: 'invited',
      },
      { source: 'manual', now: T(1) },
    );
    await updateGrant(db, g.id, g.rev, { status: 'active' }, { source: 'manual', now: T(2) });
    const batches = await db.events.toArray();
    expect(batches.map((b) => [b.grantIds, b.events.length])).toEqual([
      [[g.id], 1],
      [[g.id], 1],
    ]);
    expect((await historyOf(db, g.id)).map((e) => e.type)).toEqual(['invited', 'accepted']);
  });

  it('a grant’s history, watched live, follows a change (the batch is seen through its grantIds)', async () => {
    const g = await recordGrant(
      db,
      {
        account: { kind: 'businessCenter', externalId: '7012345678901234567', ownership: 'mine' },
        party: { kind: 'person', email: 'dana@brightlane.com', name: 'Dana' },
        status: 'invited',
      },
      { source: 'manual', now: T(1) },
    );
    const seen: string[][] = [];
    const watched = liveQuery(() => historyOf(db, g.id)).subscribe((h) =>
      seen.push(h.map((e) => e.type)),
    );
    try {
      await expect.poll(() => seen.length).toBe(1);
      await updateGrant(db, g.id, g.rev, { status: 'active' }, { source: 'manual', now: T(2) });
      await expect.poll(() => seen.at(-1)).toEqual(['invited', 'accepted']);
    } finally {
      watched.unsubscribe();
    }
  });

  it('a CSV import writes its events a few hundred to a record, each grant’s history whole', async () => {
    const header =
      'account_kind,account_id,account_name,ownership,party_kind,name,email,organisation,bc_role,asset_role,status,accepted_at';
    const rows = Array.from(
      { length: 1200 },
      (_, i) =>
        `business_center,70${String(i % 90).padStart(17, '0')},Client ${i % 90},mine,person,Person ${i},p${i}@example.com,Agency,standard,operator,active,2026-10-01`,
    );
    const report = await applyImport(
      db,
      planOf(parseImport([header, ...rows].join('\r\n'), 'csv', { fileName: 'big.csv' })),
      { now: NOW },
    );
    expect(report.eventsAdded).toBe(1200);
    const batches = await db.events.toArray();
    expect(batches.length).toBeLessThan(1200 / 50);
    expect(batches.every(isWellFormedBatch)).toBe(true);
    expect(batches.flatMap((b) => b.events)).toHaveLength(1200);
    const [grant] = await db.grants.toArray();
    expect(await historyOf(db, grant!.id)).toEqual([
      expect.objectContaining({
        type: 'imported',
        grantId: grant!.id,
        before: null,
        after: snapshotOf(grant!),
      }),
    ]);
  });

  it('a restore refuses, and names, an event whose id the register holds for another grant', async () => {
    const { again, revoked } = await seedEverydayRegister(db);
    const backup = await exportBackup(db, NOW);
    const i = backup.tables.events.findIndex((e) => e.grantId === revoked.id);
    // The same event, claimed for another grant: reading only that grant's history would miss it.
    backup.tables.events[i] = { ...backup.tables.events[i]!, grantId: again.id };
    const before = await readAllStoredEvents(db);
    const refusal = await applyImport(db, planOf(parseImport(backupToJson(backup), 'json')), {
      now: NOW,
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ImportRefusedError);
    // (Another event of the grant it left may be named too: the chain it sat in changed.)
    expect((refusal as ImportRefusedError).problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          where: `events[${i}]`,
          message: expect.stringContaining(backup.tables.events[i]!.id as string),
        }),
      ]),
    );
    expect(await readAllStoredEvents(db)).toEqual(before);
  });

  it('the backup lists stored events by id, as before, and restores into an empty register exactly', async () => {
    await seedEverydayRegister(db);
    const backup = await exportBackup(db, NOW);
    const ids = backup.tables.events.map((e) => e.id);
    expect(ids).toEqual(ids.slice().sort());
    const copy = openTestRegisterDb();
    try {
      await applyImport(copy, planOf(parseImport(backupToJson(backup), 'json')), { now: NOW });
      for (const g of await db.grants.toArray()) {
        const restored = await historyOf(copy, g.id);
        expect(restored.map(({ fromFile: _f, ...e }) => e)).toEqual(await historyOf(db, g.id));
      }
      expect(await copy.events.count()).toBe(1);
    } finally {
      await dropDb(copy);
    }
  });
});

describe('schema v4 upgrade: a v3 register keeps every grant’s history exactly', () => {
  const V3 = REGISTER_VERSIONS.filter((v) => v.version <= 3);

  it('packs the events grant by grant and tells every history as v3 did', async () => {
    // A register's events as v3 stored them, one to a record: everyday histories, a restore's
    // history (events from a file, some self-contained), a history longer than a batch, and an
    // event of a grant the register does not hold.
    const { again } = await seedEverydayRegister(db);
    await updateGrant(
      db,
      again.id,
      again.rev,
      { status: 'active' },
      { source: 'manual', now: T(20) },
    );
    const other = openTestRegisterDb();
    const grants: Grant[] = [];
    const stored: StoredEvent[] = [];
    try {
      await applyImport(
        other,
        planOf(parseImport(backupToJson(await exportBackup(db, NOW)), 'json')),
        {
          now: NOW,
        },
      );
      await applyImport(
        other,
        planOf(
          parseImport(backupToJson(await exportBackup(db, T(30))), 'json', {
            fileName: 'again.json',
          }),
        ),
        { now: T(30) },
      );
      grants.push(...(await other.grants.toArray()));
      stored.push(...(await readAllStoredEvents(other)));
    } finally {
      await dropDb(other);
    }
    const long = { ...grants[0]!, id: crypto.randomUUID(), rev: 600 };
    const longStored = compactHistory(long, longHistory(long, 600));
    grants.push(long);
    stored.push(...longStored);
    const orphan = { ...stored[0]!, id: crypto.randomUUID(), grantId: crypto.randomUUID() };
    stored.push(orphan);
    expect(stored.some((e) => e.fromFile)).toBe(true);

    // What v3 told: each grant's stored events expanded against its row.
    const told = new Map<string, RegisterEvent[]>();
    for (const id of new Set(stored.map((e) => e.grantId))) {
      told.set(
        id,
        expandHistory(
          grants.find((g) => g.id === id),
          stored.filter((e) => e.grantId === id),
        ),
      );
    }

    const name = uniqueDbName('events-v4');
    const v3 = await openAt(name, V3);
    await v3.grants.bulkAdd(grants);
    await v3.table('events').bulkAdd(stored);
    expect(await v3.table('events').count()).toBe(stored.length);
    v3.close();

    const v4 = await openAt(
      name,
      REGISTER_VERSIONS.filter((v) => v.version <= 5),
    );
    try {
      expect(v4.verno).toBe(5);
      // Every event kept exactly as stored, far fewer records.
      expect((await readAllStoredEvents(v4)).sort(byId)).toEqual(stored.slice().sort(byId));
      const batches = await v4.events.toArray();
      expect(batches.every(isWellFormedBatch)).toBe(true);
      expect(batches.length).toBeLessThan(stored.length / 20);
      for (const [id, history] of told) expect(await historyOf(v4, id)).toEqual(history);
      // The long history fills several records, the short ones one each.
      const named = (id: string) => batches.filter((b) => b.grantIds.includes(id)).length;
      expect(named(long.id)).toBeGreaterThan(1);
      for (const g of grants) if (g.id !== long.id) expect(named(g.id)).toBe(1);
      // The old index is gone; the new one answers.
      await expect(v4.events.where('[grantId+at]').equals([long.id, '']).count()).rejects.toThrow();
      expect(await v4.events.where('grantIds').equals(orphan.grantId).count()).toBe(1);
      // New writes after the upgrade extend the migrated histories.
      const live = grants.find((g) => g.id === again.id)!;
      await updateGrant(
        v4,
        live.id,
        live.rev,
        { goals: 'after v4' },
        { source: 'manual', now: T(40) },
      );
      const after = await historyOf(v4, live.id);
      expect(after.slice(0, -1)).toEqual(told.get(live.id));
      expect(after.at(-1)).toMatchObject({
        type: 'updated',
        after: expect.objectContaining({ goals: 'after v4' }),
      });
    } finally {
      await dropDb(v4);
    }
  });

  it('upgrades an empty v3 register', async () => {
    const name = uniqueDbName('events-v4-empty');
    const v3 = await openAt(name, V3);
    v3.close();
    const v4 = await openAt(name, REGISTER_VERSIONS);
    try {
      expect(await v4.events.count()).toBe(0);
    } finally {
      await dropDb(v4);
    }
  });
});
