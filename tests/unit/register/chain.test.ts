import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RegisterDb, WriteContext } from '@/lib/register';
import {
  applyImport,
  exportBackup,
  historyOf,
  parseImport,
  recordGrant,
  reviewGrant,
  updateGrant,
} from '@/lib/register';
import { canonicalJson, eventHash, verifyAllChains, verifyChain } from '@/lib/register/chain';
import { readAllStoredEvents, readStoredEventsOf } from '@/lib/register/event-batches';
import type { StoredEvent } from '@/lib/register/history';
import { byChainOrder } from '@/lib/register/history';
import type { Grant } from '@/lib/register/schema';
import { seedEverydayRegister } from '../helpers/everyday-register';
import { openTestRegisterDb, registerDbEachTest } from '../helpers/register-db';

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

const T0 = new Date('2026-10-01T09:00:00.000Z');
const T1 = new Date('2026-10-15T09:00:00.000Z');
const T2 = new Date('2026-11-01T09:00:00.000Z');
const T3 = new Date('2026-11-20T09:00:00.000Z');
const manual = (now: Date): WriteContext => ({ source: 'manual', now });

/** A grant with four events: invited, accepted, lowered, reviewed. */
async function grantWithHistory(): Promise<{ grant: Grant; stored: StoredEvent[] }> {
  const g0 = await recordGrant(
    db,
    {
      account: { kind: 'businessCenter', externalId: '7012345678901234567', ownership: 'mine' },
      party: { kind: 'person', name: 'Dana Kim', email: 'dana@brightlane.com' },
      bcRole: 'admin',
      status: 'invited',
    },
    manual(T0),
  );
  const g1 = await updateGrant(db, g0.id, g0.rev, { status: 'active' }, manual(T1));
  const g2 = await updateGrant(db, g1.id, g1.rev, { bcRole: 'standard' }, manual(T2));
  const grant = await reviewGrant(
    db,
    g2.id,
    g2.rev,
    { decision: 'keep', note: 'Still runs the account' },
    manual(T3),
  );
  const stored = (await readStoredEventsOf(db, grant.id)).sort(byChainOrder);
  expect(stored).toHaveLength(4);
  return { grant, stored };
}

const problems = (check: ReturnType<typeof verifyChain>) =>
  check.breaks.map((b) => [b.problem, b.eventId]);

