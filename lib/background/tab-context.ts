/**
 * What each tab's TikTok page is, kept in session storage so it survives the service worker
 * being stopped and woken (nothing is kept in memory), and forgotten when the tab closes.
 */
import { storage } from '#imports';
import type { TabContext } from '../messaging/protocol';
import type { HeldQuestion } from '../register/held-accounts-visit';

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
export async function clearTabContext(tabId: number): Promise<void> {
  await storage.removeItems([key(tabId), questionKey(tabId)]);
}

// ── Issue #4, capture from a visited Business Center: the popup's question, per tab ──

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
