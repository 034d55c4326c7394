/**
 * What the reminders do in the background: one run (what is due, its notifications, the badge
 * and the next alarm), and acting on reminders from a notification or an extension page. The
 * listeners that call these are registered by the background (lib/background/reminder-handlers.ts),
 * which hands them the clock, the register and the browser's abilities as {@link ReminderDeps}.
 *
 * An MV3 service worker can be stopped at any moment and is woken by events, so every run
 * starts from the register and storage, and nothing waits in memory or in `setTimeout`.
 */
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { t } from '../i18n';
import type { RegisterDb } from '../register/db';
import { registerDb } from '../register/db';
import type { ReminderSettings } from '../settings';
import { loadReminderSettings } from '../settings';
import { ensureSweepAlarm, scheduleNextAlarm } from './alarms';
import { setBadge } from './badge';
import type { CampaignReminderPlan } from './campaigns';
import { claimCampaignPlan, markCampaignShown, unclaimCampaign } from './campaigns';
import {
  campaignNotificationFor,
  closeNotification,
  notificationFor,
  notificationId,
  notificationRecord,
  presentNotification,
  pruneNotificationRecords,
} from './notifications';
import type { ReminderPlan } from './schedule';
import {
  claimPlan,
  dismissReminders,
  markShown,
  parseReminderId,
  reviewGrant,
  snoozeReminders,
  unclaim,
} from './state';

/** What a run depends on, so tests can set the clock and the browser's abilities. */
export interface ReminderDeps {
  now: () => Date;
  db: () => RegisterDb;
  /** Chrome has notification buttons; Firefox has none (clicking opens the register instead). */
  supportsButtons: boolean;
}

/** What a running worker uses: the clock, the register, and Chrome's notification buttons. */
export function defaultReminderDeps(): ReminderDeps {
  return {
    now: () => new Date(),
    db: registerDb,
    supportsButtons: !import.meta.env.FIREFOX,
  };
}

/** When the reminders last ran and what they found: for the options page, DevTools and tests. */
export const lastRunItem = storage.defineItem<{
  at: string;
  due: number;
  nextWakeAt: string | null;
} | null>('local:reminders-last-run', { fallback: null });

/** Log what a reminder run or a notification's action could not do (a listener has no caller). */
export function reportReminderError(what: string) {
  return (error: unknown) => console.error(`Access Companion: reminders could not ${what}`, error);
}

/**
 * Notify the grant reminders due (grouped when several), and count them shown only once their
 * notification exists.
 */
async function runGrantReminders(
  deps: ReminderDeps,
  settings: ReminderSettings,
): Promise<ReminderPlan> {
  const plan = await claimPlan(deps.db(), settings, deps.now());
  const ids = plan.toNotify.map((r) => r.id);
  try {
    if (plan.toNotify.length > 0) {
      const now = deps.now();
      await presentNotification(
        notificationId(plan.toNotify, now),
        notificationFor(plan.toNotify, now, deps.supportsButtons),
        deps.supportsButtons,
      );
    }
    // Shown only now that the notification exists: a worker stopped before this line leaves a
    // claim that lapses, and the next run shows the reminder again.
    await markShown(deps.db(), ids, deps.now());
  } catch (error) {
    // Claimed but not shown: give the claim back so the next run (at the latest the daily
    // sweep) tries again, and still set the badge and the alarm.
    reportReminderError('notify')(error);
    await unclaim(deps.db(), ids, deps.now());
  }
  return plan;
}

/**
 * Notify the campaign reminders due, each on its own (a campaign is one thing to open), and
 * count them shown only once their notifications exist, as for grants.
 */
async function runCampaignReminders(
  deps: ReminderDeps,
  settings: ReminderSettings,
): Promise<CampaignReminderPlan> {
  const plan = await claimCampaignPlan(deps.db(), settings, deps.now());
  if (plan.toNotify.length === 0) return plan;
  try {
    for (const r of plan.toNotify) {
      await presentNotification(
        `campaign-reminder|${r.id}`,
        campaignNotificationFor(r, deps.now(), deps.supportsButtons),
        deps.supportsButtons,
      );
    }
    await markCampaignShown(deps.db(), plan.toNotify, deps.now());
  } catch (error) {
    reportReminderError('notify')(error);
    await unclaimCampaign(deps.db(), plan.toNotify, deps.now());
  }
  return plan;
}

/**
 * One pass: work out what is due, notify what is new (grouped when several), set the badge and
 * the next alarm. Safe to run any number of times: nothing is notified twice.
 */
export async function runReminders(deps: ReminderDeps): Promise<ReminderPlan> {
  const settings = await loadReminderSettings();
  const plan = await runGrantReminders(deps, settings);
  const campaignPlan = await runCampaignReminders(deps, settings);
  await pruneNotificationRecords(deps.now());
  await setBadge(plan.due.length + campaignPlan.due.length);
  await scheduleNextAlarm(plan.nextWakeAt, campaignPlan.nextWakeAt);
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

/**
 * A notification's button was clicked (Chrome). Opening a page leaves the notification up, so
 * "Mark reviewed" is still there after a look at Business Center; acting on it closes it.
 */
export async function onNotificationButton(
  id: string,
  buttonIndex: number,
  deps: ReminderDeps,
): Promise<void> {
  const record = await notificationRecord(id);
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
      await closeNotification(id);
      await actOnReminders(record.reminderIds, 'markReviewed', deps);
      return;
    case 'snooze-day':
    case 'snooze-all-day':
      await closeNotification(id);
      await actOnReminders(record.reminderIds, 'snoozeDay', deps);
      return;
    case undefined:
      return;
  }
}

/** A notification's body was clicked: open the grant in the register (or the due list). */
export async function onNotificationClick(id: string): Promise<void> {
  const record = await closeNotification(id);
  if (record) await browser.tabs.create({ url: record.openUrl });
}
