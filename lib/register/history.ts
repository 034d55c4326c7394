/**
 * How history events are stored: small, and every event's full meaning kept.
 *
 * A {@link RegisterEvent} carries the whole grant before and after the change (what the history
 * view, the evidence export and a backup's reader see). Stored that way, nine in ten bytes of
 * the events store were snapshots repeating the grant row, and reading or writing the store
 * cost in proportion. So a {@link StoredEvent} keeps its snapshots as a chain anchored at the
 * grant row, which always holds the grant as the latest change left it:
 *
 * - a *chained* event's `after` is the grant as the next chained event found it (for the latest
 *   one, the grant row itself), or null when `gone` (a deletion); its `before` is that state
 *   with the fields in `prior` put back (`prior: null`: the event began the grant);
 * - a *self-contained* event keeps both snapshots whole in `snapshots`. It is how an event is
 *   kept when it does not fit the chain: history a backup brings for a grant the register
 *   already holds, or a stored event whose `after` was not the state the chain reached.
 *
 * The chain runs in the order of `seq` (the grant revision the event produced; each change
 * raises it by one), then `at`, then id. A writer appends the next change as the new chain
 * head — its `after` is the row it writes and `prior` the fields it changed — which leaves every
 * earlier event's meaning as it was. {@link compactHistory} stores any list of full events this
 * way and {@link expandHistory} gives them back exactly, whatever the list holds.
 */
import { z } from 'zod';
import type { Grant, GrantSnapshot, RegisterEvent } from './schema';
import { event, grantSnapshot } from './schema';

/** Fields of a grant snapshot, some of them: what an event changed. */
const snapshotFields = grantSnapshot.partial();

/** The event's own fields: everything but its snapshots. */
const eventCore = event.omit({ before: true, after: true });

/** One history event as the events store holds it (see the module's comment). */
export const storedEvent = eventCore.extend({
  /** The grant revision this event produced: the chain's order. */
  seq: z.number().int().min(0),
  /** Chained: the fields of the grant before the change that differ from after it; null: none before. */
  prior: snapshotFields.nullable().optional(),
  /** Chained: the change left no grant behind (a deletion's `after` is null). */
  gone: z.literal(true).optional(),
  /**
   * Chained, in a backup: the grant as this event left it, whole. A backup's chains start from
   * their own anchors, so a backup grant row edited by hand does not change its history's meaning.
   */
  anchor: grantSnapshot.optional(),
  /** Self-contained: both snapshots whole. */
  snapshots: z
    .object({ before: grantSnapshot.nullable(), after: grantSnapshot.nullable() })
    .optional(),
});

export type StoredEvent = z.infer<typeof storedEvent>;

/** The grant revision an event produced: orders two events written in the same millisecond. */
export function revisionOf(e: Pick<RegisterEvent, 'before' | 'after'>): number {
  return e.after?.rev ?? (e.before ? e.before.rev + 1 : 0);
}

