/**
 * Carrying decisions out on TikTok's page and proving them, as pure functions: every lower or
 * revoke decision is a to-do on one Business Center page; a reading of that page shows the
 * decision carried out (the person or partner no longer listed, the role lowered) or contradicts
 * one already verified (still listed, the role higher). The background runs these on the
 * readings the companion frame sends (lib/background/campaign-handlers.ts); the campaign view
 * shows the to-dos and their state.
 */
import type {
  CampaignItem,
  ItemApplied,
  LoweredRoles,
  PageReadBack,
} from '../register/campaign-schema';
import { ASSET_ROLE_ORDER, BC_ROLE_ORDER, isLowerRole } from '../tiktok/role-order';

type CarriedItem = Pick<
  CampaignItem,
  'id' | 'rev' | 'campaignId' | 'grant' | 'account' | 'party' | 'decision'
> &
  Partial<Pick<CampaignItem, 'applied' | 'verified' | 'contradicted' | 'doneOutside'>>;

/** The Business Center an item's account is in: its own id, or the one owning the ad account. */
export function itemOrgId(item: Pick<CampaignItem, 'account'>): string | null {
  const a = item.account;
  if (!a) return null;
  return a.kind === 'businessCenter' ? a.externalId : a.ownerBcId;
}

/** Where on Business Center a decision is carried out. */
export interface CarryOutPage {
  /** `${orgId} ${section} ${advertiserId}`: one per page. */
  key: string;
  orgId: string;
  /**
   * Members for a person, Partners for a partner Business Center; a person's permission on an ad
   * account is lowered on that ad account's own page (as a reminder's route does).
   */
  section: 'members' | 'partners' | 'adAccount';
  advertiserId: string | null;
}

/** The page where `item`'s decision is carried out; null for a keep, a hand-off or no account. */
export function carryOutPage(item: Pick<CampaignItem, 'account' | 'party' | 'decision'>) {
  const kind = item.decision?.kind;
  const orgId = itemOrgId(item);
  if ((kind !== 'lower' && kind !== 'revoke') || !orgId || !item.party) return null;
  const partner = item.party.kind === 'partnerBc';
  const onAsset = !partner && kind === 'lower' && item.account?.kind === 'adAccount';
  const section: CarryOutPage['section'] = partner ? 'partners' : onAsset ? 'adAccount' : 'members';
  const advertiserId = onAsset ? item.account!.externalId : null;
  return { key: `${orgId} ${section} ${advertiserId ?? ''}`, orgId, section, advertiserId };
}

/** Who an item is about, as the page lists them: an email, a partner's Business Center ID. */
export function partyKey(item: Pick<CampaignItem, 'party'>): string | null {
  const p = item.party;
  if (!p) return null;
  if (p.kind === 'partnerBc') return p.bcId ? `partner:${p.bcId}` : null;
  return p.email ? `person:${p.email.toLowerCase()}` : null;
}

/**
 * The to-do an item belongs to. A revoke removes the person or partner from the Business Center
 * at once, so every revoke of theirs on that page is one to-do (one checklist); each lower is
 * its own, since each names its own roles.
 */
export function todoKey(item: CarriedItem): string | null {
  const page = carryOutPage(item);
  if (!page) return null;
  if (item.decision!.kind === 'lower') return `${page.key} lower ${item.id}`;
  return `${page.key} revoke ${partyKey(item) ?? item.id}`;
}

/** Where a to-do stands. */
export type TodoState = 'open' | 'applied' | 'verified' | 'contradicted' | 'doneOutside';

/** One item's state: contradicted wins over verified, verified over done outside. */
export function itemCarryState(item: CarriedItem): TodoState {
  if (item.verified && item.contradicted) return 'contradicted';
  if (item.verified) return 'verified';
  if (item.doneOutside) return 'doneOutside';
  if (item.applied) return 'applied';
  return 'open';
}

/** One decision to carry out: the items it settles (one, or a party's revokes on one page). */
export interface CarryOutTodo<I extends CarriedItem = CampaignItem> {
  key: string;
  kind: 'lower' | 'revoke';
  items: I[];
  /** The least settled of its items' states. */
  state: TodoState;
}

/** The to-dos of one Business Center page. */
export interface CarryOutGroup<I extends CarriedItem = CampaignItem> {
  page: CarryOutPage;
  todos: CarryOutTodo<I>[];
}

