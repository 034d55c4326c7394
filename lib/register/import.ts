/**
 * Importing a CSV of grants or a JSON backup. Two steps, so the rules are testable without a UI:
 * {@link parseImport} checks everything and returns the rows to write or every error (a file
 * with any bad row writes nothing); {@link applyImport} writes a parsed plan in one transaction.
 *
 * Merge rule for a CSV row that matches a grant already in the register (same account, and the
 * same person by email — or by name and organisation when there is no email — or the same
 * partner BC ID): the row updates that grant, filled cells replace the register's values, empty
 * cells keep them, and one `imported` event records before and after. A row that changes
 * nothing is reported as unchanged. Accounts and people already in the register are kept as
 * they are; only their empty name or organisation is filled from the file. Two rows of one file
 * for the same grant are an error (which one is right cannot be known).
 *
 * Merge rule for a JSON backup: rows are matched by id; the higher revision wins (an equal one
 * keeps the register's); an account with another id but the same TikTok ID is the same account
 * (the backup's grants are pointed at it); history events are only ever added.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import type { BackupTables } from './backup';
import { BACKUP_FORMAT, BACKUP_TABLES, upgradeBackupTables } from './backup';
import type { GrantCsvColumn } from './csv';
import { GRANT_CSV_COLUMNS, MAX_CSV_FIELD, REQUIRED_CSV_COLUMNS, unescapeFormula } from './csv';
import type { RegisterDb } from './db';
import type { AccountDraft, GrantPatch, PartyDraft, WriteContext } from './grants';
import { dayAfter, eventRow, newAccountRow, newPartyRow } from './grants';
import type {
  Account,
  AssetRole,
  BcRole,
  FinanceRole,
  Grant,
  GrantStatus,
  Party,
  RegisterEvent,
  ReminderState,
} from './schema';
import {
  DEFAULT_REVIEW_CADENCE_DAYS,
  account as accountSchema,
  event as eventSchema,
  grant as grantSchema,
  party as partySchema,
  reminderState,
} from './schema';

/** The largest file an import reads (a 10,000-grant CSV is about 3 MB). */
export const MAX_IMPORT_CHARS = 50_000_000;
/** The most rows one CSV may hold. */
export const MAX_IMPORT_ROWS = 100_000;

/** One thing wrong with an import. `line` is the file's line (1 = the header), when known. */
export interface ImportIssue {
  line: number | null;
  /** For a JSON backup, which row: `grants[3]`. */
  where?: string;
  column?: string;
  message: string;
}

/** One CSV row, checked and ready to write. Fields left undefined were empty cells. */
export interface CsvGrantRow {
  line: number;
  key: string;
  account: AccountDraft;
  party: PartyDraft;
  fields: GrantPatch;
}

/** What {@link parseImport} found to write. */
export type ImportPlan =
  | { format: 'csv'; rows: CsvGrantRow[] }
  | {
      format: 'json';
      fromVersion: number;
      accounts: Account[];
      parties: Party[];
      grants: Grant[];
      events: RegisterEvent[];
      reminders: ReminderState[];
    };

export type ParseResult = { ok: true; plan: ImportPlan } | { ok: false; errors: ImportIssue[] };

/** Raised by {@link decodeImportBytes} for a file that is not text we can read. */
export class ImportEncodingError extends Error {
  override name = 'ImportEncodingError';
}

/**
 * Bytes of a file to text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Anything else
 * (e.g. Windows-1252 from an old spreadsheet) is refused rather than imported garbled.
 */
export function decodeImportBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_IMPORT_CHARS * 2) {
    throw new ImportEncodingError('The file is too large to import (more than 100 MB).');
  }
  const [b0, b1] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // TextDecoder drops a UTF-8 BOM itself (ignoreBOM defaults to false).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportEncodingError(
      'The file is not UTF-8 text. Save it as “CSV UTF-8” (or export it again) and import that.',
    );
  }
}

