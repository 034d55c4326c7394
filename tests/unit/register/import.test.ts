import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Grant, ImportPlan, ParseResult, StoredEvent } from '@/lib/register';
import {
  BACKUP_FORMAT,
  GRANT_CSV_COLUMNS,
  ImportEncodingError,
  MAX_CSV_FIELD,
  REGISTER_SCHEMA_VERSION,
  RegisterDb,
  applyImport,
  backupToJson,
  decodeImportBytes,
  expandAll,
  exportBackup,
  exportGrantsCsv,
  historyOf,
  listGrantViews,
  loadSampleRegister,
  parseImport,
  recordGrant,
  upgradeBackupTables,
} from '@/lib/register';
import { registerDbEachTest } from '../helpers/register-db';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const ctx = { source: 'import' as const, now: NOW };

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

const HEADER =
  'account_kind,account_id,account_name,ownership,party_kind,name,email,partner_bc_id,organisation,bc_role,asset_role,status,invited_at,accepted_at,contract_ends_on,goals';
const DANA =
  'business_center,7012345678901234567,Northwind Outdoor,mine,person,Dana Kim,dana@brightlane.com,,Brightlane,standard,operator,active,2026-10-01,2026-10-02,,Prospecting';
const AGENCY =
  'ad_account,7100000000000000001,Northwind US,mine,partner_bc,Brightlane BC,,7098765432109876543,Brightlane,,operator,active,2026-09-01T10:00:00Z,,2027-01-31,';

function errorsOf(result: ParseResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}
function planOf(result: ParseResult): ImportPlan {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

describe('parseImport (CSV)', () => {
  it('reads good rows, roles in TikTok words or ids, dates as days or instants', () => {
    const plan = planOf(
      parseImport([HEADER, DANA, AGENCY.replace(',operator,', ',Operator,')].join('\r\n'), 'csv'),
    );
    expect(plan.format).toBe('csv');
    if (plan.format !== 'csv') return;
    expect(plan.rows).toHaveLength(2);
    expect(plan.rows[0]).toMatchObject({
      line: 2,
      account: { kind: 'businessCenter', externalId: '7012345678901234567', ownership: 'mine' },
      party: { kind: 'person', email: 'dana@brightlane.com', organisation: 'Brightlane' },
      fields: {
        bcRole: 'standard',
        assetRole: 'operator',
        status: 'active',
        invitedAt: '2026-10-01T00:00:00.000Z',
        goals: 'Prospecting',
      },
    });
    expect(plan.rows[1]).toMatchObject({
      line: 3,
      party: { kind: 'partnerBc', bcId: '7098765432109876543' },
      fields: {
        assetRole: 'operator',
        invitedAt: '2026-09-01T10:00:00.000Z',
        contractEndsOn: '2027-01-31',
      },
    });
  });

  it('refuses a header with missing or unknown columns, naming them', () => {
    const errors = errorsOf(parseImport('account,who,role\n1,2,3', 'csv'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(1);
    expect(errors[0]!.message).toContain(
      'missing column(s): account_kind, account_id, ownership, party_kind, status',
    );
    expect(errors[0]!.message).toContain('unknown column(s): “account”, “who”, “role”');
  });

  it('names every bad row with its line and why: roles, dates, ids, counts', () => {
    const rows = [
      HEADER,
      DANA,
      DANA.replace('dana@', 'dan@').replace(',operator,', ',Editor,'),
      DANA.replace('dana@', 'da@').replace('2026-10-01', '2026-02-30'),
      DANA.replace('dana@', 'd@').replace('7012345678901234567', '12ab'),
      'business_center,7012345678901234567',
      DANA.replace('dana@', 'x@').replace(',active,', ',owner,'),
    ];
    const errors = errorsOf(parseImport(rows.join('\n'), 'csv'));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'asset_role'],
      [4, 'invited_at'],
      [5, 'account_id'],
      [6, undefined],
      [7, 'status'],
    ]);
    expect(errors[0]!.message).toBe(
      'TikTok has no “Editor” role: the permission that edits campaigns is Operator.',
    );
    expect(errors[1]!.message).toContain('“2026-02-30” is not a date');
    expect(errors[3]!.message).toBe('This row has 2 cells; the header has 16.');
    expect(errors[4]!.message).toContain('“owner” is not a status');
  });

  it('counts lines across quoted line breaks and blank lines', () => {
    const multi = DANA.replace('Prospecting', '"two\nlines"');
    const errors = errorsOf(
      parseImport(
        [HEADER, multi, '', DANA.replace('dana@', 'z@').replace('standard', 'boss')].join('\n'),
        'csv',
      ),
    );
    expect(errors).toEqual([expect.objectContaining({ line: 5, column: 'bc_role' })]);
  });

  it('strips a UTF-8 BOM from the first column name', () => {
    expect(parseImport(`\uFEFF${HEADER}\n${DANA}`, 'csv').ok).toBe(true);
  });

  it('refuses text that was not decoded as UTF-8, and UTF-16 without a BOM', () => {
    expect(
      errorsOf(parseImport(`${HEADER}\n${DANA.replace('Dana', 'D\uFFFDna')}`, 'csv'))[0],
    ).toMatchObject({
      line: 2,
      message: expect.stringContaining('not read as UTF-8'),
    });
    expect(errorsOf(parseImport('a\u0000c\u0000', 'csv'))[0]!.message).toContain('NUL');
  });

  it('decodes UTF-8 with BOM and UTF-16 with BOM, and refuses Windows-1252 bytes', () => {
    const text = `${HEADER}\n${DANA.replace('Dana Kim', 'Dána Kim')}`;
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeImportBytes(utf8)).toBe(text);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    expect(decodeImportBytes(utf16)).toBe(text);
    const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect(() => decodeImportBytes(latin1)).toThrow(ImportEncodingError);
  });

  it('refuses a huge field', () => {
    const errors = errorsOf(
      parseImport(
        `${HEADER}\n${DANA.replace('Prospecting', 'x'.repeat(MAX_CSV_FIELD + 1))}`,
        'csv',
      ),
    );
    expect(errors).toEqual([
      {
        line: 2,
        column: 'goals',
        message: `This cell is too long (${MAX_CSV_FIELD + 1} characters; at most ${MAX_CSV_FIELD}).`,
      },
    ]);
  });

  it('refuses two rows for the same grant in one file', () => {
    const errors = errorsOf(
      parseImport([HEADER, DANA, DANA.replace('Prospecting', 'Other')].join('\n'), 'csv'),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining('same live grant as line 2'),
      }),
    ]);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(errorsOf(parseImport('  \n', 'csv'))[0]!.message).toBe('The file is empty.');
    expect(errorsOf(parseImport(HEADER, 'csv'))[0]!.message).toBe(
      'The file has a header but no rows.',
    );
  });
});

