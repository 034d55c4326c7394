// Over 350 lines, one job: turning what TikTok shows of the accounts I hold into register writes.
/**
 * "Client accounts I hold", captured from what TikTok shows: the Business Centers listed on the
 * picker, or my own row on a client's Members page (held-accounts-visit.ts decides when), each
 * with my role there (and, from a Members page, my status and which of my emails it is).
 * Idempotent: seeing the same thing again writes nothing; a real change appends a `reconciled`
 * event; nothing is overwritten silently, and what the register cannot reconcile by itself is
 * reported, not changed.
 */
import type { RegisterDb } from './db';
import type { WriteContext } from './grants';
import { DEFAULT_REVIEW_CADENCE_DAYS } from '../settings/schema';
import { account, party } from './schema';
import type { Account, BcRole, FinanceRole, GrantStatus, Party } from './schema';
import type { GrantPatch } from './grants';
import {
  STATUS_TRANSITIONS,
  dayAfter,
  newRowFields,
  planGrantChange,
  planNewGrant,
  revisedRow,
  writeGrantChange,
} from './grants';

/** One Business Center as a TikTok page lists it. */
export interface SeenBusinessCenter {
  orgId: string;
  name: string;
  myRole?: BcRole;
  /**
   * My status there, when the page shows it (my own row on its Members page). Without it (the
   * picker) being listed means I am a member: a pending invitation of mine counts as accepted.
   * Null: my row is shown but its status could not be read, so the register's status stands.
   */
  myStatus?: GrantStatus | null;
  /** My finance role there, when the page shows one (never cleared by its absence). */
  myFinanceRole?: FinanceRole;
  /** Which of my emails is the member there (my row on its Members page). */
  myEmail?: string;
}

/** What {@link recordHeldBusinessCenters} did with each Business Center. */
export interface HeldCentersReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Seen on TikTok, but the register says something it will not overwrite by itself. */
  conflicts: { orgId: string; reason: 'ownAccount' | 'grantEnded' | 'statusDiffers' }[];
}

/** The name given to the "me" party when the register has none yet. */
export const ME_PARTY_NAME = 'Me';

async function findMe(db: RegisterDb, now: string): Promise<Party> {
  const mine = await db.parties
    .filter((p) => p.isMe && p.kind === 'person' && p.deletedAt === null)
    .first();
  if (mine) return mine;
  const row = party.parse({
    ...newRowFields(now),
    deletedAt: null,
    kind: 'person',
    name: ME_PARTY_NAME,
    email: null,
    bcId: null,
    organisation: '',
    notes: '',
    isMe: true,
  });
  await db.parties.add(row);
  return row;
}

/**
 * The "me" party to hold a grant seen under one of my emails: the one with that email, else the
 * given one, which takes the email if it has none (so the page's row and the register's agree,
 * e.g. for the in-page reconcile card), else a new "me" party with it.
 */
async function meWithEmail(
  db: RegisterDb,
  fallback: Party,
  email: string | undefined,
  now: string,
): Promise<Party> {
  if (!email) return fallback;
  const address = email.trim().toLowerCase();
  const same = (await db.parties.where('email').equals(address).toArray()).find(
    (p) => p.isMe && p.kind === 'person' && p.deletedAt === null,
  );
  if (same) return same;
  if (fallback.email === null) {
    const named = revisedRow(fallback, { email: address }, now);
    await db.parties.put(named);
    return named;
  }
  const row = party.parse({
    ...fallback,
    ...newRowFields(now),
    email: address,
    name: ME_PARTY_NAME,
    organisation: '',
    notes: '',
  });
  await db.parties.add(row);
  return row;
}

/** The write context of a capture: the page's note, never a review or a checklist. */
function seenOnPage(ctx: WriteContext, note: string): WriteContext {
  return { ...ctx, note, decision: undefined, checklist: undefined };
}

