/**
 * Reminder scheduling as pure functions: given the register, the reminders' saved state, the
 * settings and the time now, what is due, what to notify, and when anything next changes.
 *
 * Days are the user's local calendar days (a review "due on 2027-03-01" is due from local
 * midnight that day), computed with local `Date` fields so that a daylight-saving change moves
 * no due date. Nothing here reads a clock, storage or the browser: tests pass a fixed `now`.
 */
import type { Account, Grant, Party, ReminderKind, ReminderState } from '../register/schema';
import { formatNumber, t } from '../i18n';
import { accountInSentence, partyInSentence, roleNames } from '../register/labels';
import type { QuietHours, ReminderSettings } from '../settings/schema';

/** A grant with its account and party, as the register joins them. */
export interface GrantInfo {
  grant: Grant;
  account: Account | undefined;
  party: Party | undefined;
}

/** One reminder a grant has, due or not yet. */
export interface PlannedReminder {
  /** `${kind}:${grantId}:${dueOn}`: stable across restarts and devices. */
  id: string;
  kind: ReminderKind;
  grantId: string;
  /** The local day it falls due. */
  dueOn: string;
  /** Local midnight starting `dueOn`. */
  dueAt: Date;
  /** For a contract: days before its end (0 = the end day). 0 for the other kinds. */
  leadDays: number;
  info: GrantInfo;
}

