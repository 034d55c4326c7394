/**
 * One row of the register's CSV, checked cell by cell into a grant row (or problems naming the
 * line and column): the words each column accepts, dates, days, TikTok IDs, counts in plain
 * digits, emails, grant ids. Pure.
 */
import { z } from 'zod';
import { TIKTOK_ID } from '../../tiktok/ids';
import type { GrantCsvColumn } from '../csv';
import { MAX_CSV_FIELD, REQUIRED_CSV_COLUMNS } from '../csv';
import type { AccountDraft, GrantPatch, PartyDraft } from '../grants';
import type { AssetRole, BcRole, FinanceRole, GrantStatus } from '../schema';
import type { CsvGrantRow } from './plan';
import { accountKey, partyKey } from './plan';
import type { ImportIssue } from './problems';

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

/** A row's cells by column (columns the file lacks are undefined). */
export type Cells = Partial<Record<GrantCsvColumn, string>>;

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

/** Check one row's cells (`line`: its line in the file); the row, or every problem found. */
export function parseCsvRow(
  cells: Cells,
  line: number,
): { row?: CsvGrantRow; issues: ImportIssue[] } {
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
