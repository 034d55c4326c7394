/**
 * Reading the register for the popup and the full page: what is due, search, filters, sorting
 * and grouping. The whole register is filtered in memory: a precomputed lower-case haystack
 * per grant, sorted once per order, and a keystroke that extends the query searches only the
 * last results ({@link narrowingFilter}), which keeps a keystroke within a frame at 100,000
 * grants (scripts/bench/register.bench.mjs) with no extra IndexedDB index (no schema change).
 */
import type { EntityTable } from 'dexie';
import type { RegisterDb } from './db';
import { dayAfter } from './days';
import { accountName, partyName } from './names';
import type { Account, Grant, GrantStatus, Party } from './schema';

/** A grant with its account and party, as lists show it. */
export interface GrantView {
  grant: Grant;
  account: Account | undefined;
  party: Party | undefined;
}

/** Every grant that is not deleted, joined with its account and party, newest change first. */
export async function listGrantViews(db: RegisterDb): Promise<GrantView[]> {
  const [grants, accounts, parties] = await Promise.all([
    db.grants.orderBy('updatedAt').reverse().toArray(),
    db.accounts.toArray(),
    db.parties.toArray(),
  ]);
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const partyById = new Map(parties.map((p) => [p.id, p]));
  return grants
    .filter((g) => g.deletedAt === null)
    .map((g) => ({
      grant: g,
      account: accountById.get(g.accountId),
      party: partyById.get(g.partyId),
    }));
}

/** An invitation not accepted after this many days is "pending too long". */
export const INVITATION_STALE_DAYS = 7;
/** A contract ending within this many days is shown as due. */
export const CONTRACT_SOON_DAYS = 14;

/** The two sides of the register. */
export type Perspective = 'mine' | 'held';

/** `held`: a client's account where I (or my agency BC) hold access; `mine`: everything else. */
export function perspectiveOf(view: Pick<GrantView, 'account' | 'party'>): Perspective {
  return view.account?.ownership === 'client' && view.party?.isMe === true ? 'held' : 'mine';
}

/** Why a grant needs attention. */
export type DueReason = 'review' | 'invitation' | 'contract';

/** Statuses under which a grant still gives (or is about to give) access. */
const LIVE: ReadonlySet<GrantStatus> = new Set(['invited', 'active', 'suspended']);

/** The reasons a grant is due on `today` (`YYYY-MM-DD`, local), most urgent first. */
export function dueReasons(g: Grant, now: Date): DueReason[] {
  if (g.deletedAt !== null || !LIVE.has(g.status)) return [];
  const today = dayAfter(now, 0);
  const reasons: DueReason[] = [];
  if (g.status === 'active' && g.nextReviewOn !== null && g.nextReviewOn <= today) {
    reasons.push('review');
  }
  if (g.status === 'invited' && g.invitedAt !== null) {
    const age = now.getTime() - new Date(g.invitedAt).getTime();
    if (age >= INVITATION_STALE_DAYS * 86_400_000) reasons.push('invitation');
  }
  if (g.contractEndsOn !== null && g.contractEndsOn <= dayAfter(now, CONTRACT_SOON_DAYS)) {
    reasons.push('contract');
  }
  return reasons;
}

/** A grant that needs attention, with the day it became (or becomes) due. */
export interface DueItem {
  view: GrantView;
  reasons: DueReason[];
  /** The earliest relevant day (`YYYY-MM-DD`): sorts the most overdue first. */
  dueOn: string;
}

function dueDay(g: Grant, reasons: DueReason[]): string {
  const days: string[] = [];
  if (reasons.includes('review') && g.nextReviewOn) days.push(g.nextReviewOn);
  if (reasons.includes('invitation') && g.invitedAt) {
    days.push(dayAfter(new Date(g.invitedAt), INVITATION_STALE_DAYS));
  }
  if (reasons.includes('contract') && g.contractEndsOn) days.push(g.contractEndsOn);
  return days.sort()[0] ?? '9999-12-31';
}

