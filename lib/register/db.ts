/**
 * The register's IndexedDB database, through Dexie.
 *
 * It lives in the extension's origin: extension pages and the background open it; a content
 * script never does (its IndexedDB would be the page's, Dexie #233) and goes by message instead.
 * Versions are numbered and each has a tested upgrade (tests/unit/register-migrations.test.ts).
 */
import type { EntityTable, Transaction } from 'dexie';
import Dexie from 'dexie';
import type { StoredEvent } from './history';
import { compactAll } from './history';
import { REGISTER_DB_NAME } from './db-name';
import type { Account, Grant, Party, RegisterEvent, ReminderState } from './schema';
import type { Campaign, CampaignItem, CampaignReminderState } from './campaign-schema';

export { REGISTER_DB_NAME };

/** One schema version: the stores it declares and how rows of the version before are upgraded. */
export interface RegisterVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown> | void;
}

/**
 * Every version of the schema, oldest first. Never edit a version that has shipped: add one.
 * Indexes: `[kind+externalId]` and `email`/`bcId` find existing rows before creating new ones;
 * `updatedAt` serves a future sync engine's "changed since".
 */
export const REGISTER_VERSIONS: readonly RegisterVersion[] = [
  {
    version: 1,
    stores: {
      accounts: 'id, &[kind+externalId], ownership, updatedAt',
      parties: 'id, email, bcId, organisation, updatedAt',
      grants: 'id, accountId, partyId, status, nextReviewOn, contractEndsOn, updatedAt',
      events: 'id, grantId, [grantId+at], type, at',
    },
  },
  {
    // Which reminder was shown, snoozed or dealt with, so that none is
    // shown twice across service-worker restarts. A new store: no existing row changes.
    version: 2,
    stores: {
      reminders: 'id, grantId, kind, dueOn, updatedAt',
    },
  },
  {
    // History events keep their snapshots as a chain anchored at the grant row instead of two
    // whole copies of the grant each (./history.ts): nine in ten bytes of the store were those
    // copies. Indexes no query uses are dropped, as each costs a write per row: `grantId` is
    // served by `[grantId+at]`; events by `type` or `at`, grants by `partyId`, parties by
    // `organisation` and rows by `updatedAt` (other than grants, which lists sort by) are never
    // looked up.
    version: 3,
    stores: {
      accounts: 'id, &[kind+externalId], ownership',
      parties: 'id, email, bcId',
      grants: 'id, accountId, status, nextReviewOn, contractEndsOn, updatedAt',
      events: 'id, [grantId+at]',
    },
    upgrade: async (tx) => {
      const grants = (await tx.table('grants').toArray()) as Grant[];
      const events = (await tx.table('events').toArray()) as RegisterEvent[];
      await tx.table('events').bulkPut(compactAll(grants, events));
    },
  },
  {
    // Access review campaigns (./campaign-schema.ts): new stores only, no existing row changes.
    // Items are read by campaign in their order (`[campaignId+position]`) and found by grant
    // (`grantId`) to flag a grant that changed since its snapshot; campaign reminders are kept
    // like grant reminders, by campaign.
    version: 5,
    stores: {
      campaigns: 'id, dueOn',
      campaignItems: 'id, [campaignId+position], grantId',
      campaignReminders: 'id, campaignId',
    },
  },
];

/** The schema version the current code writes. */
export const REGISTER_SCHEMA_VERSION = REGISTER_VERSIONS.at(-1)?.version ?? 0;

/** Raised when someone tries to edit or delete a history event. */
export class AppendOnlyError extends Error {
  override name = 'AppendOnlyError';
}

export class RegisterDb extends Dexie {
  accounts!: EntityTable<Account, 'id'>;
  parties!: EntityTable<Party, 'id'>;
  grants!: EntityTable<Grant, 'id'>;
  /** History, stored compactly: read it through `historyOf`, `readHistory` or `expandAll`. */
  events!: EntityTable<StoredEvent, 'id'>;
  reminders!: EntityTable<ReminderState, 'id'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  campaignItems!: EntityTable<CampaignItem, 'id'>;
  campaignReminders!: EntityTable<CampaignReminderState, 'id'>;

  constructor(name = REGISTER_DB_NAME, versions: readonly RegisterVersion[] = REGISTER_VERSIONS) {
    super(name);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    // History is append-only: only `add` reaches the events store, except inside a schema
    // upgrade (a migration may need to rewrite old events into a new shape).
    this.use({
      stack: 'dbcore',
      name: 'append-only-events',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'events') return table;
          return {
            ...table,
            mutate: (req) => {
              const mode = (req.trans as unknown as IDBTransaction).mode;
              if (req.type !== 'add' && mode !== 'versionchange') {
                return Promise.reject(
                  new AppendOnlyError(`History events are never changed or removed (${req.type}).`),
                );
              }
              return table.mutate(req);
            },
          };
        },
      }),
    });
  }
}

let shared: RegisterDb | undefined;

/** The register database for this extension context, opened once. */
export function registerDb(): RegisterDb {
  shared ??= new RegisterDb();
  return shared;
}

/**
 * Close the shared database and forget it, so the next {@link registerDb} opens it afresh.
 * For tests: between them they close it, delete the database and start empty (history events
 * refuse `clear()`, so emptying the tables is not an option).
 */
export function closeRegisterDb(): void {
  shared?.close();
  shared = undefined;
}
