// Over 350 lines, one job: the one write path every change to a grant goes through.
/**
 * The rules every change to a grant follows, wherever the change comes from — the form, a
 * review, a checklist, the reconcile card, held-account capture, a CSV merge or a backup
 * restore:
 *
 * - a status moves only along {@link STATUS_TRANSITIONS};
 * - timestamps follow the status ({@link stampsFor}): `revokedAt` only on a revoked grant, an
 *   acceptance or a revocation is dated when the change does not say when, a new invitation
 *   starts a new `invitedAt` and forgets the old acceptance;
 * - a change names the revision it read; the row's revision goes up by exactly one;
 * - each change is one history event with the grant before and after; a change that changes
 *   nothing writes nothing (so repeating a write is harmless);
 * - at most one live grant (invited, active or suspended) per account and party: adding or
 *   inviting again while one is live updates it; an ended grant is history.
 *
 * The planning functions here are pure (no database), so a bulk writer (import) runs exactly
 * the rules the single writers run; {@link writeGrantChange} and {@link liveGrantFor} are the
 * database side, always called inside the caller's read-write transaction.
 */
import { sealEvent } from './chain';
import type { RegisterDb } from './db';
import { batchOf, readStoredEventsOf } from './event-batches';
import type { StoredEvent } from './history';
import { storedChange } from './history';
import type {
  EventType,
  FileProvenance,
  Grant,
  GrantSnapshot,
  GrantStatus,
  Origin,
  RegisterEvent,
} from './schema';
import { event, grant } from './schema';

/** Who is writing, when, and why: recorded on the event that every write appends. */
export interface WriteContext {
  source: Origin;
  now: Date;
  note?: string;
  /** The in-page checklist that recorded the change, if any. */
  checklist?: string;
  decision?: RegisterEvent['decision'];
  /** The review cadence a new grant gets when its draft names none (the options' default). */
  defaultCadenceDays?: number;
  /** The file the change came from (import and restore). */
  fromFile?: FileProvenance;
}

/** Raised for a status change TikTok's flows do not allow (e.g. revoked → active). */
export class StatusTransitionError extends Error {
  override name = 'StatusTransitionError';
}

/** Which status may follow which: invitations are accepted, rejected or lapse; access ends. */
export const STATUS_TRANSITIONS: Readonly<Record<GrantStatus, readonly GrantStatus[]>> = {
  invited: ['active', 'expired', 'rejected', 'revoked'],
  active: ['suspended', 'revoked'],
  suspended: ['active', 'revoked'],
  expired: ['invited'],
  rejected: ['invited'],
  revoked: ['invited'],
};

/** Statuses of a grant that still gives (or is about to give) access. */
export const LIVE_STATUSES: readonly GrantStatus[] = ['invited', 'active', 'suspended'];

