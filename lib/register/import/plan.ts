/**
 * What a parsed file asks the register to do (the plan), and the pure rules that match a file's
 * rows with the register's: how a party and an account are recognised, when a row is older than
 * what the register holds, and which grant a CSV row without a `grant_id` is about.
 */
import type { AccountDraft, GrantPatch, PartyDraft } from '../grants';
import { isLiveStatus } from '../rules';
import type { Account, Grant, Party, RegisterEvent, ReminderState } from '../schema';

/** One CSV row, checked and ready to write. Fields left undefined were empty cells. */
export interface CsvGrantRow {
  line: number;
  /** Account and party, as {@link accountKey} `|` {@link partyKey}. */
  key: string;
  account: AccountDraft;
  party: PartyDraft;
  fields: GrantPatch;
  /** The register's own id for this grant, when the file carries it (the export does). */
  grantId?: string;
  /** The revision the file's row was exported at. */
  rev?: number;
  /** When the file's row was last changed, as an instant. */
  updatedAt?: string;
}

/** A parsed CSV: its rows in file order. */
export interface CsvPlan {
  format: 'csv';
  fileName: string;
  rows: CsvGrantRow[];
}

/** A parsed backup: every table's rows, checked and upgraded to the current schema. */
export interface BackupPlan {
  format: 'json';
  fileName: string;
  fromVersion: number;
  accounts: Account[];
  parties: Party[];
  grants: Grant[];
  events: RegisterEvent[];
  reminders: ReminderState[];
}

/** What {@link parseImport} found to write. Plain data: it can cross to and from a worker. */
export type ImportPlan = CsvPlan | BackupPlan;

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

/** The identity of an account: its kind and TikTok ID (unique in the register). */
export function accountKey(kind: AccountDraft['kind'], externalId: string): string {
  return `${kind}:${externalId}`;
}

/** The latest moment a CSV row speaks of: its `updated_at`, else its latest date. */
export function rowMoment(row: CsvGrantRow): string | undefined {
  if (row.updatedAt) return row.updatedAt;
  const f = row.fields;
  const dates = [f.invitedAt, f.acceptedAt, f.revokedAt, f.lastReviewedAt].filter(
    (d): d is string => typeof d === 'string',
  );
  return dates.sort().at(-1);
}

/**
 * True when a row read for grant `g` is older than `g`: exported at a lower revision of that
 * very grant, or (when the row does not name `g` by id, or has no revision) last changed before
 * `g` was. A revision is only compared with the same grant's: another register's grant 7 at
 * revision 3 says nothing about this register's revisions.
 */
export function rowIsOlder(row: CsvGrantRow, g: Grant): boolean {
  if (row.rev !== undefined && row.grantId === g.id) return row.rev < g.rev;
  return row.updatedAt !== undefined && row.updatedAt < g.updatedAt;
}

/** When an ended grant ended (its revocation, else its last change). */
function endOf(g: Grant): string {
  return g.revokedAt ?? g.updatedAt;
}

/** When a live grant began (its invitation, else its acceptance, else its creation). */
function startOf(g: Grant): string {
  return g.invitedAt ?? g.acceptedAt ?? g.createdAt;
}

/** Which grant a CSV row without a known `grant_id` is about, among its pair's grants. */
export type RowTarget =
  { kind: 'merge'; grant: Grant } | { kind: 'older'; grant: Grant } | { kind: 'new' };

/**
 * Match a row with the grants (not deleted) its account and party hold. A live row is about
 * the live grant; without one, it is a new grant unless an ended grant ended after everything
 * the row says (then the row is older: an old file must not undo a later revocation). An ended
 * row is about the ended grant it repeats (same status and dates), else about the live grant
 * when it speaks of a moment after that grant began (e.g. a revocation), else it is history.
 */
export function targetOfRow(row: CsvGrantRow, pairGrants: readonly Grant[]): RowTarget {
  const status = row.fields.status ?? 'invited';
  const live = pairGrants.find((g) => isLiveStatus(g.status));
  const moment = rowMoment(row);
  if (isLiveStatus(status)) {
    if (live) return { kind: 'merge', grant: live };
    const ended = pairGrants
      .filter((g) => !isLiveStatus(g.status))
      .sort((a, b) => endOf(a).localeCompare(endOf(b)))
      .at(-1);
    if (ended && moment !== undefined && moment < endOf(ended)) {
      return { kind: 'older', grant: ended };
    }
    return { kind: 'new' };
  }
  const f = row.fields;
  const repeated = pairGrants.find(
    (g) =>
      g.status === status &&
      (f.revokedAt === undefined || g.revokedAt === f.revokedAt) &&
      (f.invitedAt === undefined || g.invitedAt === f.invitedAt) &&
      (f.acceptedAt === undefined || g.acceptedAt === f.acceptedAt),
  );
  if (repeated) return { kind: 'merge', grant: repeated };
  if (live && (moment === undefined || moment >= startOf(live))) {
    return { kind: 'merge', grant: live };
  }
  return { kind: 'new' };
}
