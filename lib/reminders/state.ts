/**
 * Reminder state in the register (schema v2 `reminders` store) and the review that settles a
 * review reminder. Everything that must survive a service-worker restart is written here, never
 * kept in memory.
 */
import type { RegisterDb } from '../register/db';
import {
  GrantNotFoundError,
  dayAfter,
  listGrantViews,
  revisedRow,
  updateGrant,
} from '../register/grants';
import type {
  Account,
  Grant,
  Party,
  RegisterEvent,
  ReminderKind,
  ReminderState,
} from '../register/schema';
import { reminderState } from '../register/schema';
import { bcAccessUrl, bcAssetAccessUrl } from '../tiktok/routes';
import type { ReminderPlan } from './schedule';
import { planReminders, reminderId, reviewDueOn, sameTimeDaysLater } from './schedule';
import type { ReminderSettings } from '../settings/schema';

/** The parts of a reminder id. */
export interface ReminderRef {
  kind: ReminderKind;
  grantId: string;
  dueOn: string;
}

/** Read `${kind}:${grantId}:${dueOn}`; throws on anything else. */
export function parseReminderId(id: string): ReminderRef {
  const m = /^(review|invitation|contract):([0-9a-f-]{36}):(\d{4}-\d{2}-\d{2})$/.exec(id);
  if (!m) throw new RangeError(`Not a reminder id: ${id}`);
  return { kind: m[1] as ReminderKind, grantId: m[2]!, dueOn: m[3]! };
}

/** Change one reminder's state, creating its row on first use (sync-ready: rev, timestamps). */
async function upsertState(
  db: RegisterDb,
  id: string,
  now: Date,
  patch: Partial<Pick<ReminderState, 'shownAt' | 'claimedAt' | 'snoozedUntil' | 'doneAt'>>,
): Promise<ReminderState> {
  const at = now.toISOString();
  const current = await db.reminders.get(id);
  const ref = parseReminderId(id);
  const next = reminderState.parse(
    current
      ? revisedRow<ReminderState>(current, patch, at)
      : {
          id,
          ...ref,
          createdAt: at,
          updatedAt: at,
          rev: 1,
          shownAt: null,
          claimedAt: null,
          snoozedUntil: null,
          doneAt: null,
          ...patch,
        },
  );
  await db.reminders.put(next);
  return next;
}

/**
 * Work out the plan and, in the same transaction, claim what is about to be notified. Two runs
 * at once (an alarm and a start-up, say) are serialised by IndexedDB, so the second finds the
 * first's claims and notifies nothing twice. A claim is not "shown": {@link markShown} says so
 * once the notification exists, and a claim the worker never followed up lapses (the reminder
 * is shown again), so a worker stopped in between loses no reminder.
 */
export async function claimPlan(
  db: RegisterDb,
  settings: ReminderSettings,
  now: Date,
): Promise<ReminderPlan> {
  return db.transaction('rw', [db.grants, db.accounts, db.parties, db.reminders], async () => {
    const [grants, states] = await Promise.all([listGrantViews(db), db.reminders.toArray()]);
    const plan = planReminders(grants, states, settings, now);
    for (const r of plan.toNotify)
      await upsertState(db, r.id, now, { claimedAt: now.toISOString() });
    return plan;
  });
}

/** Record that the notification for these claimed reminders now exists. */
export async function markShown(db: RegisterDb, ids: readonly string[], now: Date): Promise<void> {
  await db.transaction('rw', db.reminders, async () => {
    for (const id of ids) await upsertState(db, id, now, { shownAt: now.toISOString() });
  });
}

/** Give back {@link claimPlan}'s claim for reminders whose notification could not be shown. */
export async function unclaim(db: RegisterDb, ids: readonly string[], now: Date): Promise<void> {
  await db.transaction('rw', db.reminders, async () => {
    for (const id of ids) await upsertState(db, id, now, { claimedAt: null });
  });
}