/** Check a CSV or JSON backup and return what to write, or every error found. Pure. */
export function parseImport(text: string, format: 'csv' | 'json'): ParseResult {
  if (text.length > MAX_IMPORT_CHARS) {
    return fail(
      null,
      `The file is too large (${text.length} characters; at most ${MAX_IMPORT_CHARS}).`,
    );
  }
  // A BOM left by an editor or spreadsheet is not part of the first column's name.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const nul = body.indexOf('\u0000');
  if (nul >= 0) {
    return fail(
      lineAt(body, nul),
      'The file holds NUL characters: it is not UTF-8 text (UTF-16 without a byte-order mark?). Save it as UTF-8.',
    );
  }
  const garbled = body.indexOf('\uFFFD');
  if (garbled >= 0) {
    return fail(
      lineAt(body, garbled),
      'The file was not read as UTF-8 (it contains “�” replacement characters). Save it as UTF-8 and import it again.',
    );
  }
  if (body.trim() === '') return fail(null, 'The file is empty.');
  return format === 'csv' ? parseCsv(body) : parseBackup(body);
}

function fail(line: number | null, message: string): ParseResult {
  return { ok: false, errors: [{ line, message }] };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// CSV

const ACCOUNT_KINDS: Record<string, AccountDraft['kind']> = {
  business_center: 'businessCenter',
  businesscenter: 'businessCenter',
  'business center': 'businessCenter',
  bc: 'businessCenter',
  ad_account: 'adAccount',
  adaccount: 'adAccount',
  'ad account': 'adAccount',
  advertiser: 'adAccount',
};
const PARTY_KINDS: Record<string, PartyDraft['kind']> = {
  person: 'person',
  member: 'person',
  partner_bc: 'partnerBc',
  partnerbc: 'partnerBc',
  partner: 'partnerBc',
  'partner bc': 'partnerBc',
};
const OWNERSHIPS: Record<string, AccountDraft['ownership']> = { mine: 'mine', client: 'client' };
const BC_ROLES: Record<string, BcRole> = { admin: 'admin', standard: 'standard' };
const FINANCE_ROLES: Record<string, FinanceRole> = {
  manager: 'manager',
  'finance manager': 'manager',
  finance_manager: 'manager',
  analyst: 'analyst',
  'finance analyst': 'analyst',
  'financial analyst': 'analyst',
  finance_analyst: 'analyst',
};
const ASSET_ROLES: Record<string, AssetRole> = {
  admin: 'admin',
  operator: 'operator',
  analyst: 'analyst',
};
const STATUSES: Record<string, GrantStatus> = {
  invited: 'invited',
  pending: 'invited',
  active: 'active',
  revoked: 'revoked',
  removed: 'revoked',
  expired: 'expired',
  rejected: 'rejected',
  suspended: 'suspended',
};
const BOOLEANS: Record<string, boolean> = {
  yes: true,
  true: true,
  '1': true,
  no: false,
  false: false,
  '0': false,
};

const TIKTOK_ID = /^[0-9]{6,25}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().startsWith(value);
}

class RowErrors {
  readonly issues: ImportIssue[] = [];
  constructor(readonly line: number) {}
  add(column: string, message: string) {
    this.issues.push({ line: this.line, column, message });
  }
}

type Cells = Partial<Record<GrantCsvColumn, string>>;

function pick<T>(
  cells: Cells,
  column: GrantCsvColumn,
  table: Record<string, T>,
  errors: RowErrors,
  what: string,
  hint?: (raw: string) => string | undefined,
): T | undefined {
  const raw = cells[column];
  if (!raw) return undefined;
  const found = table[raw.toLowerCase()];
  if (found === undefined) {
    const allowed = [...new Set(Object.values(table) as unknown[])].join(', ');
    errors.add(column, hint?.(raw) ?? `“${raw}” is not a ${what} (one of: ${allowed}).`);
  }
  return found;
}

function instantCell(cells: Cells, column: GrantCsvColumn, errors: RowErrors): string | undefined {
  const raw = cells[column];
  if (!raw) return undefined;
  if (realDay(raw)) return `${raw}T00:00:00.000Z`;
  const parsed = z.iso.datetime({ offset: true }).safeParse(raw);
  if (!parsed.success) {
    errors.add(column, `“${raw}” is not a date (write 2026-11-27 or 2026-11-27T09:30:00Z).`);
    return undefined;
  }
  return new Date(raw).toISOString();
}

