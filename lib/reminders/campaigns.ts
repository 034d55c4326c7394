/**
 * Reminders for access review campaigns, on the same lifecycle as a grant's reminders: a
 * stable id per campaign and due date, claimed in the transaction that plans it, counted as
 * shown only once its notification exists, shown again when a claim lapses without it, and
 * respecting the notification switch and quiet hours. Two stages: the due date nears
 * ({@link CAMPAIGN_DUE_SOON_DAYS} days before) and it has passed (the day after); only the latest
 * stage reached is live, and neither applies once every item is decided or the campaign closed.
 */
import { scopeDescription } from '../campaigns/words';
import { formatNumber, t } from '../i18n';
import type {
  Campaign,
  CampaignReminderKind,
  CampaignReminderState,
} from '../register/campaign-schema';
import { campaignReminderState } from '../register/campaign-schema';
import type { RegisterDb } from '../register/db';
import { revisedRow } from '../register/rules';
import type { ReminderSettings } from '../settings/schema';
import { CLAIM_LEASE_MS, addDays, inQuietHours, quietHoursEnd, startOfDay } from './schedule';

/** How many days before a campaign's due date the first reminder comes. */
export const CAMPAIGN_DUE_SOON_DAYS = 3;

/** A campaign with what its reminder says: how many items are still undecided. */
export interface CampaignInfo {
  campaign: Campaign;
  undecided: number;
}

/** One campaign reminder, due or not yet. */
export interface PlannedCampaignReminder {
  /** `${kind}:${campaignId}:${dueOn}`. */
  id: string;
  kind: CampaignReminderKind;
  campaignId: string;
  /** The campaign's due date. */
  dueOn: string;
  /** When this stage starts. */
  dueAt: Date;
  info: CampaignInfo;
}

/** What the campaign reminders look like at one moment (as {@link ReminderPlan} for grants). */
export interface CampaignReminderPlan {
  due: PlannedCampaignReminder[];
  toNotify: PlannedCampaignReminder[];
  nextWakeAt: Date | null;
}

/** The stable id of a campaign reminder. */
export function campaignReminderId(
  kind: CampaignReminderKind,
  campaignId: string,
  dueOn: string,
): string {
  return `${kind}:${campaignId}:${dueOn}`;
}

/** Both stages of a campaign's reminder; none when nothing is left to decide. */
export function remindersOfCampaign(info: CampaignInfo): PlannedCampaignReminder[] {
  const c = info.campaign;
  if (c.closedAt !== null || info.undecided === 0) return [];
  const make = (kind: CampaignReminderKind, day: string): PlannedCampaignReminder => ({
    id: campaignReminderId(kind, c.id, c.dueOn),
    kind,
    campaignId: c.id,
    dueOn: c.dueOn,
    dueAt: startOfDay(day),
    info,
  });
  return [
    make('campaignDueSoon', addDays(c.dueOn, -CAMPAIGN_DUE_SOON_DAYS)),
    make('campaignOverdue', addDays(c.dueOn, 1)),
  ];
}

