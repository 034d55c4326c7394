import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegisterDb } from '@/lib/register/db';
import { REGISTER_SCHEMA_VERSION, REGISTER_VERSIONS } from '@/lib/register/db';
import { verifyAllChains } from '@/lib/register/chain';
import { readAllStoredEvents } from '@/lib/register/event-batches';
import { historyOf } from '@/lib/register/grants';
import { byHistoryOrder } from '@/lib/register/history';
import type { RegisterEvent } from '@/lib/register/schema';
import { account, event, grant, party, reminderState } from '@/lib/register/schema';
import { dropDb, openAt, uniqueDbName } from '../helpers/migrations';

/**
 * Registers as each shipped version wrote them, frozen as literal rows
 * (tests/fixtures/register/v<N>.json): people with and without an email, a partner Business
 * Center, a revoked grant and the same person's later invitation, a lowered role, a deleted
 * grant, reminders shown, snoozed and done, and text a spreadsheet or a page could misread. Each
 * is written into a database created by that version's own schema and then opened by today's
 * code, which must upgrade it without losing or changing anything a user could see.
 */
interface Fixture {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}
const fixture = (version: number) =>
  JSON.parse(readFileSync(`tests/fixtures/register/v${version}.json`, 'utf8')) as Fixture;

/** Every grant's history as the first version wrote it: whole snapshots before and after. */
const V1 = fixture(1);
const historyWritten = (grantId: string) =>
  (V1.tables.events as unknown as RegisterEvent[])
    .filter((e) => e.grantId === grantId)
    .sort(byHistoryOrder);
const byId = (a: { id?: unknown }, b: { id?: unknown }) => String(a.id).localeCompare(String(b.id));
/** A row without its chain's head (a fixture frozen before schema v6 has none). */
const withoutHead = (row: Record<string, unknown>) => {
  const { historyHead: _h, ...rest } = row;
  return rest;
};
/** An event without its links in the chain (an event written before schema v6 has none). */
const unlinked = (e: RegisterEvent) => {
  const { prev: _p, hash: _h, ...rest } = e;
  return rest;
};

/** Every version a fixture was frozen for. */
const shipped = readdirSync('tests/fixtures/register')
  .map((file) => /^v(\d+)\.json$/.exec(file)?.[1])
  .filter((n): n is string => n !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

it('a frozen register exists for every shipped version but the current one at least', () => {
  const older = REGISTER_VERSIONS.map((r) => r.version).filter((v) => v < REGISTER_SCHEMA_VERSION);
  expect(shipped.filter((v) => v < REGISTER_SCHEMA_VERSION)).toEqual(older);
  expect(shipped.every((v) => REGISTER_VERSIONS.some((r) => r.version === v))).toBe(true);
});

describe.each(shipped)('a register written by schema version %i', (version) => {
  const open: RegisterDb[] = [];
  afterEach(async () => {
    await dropDb(...open.splice(0));
  });

  async function upgraded(): Promise<{ db: RegisterDb; rows: Fixture['tables'] }> {
    const { tables } = fixture(version);
    const name = uniqueDbName('frozen');
    const old = await openAt(
      name,
      REGISTER_VERSIONS.filter((v) => v.version <= version),
    );
    open.push(old);
    expect(old.verno).toBe(version);
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
    old.close();
    const db = await openAt(name, REGISTER_VERSIONS);
    open.push(db);
    return { db, rows: tables };
  }

  it('opens at the current version with every account, party, grant and reminder as it was', async () => {
    const { db, rows } = await upgraded();
    expect(db.verno).toBe(REGISTER_SCHEMA_VERSION);
    expect((await db.accounts.toArray()).sort(byId)).toEqual([...rows.accounts!].sort(byId));
    expect((await db.parties.toArray()).sort(byId)).toEqual([...rows.parties!].sort(byId));
    // Each grant gains the head of its history's hash chain (schema v6), and nothing else.
    const grants = await db.grants.toArray();
    for (const g of grants) expect(g.historyHead, g.id).toMatch(/^[0-9a-f]{64}$/);
    expect(grants.map(withoutHead).sort(byId)).toEqual(
      [...rows.grants!].map(withoutHead).sort(byId),
    );
    expect((await db.reminders.toArray()).sort(byId)).toEqual(
      [...(rows.reminders ?? [])].sort(byId),
    );
  });

  it("the upgraded rows are valid under today's schema", async () => {
    const { db } = await upgraded();
    for (const a of await db.accounts.toArray()) account.parse(a);
    for (const p of await db.parties.toArray()) party.parse(p);
    for (const g of await db.grants.toArray()) grant.parse(g);
    for (const r of await db.reminders.toArray()) reminderState.parse(r);
  });

  it('tells every grant’s history exactly as it was written, deleted grants included', async () => {
    const { db, rows } = await upgraded();
    expect(rows.grants!.length).toBeGreaterThanOrEqual(5);
    for (const { id } of rows.grants!) {
      const told = await historyOf(db, String(id));
      const written = historyWritten(String(id));
      expect(written.length, String(id)).toBeGreaterThan(0);
      expect(told.map(unlinked), String(id)).toEqual(written.map(unlinked));
      for (const e of told) event.parse(e);
    }
  });

  it('chains every grant’s history, which then checks out', async () => {
    const { db } = await upgraded();
    const checks = verifyAllChains(await db.grants.toArray(), await readAllStoredEvents(db));
    expect(checks.size).toBeGreaterThanOrEqual(5);
    for (const check of checks.values()) expect(check, check.grantId).toMatchObject({ ok: true });
  });

  it('keeps indexes the queries use working on the upgraded rows', async () => {
    const { db } = await upgraded();
    expect(await db.grants.where('status').equals('revoked').count()).toBe(1);
    expect(await db.grants.where('nextReviewOn').below('2026-12-01').count()).toBe(3);
    expect(await db.parties.where('email').equals('dana@brightlane-agency.com').count()).toBe(1);
    expect(
      await db.accounts
        .where('[kind+externalId]')
        .equals(['businessCenter', '7012345678901234567'])
        .count(),
    ).toBe(1);
  });
});