/** Snooze reminders for `days` calendar days (same local time of day). */
export async function snoozeReminders(
  db: RegisterDb,
  ids: readonly string[],
  days: number,
  now: Date,
): Promise<Date> {
  const until = sameTimeDaysLater(now, days);
  await db.transaction('rw', db.reminders, async () => {
    for (const id of ids) await upsertState(db, id, now, { snoozedUntil: until.toISOString() });
  });
  return until;
}

/** Mark reminders as dealt with: never shown or counted again. */
export async function dismissReminders(
  db: RegisterDb,
  ids: readonly string[],
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.reminders, async () => {
    for (const id of ids) await upsertState(db, id, now, { doneAt: now.toISOString() });
  });
}

/** The in-page checklist a review decision leads to (the checklist itself is a later issue). */
export type ChecklistHint = 'review' | 'lower' | 'revoke' | 'resend';

/**
 * The Business Center page where this grant is managed, in the Business Center that owns the
 * account: Members for a person, Partners for a partner BC; a person's permission on an ad
 * account is reviewed and lowered on that ad account's own page (its Members tab), where the
 * lower-member checklist runs. Revoking and re-sending stay on Members: the revoke checklist
 * removes the person there, and invitations are the Business Center's. Null when that BC is not
 * known. A hint for the in-page checklist rides in the fragment, which is never sent to TikTok;
 * carrying out a campaign's decision adds the campaign item it is for, so the finished checklist
 * can be counted against it.
 */
export function businessCenterUrl(
  info: {
    grant: Pick<Grant, 'id'>;
    account: Pick<Account, 'kind' | 'externalId' | 'ownerBcId'> | null | undefined;
    party: Pick<Party, 'kind'> | null | undefined;
  },
  hint?: ChecklistHint,
  campaignItemId?: string,
): string | null {
  const a = info.account;
  const orgId = a?.kind === 'businessCenter' ? a.externalId : (a?.ownerBcId ?? null);
  if (!orgId) return null;
  const onAsset =
    a?.kind === 'adAccount' &&
    info.party?.kind !== 'partnerBc' &&
    (hint === undefined || hint === 'review' || hint === 'lower');
  const url = new URL(
    onAsset
      ? bcAssetAccessUrl(orgId, a.externalId)
      : bcAccessUrl(orgId, info.party?.kind === 'partnerBc' ? 'partners' : 'members'),
  );
  if (hint)
    url.hash = new URLSearchParams({
      'access-companion': hint,
      grant: info.grant.id,
      ...(campaignItemId ? { item: campaignItemId } : {}),
    }).toString();
  return url.href;
}

/** What a review decided, and where to carry it out when access must change. */
export interface ReviewOutcome {
  grant: Grant;
  /** For `lower` and `revoke`: the Business Center page with the matching checklist's hint. */
  checklistUrl: string | null;
}

/**
 * Record a review through the register (an event of type `reviewed` with the decision and the
 * grant's snapshot before and after) and reschedule the next one a cadence from now. Review
 * reminders for this grant that were due are marked done.
 */
export async function reviewGrant(
  db: RegisterDb,
  grantId: string,
  decision: NonNullable<RegisterEvent['decision']>,
  now: Date,
  note = '',
): Promise<ReviewOutcome> {
  const current = await db.grants.get(grantId);
  if (!current || current.deletedAt !== null) {
    throw new GrantNotFoundError(`No grant ${grantId} in the register.`);
  }
  const grant = await updateGrant(
    db,
    grantId,
    current.rev,
    { lastReviewedAt: now.toISOString(), nextReviewOn: dayAfter(now, current.reviewCadenceDays) },
    { source: 'manual', now, decision, note },
  );
  const due = await db.reminders.where('grantId').equals(grantId).toArray();
  const open = due.filter((s) => s.kind === 'review' && s.doneAt === null).map((s) => s.id);
  await dismissReminders(
    db,
    [...new Set([...open, reminderId('review', grantId, reviewDueOn(current))])],
    now,
  );
  let checklistUrl: string | null = null;
  if (decision !== 'keep') {
    const [account, party] = await Promise.all([
      db.accounts.get(grant.accountId),
      db.parties.get(grant.partyId),
    ]);
    checklistUrl = businessCenterUrl({ grant, account, party }, decision);
  }
  return { grant, checklistUrl };
}
