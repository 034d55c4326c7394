/**
 * Reminders in the background: one alarm at the next due time plus a daily safety sweep,
 * notifications with their buttons, and the toolbar badge. The listeners that call these are
 * registered by the background (lib/background/reminder-handlers.ts).
 *
 * An MV3 service worker can be stopped at any moment and is woken by events, so every run
 * starts from the register and storage, and nothing waits in memory or in `setTimeout`.
 */
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import type { MessageKey } from '../i18n';
import { formatNumber, t } from '../i18n';
import type { RegisterDb } from '../register/db';
import { registerDb } from '../register/db';
import { listGrantViews } from '../register/grants';
import type { CampaignReminderPlan, PlannedCampaignReminder } from './campaigns';
import {
  claimCampaignPlan,
  describeCampaignReminder,
  markCampaignShown,
  unclaimCampaign,
} from './campaigns';
import type { GrantInfo, PlannedReminder, ReminderPlan } from './schedule';
import { partyInSentence, roleNames } from '../register/labels';
import { describeReminder } from './schedule';
import { loadReminderSettings } from '../settings';
import {
  businessCenterUrl,
  claimPlan,
  dismissReminders,
  markShown,
  unclaim,
  parseReminderId,
  reviewGrant,
  snoozeReminders,
} from './state';

/** The alarm set for the next moment anything falls due. */
export const NEXT_ALARM = 'reminders:next';
/** A daily sweep, in case the next-due alarm was lost (clock changes, a crash mid-run). */
export const SWEEP_ALARM = 'reminders:sweep';
const SWEEP_MINUTES = 24 * 60;

/** What a notification's button does. Chrome shows at most two buttons; Firefox none. */
export type NotificationAction =
  | 'open-bc'
  | 'open-register'
  | 'mark-reviewed'
  | 'snooze-day'
  | 'open-list'
  | 'snooze-all-day'
  | 'open-review';

/** What each notification stands for, kept so a click after a restart still knows. */
export interface NotificationRecord {
  reminderIds: string[];
  grantId: string | null;
  /** The button actions, in button order (empty where buttons are not supported). */
  buttons: NotificationAction[];
  /** Where a click on the notification's body goes. */
  openUrl: string;
  /** Where "Open in Business Center" goes, when the org is known. */
  bcUrl: string | null;
  /** When it was shown (a record is only pruned once it is a minute old, never mid-show). */
  shownAt: string;
}

/** The options of the last notification shown, for the e2e test and for debugging. */
export const lastNotificationItem = storage.defineItem<{
  id: string;
  options: { title: string; message: string; buttons: string[] };
} | null>('local:reminders-last-notification', { fallback: null });

/** When the reminders last ran and what they found: for the options page, DevTools and tests. */
export const lastRunItem = storage.defineItem<{
  at: string;
  due: number;
  nextWakeAt: string | null;
} | null>('local:reminders-last-run', { fallback: null });

const notificationKey = (id: string) => `local:reminder-notification:${id}` as const;

export interface ReminderDeps {
  now: () => Date;
  db: () => RegisterDb;
  /** Chrome has notification buttons; Firefox has none (clicking opens the register instead). */
  supportsButtons: boolean;
}

const BUTTON_LABELS: Record<NotificationAction, MessageKey> = {
  'open-bc': 'reminders_button_openBc',
  'open-register': 'reminders_button_openRegister',
  'mark-reviewed': 'reminders_button_markReviewed',
  'snooze-day': 'reminders_button_snoozeDay',
  'open-list': 'reminders_button_showAll',
  'snooze-all-day': 'reminders_button_snoozeAllDay',
  'open-review': 'reminders_button_openReview',
};

const GROUP_REASONS: Record<PlannedReminder['kind'], MessageKey> = {
  review: 'reminders_group_review',
  invitation: 'reminders_group_invitation',
  contract: 'reminders_group_contract',
};

function registerUrl(grantId: string): string {
  return `${browser.runtime.getURL('/register.html')}#grant=${encodeURIComponent(grantId)}`;
}

