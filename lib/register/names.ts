/**
 * The plain names the register records, with no words of the extension's own: sorting and grouping
 * use them, and so do the import and export workers, which have no browser i18n. The words built
 * on them are in ./labels.ts, which re-exports these.
 */
import type { Account, Party } from './schema';

/** The party's own name as recorded (its name, else email, else BC ID), '' when none: to sort and group by. */
export function partyName(p: Pick<Party, 'name' | 'email' | 'bcId'> | null | undefined): string {
  if (!p) return '';
  return p.name || p.email || p.bcId || '';
}

/** The account's own name as recorded (its name, else its TikTok ID), '' when none: to sort and group by. */
export function accountName(a: Pick<Account, 'name' | 'externalId'> | null | undefined): string {
  if (!a) return '';
  return a.name || a.externalId;
}
