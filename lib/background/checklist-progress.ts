/**
 * Each tab's checklist progress per Business Center, in session storage: it outlives the page
 * agent (a navigation reloads it) and the worker, never the browser session.
 */
import { storage } from '#imports';
import type { ChecklistProgress } from '../checklists';

const progressKey = (tabId: number, orgId: string) =>
  `session:checklist-progress:${tabId}:${orgId}` as const;

/** This tab's checklist progress in one Business Center, or null. */
export function loadProgress(tabId: number, orgId: string): Promise<ChecklistProgress | null> {
  return storage.getItem<ChecklistProgress>(progressKey(tabId, orgId));
}

/** Keep (or, with null, drop) this tab's checklist progress in one Business Center. */
export async function saveProgress(
  tabId: number,
  orgId: string,
  progress: ChecklistProgress | null,
): Promise<void> {
  if (progress === null) await storage.removeItem(progressKey(tabId, orgId));
  else await storage.setItem<ChecklistProgress>(progressKey(tabId, orgId), progress);
}