describe('the history hash chain', () => {
  it('links every event written through the rules to the one before it, and the row to the last', async () => {
    const { grant, stored } = await grantWithHistory();
    expect(stored[0]!.prev).toBeNull();
    for (let i = 1; i < stored.length; i++) expect(stored[i]!.prev).toBe(stored[i - 1]!.hash);
    expect(grant.historyHead).toBe(stored.at(-1)!.hash);
    expect(verifyChain(grant.id, grant, stored)).toEqual({
      grantId: grant.id,
      ok: true,
      events: 4,
      head: grant.historyHead,
      breaks: [],
    });
  });

  it('every grant of an everyday register checks out', async () => {
    await seedEverydayRegister(db);
    const checks = verifyAllChains(await db.grants.toArray(), await readAllStoredEvents(db));
    expect(checks.size).toBe(5);
    for (const c of checks.values()) expect(c.ok, c.grantId).toBe(true);
  });

  it('detects an edited event, at that event', async () => {
    const { grant, stored } = await grantWithHistory();
    const edited = stored.map((e, i) => (i === 1 ? { ...e, note: 'accepted by phone' } : e));
    const check = verifyChain(grant.id, grant, edited);
    expect(check.ok).toBe(false);
    expect(problems(check)).toEqual([['altered', stored[1]!.id]]);
  });

  it('detects an edited decision or time, and a change to the row outside the rules', async () => {
    const { grant, stored } = await grantWithHistory();
    const decision = stored.map((e, i) => (i === 3 ? { ...e, decision: 'revoke' as const } : e));
    expect(problems(verifyChain(grant.id, grant, decision))).toEqual([['altered', stored[3]!.id]]);
    // The latest event's "after" is the row: a row changed by hand changes what it tells.
    const row = { ...grant, bcRole: 'admin' as const };
    expect(problems(verifyChain(grant.id, row, stored))).toContainEqual(['altered', stored[3]!.id]);
  });

  it('detects a removed event: in the middle at the one after it, at the end by the row', async () => {
    const { grant, stored } = await grantWithHistory();
    const middle = stored.filter((_, i) => i !== 1);
    expect(problems(verifyChain(grant.id, grant, middle))).toContainEqual([
      'missing',
      stored[2]!.id,
    ]);
    const last = stored.slice(0, 3);
    expect(problems(verifyChain(grant.id, grant, last))).toContainEqual([
      'headMismatch',
      stored[2]!.id,
    ]);
  });

  it('detects a reordered event', async () => {
    const { grant, stored } = await grantWithHistory();
    // The second and third change swap places: each takes the other's time and revision.
    const [a, b] = [stored[1]!, stored[2]!];
    const swapped = stored.map((e) =>
      e === a ? { ...a, at: b.at, seq: b.seq } : e === b ? { ...b, at: a.at, seq: a.seq } : e,
    );
    const check = verifyChain(grant.id, grant, swapped);
    expect(check.ok).toBe(false);
    expect(check.breaks.map((x) => x.problem)).toContain('altered');
    // Swapping their links instead (each now claims the other's place) shows as well.
    const relinked = stored.map((e) =>
      e === a ? { ...a, prev: b.hash } : e === b ? { ...b, prev: a.prev } : e,
    );
    expect(verifyChain(grant.id, grant, relinked).breaks.map((x) => x.problem)).toContain(
      'altered',
    );
  });

  it('detects an event slipped in from elsewhere, sealed or not', async () => {
    const { grant, stored } = await grantWithHistory();
    const other = await grantWithHistoryOf('sam@example.com');
    // An event of another grant's chain, relabelled as this grant's: its link names nothing here.
    const foreign = { ...other.stored[1]!, grantId: grant.id };
    expect(verifyChain(grant.id, grant, [...stored, foreign]).breaks.map((b) => b.problem)).toEqual(
      expect.arrayContaining(['altered', 'missing']),
    );
    // An event written outside the chain (a migration or a hand edit that sets no hash).
    const { hash: _h, prev: _p, ...bare } = { ...stored[2]!, id: crypto.randomUUID() };
    expect(problems(verifyChain(grant.id, grant, [...stored, bare]))).toContainEqual([
      'unsealed',
      bare.id,
    ]);
    // A second "first event": a history begun again beside the real one.
    const fork = { ...stored[0]!, id: crypto.randomUUID() };
    const sealedFork = { ...fork, hash: eventHash({ ...fork, before: null, after: null }) };
    expect(
      verifyChain(grant.id, grant, [...stored, sealedFork]).breaks.map((b) => b.problem),
    ).toContain('forked');
  });

  it('a restored backup keeps its links and marks, and checks out; an edited backup does not', async () => {
    await seedEverydayRegister(db);
    const backup = await exportBackup(db, T3);
    const into = openTestRegisterDb();
    try {
      await applyImport(into, okPlan(JSON.stringify(backup)), { now: T3 });
      const stored = await readAllStoredEvents(into);
      expect(stored.every((e) => e.fromFile?.fileName === 'backup.json')).toBe(true);
      for (const c of verifyAllChains(await into.grants.toArray(), stored).values())
        expect(c.ok, c.grantId).toBe(true);
      // The file's links are the ones the first register wrote.
      const first = await db.grants.toArray();
      for (const g of first) expect((await into.grants.get(g.id))?.historyHead).toBe(g.historyHead);
    } finally {
      into.close();
    }

    const tampered = structuredClone(backup);
    const events = tampered.tables.events as StoredEvent[];
    const victim = events.find((e) => e.type === 'revoked')!;
    victim.note = 'never revoked';
    const other = openTestRegisterDb();
    try {
      await applyImport(other, okPlan(JSON.stringify(tampered)), { now: T3 });
      const checks = verifyAllChains(
        await other.grants.toArray(),
        await readAllStoredEvents(other),
      );
      const bad = [...checks.values()].filter((c) => !c.ok);
      expect(bad.map((c) => c.grantId)).toEqual([victim.grantId]);
      expect(bad[0]!.breaks).toEqual([{ problem: 'altered', eventId: victim.id, at: victim.at }]);
    } finally {
      other.close();
    }
  });

  it('history a file brings for a grant the register holds is chained after the register’s own', async () => {
    const { grant } = await grantWithHistory();
    const backup = await exportBackup(db, T3);
    // Another register holds the same grant (same id) with a history of its own.
    const other = openTestRegisterDb();
    try {
      await applyImport(other, okPlan(JSON.stringify(backup)), { now: T3 });
      const g = (await other.grants.get(grant.id))!;
      await reviewGrant(other, g.id, g.rev, { decision: 'keep', note: 'Second look' }, manual(T3));
      const theirs = await exportBackup(other, new Date('2026-11-28T09:00:00.000Z'));
      await applyImport(db, okPlan(JSON.stringify(theirs)), {
        now: new Date('2026-11-29T09:00:00.000Z'),
      });
      const mine = (await db.grants.get(grant.id))!;
      const check = verifyChain(grant.id, mine, await readStoredEventsOf(db, grant.id));
      expect(check).toMatchObject({ ok: true, events: 5 });
      const told = await historyOf(db, grant.id);
      expect(told.filter((e) => e.fromFile)).toHaveLength(1);
    } finally {
      other.close();
    }
  });
});

