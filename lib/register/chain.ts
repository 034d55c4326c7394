/**
 * The history's hash chain: each event carries `hash`, a SHA-256 over a canonical encoding of the
 * event (its grant before and after included) and of `prev`, the hash of the event written before
 * it for the same grant (null for a grant's first). The grant row keeps the hash of its latest
 * event (`historyHead`). So an event edited, removed, moved to another place in its grant's
 * history or slipped in from elsewhere, and a grant row changed outside the write path, no longer
 * check out ({@link verifyChain}).
 *
 * The chain runs in the order events were written, which is the order of the links, not of the
 * events' times. A restore keeps the links of a grant's history that a file brings whole (so an
 * edit of the file shows), marks each event with the file, and chains history a file brings
 * for a grant the register already holds after the register's own.
 *
 * SHA-256 comes from `@noble/hashes`, which is synchronous: the rules plan a change without any
 * `await` (an import plans thousands in one IndexedDB transaction, and an await on anything but
 * IndexedDB lets the transaction commit early), which Web Crypto's promise-only `digest` would
 * break. Hashing is over the event's full form (as `expandHistory` tells it), not the compact
 * stored one, so the chain says the same thing however the events are packed.
 *
 * The chain has no secret: it shows changes made by anyone who does not recompute every hash
 * after the one they changed (an edited export, a hand-edited database, a faulty migration);
 * docs/security.md says what that does and does not prove.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { StoredEvent } from './history';
import { expandHistory } from './history';
import type { Grant, RegisterEvent } from './schema';

/** Marks what is hashed, so that the same text hashed for another purpose never collides. */
const EVENT_DOMAIN = 'access-companion/history-event/v1\n';

/**
 * JSON with every object's keys sorted (by UTF-16 code units), at every depth, and undefined
 * fields left out. Every event written is hashed over this text, so it is built in one pass of
 * string appends rather than arrays of entries per object: it is about half the cost of sealing
 * an event, and an import seals one per row.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // What JSON cannot write (undefined, a function) leaves its place empty.
      const item = canonicalJson(value[i]) as string | undefined;
      if (item !== undefined) out += item;
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return out + '}';
}

/** SHA-256 of `text` (UTF-8), as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The hash an event should carry: over everything it says but its own hash (`prev` included)
 * and its file mark. The mark says where this register got the event from, not what happened:
 * a restore marks the events it brings, and they keep the links they were written with.
 */
export function eventHash(e: RegisterEvent): string {
  const { hash: _h, fromFile: _f, ...rest } = e;
  return sha256Hex(EVENT_DOMAIN + canonicalJson(rest));
}

/** `e` chained after the event whose hash is `prev` (null: the grant's first event). */
export function sealEvent(e: RegisterEvent, prev: string | null): RegisterEvent {
  const open: RegisterEvent = { ...e, prev };
  delete open.hash;
  return { ...open, hash: eventHash(open) };
}

/**
 * Chain `events` (one grant's, in the order they are written) after `head` (the grant's latest
 * hash, null when it has none). Gives the events sealed and the new head.
 */
export function sealAll(
  events: readonly RegisterEvent[],
  head: string | null,
): { events: RegisterEvent[]; head: string | null } {
  let prev = head;
  const out = events.map((e) => {
    const sealed = sealEvent(e, prev);
    prev = sealed.hash!;
    return sealed;
  });
  return { events: out, head: prev };
}

/** What is wrong at one place of a grant's chain. */
export type ChainProblem =
  /** The event carries no hash: written outside the chain. */
  | 'unsealed'
  /** The event's content is not what its hash was computed over. */
  | 'altered'
  /** The event before this one (the one its `prev` names) is not in the history. */
  | 'missing'
  /** Another event already follows the same event (or also claims to be the first). */
  | 'forked'
  /** The grant row does not name the chain's last event: events after it were removed. */
  | 'headMismatch';

export interface ChainBreak {
  problem: ChainProblem;
  /** The event where the chain breaks (null for `headMismatch` on a grant without events). */
  eventId: string | null;
  /** That event's time, to find it in the history. */
  at: string | null;
}

/** One grant's chain, checked. */
export interface ChainCheck {
  grantId: string;
  ok: boolean;
  /** How many events the grant's history holds. */
  events: number;
  /** The hash of the chain's last event (what the row should name), or null. */
  head: string | null;
  /** Every place the chain breaks, in the order of the history. */
  breaks: ChainBreak[];
}

/**
 * Check one grant's history (`stored`: every stored event of the grant; `grant`: its row, or
 * undefined when the register does not hold it). Reports each place the chain breaks.
 */
export function verifyChain(
  grantId: string,
  grant: Grant | undefined,
  stored: readonly StoredEvent[],
): ChainCheck {
  return verifyEvents(
    grantId,
    grant?.historyHead,
    expandHistory(grant, stored),
    grant !== undefined,
  );
}

/**
 * Check a grant's full events (any order) against the head its row names. `hasRow`: whether a
 * row exists to name a head at all (history of a grant the register does not hold has none).
 */
export function verifyEvents(
  grantId: string,
  rowHead: string | undefined,
  events: readonly RegisterEvent[],
  hasRow = true,
): ChainCheck {
  const breaks: ChainBreak[] = [];
  const at = (e: RegisterEvent, problem: ChainProblem): ChainBreak => ({
    problem,
    eventId: e.id,
    at: e.at,
  });
  const hashes = new Set<string>();
  const followed = new Set<string | null>();
  const hasNext = new Set<string>();
  for (const e of events) if (e.hash) hashes.add(e.hash);
  for (const e of events) {
    if (!e.hash) {
      breaks.push(at(e, 'unsealed'));
      continue;
    }
    if (eventHash(e) !== e.hash) breaks.push(at(e, 'altered'));
    const prev = e.prev ?? null;
    if (prev !== null && !hashes.has(prev)) breaks.push(at(e, 'missing'));
    if (followed.has(prev)) breaks.push(at(e, 'forked'));
    followed.add(prev);
    if (prev !== null) hasNext.add(prev);
  }
  // The chain's last event: the sealed one nothing follows (the latest written, when intact).
  const tips = events.filter((e) => e.hash && !hasNext.has(e.hash));
  const head = tips.length === 1 ? tips[0]!.hash! : (tips.at(-1)?.hash ?? null);
  if (hasRow && (rowHead ?? null) !== head) {
    const last = tips.at(-1);
    breaks.push(
      last ? at(last, 'headMismatch') : { problem: 'headMismatch', eventId: null, at: null },
    );
  }
  return { grantId, ok: breaks.length === 0, events: events.length, head, breaks };
}

/** Every grant's chain: `grants` by id, `stored` every stored event of the register (any order). */
export function verifyAllChains(
  grants: readonly Grant[],
  stored: readonly StoredEvent[],
  only?: ReadonlySet<string>,
): Map<string, ChainCheck> {
  const byGrant = new Map<string, StoredEvent[]>();
  for (const e of stored) {
    if (only && !only.has(e.grantId)) continue;
    const list = byGrant.get(e.grantId);
    if (list) list.push(e);
    else byGrant.set(e.grantId, [e]);
  }
  const out = new Map<string, ChainCheck>();
  for (const g of grants) {
    if (only && !only.has(g.id)) continue;
    out.set(g.id, verifyChain(g.id, g, byGrant.get(g.id) ?? []));
  }
  for (const [grantId, list] of byGrant)
    if (!out.has(grantId)) out.set(grantId, verifyChain(grantId, undefined, list));
  return out;
}