/** Record the Business Centers I am a member of as client accounts I hold, with my role. */
export async function recordHeldBusinessCenters(
  db: RegisterDb,
  centers: readonly SeenBusinessCenter[],
  ctx: WriteContext,
): Promise<HeldCentersReport> {
  const now = ctx.now.toISOString();
  const report: HeldCentersReport = { created: [], updated: [], unchanged: [], conflicts: [] };
  await db.transaction('rw', [db.accounts, db.parties, db.grants, db.events], async () => {
    let me = await findMe(db, now);
    // Any "me" party counts (a hand-added grant may have made a second one).
    const meIds = new Set(
      (await db.parties.filter((p) => p.isMe && p.deletedAt === null).toArray()).map((p) => p.id),
    );
    for (const seen of centers) {
      const name = seen.name.trim().slice(0, 500);
      let acc: Account | undefined = await db.accounts
        .where('[kind+externalId]')
        .equals(['businessCenter', seen.orgId])
        .first();
      if (acc && acc.deletedAt === null && acc.ownership === 'mine') {
        // My own Business Center: its members are recorded on the other side of the register.
        report.conflicts.push({ orgId: seen.orgId, reason: 'ownAccount' });
        continue;
      }
      let changed = false;
      if (!acc) {
        acc = account.parse({
          ...newRowFields(now),
          deletedAt: null,
          kind: 'businessCenter',
          externalId: seen.orgId,
          name,
          ownerBcId: null,
          ownership: 'client',
        });
        await db.accounts.add(acc);
      } else if (acc.deletedAt !== null || (name && acc.name !== name)) {
        // A deleted account comes back as a client's (a live one of mine was skipped above).
        acc = revisedRow(
          acc,
          {
            deletedAt: null,
            ownership: acc.deletedAt !== null ? 'client' : acc.ownership,
            name: name || acc.name,
          },
          now,
        );
        await db.accounts.put(acc);
        changed = true;
      }
      const grants = await db.grants.where('accountId').equals(acc.id).toArray();
      const current = grants.find((g) => meIds.has(g.partyId) && g.deletedAt === null);
      if (!current) {
        const holder = await meWithEmail(db, me, seen.myEmail, now);
        if (holder.id === me.id) me = holder;
        meIds.add(holder.id);
        const status = seen.myStatus ?? 'active';
        const cadence = ctx.defaultCadenceDays ?? DEFAULT_REVIEW_CADENCE_DAYS;
        const note =
          status === 'invited'
            ? 'Seen on TikTok: you are invited to this Business Center (pending).'
            : 'Seen on TikTok: you are a member of this Business Center.';
        // Pending since at least now (the stale-invitation reminder counts from here); when an
        // active membership began the page does not say.
        const change = planNewGrant(
          {
            accountId: acc.id,
            partyId: holder.id,
            bcRole: seen.myRole ?? null,
            financeRole: seen.myFinanceRole ?? null,
            status,
            invitedAt: status === 'invited' ? now : null,
            reviewCadenceDays: cadence,
            nextReviewOn: dayAfter(ctx.now, cadence),
          },
          seenOnPage(ctx, note),
          'created',
        );
        await writeGrantChange(db, change);
        report.created.push(seen.orgId);
        continue;
      }
      if (seen.myEmail) {
        // A grant captured from the picker (no email yet): its "me" learns which email it is.
        const holder = await db.parties.get(current.partyId);
        if (holder && holder.email === null) {
          const named = await meWithEmail(db, holder, seen.myEmail, now);
          if (named.id === holder.id) changed = true;
          if (named.id === me.id) me = named;
        }
      }
      const ended =
        current.status === 'revoked' ||
        current.status === 'expired' ||
        current.status === 'rejected';
      let target: GrantStatus;
      if (seen.myStatus) target = seen.myStatus;
      else if (seen.myStatus === null) target = current.status;
      else if (ended) {
        report.conflicts.push({ orgId: seen.orgId, reason: 'grantEnded' });
        continue;
      } else target = current.status === 'invited' ? 'active' : current.status;
      if (target !== current.status && !STATUS_TRANSITIONS[current.status].includes(target)) {
        // E.g. the register says revoked and the page shows me active: a person should look.
        report.conflicts.push({
          orgId: seen.orgId,
          reason: ended ? 'grantEnded' : 'statusDiffers',
        });
        continue;
      }
      const patch: GrantPatch = {};
      const notes: string[] = [];
      if (target !== current.status) {
        // The rules date the acceptance or the new invitation (now: when it was seen).
        patch.status = target;
        if (current.status === 'invited' && target === 'active')
          notes.push('you are now a member (invitation accepted)');
        else if (target === 'invited') notes.push('you are invited again (pending)');
        else notes.push(`your status there is ${target}`);
      }
      if (seen.myRole && seen.myRole !== current.bcRole) {
        patch.bcRole = seen.myRole;
        notes.push(`your role there is ${seen.myRole}`);
      }
      if (seen.myFinanceRole && seen.myFinanceRole !== current.financeRole) {
        patch.financeRole = seen.myFinanceRole;
        notes.push(`your finance role there is ${seen.myFinanceRole}`);
      }
      const change = notes.length
        ? planGrantChange(
            current,
            patch,
            seenOnPage(ctx, `Seen on TikTok: ${notes.join('; ')}.`),
            'reconciled',
          )
        : null;
      if (change) {
        await writeGrantChange(db, change);
        report.updated.push(seen.orgId);
      } else if (changed) report.updated.push(seen.orgId);
      else report.unchanged.push(seen.orgId);
    }
  });
  return report;
}

