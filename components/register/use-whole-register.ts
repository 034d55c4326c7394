import Dexie from 'dexie';
import type { ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import type { RegisterDb } from '@/lib/register';
import type { IndexedViews } from '@/lib/register';
import { ReadAbandoned, readIndexedViewsInPages } from '@/lib/register';

/** Whether a commit (here or in another context) changed what lists of grants show. */
function changesListed(db: RegisterDb, parts: ObservabilitySet): boolean {
  const listed = ['grants', 'accounts', 'parties'].map((table) => `idb://${db.name}/${table}/`);
  return Object.keys(parts).some((part) => listed.some((prefix) => part.startsWith(prefix)));
}

/**
 * The whole register, searchable, once `wanted`: read and indexed in pages with the page
 * responsive between them, and read again the same way after each commit that changes it (an
 * import of 100,000 rows included). Until a read is complete the previous one stays shown; a
 * commit during a read makes one more read follow it, never two at once.
 */
export function useWholeRegister(db: RegisterDb, wanted: boolean): IndexedViews | undefined {
  const [whole, setWhole] = useState<IndexedViews>();
  useEffect(() => {
    if (!wanted) return;
    const stop = new AbortController();
    let reading = false;
    let changed = false;
    const read = async () => {
      if (reading) {
        changed = true;
        return;
      }
      reading = true;
      try {
        do {
          changed = false;
          setWhole(await readIndexedViewsInPages(db, { signal: stop.signal }));
        } while (changed);
      } catch (error) {
        if (!(error instanceof ReadAbandoned)) throw error;
      } finally {
        reading = false;
      }
    };
    const onCommit = (parts: ObservabilitySet) => {
      if (changesListed(db, parts)) void read();
    };
    Dexie.on('storagemutated', onCommit);
    void read();
    return () => {
      stop.abort();
      Dexie.on('storagemutated').unsubscribe(onCommit);
    };
  }, [db, wanted]);
  return whole;
}