function dayCell(cells: Cells, column: GrantCsvColumn, errors: RowErrors): string | undefined {
  const raw = cells[column];
  if (!raw) return undefined;
  if (!realDay(raw)) {
    errors.add(column, `“${raw}” is not a calendar day (write it as 2026-11-27).`);
    return undefined;
  }
  return raw;
}

function idCell(cells: Cells, column: GrantCsvColumn, errors: RowErrors): string | undefined {
  const raw = cells[column];
  if (!raw) return undefined;
  if (!TIKTOK_ID.test(raw)) {
    errors.add(column, `“${raw}” is not a TikTok ID (6 to 25 digits).`);
    return undefined;
  }
  return raw;
}

const editorHint = (raw: string) =>
  /editor/i.test(raw)
    ? `TikTok has no “${raw}” role: the permission that edits campaigns is Operator.`
    : undefined;

/** The identity of a party, for matching rows with the register. */
export function partyKey(p: {
  kind: PartyDraft['kind'];
  email?: string | null;
  bcId?: string | null;
  name?: string;
  organisation?: string;
  isMe?: boolean;
}): string {
  if (p.kind === 'partnerBc') return `bc:${p.bcId ?? ''}`;
  if (p.email) return `email:${p.email.toLowerCase()}`;
  if (p.isMe) return 'me';
  return `name:${(p.name ?? '').trim().toLowerCase()}|${(p.organisation ?? '').trim().toLowerCase()}`;
}

function accountKey(kind: AccountDraft['kind'], externalId: string): string {
  return `${kind}:${externalId}`;
}

function parseCsvRow(cells: Cells, line: number): { row?: CsvGrantRow; issues: ImportIssue[] } {
  const errors = new RowErrors(line);
  for (const [column, value] of Object.entries(cells)) {
    if (value !== undefined && value.length > MAX_CSV_FIELD) {
      errors.add(
        column,
        `This cell is too long (${value.length} characters; at most ${MAX_CSV_FIELD}).`,
      );
    }
  }
  if (errors.issues.length) return { issues: errors.issues };

  const accountKind = pick(cells, 'account_kind', ACCOUNT_KINDS, errors, 'kind of account');
  const externalId = idCell(cells, 'account_id', errors);
  const ownership = pick(cells, 'ownership', OWNERSHIPS, errors, 'ownership');
  const partyKind = pick(cells, 'party_kind', PARTY_KINDS, errors, 'kind of party');
  const status = pick(cells, 'status', STATUSES, errors, 'status');
  for (const column of REQUIRED_CSV_COLUMNS) {
    if (!cells[column]) errors.add(column, 'This cell must not be empty.');
  }
  const ownerBcId = idCell(cells, 'owner_bc_id', errors);
  const partnerBcId = idCell(cells, 'partner_bc_id', errors);
  const email = cells.email?.toLowerCase();
  if (email && !z.email().safeParse(email).success) {
    errors.add('email', `“${cells.email}” is not an email address.`);
  }
  const isMe = pick(cells, 'is_me', BOOLEANS, errors, 'yes/no value');
  if (
    partyKind === 'partnerBc' &&
    !partnerBcId &&
    !errors.issues.some((i) => i.column === 'partner_bc_id')
  ) {
    errors.add('partner_bc_id', 'A partner Business Center needs its ID.');
  }
  if (partyKind === 'person' && !email && !cells.name && !isMe) {
    errors.add('email', 'A person needs an email or at least a name.');
  }
  const bcRole = pick(cells, 'bc_role', BC_ROLES, errors, 'Business Center role', editorHint);
  const financeRole = pick(cells, 'finance_role', FINANCE_ROLES, errors, 'finance role');
  const assetRole = pick(
    cells,
    'asset_role',
    ASSET_ROLES,
    errors,
    'ad account permission',
    editorHint,
  );
  const fields: GrantPatch = {
    bcRole,
    financeRole,
    assetRole,
    status,
    invitedAt: instantCell(cells, 'invited_at', errors),
    acceptedAt: instantCell(cells, 'accepted_at', errors),
    revokedAt: instantCell(cells, 'revoked_at', errors),
    lastReviewedAt: instantCell(cells, 'last_reviewed_at', errors),
    nextReviewOn: dayCell(cells, 'next_review_on', errors),
    contractEndsOn: dayCell(cells, 'contract_ends_on', errors),
    goals: cells.goals || undefined,
  };
  const cadence = cells.review_cadence_days;
  if (cadence) {
    const n = Number(cadence);
    if (!Number.isInteger(n) || n < 1 || n > 3650) {
      errors.add('review_cadence_days', `“${cadence}” is not a number of days from 1 to 3650.`);
    } else fields.reviewCadenceDays = n;
  }
  for (const column of ['account_name', 'name', 'organisation'] as const) {
    if ((cells[column]?.length ?? 0) > 500) errors.add(column, 'At most 500 characters.');
  }
  if (errors.issues.length || !accountKind || !externalId || !ownership || !partyKind) {
    return { issues: errors.issues };
  }
  const account: AccountDraft = {
    kind: accountKind,
    externalId,
    name: cells.account_name ?? '',
    ownerBcId: ownerBcId ?? null,
    ownership,
  };
  const party: PartyDraft = {
    kind: partyKind,
    name: cells.name ?? '',
    email: partyKind === 'person' ? (email ?? null) : null,
    bcId: partyKind === 'partnerBc' ? (partnerBcId ?? null) : null,
    organisation: cells.organisation ?? '',
    isMe: isMe ?? false,
  };
  const key = `${accountKey(accountKind, externalId)}|${partyKey(party)}`;
  return { row: { line, key, account, party, fields }, issues: [] };
}