/** History order (oldest first): by time, then by the revision each event produced. */
export function byHistoryOrder(a: RegisterEvent, b: RegisterEvent): number {
  return (
    a.at.localeCompare(b.at) ||
    revisionOf(a) - revisionOf(b) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Chain order, latest first: by the revision produced, then time, then id. */
function latestFirst(a: { seq: number; at: string; id: string }, b: typeof a): number {
  return b.seq - a.seq || b.at.localeCompare(a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Chain order, oldest first (the order a grant's changes were made in): sorts stored events. */
export function byChainOrder(a: StoredEvent, b: StoredEvent): number {
  return latestFirst(b, a);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

/** True when two snapshots hold the same fields with the same values. */
function sameSnapshot(a: GrantSnapshot, b: GrantSnapshot): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => sameValue(a[k as never], b[k as never]))
  );
}

/**
 * The fields of `target` that differ from `state`, or undefined when `target` cannot be told as
 * `state` with fields replaced (it lacks a field `state` has).
 */
function fieldsChanged(
  state: GrantSnapshot,
  target: GrantSnapshot,
): Partial<GrantSnapshot> | undefined {
  const changed: Record<string, unknown> = {};
  for (const k of Object.keys(state)) if (!Object.hasOwn(target, k)) return undefined;
  for (const [k, v] of Object.entries(target)) {
    if (!Object.hasOwn(state, k) || !sameValue(state[k as keyof GrantSnapshot], v)) changed[k] = v;
  }
  return changed as Partial<GrantSnapshot>;
}

function coreOf(e: RegisterEvent): Omit<RegisterEvent, 'before' | 'after'> {
  const { before: _b, after: _a, ...core } = e;
  return core;
}

/** `e` kept whole, outside the chain. */
export function selfContained(e: RegisterEvent): StoredEvent {
  return { ...coreOf(e), seq: revisionOf(e), snapshots: { before: e.before, after: e.after } };
}

/**
 * `e` as the chain's new head when `state` is the grant as `e` left it (the row being written;
 * for a deletion, the tombstone). Self-contained when `e.after` is not that state.
 */
export function chainedOnto(e: RegisterEvent, state: GrantSnapshot): StoredEvent {
  if (e.after !== null && !sameSnapshot(e.after, state)) return selfContained(e);
  // A deletion heads the chain only at the tombstone's revision, so the next change (one
  // revision up) follows it in the chain's order.
  if (e.after === null && revisionOf(e) !== state.rev) return selfContained(e);
  const prior = e.before === null ? null : fieldsChanged(state, e.before);
  if (prior === undefined) return selfContained(e);
  const stored: StoredEvent = { ...coreOf(e), seq: revisionOf(e), prior };
  if (e.after === null) stored.gone = true;
  return stored;
}

/** The event a grant's change writes, stored as the head of the grant's chain (`row`: the row written). */
export function storedChange(e: RegisterEvent, row: Grant): StoredEvent {
  return chainedOnto(e, snapshotOfRow(row));
}

function snapshotOfRow(g: Grant): GrantSnapshot {
  const { createdAt: _c, updatedAt: _u, deletedAt: _d, historyHead: _h, ...rest } = g;
  return rest;
}

/**
 * Store one grant's full events (any order) as they would be kept with `grant` as its row:
 * chained where they fit, self-contained where not. {@link expandHistory} of the result, with
 * the same row, gives the same events back.
 */
export function compactHistory(
  grant: Grant | undefined,
  events: readonly RegisterEvent[],
): StoredEvent[] {
  let state = grant ? snapshotOfRow(grant) : null;
  const order = events
    .map((e) => ({ e, seq: revisionOf(e), at: e.at, id: e.id }))
    .sort(latestFirst);
  return order.map(({ e }) => {
    if (state === null) return selfContained(e);
    const stored = chainedOnto(e, state);
    if (!stored.snapshots && e.before !== null) state = e.before;
    return stored;
  });
}

/**
 * One grant's stored events as full events, in history order (oldest first), given the grant's
 * row (undefined when the register does not hold it: then only self-contained events can be
 * told in full, and a chained one is told with what it kept).
 */
export function expandHistory(
  grant: Grant | undefined,
  stored: readonly StoredEvent[],
): RegisterEvent[] {
  let state = grant ? snapshotOfRow(grant) : null;
  const out: RegisterEvent[] = [];
  for (const s of stored.slice().sort(latestFirst)) {
    const { seq: _s, prior, gone, snapshots, anchor, ...core } = s;
    if (snapshots) {
      out.push({ ...core, before: snapshots.before, after: snapshots.after });
      continue;
    }
    if (anchor) state = anchor;
    const after = gone || state === null ? null : state;
    const before =
      prior === null || prior === undefined || state === null ? null : { ...state, ...prior };
    out.push({ ...core, before, after });
    if (before) state = before;
  }
  return out.sort(byHistoryOrder);
}

/** Stored events of many grants as full events, grouped by grant, each group in history order. */
export function expandAll(
  grants: readonly Grant[],
  stored: readonly StoredEvent[],
): Map<string, RegisterEvent[]> {
  const byGrant = new Map<string, StoredEvent[]>();
  for (const e of stored) {
    const list = byGrant.get(e.grantId);
    if (list) list.push(e);
    else byGrant.set(e.grantId, [e]);
  }
  const grantById = new Map(grants.map((g) => [g.id, g]));
  const out = new Map<string, RegisterEvent[]>();
  for (const [grantId, list] of byGrant)
    out.set(grantId, expandHistory(grantById.get(grantId), list));
  return out;
}

/** Compact many grants' full events, each grant's against its row. */
export function compactAll(
  grants: readonly Grant[],
  events: readonly RegisterEvent[],
): StoredEvent[] {
  const byGrant = new Map<string, RegisterEvent[]>();
  for (const e of events) {
    const list = byGrant.get(e.grantId);
    if (list) list.push(e);
    else byGrant.set(e.grantId, [e]);
  }
  const grantById = new Map(grants.map((g) => [g.id, g]));
  const out: StoredEvent[] = [];
  for (const [grantId, list] of byGrant) out.push(...compactHistory(grantById.get(grantId), list));
  return out;
}

/**
 * Stored events as a backup carries them: the head of each grant's chain anchored with the grant
 * row (see `anchor`), every other event as stored. Order kept.
 */
export function anchoredForBackup(
  grants: readonly Grant[],
  stored: readonly StoredEvent[],
): StoredEvent[] {
  const head = new Map<string, StoredEvent>();
  for (const e of stored) {
    if (e.snapshots) continue;
    const current = head.get(e.grantId);
    if (!current || latestFirst(e, current) < 0) head.set(e.grantId, e);
  }
  const rowOf = new Map(grants.map((g) => [g.id, g]));
  return stored.map((e) => {
    const row = rowOf.get(e.grantId);
    return head.get(e.grantId) === e && row ? { ...e, anchor: snapshotOfRow(row) } : e;
  });
}
