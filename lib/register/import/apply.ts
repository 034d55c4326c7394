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
import type { FileProvenance } from '../schema';
import { applyBackup } from './apply-backup';
import { applyCsv } from './apply-csv';
import type { ImportPlan } from './plan';
import type { ImportOptions, ImportReport, WriteOptions } from './writing';

export type { ImportOptions, ImportProgress, ImportReport, MergeNote } from './writing';

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