/** True for a status that gives, or is about to give, access. */
export function isLiveStatus(status: GrantStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

/** True for a grant that is not deleted and still live: at most one per account and party. */
export function isLive(g: Pick<Grant, 'status' | 'deletedAt'>): boolean {
  return g.deletedAt === null && isLiveStatus(g.status);
}

/** True when `to` may follow `from` (staying put is always allowed). */
export function canMove(from: GrantStatus, to: GrantStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

/** The fields of a grant a user, a flow or a file may change. */
export type GrantPatch = Partial<
  Pick<
    Grant,
    | 'bcRole'
    | 'financeRole'
    | 'assetRole'
    | 'status'
    | 'invitedAt'
    | 'acceptedAt'
    | 'revokedAt'
    | 'reviewCadenceDays'
    | 'lastReviewedAt'
    | 'nextReviewOn'
    | 'contractEndsOn'
    | 'goals'
  >
>;

/** Every field a patch may touch, for comparing and copying. */
export const GRANT_PATCH_FIELDS = [
  'bcRole',
  'financeRole',
  'assetRole',
  'status',
  'invitedAt',
  'acceptedAt',
  'revokedAt',
  'reviewCadenceDays',
  'lastReviewedAt',
  'nextReviewOn',
  'contractEndsOn',
  'goals',
] as const satisfies readonly (keyof GrantPatch)[];

/** A grant without its bookkeeping fields, as kept in events. */
export function snapshotOf(g: Grant): GrantSnapshot {
  const { createdAt: _c, updatedAt: _u, deletedAt: _d, historyHead: _h, ...rest } = g;
  return rest;
}

/** True when two grants say the same thing (revision and bookkeeping times aside). */
export function sameGrantContent(a: Grant, b: Grant): boolean {
  return (
    a.id === b.id &&
    a.accountId === b.accountId &&
    a.partyId === b.partyId &&
    a.source === b.source &&
    a.deletedAt === b.deletedAt &&
    GRANT_PATCH_FIELDS.every((k) => a[k] === b[k])
  );
}

/** The fields of `patch` that differ from `g` (undefined ones are left alone). */
export function patchDiffers(g: Grant, patch: GrantPatch): boolean {
  return GRANT_PATCH_FIELDS.some((k) => patch[k] !== undefined && patch[k] !== g[k]);
}

/**
 * The timestamps a status brings with it, for a grant going from `before` (null: new) to
 * `status`. What `patch` says explicitly wins; what the status forbids is cleared.
 */
export function stampsFor(
  before: Grant | null,
  status: GrantStatus,
  patch: GrantPatch,
  now: string,
): GrantPatch {
  const stamps: GrantPatch = {};
  const moved = before === null || before.status !== status;
  if (moved && status === 'invited') {
    stamps.invitedAt = patch.invitedAt ?? now;
    // A new invitation: whatever was accepted before belongs to the earlier access.
    if (before !== null) stamps.acceptedAt = null;
  }
  if (moved && status === 'active' && before?.status === 'invited')
    stamps.acceptedAt = patch.acceptedAt ?? now;
  if (status === 'revoked') {
    stamps.revokedAt = patch.revokedAt ?? (moved ? null : before?.revokedAt) ?? now;
  } else stamps.revokedAt = null;
  return stamps;
}

/** The kind of event a change is, from what it changed. */
export function eventTypeFor(before: Grant, after: Grant, ctx: WriteContext): EventType {
  if (ctx.decision) return 'reviewed';
  if (before.status !== after.status) {
    if (after.status === 'active' && before.status === 'invited') return 'accepted';
    if (after.status === 'revoked') return 'revoked';
    if (after.status === 'invited') return 'invited';
    return 'statusChanged';
  }
  const roles = ['bcRole', 'financeRole', 'assetRole'] as const;
  if (roles.some((k) => before[k] !== after[k])) return 'roleChanged';
  return 'updated';
}

/**
 * A history event's row for grant `g`, not validated: for bulk writers (import) whose grants
 * were just validated by the same schema. Everything else goes through {@link newEvent}.
 */
export function eventRow(
  g: Grant,
  type: EventType,
  ctx: WriteContext,
  before: Grant | null,
  after: Grant | null,
): RegisterEvent {
  const at = ctx.now.toISOString();
  const row: RegisterEvent = {
    id: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
    rev: 1,
    grantId: g.id,
    type,
    at,
    source: ctx.source,
    decision: ctx.decision ?? null,
    note: ctx.note ?? '',
    checklist: ctx.checklist ?? null,
    before: before && snapshotOf(before),
    after: after && snapshotOf(after),
  };
  if (ctx.fromFile) row.fromFile = ctx.fromFile;
  return row;
}

/** A history event for grant `g`, with before/after snapshots and the write's context. */
export function newEvent(
  g: Grant,
  type: EventType,
  ctx: WriteContext,
  before: Grant | null,
  after: Grant | null,
): RegisterEvent {
  return event.parse(eventRow(g, type, ctx, before, after));
}

/** One change to one grant, planned: the row to write and the event that records it. */
export interface GrantChange {
  before: Grant | null;
  after: Grant;
  event: RegisterEvent;
}

/**
 * Plan a change to `before` by the rules. Null when it changes nothing (and is not a review,
 * which is an event even when it keeps everything). Throws {@link StatusTransitionError}.
 */
export function planGrantChange(
  before: Grant,
  patch: GrantPatch,
  ctx: WriteContext,
  type?: EventType,
): GrantChange | null {
  const status = patch.status ?? before.status;
  if (!canMove(before.status, status)) {
    throw new StatusTransitionError(`A grant cannot go from ${before.status} to ${status}.`);
  }
  const now = ctx.now.toISOString();
  const defined = Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== undefined),
  ) as GrantPatch;
  const next = { ...before, ...defined };
  const after = grant.parse({
    ...next,
    ...stampsFor(before, status, defined, now),
    updatedAt: now,
    rev: before.rev + 1,
  });
  if (!ctx.decision && sameGrantContent(before, after)) return null;
  const ev = eventRow(after, type ?? eventTypeFor(before, after, ctx), ctx, before, after);
  return sealChange({ before, after, event: ctx.fromFile ? ev : event.parse(ev) });
}

/**
 * A planned change with its event chained after the grant's latest one (`before`'s head) and
 * the row naming the new event as its head (./chain.ts).
 */
export function sealChange(change: GrantChange): GrantChange {
  const event = sealEvent(change.event, change.before?.historyHead ?? null);
  return { ...change, after: { ...change.after, historyHead: event.hash! }, event };
}

/** Everything a new grant is made of; what is not given takes the rules' defaults. */
export type NewGrantFields = GrantPatch &
  Pick<Grant, 'accountId' | 'partyId' | 'reviewCadenceDays' | 'nextReviewOn'> & {
    id?: string;
    rev?: number;
    updatedAt?: string;
  };

