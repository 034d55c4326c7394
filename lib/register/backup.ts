/**
 * The full JSON backup: every table with the schema version it was written under, and the
 * numbered steps that bring an older backup up to the current schema. The database's own
 * migrations live in db.ts; these mirror them for rows outside the database.
 */
import { REGISTER_SCHEMA_VERSION } from './db';

/** Marks a JSON file as ours, so a random JSON file is refused with a clear reason. */
export const BACKUP_FORMAT = 'access-companion-backup';

/** The tables a backup carries, as loose rows (validated after upgrading). */
export interface BackupTables {
  accounts: Record<string, unknown>[];
  parties: Record<string, unknown>[];
  grants: Record<string, unknown>[];
  events: Record<string, unknown>[];
  /** Schema v2 on: each reminder's state (a v1 backup has none). */
  reminders: Record<string, unknown>[];
}

/** A backup file's content. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  tables: BackupTables;
}

export const BACKUP_TABLES = ['accounts', 'parties', 'grants', 'events', 'reminders'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

type RowStep = (row: Record<string, unknown>) => Record<string, unknown>;

/** Turns rows of version `from` into rows of version `from + 1`, table by table. Pure. */
export interface BackupUpgrade {
  from: number;
  rows: Partial<Record<BackupTable, RowStep>>;
}

/**
 * Every upgrade step, oldest first. When the database gets schema version N+1, add the step
 * `from: N` here too, with a test that upgrades a version-N backup.
 *
 * Version 0 is the pre-release shape (before the register was sync-ready): rows had no `rev`,
 * `updatedAt` or `deletedAt`, grants called the ad account permission `accountRole`, and events
 * had no `checklist`.
 */
export const BACKUP_UPGRADES: readonly BackupUpgrade[] = [
  {
    from: 0,
    rows: {
      accounts: (r) => ({ ...syncFields(r), deletedAt: r.deletedAt ?? null }),
      parties: (r) => ({ ...syncFields(r), deletedAt: r.deletedAt ?? null }),
      grants: (r) => {
        const { accountRole, ...rest } = r;
        return {
          ...syncFields(rest),
          deletedAt: r.deletedAt ?? null,
          assetRole: rest.assetRole ?? accountRole ?? null,
        };
      },
      events: (r) => ({ ...syncFields(r), checklist: r.checklist ?? null }),
    },
  },
  // Schema v2 added the `reminders` store and changed no existing row; a v1 backup simply has
  // no reminder state (the backup's shape fills in an empty table).
  { from: 1, rows: {} },
  // Schema v3 stores history events compactly (./history.ts) and a v3 backup carries them so;
  // an older backup's events hold both snapshots whole, which is still an event's full form:
  // they are read as they are (./import/backup.ts tells a v3 backup's events in full).
  { from: 2, rows: {} },
  // Schema v4 packs several events into each record of the events store; a backup still carries
  // them as one flat list of stored events, as v3 did.
  { from: 3, rows: {} },
  // Schema v5 adds the access review campaigns' stores and changes no row a backup carries.
  { from: 4, rows: {} },
  // Schema v6 chains history by hash (./chain.ts). An older backup's events carry no links; a
  // restore chains a grant's history that comes without them as it writes it.
  { from: 5, rows: {} },
];

function syncFields(r: Record<string, unknown>): Record<string, unknown> {
  return { ...r, rev: r.rev ?? 1, updatedAt: r.updatedAt ?? r.createdAt };
}

/** Raised when a backup cannot be upgraded (too new, or a step is missing). */
export class BackupVersionError extends Error {
  override name = 'BackupVersionError';
}

/** Bring a backup's tables from `version` up to the current schema, step by step. Pure. */
export function upgradeBackupTables(
  tables: BackupTables,
  version: number,
  steps: readonly BackupUpgrade[] = BACKUP_UPGRADES,
  target: number = REGISTER_SCHEMA_VERSION,
): BackupTables {
  if (version > target) {
    throw new BackupVersionError(
      `This backup was made by a newer version of the extension (schema ${version}; this one reads up to ${target}). Update the extension first.`,
    );
  }
  let current = tables;
  for (let v = version; v < target; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) throw new BackupVersionError(`No upgrade from schema ${v} to ${v + 1}.`);
    const next = { ...current };
    for (const name of BACKUP_TABLES) {
      const fn = step.rows[name];
      if (fn) next[name] = current[name].map(fn);
    }
    current = next;
  }
  return current;
}