/** Every grant that needs attention, most overdue first. */
export function dueItems(views: readonly GrantView[], now: Date): DueItem[] {
  const items: DueItem[] = [];
  for (const view of views) {
    const reasons = dueReasons(view.grant, now);
    if (reasons.length) items.push({ view, reasons, dueOn: dueDay(view.grant, reasons) });
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

async function joinViews(db: RegisterDb, grants: Grant[]): Promise<GrantView[]> {
  const accountIds = [...new Set(grants.map((g) => g.accountId))];
  const partyIds = [...new Set(grants.map((g) => g.partyId))];
  const [accounts, parties] = await Promise.all([
    db.accounts.bulkGet(accountIds),
    db.parties.bulkGet(partyIds),
  ]);
  const accountById = new Map<string, Account>();
  for (const a of accounts) if (a) accountById.set(a.id, a);
  const partyById = new Map<string, Party>();
  for (const p of parties) if (p) partyById.set(p.id, p);
  return grants.map((g) => ({
    grant: g,
    account: accountById.get(g.accountId),
    party: partyById.get(g.partyId),
  }));
}

/**
 * The `count` grants changed last (deleted ones left out), newest first, joined with their
 * account and party: one indexed query with a limit, so its cost does not grow with the register.
 */
export async function recentViews(db: RegisterDb, count: number): Promise<GrantView[]> {
  return db.transaction('r', [db.grants, db.accounts, db.parties], async () => {
    // Without a filter on the query, the read is one `getAll` with a direction and a limit
    // (IndexedDB 3) instead of a cursor stepping row by row; deleted grants (rare: a delete
    // keeps the row for its history) are left out here, reading further when they are many.
    for (let take = count; ; take *= 4) {
      const latest = await db.grants.orderBy('updatedAt').reverse().limit(take).toArray();
      const live = latest.filter((g) => g.deletedAt === null);
      if (live.length >= count || latest.length < take) return joinViews(db, live.slice(0, count));
    }
  });
}

/** An IndexedDB request as a promise. */
function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The register database opened straight through IndexedDB at whatever version it has, for a
 * read that must not wait for Dexie to load (the popup's first rows). Resolves `null` when
 * there is no register yet: the open that would create it is aborted, so the database Dexie
 * creates later is created by Dexie, with its schema. The connection closes itself when another
 * context asks to upgrade the database, so it never blocks a schema upgrade.
 */
export function openRegisterForReading(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let creating = false;
    request.onupgradeneeded = () => {
      creating = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const idb = request.result;
      idb.onversionchange = () => idb.close();
      resolve(idb);
    };
    request.onerror = (event) => {
      if (!creating) return reject(request.error ?? new Error('IndexedDB open failed'));
      event.preventDefault(); // the aborted creation is expected, not an error to report
      resolve(null);
    };
  });
}

/**
 * What {@link recentViews} reads, through IndexedDB itself: the `count` grants changed last
 * (deleted ones left out), newest first, each with its account and party. A cursor walks the
 * `updatedAt` index backwards (newest first, ties by id as Dexie's reverse order has them), so
 * only the rows shown and the deleted ones among them are read.
 */
export async function recentViewsFromIdb(idb: IDBDatabase, count: number): Promise<GrantView[]> {
  const tx = idb.transaction(['grants', 'accounts', 'parties'], 'readonly');
  const grants: Grant[] = [];
  await new Promise<void>((resolve, reject) => {
    const cursor = tx.objectStore('grants').index('updatedAt').openCursor(null, 'prev');
    cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return resolve();
      const grant = at.value as Grant;
      if (grant.deletedAt === null) grants.push(grant);
      if (grants.length >= count) return resolve();
      at.continue();
    };
  });
  const accounts = tx.objectStore('accounts');
  const parties = tx.objectStore('parties');
  // Requests on one transaction are answered in order: issued together, they cost one wait.
  const accountById = new Map<string, Promise<Account | undefined>>();
  const partyById = new Map<string, Promise<Party | undefined>>();
  for (const g of grants) {
    if (!accountById.has(g.accountId))
      accountById.set(g.accountId, settled(accounts.get(g.accountId) as IDBRequest<Account>));
    if (!partyById.has(g.partyId))
      partyById.set(g.partyId, settled(parties.get(g.partyId) as IDBRequest<Party>));
  }
  return Promise.all(
    grants.map(async (grant) => ({
      grant,
      account: await accountById.get(grant.accountId),
      party: await partyById.get(grant.partyId),
    })),
  );
}

/** What is due: the most overdue grants and how many are due in all. */
export interface DueSnapshot {
  /** The most overdue first; at most the `dueLimit` asked for. */
  due: DueItem[];
  /** How many grants are due in all (may be more than `due` holds). */
  dueCount: number;
}

/**
 * What is due, read through indexes only (due reviews, contracts ending soon, invitations), so
 * the whole register is not loaded. Only the rows listed are joined with their account and
 * party: at 10,000 grants about a thousand are due, and reading each one's account and party
 * would be most of the cost.
 */
