/**
 * Writing a parsed import into the register, by the same rules as every other write
 * (../rules.ts), in one read-write transaction: all of it, or — on a conflict with the register,
 * a failure or a cancel — none of it.
 *
 * A CSV row is matched with a grant by `grant_id` first, then by account and party among the
 * live grants only (./plan.ts `targetOfRow`). A matched row updates its grant (filled cells
 * replace the register's values, empty cells keep them) unless it is older than the grant —
 * then it is reported, never applied. An unmatched row is a new grant (keeping the file's
 * `grant_id`, `rev` and `updated_at`, so the register's own export comes back unchanged).
 *
 * A backup's rows are matched by id. A grant the backup changes is changed through the rules
 * (status transitions and all) with a `restored` event holding before and after; a backup grant
 * at a revision no higher than the register's is reported, never applied. History events are only
 * ever added, each marked with the file it came from; an event whose id the register already
 * holds with other content is refused. Events are written several to a record
 * (../event-batches.ts): a chunk's events in a few batches, a restore's likewise. Accounts and
 * people: the higher revision wins, and an account with another id but the same TikTok ID is the
 * same account.
 */
import type { RegisterDb } from '../db';
import { appendStoredEvents, packEvents, readAllStoredEvents } from '../event-batches';
import type { StoredEvent } from '../history';
import { compactHistory, expandAll, selfContained, storedChange } from '../history';
import type { WriteContext } from '../grants';
import { dayAfter, newAccountRow, newPartyRow } from '../grants';
import type { GrantChange, GrantPatch } from '../rules';
import {
  GRANT_PATCH_FIELDS,
  StatusTransitionError,
  eventRow,
  isLive,
  patchDiffers,
  planGrantChange,
  planNewGrant,
  revisedRow,
  sameGrantContent,
} from '../rules';
import type { Account, FileProvenance, Grant, Party, RegisterEvent } from '../schema';
import { DEFAULT_REVIEW_CADENCE_DAYS } from '../../settings/schema';
import type { BackupPlan, CsvGrantRow, ImportPlan } from './plan';
import { accountKey, partyKey, rowIsOlder, targetOfRow } from './plan';
import { ImportRefusedError, ProblemList } from './problems';

/** What happened to one row that matched something already in the register. */
export interface MergeNote {
  /** CSV line (`line 4`), or the backup row (`grants[3]`). */
  where: string;
  grantId: string;
  /** `keptNewer`: the row is older than the register's grant and was not applied. */
  outcome: 'updated' | 'unchanged' | 'keptNewer';
}

/** What an import wrote. */
export interface ImportReport {
  grantsAdded: number;
  grantsUpdated: number;
  grantsUnchanged: number;
  /** Rows older than the register's grant: reported in `merged`, not applied. */
  grantsKeptNewer: number;
  accountsAdded: number;
  partiesAdded: number;
  eventsAdded: number;
  merged: MergeNote[];
}

/** Progress of a long import: `done` out of `total` rows. */
export type ImportProgress = (done: number, total: number) => void;

/** How to write an import. */
export interface ImportOptions {
  /** When the import happens (events and provenance); the current time when not given. */
  now?: Date;
  /** The note on each event the import writes (e.g. "Imported from register.csv"). */
  note?: string;
  /** The review cadence of a new grant whose row names none (the options' default). */
  defaultCadenceDays?: number;
  onProgress?: ImportProgress;
  /** Cancels the import: nothing is written. */
  signal?: AbortSignal;
}

/** The options with the moment settled, as the writers below use them. */
type WriteOptions = ImportOptions & { now: Date };

const CHUNK = 500;

/**
 * Write a parsed import in one transaction: all of it, or none of it. Throws
 * {@link ImportRefusedError} (naming each row) when the register refuses rows the file alone
 * could not show to be wrong, and the signal's reason when cancelled.
 */
export async function applyImport(
  db: RegisterDb,
  plan: ImportPlan,
  options: ImportOptions = {},
): Promise<ImportReport> {
  options.signal?.throwIfAborted();
  const at: WriteOptions = { ...options, now: options.now ?? new Date() };
  const fromFile: FileProvenance = {
    fileName: plan.fileName.slice(0, 500),
    importedAt: at.now.toISOString(),
    format: plan.format,
  };
  return db.transaction('rw', [db.accounts, db.parties, db.grants, db.events, db.reminders], () =>
    plan.format === 'csv'
      ? applyCsv(db, plan.rows, at, fromFile)
      : applyBackup(db, plan, at, fromFile),
  );
}

