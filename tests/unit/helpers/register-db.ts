/**
 * A register database of its own for each test (fake-indexeddb), and its removal after: tests
 * never see each other's rows.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { RegisterDb, readAllStoredEvents } from '@/lib/register';

/** A new, empty register database under a name no other test uses. */
export function openTestRegisterDb(): RegisterDb {
  return new RegisterDb(`t-${crypto.randomUUID()}`);
}

/** Close `db` and delete it. */
export async function dropTestRegisterDb(db: RegisterDb): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

/**
 * A fresh register database for each test of the file, dropped after it; `use` receives each
 * one as it opens (`registerDbEachTest((opened) => (db = opened))`).
 */
export function registerDbEachTest(use: (db: RegisterDb) => void): void {
  let db: RegisterDb | undefined;
  beforeEach(() => {
    db = openTestRegisterDb();
    use(db);
  });
  afterEach(async () => {
    if (db) await dropTestRegisterDb(db);
    db = undefined;
  });
}

/** How many rows of each kind the register holds, events counted from their stored batches. */
export async function registerCounts(db: RegisterDb) {
  return {
    accounts: await db.accounts.count(),
    parties: await db.parties.count(),
    grants: await db.grants.count(),
    events: (await readAllStoredEvents(db)).length,
  };
}