/** What the reminders look like at one moment. */
export interface ReminderPlan {
  /** Due now, not done and not snoozed: what the badge counts. Soonest due first. */
  due: PlannedReminder[];
  /** The part of `due` not yet shown since it fell due or its snooze ended. */
  toNotify: PlannedReminder[];
  /** True when notifications wait for quiet hours to end. */
  heldByQuietHours: boolean;
  /** The next moment the plan changes (something falls due, a snooze or quiet hours end). */
  nextWakeAt: Date | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the local calendar day `date` falls on. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function dayParts(day: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`Not a calendar day: ${day}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

/** Local midnight at the start of `day` (or the first instant of it, where DST skips midnight). */
export function startOfDay(day: string): Date {
  const [y, m, d] = dayParts(day);
  return new Date(y, m, d);
}

/** The calendar day `days` after `day` (negative goes back). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = dayParts(day);
  // Noon keeps the arithmetic clear of any DST gap; only the date fields are read back.
  return localDay(new Date(y, m, d + days, 12));
}

/** The same local time of day, `days` calendar days later (a 23- or 25-hour day counts as one). */
export function sameTimeDaysLater(from: Date, days: number): Date {
  return new Date(
    from.getFullYear(),
    from.getMonth(),
    from.getDate() + days,
    from.getHours(),
    from.getMinutes(),
    from.getSeconds(),
    from.getMilliseconds(),
  );
}

/** The stable id of a reminder. */
export function reminderId(kind: ReminderKind, grantId: string, dueOn: string): string {
  return `${kind}:${grantId}:${dueOn}`;
}

function validDate(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The day a grant's review is due: the register's `nextReviewOn` (written when the grant is
 * recorded and at each review), else last review, acceptance, invitation or creation + cadence.
 */
export function reviewDueOn(grant: Grant): string {
  if (grant.nextReviewOn) return grant.nextReviewOn;
  const since =
    validDate(grant.lastReviewedAt) ??
    validDate(grant.acceptedAt) ??
    validDate(grant.invitedAt) ??
    new Date(grant.createdAt);
  return addDays(localDay(since), grant.reviewCadenceDays);
}

/** Statuses in which someone holds access that should be reviewed. */
const HOLDS_ACCESS: ReadonlySet<Grant['status']> = new Set(['active', 'suspended']);
/** Statuses in which a contract's end still matters (access exists or is on its way). */
const CONTRACT_MATTERS: ReadonlySet<Grant['status']> = new Set(['invited', 'active', 'suspended']);

type Rules = Pick<ReminderSettings, 'staleInvitationDays' | 'contractLeadDays'>;

/** Every reminder a grant has under the rules: past, present and future. */
export function remindersOf(info: GrantInfo, rules: Rules): PlannedReminder[] {
  const g = info.grant;
  if (g.deletedAt !== null) return [];
  const make = (kind: ReminderKind, dueOn: string, leadDays = 0): PlannedReminder => ({
    id: reminderId(kind, g.id, dueOn),
    kind,
    grantId: g.id,
    dueOn,
    dueAt: startOfDay(dueOn),
    leadDays,
    info,
  });
  const out: PlannedReminder[] = [];
  if (HOLDS_ACCESS.has(g.status)) out.push(make('review', reviewDueOn(g)));
  const invitedAt = validDate(g.invitedAt);
  if (g.status === 'invited' && invitedAt) {
    out.push(make('invitation', addDays(localDay(invitedAt), rules.staleInvitationDays)));
  }
  if (g.contractEndsOn && CONTRACT_MATTERS.has(g.status)) {
    const leads = [...new Set([...rules.contractLeadDays, 0])].sort((a, b) => b - a);
    for (const lead of leads) out.push(make('contract', addDays(g.contractEndsOn, -lead), lead));
  }
  return out;
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether `now` falls in the quiet hours (which may run past midnight). */
export function inQuietHours(now: Date, quiet: QuietHours): boolean {
  if (!quiet.enabled) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const t = now.getHours() * 60 + now.getMinutes();
  return start < end ? t >= start && t < end : t >= start || t < end;
}

/** The next local time the quiet hours end, after `now`. */
export function quietHoursEnd(now: Date, quiet: QuietHours): Date {
  const end = minutesOf(quiet.end);
  const at = (dayOffset: number) =>
    new Date(now.getFullYear(), now.getMonth(), now.getDate() + dayOffset, 0, end);
  const today = at(0);
  return today.getTime() > now.getTime() ? today : at(1);
}

/**
 * How long a run's claim to show a reminder keeps other runs off it. Showing a notification
 * takes well under a second; a claim older than this belongs to a worker that stopped before
 * its notification existed, and the reminder is shown again.
 */
export const CLAIM_LEASE_MS = 60_000;

/**
 * What is due at `now`, what to notify, and when to look again.
 *
 * - A reminder is due from its day's local midnight until it is done (or its grant changes so
 *   it no longer applies: reviewed, accepted, revoked, contract moved).
 * - Of a contract's stages (14 days, 1 day, the day) only the latest one reached counts, so a
 *   computer that slept through two stages shows one reminder, not two.
 * - A reminder is notified once per due date, and once more after each snooze ends. It counts
 *   as notified once its notification exists (`shownAt`); one claimed by a run that never got
 *   that far is notified again when the claim lapses ({@link CLAIM_LEASE_MS}).
 */
export function planReminders(
  grants: readonly GrantInfo[],
  states: readonly ReminderState[],
  settings: ReminderSettings,
  now: Date,
): ReminderPlan {
  const stateById = new Map(states.map((s) => [s.id, s]));
  const t = now.getTime();
  const due: PlannedReminder[] = [];
  const toNotify: PlannedReminder[] = [];
  const wakes: number[] = [];

  for (const info of grants) {
    const all = remindersOf(info, settings);
    // Only the latest contract stage reached is live; earlier ones are superseded.
    const reachedContract = all.filter((r) => r.kind === 'contract' && r.dueAt.getTime() <= t);
    const liveContract = reachedContract.at(-1);
    for (const r of all) {
      const state = stateById.get(r.id);
      if (state?.doneAt) continue;
      if (r.dueAt.getTime() > t) {
        wakes.push(r.dueAt.getTime());
        continue;
      }
      if (r.kind === 'contract' && r !== liveContract) continue;
      const snoozedUntil = validDate(state?.snoozedUntil ?? null)?.getTime() ?? null;
      if (snoozedUntil !== null && snoozedUntil > t) {
        wakes.push(snoozedUntil);
        continue;
      }
      due.push(r);
      const shownAt = validDate(state?.shownAt ?? null)?.getTime() ?? null;
      const shownSinceSnooze =
        shownAt !== null && (snoozedUntil === null || shownAt >= snoozedUntil);
      if (shownSinceSnooze) continue;
      const claimedAt = validDate(state?.claimedAt ?? null)?.getTime() ?? null;
      const claimHeld =
        claimedAt !== null &&
        claimedAt <= t &&
        t - claimedAt < CLAIM_LEASE_MS &&
        (snoozedUntil === null || claimedAt >= snoozedUntil);
      if (claimHeld) {
        // Another run is showing it now. Should that run die first, look again at the lapse.
        wakes.push(claimedAt + CLAIM_LEASE_MS);
        continue;
      }
      toNotify.push(r);
    }
  }

  const bySoonest = (a: PlannedReminder, b: PlannedReminder) =>
    a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id);
  due.sort(bySoonest);
  toNotify.sort(bySoonest);

  let heldByQuietHours = false;
  let notify = settings.notificationsEnabled ? toNotify : [];
  if (notify.length > 0 && inQuietHours(now, settings.quietHours)) {
    heldByQuietHours = true;
    wakes.push(quietHoursEnd(now, settings.quietHours).getTime());
    notify = [];
  }
  const next = wakes.filter((w) => w > t);
  return {
    due,
    toNotify: notify,
    heldByQuietHours,
    nextWakeAt: next.length ? new Date(Math.min(...next)) : null,
  };
}

/** Whole local days from `from` to `to` (both calendar days). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = dayParts(from);
  const [y2, m2, d2] = dayParts(to);
  return Math.round((Date.UTC(y2, m2, d2) - Date.UTC(y1, m1, d1)) / 86_400_000);
}

/** A reminder's notification text: who, which account, which role and why. */
export function describeReminder(
  r: PlannedReminder,
  now: Date,
): { title: string; message: string } {
  const g = r.info.grant;
  const who = partyInSentence(r.info);
  const where = t('reminders_where', roleNames(g), accountInSentence(r.info));
  // Days stay ISO (YYYY-MM-DD): unambiguous in every language, and what the register shows.
  switch (r.kind) {
    case 'review':
      return {
        title: t('reminders_review_title', who),
        message: t('reminders_review_message', where, r.dueOn, formatNumber(g.reviewCadenceDays)),
      };
    case 'invitation': {
      const invited = g.invitedAt ? localDay(new Date(g.invitedAt)) : r.dueOn;
      const days = daysBetween(invited, localDay(now));
      return {
        title: t('reminders_invitation_title', who),
        message: t('reminders_invitation_message', formatNumber(days), where),
      };
    }
    case 'contract': {
      const left = daysBetween(localDay(now), g.contractEndsOn ?? r.dueOn);
      const when =
        left > 1
          ? t('reminders_contract_inDays', formatNumber(left))
          : left === 1
            ? t('reminders_contract_tomorrow')
            : left === 0
              ? t('reminders_contract_today')
              : t(
                  left === -1 ? 'reminders_contract_endedDay' : 'reminders_contract_endedDays',
                  formatNumber(-left),
                );
      return {
        title: t('reminders_contract_title', when, who),
        message: t('reminders_contract_message', where, g.contractEndsOn ?? ''),
      };
    }
  }
}