function emptyReport(): ImportReport {
  return {
    grantsAdded: 0,
    grantsUpdated: 0,
    grantsUnchanged: 0,
    grantsKeptNewer: 0,
    accountsAdded: 0,
    partiesAdded: 0,
    eventsAdded: 0,
    merged: [],
  };
}

/** The register's grants, indexed for matching rows. Kept current as the import writes. */
class GrantIndex {
  private readonly byId = new Map<string, Grant>();
  private readonly byPair = new Map<string, Grant[]>();

  constructor(grants: readonly Grant[]) {
    for (const g of grants) this.set(g);
  }

  get(id: string): Grant | undefined {
    return this.byId.get(id);
  }

  /** The pair's grants that are not deleted. */
  pair(accountId: string, partyId: string): Grant[] {
    return (this.byPair.get(`${accountId}|${partyId}`) ?? []).filter((g) => g.deletedAt === null);
  }

  /** A live grant of the pair other than `g`, which `g` being live would duplicate. */
  otherLive(g: Grant): Grant | undefined {
    if (!isLive(g)) return undefined;
    return this.pair(g.accountId, g.partyId).find((o) => o.id !== g.id && isLive(o));
  }

  set(g: Grant): void {
    const pair = `${g.accountId}|${g.partyId}`;
    const list = (this.byPair.get(pair) ?? []).filter((o) => o.id !== g.id);
    list.push(g);
    this.byPair.set(pair, list);
    this.byId.set(g.id, g);
  }
}

/** The fields of a CSV row that were filled in. */
function filledFields(row: CsvGrantRow): GrantPatch {
  return Object.fromEntries(
    Object.entries(row.fields).filter(([, v]) => v !== undefined),
  ) as GrantPatch;
}

