/**
 * What the CSV and backup writers share: the report an import gives back, its options, the
 * register's grants indexed for matching, and the chunked writes that keep IndexedDB busy while
 * the next chunk is planned.
 */
import { isLive } from '../rules';
import type { Grant } from '../schema';

/** What happened to one row that matched something already in the register. */
export interface MergeNote {
  /** CSV line (`line 4`), or the backup row (`grants[3]`). */
  where: string;
  grantId: string;
  /** `keptNewer`: the row is older than the register's grant and was not applied. */
  outcome: 'updated' | 'unchanged' | 'keptNewer';
}

/** What an import wrote. */
export interface ImportReport {
  grantsAdded: number;
  grantsUpdated: number;
  grantsUnchanged: number;
  /** Rows older than the register's grant: reported in `merged`, not applied. */
  grantsKeptNewer: number;
  accountsAdded: number;
  partiesAdded: number;
  eventsAdded: number;
  merged: MergeNote[];
}

/** Progress of a long import: `done` out of `total` rows. */
export type ImportProgress = (done: number, total: number) => void;

/** How to write an import. */
export interface ImportOptions {
  /** When the import happens (events and provenance); the current time when not given. */
  now?: Date;
  /** The note on each event the import writes (e.g. "Imported from register.csv"). */
  note?: string;
  /** The review cadence of a new grant whose row names none (the options' default). */
  defaultCadenceDays?: number;
  onProgress?: ImportProgress;
  /** Cancels the import: nothing is written. */
  signal?: AbortSignal;
}

/** The options with the moment settled, as the writers below use them. */
export type WriteOptions = ImportOptions & { now: Date };

/** Rows planned and written at a time: a chunk's writes are issued together. */
export const CHUNK = 500;

export function emptyReport(): ImportReport {
  return {
    grantsAdded: 0,
    grantsUpdated: 0,
    grantsUnchanged: 0,
    grantsKeptNewer: 0,
    accountsAdded: 0,
    partiesAdded: 0,
    eventsAdded: 0,
    merged: [],
  };
}

/** The register's grants, indexed for matching rows. Kept current as the import writes. */
export class GrantIndex {
  private readonly byId = new Map<string, Grant>();
  private readonly byPair = new Map<string, Grant[]>();

  constructor(grants: readonly Grant[]) {
    for (const g of grants) this.set(g);
  }

  get(id: string): Grant | undefined {
    return this.byId.get(id);
  }

  /** The pair's grants that are not deleted. */
  pair(accountId: string, partyId: string): Grant[] {
    return (this.byPair.get(`${accountId}|${partyId}`) ?? []).filter((g) => g.deletedAt === null);
  }

  /** A live grant of the pair other than `g`, which `g` being live would duplicate. */
  otherLive(g: Grant): Grant | undefined {
    if (!isLive(g)) return undefined;
    return this.pair(g.accountId, g.partyId).find((o) => o.id !== g.id && isLive(o));
  }

  set(g: Grant): void {
    const pair = `${g.accountId}|${g.partyId}`;
    const list = (this.byPair.get(pair) ?? []).filter((o) => o.id !== g.id);
    list.push(g);
    this.byPair.set(pair, list);
    this.byId.set(g.id, g);
  }
}

/**
 * The import's chunks of writes, kept flowing: IndexedDB stores a chunk in its own process while
 * the next chunk is planned here, instead of each waiting for the other. {@link issue} waits only
 * for the chunk before the one just issued, so progress and Cancel keep pace with what is
 * written and the thread still answers messages between chunks; a chunk's `then` (progress,
 * Cancel) runs once its writes are done, in order. Writes already issued when one fails or the
 * import is refused fail with the transaction's abort: they are awaited here, never left unheard.
 */
export class ChunkWrites {
  private pending: Promise<void>[] = [];

  /** Issue one chunk's writes; resolves once the chunk issued before it is written. */
  async issue(requests: readonly PromiseLike<unknown>[], then: () => void): Promise<void> {
    const chunk = Promise.all(requests).then(then);
    // Heard at once, so a chunk failing while the one before is awaited is no unhandled rejection.
    chunk.catch(() => undefined);
    this.pending.push(chunk);
    if (this.pending.length > 1) await this.pending.shift();
  }

  /** Every chunk issued, written. */
  async finish(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }
}