function parseCsv(text: string): ParseResult {
  const issues: ImportIssue[] = [];
  const rows: CsvGrantRow[] = [];
  const firstLineOf = new Map<string, number>();
  let header: string[] | null = null;
  let columns: (GrantCsvColumn | null)[] = [];
  let line = 1;
  let previousCursor = 0;
  let records = 0;
  let stop = false;

  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result, parser) => {
      const startLine = line;
      const cursor = result.meta.cursor;
      line += countLineBreaks(text.slice(previousCursor, cursor));
      previousCursor = cursor;
      for (const e of result.errors) {
        issues.push({ line: startLine, message: `The CSV is malformed here: ${e.message}.` });
      }
      const data = result.data;
      if (data.length === 1 && data[0] === '') return; // a blank line
      if (!header) {
        header = data.map((h) => h.trim().toLowerCase());
        const problem = checkHeader(header);
        if (problem) {
          issues.push(problem);
          stop = true;
          parser.abort();
          return;
        }
        columns = header.map((h) =>
          (GRANT_CSV_COLUMNS as readonly string[]).includes(h) ? (h as GrantCsvColumn) : null,
        );
        return;
      }
      if (++records > MAX_IMPORT_ROWS) {
        issues.push({ line: startLine, message: `Too many rows (at most ${MAX_IMPORT_ROWS}).` });
        stop = true;
        parser.abort();
        return;
      }
      if (data.length !== columns.length) {
        issues.push({
          line: startLine,
          message: `This row has ${data.length} cells; the header has ${columns.length}.`,
        });
        return;
      }
      const cells: Cells = {};
      data.forEach((value, i) => {
        const column = columns[i];
        if (column) cells[column] = unescapeFormula(value.trim());
      });
      const parsed = parseCsvRow(cells, startLine);
      issues.push(...parsed.issues);
      if (parsed.row) {
        const first = firstLineOf.get(parsed.row.key);
        if (first !== undefined) {
          issues.push({
            line: startLine,
            message: `This row is the same grant as line ${first} (same account and same person or partner).`,
          });
        } else {
          firstLineOf.set(parsed.row.key, startLine);
          rows.push(parsed.row);
        }
      }
    },
  });
  if (!stop && !header) return fail(null, 'The file has no header row.');
  if (issues.length) return { ok: false, errors: issues };
  if (rows.length === 0) return fail(null, 'The file has a header but no rows.');
  return { ok: true, plan: { format: 'csv', rows } };
}

