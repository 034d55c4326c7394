import type { Worker } from '@playwright/test';

/** One grant to write straight into the register, with its account and party. */
export interface SeedRow {
  account: {
    kind: 'businessCenter' | 'adAccount';
    externalId: string;
    name: string;
    ownerBcId: string | null;
  };
  party: {
    kind: 'person' | 'partnerBc';
    name: string;
    email: string | null;
    bcId: string | null;
    organisation?: string;
  };
  bcRole?: 'admin' | 'standard' | null;
  assetRole?: 'admin' | 'operator' | 'analyst' | null;
  status: 'invited' | 'active' | 'revoked';
  /** When the invitation went out; 1 October 2026 unless given. */
  invitedAt?: string | null;
}

/** A Business Center the campaign specs review. */
export const NORTHWIND_BC = {
  kind: 'businessCenter',
  externalId: '7012345678901234567',
  name: 'Northwind',
  ownerBcId: null,
} as const;

/** A person with an address at example.com made from the name. */
export const examplePerson = (name: string) =>
  ({ kind: 'person', name, email: `${name.toLowerCase()}@example.com`, bcId: null }) as const;

/**
 * Write grants (any account kind, people or partners) into the extension's register as the schema
 * shapes rows, reusing an account or party already written by externalId / email / BC ID; returns
 * the grants' ids. The register's IndexedDB must exist (open an extension page first).
 */
export async function seedGrants(worker: Worker, rows: SeedRow[]): Promise<string[]> {
  return worker.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('access-register');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const now = new Date().toISOString();
    const base = () => ({
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      rev: 1,
      deletedAt: null,
    });
    const tx = db.transaction(['accounts', 'parties', 'grants'], 'readwrite');
    const accounts = new Map<string, string>();
    const parties = new Map<string, string>();
    const ids: string[] = [];
    for (const r of rows) {
      let accountId = accounts.get(r.account.externalId);
      if (!accountId) {
        accountId = crypto.randomUUID();
        accounts.set(r.account.externalId, accountId);
        tx.objectStore('accounts').put({
          ...base(),
          id: accountId,
          ...r.account,
          ownership: 'mine',
        });
      }
      const partyKey = r.party.email ?? r.party.bcId ?? r.party.name;
      let partyId = parties.get(partyKey);
      if (!partyId) {
        partyId = crypto.randomUUID();
        parties.set(partyKey, partyId);
        tx.objectStore('parties').put({
          ...base(),
          id: partyId,
          organisation: '',
          ...r.party,
          notes: '',
          isMe: false,
        });
      }
      const id = crypto.randomUUID();
      ids.push(id);
      tx.objectStore('grants').put({
        ...base(),
        id,
        accountId,
        partyId,
        bcRole: r.bcRole ?? null,
        financeRole: null,
        assetRole: r.assetRole ?? null,
        status: r.status,
        invitedAt: r.invitedAt === undefined ? '2026-10-01T09:00:00.000Z' : r.invitedAt,
        acceptedAt: r.status === 'active' ? '2026-10-02T09:00:00.000Z' : null,
        revokedAt: r.status === 'revoked' ? now : null,
        reviewCadenceDays: 90,
        lastReviewedAt: null,
        nextReviewOn: '2026-12-31',
        contractEndsOn: null,
        goals: '',
        source: 'manual',
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return ids;
  }, rows);
}