async function applyCsv(
  db: RegisterDb,
  rows: CsvGrantRow[],
  options: WriteOptions,
  fromFile: FileProvenance,
): Promise<ImportReport> {
  const now = options.now.toISOString();
  const ctx: WriteContext = {
    source: 'import',
    now: options.now,
    note: options.note ?? `Imported from ${fromFile.fileName}`,
    fromFile,
  };
  const report = emptyReport();
  const refused = new ProblemList();
  const [accounts, parties, grants] = await Promise.all([
    db.accounts.toArray(),
    db.parties.toArray(),
    db.grants.toArray(),
  ]);
  const accountByKey = new Map(accounts.map((a) => [accountKey(a.kind, a.externalId), a]));
  const partyByKey = new Map<string, Party>();
  for (const p of parties) {
    if (p.deletedAt !== null) continue;
    const key = partyKey({ ...p, isMe: p.isMe && p.kind === 'person' && !p.email });
    if (!partyByKey.has(key)) partyByKey.set(key, p);
  }
  const index = new GrantIndex(grants);
  const writes = new ChunkWrites();

  for (let start = 0; start < rows.length; start += CHUNK) {
    options.signal?.throwIfAborted();
    const accountsOut = new Map<string, Account>();
    const partiesOut = new Map<string, Party>();
    const grantsOut = new Map<string, Grant>();
    const eventsOut: StoredEvent[] = [];
    const write = (change: GrantChange) => {
      index.set(change.after);
      grantsOut.set(change.after.id, change.after);
      eventsOut.push(storedChange(change.event, change.after));
    };
    for (const row of rows.slice(start, start + CHUNK)) {
      const where = `line ${row.line}`;
      const acc = resolveAccount(row.account, accountByKey, now, accountsOut, report);
      const who = resolveParty(row.party, partyByKey, now, partiesOut, report);
      const refuse = (message: string, column?: string) =>
        refused.add({ line: row.line, ...(column ? { column } : {}), message });

      const known = row.grantId !== undefined ? index.get(row.grantId) : undefined;
      if (known && (known.accountId !== acc.id || known.partyId !== who.id)) {
        refuse(
          'This grant_id is a grant of another account or person in the register.',
          'grant_id',
        );
        continue;
      }
      if (known && known.deletedAt !== null) {
        // Deleted in the register after the file was made: the deletion stands.
        report.grantsKeptNewer++;
        report.merged.push({ where, grantId: known.id, outcome: 'keptNewer' });
        continue;
      }
      const target = known
        ? ({ kind: 'merge', grant: known } as const)
        : targetOfRow(row, index.pair(acc.id, who.id));
      if (target.kind === 'older') {
        report.grantsKeptNewer++;
        report.merged.push({ where, grantId: target.grant.id, outcome: 'keptNewer' });
        continue;
      }
      if (target.kind === 'new') {
        const f = row.fields;
        const cadence =
          f.reviewCadenceDays ?? options.defaultCadenceDays ?? DEFAULT_REVIEW_CADENCE_DAYS;
        const started = f.lastReviewedAt ?? f.acceptedAt ?? f.invitedAt ?? now;
        // A row from the register's own export (it has a grant_id) says "no next review" with
        // an empty cell; a hand-made row leaves it to the cadence.
        const nextReviewOn =
          f.nextReviewOn ?? (row.grantId ? null : dayAfter(new Date(started), cadence));
        const change = planNewGrant(
          {
            ...f,
            accountId: acc.id,
            partyId: who.id,
            reviewCadenceDays: cadence,
            nextReviewOn,
            ...(row.grantId ? { id: row.grantId } : {}),
            ...(row.rev !== undefined ? { rev: row.rev } : {}),
            ...(row.updatedAt !== undefined ? { updatedAt: row.updatedAt } : {}),
          },
          ctx,
          'imported',
        );
        write(change);
        report.grantsAdded++;
        continue;
      }
      const current = target.grant;
      const patch = filledFields(row);
      if (rowIsOlder(row, current)) {
        const outcome = patchDiffers(current, patch) ? 'keptNewer' : 'unchanged';
        if (outcome === 'keptNewer') report.grantsKeptNewer++;
        else report.grantsUnchanged++;
        report.merged.push({ where, grantId: current.id, outcome });
        continue;
      }
      let change: GrantChange | null;
      try {
        change = planGrantChange(current, patch, ctx, 'imported');
      } catch (error) {
        if (!(error instanceof StatusTransitionError)) throw error;
        refuse(
          `The register’s grant is ${current.status}; it cannot become ${patch.status} (${error.message})`,
          'status',
        );
        continue;
      }
      if (!change) {
        report.grantsUnchanged++;
        report.merged.push({ where, grantId: current.id, outcome: 'unchanged' });
        continue;
      }
      const clash = index.otherLive(change.after);
      if (clash) {
        refuse(
          `This would make a second live grant for this account and person (grant ${clash.id}).`,
          'status',
        );
        continue;
      }
      write(change);
      report.grantsUpdated++;
      report.merged.push({ where, grantId: current.id, outcome: 'updated' });
    }
    if (!refused.empty) continue; // keep checking, write nothing more: the import is refused
    const written = Math.min(start + CHUNK, rows.length);
    await writes.issue(
      [
        db.accounts.bulkPut([...accountsOut.values()]),
        db.parties.bulkPut([...partiesOut.values()]),
        db.grants.bulkPut([...grantsOut.values()]),
        db.events.bulkAdd(packEvents(eventsOut)),
      ],
      () => {
        options.signal?.throwIfAborted();
        report.eventsAdded += eventsOut.length;
        options.onProgress?.(written, rows.length);
      },
    );
  }
  await writes.finish();
  if (!refused.empty) throw new ImportRefusedError(refused.problems, refused.more);
  return report;
}

/**
 * The import's chunks of writes, kept flowing: IndexedDB stores a chunk in its own process while
 * the next chunk is planned here, instead of each waiting for the other. {@link issue} waits only
 * for the chunk before the one just issued, so progress and Cancel keep pace with what is
 * written and the thread still answers messages between chunks; a chunk's `then` (progress,
 * Cancel) runs once its writes are done, in order. Writes already issued when one fails or the
 * import is refused fail with the transaction's abort: they are awaited here, never left unheard.
 */
class ChunkWrites {
  private pending: Promise<void>[] = [];

  /** Issue one chunk's writes; resolves once the chunk issued before it is written. */
  async issue(requests: readonly PromiseLike<unknown>[], then: () => void): Promise<void> {
    const chunk = Promise.all(requests).then(then);
    // Heard at once, so a chunk failing while the one before is awaited is no unhandled rejection.
    chunk.catch(() => undefined);
    this.pending.push(chunk);
    if (this.pending.length > 1) await this.pending.shift();
  }