function time(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** What is due, what to notify and when to look again, for every campaign. Pure. */
export function planCampaignReminders(
  infos: readonly CampaignInfo[],
  states: readonly CampaignReminderState[],
  settings: Pick<ReminderSettings, 'notificationsEnabled' | 'quietHours'>,
  now: Date,
): CampaignReminderPlan {
  const stateById = new Map(states.map((s) => [s.id, s]));
  const at = now.getTime();
  const due: PlannedCampaignReminder[] = [];
  const toNotify: PlannedCampaignReminder[] = [];
  const wakes: number[] = [];
  for (const info of infos) {
    const stages = remindersOfCampaign(info);
    const reached = stages.filter((r) => r.dueAt.getTime() <= at);
    for (const r of stages) if (r.dueAt.getTime() > at) wakes.push(r.dueAt.getTime());
    const live = reached.at(-1);
    if (!live) continue;
    const state = stateById.get(live.id);
    if (state?.doneAt) continue;
    due.push(live);
    if (time(state?.shownAt) !== null) continue;
    const claimedAt = time(state?.claimedAt);
    if (claimedAt !== null && claimedAt <= at && at - claimedAt < CLAIM_LEASE_MS) {
      wakes.push(claimedAt + CLAIM_LEASE_MS);
      continue;
    }
    toNotify.push(live);
  }
  let notify = settings.notificationsEnabled ? toNotify : [];
  if (notify.length > 0 && inQuietHours(now, settings.quietHours)) {
    wakes.push(quietHoursEnd(now, settings.quietHours).getTime());
    notify = [];
  }
  const next = wakes.filter((w) => w > at);
  return { due, toNotify: notify, nextWakeAt: next.length ? new Date(Math.min(...next)) : null };
}

async function upsertState(
  db: RegisterDb,
  reminder: Pick<PlannedCampaignReminder, 'id' | 'kind' | 'campaignId' | 'dueOn'>,
  now: Date,
  patch: Partial<Pick<CampaignReminderState, 'shownAt' | 'claimedAt' | 'doneAt'>>,
): Promise<void> {
  const at = now.toISOString();
  const current = await db.campaignReminders.get(reminder.id);
  await db.campaignReminders.put(
    campaignReminderState.parse(
      current
        ? revisedRow<CampaignReminderState>(current, patch, at)
        : {
            id: reminder.id,
            kind: reminder.kind,
            campaignId: reminder.campaignId,
            dueOn: reminder.dueOn,
            createdAt: at,
            updatedAt: at,
            rev: 1,
            shownAt: null,
            claimedAt: null,
            doneAt: null,
            ...patch,
          },
    ),
  );
}

/** Open campaigns with their undecided counts, read from the register. */
export async function campaignInfos(db: RegisterDb): Promise<CampaignInfo[]> {
  const campaigns = (await db.campaigns.toArray()).filter((c) => c.closedAt === null);
  return Promise.all(
    campaigns.map(async (campaign) => ({
      campaign,
      undecided: await db.campaignItems
        .where('[campaignId+position]')
        .between([campaign.id, 0], [campaign.id, Number.MAX_SAFE_INTEGER])
        .filter((i) => i.decision === null)
        .count(),
    })),
  );
}

/**
 * Plan the campaign reminders and, in the same transaction, claim what is about to be notified,
 * so two runs at once notify nothing twice (see `claimPlan` for grants).
 */
export async function claimCampaignPlan(
  db: RegisterDb,
  settings: Pick<ReminderSettings, 'notificationsEnabled' | 'quietHours'>,
  now: Date,
): Promise<CampaignReminderPlan> {
  return db.transaction('rw', [db.campaigns, db.campaignItems, db.campaignReminders], async () => {
    const [infos, states] = await Promise.all([campaignInfos(db), db.campaignReminders.toArray()]);
    const plan = planCampaignReminders(infos, states, settings, now);
    for (const r of plan.toNotify) await upsertState(db, r, now, { claimedAt: now.toISOString() });
    return plan;
  });
}

/** Record that these claimed reminders' notification now exists. */
export async function markCampaignShown(
  db: RegisterDb,
  reminders: readonly PlannedCampaignReminder[],
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.campaignReminders, async () => {
    for (const r of reminders) await upsertState(db, r, now, { shownAt: now.toISOString() });
  });
}

/** Give back the claim of reminders whose notification could not be shown. */
export async function unclaimCampaign(
  db: RegisterDb,
  reminders: readonly PlannedCampaignReminder[],
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.campaignReminders, async () => {
    for (const r of reminders) await upsertState(db, r, now, { claimedAt: null });
  });
}

/** A campaign reminder's title and message. Days stay ISO, as the grants' reminders write them. */
export function describeCampaignReminder(r: PlannedCampaignReminder): {
  title: string;
  message: string;
} {
  const c = r.info.campaign;
  return {
    title: t(
      r.kind === 'campaignOverdue' ? 'reminders_campaign_overdue' : 'reminders_campaign_dueSoon',
      c.dueOn,
    ),
    message: t(
      'reminders_campaign_message',
      scopeDescription(c),
      formatNumber(r.info.undecided),
      formatNumber(c.itemCount),
      c.reviewer,
    ),
  };
}