describe('applyImport (CSV)', () => {
  it('writes nothing when the file has a bad row (parse fails first)', async () => {
    const result = parseImport(
      [HEADER, DANA, DANA.replace('dana@', 'q@').replace('standard', 'x')].join('\n'),
      'csv',
    );
    expect(result.ok).toBe(false);
    expect(await db.grants.count()).toBe(0);
  });

  it('adds new grants, each with an imported event', async () => {
    const report = await applyImport(
      db,
      planOf(parseImport([HEADER, DANA, AGENCY].join('\n'), 'csv')),
      ctx,
    );
    expect(report).toMatchObject({
      grantsAdded: 2,
      grantsUpdated: 0,
      accountsAdded: 2,
      partiesAdded: 2,
      eventsAdded: 2,
    });
    const views = await listGrantViews(db);
    expect(views.map((v) => v.party?.name).sort()).toEqual(['Brightlane BC', 'Dana Kim']);
    const dana = views.find((v) => v.party?.name === 'Dana Kim')!;
    expect(dana.grant).toMatchObject({
      source: 'import',
      status: 'active',
      nextReviewOn: '2026-12-31',
    });
    expect((await historyOf(db, dana.grant.id)).map((e) => e.type)).toEqual(['imported']);
  });

  it('merges a row matching an existing grant: filled cells win, empty cells keep, one event', async () => {
    const existing = await recordGrant(
      db,
      {
        account: {
          kind: 'businessCenter',
          externalId: '7012345678901234567',
          name: 'Northwind',
          ownership: 'mine',
        },
        party: { kind: 'person', email: 'Dana@Brightlane.com', name: 'Dana', organisation: '' },
        bcRole: 'standard',
        assetRole: 'analyst',
        status: 'active',
        contractEndsOn: '2027-03-01',
      },
      { source: 'manual', now: NOW },
    );
    const report = await applyImport(
      db,
      planOf(parseImport([HEADER, DANA].join('\n'), 'csv')),
      ctx,
    );
    expect(report).toMatchObject({
      grantsAdded: 0,
      grantsUpdated: 1,
      accountsAdded: 0,
      partiesAdded: 0,
    });
    expect(report.merged).toEqual([{ where: 'line 2', grantId: existing.id, outcome: 'updated' }]);
    const after = await db.grants.get(existing.id);
    expect(after).toMatchObject({
      assetRole: 'operator',
      contractEndsOn: '2027-03-01',
      rev: 2,
      goals: 'Prospecting',
    });
    const party = await db.parties.get(existing.partyId);
    expect(party).toMatchObject({ name: 'Dana', organisation: 'Brightlane' });
    const history = await historyOf(db, existing.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'imported']);
    expect(history[1]!.before?.assetRole).toBe('analyst');

    const again = await applyImport(db, planOf(parseImport([HEADER, DANA].join('\n'), 'csv')), ctx);
    expect(again).toMatchObject({ grantsUpdated: 0, grantsUnchanged: 1, eventsAdded: 0 });
    expect(again.merged[0]!.outcome).toBe('unchanged');
  });

  it('reports progress in chunks and writes everything in one transaction', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) =>
      DANA.replace('dana@brightlane.com', `p${i}@example.com`),
    );
    const progress: number[] = [];
    await applyImport(db, planOf(parseImport([HEADER, ...rows].join('\n'), 'csv')), {
      ...ctx,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([500, 1000, 1200]);
    expect(await db.grants.count()).toBe(1200);
    // 1,200 rows through fake-indexeddb: seconds on a busy machine.
  }, 30_000);

  it('exports CSV that imports back as the same grants (formulas round-trip)', async () => {
    await applyImport(
      db,
      planOf(
        parseImport(
          [HEADER, DANA.replace('Prospecting', '=HYPERLINK("http://x")'), AGENCY].join('\n'),
          'csv',
        ),
      ),
      ctx,
    );
    const csv = await exportGrantsCsv(db);
    expect(csv.split('\r\n')[0]).toBe(GRANT_CSV_COLUMNS.join(','));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    const other = new RegisterDb(`t-${crypto.randomUUID()}`);
    try {
      await applyImport(other, planOf(parseImport(csv, 'csv')), ctx);
      const strip = (vs: Awaited<ReturnType<typeof listGrantViews>>) =>
        vs
          .map((v) => ({
            ...v.grant,
            // Each register chains the grants' history with its own events.
            historyHead: '',
            id: '',
            accountId: '',
            partyId: '',
            account: v.account?.externalId,
            party: v.party?.name,
          }))
          .sort((a, b) => String(a.party).localeCompare(String(b.party)));
      expect(strip(await listGrantViews(other))).toEqual(strip(await listGrantViews(db)));
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });
});