/** Plan a new grant by the rules (timestamps follow its status) with its first event. */
export function planNewGrant(
  fields: NewGrantFields,
  ctx: WriteContext,
  type?: EventType,
): GrantChange {
  const now = ctx.now.toISOString();
  const status = fields.status ?? 'invited';
  const updatedAt = fields.updatedAt ?? now;
  const after = grant.parse({
    id: fields.id ?? crypto.randomUUID(),
    createdAt: updatedAt < now ? updatedAt : now,
    updatedAt,
    rev: fields.rev ?? 1,
    deletedAt: null,
    accountId: fields.accountId,
    partyId: fields.partyId,
    bcRole: fields.bcRole ?? null,
    financeRole: fields.financeRole ?? null,
    assetRole: fields.assetRole ?? null,
    status,
    invitedAt: fields.invitedAt ?? null,
    acceptedAt: fields.acceptedAt ?? null,
    revokedAt: fields.revokedAt ?? null,
    reviewCadenceDays: fields.reviewCadenceDays,
    lastReviewedAt: fields.lastReviewedAt ?? null,
    nextReviewOn: fields.nextReviewOn,
    contractEndsOn: fields.contractEndsOn ?? null,
    goals: fields.goals ?? '',
    source: ctx.source,
    ...stampsFor(null, status, fields, now),
  });
  const ev = eventRow(
    after,
    type ?? (status === 'invited' ? 'invited' : 'created'),
    ctx,
    null,
    after,
  );
  return sealChange({ before: null, after, event: ctx.fromFile ? ev : event.parse(ev) });
}

/** Plan a grant's deletion: a tombstone (kept for sync and history) and a `deleted` event. */
export function planGrantDeletion(before: Grant, ctx: WriteContext): GrantChange {
  const now = ctx.now.toISOString();
  const after = revisedRow(before, { deletedAt: now }, now);
  return sealChange({ before, after, event: newEvent(after, 'deleted', ctx, before, null) });
}

/** A revised copy of any register row: the change, a new `updatedAt`, the revision plus one. */
export function revisedRow<T extends { rev: number; updatedAt: string }>(
  row: T,
  patch: Partial<T>,
  now: string,
): T {
  return { ...row, ...patch, updatedAt: now, rev: row.rev + 1 };
}

/** The bookkeeping fields of a new register row. */
export function newRowFields(now: string): {
  id: string;
  createdAt: string;
  updatedAt: string;
  rev: number;
} {
  return { id: crypto.randomUUID(), createdAt: now, updatedAt: now, rev: 1 };
}

/** The live grant of one party on one account, if any (at most one, by the rules). */
export async function liveGrantFor(
  db: RegisterDb,
  accountId: string,
  partyId: string,
): Promise<Grant | undefined> {
  const grants = await db.grants.where('accountId').equals(accountId).toArray();
  return grants.find((g) => g.partyId === partyId && isLive(g));
}

/**
 * How long after an ended grant was first recorded a second record of the same ending is taken
 * for the same one: two tabs, or a retried message, finishing one flow arrive seconds apart; an
 * access that really ended twice took a new invitation in between (a live grant, so a different
 * path) and hours or days.
 */
export const SAME_ENDING_WINDOW_MS = 10 * 60_000;

/**
 * The ended grant (revoked, expired, rejected) that a new ended grant for the same account and
 * party would repeat: recorded with the same status, by the same kind of write (source and
 * checklist) within {@link SAME_ENDING_WINDOW_MS} of `ctx.now`. Without a live grant the
 * one-live-grant rule cannot make such a write idempotent, so the writer asks this inside its
 * read-write transaction, where it sees any write that committed before it.
 */
export async function sameEndingFor(
  db: RegisterDb,
  accountId: string,
  partyId: string,
  status: GrantStatus,
  ctx: WriteContext,
): Promise<Grant | undefined> {
  if (isLiveStatus(status)) return undefined;
  const now = ctx.now.getTime();
  const grants = await db.grants.where('accountId').equals(accountId).toArray();
  const candidates = grants.filter(
    (g) =>
      g.partyId === partyId &&
      g.deletedAt === null &&
      g.status === status &&
      g.source === ctx.source &&
      Math.abs(Date.parse(g.createdAt) - now) <= SAME_ENDING_WINDOW_MS,
  );
  for (const g of candidates) {
    // The same kind of record: the write that created it ran the same checklist (or none).
    const first = (await readStoredEventsOf(db, g.id)).reduce<StoredEvent | undefined>(
      (earliest, e) => (earliest && byTimeThenId(earliest, e) <= 0 ? earliest : e),
      undefined,
    );
    if ((first?.checklist ?? null) === (ctx.checklist ?? null)) return g;
  }
  return undefined;
}

/** Earlier first: by `at`, then by id. */
function byTimeThenId(a: StoredEvent, b: StoredEvent): number {
  return a.at.localeCompare(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Write a planned change: the grant row and its event (a batch of one), in the caller's transaction. */
export async function writeGrantChange(db: RegisterDb, change: GrantChange): Promise<Grant> {
  if (change.before) await db.grants.put(change.after);
  else await db.grants.add(change.after);
  await db.events.add(batchOf([storedChange(change.event, change.after)]));
  return change.after;
}
