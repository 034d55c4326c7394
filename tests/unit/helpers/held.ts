import type { RegisterDb } from '@/lib/register';
import { account } from '@/lib/register';

/** A Business Center the register has (mine or a client's), with no grant on it yet. */
export async function seedAccount(
  db: RegisterDb,
  orgId: string,
  name: string,
  ownership: 'mine' | 'client',
): Promise<string> {
  const now = '2026-11-01T10:00:00.000Z';
  const row = account.parse({
    id: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    rev: 1,
    deletedAt: null,
    kind: 'businessCenter',
    externalId: orgId,
    name,
    ownerBcId: null,
    ownership,
  });
  await db.accounts.add(row);
  return row.id;
}
