// Files the register did not write: its own CSV export and JSON backup, each changed at random
// in the ways hand edits, other tools and hostile files change them (a cell replaced, a field
// given another type, a row doubled or dropped). Whatever the file, the import keeps its promises:
// - parsing never throws: a file is accepted or refused with problems that name their place;
// - what parsing accepts, applying writes, or refuses naming the rows, and then nothing changed;
// - after any accepted import the register still holds its invariants (at most one live grant
//   per account and party, timestamps that follow the status, a history event for every grant);
// - the register's own export of the result imports into it again as "nothing changed".
// A seeded generator makes every case reproducible: a failure prints its seed and case number.
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backup, ParseResult, RegisterDb, RegisterEvent } from '@/lib/register';
import {
  ImportRefusedError,
  applyImport,
  backupToJson,
  exportBackup,
  exportGrantsCsv,
  historyOf,
  parseImport,
} from '@/lib/register';
import { seedEverydayRegister } from '../helpers/everyday-register';
import { dropTestRegisterDb, openTestRegisterDb } from '../helpers/register-db';
import type { SeededRandom as Random } from '../helpers/seeded-random';
import { seededRandom as generator } from '../helpers/seeded-random';

const NOW = new Date('2026-11-27T12:00:00.000Z');

const opened: RegisterDb[] = [];
function freshDb(): RegisterDb {
  const db = openTestRegisterDb();
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await dropTestRegisterDb(db);
});

/** Cell texts that parsers, spreadsheets and lookups trip on, and values of other columns. */
const HOSTILE_TEXT = [
  '',
  ' ',
  'constructor',
  '__proto__',
  'toString',
  'revoked',
  'REVOKED',
  ' active ',
  'invited',
  'admin',
  'operator',
  'analyst',
  'standard',
  'manager',
  'person',
  'partner_bc',
  'ad_account',
  'business_center',
  'mine',
  'client',
  'yes',
  'no',
  '1e3',
  '0x10',
  '-1',
  '0',
  '30',
  '3651',
  'NaN',
  '2026-02-30',
  '2026-11-01',
  '2026-11-01T09:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '7012345678901234567',
  '7100000000000000001',
  '12',
  '=cmd|"/c calc"!A1',
  "'=1+1",
  '@SUM(A1)',
  'a@b.co',
  'a@b.co b@c.co',
  `${'x'.repeat(315)}@b.co`,
  '<img src=x onerror=alert(1)>',
  '\u202e\u0000\ufeff',
  'line\nbreak',
  '"',
  'x'.repeat(5000),
];

/** Values each CSV column can hold, so that a changed file is still one the import accepts. */
const VALID_CELLS: Record<string, string[]> = {
  status: ['invited', 'active', 'revoked', 'suspended', 'Active', 'pending', 'removed'],
  bc_role: ['admin', 'standard', ''],
  asset_role: ['admin', 'operator', 'analyst', ''],
  finance_role: ['manager', 'analyst', ''],
  rev: ['1', '2', '3', '99', ''],
  grant_id: ['', 'b7b8a5f6-2f4c-4f0e-9f43-1a2b3c4d5e6f'],
  updated_at: ['', '2026-01-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z'],
  invited_at: ['', '2026-09-01T09:00:00.000Z'],
  accepted_at: ['', '2026-09-02T09:00:00.000Z'],
  revoked_at: ['', '2026-11-20T09:00:00.000Z'],
  email: ['', 'DANA@brightlane.com', 'new.person@agency.example'],
  name: ['Dana Kim', 'Someone New', ''],
  review_cadence_days: ['30', '90', '365'],
  contract_ends_on: ['', '2026-11-30', '2027-06-30'],
  is_me: ['yes', 'no', ''],
  ownership: ['mine', 'client'],
};

/** Values backup fields can hold, so that a changed backup is still one the import accepts. */
const VALID_FIELDS: Record<string, unknown[]> = {
  status: ['invited', 'active', 'revoked', 'suspended'],
  rev: [1, 2, 3, 99],
  revokedAt: [null, '2026-11-20T09:00:00.000Z'],
  deletedAt: [null, '2026-11-20T09:00:00.000Z'],
  updatedAt: ['2026-01-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z'],
  at: ['2026-01-01T00:00:00.000Z', '2026-10-15T09:00:00.000Z'],
};

/** Values of every JSON type, for backup fields. */
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_TEXT,
  null,
  0,
  -1,
  1.5,
  999,
  Number.MAX_SAFE_INTEGER,
  true,
  false,
  [],
  {},
  ['a'],
  { __proto__: { polluted: true } },
  { status: 'active' },
];

