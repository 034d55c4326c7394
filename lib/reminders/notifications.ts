/**
 * The reminders' notifications: how one looks, which buttons it has, and what it stands for.
 * What a notification stands for is kept in storage under its id, so a click that wakes a
 * fresh worker after a restart still knows which reminders it is about.
 */
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import type { MessageKey } from '../i18n';
import { formatNumber, t } from '../i18n';
import { partyInSentence, roleNames } from '../register/labels';
import type { PlannedCampaignReminder } from './campaigns';
import { describeCampaignReminder } from './campaigns';
import type { PlannedReminder } from './schedule';
import { describeReminder } from './schedule';
import { businessCenterUrl } from './state';

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

/** A notification ready to show: its words and what it stands for. */
export interface NotificationContent {
  title: string;
  message: string;
  record: NotificationRecord;
}

/** The options of the last notification shown, for the e2e test and for debugging. */
export const lastNotificationItem = storage.defineItem<{
  id: string;
  options: { title: string; message: string; buttons: string[] };
} | null>('local:reminders-last-notification', { fallback: null });

const RECORD_PREFIX = 'reminder-notification:';
const recordKey = (id: string) => `local:${RECORD_PREFIX}${id}` as const;

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
): NotificationContent {
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

/**
 * The id a grant reminders' notification is shown under: stable for one reminder, so showing it
 * again replaces it rather than stacking a copy.
 */
export function notificationId(due: readonly PlannedReminder[], now: Date): string {
  const [only, ...others] = due;
  return only && others.length === 0 ? `reminder|${only.id}` : `reminders|${now.toISOString()}`;
}

/** A campaign reminder's notification: its body and its one button open the campaign. */
export function campaignNotificationFor(
  r: PlannedCampaignReminder,
  now: Date,
  supportsButtons: boolean,
): NotificationContent {
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

/** Keep what a notification stands for, then show it. */
export async function presentNotification(
  id: string,
  { title, message, record }: NotificationContent,
  supportsButtons: boolean,
): Promise<void> {
  await storage.setItem<NotificationRecord>(recordKey(id), record);
  const buttons = record.buttons.map((a) => ({ title: t(BUTTON_LABELS[a]) }));
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    // Firefox refuses properties it does not know, so only Chrome gets these.
    ...(supportsButtons ? { buttons, priority: 1, requireInteraction: true } : {}),
  });
  await lastNotificationItem.setValue({
    id,
    options: { title, message, buttons: buttons.map((b) => b.title) },
  });
}

/** What a notification stands for, or null once it is forgotten. */
export function notificationRecord(id: string): Promise<NotificationRecord | null> {
  return storage.getItem<NotificationRecord>(recordKey(id));
}

/** Close a notification and forget it, returning what it stood for. */
export async function closeNotification(id: string): Promise<NotificationRecord | null> {
  const record = await notificationRecord(id);
  await storage.removeItem(recordKey(id));
  await browser.notifications.clear(id);
  return record;
}

/** A notification was closed: what it stood for is no longer needed. */
export function forgetNotificationRecord(id: string): Promise<void> {
  return storage.removeItem(recordKey(id));
}

/** Forget what notifications stood for once they are gone (closed while the worker slept). */
export async function pruneNotificationRecords(now: Date): Promise<void> {
  const open = await browser.notifications.getAll();
  const all = await browser.storage.local.get(null);
  const cutoff = now.getTime() - 60_000;
  const stale = Object.entries(all)
    .filter(([key]) => key.startsWith(RECORD_PREFIX))
    .filter(([key]) => !(key.slice(RECORD_PREFIX.length) in open))
    .filter(([, record]) => Date.parse((record as NotificationRecord).shownAt) < cutoff)
    .map(([key]) => key);
  if (stale.length) await browser.storage.local.remove(stale);
}
