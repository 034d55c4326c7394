/**
 * The whole register read and indexed for search in pages, with a task boundary between pages,
 * so the page keeps painting and answering input while 100,000 grants are read.
 */
import type { EntityTable } from 'dexie';
import type { RegisterDb } from './db';
import type { GrantView } from './queries';
import type { Account, Grant, Party } from './schema';
import type { IndexedViews } from './search';
import { UPDATED_DESC, searchHaystack } from './search';

/** Rows read at a time when the whole register is read: each page's work stays a short task. */
export const READ_PAGE_SIZE = 2_000;

/** Let the page paint and handle input between two pages of a long read. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A read of the whole register given up (a newer one replaces it). */
export class ReadAbandoned extends Error {
  override name = 'ReadAbandoned';
}

/** Every row of a table, page by page in key order (`page(after)`), yielding between pages. */
async function readInPages<T extends { id: string }>(
  page: (after: string) => Promise<T[]>,
  pageSize: number,
  signal: AbortSignal | undefined,
  each: (rows: T[]) => void,
): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await page(after);
    if (signal?.aborted) throw new ReadAbandoned();
    each(rows);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
    await nextTask();
    if (signal?.aborted) throw new ReadAbandoned();
  }
}

/**
 * The whole register as `listGrantViews` (./queries.ts) reads it (live grants, newest change first, each
 * with its account and party), searchable (`indexViews`, ./search.ts), read and indexed in pages of
 * `pageSize` rows with a task boundary between pages: at 100,000 grants one read of everything
 * and its indexing were one task of seconds, with the page frozen. The grants are read along
 * the `updatedAt` index and turned newest first, rows that share an instant in Dexie's reverse
 * order (by id, descending); a page that ends inside such a run resumes after the rows of it
 * already read. A row changed while the read goes on may be missed or read as before: the
 * caller reads again when the register changes. `signal` gives the read up between pages.
 */
export async function readIndexedViewsInPages(
  db: RegisterDb,
  { pageSize = READ_PAGE_SIZE, signal }: { pageSize?: number; signal?: AbortSignal } = {},
): Promise<IndexedViews> {
  const goOn = async () => {
    await nextTask();
    if (signal?.aborted) throw new ReadAbandoned();
  };
  // Grants first, then the accounts and people: a grant read refers to rows that exist by then
  // (rows are deleted by marking them), so no grant shows an account read before it was made.
  const grants: Grant[] = [];
  let lastAt: string | null = null;
  let readAtLast = 0; // rows with `updatedAt === lastAt` read so far
  for (;;) {
    // Oldest first, so that each page is one `getAll` with a limit (a cursor stepping backwards
    // row by row took twice as long); reversed once at the end.
    const limit = pageSize + readAtLast;
    const page: Grant[] =
      lastAt === null
        ? await db.grants.orderBy('updatedAt').limit(limit).toArray()
        : await db.grants.where('updatedAt').aboveOrEqual(lastAt).limit(limit).toArray();
    if (signal?.aborted) throw new ReadAbandoned();
    // The rows of the last instant already read come first again (ties are in id order).
    for (const grant of lastAt === null ? page : page.slice(readAtLast)) {
      if (grant.updatedAt === lastAt) readAtLast++;
      else {
        lastAt = grant.updatedAt;
        readAtLast = 1;
      }
      if (grant.deletedAt === null) grants.push(grant);
    }
    if (page.length < limit) break;
    await goOn();
  }
  grants.reverse();
  const accountById = new Map<string, Account>();
  const partyById = new Map<string, Party>();
  const byId =
    <T extends { id: string }>(table: EntityTable<T, 'id'>) =>
    (after: string) =>
      table.where(':id').above(after).limit(pageSize).toArray();
  await readInPages(byId(db.accounts), pageSize, signal, (rows) => {
    for (const a of rows) accountById.set(a.id, a);
  });
  await readInPages(byId(db.parties), pageSize, signal, (rows) => {
    for (const p of rows) partyById.set(p.id, p);
  });
  const views: GrantView[] = [];
  const haystacks: string[] = [];
  for (let from = 0; from < grants.length; from += pageSize) {
    if (from > 0) await goOn();
    for (const grant of grants.slice(from, from + pageSize)) {
      const view: GrantView = {
        grant,
        account: accountById.get(grant.accountId),
        party: partyById.get(grant.partyId),
      };
      views.push(view);
      haystacks.push(searchHaystack(view));
    }
  }
  return { views, haystacks, order: UPDATED_DESC };
}
