/**
 * Page classification: the URL first (routes.ts), then the page itself — its main heading, its
 * tabs and its table headers — to confirm or correct. TikTok renames routes; the page's own words
 * and table structure change less often.
 */
import type { Root } from './dom';
import { isHiddenDeep, isLabel, queryAllDeep, queryFirst, visibleText } from './dom';
import { findAccessTables } from './read-table';
import type { PageKind } from './routes';
import { ACCESS_PAGE_KINDS, classifyUrl } from './routes';
import { LABELS, SELECTORS } from './selectors';

type AccessKind = 'bc-members' | 'bc-partners' | 'bc-asset-access';

/** What the page itself says it is. */
export interface PageEvidence {
  /** The main heading's text, when there is one. */
  heading: string | null;
  /** The access kind the main heading names (Members / Partners in any known language). */
  byHeading: AccessKind | null;
  /** An ad account's Members and Partner tabs. */
  byTabs: AccessKind | null;
  /** The kind of access table shown, judged by its column headers. */
  byTable: AccessKind | null;
}

/** Read what the page itself says it is: heading, tabs and table headers. Never throws. */
export function readPageEvidence(root: Root): PageEvidence {
  const evidence: PageEvidence = { heading: null, byHeading: null, byTabs: null, byTable: null };
  try {
    const h1 = queryFirst(root, SELECTORS.heading.alternatives);
    if (h1) {
      evidence.heading = visibleText(h1);
      if (isLabel(evidence.heading, LABELS.members)) evidence.byHeading = 'bc-members';
      else if (isLabel(evidence.heading, LABELS.partners)) evidence.byHeading = 'bc-partners';
    }
    const tabs = queryAllDeep(root, SELECTORS.tab.alternatives, { shadows: false })
      .filter((t) => !isHiddenDeep(t))
      .map((t) => visibleText(t));
    if (
      tabs.some((t) => isLabel(t, LABELS.members)) &&
      tabs.some((t) => isLabel(t, LABELS.partners))
    ) {
      evidence.byTabs = 'bc-asset-access';
    }
    // Business Center renders its tables in the light DOM; not walking every element for
    // shadow roots keeps this cheap enough to run after each of the page's render batches.
    const [table] = findAccessTables(root, { shadows: false });
    if (table) {
      evidence.byTable =
        table.kind === 'bc-members'
          ? 'bc-members'
          : table.kind === 'bc-partners'
            ? 'bc-partners'
            : 'bc-asset-access';
    }
  } catch {
    // A page in the middle of re-rendering: whatever was read so far stands.
  }
  return evidence;
}

/** The access kind the page's evidence points to, strongest evidence first. */
function evidenceKind(e: PageEvidence): AccessKind | null {
  if (e.byTabs) return e.byTabs;
  if (e.byTable && e.byHeading && e.byTable !== e.byHeading) return e.byTable;
  return e.byHeading ?? e.byTable;
}

/** Whether a URL may be a page about access, so the page is worth watching until it says so. */
export function mayBeAccessPage(url: URL): boolean {
  if (ACCESS_PAGE_KINDS.has(classifyUrl(url))) return true;
  return (
    url.hostname === 'business.tiktok.com' &&
    /^\/manage\/(users\/|accounts\/[^/]+\/)/.test(url.pathname)
  );
}

/**
 * The kind of page this is: the URL first, then the page's heading, tabs and table headers to
 * confirm or correct it (an unknown `/manage/users/…` route showing Partners is `bc-partners`).
 */
export function classifyPage(url: URL, root: Document): PageKind {
  const byUrl = classifyUrl(url);
  if (!mayBeAccessPage(url)) {
    // Elsewhere on Business Center, only a page that shows both a heading and a table about
    // access (or the asset tabs) counts as one; a "Members" card on the overview does not.
    if (byUrl !== 'bc-other') return byUrl;
    const e = readPageEvidence(root);
    if (e.byTabs && e.byTable) return e.byTabs;
    if (e.byHeading && e.byHeading === e.byTable) return e.byHeading;
    return byUrl;
  }
  return evidenceKind(readPageEvidence(root)) ?? byUrl;
}

/**
 * Whether the page has confirmed what it is: it shows an access table that its heading agrees
 * with. Until then a classification rests on the URL alone.
 */
export function pageConfirmsAccess(root: Document): boolean {
  const e = readPageEvidence(root);
  // The heading and the table must agree: mid-navigation a new heading can stand over the old
  // route's table for a moment.
  return e.byTable !== null && (e.byHeading === null || e.byHeading === e.byTable);
}