function optionsDueUrl(): string {
  return `${browser.runtime.getURL('/options.html')}#due`;
}

/**
 * How one notification looks and what its buttons do. Two buttons at most (Chrome's limit):
 * a review offers "Open in Business Center" and "Mark reviewed" (the usual outcome); an
 * invitation or contract offers "Open in Business Center" and "Snooze 1 day". The body opens the
 * grant in the register (all Firefox offers). A week's snooze, snoozing a review, dismissing, and
 * lowering or revoking are on the options page's "Due now" list, which a grouped notification's
 * body and its "Show all" open.
 */
export function notificationFor(
  due: readonly PlannedReminder[],
  now: Date,
  supportsButtons: boolean,
): { title: string; message: string; record: NotificationRecord } {
  const [first] = due;
  if (!first) throw new RangeError('Nothing to notify.');
  if (due.length === 1) {
    const { title, message } = describeReminder(first, now);
    const bcUrl = businessCenterUrl(
      first.info,
      first.kind === 'invitation' ? 'resend' : first.kind === 'review' ? 'review' : 'revoke',
    );
    const open: NotificationAction = bcUrl ? 'open-bc' : 'open-register';
    const buttons: NotificationAction[] =
      first.kind === 'review' ? [open, 'mark-reviewed'] : [open, 'snooze-day'];
    return {
      title,
      message,
      record: {
        reminderIds: [first.id],
        grantId: first.grantId,
        buttons: supportsButtons ? buttons : [],
        openUrl: registerUrl(first.grantId),
        bcUrl,
        shownAt: now.toISOString(),
      },
    };
  }
  const lines = due.map((r) =>
    t(
      'reminders_group_line',
      t(GROUP_REASONS[r.kind]),
      partyInSentence(r.info),
      roleNames(r.info.grant),
    ),
  );
  return {
    title: t('reminders_group_title', formatNumber(due.length)),
    message:
      lines.slice(0, 6).join('\n') +
      (lines.length > 6 ? `\n${t('reminders_group_more', formatNumber(lines.length - 6))}` : ''),
    record: {
      reminderIds: due.map((r) => r.id),
      grantId: null,
      buttons: supportsButtons ? ['open-list', 'snooze-all-day'] : [],
      openUrl: optionsDueUrl(),
      bcUrl: null,
      shownAt: now.toISOString(),
    },
  };
}

async function showNotification(due: readonly PlannedReminder[], deps: ReminderDeps) {
  if (due.length === 0) return;
  const now = deps.now();
  const { title, message, record } = notificationFor(due, now, deps.supportsButtons);
  // A stable id for one reminder: showing it again replaces it rather than stacking a copy.
  const id =
    due.length === 1 ? `reminder|${record.reminderIds[0]}` : `reminders|${now.toISOString()}`;
  await present(id, title, message, record, deps);
}

/** A campaign reminder's notification: its body and its one button open the campaign. */
export function campaignNotificationFor(
  r: PlannedCampaignReminder,
  now: Date,
  supportsButtons: boolean,
): { title: string; message: string; record: NotificationRecord } {
  return {
    ...describeCampaignReminder(r),
    record: {
      reminderIds: [r.id],
      grantId: null,
      buttons: supportsButtons ? ['open-review'] : [],
      openUrl: `${browser.runtime.getURL('/register.html')}#campaign=${r.campaignId}`,
      bcUrl: null,
      shownAt: now.toISOString(),
    },
  };
}

/**
 * Notify the campaign reminders due, each on its own (a campaign is one thing to open), and
 * count them shown only once their notifications exist, as for grants.
 */