export async function dueSnapshot(
  db: RegisterDb,
  now: Date,
  dueLimit = Infinity,
): Promise<DueSnapshot> {
  const today = dayAfter(now, 0);
  const soon = dayAfter(now, CONTRACT_SOON_DAYS);
  return db.transaction('r', [db.grants, db.accounts, db.parties], async () => {
    const [reviews, contracts, invited] = await Promise.all([
      db.grants.where('nextReviewOn').belowOrEqual(today).toArray(),
      db.grants.where('contractEndsOn').belowOrEqual(soon).toArray(),
      db.grants.where('status').equals('invited').toArray(),
    ]);
    const candidates = new Map<string, Grant>();
    for (const g of [...reviews, ...contracts, ...invited]) candidates.set(g.id, g);
    const due: { grant: Grant; reasons: DueReason[]; dueOn: string }[] = [];
    for (const grant of candidates.values()) {
      const reasons = dueReasons(grant, now);
      if (reasons.length) due.push({ grant, reasons, dueOn: dueDay(grant, reasons) });
    }
    // The same order as dueItems: most overdue first, ties in the order found.
    due.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    const shown = due.slice(0, dueLimit);
    const views = await joinViews(
      db,
      shown.map((d) => d.grant),
    );
    return {
      due: shown.map((d, i) => ({ view: views[i]!, reasons: d.reasons, dueOn: d.dueOn })),
      dueCount: due.length,
    };
  });
}

/** What the popup shows: due items and the most recently changed grants. */
export interface PopupSnapshot extends DueSnapshot {
  recent: GrantView[];
}

/** The popup's two lists in one read (the popup itself reads them apart, the latest first). */
export async function popupSnapshot(
  db: RegisterDb,
  now: Date,
  recentCount = 30,
  dueLimit = Infinity,
): Promise<PopupSnapshot> {
  const [due, recent] = await Promise.all([
    dueSnapshot(db, now, dueLimit),
    recentViews(db, recentCount),
  ]);
  return { ...due, recent };
}

/** The text a search looks through: names, emails, agencies, account names and IDs. */
export function searchHaystack(view: GrantView): string {
  const p = view.party;
  const a = view.account;
  return [p?.name, p?.email, p?.bcId, p?.organisation, a?.name, a?.externalId, a?.ownerBcId]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

/** Views with their haystacks computed once, so each keystroke only scans strings. */
export interface IndexedViews {
  views: readonly GrantView[];
  haystacks: readonly string[];
  /** The order the views are known to be in, when known: sorting by it again changes nothing. */
  order?: { key: SortKey; direction: 'asc' | 'desc' };
}

/** The order the register is read in: newest change first (ties by id, descending). */
const UPDATED_DESC = { key: 'updated', direction: 'desc' } as const;

/** Precompute the search text of every view. */
export function indexViews(views: readonly GrantView[]): IndexedViews {
  return { views, haystacks: views.map(searchHaystack) };
}

/** Rows read at a time when the whole register is read: each page's work stays a short task. */
export const READ_PAGE_SIZE = 2_000;

/** Let the page paint and handle input between two pages of a long read. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A read of the whole register given up (a newer one replaces it). */
export class ReadAbandoned extends Error {
  override name = 'ReadAbandoned';
}

/** Every row of a table, page by page in key order (`page(after)`), yielding between pages. */
async function readInPages<T extends { id: string }>(
  page: (after: string) => Promise<T[]>,
  pageSize: number,
  signal: AbortSignal | undefined,
  each: (rows: T[]) => void,
): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await page(after);
    if (signal?.aborted) throw new ReadAbandoned();
    each(rows);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
    await nextTask();
    if (signal?.aborted) throw new ReadAbandoned();
  }
}

/**
 * The whole register as {@link listGrantViews} reads it (live grants, newest change first, each
 * with its account and party), searchable ({@link indexViews}), read and indexed in pages of
 * `pageSize` rows with a task boundary between pages: at 100,000 grants one read of everything
 * and its indexing were one task of seconds, with the page frozen. The grants are read along
 * the `updatedAt` index and turned newest first, rows that share an instant in Dexie's reverse
 * order (by id, descending); a page that ends inside such a run resumes after the rows of it
 * already read. A row changed while the read goes on may be missed or read as before: the
 * caller reads again when the register changes. `signal` gives the read up between pages.
 */
