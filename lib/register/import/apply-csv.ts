/**
 * Writing a CSV's rows (./apply.ts): each row matched with a grant by `grant_id`, then by
 * account and party among the live grants (./plan.ts), planned through the rules and written in
 * chunks inside the caller's transaction. Accounts and people are found by who they are and
 * created when new.
 */
import type { RegisterDb } from '../db';
import { packEvents } from '../event-batches';
import type { StoredEvent } from '../history';
import { storedChange } from '../history';
import type { WriteContext } from '../grants';
import { dayAfter, newAccountRow, newPartyRow } from '../grants';
import type { GrantChange, GrantPatch } from '../rules';
import {
  StatusTransitionError,
  patchDiffers,
  planGrantChange,
  planNewGrant,
  revisedRow,
} from '../rules';
import type { Account, FileProvenance, Grant, Party } from '../schema';
import { DEFAULT_REVIEW_CADENCE_DAYS } from '../../settings/schema';
import type { CsvGrantRow } from './plan';
import { accountKey, partyKey, rowIsOlder, targetOfRow } from './plan';
import { ImportRefusedError, ProblemList } from './problems';
import type { ImportReport, WriteOptions } from './writing';
import { CHUNK, ChunkWrites, GrantIndex, emptyReport } from './writing';

/** The fields of a CSV row that were filled in. */
function filledFields(row: CsvGrantRow): GrantPatch {
  return Object.fromEntries(
    Object.entries(row.fields).filter(([, v]) => v !== undefined),
  ) as GrantPatch;
}

export async function applyCsv(
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
