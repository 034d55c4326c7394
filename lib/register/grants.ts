/**
 * Writing to the register: every change names the revision it read, runs in one transaction and
 * appends an event to the grant's history, by the rules in ./rules.ts. Reading code may use the
 * tables directly.
 */
import type { RegisterDb } from './db';
import { readStoredEventsOf } from './event-batches';
import { expandHistory } from './history';
import type { GrantPatch, WriteContext } from './rules';
import {
  canMove,
  isLive,
  liveGrantFor,
  newRowFields,
  patchDiffers,
  planGrantChange,
  planGrantDeletion,
  planNewGrant,
  revisedRow,
  sameEndingFor,
  writeGrantChange,
} from './rules';
import type {
  Account,
  AssetRole,
  BcRole,
  FinanceRole,
  Grant,
  GrantStatus,
  Party,
  RegisterEvent,
} from './schema';
import { DEFAULT_REVIEW_CADENCE_DAYS } from '../settings/schema';
import { account, party } from './schema';
import { dayAfter } from './days';

export * from './rules';
// Reading lives with the queries (the popup loads it without the write rules); kept here too.
export { dayAfter } from './days';
export type { GrantView } from './queries';
export { listGrantViews } from './queries';

/** Raised when a write names a revision that is no longer the current one. */
export class RegisterConflictError extends Error {
  override name = 'RegisterConflictError';
  constructor(
    readonly current: Grant,
    readonly expectedRev: number,
  ) {
    super(
      `This grant was changed elsewhere (revision ${current.rev}, expected ${expectedRev}). Reload it and try again.`,
    );
  }
}

/** Raised when a grant is missing or has been deleted. */
export class GrantNotFoundError extends Error {
  override name = 'GrantNotFoundError';
}

export interface AccountDraft {
  kind: Account['kind'];
  externalId: string;
  name?: string;
  ownerBcId?: string | null;
  ownership: Account['ownership'];
}

export interface PartyDraft {
  kind: Party['kind'];
  name?: string;
  email?: string | null;
  bcId?: string | null;
  organisation?: string;
  notes?: string;
  isMe?: boolean;
}

export interface GrantDraft {
  account: AccountDraft;
  party: PartyDraft;
  bcRole?: BcRole | null;
  financeRole?: FinanceRole | null;
  assetRole?: AssetRole | null;
  status?: GrantStatus;
  invitedAt?: string | null;
  acceptedAt?: string | null;
  reviewCadenceDays?: number;
  contractEndsOn?: string | null;
  goals?: string;
}

/** A new account row for `draft` (validated). */
export function newAccountRow(draft: AccountDraft, now: string): Account {
  return account.parse({
    ...newRowFields(now),
    deletedAt: null,
    kind: draft.kind,
    externalId: draft.externalId,
    name: draft.name?.trim() ?? '',
    ownerBcId: draft.ownerBcId ?? null,
    ownership: draft.ownership,
  });
}

/** A new party row for `draft` (validated): emails lower-cased, only the kind's own key kept. */
export function newPartyRow(draft: PartyDraft, now: string): Party {
  const email = draft.email?.trim().toLowerCase() || null;
  const bcId = draft.bcId?.trim() || null;
  return party.parse({
    ...newRowFields(now),
    deletedAt: null,
    kind: draft.kind,
    name: draft.name?.trim() ?? '',
    email: draft.kind === 'person' ? email : null,
    bcId: draft.kind === 'partnerBc' ? bcId : null,
    organisation: draft.organisation?.trim() ?? '',
    notes: draft.notes ?? '',
    isMe: draft.isMe ?? false,
  });
}

async function findOrCreateAccount(db: RegisterDb, draft: AccountDraft, now: string) {
  const existing = await db.accounts
    .where('[kind+externalId]')
    .equals([draft.kind, draft.externalId])
    .first();
  if (existing && existing.deletedAt === null) return existing;
  if (existing) {
    // A tombstoned account comes back to life rather than being duplicated.
    const revived = revisedRow(existing, { deletedAt: null }, now);
    await db.accounts.put(revived);
    return revived;
  }
  const row = newAccountRow(draft, now);
  await db.accounts.add(row);
  return row;
}