  /** Every chunk issued, written. */
  async finish(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }
}

function resolveAccount(
  draft: CsvGrantRow['account'],
  byKey: Map<string, Account>,
  now: string,
  out: Map<string, Account>,
  report: ImportReport,
): Account {
  const key = accountKey(draft.kind, draft.externalId);
  const existing = byKey.get(key);
  if (existing) {
    const fillName = !existing.name && draft.name;
    if (existing.deletedAt === null && !fillName) return existing;
    const updated = revisedRow(
      existing,
      { name: existing.name || (draft.name ?? ''), deletedAt: null },
      now,
    );
    byKey.set(key, updated);
    out.set(updated.id, updated);
    return updated;
  }
  const row = newAccountRow(draft, now);
  byKey.set(key, row);
  out.set(row.id, row);
  report.accountsAdded++;
  return row;
}

/** Who a party is, as recording a grant finds it: a person by email, a partner by BC ID. */
function partyIdentity(p: Pick<Party, 'kind' | 'email' | 'bcId'>): string | null {
  if (p.kind === 'person') return p.email ? `email:${p.email.toLowerCase()}` : null;
  return p.bcId ? `bc:${p.bcId}` : null;
}

function resolveParty(
  draft: CsvGrantRow['party'],
  byKey: Map<string, Party>,
  now: string,
  out: Map<string, Party>,
  report: ImportReport,
): Party {
  const key = partyKey(draft);
  const existing = byKey.get(key);
  if (existing) {
    const fill = (!existing.name && draft.name) || (!existing.organisation && draft.organisation);
    if (!fill) return existing;
    const updated = revisedRow(
      existing,
      {
        name: existing.name || (draft.name ?? '').trim(),
        organisation: existing.organisation || (draft.organisation ?? '').trim(),
      },
      now,
    );
    byKey.set(key, updated);
    out.set(updated.id, updated);
    return updated;
  }
  const row = newPartyRow(draft, now);
  byKey.set(key, row);
  out.set(row.id, row);
  report.partiesAdded++;
  return row;
}

/**
 * The register's events that share an id with one of the file's, told in full (each one's grant
 * history expanded against its row), by id. Every event the register holds is looked at, since
 * ids are unique across the store whatever grant an event names (a file cannot add a second
 * event under an id the register holds for another grant); with events packed into batches that
 * is one short read of the store, which a backup restored into the register it came from needs
 * whole anyway.
 */
async function heldEventsNamedIn(
  db: RegisterDb,
  fileEvents: readonly RegisterEvent[],
): Promise<Map<string, RegisterEvent>> {
  const out = new Map<string, RegisterEvent>();
  if (fileEvents.length === 0) return out;
  const held = await readAllStoredEvents(db);
  const named = new Set(fileEvents.map((e) => e.id));
  const grantIds = new Set(held.flatMap((e) => (named.has(e.id) ? [e.grantId] : [])));
  if (grantIds.size === 0) return out;
  const grants = (await db.grants.bulkGet([...grantIds])).filter((g) => g !== undefined);
  const ofThoseGrants = held.filter((e) => grantIds.has(e.grantId));
  for (const list of expandAll(grants, ofThoseGrants).values())
    for (const e of list) if (named.has(e.id)) out.set(e.id, e);
  return out;
}

/** An event's content, its file provenance aside (a re-import marks nothing new). */
function sameEvent(a: RegisterEvent, b: RegisterEvent): boolean {
  const { fromFile: _a, ...x } = a;
  const { fromFile: _b, ...y } = b;
  return canonicalJson(x) === canonicalJson(y);
}

/** JSON with every object's keys sorted, at every depth: equal content, equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The patch that turns a grant into the backup's version of it. */
function patchOf(g: Grant): GrantPatch {
  return Object.fromEntries(GRANT_PATCH_FIELDS.map((k) => [k, g[k]])) as GrantPatch;
}

