/**
 * The watcher's logic, apart from its entrypoint so it can be tested: classify a route by its
 * URL at once, and, only where the URL may be about access without proving it, watch the page
 * until its own table confirms or corrects the classification. Elsewhere it costs one URL check: no observer, no
 * timer. Everything hangs off an abort signal, aborted on the next client-side navigation.
 */
import { mayBeAccessPage, weighPage } from './classify';
import type { BusinessCenterEntry } from './context';
import { readBcName, readBcOrgId, readBusinessCenterList } from './context';
import type { AccessRow } from './read-table';
import type { PageKind } from './routes';
import { ACCESS_PAGE_KINDS, classifyUrl, readOrgId } from './routes';
import { SELECTORS } from './selectors';

/** What the watcher tells the background about a page. */
export interface PageReport {
  url: string;
  kind: PageKind;
  /** 'url' when judged by the address alone; 'page' once the page's own table confirmed it. */
  confirmedBy: 'url' | 'page';
  /**
   * The first report from its document (the address it was loaded at): no page agent can run
   * there yet, so the background injects one without asking the page first.
   */
  newDocument?: boolean;
  bcName?: string | null;
  orgId?: string | null;
}

/** Run `done` after each of the page's render batches until it says it is done, or `signal` aborts. */
function observeUntil(doc: Document, done: () => boolean, signal: AbortSignal): void {
  const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
  const observer = new Observer(() => {
    try {
      if (done()) observer.disconnect();
    } catch {
      observer.disconnect(); // a page mid-teardown: give up quietly
    }
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/**
 * Classify the route at `url` and report it; on a possible access page its address does not prove,
 * report again once the page confirms what it is. `navigated` says the route came from a
 * client-side navigation. Returns at once; never throws.
 */
export function watchRoute(
  url: URL,
  doc: Document,
  report: (r: PageReport) => void,
  signal: AbortSignal,
  { navigated = false }: { navigated?: boolean } = {},
): void {
  try {
    const byUrl = classifyUrl(url);
    report({ url: url.href, kind: byUrl, confirmedBy: 'url', newDocument: !navigated });
    // A route the detectors know as an access page, naming its Business Center, is proven by its
    // address: the page agent the background injects there reads the page's table anyway, and
    // acts on the route's kind and its `org_id` whatever the page's heading says, so confirming
    // it here too would read the same late table twice on the page's thread. A route the
    // detectors do not know, or one without `org_id` (whose Business Center only the page's
    // header names), is still weighed against the page.
    if (ACCESS_PAGE_KINDS.has(byUrl) ? readOrgId(url) : !mayBeAccessPage(url)) return;
    const confirm = (): boolean => {
      if (signal.aborted) return false;
      // One reading of the page, weighed the same way as everywhere else (classifyPage).
      const weighing = weighPage(url, doc);
      if (!weighing.confirmed) return false;
      report({
        url: url.href,
        kind: weighing.kind,
        confirmedBy: 'page',
        bcName: readBcName(doc),
        orgId: readBcOrgId(url, doc),
      });
      return true;
    };
    // After a client-side navigation the old route's DOM is still there when we hear of it
    // (the Navigation API fires first): only what the app renders next can confirm.
    // The table arrives late (after TikTok's API answers): wait for it, observing only here.
    if (navigated || !confirm()) observeUntil(doc, confirm, signal);
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
    if (navigated || !read()) observeUntil(doc, read, signal);
  } catch {
    // Never throw into TikTok's page.
  }
}

// ── My row on a visited Business Center's Members page ──

/** One member row as the watcher passes it to the background (where my row is looked for). */
export interface MemberRowReport {
  email: string;
  bcRole?: 'admin' | 'standard';
  financeRole?: 'manager' | 'analyst';
  status: AccessRow['status'];
}

/** A Members table's rows, with the Business Center they belong to. */
export interface MembersReport {
  orgId: string;
  bcName: string | null;
  members: MemberRowReport[];
}

/** The Business Center members among a table's rows (people with an email only). */
export function membersOf(rows: readonly AccessRow[]): MemberRowReport[] {
  const members: MemberRowReport[] = [];
  for (const row of rows) {
    // An ad account's members (asset permission) are not Business Center membership.
    if (row.kind !== 'member' || !row.email || row.assetRole) continue;
    members.push({
      email: row.email,
      ...(row.bcRole ? { bcRole: row.bcRole } : {}),
      ...(row.financeRole ? { financeRole: row.financeRole } : {}),
      status: row.status,
    });
  }
  return members;
}

// Pure: a bundle that follows no table (the watcher's) drops it.
const TABLE = /* @__PURE__ */ SELECTORS.table.alternatives.join(',');

/** Whether a mutation happened in a table, or added or removed one. */
function touchesTable(record: MutationRecord): boolean {
  const at =
    record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
  if (at?.closest(TABLE)) return true;
  for (const list of [record.addedNodes, record.removedNodes]) {
    for (const node of Array.from(list)) {
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (el.matches(TABLE) || el.querySelector(TABLE)) return true;
    }
  }
  return false;
}

/** What makes two readings of a Members table the same for the register (names aside). */
export function membersSignature(r: MembersReport): string {
  const rows = r.members
    .map((m) => [m.email.toLowerCase(), m.bcRole ?? '', m.financeRole ?? '', m.status].join('|'))
    .sort();
  return `${r.orgId}\n${r.bcName ?? ''}\n${rows.join('\n')}`;
}

/**
 * Report what `read` takes from the page's tables now and again whenever its `signature`
 * changes: at most one reading per `throttleMs` while the page changes, none while it is still.
 * The changes come from an observer of its own, or from `changes`, which passes on the batches of
 * an observer already watching the page (the page agent's), so that one observer serves both; an
 * empty batch there means its observation of the route began: the first reading is taken then.
 * Stops with `signal`. Returns at once; never throws.
 */
export function followTable<T>(
  doc: Document,
  take: () => T | null,
  signature: (taken: T) => string,
  report: (taken: T) => void,
  signal: AbortSignal,
  {
    throttleMs = 400,
    changes,
  }: {
    throttleMs?: number;
    changes?: (onRecords: (records: readonly MutationRecord[]) => void) => void;
  } = {},
): void {
  try {
    let last = '';
    const read = () => {
      if (signal.aborted) return;
      const seen = take();
      if (!seen) return;
      const key = signature(seen);
      if (key === last) return;
      last = key;
      report(seen);
    };
    // Following another observer, the first reading waits for its observation of this route to
    // begin (its empty batch), when its reader reads this route's page.
    if (!changes) read();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onRecords = (records: readonly MutationRecord[]) => {
      if (signal.aborted) return;
      if (records.length === 0) return read();
      // Only changes of the tree or its text in or around a table matter (not the overlay's
      // host, toasts, menus, class names), and one reading per burst of the app's renders, not
      // one per mutation.
      if (timer !== undefined) return;
      if (!records.some((r) => r.type !== 'attributes' && touchesTable(r))) return;
      timer = setTimeout(() => {
        timer = undefined;
        try {
          read();
        } catch {
          // a page mid-teardown: the next change reads again
        }
      }, throttleMs);
    };
    let observer: MutationObserver | undefined;
    if (changes) {
      changes(onRecords);
    } else {
      const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
      observer = new Observer(onRecords);
      observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    }
    signal.addEventListener(
      'abort',
      () => {
        observer?.disconnect();
        if (timer !== undefined) clearTimeout(timer);
      },
      { once: true },
    );
  } catch {
    // Never throw into TikTok's page.
  }
}