async function findOrCreateParty(db: RegisterDb, draft: PartyDraft, now: string) {
  const email = draft.email?.trim().toLowerCase() || null;
  const bcId = draft.bcId?.trim() || null;
  const candidates =
    draft.kind === 'person' && email
      ? await db.parties.where('email').equals(email).toArray()
      : draft.kind === 'partnerBc' && bcId
        ? await db.parties.where('bcId').equals(bcId).toArray()
        : [];
  const existing = candidates.find((p) => p.deletedAt === null && p.kind === draft.kind);
  if (existing) return existing;
  const row = newPartyRow(draft, now);
  await db.parties.add(row);
  return row;
}

/**
 * Record a grant (finding or creating its account and party) with its first event. When the
 * party already holds a live grant on the account, that grant is updated instead (adding or
 * inviting again while access is live is the same access), so repeating a write — two tabs
 * finishing one flow, a reconcile card applied twice — leaves one grant. The check and the
 * write share one read-write transaction, which IndexedDB runs one at a time.
 */
export async function recordGrant(
  db: RegisterDb,
  draft: GrantDraft,
  ctx: WriteContext,
): Promise<Grant> {
  const now = ctx.now.toISOString();
  return db.transaction('rw', [db.accounts, db.parties, db.grants, db.events], async () => {
    const acc = await findOrCreateAccount(db, draft.account, now);
    const who = await findOrCreateParty(db, draft.party, now);
    const status = draft.status ?? 'invited';
    const live = await liveGrantFor(db, acc.id, who.id);
    if (live) return updateLiveGrant(db, live, draft, ctx);
    // No live grant: recording an ending that another write just recorded is the same record.
    const ended = await sameEndingFor(db, acc.id, who.id, status, ctx);
    if (ended) return ended;
    const cadence =
      draft.reviewCadenceDays ?? ctx.defaultCadenceDays ?? DEFAULT_REVIEW_CADENCE_DAYS;
    const invitedAt = draft.invitedAt ?? (status === 'invited' ? now : null);
    const acceptedAt = draft.acceptedAt ?? (status === 'active' ? now : null);
    // The first review falls one cadence after access began (accepted, else invited).
    const startedAt = new Date(acceptedAt ?? invitedAt ?? now);
    const change = planNewGrant(
      {
        accountId: acc.id,
        partyId: who.id,
        bcRole: draft.bcRole ?? null,
        financeRole: draft.financeRole ?? null,
        assetRole: draft.assetRole ?? null,
        status,
        invitedAt,
        acceptedAt,
        reviewCadenceDays: cadence,
        nextReviewOn: dayAfter(Number.isNaN(startedAt.getTime()) ? ctx.now : startedAt, cadence),
        contractEndsOn: draft.contractEndsOn ?? null,
        goals: draft.goals ?? '',
      },
      ctx,
    );
    return writeGrantChange(db, change);
  });
}

/**
 * A draft for an account and party that already hold a live grant: the draft's roles and
 * details update it, and its status too where the rules allow that move (inviting someone who
 * is already active keeps them active).
 */
async function updateLiveGrant(
  db: RegisterDb,
  live: Grant,
  draft: GrantDraft,
  ctx: WriteContext,
): Promise<Grant> {
  const patch: GrantPatch = {
    bcRole: draft.bcRole ?? undefined,
    financeRole: draft.financeRole ?? undefined,
    assetRole: draft.assetRole ?? undefined,
    reviewCadenceDays: draft.reviewCadenceDays,
    contractEndsOn: draft.contractEndsOn ?? undefined,
    goals: draft.goals || undefined,
  };
  const status = draft.status ?? 'invited';
  if (status !== live.status && canMove(live.status, status)) {
    patch.status = status;
    if (draft.invitedAt) patch.invitedAt = draft.invitedAt;
    if (draft.acceptedAt) patch.acceptedAt = draft.acceptedAt;
  }
  const change = planGrantChange(live, patch, ctx);
  return change ? writeGrantChange(db, change) : live;
}

async function currentGrant(db: RegisterDb, id: string): Promise<Grant> {
  const current = await db.grants.get(id);
  if (!current || current.deletedAt !== null) {
    throw new GrantNotFoundError(`No grant ${id} in the register.`);
  }
  return current;
}