async function runCampaignReminders(
  deps: ReminderDeps,
  settings: Awaited<ReturnType<typeof loadReminderSettings>>,
): Promise<CampaignReminderPlan> {
  const plan = await claimCampaignPlan(deps.db(), settings, deps.now());
  if (plan.toNotify.length === 0) return plan;
  try {
    for (const r of plan.toNotify) {
      const { title, message, record } = campaignNotificationFor(
        r,
        deps.now(),
        deps.supportsButtons,
      );
      await present(`campaign-reminder|${r.id}`, title, message, record, deps);
    }
    await markCampaignShown(deps.db(), plan.toNotify, deps.now());
  } catch (error) {
    reportReminderError('notify')(error);
    await unclaimCampaign(deps.db(), plan.toNotify, deps.now());
  }
  return plan;
}

/** Keep what a notification stands for, then show it. */
async function present(
  id: string,
  title: string,
  message: string,
  record: NotificationRecord,
  deps: ReminderDeps,
): Promise<void> {
  await storage.setItem<NotificationRecord>(notificationKey(id), record);
  const buttons = record.buttons.map((a) => ({ title: t(BUTTON_LABELS[a]) }));
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    // Firefox refuses properties it does not know, so only Chrome gets these.
    ...(deps.supportsButtons ? { buttons, priority: 1, requireInteraction: true } : {}),
  });
  await lastNotificationItem.setValue({
    id,
    options: { title, message, buttons: buttons.map((b) => b.title) },
  });
}

/** Forget what notifications stood for once they are gone (closed while the worker slept). */
async function pruneNotificationRecords(now: Date): Promise<void> {
  const open = await browser.notifications.getAll();
  const all = await browser.storage.local.get(null);
  const cutoff = now.getTime() - 60_000;
  const stale = Object.entries(all)
    .filter(([key]) => key.startsWith('reminder-notification:'))
    .filter(([key]) => !(key.slice('reminder-notification:'.length) in open))
    .filter(([, record]) => Date.parse((record as NotificationRecord).shownAt) < cutoff)
    .map(([key]) => key);
  if (stale.length) await browser.storage.local.remove(stale);
}

async function setBadge(count: number): Promise<void> {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  if (count > 0) await action.setBadgeBackgroundColor({ color: '#c4163b' });
  await action.setTitle({
    title:
      count > 0
        ? t(count === 1 ? 'reminders_badge_one' : 'reminders_badge_many', formatNumber(count))
        : t('extension_name'),
  });
}

async function scheduleNext(...wakes: (Date | null)[]): Promise<void> {
  const times = wakes.filter((w): w is Date => w !== null).map((w) => w.getTime());
  if (times.length) await browser.alarms.create(NEXT_ALARM, { when: Math.min(...times) });
  else await browser.alarms.clear(NEXT_ALARM);
}

/** Make sure the daily sweep exists, without moving it when it does. */
export async function ensureSweepAlarm(): Promise<void> {
  const existing = await browser.alarms.get(SWEEP_ALARM);
  if (!existing) {
    await browser.alarms.create(SWEEP_ALARM, {
      delayInMinutes: SWEEP_MINUTES,
      periodInMinutes: SWEEP_MINUTES,
    });
  }
}

/**
 * One pass: work out what is due, notify what is new (grouped when several), set the badge and
 * the next alarm. Safe to run any number of times: nothing is notified twice.
 */
export async function runReminders(deps: ReminderDeps): Promise<ReminderPlan> {
  const settings = await loadReminderSettings();
  const plan = await claimPlan(deps.db(), settings, deps.now());
  try {
    await showNotification(plan.toNotify, deps);
    // Shown only now that the notification exists: a worker stopped before this line leaves a
    // claim that lapses, and the next run shows the reminder again.
    await markShown(
      deps.db(),
      plan.toNotify.map((r) => r.id),
      deps.now(),
    );
  } catch (error) {
    // Claimed but not shown: give the claim back so the next run (at the latest the daily
    // sweep) tries again, and still set the badge and the alarm below.
    reportReminderError('notify')(error);
    await unclaim(
      deps.db(),
      plan.toNotify.map((r) => r.id),
      deps.now(),
    );
  }
  const campaignPlan = await runCampaignReminders(deps, settings);
  await pruneNotificationRecords(deps.now());
  await setBadge(plan.due.length + campaignPlan.due.length);
  await scheduleNext(plan.nextWakeAt, campaignPlan.nextWakeAt);
  await lastRunItem.setValue({
    at: deps.now().toISOString(),
    due: plan.due.length + campaignPlan.due.length,
    nextWakeAt: plan.nextWakeAt?.toISOString() ?? null,
  });
  return plan;
}

