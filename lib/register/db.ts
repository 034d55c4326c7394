/**
 * The register's IndexedDB database, through Dexie.
 *
 * It lives in the extension's origin: extension pages and the background open it; a content
 * script never does (its IndexedDB would be the page's, Dexie #233) and goes by message instead.
 * Versions are numbered and each has a tested upgrade (tests/unit/register/migrations.test.ts).
 */
import type { EntityTable, Transaction } from 'dexie';
import Dexie from 'dexie';
import type { EventBatch } from './event-batches';
import { isWellFormedBatch, packEvents } from './event-batches';
import type { StoredEvent } from './history';
import { byChainOrder, compactAll, expandAll } from './history';
import { sealAll } from './chain';
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
    // Several events to a record (./event-batches.ts): IndexedDB's cost is per record, and one
    // event to a record kept an export of 100,000 events and an import of 10,000 rows far over
    // a second. A grant's history is found by the multi-entry `grantIds` index. The events are
    // kept as stored, packed grant by grant (each grant's in chain order), so every grant's
    // history tells exactly what it told before.
    version: 4,
    stores: {
      events: 'id, *grantIds',
    },
    upgrade: async (tx) => {
      const events = (await tx.table('events').toArray()) as StoredEvent[];
      const byGrant = new Map<string, StoredEvent[]>();
      for (const e of events) {
        const list = byGrant.get(e.grantId);
        if (list) list.push(e);
        else byGrant.set(e.grantId, [e]);
      }
      const grantIds = [...byGrant.keys()].sort();
      const packed = packEvents(grantIds.flatMap((id) => byGrant.get(id)!.sort(byChainOrder)));
      await tx.table('events').clear();
      await tx.table('events').bulkAdd(packed);
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
  {
    // The history's hash chain (./chain.ts): every event gains `prev` and `hash`, chained grant
    // by grant in history order, and every grant row names its chain's last event. No store or
    // index changes; events keep their stored form, and the batches are packed again as v4
    // packed them. The chain attests history from this upgrade on, not before it.
    version: 6,
    stores: {},
    upgrade: async (tx) => {
      const grants = (await tx.table('grants').toArray()) as Grant[];
      const batches = (await tx.table('events').toArray()) as EventBatch[];
      const stored = batches.flatMap((b) => b.events);
      const links = new Map<string, { prev: string | null; hash: string }>();
      const heads = new Map<string, string>();
      for (const [grantId, history] of expandAll(grants, stored)) {
        const { events, head } = sealAll(history, null);
        for (const e of events) links.set(e.id, { prev: e.prev ?? null, hash: e.hash! });
        if (head) heads.set(grantId, head);
      }
      const byGrant = new Map<string, StoredEvent[]>();
      for (const e of stored) {
        const linked = { ...e, ...links.get(e.id) };
        const list = byGrant.get(e.grantId);
        if (list) list.push(linked);
        else byGrant.set(e.grantId, [linked]);
      }
      const grantIds = [...byGrant.keys()].sort();
      const packed = packEvents(grantIds.flatMap((id) => byGrant.get(id)!.sort(byChainOrder)));
      await tx.table('events').clear();
      await tx.table('events').bulkAdd(packed);
      await tx
        .table('grants')
        .bulkPut(
          grants.flatMap((g) => (heads.has(g.id) ? [{ ...g, historyHead: heads.get(g.id) }] : [])),
        );
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
  /**
   * History, stored compactly and several events to a record (./event-batches.ts): read it
   * through `historyOf`, `readAllStoredEvents` or `readStoredEventsOf`.
   */
  events!: EntityTable<EventBatch, 'id'>;
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
    // upgrade (a migration may need to rewrite old events into a new shape). A batch is added
    // once and never changed, so every event in it stays as written; one that does not name
    // exactly the grants of its events is refused, since history is found by those names.
    this.use({
      stack: 'dbcore',
      name: 'append-only-events',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'events') return table;
          // From schema v4 on a record is a batch; the versions before held one event a record.
          const batches = table.schema.indexes.some((i) => i.name === 'grantIds');
          return {
            ...table,
            mutate: (req) => {
              const mode = (req.trans as unknown as IDBTransaction).mode;
              if (mode === 'versionchange') return table.mutate(req);
              if (req.type !== 'add') {
                return Promise.reject(
                  new AppendOnlyError(`History events are never changed or removed (${req.type}).`),
                );
              }
              if (batches && !req.values.every(isWellFormedBatch)) {
                return Promise.reject(
                  new AppendOnlyError(
                    'History is added as batches of events that name exactly the grants they tell of.',
                  ),
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
