/**
 * Searching, filtering, sorting and grouping the register in memory: a precomputed lower-case
 * haystack per grant, sorted once per order, and a keystroke that extends the query searches
 * only the last results ({@link narrowingFilter}), which keeps a keystroke within a frame at
 * 100,000 grants (scripts/bench/register.bench.mjs) with no extra IndexedDB index.
 */
import type { DueReason, GrantView, Perspective } from './queries';
import { dueReasons, perspectiveOf } from './queries';
import { accountName, partyName } from './names';
import type { Grant, GrantStatus } from './schema';

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
export const UPDATED_DESC = { key: 'updated', direction: 'desc' } as const;

/** Precompute the search text of every view. */
export function indexViews(views: readonly GrantView[]): IndexedViews {
  return { views, haystacks: views.map(searchHaystack) };
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