/** Re-create both alarms and run: on worker start, browser start, install and update. */
export async function startReminders(deps: ReminderDeps): Promise<ReminderPlan> {
  await ensureSweepAlarm();
  return runReminders(deps);
}

/** What the due list and the notifications can do to one reminder. */
export type ReminderAction = 'markReviewed' | 'snoozeDay' | 'snoozeWeek' | 'dismiss';

/** Act on reminders (from a notification or an extension page), then run again. */
export async function actOnReminders(
  ids: readonly string[],
  action: ReminderAction,
  deps: ReminderDeps,
): Promise<ReminderPlan> {
  const db = deps.db();
  const now = deps.now();
  if (action === 'markReviewed') {
    for (const id of ids) {
      const ref = parseReminderId(id);
      if (ref.kind !== 'review')
        throw new RangeError(`Only a review can be marked reviewed (${id}).`);
      await reviewGrant(db, ref.grantId, 'keep', now, t('reminders_markedReviewedNote'));
    }
  } else if (action === 'snoozeDay' || action === 'snoozeWeek') {
    await snoozeReminders(db, ids, action === 'snoozeDay' ? 1 : 7, now);
  } else {
    await dismissReminders(db, ids, now);
  }
  return runReminders(deps);
}

async function forget(notificationId: string): Promise<NotificationRecord | null> {
  const record = await storage.getItem<NotificationRecord>(notificationKey(notificationId));
  await storage.removeItem(notificationKey(notificationId));
  await browser.notifications.clear(notificationId);
  return record;
}

/**
 * A notification's button was clicked (Chrome). Opening a page leaves the notification up, so
 * "Mark reviewed" is still there after a look at Business Center; acting on it closes it.
 */
export async function onNotificationButton(
  notificationId: string,
  buttonIndex: number,
  deps: ReminderDeps,
): Promise<void> {
  const record = await storage.getItem<NotificationRecord>(notificationKey(notificationId));
  if (!record) return;
  const action = record.buttons[buttonIndex];
  switch (action) {
    case 'open-bc':
      await browser.tabs.create({ url: record.bcUrl ?? record.openUrl });
      return;
    case 'open-register':
    case 'open-list':
    case 'open-review':
      await browser.tabs.create({ url: record.openUrl });
      return;
    case 'mark-reviewed':
      await forget(notificationId);
      await actOnReminders(record.reminderIds, 'markReviewed', deps);
      return;
    case 'snooze-day':
    case 'snooze-all-day':
      await forget(notificationId);
      await actOnReminders(record.reminderIds, 'snoozeDay', deps);
      return;
    case undefined:
      return;
  }
}

/** A notification's body was clicked: open the grant in the register (or the due list). */
export async function onNotificationClick(notificationId: string): Promise<void> {
  const record = await forget(notificationId);
  if (record) await browser.tabs.create({ url: record.openUrl });
}

/** The grants with their accounts and parties, for pages that show the due list. */
export function loadGrantInfos(db: RegisterDb = registerDb()): Promise<GrantInfo[]> {
  return listGrantViews(db);
}

/** What a running worker uses: the clock, the register, and Chrome's notification buttons. */
export function defaultReminderDeps(): ReminderDeps {
  return {
    now: () => new Date(),
    db: registerDb,
    supportsButtons: !import.meta.env.FIREFOX,
  };
}

/** Log what a reminder run or a notification's action could not do (a listener has no caller). */
export function reportReminderError(what: string) {
  return (error: unknown) => console.error(`Access Companion: reminders could not ${what}`, error);
}

/** A notification was closed: what it stood for is no longer needed. */
export function forgetNotificationRecord(notificationId: string): Promise<void> {
  return storage.removeItem(notificationKey(notificationId));
}
