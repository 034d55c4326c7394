/**
 * The toolbar badge: how many reminders are due, counted whether or not their notifications
 * were shown (quiet hours and turned-off notifications still count).
 */
import { browser } from 'wxt/browser';
import { formatNumber, t } from '../i18n';

/** Show the count of due reminders on the toolbar button, or nothing when none is due. */
export async function setBadge(count: number): Promise<void> {
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