export async function readIndexedViewsInPages(
  db: RegisterDb,
  { pageSize = READ_PAGE_SIZE, signal }: { pageSize?: number; signal?: AbortSignal } = {},
): Promise<IndexedViews> {
  const goOn = async () => {
    await nextTask();
    if (signal?.aborted) throw new ReadAbandoned();
  };
  // Grants first, then the accounts and people: a grant read refers to rows that exist by then
  // (rows are deleted by marking them), so no grant shows an account read before it was made.
  const grants: Grant[] = [];
  let lastAt: string | null = null;
  let readAtLast = 0; // rows with `updatedAt === lastAt` read so far
  for (;;) {
    // Oldest first, so that each page is one `getAll` with a limit (a cursor stepping backwards
    // row by row took twice as long); reversed once at the end.
    const limit = pageSize + readAtLast;
    const page: Grant[] =
      lastAt === null
        ? await db.grants.orderBy('updatedAt').limit(limit).toArray()
        : await db.grants.where('updatedAt').aboveOrEqual(lastAt).limit(limit).toArray();
    if (signal?.aborted) throw new ReadAbandoned();
    // The rows of the last instant already read come first again (ties are in id order).
    for (const grant of lastAt === null ? page : page.slice(readAtLast)) {
      if (grant.updatedAt === lastAt) readAtLast++;
      else {
        lastAt = grant.updatedAt;
        readAtLast = 1;
      }
      if (grant.deletedAt === null) grants.push(grant);
    }
    if (page.length < limit) break;
    await goOn();
  }
  grants.reverse();
  const accountById = new Map<string, Account>();
  const partyById = new Map<string, Party>();
  const byId =
    <T extends { id: string }>(table: EntityTable<T, 'id'>) =>
    (after: string) =>
      table.where(':id').above(after).limit(pageSize).toArray();
  await readInPages(byId(db.accounts), pageSize, signal, (rows) => {
    for (const a of rows) accountById.set(a.id, a);
  });
  await readInPages(byId(db.parties), pageSize, signal, (rows) => {
    for (const p of rows) partyById.set(p.id, p);
  });
  const views: GrantView[] = [];
  const haystacks: string[] = [];
  for (let from = 0; from < grants.length; from += pageSize) {
    if (from > 0) await goOn();
    for (const grant of grants.slice(from, from + pageSize)) {
      const view: GrantView = {
        grant,
        account: accountById.get(grant.accountId),
        party: partyById.get(grant.partyId),
      };
      views.push(view);
      haystacks.push(searchHaystack(view));
    }
  }
  return { views, haystacks, order: UPDATED_DESC };
}

/** What the register page filters by; every field is optional. */
export interface GrantFilter {
  perspective?: Perspective;
  /** Words that must all appear (in any field), case-insensitive. */
  query?: string;
  /** A role id: matches the Business Center, finance or ad account role. */
  role?: string;
  status?: GrantStatus;
  accountId?: string;
  organisation?: string;
  due?: DueReason | 'any';
}

function hasRole(g: Grant, role: string): boolean {
  const [layer, value] = role.split(':');
  if (layer === 'bc') return g.bcRole === value;
  if (layer === 'finance') return g.financeRole === value;
  if (layer === 'asset') return g.assetRole === value;
  return false;
}

/** The views that pass every filter, in their original order. */
export function filterViews(index: IndexedViews, filter: GrantFilter, now: Date): GrantView[] {
  return filterPositions(index, filter, now).map((i) => index.views[i]!);
}

/**
 * The positions in `index` of the views that pass every filter, in order. With `within` (the
 * positions a narrower search already found), only those are looked at: a query that extends
 * the previous one (one more letter typed) can only match a subset of what that one matched.
 */
export function filterPositions(
  index: IndexedViews,
  filter: GrantFilter,
  now: Date,
  within?: readonly number[],
): number[] {
  const words = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  const { views, haystacks } = index;
  const count = within ? within.length : views.length;
  for (let k = 0; k < count; k++) {
    const i = within ? within[k]! : k;
    const v = views[i]!;
    const g = v.grant;
    if (filter.perspective && perspectiveOf(v) !== filter.perspective) continue;
    if (filter.status && g.status !== filter.status) continue;
    if (filter.accountId && g.accountId !== filter.accountId) continue;
    if (filter.organisation && v.party?.organisation !== filter.organisation) continue;
    if (filter.role && !hasRole(g, filter.role)) continue;
    if (filter.due) {
      const reasons = dueReasons(g, now);
      if (filter.due === 'any' ? reasons.length === 0 : !reasons.includes(filter.due)) continue;
    }
    if (words.length) {
      const hay = haystacks[i]!;
      if (!words.every((w) => hay.includes(w))) continue;
    }
    out.push(i);
  }
  return out;
}

