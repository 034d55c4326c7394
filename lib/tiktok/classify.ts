/**
 * Page classification by weighing evidence: the URL (routes.ts), the page's main heading, its tab
 * bar and the kind of access table it shows each vote for a kind of page, with a weight. A route
 * the URL detectors know stands unless the heading and the table agree on something else; tabs
 * alone never move it (a Business Center's Members page may show a "Members | Partners" tab bar
 * too). On a route they do not know, the heading and the table decide and the tabs only break a
 * tie. TikTok renames routes; the page's own words and table structure change less often.
 */
import type { Root } from './dom';
import { isHiddenDeep, isLabel, queryAllDeep, queryFirst, visibleText } from './dom';
import { findAccessTables } from './table-shape';
import type { PageKind } from './routes';
import { ACCESS_PAGE_KINDS, classifyUrl } from './routes';
import { PAGE_LABELS } from './page-labels';
import { SELECTORS } from './selectors';
import { BC_HOST } from './hosts';

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
      if (isLabel(evidence.heading, PAGE_LABELS.members)) evidence.byHeading = 'bc-members';
      else if (isLabel(evidence.heading, PAGE_LABELS.partners)) evidence.byHeading = 'bc-partners';
    }
    const tabs = queryAllDeep(root, SELECTORS.tab.alternatives, { shadows: false })
      .filter((t) => !isHiddenDeep(t))
      .map((t) => visibleText(t));
    if (
      tabs.some((t) => isLabel(t, PAGE_LABELS.members)) &&
      tabs.some((t) => isLabel(t, PAGE_LABELS.partners))
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

/** How much each piece of evidence weighs. */
const WEIGHT = {
  /** A route the detectors know: more than heading or table alone, less than both together. */
  url: 3,
  heading: 2,
  table: 2,
  /** Tabs only break ties: less than any other piece of evidence. */
  tabs: 1,
} as const;

/** Kinds a tie between equal scores goes to, first to last: the URL's, the tabs', the table's. */
type Source = keyof typeof WEIGHT;

/** One vote of the weighing: which evidence, for what kind, how much. */
export interface Vote {
  source: Source;
  kind: PageKind;
  /** 0 for an address the route detectors do not know: it leaves the page to decide. */
  weight: number;
}

/** How the weighing was decided, for {@link describeWeighing}. */
export type Decision =
  /** Nothing the page said outweighed the address. */
  | { by: 'address' }
  /** One kind weighed most. */
  | { by: 'weight'; weight: number }
  /** Kinds weighed the same; the first source in TIE_ORDER that voted for one of them settled it. */
  | { by: 'tie'; weight: number; between: PageKind[]; settledBy: Source };

/** The outcome of weighing the URL against the page, with the votes and the rule that decided. */
export interface Weighing {
  kind: PageKind;
  /** Whether the page's own access table backs the kind (see {@link pageConfirmsAccess}). */
  confirmed: boolean;
  votes: Vote[];
  decision: Decision;
  /** The page's main heading, quoted by {@link describeWeighing}. */
  heading: string | null;
}

/** The votes of the URL and the page's evidence; a route the detectors do not know weighs 0. */
function votesOf(url: URL, byUrl: PageKind, e: PageEvidence | null): Vote[] {
  const known = byUrl !== 'unknown' && !(mayBeAccessPage(url) && !ACCESS_PAGE_KINDS.has(byUrl));
  const votes: Vote[] = [{ source: 'url', kind: byUrl, weight: known ? WEIGHT.url : 0 }];
  if (!e) return votes;
  if (e.byHeading) votes.push({ source: 'heading', kind: e.byHeading, weight: WEIGHT.heading });
  if (e.byTable) votes.push({ source: 'table', kind: e.byTable, weight: WEIGHT.table });
  if (e.byTabs) votes.push({ source: 'tabs', kind: e.byTabs, weight: WEIGHT.tabs });
  return votes;
}

/** The order equal scores are settled in: the URL's kind, then the tabs', the table's, the heading's. */
const TIE_ORDER: readonly Source[] = ['url', 'tabs', 'table', 'heading'];

/**
 * Weigh the URL against what the page shows (`evidence`, read by {@link readPageEvidence}; null
 * when the page was not read). Pure: the same evidence always gives the same answer.
 */
export function weighEvidence(url: URL, evidence: PageEvidence | null): Weighing {
  const byUrl = classifyUrl(url);
  const votes = votesOf(url, byUrl, evidence);
  const scores = new Map<PageKind, number>();
  for (const v of votes) if (v.weight > 0) scores.set(v.kind, (scores.get(v.kind) ?? 0) + v.weight);
  const best = Math.max(0, ...scores.values());
  // The page speaks through its heading or its table: tabs add weight, never decide alone.
  const spoken = (kind: PageKind) =>
    votes.some((v) => v.kind === kind && v.weight > 0 && v.source !== 'tabs');
  const leaders = [...scores].filter(([k, s]) => s === best && spoken(k)).map(([k]) => k);
  let kind: PageKind = byUrl;
  let decision: Decision = { by: 'address' };
  if (leaders.length === 1) {
    kind = leaders[0]!;
    decision = { by: 'weight', weight: best };
  } else if (leaders.length > 1) {
    const by = TIE_ORDER.map((source) =>
      votes.find((v) => v.source === source && v.weight > 0 && leaders.includes(v.kind)),
    ).find(Boolean)!;
    kind = by.kind;
    decision = { by: 'tie', weight: best, between: leaders, settledBy: by.source };
  }
  const e = evidence;
  const confirmed =
    e !== null &&
    ACCESS_PAGE_KINDS.has(kind) &&
    e.byTable === kind &&
    (e.byHeading === null || e.byHeading === kind);
  return { kind, confirmed, votes, decision, heading: e?.heading ?? null };
}

/** A weighing in words, one line per vote and one for the decision, for logs and bug reports. */
export function describeWeighing(w: Weighing): string[] {
  const lines = w.votes.map((v) => {
    switch (v.source) {
      case 'url':
        return v.weight > 0
          ? `The address is a known ${v.kind} route (${v.weight}).`
          : 'The address is not a route the extension knows; the page decides.';
      case 'heading':
        return `The heading "${w.heading ?? ''}" names ${v.kind} (${v.weight}).`;
      case 'table':
        return `The table's columns make a ${v.kind} table (${v.weight}).`;
      case 'tabs':
        return `Members and Partners tabs point to ${v.kind} (${v.weight}).`;
    }
  });
  const d = w.decision;
  lines.push(
    d.by === 'address'
      ? `Nothing on the page outweighs the address: ${w.kind}.`
      : d.by === 'weight'
        ? `${w.kind} weighs most (${d.weight}).`
        : `${d.between.join(' and ')} weigh the same (${d.weight}); the ${d.settledBy} settles it: ${w.kind}.`,
  );
  return lines;
}

/** Whether a URL may be a page about access, so the page is worth watching until it says so. */
export function mayBeAccessPage(url: URL): boolean {
  if (ACCESS_PAGE_KINDS.has(classifyUrl(url))) return true;
  return url.hostname === BC_HOST && /^\/manage\/(users\/|accounts\/[^/]+\/)/.test(url.pathname);
}

/**
 * Weigh the URL against the page itself: off Business Center the URL alone decides (no page
 * read); on it the heading, tabs and access table are read and weighed with the URL.
 */
export function weighPage(url: URL, root: Document): Weighing {
  const byUrl = classifyUrl(url);
  const readsPage = byUrl === 'bc-other' || ACCESS_PAGE_KINDS.has(byUrl);
  return weighEvidence(url, readsPage ? readPageEvidence(root) : null);
}

/**
 * The kind of page this is: the URL and the page's heading, tabs and table weighed together
 * (an unknown `/manage/users/…` route showing Partners is `bc-partners`; a Members route whose
 * page shows a "Members | Partners" tab bar stays `bc-members`).
 */
export function classifyPage(url: URL, root: Document): PageKind {
  return weighPage(url, root).kind;
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