/** Change a CSV as a hand edit or another tool might: cells, rows, columns. */
function mutateCsv(csv: string, r: Random): string {
  const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header) throw new Error('the export has a header');
  const edits = 1 + r.int(3);
  for (let e = 0; e < edits; e++) {
    const kind = r.int(10);
    if (kind < 6 && rows.length > 0) {
      const row = r.one(rows);
      const col = r.int(header.length);
      // Half the time a value the column can hold (another row's, or a valid word for it): the
      // file stays acceptable and the merge rules are what is tried.
      const fitting = [
        ...rows.map((other) => other[col] ?? ''),
        ...(VALID_CELLS[header[col]!] ?? []),
      ];
      row[col] = r.next() < 0.5 ? r.one(fitting) : r.one(HOSTILE_TEXT);
    } else if (kind === 6 && rows.length > 0) {
      rows.push([...r.one(rows)]);
    } else if (kind === 7 && rows.length > 1) {
      rows.splice(r.int(rows.length), 1);
    } else if (kind === 8) {
      const col = r.int(header.length);
      header.splice(col, 1);
      for (const row of rows) row.splice(col, 1);
    } else if (rows.length > 0) {
      // A row with a cell too few or too many.
      const row = r.one(rows);
      if (r.next() < 0.5) row.pop();
      else row.push(r.one(HOSTILE_TEXT));
    }
  }
  return Papa.unparse([header, ...rows]);
}

/**
 * Change a backup's JSON: a field given another value or type, dropped, or a row doubled.
 * `headChanged`: the file's own fields (format, version, date) were changed.
 */
function mutateBackup(backup: Backup, r: Random): { text: string; headChanged: boolean } {
  let headChanged = false;
  const copy = JSON.parse(backupToJson(backup)) as Record<string, unknown> & {
    tables: Record<string, Record<string, unknown>[]>;
  };
  const edits = 1 + r.int(3);
  for (let e = 0; e < edits; e++) {
    // Once the tables themselves are replaced, there is nothing left to change inside them.
    if (typeof copy.tables !== 'object' || copy.tables === null || Array.isArray(copy.tables))
      break;
    const tableNames = Object.keys(copy.tables).filter((n) => Array.isArray(copy.tables[n]));
    if (tableNames.length === 0) break;
    const name = r.one(tableNames);
    const rows = copy.tables[name]!;
    const kind = r.int(10);
    if (rows.length === 0 || kind === 9) {
      const key = r.one(['format', 'schemaVersion', 'exportedAt', 'tables']);
      if (key !== 'tables' || r.next() < 0.2) {
        copy[key] = r.one(HOSTILE_VALUES);
        headChanged = true;
      }
      continue;
    }
    const row = r.one(rows);
    if (kind < 6) {
      const key = r.one(Object.keys(row));
      // Half the time a value the field can hold (another row's, a valid status, a revision).
      const fitting = [...rows.map((other) => other[key]), ...(VALID_FIELDS[key] ?? [])];
      row[key] = r.next() < 0.5 ? r.one(fitting) : r.one(HOSTILE_VALUES);
    } else if (kind === 6) {
      delete row[r.one(Object.keys(row))];
    } else if (kind === 7) {
      rows.push(JSON.parse(JSON.stringify(row)) as Record<string, unknown>);
    } else {
      rows.splice(rows.indexOf(row), 1);
    }
  }
  return { text: JSON.stringify(copy), headChanged };
}

/** Everything the register holds, for "nothing changed" comparisons. */
async function contents(db: RegisterDb) {
  return (await exportBackup(db, NOW)).tables;
}

/** The invariants every register holds, whatever was imported into it. */
async function expectRegisterHolds(db: RegisterDb) {
  const { grants, events } = await contents(db);
  type Row = { id: string; status: string; rev: number; reviewCadenceDays: number };
  const live = grants.filter((g) => g.status !== 'revoked');
  const pairs = live.map((g) => `${g.accountId}|${g.partyId}`);
  expect(new Set(pairs).size, 'one live grant per account and party').toBe(pairs.length);
  for (const g of grants as (Row & { revokedAt?: string | null })[]) {
    if (g.status === 'revoked') expect(g.revokedAt, `${g.id} revoked has revokedAt`).toBeTruthy();
    else expect(g.revokedAt ?? null, `${g.id} ${g.status} has no revokedAt`).toBeNull();
    expect(Number.isInteger(g.rev) && g.rev >= 1, `${g.id} rev`).toBe(true);
    expect(Number.isInteger(g.reviewCadenceDays) && g.reviewCadenceDays > 0).toBe(true);
    expect(
      events.some((e) => e.grantId === g.id),
      `${g.id} has history`,
    ).toBe(true);
  }
}

/**
 * Import `text` into `target`'s register; check the promises above. Returns what happened, for
 * the tallies.
 */