describe('JSON backup', () => {
  it('exports every table with the schema version and re-imports into an empty register identically', async () => {
    await loadSampleRegister(db, NOW);
    const backup = await exportBackup(db, NOW);
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, schemaVersion: REGISTER_SCHEMA_VERSION });
    const other = new RegisterDb(`t-${crypto.randomUUID()}`);
    try {
      const report = await applyImport(
        other,
        planOf(parseImport(backupToJson(backup), 'json')),
        ctx,
      );
      expect(report).toMatchObject({ grantsAdded: 4, eventsAdded: 4 });
      const copy = await exportBackup(other, NOW);
      // Every row as it was; each event now also says which file brought it.
      expect({ ...copy.tables, events: [] }).toEqual({ ...backup.tables, events: [] });
      expect(copy.tables.events).toEqual(
        backup.tables.events.map((e) => ({
          ...e,
          fromFile: { fileName: 'backup.json', importedAt: NOW.toISOString(), format: 'json' },
        })),
      );
      // Importing it again changes nothing.
      const again = await applyImport(
        other,
        planOf(parseImport(backupToJson(backup), 'json')),
        ctx,
      );
      expect(again).toMatchObject({
        grantsAdded: 0,
        grantsUpdated: 0,
        grantsUnchanged: 4,
        eventsAdded: 0,
      });
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });

  it('reads a schema-v1 backup, which has no reminder state, and carries reminder state from v2 on', async () => {
    await loadSampleRegister(db, NOW);
    const [grant] = await db.grants.toArray();
    const at = NOW.toISOString();
    await db.reminders.add({
      id: `review:${grant!.id}:2026-12-01`,
      createdAt: at,
      updatedAt: at,
      rev: 1,
      kind: 'review',
      grantId: grant!.id,
      dueOn: '2026-12-01',
      shownAt: at,
      snoozedUntil: null,
      doneAt: null,
    });
    const backup = await exportBackup(db, NOW);
    expect(backup.tables.reminders).toHaveLength(1);

    const v1 = { ...backup, schemaVersion: 1, tables: { ...backup.tables } } as Record<
      string,
      unknown
    > & {
      tables: Record<string, unknown>;
    };
    delete v1.tables.reminders;
    // Before schema v3 a backup's events held both snapshots whole.
    v1.tables.events = [
      ...expandAll(backup.tables.grants as Grant[], backup.tables.events as StoredEvent[]).values(),
    ].flat();
    const fromV1 = planOf(parseImport(JSON.stringify(v1), 'json'));
    expect(fromV1).toMatchObject({ format: 'json', fromVersion: 1, reminders: [] });

    const other = new RegisterDb(`t-${crypto.randomUUID()}`);
    try {
      await applyImport(other, planOf(parseImport(backupToJson(backup), 'json')), ctx);
      expect(await other.reminders.toArray()).toEqual(backup.tables.reminders);
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });

  it('lists every bad row of a backup and refuses dangling references', async () => {
    await loadSampleRegister(db, NOW);
    const backup = await exportBackup(db, NOW);
    const grants = backup.tables.grants as Record<string, unknown>[];
    grants[1] = { ...grants[1], assetRole: 'editor' };
    grants[2] = { ...grants[2], accountId: crypto.randomUUID() };
    const errors = errorsOf(parseImport(JSON.stringify(backup), 'json'));
    expect(errors.map((e) => [e.where, e.column])).toEqual([
      ['grants[1]', 'assetRole'],
      ['grants[2]', 'accountId'],
    ]);
  });

  it('refuses a file that is not JSON, not a backup, or from a newer schema', () => {
    expect(errorsOf(parseImport('{oops', 'json'))[0]!.message).toContain('not valid JSON');
    expect(errorsOf(parseImport('{"a":1}', 'json'))[0]!.message).toContain('not a register backup');
    const newer = {
      format: BACKUP_FORMAT,
      schemaVersion: 99,
      tables: { accounts: [], parties: [], grants: [], events: [] },
    };
    expect(errorsOf(parseImport(JSON.stringify(newer), 'json'))[0]!.message).toContain(
      'newer version',
    );
  });

  it('upgrades a version-0 backup (no rev/updatedAt/deletedAt, accountRole) on import', async () => {
    const acc = crypto.randomUUID();
    const who = crypto.randomUUID();
    const g = crypto.randomUUID();
    const ev = crypto.randomUUID();
    const created = '2025-06-01T10:00:00.000Z';
    const v0 = {
      format: BACKUP_FORMAT,
      schemaVersion: 0,
      exportedAt: created,
      tables: {
        accounts: [
          {
            id: acc,
            createdAt: created,
            kind: 'adAccount',
            externalId: '7100000000000000009',
            name: 'Old',
            ownerBcId: null,
            ownership: 'mine',
          },
        ],
        parties: [
          {
            id: who,
            createdAt: created,
            kind: 'person',
            name: 'Old Friend',
            email: 'old@example.com',
            bcId: null,
            organisation: 'Agency',
            notes: '',
            isMe: false,
          },
        ],
        grants: [
          {
            id: g,
            createdAt: created,
            accountId: acc,
            partyId: who,
            bcRole: null,
            financeRole: null,
            accountRole: 'analyst',
            status: 'active',
            invitedAt: created,
            acceptedAt: created,
            revokedAt: null,
            reviewCadenceDays: 90,
            lastReviewedAt: null,
            nextReviewOn: '2025-08-30',
            contractEndsOn: null,
            goals: '',
            source: 'manual',
          },
        ],
        events: [
          {
            id: ev,
            createdAt: created,
            grantId: g,
            type: 'created',
            at: created,
            source: 'manual',
            decision: null,
            note: '',
            before: null,
            after: null,
          },
        ],
      },
    };
    const upgraded = upgradeBackupTables({ ...v0.tables, reminders: [] }, 0);
    expect(upgraded.grants[0]).toMatchObject({
      assetRole: 'analyst',
      rev: 1,
      updatedAt: created,
      deletedAt: null,
    });
    expect(upgraded.grants[0]).not.toHaveProperty('accountRole');
    expect(upgraded.events[0]).toMatchObject({ rev: 1, updatedAt: created, checklist: null });
    expect(upgraded.events[0]).not.toHaveProperty('deletedAt');

    const plan = planOf(parseImport(JSON.stringify(v0), 'json'));
    expect(plan).toMatchObject({ format: 'json', fromVersion: 0 });
    await applyImport(db, plan, ctx);
    expect(await db.grants.get(g)).toMatchObject({ assetRole: 'analyst', rev: 1, deletedAt: null });
    expect((await historyOf(db, g)).map((e) => e.id)).toEqual([ev]);
  });
});