const STATE_ORDER: readonly TodoState[] = [
  'contradicted',
  'open',
  'applied',
  'doneOutside',
  'verified',
];

/** Every lower and revoke decision as a to-do, grouped by page, in the campaign's order. */
export function carryOutGroups<I extends CarriedItem>(items: readonly I[]): CarryOutGroup<I>[] {
  const groups = new Map<string, CarryOutGroup<I>>();
  const todos = new Map<string, CarryOutTodo<I>>();
  for (const item of items) {
    const page = carryOutPage(item);
    const key = todoKey(item);
    if (!page || !key) continue;
    let group = groups.get(page.key);
    if (!group) groups.set(page.key, (group = { page, todos: [] }));
    let todo = todos.get(key);
    if (!todo) {
      todo = { key, kind: item.decision!.kind as 'lower' | 'revoke', items: [], state: 'verified' };
      todos.set(key, todo);
      group.todos.push(todo);
    }
    todo.items.push(item);
    const state = itemCarryState(item);
    if (STATE_ORDER.indexOf(state) < STATE_ORDER.indexOf(todo.state)) todo.state = state;
  }
  return [...groups.values()];
}

/** How far the carrying out has come. */
export interface CarryOutProgress {
  /** Items with a lower or revoke decision. */
  total: number;
  verified: number;
  doneOutside: number;
  contradicted: number;
  /** Verified (and not contradicted since) or done outside. */
  settled: number;
  /** Every item settled: an offboarding is finished. */
  complete: boolean;
}

/** Count the items carried out, verified, done outside and contradicted. */
export function carryOutProgress(items: readonly CarriedItem[]): CarryOutProgress {
  const p: CarryOutProgress = {
    total: 0,
    verified: 0,
    doneOutside: 0,
    contradicted: 0,
    settled: 0,
    complete: false,
  };
  for (const item of items) {
    if (!carryOutPage(item)) continue;
    p.total++;
    const state = itemCarryState(item);
    if (state === 'verified') p.verified++;
    if (state === 'doneOutside') p.doneOutside++;
    if (state === 'contradicted') p.contradicted++;
    if (state === 'verified' || state === 'doneOutside') p.settled++;
  }
  p.complete = p.total > 0 && p.settled === p.total;
  return p;
}

/** The checklists that carry out a decision for a person or a partner. */
export function checklistFits(
  item: Pick<CampaignItem, 'decision' | 'party'>,
  checklist: string,
): boolean {
  const kind = item.decision?.kind;
  if (kind !== 'lower' && kind !== 'revoke') return false;
  const who = item.party?.kind === 'partnerBc' ? 'partner' : 'member';
  return checklist === `${kind}-${who}`;
}

/** One row of an access table as the companion read it (no names: they prove nothing here). */
export interface ReadRow {
  email?: string;
  partnerBcId?: string;
  bcRole?: 'admin' | 'standard';
  assetRole?: 'admin' | 'operator' | 'analyst';
  status: string;
}

/** An access table read on a page of `orgId` (on an ad account's page when `advertiserId` is set). */
export interface TableReading {
  orgId: string;
  advertiserId: string | null;
  table: 'members' | 'partners';
  /** Every row of the table was read (no other page of it, no filter): absence means absent. */
  complete: boolean;
  rows: readonly ReadRow[];
}

/** A row that gives no access: an invitation that expired or was declined. */
const NO_ACCESS = new Set(['expired', 'rejected']);

/** The row of the item's person or partner in the reading, if listed with access. */
function rowOf(item: CarriedItem, reading: TableReading): ReadRow | null | undefined {
  const p = item.party;
  if (!p) return undefined;
  if (p.kind === 'partnerBc') {
    if (reading.table !== 'partners' || !p.bcId) return undefined;
    return reading.rows.find((r) => r.partnerBcId === p.bcId && !NO_ACCESS.has(r.status)) ?? null;
  }
  if (reading.table !== 'members' || !p.email) return undefined;
  const email = p.email.toLowerCase();
  return (
    reading.rows.find((r) => r.email?.toLowerCase() === email && !NO_ACCESS.has(r.status)) ?? null
  );
}

/** Whether a listed role is at or below the decided one; null when the row does not say. */
function roleAtMost<R extends string>(order: readonly R[], shown: R | undefined, to: R | null) {
  if (shown === undefined) return null;
  if (to === null) return false;
  return shown === to || isLowerRole(order, to, shown);
}

