/**
 * The watcher's logic, apart from its entrypoint so it can be tested: classify a route by its
 * URL at once, and, only where the URL may be about access, watch the page until its own table
 * confirms or corrects the classification. Elsewhere it costs one URL check: no observer, no
 * timer. Everything hangs off an abort signal, aborted on the next client-side navigation.
 */
import { classifyPage, mayBeAccessPage, pageConfirmsAccess } from './classify';
import type { BusinessCenterEntry } from './context';
import { readBcName, readBcOrgId, readBusinessCenterList } from './context';
import type { PageKind } from './routes';
import { classifyUrl } from './routes';

/** What the watcher tells the background about a page. */
export interface PageReport {
  url: string;
  kind: PageKind;
  /** 'url' when judged by the address alone; 'page' once the page's own table confirmed it. */
  confirmedBy: 'url' | 'page';
  bcName?: string | null;
  orgId?: string | null;
}

/**
 * Classify the route at `url` and report it; on a possible access page, report again once the
 * page confirms what it is. `navigated` says the route came from a client-side navigation.
 * Returns at once; never throws.
 */
export function watchRoute(
  url: URL,
  doc: Document,
  report: (r: PageReport) => void,
  signal: AbortSignal,
  { navigated = false }: { navigated?: boolean } = {},
): void {
  try {
    report({ url: url.href, kind: classifyUrl(url), confirmedBy: 'url' });
    if (!mayBeAccessPage(url)) return;
    const confirm = (): boolean => {
      if (signal.aborted || !pageConfirmsAccess(doc)) return false;
      report({
        url: url.href,
        kind: classifyPage(url, doc),
        confirmedBy: 'page',
        bcName: readBcName(doc),
        orgId: readBcOrgId(url, doc),
      });
      return true;
    };
    // After a client-side navigation the old route's DOM is still there when we hear of it
    // (the Navigation API fires first): only what the app renders next can confirm.
    if (!navigated && confirm()) return;
    // The table arrives late (after TikTok's API answers): wait for it, observing only here.
    const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new Observer(() => {
      try {
        if (confirm()) observer.disconnect();
      } catch {
        observer.disconnect(); // a page mid-teardown: give up quietly
      }
    });
    observer.observe(doc.body, { childList: true, subtree: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  } catch {
    // Never throw into TikTok's page.
  }
}

/**
 * On the Business Center picker, report the Business Centers the user belongs to (with their
 * role in each, where shown) once the list has rendered: the register records them as client
 * accounts the user holds. Observes only this page, until the list appears or the route ends.
 * Returns at once; never throws.
 */
export function watchBusinessCenterList(
  doc: Document,
  report: (centers: BusinessCenterEntry[]) => void,
  signal: AbortSignal,
  { navigated = false }: { navigated?: boolean } = {},
): void {
  try {
    const read = (): boolean => {
      if (signal.aborted) return false;
      const centers = readBusinessCenterList(doc);
      if (centers.length === 0) return false;
      report(centers);
      return true;
    };
    // As in watchRoute: after a client-side navigation only what renders next is the picker's.
    if (!navigated && read()) return;
    const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new Observer(() => {
      try {
        if (read()) observer.disconnect();
      } catch {
        observer.disconnect();
      }
    });
    observer.observe(doc.body, { childList: true, subtree: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  } catch {
    // Never throw into TikTok's page.
  }
}