async function applyBackup(
  db: RegisterDb,
  plan: BackupPlan,
  options: WriteOptions,
  fromFile: FileProvenance,
): Promise<ImportReport> {
  const report = emptyReport();
  const refused = new ProblemList();
  const now = options.now.toISOString();
  const ctx: WriteContext = {
    source: 'import',
    now: options.now,
    note: options.note ?? `Restored from ${fromFile.fileName}`,
    fromFile,
  };
  const total =
    plan.accounts.length +
    plan.parties.length +
    plan.grants.length +
    plan.events.length +
    plan.reminders.length;
  let done = 0;
  const tick = (n: number) => {
    options.signal?.throwIfAborted();
    done += n;
    options.onProgress?.(done, total);
  };

  // Accounts: by id, else by TikTok ID (the unique index), higher revision wins.
  const existingAccounts = await db.accounts.toArray();
  const accountById = new Map(existingAccounts.map((a) => [a.id, a]));
  const accountByKey = new Map(existingAccounts.map((a) => [accountKey(a.kind, a.externalId), a]));
  const accountRemap = new Map<string, string>();
  const accountsOut: Account[] = [];
  plan.accounts.forEach((a, i) => {
    const key = accountKey(a.kind, a.externalId);
    const byKey = accountByKey.get(key);
    const same = accountById.get(a.id) ?? byKey;
    if (!same) {
      accountsOut.push(a);
      report.accountsAdded++;
      return;
    }
    if (byKey && byKey.id !== same.id) {
      refused.add({
        line: null,
        where: `accounts[${i}]`,
        column: 'externalId',
        message: `The register holds the TikTok ID ${a.externalId} as another account.`,
      });
      return;
    }
    accountRemap.set(a.id, same.id);
    if (a.rev > same.rev) accountsOut.push({ ...a, id: same.id });
  });
  tick(plan.accounts.length);

  // Parties: by id, else by who they are (a person's email, a partner's Business Center ID) as
  // the register finds them when a grant is recorded: a backup of another register that knows
  // the same person adds no second row for them. A party matched that way keeps the register's
  // row (revisions of two registers are not comparable).
  const partiesOut: Party[] = [];
  const partyRemap = new Map<string, string>();
  const existingParties = await db.parties.toArray();
  const partyById = new Map(existingParties.map((p) => [p.id, p]));
  const partyByIdentity = new Map<string, Party>();
  for (const p of existingParties) {
    const identity = partyIdentity(p);
    if (identity && p.deletedAt === null && !partyByIdentity.has(identity))
      partyByIdentity.set(identity, p);
  }
  for (const p of plan.parties) {
    const same = partyById.get(p.id);
    if (same) {
      if (p.rev > same.rev) partiesOut.push(p);
      continue;
    }
    const identity = partyIdentity(p);
    const known = identity && p.deletedAt === null ? partyByIdentity.get(identity) : undefined;
    if (known) {
      partyRemap.set(p.id, known.id);
      continue;
    }
    partiesOut.push(p);
    report.partiesAdded++;
  }
  tick(plan.parties.length);

  const index = new GrantIndex(await db.grants.toArray());
  const grantsOut: Grant[] = [];
  const eventsOut: StoredEvent[] = [];
  const grantsWithHistory = new Set(plan.events.map((e) => e.grantId));
  /** Grants new to the register, as written: their history from the file is chained onto them. */
  const newGrants = new Map<string, Grant>();
  plan.grants.forEach((g0, i) => {
    const where = `grants[${i}]`;
    const g = {
      ...g0,
      accountId: accountRemap.get(g0.accountId) ?? g0.accountId,
      partyId: partyRemap.get(g0.partyId) ?? g0.partyId,
    };
    const same = index.get(g.id);
    const refuse = (message: string, column?: string) =>
      refused.add({ line: null, where, ...(column ? { column } : {}), message });
    if (!same) {
      const clash = index.otherLive(g);
      if (clash) {
        refuse(`The register already holds a live grant (${clash.id}) for this account and party.`);
        return;
      }
      index.set(g);
      grantsOut.push(g);
      newGrants.set(g.id, g);
      // A grant the backup brings without any history gets one event saying where it came from.
      if (!grantsWithHistory.has(g.id))
        eventsOut.push(storedChange(eventRow(g, 'restored', ctx, null, g), g));
      report.grantsAdded++;
      return;
    }
    if (sameGrantContent(same, g)) {
      report.grantsUnchanged++;
      report.merged.push({ where, grantId: g.id, outcome: 'unchanged' });
      return;
    }
    if (g.rev <= same.rev) {
      report.grantsKeptNewer++;
      report.merged.push({ where, grantId: g.id, outcome: 'keptNewer' });
      return;
    }
    if (same.accountId !== g.accountId || same.partyId !== g.partyId) {
      refuse('This grant belongs to another account or party in the register.');
      return;
    }
    let change: GrantChange | null;
    if (same.deletedAt !== g.deletedAt) {
      // A deletion (or its undoing) is not a status move: the row's tombstone changes.
      const after = revisedRow(same, { ...patchOf(g), deletedAt: g.deletedAt ? now : null }, now);
      change = { before: same, after, event: eventRow(after, 'restored', ctx, same, after) };
    } else {
      try {
        change = planGrantChange(same, patchOf(g), ctx, 'restored');
      } catch (error) {
        if (!(error instanceof StatusTransitionError)) throw error;
        refuse(
          `The register’s grant is ${same.status}; a backup cannot make it ${g.status}.`,
          'status',
        );
        return;
      }
    }
    if (!change) {
      report.grantsUnchanged++;
      report.merged.push({ where, grantId: g.id, outcome: 'unchanged' });
      return;
    }
    const clash = index.otherLive(change.after);
    if (clash) {
      refuse(`This would make a second live grant for this account and party (${clash.id}).`);
      return;
    }
    index.set(change.after);
    grantsOut.push(change.after);
    eventsOut.push(storedChange(change.event, change.after));
    report.grantsUpdated++;
    report.merged.push({ where, grantId: g.id, outcome: 'updated' });
  });
  tick(plan.grants.length);

  // History: only ever added, each event marked with the file it came from (an event that a
  // file brought before keeps its first provenance).
  const byId = new Map(plan.events.map((e, i) => [e.id, i]));
  const fileEvents: RegisterEvent[] = [];
  const heldById = await heldEventsNamedIn(db, plan.events);
  /** Grants of which the register already holds some of the file's events. */
  const grantsHeld = new Set([...heldById.values()].map((e) => e.grantId));
  for (let start = 0; start < plan.events.length; start += CHUNK * 10) {
    const chunk = plan.events.slice(start, start + CHUNK * 10);
    chunk.forEach((e, i) => {
      const held = heldById.get(e.id);
      if (!held) {
        fileEvents.push(e.fromFile ? e : { ...e, fromFile });
      } else if (!sameEvent(held, e)) {
        refused.add({
          line: null,
          where: `events[${byId.get(e.id) ?? start + i}]`,
          message: `The register already holds event ${e.id} with other content; a backup cannot rewrite history.`,
        });
      }
    });
    tick(chunk.length);
  }

  // A grant new to the register keeps the file's history chained onto its row (told exactly as
  // the file tells it); history for a grant the register already held is kept self-contained,
  // beside the register's own chain.
  const fileHistory = new Map<string, RegisterEvent[]>();
  for (const e of fileEvents) {
    const chained = newGrants.has(e.grantId) && !grantsHeld.has(e.grantId);
    if (!chained) {
      eventsOut.push(selfContained(e));
      continue;
    }
    const list = fileHistory.get(e.grantId);
    if (list) list.push(e);
    else fileHistory.set(e.grantId, [e]);
  }
  for (const [grantId, list] of fileHistory)
    eventsOut.push(...compactHistory(newGrants.get(grantId), list));

  // Reminder state: by id, higher revision wins (like every sync-ready row).
  const existingReminders = await db.reminders.bulkGet(plan.reminders.map((r) => r.id));
  const remindersOut = plan.reminders.filter((r, i) => {
    const same = existingReminders[i];
    return !same || r.rev > same.rev;
  });

  if (!refused.empty) throw new ImportRefusedError(refused.problems, refused.more);
  await db.accounts.bulkPut(accountsOut);
  await db.parties.bulkPut(partiesOut);
  await db.grants.bulkPut(grantsOut);
  for (let start = 0; start < eventsOut.length; start += CHUNK * 10) {
    await appendStoredEvents(db, eventsOut.slice(start, start + CHUNK * 10));
    options.signal?.throwIfAborted();
  }
  report.eventsAdded = eventsOut.length;
  await db.reminders.bulkPut(remindersOut);
  tick(plan.reminders.length);
  return report;
}
