/**
 * Restoring a JSON backup (./apply.ts): accounts and people by id or by who they are (higher
 * revision wins), grants by id through the rules with a `restored` event, and the file's history
 * added — never rewritten — each event marked with the file it came from.
 */
import type { RegisterDb } from '../db';
import { appendStoredEvents, readAllStoredEvents } from '../event-batches';
import type { StoredEvent } from '../history';
import { canonicalJson, sealAll, sealEvent } from '../chain';
import { byHistoryOrder, compactHistory, expandAll, selfContained, storedChange } from '../history';
import type { WriteContext } from '../grants';
import type { GrantChange, GrantPatch } from '../rules';
import {
  GRANT_PATCH_FIELDS,
  StatusTransitionError,
  eventRow,
  planGrantChange,
  revisedRow,
  sameGrantContent,
  sealChange,
} from '../rules';
import type { Account, FileProvenance, Grant, Party, RegisterEvent } from '../schema';
import type { BackupPlan } from './plan';
import { accountKey } from './plan';
import { ImportRefusedError, ProblemList } from './problems';
import type { ImportReport, WriteOptions } from './writing';
import { CHUNK, GrantIndex, emptyReport } from './writing';

/** Who a party is, as recording a grant finds it: a person by email, a partner by BC ID. */
function partyIdentity(p: Pick<Party, 'kind' | 'email' | 'bcId'>): string | null {
  if (p.kind === 'person') return p.email ? `email:${p.email.toLowerCase()}` : null;
  return p.bcId ? `bc:${p.bcId}` : null;
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
  // Its links in a hash chain are the holding register's bookkeeping, not the event's content.
  const { fromFile: _a, prev: _ap, hash: _ah, ...x } = a;
  const { fromFile: _b, prev: _bp, hash: _bh, ...y } = b;
  return canonicalJson(x) === canonicalJson(y);
}

/**
 * `e` marked as brought by `fromFile`, the mark where the event's schema puts it (before the
 * chain's links): the order a file's events that already carry a mark are read back in. So a
 * restored register writes the same backup text however many times it is restored.
 */
function markedFromFile(e: RegisterEvent, fromFile: FileProvenance): RegisterEvent {
  const { prev, hash, ...rest } = e;
  return {
    ...rest,
    fromFile,
    ...('prev' in e ? { prev } : {}),
    ...('hash' in e ? { hash } : {}),
  };
}

/** The patch that turns a grant into the backup's version of it. */
function patchOf(g: Grant): GrantPatch {
  return Object.fromEntries(GRANT_PATCH_FIELDS.map((k) => [k, g[k]])) as GrantPatch;
}

export async function applyBackup(
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
      if (!grantsWithHistory.has(g.id)) {
        const restored = sealEvent(eventRow(g, 'restored', ctx, null, g), null);
        g.historyHead = restored.hash;
        eventsOut.push(storedChange(restored, g));
      }
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
      change = sealChange({
        before: same,
        after,
        event: eventRow(after, 'restored', ctx, same, after),
      });
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
        fileEvents.push(e.fromFile ? e : markedFromFile(e, fromFile));
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
  // The history of a grant new to the register keeps the links it was written with, so that an
  // edit of the file shows (../chain.ts); one from before the chain is chained now. History for
  // a grant the register holds is chained after the register's own, and its row names the end.
  const fileHistory = new Map<string, RegisterEvent[]>();
  for (const e of fileEvents) {
    const list = fileHistory.get(e.grantId);
    if (list) list.push(e);
    else fileHistory.set(e.grantId, [e]);
  }
  const rowsOut = new Set(grantsOut);
  for (const [grantId, list] of fileHistory) {
    const chained = newGrants.has(grantId) && !grantsHeld.has(grantId);
    if (chained && list.some((e) => e.hash)) {
      eventsOut.push(...compactHistory(newGrants.get(grantId), list));
      continue;
    }
    const row = index.get(grantId);
    const sealed = sealAll(list.sort(byHistoryOrder), chained ? null : (row?.historyHead ?? null));
    if (row && sealed.head) {
      if (rowsOut.has(row)) row.historyHead = sealed.head;
      else grantsOut.push({ ...row, historyHead: sealed.head });
    }
    if (chained) eventsOut.push(...compactHistory(newGrants.get(grantId), sealed.events));
    else for (const e of sealed.events) eventsOut.push(selfContained(e));
  }

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
