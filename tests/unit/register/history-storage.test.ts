/**
 * History events stored as a chain anchored at the grant row (schema v3): every event keeps its
 * meaning — the grant before and after it — whatever wrote it, and a v2 register (events with
 * both snapshots whole) upgrades to the compact form with every event told exactly as before.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Grant, RegisterEvent, StoredEvent, WriteContext } from '@/lib/register';
import {
  REGISTER_SCHEMA_VERSION,
  REGISTER_VERSIONS,
  RegisterDb,
  applyImport,
  backupToJson,
  compactAll,
  compactHistory,
  deleteGrant,
  expandAll,
  expandHistory,
  exportBackup,
  historyOf,
  parseImport,
  recordGrant,
  reviewGrant,
  snapshotOf,
  updateGrant,
  readAllStoredEvents,
} from '@/lib/register';
import { dropDb, openAt, uniqueDbName } from '../helpers/migrations';
import { registerDbEachTest } from '../helpers/register-db';

const T = (day: number) => new Date(Date.UTC(2026, 9, day, 9, 0, 0));
const manual = (now: Date, note?: string): WriteContext => ({
  source: 'manual',
  now,
  ...(note ? { note } : {}),
});
const BC = {
  kind: 'businessCenter',
  externalId: '7012345678901234567',
  ownership: 'mine',
} as const;
const AD = { kind: 'adAccount', externalId: '7100000000000000001', ownership: 'mine' } as const;
const DANA = { kind: 'person', email: 'dana@brightlane.com', name: 'Dana Kim' } as const;
const LEE = { kind: 'person', email: 'lee@brightlane.com', name: 'Lee' } as const;

/** A register with long histories: roles, reviews, a revocation, a re-invitation, a deletion. */
async function seedHistories(db: RegisterDb): Promise<void> {
  let g = await recordGrant(
    db,
    { account: BC, party: DANA, bcRole: 'standard', status: 'invited', goals: 'Q4 launch' },
    manual(T(1), 'Onboarding'),
  );
  g = await updateGrant(db, g.id, g.rev, { status: 'active' }, manual(T(2)));
  g = await updateGrant(db, g.id, g.rev, { bcRole: 'admin' }, manual(T(3)));
  g = await reviewGrant(db, g.id, g.rev, { decision: 'keep', note: 'Still runs it' }, manual(T(4)));
  g = await reviewGrant(
    db,
    g.id,
    g.rev,
    { decision: 'lower', note: 'Less is enough', lowerTo: { bcRole: 'standard' } },
    manual(T(5)),
  );
  await updateGrant(db, g.id, g.rev, { status: 'revoked' }, manual(T(6), 'Left'));
  await recordGrant(db, { account: BC, party: DANA, status: 'invited' }, manual(T(7)));
  // Two changes in the same millisecond: told in revision order.
  let h = await recordGrant(
    db,
    { account: AD, party: LEE, assetRole: 'analyst', status: 'active' },
    manual(T(1)),
  );
  h = await updateGrant(db, h.id, h.rev, { assetRole: 'operator' }, manual(T(8)));
  h = await updateGrant(db, h.id, h.rev, { goals: 'Same instant' }, manual(T(8)));
  await deleteGrant(db, h.id, h.rev, manual(T(9)));
}

/** Every grant's history, told in full through the register's own reader. */
async function allHistories(db: RegisterDb): Promise<Map<string, RegisterEvent[]>> {
  const out = new Map<string, RegisterEvent[]>();
  for (const g of await db.grants.toArray()) out.set(g.id, await historyOf(db, g.id));
  return out;
}

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