/** What a reading says of an item's decision: carried out, undone, or nothing. */
export type ReadBackVerdict = 'shows' | 'contradicts' | null;

/**
 * Whether `reading` shows the item's decision carried out or contradicts it. A revoke is shown by
 * the person or partner missing from a complete table, and contradicted by their row; a lower by
 * their row's role at or below the decided one (or their row gone), contradicted by a higher one.
 * The Business Center's own tables speak for every item in it (a person removed from it has no
 * access to its ad accounts); an ad account's page speaks only for that ad account's items, and an
 * empty one says nothing (which of its tabs is shown is not known). Partners' permissions show only
 * on an ad account's page, so the Partners table says nothing of a partner's lower.
 */
export function readBackVerdict(item: CarriedItem, reading: TableReading): ReadBackVerdict {
  const d = item.decision;
  if ((d?.kind !== 'lower' && d?.kind !== 'revoke') || itemOrgId(item) !== reading.orgId) {
    return null;
  }
  const onAsset = reading.advertiserId !== null;
  if (onAsset) {
    if (item.account?.kind !== 'adAccount' || item.account.externalId !== reading.advertiserId)
      return null;
    if (reading.rows.length === 0) return null;
  }
  // A partner's permission shows only on an ad account's page.
  if (!onAsset && d.kind === 'lower' && item.party?.kind === 'partnerBc') return null;
  const row = rowOf(item, reading);
  if (row === undefined) return null;
  const gone = row === null;
  if (gone) return reading.complete ? 'shows' : null;
  if (d.kind === 'revoke') return 'contradicts';
  const to = d.lowerTo as LoweredRoles;
  if (onAsset) {
    if (to.assetRole === item.grant.assetRole) return null;
    const ok = roleAtMost(ASSET_ROLE_ORDER, row.assetRole, to.assetRole);
    return ok === null ? null : ok ? 'shows' : 'contradicts';
  }
  if (to.bcRole === item.grant.bcRole) return null;
  const ok = roleAtMost(BC_ROLE_ORDER, row.bcRole, to.bcRole);
  return ok === null ? null : ok ? 'shows' : 'contradicts';
}

/** The reading as kept on an item: where, when, and what it showed of their row. */
export function readBackOf(item: CarriedItem, reading: TableReading, at: string): PageReadBack {
  const row = rowOf(item, reading) ?? null;
  return {
    at,
    orgId: reading.orgId,
    advertiserId: reading.advertiserId,
    table: reading.table,
    listed: row !== null,
    bcRole: row?.bcRole ?? null,
    assetRole: row?.assetRole ?? null,
  };
}

/** A change a reading (or a finished checklist) makes to one item, at the revision read. */
export interface CarryOutChange {
  itemId: string;
  rev: number;
  patch: {
    applied?: ItemApplied;
    verified?: PageReadBack;
    contradicted?: PageReadBack | null;
  };
}

/**
 * What a reading changes: an item the page shows carried out becomes verified (again, when a
 * contradiction is put right); a verified item the page contradicts is flagged, once, with the
 * reading that did it. Items the reading says nothing of are left alone.
 */
export function readBackChanges(
  items: readonly CarriedItem[],
  reading: TableReading,
  at: string,
): CarryOutChange[] {
  const out: CarryOutChange[] = [];
  for (const item of items) {
    const verdict = readBackVerdict(item, reading);
    if (verdict === 'shows' && (!item.verified || item.contradicted)) {
      out.push({
        itemId: item.id,
        rev: item.rev,
        patch: { verified: readBackOf(item, reading, at), contradicted: null },
      });
    } else if (verdict === 'contradicts' && item.verified && !item.contradicted) {
      out.push({
        itemId: item.id,
        rev: item.rev,
        patch: { contradicted: readBackOf(item, reading, at) },
      });
    }
  }
  return out;
}

/**
 * The items a finished checklist carried out: the one it was started for and, for a revoke, every
 * other item of the same to-do (the same person or partner removed from the same page).
 */
export function carriedItems<I extends CarriedItem>(
  started: I,
  candidates: readonly I[],
  checklist: string,
): I[] {
  if (!checklistFits(started, checklist)) return [];
  const key = todoKey(started);
  return [
    started,
    ...candidates.filter(
      (c) => c.id !== started.id && c.campaignId === started.campaignId && todoKey(c) === key,
    ),
  ];
}
