/**
 * The background's part of "Save this page's shape": run the unlisted page-shape script in the
 * asking popup's TikTok tab and hand back what it returns. Nothing is stored or sent anywhere;
 * the popup turns the answer into a file the user downloads.
 */
import { browser } from 'wxt/browser';
import type { PageShape } from '../tiktok/page-shape';
import { pageShapeFileName } from '../tiktok/page-shape';
import type { PageShapeAnswer } from '../messaging/popup';

/** The unlisted script (entrypoints/page-shape.ts) as WXT builds it. */
export const PAGE_SHAPE_SCRIPT = '/page-shape.js';

const TIKTOK_PAGE = /^https:\/\/(business|ads)\.tiktok\.com\//;

/** Whether a value is what the page-shape script returns (the tab's answer is not trusted blindly). */
function isPageShape(value: unknown): value is PageShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === 'access-companion-page-shape' &&
    Array.isArray((value as { tree?: unknown }).tree)
  );
}

/**
 * The shape of the page in `tabId`, when it is a TikTok page the extension may read. Only the
 * extension's own pages may ask (`senderUrl`): a content script must not make another tab run it.
 */
export async function capturePageShape(
  tabId: number,
  senderUrl: string | undefined,
  now: Date = new Date(),
): Promise<PageShapeAnswer> {
  if (!senderUrl?.startsWith(browser.runtime.getURL('/'))) return { error: 'failed' };
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.url || !TIKTOK_PAGE.test(tab.url)) return { error: 'not-tiktok' };
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      files: [PAGE_SHAPE_SCRIPT],
    });
    const shape: unknown = result?.result;
    return isPageShape(shape)
      ? { shape, fileName: pageShapeFileName(shape, now) }
      : { error: 'failed' };
  } catch {
    return { error: 'failed' };
  }
}
