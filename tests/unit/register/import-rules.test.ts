import Dexie from 'dexie';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup, ImportPlan, ParseResult, WriteContext } from '@/lib/register';
import { AD, BC, DANA, seedEverydayRegister } from '../helpers/everyday-register';
import {
  GRANT_CSV_COLUMNS,
  ImportRefusedError,
  MAX_LISTED_PROBLEMS,
  RegisterDb,
  applyImport,
  backupToJson,
  buildEvidence,
  evidenceToCsv,
  exportBackup,
  exportGrantsCsv,
  historyOf,
  parseImport,
  recordGrant,
  updateGrant,
  readAllStoredEvents,
} from '@/lib/register';

const T0 = new Date('2026-10-01T09:00:00.000Z');
const T1 = new Date('2026-10-15T09:00:00.000Z');
const T2 = new Date('2026-11-01T09:00:00.000Z');
const NOW = new Date('2026-11-27T12:00:00.000Z');
const LATER = new Date('2026-12-05T12:00:00.000Z');
const manual = (now: Date): WriteContext => ({ source: 'manual', now });
const importAt = (now: Date) => ({ now });

const dbs: RegisterDb[] = [];
function freshDb(): RegisterDb {
  const db = new RegisterDb(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
let db: RegisterDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

function planOf(result: ParseResult): ImportPlan {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}
function problemsOf(result: ParseResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('round trips lose nothing', () => {
  it("the register's CSV imports into an empty register unchanged, and into itself as nothing changed", async () => {
    await seedEverydayRegister(db);
    const csv = await exportGrantsCsv(db);
    const plan = planOf(parseImport(csv, 'csv', { fileName: 'register.csv' }));

    const other = freshDb();
    const report = await applyImport(other, plan, importAt(NOW));
    expect(report).toMatchObject({ grantsAdded: 5, grantsUpdated: 0, grantsKeptNewer: 0 });
    expect(await exportGrantsCsv(other)).toBe(csv);

    const same = await applyImport(db, plan, importAt(NOW));
    expect(same).toMatchObject({
      grantsAdded: 0,
      grantsUpdated: 0,
      grantsUnchanged: 5,
      eventsAdded: 0,
    });
    expect(await exportGrantsCsv(db)).toBe(csv);
  });

  it('keeps goals exactly, and only the apostrophe the export added', async () => {
    await seedEverydayRegister(db);
    const csv = await exportGrantsCsv(db);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    const goals = rows.map((r) => r.goals);
    // The export marks formula starts, and a user's own apostrophe before one, with one `'`.
    expect(goals).toContain("''+15% ROAS");
    expect(goals).toContain("'\t=SUM(A1:A9)");
    const plan = planOf(parseImport(csv, 'csv'));
    if (plan.format !== 'csv') throw new Error('csv');
    expect(plan.rows.map((r) => r.fields.goals ?? '').sort()).toEqual(
      [
        '',
        "'+15% ROAS",
        '  spaced  \n',
        '-5% CPA, "quoted", été 🚀\r\nsecond line',
        '\t=SUM(A1:A9)',
      ].sort(),
    );
  });

  it("the register's backup imports into an empty register unchanged, and into itself as nothing changed", async () => {
    await seedEverydayRegister(db);
    const backup = await exportBackup(db, NOW);
    const text = backupToJson(backup);

    const other = freshDb();
    await applyImport(other, planOf(parseImport(text, 'json')), importAt(NOW));
    const copy = await exportBackup(other, NOW);
    expect({ ...copy.tables, events: [] }).toEqual({ ...backup.tables, events: [] });
    expect(copy.tables.events.map(({ fromFile: _f, ...e }) => e)).toEqual(backup.tables.events);

    const same = await applyImport(db, planOf(parseImport(text, 'json')), importAt(NOW));
    expect(same).toMatchObject({ grantsAdded: 0, grantsUpdated: 0, eventsAdded: 0 });
    expect((await exportBackup(db, NOW)).tables).toEqual(backup.tables);
  });
});

describe('history no file can forge', () => {
  it('a backup cannot make a revoked grant active, whatever its revision', async () => {
    const g = await recordGrant(db, { account: BC, party: DANA, status: 'active' }, manual(T0));
    const revoked = await updateGrant(db, g.id, g.rev, { status: 'revoked' }, manual(T1));
    const backup = await exportBackup(db, NOW);
    backup.tables.grants[0] = { ...backup.tables.grants[0], status: 'active', rev: 999 };
    const plan = planOf(parseImport(JSON.stringify(backup), 'json'));
    const refusal = await applyImport(db, plan, importAt(NOW)).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ImportRefusedError);
    expect((refusal as ImportRefusedError).problems).toEqual([
      expect.objectContaining({ where: 'grants[0]', column: 'status' }),
    ]);
    expect(await db.grants.get(revoked.id)).toEqual(revoked);
    expect((await readAllStoredEvents(db)).length).toBe(2);
  });

  it('a backup that would make a second live grant for one person is refused at parse', async () => {
    const { revoked, again } = await seedEverydayRegister(db);
    const backup = await exportBackup(db, NOW);
    const i = backup.tables.grants.findIndex((g) => g.id === revoked.id);
    const j = backup.tables.grants.findIndex((g) => g.id === again.id);
    backup.tables.grants[i] = { ...backup.tables.grants[i], status: 'active', rev: 999 };
    // The later of the two rows in the file is the second live grant.
    expect(problemsOf(parseImport(JSON.stringify(backup), 'json'))).toEqual([
      expect.objectContaining({
        where: `grants[${Math.max(i, j)}]`,
        message: expect.stringContaining('second live grant'),
      }),
    ]);
  });

  it('a backup that changes a grant writes a restored event with before and after', async () => {
    const { again } = await seedEverydayRegister(db);
    const backup = await exportBackup(db, NOW);
    const i = backup.tables.grants.findIndex((g) => g.id === again.id);
    backup.tables.grants[i] = { ...backup.tables.grants[i], bcRole: 'standard', rev: 999 };
    const report = await applyImport(
      db,
      planOf(parseImport(JSON.stringify(backup), 'json', { fileName: 'old.json' })),
      importAt(NOW),
    );
    expect(report).toMatchObject({ grantsUpdated: 1, eventsAdded: 1 });
    const after = await db.grants.get(again.id);
    expect(after).toMatchObject({ bcRole: 'standard', rev: again.rev + 1 });
    const last = (await historyOf(db, again.id)).at(-1)!;
    expect(last).toMatchObject({
      type: 'restored',
      before: expect.objectContaining({ bcRole: 'admin' }),
      after: expect.objectContaining({ bcRole: 'standard' }),
      fromFile: { fileName: 'old.json', importedAt: NOW.toISOString(), format: 'json' },
    });
  });

  it("a backup's own events are marked with the file, and the evidence export says so", async () => {
    const { again } = await seedEverydayRegister(db);
    const backup = await exportBackup(db, NOW);
    const backdated = {
      ...backup.tables.events[0],
      id: crypto.randomUUID(),
      grantId: again.id,
      type: 'reviewed',
      decision: 'keep',
      note: 'Reviewed, all fine',
      at: '2026-01-01T00:00:00.000Z',
      fromFile: undefined,
    };
    backup.tables.events.push(backdated);
    await applyImport(
      db,
      planOf(parseImport(JSON.stringify(backup), 'json', { fileName: 'backdated.json' })),
      importAt(NOW),
    );
    const added = (await readAllStoredEvents(db)).find((e) => e.id === backdated.id);
    expect(added?.fromFile).toEqual({
      fileName: 'backdated.json',
      importedAt: NOW.toISOString(),
      format: 'json',
    });
    const evidence = await buildEvidence(db, NOW);
    const review = evidence.grants
      .find((g) => g.grant.id === again.id)!
      .reviews.find((r) => r.note === 'Reviewed, all fine');
    expect(review?.fromFile?.fileName).toBe('backdated.json');
    const rows = Papa.parse<Record<string, string>>(evidenceToCsv(evidence), { header: true }).data;
    expect(rows.find((r) => r.note === 'Reviewed, all fine')).toMatchObject({
      event_from_file: 'backdated.json',
      event_imported_at: NOW.toISOString(),
    });
    // Events this register wrote itself carry no file.
    expect(rows.filter((r) => r.event_from_file === '').length).toBeGreaterThan(0);
  });

  it('refuses, and names, a backup event whose id the register holds with other content', async () => {
    await seedEverydayRegister(db);
    const backup = await exportBackup(db, NOW);
    backup.tables.events[2] = { ...backup.tables.events[2], note: 'rewritten' };
    const before = await readAllStoredEvents(db);
    const refusal = await applyImport(
      db,
      planOf(parseImport(JSON.stringify(backup), 'json')),
      importAt(NOW),
    ).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ImportRefusedError);
    expect((refusal as ImportRefusedError).problems).toEqual([
      expect.objectContaining({ where: 'events[2]', message: expect.stringContaining('history') }),
    ]);
    expect(await readAllStoredEvents(db)).toEqual(before);
  });

  it('an older CSV does not undo a later revoke: the row is reported, not applied', async () => {
    const g = await recordGrant(db, { account: BC, party: DANA, status: 'active' }, manual(T0));
    const oldCsv = await exportGrantsCsv(db);
    const revoked = await updateGrant(db, g.id, g.rev, { status: 'revoked' }, manual(T1));
    const report = await applyImport(db, planOf(parseImport(oldCsv, 'csv')), importAt(NOW));
    expect(report).toMatchObject({ grantsUpdated: 0, grantsAdded: 0, grantsKeptNewer: 1 });
    expect(report.merged).toEqual([{ where: 'line 2', grantId: g.id, outcome: 'keptNewer' }]);
    expect(await db.grants.get(g.id)).toEqual(revoked);

    // The same file from before grant ids were exported: its dates predate the revocation.
    const legacy = stripColumns(oldCsv, ['grant_id', 'rev', 'updated_at']);
    const again = await applyImport(db, planOf(parseImport(legacy, 'csv')), importAt(NOW));
    expect(again).toMatchObject({ grantsAdded: 0, grantsKeptNewer: 1 });
    expect(await db.grants.count()).toBe(1);
  });

  it('a CSV cannot move a grant from revoked to active; the refusal names the line', async () => {
    const g = await recordGrant(db, { account: BC, party: DANA, status: 'active' }, manual(T0));
    await updateGrant(db, g.id, g.rev, { status: 'revoked' }, manual(T1));
    const csv = await exportGrantsCsv(db);
    const edited = csv.replace(',revoked,', ',active,');
    const refusal = await applyImport(db, planOf(parseImport(edited, 'csv')), importAt(NOW)).catch(
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(ImportRefusedError);
    expect((refusal as ImportRefusedError).problems).toEqual([
      expect.objectContaining({ line: 2, column: 'status' }),
    ]);
    expect((await db.grants.get(g.id))?.status).toBe('revoked');
  });

  it('timestamps follow the status in a CSV merge: re-invited drops revokedAt, a new revoked row gets one', async () => {
    const g = await recordGrant(db, { account: BC, party: DANA, status: 'active' }, manual(T0));
    await updateGrant(db, g.id, g.rev, { status: 'revoked' }, manual(T1));
    const csv = (await exportGrantsCsv(db)).replace(',revoked,', ',invited,');
    await applyImport(db, planOf(parseImport(csv, 'csv')), importAt(NOW));
    expect(await db.grants.get(g.id)).toMatchObject({
      status: 'invited',
      revokedAt: null,
      acceptedAt: null,
      invitedAt: NOW.toISOString(),
    });

    const header = 'account_kind,account_id,ownership,party_kind,email,status';
    const fresh = [header, 'business_center,7012345678901234999,mine,person,x@example.com,revoked'];
    const other = freshDb();
    await applyImport(other, planOf(parseImport(fresh.join('\n'), 'csv')), importAt(LATER));
    const [row] = await other.grants.toArray();
    expect(row).toMatchObject({ status: 'revoked', revokedAt: LATER.toISOString() });
  });

  it('re-imports a revoked and a re-invited row for one person as two grants, even without ids', async () => {
    await seedEverydayRegister(db);
    const legacy = stripColumns(await exportGrantsCsv(db), ['grant_id', 'rev', 'updated_at']);
    const other = freshDb();
    const report = await applyImport(other, planOf(parseImport(legacy, 'csv')), importAt(NOW));
    expect(report.grantsAdded).toBe(5);
    const statuses = (await other.grants.toArray()).map((g) => g.status).sort();
    expect(statuses).toEqual(['active', 'active', 'active', 'invited', 'revoked']);
    // And into the register it came from: nothing changes.
    const same = await applyImport(db, planOf(parseImport(legacy, 'csv')), importAt(NOW));
    expect(same).toMatchObject({ grantsAdded: 0, grantsUpdated: 0 });
  });
});

describe('grant identity', () => {
  it("another register's row matches the live grant by account and party; its revision is not compared", async () => {
    const mine = await recordGrant(db, { account: BC, party: DANA, status: 'active' }, manual(T0));
    let g = mine;
    for (const goals of ['a', 'b', 'c']) {
      g = await updateGrant(db, g.id, g.rev, { goals }, manual(T1));
    }
    // The other register's grant is at revision 1, but was changed after this one (T2 > T1).
    const other = freshDb();
    await recordGrant(
      other,
      { account: BC, party: DANA, status: 'active', goals: 'x' },
      manual(T2),
    );
    const csv = await exportGrantsCsv(other);
    const report = await applyImport(db, planOf(parseImport(csv, 'csv')), importAt(NOW));
    expect(report).toMatchObject({ grantsAdded: 0, grantsUpdated: 1, grantsKeptNewer: 0 });
    expect(await db.grants.count()).toBe(1);
    expect(await db.grants.get(mine.id)).toMatchObject({ goals: 'x', rev: 5 });
  });

  it("another register's backup knows the register's people by email and partners by BC ID: no second row for them", async () => {
    const partner = {
      kind: 'partnerBc',
      name: 'Brightlane BC',
      bcId: '7098765432109876543',
    } as const;
    await recordGrant(db, { account: BC, party: DANA, status: 'active' }, manual(T0));
    const other = freshDb();
    await recordGrant(
      other,
      { account: AD, party: { ...DANA, email: 'DANA@brightlane.com' }, status: 'active' },
      manual(T1),
    );
    await recordGrant(
      other,
      { account: AD, party: partner, assetRole: 'operator', status: 'active' },
      manual(T1),
    );
    const backup = backupToJson(await exportBackup(other, NOW));
    const report = await applyImport(db, planOf(parseImport(backup, 'json')), importAt(NOW));
    expect(report).toMatchObject({ grantsAdded: 2, partiesAdded: 1 });
    expect((await db.parties.toArray()).map((p) => p.email ?? p.bcId).sort()).toEqual([
      '7098765432109876543',
      'dana@brightlane.com',
    ]);
    // The register's CSV then lists Dana once per account and comes back as nothing changed.
    const csv = await exportGrantsCsv(db);
    const again = await applyImport(db, planOf(parseImport(csv, 'csv')), importAt(LATER));
    expect(again).toMatchObject({ grantsAdded: 0, grantsUpdated: 0, grantsUnchanged: 3 });
  });

  it("another register's backup with a live grant the register holds for the same person is refused, naming the row", async () => {
    await recordGrant(db, { account: BC, party: DANA, status: 'active' }, manual(T0));
    const before = await exportBackup(db, NOW);
    const other = freshDb();
    await recordGrant(other, { account: BC, party: DANA, status: 'invited' }, manual(T1));
    const backup = backupToJson(await exportBackup(other, NOW));
    const refusal = await applyImport(db, planOf(parseImport(backup, 'json')), importAt(NOW)).catch(
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(ImportRefusedError);
    expect((refusal as ImportRefusedError).problems).toEqual([
      expect.objectContaining({ where: 'grants[0]' }),
    ]);
    expect((await exportBackup(db, NOW)).tables).toEqual(before.tables);
  });
});

/** The CSV without some columns, as an older export or a hand-made file would be. */
function stripColumns(csv: string, drop: readonly string[]): string {
  const parsed = Papa.parse<string[]>(csv.trim());
  const header = parsed.data[0]!;
  const keep = header.map((h, i) => (drop.includes(h) ? -1 : i)).filter((i) => i >= 0);
  return Papa.unparse(parsed.data.map((row) => keep.map((i) => row[i] ?? '')));
}

describe('parse is the whole check', () => {
  const HEADER = 'account_kind,account_id,ownership,party_kind,email,status,review_cadence_days';
  const row = (extra: Partial<Record<'email' | 'status' | 'cadence', string>> = {}) =>
    [
      'business_center',
      '7012345678901234567',
      'mine',
      'person',
      extra.email ?? 'dana@brightlane.com',
      extra.status ?? 'active',
      extra.cadence ?? '90',
    ].join(',');

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'refuses a status of %s (own keys only), naming line and column',
    (status) => {
      expect(problemsOf(parseImport([HEADER, row({ status })].join('\n'), 'csv'))).toEqual([
        expect.objectContaining({ line: 2, column: 'status' }),
      ]);
    },
  );

  it('refuses an email over 320 characters, and takes one of 320', async () => {
    const at254 = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    const long = `${'x'.repeat(321 - at254.length)}${at254}`;
    expect(long).toHaveLength(321);
    expect(problemsOf(parseImport([HEADER, row({ email: long })].join('\n'), 'csv'))).toEqual([
      expect.objectContaining({ line: 2, column: 'email' }),
    ]);
  });

  it.each(['1e3', '0x10', '+5', '7.0', ' ', '-1', '0', '3651', 'Infinity'])(
    'refuses a cadence of %j: counts are plain digits',
    (cadence) => {
      const result = parseImport([HEADER, row({ cadence })].join('\n'), 'csv');
      if (cadence.trim() === '') {
        expect(result.ok).toBe(true);
        return;
      }
      expect(problemsOf(result)).toEqual([
        expect.objectContaining({ line: 2, column: 'review_cadence_days' }),
      ]);
    },
  );

  it('refuses a backup with one TikTok ID on two accounts, naming both rows', async () => {
    await seedEverydayRegister(db);
    const backup: Backup = await exportBackup(db, NOW);
    const copy = { ...backup.tables.accounts[0], id: crypto.randomUUID() };
    backup.tables.accounts.push(copy);
    const problems = problemsOf(parseImport(JSON.stringify(backup), 'json'));
    expect(problems).toEqual([
      expect.objectContaining({
        where: `accounts[${backup.tables.accounts.length - 1}]`,
        column: 'externalId',
        message: expect.stringContaining('accounts[0]'),
      }),
    ]);
  });

  it('lists the first 1,000 problems and counts the rest', () => {
    const bad = Array.from({ length: 1500 }, () => row({ status: 'owner' }));
    const result = parseImport([HEADER, ...bad].join('\n'), 'csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(result.more).toBe(500);
    expect(result.problems[0]).toMatchObject({ line: 2, column: 'status' });
    expect(result.problems.at(-1)).toMatchObject({ line: 1001 });
  });

  it('what parse accepts, apply writes: every accepted CSV row lands', async () => {
    const rows = [HEADER, row(), row({ email: 'lee@example.com', status: 'pending' })];
    const report = await applyImport(db, planOf(parseImport(rows.join('\n'), 'csv')), {
      now: NOW,
    });
    expect(report.grantsAdded).toBe(2);
  });

  it('a cancelled import writes nothing', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => row({ email: `p${i}@example.com` }));
    const controller = new AbortController();
    const plan = planOf(parseImport([HEADER, ...rows].join('\n'), 'csv'));
    const outcome = applyImport(db, plan, {
      now: NOW,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 500) controller.abort();
      },
    });
    await expect(outcome).rejects.toMatchObject({ name: 'AbortError' });
    expect(await db.grants.count()).toBe(0);
    expect((await readAllStoredEvents(db)).length).toBe(0);
  }, 30_000);
});

it('the CSV export carries grant_id, rev and updated_at', () => {
  expect(GRANT_CSV_COLUMNS.slice(-3)).toEqual(['grant_id', 'rev', 'updated_at']);
});