function checkHeader(header: string[]): ImportIssue | null {
  const known = new Set<string>(GRANT_CSV_COLUMNS);
  const unknown = header.filter((h) => !known.has(h));
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !header.includes(c));
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  const parts: string[] = [];
  if (missing.length) parts.push(`missing column(s): ${missing.join(', ')}`);
  if (unknown.length) parts.push(`unknown column(s): ${unknown.map((u) => `“${u}”`).join(', ')}`);
  if (repeated.length) parts.push(`repeated column(s): ${repeated.join(', ')}`);
  if (!parts.length) return null;
  return {
    line: 1,
    message: `The header is not the register's CSV format — ${parts.join('; ')}. Expected columns: ${GRANT_CSV_COLUMNS.join(', ')}.`,
  };
}

// ---------------------------------------------------------------------------------------------
// JSON backup

const backupShape = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(0),
  exportedAt: z.string().optional(),
  tables: z.object({
    accounts: z.array(z.record(z.string(), z.unknown())),
    parties: z.array(z.record(z.string(), z.unknown())),
    grants: z.array(z.record(z.string(), z.unknown())),
    events: z.array(z.record(z.string(), z.unknown())),
    // Absent before schema v2.
    reminders: z.array(z.record(z.string(), z.unknown())).default([]),
  }),
});

const ROW_SCHEMAS = {
  accounts: accountSchema,
  parties: partySchema,
  grants: grantSchema,
  events: eventSchema,
  reminders: reminderState,
} as const;

const tableOf = (i: ImportIssue) => (i.where ?? '').split('[')[0] as (typeof BACKUP_TABLES)[number];
const indexOf = (i: ImportIssue) => Number(/\[(\d+)\]/.exec(i.where ?? '')?.[1] ?? 0);