/**
 * Change a grant. Fails with {@link RegisterConflictError} when `expectedRev` is stale — unless
 * the grant already says what the patch says (the same write arriving twice changes nothing) —
 * and with {@link StatusTransitionError} for a status change that cannot happen.
 */
export async function updateGrant(
  db: RegisterDb,
  id: string,
  expectedRev: number,
  patch: GrantPatch,
  ctx: WriteContext,
): Promise<Grant> {
  return db.transaction('rw', [db.grants, db.events], async () => {
    const before = await currentGrant(db, id);
    if (before.rev !== expectedRev) {
      if (!ctx.decision && !patchDiffers(before, patch)) return before;
      throw new RegisterConflictError(before, expectedRev);
    }
    const change = planGrantChange(before, patch, ctx);
    if (!change) return before;
    if (isLive(change.after) && !isLive(before)) {
      // Bringing an ended grant back to life must not make a second live one for the pair.
      const other = await liveGrantFor(db, before.accountId, before.partyId);
      if (other) throw new LiveGrantExistsError(other);
    }
    return writeGrantChange(db, change);
  });
}

/** Raised when a change would give one party a second live grant on one account. */
export class LiveGrantExistsError extends Error {
  override name = 'LiveGrantExistsError';
  constructor(readonly live: Grant) {
    super(
      `This person or partner already has live access on this account (grant ${live.id}); change that grant instead.`,
    );
  }
}

/** Delete a grant as a tombstone (kept for sync and history) and append a `deleted` event. */
export async function deleteGrant(
  db: RegisterDb,
  id: string,
  expectedRev: number,
  ctx: WriteContext,
): Promise<Grant> {
  return db.transaction('rw', [db.grants, db.events], async () => {
    const before = await currentGrant(db, id);
    if (before.rev !== expectedRev) throw new RegisterConflictError(before, expectedRev);
    return writeGrantChange(db, planGrantDeletion(before, ctx));
  });
}

/** The history of one grant, oldest first, each event with the grant before and after it. */
export async function historyOf(db: RegisterDb, grantId: string): Promise<RegisterEvent[]> {
  return db.transaction('r', [db.grants, db.events], async () => {
    const [grant, stored] = await Promise.all([
      db.grants.get(grantId),
      readStoredEventsOf(db, grantId),
    ]);
    return expandHistory(grant, stored);
  });
}

/** A review's outcome: keep as is, lower to the given roles, or revoke. */
export type ReviewDecision = NonNullable<RegisterEvent['decision']>;

/** Raised when a review lacks what its decision needs (a reason, or the lower roles). */
export class ReviewInputError extends Error {
  override name = 'ReviewInputError';
}

/**
 * Sign off a review: `keep` schedules the next one, `lower` also changes the roles, `revoke`
 * ends access. The `reviewed` event keeps the reason and the grant's snapshot at sign-off.
 */
export async function reviewGrant(
  db: RegisterDb,
  id: string,
  expectedRev: number,
  review: {
    decision: ReviewDecision;
    note: string;
    lowerTo?: Pick<GrantPatch, 'bcRole' | 'financeRole' | 'assetRole'>;
  },
  ctx: Omit<WriteContext, 'decision' | 'note'>,
): Promise<Grant> {
  const note = review.note.trim();
  if (!note) throw new ReviewInputError('A review needs a reason.');
  if (review.decision === 'lower' && !review.lowerTo) {
    throw new ReviewInputError('Lowering access needs the new roles.');
  }
  const current = await db.grants.get(id);
  const cadence = current?.reviewCadenceDays ?? DEFAULT_REVIEW_CADENCE_DAYS;
  const patch: GrantPatch = {
    lastReviewedAt: ctx.now.toISOString(),
    nextReviewOn: review.decision === 'revoke' ? null : dayAfter(ctx.now, cadence),
    ...(review.decision === 'lower' ? review.lowerTo : {}),
    ...(review.decision === 'revoke' ? { status: 'revoked' as const } : {}),
  };
  return updateGrant(db, id, expectedRev, patch, { ...ctx, note, decision: review.decision });
}
