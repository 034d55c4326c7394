/**
 * The register read straight through IndexedDB, without Dexie: for the popup's first rows,
 * which must not wait for Dexie (and React) to load. Reads what `recentViews` (./queries.ts) reads.
 */
import type { GrantView } from './queries';
import type { Account, Grant, Party } from './schema';

/** An IndexedDB request as a promise. */
function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The register database opened straight through IndexedDB at whatever version it has, for a
 * read that must not wait for Dexie to load (the popup's first rows). Resolves `null` when
 * there is no register yet: the open that would create it is aborted, so the database Dexie
 * creates later is created by Dexie, with its schema. The connection closes itself when another
 * context asks to upgrade the database, so it never blocks a schema upgrade.
 */
export function openRegisterForReading(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let creating = false;
    request.onupgradeneeded = () => {
      creating = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const idb = request.result;
      idb.onversionchange = () => idb.close();
      resolve(idb);
    };
    request.onerror = (event) => {
      if (!creating) return reject(request.error ?? new Error('IndexedDB open failed'));
      event.preventDefault(); // the aborted creation is expected, not an error to report
      resolve(null);
    };
  });
}

/**
 * What `recentViews` (./queries.ts) reads, through IndexedDB itself: the `count` grants changed last
 * (deleted ones left out), newest first, each with its account and party. A cursor walks the
 * `updatedAt` index backwards (newest first, ties by id as Dexie's reverse order has them), so
 * only the rows shown and the deleted ones among them are read.
 */
export async function recentViewsFromIdb(idb: IDBDatabase, count: number): Promise<GrantView[]> {
  const tx = idb.transaction(['grants', 'accounts', 'parties'], 'readonly');
  const grants: Grant[] = [];
  await new Promise<void>((resolve, reject) => {
    const cursor = tx.objectStore('grants').index('updatedAt').openCursor(null, 'prev');
    cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return resolve();
      const grant = at.value as Grant;
      if (grant.deletedAt === null) grants.push(grant);
      if (grants.length >= count) return resolve();
      at.continue();
    };
  });
  const accounts = tx.objectStore('accounts');
  const parties = tx.objectStore('parties');
  // Requests on one transaction are answered in order: issued together, they cost one wait.
  const accountById = new Map<string, Promise<Account | undefined>>();
  const partyById = new Map<string, Promise<Party | undefined>>();
  for (const g of grants) {
    if (!accountById.has(g.accountId))
      accountById.set(g.accountId, settled(accounts.get(g.accountId) as IDBRequest<Account>));
    if (!partyById.has(g.partyId))
      partyById.set(g.partyId, settled(parties.get(g.partyId) as IDBRequest<Party>));
  }
  return Promise.all(
    grants.map(async (grant) => ({
      grant,
      account: await accountById.get(grant.accountId),
      party: await partyById.get(grant.partyId),
    })),
  );
}
