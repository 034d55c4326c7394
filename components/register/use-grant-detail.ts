import { useLiveQuery } from 'dexie-react-hooks';
import { registerDb } from '@/lib/register';
import { historyOf } from '@/lib/register';
import type { Account, Grant, Party, RegisterEvent } from '@/lib/register';

/** One grant with its account, party and whole history, as the register holds them now. */
export interface GrantDetailData {
  grant: Grant;
  account: Account | undefined;
  party: Party | undefined;
  history: RegisterEvent[];
}

/**
 * The grant `grantId` and what its detail shows, kept current as the register changes: undefined
 * while loading, null when the register holds no such grant.
 */
export function useGrantDetail(grantId: string): GrantDetailData | null | undefined {
  return useLiveQuery(async () => {
    const db = registerDb();
    const grant = await db.grants.get(grantId);
    if (!grant) return null;
    const [account, party, history] = await Promise.all([
      db.accounts.get(grant.accountId),
      db.parties.get(grant.partyId),
      historyOf(db, grantId),
    ]);
    return { grant, account, party, history };
  }, [grantId]);
}