describe('the events store keeps only what changed', () => {
  it('stores no snapshot for a change, only the fields it changed, and tells each event in full', async () => {
    await seedHistories(db);
    const stored = await readAllStoredEvents(db);
    expect(stored).toHaveLength(11);
    for (const e of stored) {
      expect(e).not.toHaveProperty('before');
      expect(e).not.toHaveProperty('after');
      expect(e.snapshots).toBeUndefined();
    }
    const grants = await db.grants.toArray();
    const dana = grants.find((g) => g.status === 'revoked')!;
    const history = await historyOf(db, dana.id);
    expect(history.map((e) => e.type)).toEqual([
      'invited',
      'accepted',
      'roleChanged',
      'reviewed',
      'reviewed',
      'revoked',
    ]);
    // Each event's after is the next one's before, the last one's after is the row itself.
    history.slice(1).forEach((e, i) => expect(e.before).toEqual(history[i]!.after));
    expect(history.at(-1)!.after).toEqual(snapshotOf(dana));
    expect(history[0]!.before).toBeNull();
    expect(history.map((e) => e.after?.rev)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(history[2]).toMatchObject({
      before: expect.objectContaining({ bcRole: 'standard' }),
      after: expect.objectContaining({ bcRole: 'admin' }),
    });
    // The role change stored only the role, the revision and nothing else of the grant.
    const roleChange = stored.find((e) => e.id === history[2]!.id)!;
    expect(roleChange.prior).toEqual({ bcRole: 'standard', rev: 2 });
    // A deletion: the grant before it, nothing after it.
    const deleted = grants.find((g) => g.deletedAt !== null)!;
    const lee = await historyOf(db, deleted.id);
    expect(lee.map((e) => e.type)).toEqual(['created', 'roleChanged', 'updated', 'deleted']);
    expect(lee.at(-1)).toMatchObject({
      after: null,
      before: expect.objectContaining({ goals: 'Same instant', rev: 3 }),
    });
  });

  it('is a fraction of the size of events holding both snapshots', async () => {
    await seedHistories(db);
    const stored = await readAllStoredEvents(db);
    const full = [...expandAll(await db.grants.toArray(), stored).values()].flat();
    const storedBytes = JSON.stringify(stored).length;
    const fullBytes = JSON.stringify(full).length;
    expect(storedBytes).toBeLessThan(fullBytes * 0.5);
  });

  it('compacting any list of events and expanding it again gives the same events', async () => {
    await seedHistories(db);
    const grants = await db.grants.toArray();
    const histories = expandAll(grants, await readAllStoredEvents(db));
    const dana = grants.find((g) => g.status === 'revoked');
    const events = histories.get(dana!.id)!;
    const other = grants.find((g) => g.id !== dana!.id)!;
    // Lists that do not form one chain: shuffled, one event's after edited, an event of another
    // grant's shape, a deletion at a revision the row never had, a snapshot missing a field, a
    // grant the register does not hold.
    const edited = { ...events[2]!, after: { ...events[2]!.after!, goals: 'edited by hand' } };
    const foreign = { ...histories.get(other.id)![0]!, grantId: dana!.id, id: crypto.randomUUID() };
    const strayDeletion = { ...events[1]!, id: crypto.randomUUID(), after: null };
    const { goals: _g, ...partial } = events[3]!.before!;
    const missingField = { ...events[3]!, id: crypto.randomUUID(), before: partial as never };
    const lists: RegisterEvent[][] = [
      events,
      events.slice().reverse(),
      [events[0]!, edited, ...events.slice(3)],
      [...events, foreign, strayDeletion, missingField],
      events.slice(2),
    ];
    for (const list of lists) {
      const expected = list.slice().sort(historyOrder);
      for (const row of [dana, other, undefined] as (Grant | undefined)[]) {
        expect(expandHistory(row, compactHistory(row, list))).toEqual(expected);
      }
    }
    // The writers' own stored form is what compacting their full events gives.
    expect(compactAll(grants, [...histories.values()].flat()).sort(byId)).toEqual(
      (await readAllStoredEvents(db)).sort(byId),
    );
  });
});

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const historyOrder = (a: RegisterEvent, b: RegisterEvent) =>
  a.at.localeCompare(b.at) ||
  (a.after?.rev ?? (a.before ? a.before.rev + 1 : 0)) -
    (b.after?.rev ?? (b.before ? b.before.rev + 1 : 0)) ||
  byId(a, b);

describe('schema v3 upgrade: a v2 register keeps every event meaning the same', () => {
  const V2 = REGISTER_VERSIONS.filter((v) => v.version <= 2);

  it('migrates events with whole snapshots to the compact form, told exactly as before', async () => {
    // The rows a v2 register held: its grants and every event with both snapshots whole,
    // including history a backup brought and events that do not form one chain.
    await seedHistories(db);
    const restored = new RegisterDb(`t-${crypto.randomUUID()}`);
    try {
      const backup = backupToJson(await exportBackup(db, T(10)));
      await applyImport(restored, planOf(backup), { now: T(11) });
      const grants = await restored.grants.toArray();
      const full = [...expandAll(grants, await readAllStoredEvents(restored)).values()].flat();
      const [first] = grants;
      const out: RegisterEvent[] = [
        ...full,
        // An event whose after is not what the grant became next (written by hand long ago).
        {
          ...full.find((e) => e.grantId === first!.id)!,
          id: crypto.randomUUID(),
          after: { ...snapshotOf(first!), goals: 'not the row' },
        },
        // An event of a grant the register no longer holds.
        { ...full[0]!, id: crypto.randomUUID(), grantId: crypto.randomUUID() },
      ];
      expect(out.some((e) => e.fromFile)).toBe(true);

      const name = uniqueDbName('events-v3');
      const v2 = await openAt(name, V2);
      await v2.grants.bulkAdd(grants);
      await v2.table('events').bulkAdd(out);
      const v2Stored = JSON.stringify(await v2.table('events').toArray()).length;
      v2.close();

      const v3 = await openAt(
        name,
        REGISTER_VERSIONS.filter((v) => v.version <= 5),
      );
      try {
        expect(v3.verno).toBe(5);
        const stored = await readAllStoredEvents(v3);
        expect(stored).toHaveLength(out.length);
        expect(JSON.stringify(stored).length).toBeLessThan(v2Stored * 0.6);
        const told = [...expandAll(await v3.grants.toArray(), stored).values()].flat();
        expect(told.sort(byId)).toEqual(out.slice().sort(byId));
        for (const g of grants) {
          expect(await historyOf(v3, g.id)).toEqual(
            out.filter((e) => e.grantId === g.id).sort(historyOrder),
          );
        }
        // The index history is read by is there; the ones nothing read are gone.
        expect(
          (await v3.events.where('grantIds').equals(first!.id).toArray())
            .flatMap((b) => b.events)
            .filter((e) => e.grantId === first!.id),
        ).toHaveLength(out.filter((e) => e.grantId === first!.id).length);
        await expect(v3.events.where('type').equals('created').count()).rejects.toThrow();
        await expect(
          v3.events.where('[grantId+at]').equals([first!.id, '']).count(),
        ).rejects.toThrow();
        // New writes after the upgrade extend the migrated chains.
        const live = grants.find((g) => g.status === 'invited')!;
        await updateGrant(v3, live.id, live.rev, { status: 'active' }, manual(T(12)));
        const after = await historyOf(v3, live.id);
        expect(after.slice(0, -1)).toEqual(
          out.filter((e) => e.grantId === live.id).sort(historyOrder),
        );
        expect(after.at(-1)).toMatchObject({ type: 'accepted', before: snapshotOf(live) });
      } finally {
        await dropDb(v3);
      }
    } finally {
      restored.close();
      await Dexie.delete(restored.name);
    }
  });
});

describe('backups: both forms read, history meaning kept', () => {
  it('a backup with events whole (schema 2) and one in the compact form restore the same history', async () => {
    await seedHistories(db);
    const backup = await exportBackup(db, T(10));
    expect(backup.schemaVersion).toBe(REGISTER_SCHEMA_VERSION);
    const stored = backup.tables.events as StoredEvent[];
    const v2 = {
      ...backup,
      schemaVersion: 2,
      tables: {
        ...backup.tables,
        events: [...expandAll(backup.tables.grants as Grant[], stored).values()].flat(),
      },
    };
    const fromV3 = new RegisterDb(`t-${crypto.randomUUID()}`);
    const fromV2 = new RegisterDb(`t-${crypto.randomUUID()}`);
    try {
      await applyImport(fromV3, planOf(backupToJson(backup)), { now: T(11) });
      await applyImport(fromV2, planOf(JSON.stringify(v2)), { now: T(11) });
      const strip = (m: Map<string, RegisterEvent[]>) =>
        [...m.values()].flat().map(({ fromFile: _f, ...e }) => e);
      const original = strip(await allHistories(db));
      expect(strip(await allHistories(fromV3))).toEqual(original);
      expect(strip(await allHistories(fromV2))).toEqual(original);
    } finally {
      for (const d of [fromV3, fromV2]) {
        d.close();
        await Dexie.delete(d.name);
      }
    }
  });

  it('a hand-edited grant row in a backup does not change what its events say', async () => {
    await seedHistories(db);
    const backup = await exportBackup(db, T(10));
    const i = backup.tables.grants.findIndex((g) => g.status === 'invited');
    const id = backup.tables.grants[i]!.id as string;
    backup.tables.grants[i] = { ...backup.tables.grants[i], goals: 'forged', rev: 50 };
    const plan = parseImport(JSON.stringify(backup), 'json');
    expect(plan.ok).toBe(true);
    if (!plan.ok || plan.plan.format !== 'json') return;
    expect(plan.plan.events.filter((e) => e.grantId === id)).toEqual(await historyOf(db, id));
  });
});

describe('a compact backup event is checked like any row', () => {
  it('refuses, naming the row, a changed field that is not a grant field value, or no revision', async () => {
    await seedHistories(db);
    const backup = await exportBackup(db, T(10));
    const events = backup.tables.events as Record<string, unknown>[];
    const i = events.findIndex((e) => e.prior && Object.keys(e.prior).length > 0);
    events[i] = { ...events[i], prior: { status: 'constructor' } };
    const j = i === 0 ? 1 : 0;
    const { seq: _s, ...noSeq } = events[j]!;
    events[j] = noSeq;
    const result = parseImport(JSON.stringify(backup), 'json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ where: `events[${i}]`, column: 'prior.status' }),
        expect.objectContaining({ where: `events[${j}]`, column: 'seq' }),
      ]),
    );
  });
});

function planOf(text: string) {
  const result = parseImport(text, 'json', { fileName: 'backup.json' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}
