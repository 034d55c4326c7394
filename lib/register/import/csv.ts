/**
 * Reading the register's CSV: one grant per row, every cell checked. Pure: text in, rows or
 * problems out. Each refusal names its line (1 = the header) and column.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { TIKTOK_ID } from '../../tiktok/ids';
import type { GrantCsvColumn } from '../csv';
import { GRANT_CSV_COLUMNS, MAX_CSV_FIELD, REQUIRED_CSV_COLUMNS, unescapeFormula } from '../csv';
import type { AccountDraft, GrantPatch, PartyDraft } from '../grants';
import { isLiveStatus } from '../rules';
import type { AssetRole, BcRole, FinanceRole, GrantStatus } from '../schema';
import type { CsvGrantRow } from './plan';
import { accountKey, partyKey } from './plan';
import type { ImportIssue, ProblemList } from './problems';

/** The most rows one CSV may hold. */
export const MAX_IMPORT_ROWS = 100_000;

// Each table maps a cell's words (lower-cased) to the register's value. Read with `own` only:
// a cell saying `constructor` or `__proto__` must not find Object.prototype's members.
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

/** `table[key]` when `key` is the table's own: never a member inherited from Object. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A count as the export writes it: plain decimal digits (no `1e3`, `0x10`, `+5` or `7.0`). */
const PLAIN_COUNT = /^[0-9]{1,15}$/;
/** The longest email address (RFC 5321's path limit, as the register's schema holds it). */
const MAX_EMAIL = 320;
const emailSchema = z.email().max(MAX_EMAIL);
const uuidSchema = z.uuid();
const instantSchema = z.iso.datetime({ offset: true });

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
  const found = own(table, raw.toLowerCase());
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
  if (!instantSchema.safeParse(raw).success) {
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

/** A whole number in plain digits from `min` to `max`, or a problem naming the column. */
function countCell(
  cells: Cells,
  column: GrantCsvColumn,
  errors: RowErrors,
  min: number,
  max: number,
  what: string,
): number | undefined {
  const raw = cells[column];
  if (!raw) return undefined;
  const n = PLAIN_COUNT.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) {
    errors.add(column, `“${raw}” is not ${what} (plain digits, ${min} to ${max}).`);
    return undefined;
  }
  return n;
}

const editorHint = (raw: string) =>
  /editor/i.test(raw)
    ? `TikTok has no “${raw}” role: the permission that edits campaigns is Operator.`
    : undefined;

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
  if (email && !emailSchema.safeParse(email).success) {
    errors.add(
      'email',
      email.length > MAX_EMAIL
        ? `This email address is too long (${email.length} characters; at most ${MAX_EMAIL}).`
        : `“${cells.email}” is not an email address.`,
    );
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
    reviewCadenceDays: countCell(cells, 'review_cadence_days', errors, 1, 3650, 'a number of days'),
    lastReviewedAt: instantCell(cells, 'last_reviewed_at', errors),
    nextReviewOn: dayCell(cells, 'next_review_on', errors),
    contractEndsOn: dayCell(cells, 'contract_ends_on', errors),
    // Kept exactly as written: spaces and line breaks in goals are the user's.
    goals: cells.goals || undefined,
  };
  const grantId = cells.grant_id || undefined;
  if (grantId && !uuidSchema.safeParse(grantId).success) {
    errors.add('grant_id', `“${grantId}” is not a grant id from the register.`);
  }
  const rev = countCell(cells, 'rev', errors, 1, Number.MAX_SAFE_INTEGER, 'a revision');
  const updatedAt = instantCell(cells, 'updated_at', errors);
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
  const row: CsvGrantRow = { line, key, account, party, fields };
  if (grantId) row.grantId = grantId.toLowerCase();
  if (rev !== undefined) row.rev = rev;
  if (updatedAt !== undefined) row.updatedAt = updatedAt;
  return { row, issues: [] };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
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

/**
 * Every row of a CSV, checked, or null when any problem was found (added to `problems`). Two
 * rows for one grant are refused (which one is right cannot be known): the same `grant_id`
 * twice, or two live rows (invited, active, suspended) for one account and party — a revoked
 * row beside a later invitation is the everyday history of one person and is fine.
 */
export function parseCsv(text: string, problems: ProblemList): CsvGrantRow[] | null {
  const rows: CsvGrantRow[] = [];
  const lineOfId = new Map<string, number>();
  const lineOfLivePair = new Map<string, number>();
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
      line += countLineBreaks(text, previousCursor, cursor);
      previousCursor = cursor;
      for (const e of result.errors) {
        problems.add({ line: startLine, message: `The CSV is malformed here: ${e.message}.` });
      }
      const data = result.data;
      if (data.length === 1 && data[0] === '') return; // a blank line
      if (!header) {
        header = data.map((h) => h.trim().toLowerCase());
        const problem = checkHeader(header);
        if (problem) {
          problems.add(problem);
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
        problems.add({ line: startLine, message: `Too many rows (at most ${MAX_IMPORT_ROWS}).` });
        stop = true;
        parser.abort();
        return;
      }
      if (data.length !== columns.length) {
        problems.add({
          line: startLine,
          message: `This row has ${data.length} cells; the header has ${columns.length}.`,
        });
        return;
      }
      const cells: Cells = {};
      data.forEach((value, i) => {
        const column = columns[i];
        // Goals are kept exactly; other cells lose the spaces a spreadsheet may add around them.
        if (column) cells[column] = unescapeFormula(column === 'goals' ? value : value.trim());
      });
      const parsed = parseCsvRow(cells, startLine);
      for (const issue of parsed.issues) problems.add(issue);
      const row = parsed.row;
      if (!row) return;
      const sameId = row.grantId !== undefined ? lineOfId.get(row.grantId) : undefined;
      const livePair = isLiveStatus(row.fields.status ?? 'invited')
        ? lineOfLivePair.get(row.key)
        : undefined;
      if (sameId !== undefined) {
        problems.add({
          line: startLine,
          column: 'grant_id',
          message: `This row is the same grant as line ${sameId} (same grant_id).`,
        });
      } else if (livePair !== undefined) {
        problems.add({
          line: startLine,
          message: `This row is the same live grant as line ${livePair} (same account and same person or partner, both invited, active or suspended).`,
        });
      } else {
        if (row.grantId !== undefined) lineOfId.set(row.grantId, startLine);
        if (isLiveStatus(row.fields.status ?? 'invited')) lineOfLivePair.set(row.key, startLine);
        rows.push(row);
      }
    },
  });
  if (!stop && !header) problems.add({ line: null, message: 'The file has no header row.' });
  if (!problems.empty) return null;
  if (rows.length === 0) {
    problems.add({ line: null, message: 'The file has a header but no rows.' });
    return null;
  }
  return rows;
}
