import { describe, expect, it } from 'vitest';
import type { GrantDraft, RegisterDb } from '@/lib/register';
import {
  ReadAbandoned,
  deleteGrant,
  filterViews,
  indexViews,
  listGrantViews,
  readIndexedViewsInPages,
  recordGrant,
  sortIndex,
} from '@/lib/register';
import { registerDbEachTest } from '../helpers/register-db';

const NOW = new Date(2026, 10, 27, 12, 0);

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

/** Grants changed in runs of `tie` at the same instant, on shared accounts and people. */
async function seed(count: number, tie: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const draft: GrantDraft = {
      account: {
        kind: 'businessCenter',
        externalId: `70123456789012345${String(i % 4).padStart(2, '0')}`,
        name: `Client ${i % 4}`,
        ownership: i % 3 ? 'mine' : 'client',
      },
      party: { kind: 'person', name: `Person ${i}`, email: `p${i}@agency${i % 2}.example` },
      bcRole: 'standard',
      status: 'active',
    };
    const at = new Date(NOW.getTime() + Math.floor(i / tie) * 60_000);
    ids.push((await recordGrant(db, draft, { source: 'manual', now: at })).id);
  }
  return ids;
}

describe('reading the whole register in pages', () => {
  it('reads what one read of everything reads, in its order, at any page size', async () => {
    const ids = await seed(13, 4);
    await deleteGrant(db, ids[5]!, 1, { source: 'manual', now: NOW });
    await deleteGrant(db, ids[12]!, 1, { source: 'manual', now: NOW });
    const whole = indexViews(await listGrantViews(db));
    expect(whole.views).toHaveLength(11);
    for (const pageSize of [1, 2, 3, 4, 5, 7, 100]) {
      const paged = await readIndexedViewsInPages(db, { pageSize });
      expect(paged.views).toEqual(whole.views);
      expect(paged.haystacks).toEqual(whole.haystacks);
    }
  });

  it('is already in the default order: sorting it by that order keeps it, other orders sort', async () => {
    await seed(9, 3);
    const paged = await readIndexedViewsInPages(db, { pageSize: 2 });
    const unordered = indexViews(paged.views);
    expect(sortIndex(paged, 'updated', 'desc')).toBe(paged);
    expect(sortIndex(unordered, 'updated', 'desc').views).toEqual(paged.views);
    const byParty = sortIndex(paged, 'party', 'asc');
    expect(byParty.views).toEqual(sortIndex(unordered, 'party', 'asc').views);
    expect(filterViews(byParty, { query: 'agency1' }, NOW).map((v) => v.party?.name)).toEqual([
      'Person 1',
      'Person 3',
      'Person 5',
      'Person 7',
    ]);
  });

  it('gives up between pages when asked to', async () => {
    await seed(6, 1);
    const stop = new AbortController();
    const reading = readIndexedViewsInPages(db, { pageSize: 2, signal: stop.signal });
    stop.abort();
    await expect(reading).rejects.toBeInstanceOf(ReadAbandoned);
  });
});
