/**
 * Reading the register for the popup and the full page: live grants joined with their account
 * and party, what is due (through indexes only) and the latest changes. Search, filters, sorting
 * and grouping are in ./search.ts; the whole register read in pages in ./whole-register.ts; the
 * popup's first read, straight through IndexedDB before Dexie loads, in ./idb-read.ts.
 */
import type { RegisterDb } from './db';
import { dayAfter } from './days';
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
