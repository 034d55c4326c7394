import { afterEach, describe, expect, it } from 'vitest';
import { readAccessTable } from '@/lib/tiktok';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import {
  ACCESS_TABLES,
  NORTHWIND_MEMBERS_PAGE_2,
  PAGE_KINDS,
  TIENDA_SOL_MX_MEMBERS,
} from '../helpers/replica-expectations';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

describe('readAccessTable on every replica with an access table', () => {
  it.each(ACCESS_TABLES)('$page reads exactly its rows', async ({ page, rows, complete }) => {
    dom = await openReplica(REPLICA_URLS[page]);
    const reading = readAccessTable(dom.document);
    expect(reading.rows).toEqual(rows);
    expect(reading.complete).toBe(complete);
    if (complete) expect(reading.problems).toEqual([]);
  });

  it('says the Members table has more pages, then reads page 2', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    expect(readAccessTable(dom.document).problems).toEqual([
      'Only 10 of 14 records are shown; the rest are on other pages of the table.',
    ]);
    (dom.document.querySelector('button[aria-label="Page 2"]') as HTMLElement).click();
    await dom.settle();
    const page2 = readAccessTable(dom.document);
    expect(page2.rows).toEqual(NORTHWIND_MEMBERS_PAGE_2);
    expect(page2.complete).toBe(false); // still only part of the 14
  });

  it('hostile names stay text: the replica renders no element from them, the reader returns strings', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    expect(dom.document.querySelectorAll('main img, main script')).toHaveLength(0);
    const names = readAccessTable(dom.document).rows.map((r) => r.name);
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(names).toContain('مريم العلي');
    expect(names).toContain('🦊 Fox Media 🎯');
  });

  it('reads a scroll table whose header and body are two separate <table>s (bui)', async () => {
    dom = await openReplica(REPLICA_URLS.bcAssetMembersEs);
    const tables = Array.from(dom.document.querySelectorAll('main table'));
    expect(
      tables.map((t) => [t.querySelectorAll('th').length, t.querySelectorAll('td').length]),
    ).toEqual([
      [4, 0],
      [0, 4],
    ]);
    expect(readAccessTable(dom.document)).toEqual({
      rows: TIENDA_SOL_MX_MEMBERS,
      complete: true,
      problems: [],
    });
    // Without its header part, the body alone is not read as anything.
    tables[0]!.remove();
    expect(readAccessTable(dom.document).complete).toBe(false);
  });

  it('reports a table still loading, rather than an empty one', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers, { settle: false });
    expect(readAccessTable(dom.document)).toEqual({
      rows: [],
      complete: false,
      problems: ['The table of members or partners is still loading.'],
    });
  });

  const withoutAccessTable = (Object.keys(PAGE_KINDS) as Array<keyof typeof PAGE_KINDS>).filter(
    (p) => !ACCESS_TABLES.some((t) => t.page === p),
  );
  it.each(withoutAccessTable)(
    '%s has no access table (not even the ad accounts list)',
    async (page) => {
      dom = await openReplica(REPLICA_URLS[page]);
      expect(readAccessTable(dom.document)).toEqual({
        rows: [],
        complete: false,
        problems: ['No table of members or partners is shown on this page.'],
      });
    },
  );

  it('never throws, even on a document that is not a page', () => {
    const broken = {
      querySelectorAll: () => {
        throw new Error('detached');
      },
    } as unknown as Document;
    const reading = readAccessTable(broken);
    expect(reading.complete).toBe(false);
    expect(reading.rows).toEqual([]);
    expect(reading.problems[0]).toMatch(/could not be read/);
  });
});