function parseBackup(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(null, `The file is not valid JSON: ${(error as Error).message}`);
  }
  const shape = backupShape.safeParse(raw);
  if (!shape.success) {
    return fail(
      null,
      `The file is not a register backup (${shape.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'file'}: ${i.message}`)
        .join('; ')}).`,
    );
  }
  let tables: BackupTables;
  try {
    tables = upgradeBackupTables(shape.data.tables, shape.data.schemaVersion);
  } catch (error) {
    return fail(null, (error as Error).message);
  }
  const issues: ImportIssue[] = [];
  const parsed = { accounts: [], parties: [], grants: [], events: [], reminders: [] } as {
    accounts: Account[];
    parties: Party[];
    grants: Grant[];
    events: RegisterEvent[];
    reminders: ReminderState[];
  };
  // Where each parsed row sat in the file, and every id present (valid row or not), so a row
  // that only points at an invalid row is not reported twice.
  const positions = new Map<object, number>();
  const present = new Set<unknown>();
  for (const name of BACKUP_TABLES) {
    const seen = new Set<string>();
    tables[name].forEach((row, i) => {
      const where = `${name}[${i}]`;
      present.add(row.id);
      const result = ROW_SCHEMAS[name].safeParse(row);
      if (!result.success) {
        for (const issue of result.error.issues) {
          issues.push({ line: null, where, column: issue.path.join('.'), message: issue.message });
        }
        return;
      }
      if (seen.has(result.data.id)) {
        issues.push({ line: null, where, message: `The id ${result.data.id} appears twice.` });
        return;
      }
      seen.add(result.data.id);
      positions.set(result.data, i);
      (parsed[name] as unknown[]).push(result.data);
    });
  }
  const dangling = (table: string, row: object, column: string, id: string, message: string) => {
    if (!present.has(id)) {
      issues.push({ line: null, where: `${table}[${positions.get(row)}]`, column, message });
    }
  };
  for (const g of parsed.grants) {
    dangling(
      'grants',
      g,
      'accountId',
      g.accountId,
      'The account of this grant is not in the backup.',
    );
    dangling(
      'grants',
      g,
      'partyId',
      g.partyId,
      'The person or partner of this grant is not in the backup.',
    );
  }
  for (const e of parsed.events) {
    dangling('events', e, 'grantId', e.grantId, 'The grant of this event is not in the backup.');
  }
  for (const r of parsed.reminders) {
    dangling(
      'reminders',
      r,
      'grantId',
      r.grantId,
      'The grant of this reminder is not in the backup.',
    );
  }
  issues.sort(
    (a, b) =>
      BACKUP_TABLES.indexOf(tableOf(a)) - BACKUP_TABLES.indexOf(tableOf(b)) ||
      indexOf(a) - indexOf(b),
  );
  if (issues.length) return { ok: false, errors: issues };
  return { ok: true, plan: { format: 'json', fromVersion: shape.data.schemaVersion, ...parsed } };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** What happened to one row that matched something already in the register. */
export interface MergeNote {
  /** CSV line, or the backup row (`grants[3]`). */
  where: string;
  grantId: string;
  outcome: 'updated' | 'unchanged' | 'keptNewer';
}

/** What an import wrote. */
export interface ImportReport {
  grantsAdded: number;
  grantsUpdated: number;
  grantsUnchanged: number;
  accountsAdded: number;
  partiesAdded: number;
  eventsAdded: number;
  merged: MergeNote[];
}

/** Progress of a long import: `done` out of `total` rows. */
export type ImportProgress = (done: number, total: number) => void;

const CHUNK = 500;

/** Write a parsed import in one transaction: all of it, or (on any failure) none of it. */
export async function applyImport(
  db: RegisterDb,
  plan: ImportPlan,
  ctx: WriteContext,
  onProgress?: ImportProgress,
): Promise<ImportReport> {
  return db.transaction('rw', [db.accounts, db.parties, db.grants, db.events, db.reminders], () =>
    plan.format === 'csv'
      ? applyCsv(db, plan.rows, ctx, onProgress)
      : applyBackup(db, plan, onProgress),
  );
}

function emptyReport(): ImportReport {
  return {
    grantsAdded: 0,
    grantsUpdated: 0,
    grantsUnchanged: 0,
    accountsAdded: 0,
    partiesAdded: 0,
    eventsAdded: 0,
    merged: [],
  };
}

function importEvent(g: Grant, ctx: WriteContext, before: Grant | null): RegisterEvent {
  // Unvalidated on purpose: the grant was just parsed, and 10,000 event parses cost seconds.
  const own: WriteContext = { source: 'import', now: ctx.now, note: ctx.note };
  return eventRow(g, 'imported', own, before, g);
}

async function applyCsv(
  db: RegisterDb,
  rows: CsvGrantRow[],
  ctx: WriteContext,
  onProgress?: ImportProgress,
): Promise<ImportReport> {
  const now = ctx.now.toISOString();
  const report = emptyReport();
  const [accounts, parties, grants] = await Promise.all([
    db.accounts.toArray(),
    db.parties.toArray(),
    db.grants.toArray(),
  ]);
  const accountByKey = new Map(accounts.map((a) => [accountKey(a.kind, a.externalId), a]));
  const partyByKey = new Map<string, Party>();
  for (const p of parties) {
    if (p.deletedAt !== null) continue;
    const key = partyKey({ ...p, isMe: p.isMe && p.kind === 'person' && !p.email });
    if (!partyByKey.has(key)) partyByKey.set(key, p);
  }
  const grantByPair = new Map<string, Grant>();
  for (const g of grants)
    if (g.deletedAt === null) grantByPair.set(`${g.accountId}|${g.partyId}`, g);

  for (let start = 0; start < rows.length; start += CHUNK) {
    const accountsOut: Account[] = [];
    const partiesOut: Party[] = [];
    const grantsOut: Grant[] = [];
    const eventsOut: RegisterEvent[] = [];
    for (const row of rows.slice(start, start + CHUNK)) {
      const acc = resolveAccount(row.account, accountByKey, now, accountsOut, report);
      const who = resolveParty(row.party, partyByKey, now, partiesOut, report);
      const pair = `${acc.id}|${who.id}`;
      const existing = grantByPair.get(pair);
      if (existing) {
        const patch = Object.fromEntries(
          Object.entries(row.fields).filter(([, v]) => v !== undefined),
        ) as GrantPatch;
        const changed = Object.entries(patch).some(([k, v]) => existing[k as keyof Grant] !== v);
        if (!changed) {
          report.grantsUnchanged++;
          report.merged.push({
            where: `line ${row.line}`,
            grantId: existing.id,
            outcome: 'unchanged',
          });
          continue;
        }
        const after = grantSchema.parse({
          ...existing,
          ...patch,
          updatedAt: now,
          rev: existing.rev + 1,
        });
        grantByPair.set(pair, after);
        grantsOut.push(after);
        eventsOut.push(importEvent(after, ctx, existing));
        report.grantsUpdated++;
        report.merged.push({ where: `line ${row.line}`, grantId: existing.id, outcome: 'updated' });
      } else {
        const g = newGrant(row, acc.id, who.id, ctx);
        grantByPair.set(pair, g);
        grantsOut.push(g);
        eventsOut.push(importEvent(g, ctx, null));
        report.grantsAdded++;
      }
    }
    await db.accounts.bulkPut(accountsOut);
    await db.parties.bulkPut(partiesOut);
    await db.grants.bulkPut(grantsOut);
    await db.events.bulkAdd(eventsOut);
    report.eventsAdded += eventsOut.length;
    onProgress?.(Math.min(start + CHUNK, rows.length), rows.length);
  }
  return report;
}

function resolveAccount(
  draft: AccountDraft,
  byKey: Map<string, Account>,
  now: string,
  out: Account[],
  report: ImportReport,
): Account {
  const key = accountKey(draft.kind, draft.externalId);
  const existing = byKey.get(key);
  if (existing) {
    const fillName = !existing.name && draft.name;
    if (existing.deletedAt === null && !fillName) return existing;
    const updated: Account = {
      ...existing,
      name: existing.name || (draft.name ?? ''),
      deletedAt: null,
      updatedAt: now,
      rev: existing.rev + 1,
    };
    byKey.set(key, updated);
    out.push(updated);
    return updated;
  }
  const row = newAccountRow(draft, now);
  byKey.set(key, row);
  out.push(row);
  report.accountsAdded++;
  return row;
}

function resolveParty(
  draft: PartyDraft,
  byKey: Map<string, Party>,
  now: string,
  out: Party[],
  report: ImportReport,
): Party {
  const key = partyKey(draft);
  const existing = byKey.get(key);
  if (existing) {
    const fill = (!existing.name && draft.name) || (!existing.organisation && draft.organisation);
    if (!fill) return existing;
    const updated: Party = {
      ...existing,
      name: existing.name || (draft.name ?? ''),
      organisation: existing.organisation || (draft.organisation ?? ''),
      updatedAt: now,
      rev: existing.rev + 1,
    };
    byKey.set(key, updated);
    out.push(updated);
    return updated;
  }
  const row = newPartyRow(draft, now);
  byKey.set(key, row);
  out.push(row);
  report.partiesAdded++;
  return row;
}

function newGrant(row: CsvGrantRow, accountId: string, partyId: string, ctx: WriteContext): Grant {
  const now = ctx.now.toISOString();
  const f = row.fields;
  const status = f.status ?? 'invited';
  const cadence = f.reviewCadenceDays ?? ctx.defaultCadenceDays ?? DEFAULT_REVIEW_CADENCE_DAYS;
  const started = f.acceptedAt ?? f.invitedAt ?? now;
  return grantSchema.parse({
    id: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    rev: 1,
    deletedAt: null,
    accountId,
    partyId,
    bcRole: f.bcRole ?? null,
    financeRole: f.financeRole ?? null,
    assetRole: f.assetRole ?? null,
    status,
    invitedAt: f.invitedAt ?? null,
    acceptedAt: f.acceptedAt ?? null,
    revokedAt: f.revokedAt ?? null,
    reviewCadenceDays: cadence,
    lastReviewedAt: f.lastReviewedAt ?? null,
    nextReviewOn: f.nextReviewOn ?? dayAfter(new Date(f.lastReviewedAt ?? started), cadence),
    contractEndsOn: f.contractEndsOn ?? null,
    goals: f.goals ?? '',
    source: 'import',
  });
}

async function applyBackup(
  db: RegisterDb,
  plan: Extract<ImportPlan, { format: 'json' }>,
  onProgress?: ImportProgress,
): Promise<ImportReport> {
  const report = emptyReport();
  const total =
    plan.accounts.length +
    plan.parties.length +
    plan.grants.length +
    plan.events.length +
    plan.reminders.length;
  let done = 0;
  const tick = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };

  // Accounts: by id, else by TikTok ID (the unique index), higher revision wins.
  const existingAccounts = await db.accounts.toArray();
  const accountById = new Map(existingAccounts.map((a) => [a.id, a]));
  const accountByKey = new Map(existingAccounts.map((a) => [accountKey(a.kind, a.externalId), a]));
  const accountRemap = new Map<string, string>();
  const accountsOut: Account[] = [];
  for (const a of plan.accounts) {
    const same = accountById.get(a.id) ?? accountByKey.get(accountKey(a.kind, a.externalId));
    if (!same) {
      accountsOut.push(a);
      report.accountsAdded++;
    } else {
      accountRemap.set(a.id, same.id);
      if (a.rev > same.rev) accountsOut.push({ ...a, id: same.id });
    }
  }
  await db.accounts.bulkPut(accountsOut);
  tick(plan.accounts.length);

  const partiesOut: Party[] = [];
  const existingParties = new Map(
    (await db.parties.bulkGet(plan.parties.map((p) => p.id))).flatMap((p) =>
      p ? [[p.id, p] as const] : [],
    ),
  );
  for (const p of plan.parties) {
    const same = existingParties.get(p.id);
    if (!same) {
      partiesOut.push(p);
      report.partiesAdded++;
    } else if (p.rev > same.rev) partiesOut.push(p);
  }
  await db.parties.bulkPut(partiesOut);
  tick(plan.parties.length);

  const existingGrants = await db.grants.bulkGet(plan.grants.map((g) => g.id));
  const grantsOut: Grant[] = [];
  plan.grants.forEach((g0, i) => {
    const g = { ...g0, accountId: accountRemap.get(g0.accountId) ?? g0.accountId };
    const same = existingGrants[i];
    if (!same) {
      grantsOut.push(g);
      report.grantsAdded++;
    } else if (g.rev > same.rev) {
      grantsOut.push(g);
      report.grantsUpdated++;
      report.merged.push({ where: `grants[${i}]`, grantId: g.id, outcome: 'updated' });
    } else {
      report.grantsUnchanged++;
      report.merged.push({
        where: `grants[${i}]`,
        grantId: g.id,
        outcome: g.rev === same.rev ? 'unchanged' : 'keptNewer',
      });
    }
  });
  await db.grants.bulkPut(grantsOut);
  tick(plan.grants.length);

  for (let start = 0; start < plan.events.length; start += CHUNK * 10) {
    const chunk = plan.events.slice(start, start + CHUNK * 10);
    const present = await db.events.bulkGet(chunk.map((e) => e.id));
    const fresh = chunk.filter((_, i) => !present[i]);
    await db.events.bulkAdd(fresh);
    report.eventsAdded += fresh.length;
    tick(chunk.length);
  }

  // Reminder state: by id, higher revision wins (like every sync-ready row).
  const existingReminders = await db.reminders.bulkGet(plan.reminders.map((r) => r.id));
  await db.reminders.bulkPut(
    plan.reminders.filter((r, i) => {
      const same = existingReminders[i];
      return !same || r.rev > same.rev;
    }),
  );
  tick(plan.reminders.length);
  return report;
}