/**
 * Record a Business Center as my own (ownership `mine`): the user said so when asked on its
 * Members page, so it is never asked again and its members stay on the "my accounts" side.
 * Returns false, writing nothing, when the register already has it (live).
 */
export async function markBusinessCenterMine(
  db: RegisterDb,
  seen: { orgId: string; name: string },
  ctx: WriteContext,
): Promise<boolean> {
  const now = ctx.now.toISOString();
  return db.transaction('rw', db.accounts, async () => {
    const existing = await db.accounts
      .where('[kind+externalId]')
      .equals(['businessCenter', seen.orgId])
      .first();
    if (existing && existing.deletedAt === null) return false;
    const name = seen.name.trim().slice(0, 500);
    if (existing) {
      await db.accounts.put(
        revisedRow(
          existing,
          { deletedAt: null, ownership: 'mine', name: name || existing.name },
          now,
        ),
      );
      return true;
    }
    await db.accounts.add(
      account.parse({
        ...newRowFields(now),
        deletedAt: null,
        kind: 'businessCenter',
        externalId: seen.orgId,
        name,
        ownerBcId: null,
        ownership: 'mine',
      }),
    );
    return true;
  });
}

// ── "Mine" can be undone ──

/** A Business Center the register has as mine, with how many live grants it holds. */
export interface MyBusinessCenter {
  account: Account;
  grants: number;
}

/** The Business Centers recorded as mine (live), by name, with their live grants counted. */
export async function listMyBusinessCenters(db: RegisterDb): Promise<MyBusinessCenter[]> {
  const accounts = (await db.accounts.where('ownership').equals('mine').toArray()).filter(
    (a) => a.kind === 'businessCenter' && a.deletedAt === null,
  );
  const out: MyBusinessCenter[] = [];
  for (const account of accounts) {
    const grants = await db.grants
      .where('accountId')
      .equals(account.id)
      .filter((g) => g.deletedAt === null)
      .count();
    out.push({ account, grants });
  }
  return out.sort(
    (a, b) =>
      (a.account.name || a.account.externalId).localeCompare(
        b.account.name || b.account.externalId,
      ) || a.account.externalId.localeCompare(b.account.externalId),
  );
}

/**
 * Forget that a Business Center is mine, so its question is asked again on the next visit (the
 * picker or its Members page). Only one that holds no live grant: the members recorded on one
 * are the register's own rows, changed in the register, not here. Returns whether it was forgotten.
 */
export async function forgetBusinessCenterMine(
  db: RegisterDb,
  accountId: string,
  ctx: Pick<WriteContext, 'now'>,
): Promise<boolean> {
  const now = ctx.now.toISOString();
  return db.transaction('rw', db.accounts, db.grants, async () => {
    const acc = await db.accounts.get(accountId);
    if (!acc || acc.deletedAt !== null || acc.ownership !== 'mine') return false;
    if (acc.kind !== 'businessCenter') return false;
    const live = await db.grants
      .where('accountId')
      .equals(acc.id)
      .filter((g) => g.deletedAt === null)
      .count();
    if (live > 0) return false;
    // Soft-deleted, like every row the register lets go of (a backup keeps it; the next answer
    // brings it back as mine or as a client's).
    await db.accounts.put(revisedRow(acc, { deletedAt: now }, now));
    return true;
  });
}