/**
 * Whether every view matching `next` also matches `previous` (same other filters, and the
 * query only grew at its end), so `next` may search within `previous`'s results.
 */
export function narrows(previous: GrantFilter, next: GrantFilter): boolean {
  const keys: (keyof GrantFilter)[] = [
    'perspective',
    'role',
    'status',
    'accountId',
    'organisation',
    'due',
  ];
  if (keys.some((k) => previous[k] !== next[k])) return false;
  const before = (previous.query ?? '').toLowerCase();
  const after = (next.query ?? '').toLowerCase();
  // "person 1" → "person 17": each word of the old query stays, grows at its end, or is
  // followed by new words, so a view holding every new word holds every old one.
  return after.startsWith(before);
}

/** What the register can be sorted by. */
export type SortKey = 'party' | 'account' | 'status' | 'since' | 'nextReview' | 'updated';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortValue(v: GrantView, key: SortKey): string {
  switch (key) {
    case 'party':
      return partyName(v.party);
    case 'account':
      return accountName(v.account);
    case 'status':
      return v.grant.status;
    case 'since':
      return v.grant.acceptedAt ?? v.grant.invitedAt ?? '';
    case 'nextReview':
      return v.grant.nextReviewOn ?? '9999-12-31';
    case 'updated':
      return v.grant.updatedAt;
  }
}

/** A sorted copy; empty values sort last ascending. Ties keep their order (stable sort). */
export function sortViews(
  views: readonly GrantView[],
  key: SortKey,
  direction: 'asc' | 'desc' = 'asc',
): GrantView[] {
  const keyed = views.map((v) => [sortValue(v, key), v] as const);
  const textual = key === 'party' || key === 'account';
  keyed.sort((a, b) => {
    const c = textual ? collator.compare(a[0], b[0]) : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
    return direction === 'asc' ? c : -c;
  });
  return keyed.map(([, v]) => v);
}

/**
 * A filter that remembers its last answer: when the next call only narrows it (same index, same
 * day, one more letter typed), it searches the last results instead of the whole register, so
 * typing stays fast at 100,000 grants. Any other change searches everything again.
 */
export function narrowingFilter(): (
  index: IndexedViews,
  filter: GrantFilter,
  now: Date,
) => GrantView[] {
  let last: { index: IndexedViews; filter: GrantFilter; now: Date; positions: number[] } | null =
    null;
  return (index, filter, now) => {
    const within =
      last && last.index === index && last.now === now && narrows(last.filter, filter)
        ? last.positions
        : undefined;
    const positions = filterPositions(index, filter, now, within);
    last = { index, filter, now, positions };
    return positions.map((i) => index.views[i]!);
  };
}

/** The index in sorted order (views and their haystacks moved together), for filtering. */
export function sortIndex(
  index: IndexedViews,
  key: SortKey,
  direction: 'asc' | 'desc' = 'asc',
): IndexedViews {
  // A stable sort by the order the views are already in keeps them as they are.
  if (index.order?.key === key && index.order.direction === direction) return index;
  const position = new Map<GrantView, number>();
  index.views.forEach((v, i) => position.set(v, i));
  const views = sortViews(index.views, key, direction);
  return {
    views,
    haystacks: views.map((v) => index.haystacks[position.get(v)!]!),
    order: { key, direction },
  };
}

/** How the register groups rows. */
export type GroupBy = 'none' | 'account' | 'party' | 'organisation';

/** One group of rows with its heading. */
export interface ViewGroup {
  key: string;
  label: string;
  views: GrantView[];
}

/** Group the views (in their given order) by account, person/partner or agency. */
export function groupViews(views: readonly GrantView[], by: Exclude<GroupBy, 'none'>): ViewGroup[] {
  const groups = new Map<string, ViewGroup>();
  for (const v of views) {
    const key =
      by === 'account'
        ? v.grant.accountId
        : by === 'party'
          ? v.grant.partyId
          : (v.party?.organisation ?? '').trim().toLowerCase();
    const label =
      by === 'account'
        ? accountName(v.account)
        : by === 'party'
          ? partyName(v.party)
          : (v.party?.organisation ?? '').trim();
    let group = groups.get(key);
    if (!group) {
      group = { key, label, views: [] };
      groups.set(key, group);
    }
    group.views.push(v);
  }
  return [...groups.values()].sort((a, b) => collator.compare(a.label, b.label));
}
