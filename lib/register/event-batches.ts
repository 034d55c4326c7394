/**
 * How the events store holds history: several events to a record (schema v4).
 *
 * IndexedDB's cost here is per record, not per byte: a record written costs about as much
 * whether it holds one event or a hundred, and so does a record read. With one event to a
 * record an import of 10,000 rows and an export of 100,000 events could not come near a second.
 * So a record of the events store is an {@link EventBatch}: events written together, each in its
 * stored form (./history.ts), with the ids of the grants they tell of in `grantIds` (a
 * multi-entry index: a grant's history is the batches that name it, filtered to its events).
 *
 * History stays append-only by event: a batch is added once and never changed (the store
 * refuses anything but `add`, ./db.ts), so every event, once written, stays as it was written.
 * A single change writes a batch of one; an import or a restore writes its events in batches of
 * about {@link BATCH_BYTES}; the v3 → v4 upgrade packs the events it finds grant by
 * grant. Which batch an event sits in means nothing: readers always look at the events.
 *
 * Event ids stay unique across the store (no key enforces it any more): writers give new events
 * new random ids, and a restore compares the file's event ids with every id the register holds
 * before it adds one (./import/apply.ts).
 */
import type { RegisterDb } from './db';
import type { StoredEvent } from './history';

/** One record of the events store: events written together, and the grants they tell of. */
export interface EventBatch {
  id: string;
  /** Each grant with an event in `events`, once: what the `grantIds` index finds the batch by. */
  grantIds: string[];
  events: StoredEvent[];
}

/**
 * About how many bytes of stored events one batch holds. Chromium keeps a value whose serialised
 * form is over 64 KiB outside its database, as a blob file of its own (IDBValueWrapper's
 * kWrapThreshold); a batch stays well under that. A stored event is mostly 250 – 450 bytes, so a
 * batch holds about a hundred of them: measured in Chromium at 100,000 events
 * (docs/register-performance.md), that writes in a tenth and reads in about a third of the time
 * one event to a record takes.
 */
export const BATCH_BYTES = 40 * 1024;

/** Characters of a snapshot's free text (the rest of a snapshot is about 600 bytes). */
function snapshotText(s: { goals?: string } | null | undefined): number {
  return s ? 600 + (s.goals?.length ?? 0) : 0;
}

/**
 * About how many bytes `e` takes as JSON, without writing it out (that costs a stringify per
 * event): the fixed fields, then what varies — the note, the file, the changed fields, whole
 * snapshots.
 */
export function estimatedSize(e: StoredEvent): number {
  let size = 300 + e.note.length;
  if (e.fromFile) size += 80 + e.fromFile.fileName.length;
  if (e.prior) {
    for (const v of Object.values(e.prior)) size += 30 + (typeof v === 'string' ? v.length : 10);
  }
  if (e.snapshots) size += snapshotText(e.snapshots.before) + snapshotText(e.snapshots.after);
  size += snapshotText(e.anchor);
  return size;
}

/** The grant ids a batch of `events` is found by: each once, in first-seen order. */
export function grantIdsOf(events: readonly StoredEvent[]): string[] {
  return [...new Set(events.map((e) => e.grantId))];
}

/** One batch holding `events` (as given). */
export function batchOf(events: StoredEvent[]): EventBatch {
  return { id: crypto.randomUUID(), grantIds: grantIdsOf(events), events };
}

/**
 * `events` in batches of about `bytes` each (at least one event each), in the order given. A
 * grant's consecutive events stay in one batch where they fit (a batch closes early rather than
 * split them), so one grant's history is mostly one record to read.
 */
export function packEvents(
  events: readonly StoredEvent[],
  bytes: number = BATCH_BYTES,
): EventBatch[] {
  const out: EventBatch[] = [];
  let current: StoredEvent[] = [];
  let size = 0;
  const close = () => {
    if (current.length > 0) out.push(batchOf(current));
    current = [];
    size = 0;
  };
  for (let i = 0; i < events.length;) {
    // The run of this grant's events starting at i, and its size.
    let end = i;
    let runSize = 0;
    const grantId = events[i]!.grantId;
    while (end < events.length && events[end]!.grantId === grantId) {
      runSize += estimatedSize(events[end]!);
      end++;
    }
    if (size + runSize > bytes) close();
    if (runSize <= bytes) {
      for (let k = i; k < end; k++) current.push(events[k]!);
      size += runSize;
    } else {
      // Longer than a batch: the run fills batches of its own.
      for (let k = i; k < end; k++) {
        const one = estimatedSize(events[k]!);
        if (size + one > bytes) close();
        current.push(events[k]!);
        size += one;
      }
    }
    i = end;
  }
  close();
  return out;
}

/** True when `batch` is well formed: events, and exactly their grants in `grantIds`. */
export function isWellFormedBatch(batch: unknown): batch is EventBatch {
  if (batch === null || typeof batch !== 'object') return false;
  const { id, grantIds, events } = batch as Partial<EventBatch>;
  if (typeof id !== 'string' || !Array.isArray(grantIds) || !Array.isArray(events)) return false;
  if (events.length === 0) return false;
  const named = new Set(grantIds);
  if (named.size !== grantIds.length) return false;
  const told = new Set<string>();
  for (const e of events) {
    if (e === null || typeof e !== 'object' || typeof e.grantId !== 'string') return false;
    if (!named.has(e.grantId)) return false;
    told.add(e.grantId);
  }
  return told.size === named.size;
}

// The readers and the writer below hand back Dexie's own promises (no `async`): awaited inside
// a Dexie transaction, a native async function between the caller and Dexie loses the
// transaction's zone, and IndexedDB commits the transaction before the caller's next request.

/** Every stored event of the register, batch after batch. In the caller's transaction, if any. */
export function readAllStoredEvents(db: RegisterDb): Promise<StoredEvent[]> {
  return db.events.toArray().then((batches) => batches.flatMap((b) => b.events));
}

/** One grant's stored events (any order). In the caller's transaction, if any. */
export function readStoredEventsOf(db: RegisterDb, grantId: string): Promise<StoredEvent[]> {
  return db.events
    .where('grantIds')
    .equals(grantId)
    .toArray()
    .then((batches) => batches.flatMap((b) => b.events.filter((e) => e.grantId === grantId)));
}

/** Add `events` to history in batches of about {@link BATCH_BYTES}, in the caller's transaction. */
export function appendStoredEvents(
  db: RegisterDb,
  events: readonly StoredEvent[],
): Promise<unknown> {
  return db.events.bulkAdd(packEvents(events));
}
