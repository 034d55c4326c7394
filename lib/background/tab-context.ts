/**
 * What each tab's TikTok page is, kept in session storage so it survives the service worker
 * being stopped and woken (nothing is kept in memory), and forgotten when the tab closes.
 */
import { storage } from '#imports';
import type { TabContext } from '../messaging/protocol';

const key = (tabId: number) => `session:tab-context:${tabId}` as const;

/** Remember what a tab shows. */
export function saveTabContext(tabId: number, context: TabContext): Promise<void> {
  return storage.setItem<TabContext>(key(tabId), context);
}

/** What a tab was last seen showing, or null when it showed no TikTok page. */
export function loadTabContext(tabId: number): Promise<TabContext | null> {
  return storage.getItem<TabContext>(key(tabId));
}

/** Forget a tab (it was closed). */
export function clearTabContext(tabId: number): Promise<void> {
  return storage.removeItem(key(tabId));
}
