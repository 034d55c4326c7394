import { afterEach, describe, expect, it } from 'vitest';
import type { BusinessCenterEntry } from '@/lib/tiktok/context';
import { readBusinessCenterList } from '@/lib/tiktok/context';
import type { PageReport } from '@/lib/tiktok/watch';
import { watchBusinessCenterList, watchRoute } from '@/lib/tiktok/watch';
import { REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from './helpers/replica-dom';
import { openReplica } from './helpers/replica-dom';

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

/** Count the MutationObservers the watcher creates in the replica's window. */
function countObservers(d: ReplicaDom) {
  const counter = { created: 0 };
  const Original = d.window.MutationObserver;
  Object.defineProperty(d.window, 'MutationObserver', {
    configurable: true,
    value: class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        counter.created++;
      }
    },
  });
  return counter;
}

describe('watchRoute', () => {
  it.each(['adsDashboard', 'bcOverview', 'bcPicker', 'bcLogin', 'bcAdAccounts'] as const)(
    'on %s it reports the URL kind once and watches nothing',
    async (page) => {
      dom = await openReplica(REPLICA_URLS[page], { settle: false });
      const observers = countObservers(dom);
      const reports: PageReport[] = [];
      watchRoute(dom.url(), dom.document, (r) => reports.push(r), new AbortController().signal);
      await dom.settle();
      expect(observers.created).toBe(0);
      expect(reports).toHaveLength(1);
      expect(reports[0]!.confirmedBy).toBe('url');
    },
  );

  it('on Members it reports by URL at once, then confirms when the late table appears', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers, { settle: false });
    const observers = countObservers(dom);
    const reports: PageReport[] = [];
    watchRoute(dom.url(), dom.document, (r) => reports.push(r), new AbortController().signal);
    expect(observers.created).toBe(1); // here, and only here, it watches
    expect(reports).toEqual([
      { url: REPLICA_URLS.bcMembers, kind: 'bc-members', confirmedBy: 'url' },
    ]);
    await dom.settle();
    expect(reports[1]).toEqual({
      url: REPLICA_URLS.bcMembers,
      kind: 'bc-members',
      confirmedBy: 'page',
      bcName: 'Northwind Outdoor',
      orgId: '7012345678901234567',
    });
    expect(reports).toHaveLength(2);
  });

  it('corrects an unknown route by what the page shows', async () => {
    dom = await openReplica(REPLICA_URLS.bcPartnersNewRoute, { settle: false });
    const reports: PageReport[] = [];
    watchRoute(dom.url(), dom.document, (r) => reports.push(r), new AbortController().signal);
    await dom.settle();
    expect(reports.map((r) => [r.kind, r.confirmedBy])).toEqual([
      ['bc-other', 'url'],
      ['bc-partners', 'page'],
    ]);
  });

  it('after a client-side navigation, the old route’s table does not confirm the new route', async () => {
    dom = await openReplica(REPLICA_URLS.bcPartners);
    const reports: PageReport[] = [];
    // As with the Navigation API: the watcher hears of the new URL before the app re-renders.
    watchRoute(
      new URL(REPLICA_URLS.bcMembers),
      dom.document,
      (r) => reports.push(r),
      new AbortController().signal,
      {
        navigated: true,
      },
    );
    expect(reports).toHaveLength(1);
    const link = Array.from(dom.document.querySelectorAll('nav a')).find(
      (a) => a.textContent === 'Members',
    );
    (link as HTMLElement).click();
    await dom.settle();
    expect(reports.map((r) => [r.kind, r.confirmedBy])).toEqual([
      ['bc-members', 'url'],
      ['bc-members', 'page'],
    ]);
  });

  it('stops watching when the route is left (aborted)', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers, { settle: false });
    const reports: PageReport[] = [];
    const route = new AbortController();
    watchRoute(dom.url(), dom.document, (r) => reports.push(r), route.signal);
    route.abort();
    await dom.settle();
    expect(reports).toHaveLength(1);
  });
});

describe('watchBusinessCenterList', () => {
  it('on the picker it reports the Business Centers once they render, with my role in each', async () => {
    dom = await openReplica(REPLICA_URLS.bcPicker, { settle: false });
    const seen: BusinessCenterEntry[][] = [];
    watchBusinessCenterList(dom.document, (c) => seen.push(c), new AbortController().signal);
    await dom.settle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual(readBusinessCenterList(dom.document));
    expect(seen[0]!.length).toBeGreaterThan(1);
    expect(seen[0]!.every((c) => /^[0-9]{6,25}$/.test(c.orgId) && c.name.length > 0)).toBe(true);
    expect(seen[0]!.some((c) => c.myRole === 'admin')).toBe(true);
  });

  it('stops watching when the route is left before the list renders', async () => {
    dom = await openReplica(REPLICA_URLS.bcPicker, { settle: false });
    const route = new AbortController();
    const seen: unknown[] = [];
    watchBusinessCenterList(dom.document, (c) => seen.push(c), route.signal);
    route.abort();
    await dom.settle();
    expect(seen).toEqual([]);
  });
});