async function importChecked(
  text: string,
  format: 'csv' | 'json',
  label: string,
  target: () => Promise<RegisterDb>,
  headChanged = false,
) {
  let parsed: ParseResult;
  try {
    parsed = parseImport(text, format, { fileName: `fuzz.${format}` });
  } catch (error) {
    throw new Error(`${label}: parseImport threw`, { cause: error });
  }
  if (!parsed.ok) {
    expect(parsed.problems.length, label).toBeGreaterThan(0);
    for (const p of parsed.problems) {
      expect(p.message, label).toBeTruthy();
      // Only a file whose head was changed may be refused as a whole.
      if (!headChanged)
        expect(p.line !== null || Boolean(p.where), `${label}: a problem names its place`).toBe(
          true,
        );
    }
    return 'refused at parse';
  }
  const db = await target();
  const before = await contents(db);
  const beforeHistories = new Map<string, RegisterEvent[]>();
  for (const g of before.grants as { id: string }[])
    beforeHistories.set(g.id, await historyOf(db, g.id));
  try {
    await applyImport(db, parsed.plan, { now: NOW });
  } catch (error) {
    if (!(error instanceof ImportRefusedError))
      throw new Error(`${label}: applyImport threw a raw error\n${text}`, { cause: error });
    for (const p of error.problems)
      expect(p.line !== null || Boolean(p.where), `${label}: a refusal names its row`).toBe(true);
    expect(await contents(db), `${label}: a refused import writes nothing`).toEqual(before);
    return 'refused at apply';
  }
  await expectRegisterHolds(db);
  // An import adds to history; it never changes or drops an event the register had told.
  for (const [grantId, history] of beforeHistories) {
    const now = new Map((await historyOf(db, grantId)).map((e) => [e.id, e]));
    for (const e of history) expect(now.get(e.id), `${label}: event ${e.id} kept`).toEqual(e);
  }
  // The register's own export of the result comes back as nothing changed.
  const csv = await exportGrantsCsv(db);
  const again = parseImport(csv, 'csv');
  expect(again.ok, `${label}: the export of the result parses`).toBe(true);
  if (again.ok) {
    const report = await applyImport(db, again.plan, { now: NOW });
    expect(
      { added: report.grantsAdded, updated: report.grantsUpdated },
      `${label}: re-import of the export`,
    ).toEqual({ added: 0, updated: 0 });
  }
  return 'applied';
}

const CASES = 300;

/**
 * Where each case is imported: even cases into a copy of the register the file came from (the
 * same ids: a restore), odd cases into another register that knows the same people and accounts
 * under other ids (a colleague's file).
 */
async function targets(source: RegisterDb) {
  const own = backupToJson(await exportBackup(source, NOW));
  const sameRegister = async () => {
    const db = freshDb();
    const plan = parseImport(own, 'json');
    if (!plan.ok) throw new Error('the register’s own backup parses');
    await applyImport(db, plan.plan, { now: NOW });
    return db;
  };
  const otherRegister = async () => {
    const db = freshDb();
    await seedEverydayRegister(db);
    return db;
  };
  return (i: number) => (i % 2 === 0 ? sameRegister : otherRegister);
}

describe('imports of files the register did not write', () => {
  it(`${CASES} changed CSV exports: accepted and applied whole, or refused naming the line`, async () => {
    const source = freshDb();
    await seedEverydayRegister(source);
    const csv = await exportGrantsCsv(source);
    const targetOf = await targets(source);
    const tally: Record<string, number> = {};
    for (let i = 0; i < CASES; i++) {
      const seed = 1000 + i;
      const text = mutateCsv(csv, generator(seed));
      const outcome = await importChecked(text, 'csv', `csv #${seed}`, targetOf(i));
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      if (i === CASES - 1) console.log('TALLY', JSON.stringify(tally));
    }
    // The changes are varied enough that files are both accepted and refused.
    expect(tally['applied'] ?? 0).toBeGreaterThan(0);
    expect(tally['refused at parse'] ?? 0).toBeGreaterThan(0);
  }, 180_000);

  it(`${CASES} changed JSON backups: accepted and applied whole, or refused naming the row`, async () => {
    const source = freshDb();
    await seedEverydayRegister(source);
    const backup = await exportBackup(source, NOW);
    const targetOf = await targets(source);
    const tally: Record<string, number> = {};
    for (let i = 0; i < CASES; i++) {
      const seed = 5000 + i;
      const { text, headChanged } = mutateBackup(backup, generator(seed));
      const outcome = await importChecked(text, 'json', `json #${seed}`, targetOf(i), headChanged);
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      if (i === CASES - 1) console.log('TALLY', JSON.stringify(tally));
    }
    expect(tally['applied'] ?? 0).toBeGreaterThan(0);
    expect(tally['refused at parse'] ?? 0).toBeGreaterThan(0);
    expect(tally['refused at apply'] ?? 0).toBeGreaterThan(0);
  }, 180_000);
});