async function grantWithHistoryOf(email: string) {
  const g0 = await recordGrant(
    db,
    {
      account: { kind: 'businessCenter', externalId: '7012345678901234567', ownership: 'mine' },
      party: { kind: 'person', name: email, email },
      bcRole: 'standard',
      status: 'active',
    },
    manual(T0),
  );
  const g1 = await updateGrant(db, g0.id, g0.rev, { bcRole: 'admin' }, manual(T1));
  return { grant: g1, stored: (await readStoredEventsOf(db, g1.id)).sort(byChainOrder) };
}

function okPlan(text: string) {
  const result = parseImport(text, 'json', { fileName: 'backup.json' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

describe('the canonical text events are hashed over', () => {
  /** The definition the chain was first sealed with: sorted entries, joined. */
  function definition(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(definition).join(',')}]`;
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${definition(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
  }

  it('is exactly the text of that definition, for events and for what JSON writes oddly', async () => {
    await seedEverydayRegister(db);
    const frozen = JSON.parse(readFileSync('tests/fixtures/register/v6.json', 'utf8')) as unknown;
    const sparse: unknown[] = [1];
    sparse[3] = 'after a hole';
    const odd = {
      z: [undefined, null, () => 1, Number.NaN, -0, 1e21, sparse, [[]], {}],
      a: { undefinedField: undefined, fn: () => 1, when: new Date(0), nested: { b: 1, a: 2 } },
      '10': 'an index-like key',
      '9': 'sorted as text, not as a number',
      É: 'past ASCII',
      '\u{1F600}': 'a surrogate pair',
      'quote"and\\back': '\u0000\n\t\u2028',
      '': 'the empty key',
    };
    const values = [
      ...(await readAllStoredEvents(db)),
      ...(await historyOf(db, (await db.grants.toArray())[0]!.id)),
      frozen,
      odd,
      [odd, [odd]],
      'text',
      42,
      null,
      true,
    ];
    for (const v of values) expect(canonicalJson(v)).toBe(definition(v));
  });
});
