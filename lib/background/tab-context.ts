/**
 * What each tab's TikTok page is, kept in session storage so it survives the service worker
 * being stopped and woken (nothing is kept in memory), and forgotten when the tab closes.
 */
import { storage } from '#imports';
import type { TabContext } from '../messaging/protocol';
import type { HeldQuestion, PickerCenter } from '../register/held-types';
import { TIKTOK_HOSTS } from '../tiktok/hosts';

const key = (tabId: number) => `session:tab-context:${tabId}` as const;

/** Remember what a tab shows. */
export function saveTabContext(tabId: number, context: TabContext): Promise<void> {
  return storage.setItem<TabContext>(key(tabId), context);
}

/** What a tab was last seen showing, or null when it showed no TikTok page. */
export function loadTabContext(tabId: number): Promise<TabContext | null> {
  return storage.getItem<TabContext>(key(tabId));
}

/** Forget a tab (it was closed, or it left TikTok): what it showed and its questions. */
export async function clearTabContext(tabId: number): Promise<void> {
  await storage.removeItems([key(tabId), questionKey(tabId), pickerKey(tabId)]);
}

function onTikTok(url: string): boolean {
  try {
    return TIKTOK_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Whether a `tabs.onUpdated` event says the tab has left TikTok. Without the "tabs" permission a
 * tab's URL is visible only on the hosts the extension may access (TikTok's): an update of a tab
 * on any other site (or on a browser page) comes with no URL at all. So a URL that is not
 * TikTok's, or no URL, means the tab no longer shows a TikTok page.
 */
export function hasLeftTikTok(
  change: { url?: string; status?: string },
  tab: { url?: string } | undefined,
): boolean {
  const url = change.url ?? tab?.url;
  return !url || !onTikTok(url);
}

/** `tabs.onUpdated`: forget what a tab showed on TikTok once it shows another site. */
export async function forgetTabIfLeftTikTok(
  tabId: number,
  change: { url?: string; status?: string },
  tab: { url?: string } | undefined,
): Promise<boolean> {
  // Only a load or a new URL can take a tab elsewhere; the many other updates (a title, a sound,
  // a favicon, on any tab of the browser) are not worth a storage write each.
  if (change.status === undefined && change.url === undefined) return false;
  if (!hasLeftTikTok(change, tab)) return false;
  await clearTabContext(tabId);
  return true;
}

// ── Capture from a visited Business Center: the popup's question, per tab ──

const questionKey = (tabId: number) => `session:held-question:${tabId}` as const;
/** Business Centers whose question the user put off: not asked again this browser session. */
const DISMISSED_KEY = 'session:held-dismissed';

/** The question the popup, opened on this tab, asks ("is this Business Center yours?"). */
export function loadHeldQuestion(tabId: number): Promise<HeldQuestion | null> {
  return storage.getItem<HeldQuestion>(questionKey(tabId));
}

/** Keep (or, with null, drop) the question for this tab. */
export async function saveHeldQuestion(tabId: number, question: HeldQuestion | null) {
  if (question === null) await storage.removeItem(questionKey(tabId));
  else await storage.setItem<HeldQuestion>(questionKey(tabId), question);
}

/** Whether the user put off the question about this Business Center in this browser session. */
export async function isHeldQuestionDismissed(orgId: string): Promise<boolean> {
  return ((await storage.getItem<string[]>(DISMISSED_KEY)) ?? []).includes(orgId);
}

/** Don't ask about this Business Center again until the browser restarts. */
export async function dismissHeldQuestion(orgId: string): Promise<void> {
  const list = (await storage.getItem<string[]>(DISMISSED_KEY)) ?? [];
  if (!list.includes(orgId)) await storage.setItem(DISMISSED_KEY, [...list, orgId]);
}

// ── The picker's question: the same per-tab session storage ──

const pickerKey = (tabId: number) => `session:held-picker:${tabId}` as const;

/** The picker's Business Centers the popup, opened on this tab, asks about (mine or a client's?). */
export async function loadPickerQuestion(tabId: number): Promise<PickerCenter[]> {
  return (await storage.getItem<PickerCenter[]>(pickerKey(tabId))) ?? [];
}

/** Keep (or, with an empty list, drop) the picker's question for this tab. */
export async function savePickerQuestion(tabId: number, centers: readonly PickerCenter[]) {
  if (centers.length === 0) await storage.removeItem(pickerKey(tabId));
  else await storage.setItem<PickerCenter[]>(pickerKey(tabId), [...centers]);
}
