/**
 * Helpers for migration tests: open a register database at a chosen
 * list of versions, seed it, close it, and reopen it at a later list.
 */
import Dexie from 'dexie';
import type { RegisterVersion } from '@/lib/register/db';
import { RegisterDb } from '@/lib/register/db';

/** A database name no other test uses. */
export function uniqueDbName(prefix = 'migration'): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** Open the register database `name` with exactly `versions`, running any upgrades due. */
export async function openAt(
  name: string,
  versions: readonly RegisterVersion[],
): Promise<RegisterDb> {
  const db = new RegisterDb(name, versions);
  await db.open();
  return db;
}

/** Close every handle and delete the database. */
export async function dropDb(...dbs: RegisterDb[]): Promise<void> {
  for (const db of dbs) db.close();
  const name = dbs[0]?.name;
  if (name) await Dexie.delete(name);
}
