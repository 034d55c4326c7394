import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlayStore } from '@/lib/overlay/store';
import { ChecklistRunner } from '@/lib/overlay/runner';
import type { BusinessCenterEntry } from '@/lib/tiktok/context';
import { readBusinessCenterList } from '@/lib/tiktok/context';
import { classifyUrl } from '@/lib/tiktok/routes';
import { readRowsData } from '@/lib/tiktok/read-table';
import type { MembersReport, PageReport } from '@/lib/tiktok/watch';
import { watchBusinessCenterList, watchRoute } from '@/lib/tiktok/watch';
import { readMembersReport, watchMembers } from '../helpers/members-report';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

/** Access routes whose address names no Business Center: only the page's header does. */
const MEMBERS_WITHOUT_ORG = 'https://business.tiktok.com/manage/users/members';
const PARTNERS_WITHOUT_ORG = 'https://business.tiktok.com/manage/users/partners';

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

  it.each(['bcMembers', 'bcPartners', 'bcAssetMembers'] as const)(
    'on %s, whose address proves it and names its Business Center, it reports by URL once and watches nothing',
    async (page) => {
      // The agent injected there reads the table itself: the watcher leaves it alone.
      dom = await openReplica(REPLICA_URLS[page], { settle: false });
      const observers = countObservers(dom);
      const reports: PageReport[] = [];
      watchRoute(dom.url(), dom.document, (r) => reports.push(r), new AbortController().signal);
      await dom.settle();
      expect(observers.created).toBe(0);
      expect(reports).toEqual([
        {
          url: REPLICA_URLS[page],
          kind: classifyUrl(new URL(REPLICA_URLS[page])),
          confirmedBy: 'url',
          newDocument: true,
        },
      ]);
    },
  );

  it('on a Members route without org_id it reports by URL at once, then confirms with the Business Center the page names', async () => {
    dom = await openReplica(MEMBERS_WITHOUT_ORG, { settle: false });
    const observers = countObservers(dom);
    const reports: PageReport[] = [];
    watchRoute(dom.url(), dom.document, (r) => reports.push(r), new AbortController().signal);
    expect(observers.created).toBe(1); // here, and only here, it watches
    expect(reports).toEqual([
      { url: MEMBERS_WITHOUT_ORG, kind: 'bc-members', confirmedBy: 'url', newDocument: true },
    ]);
    await dom.settle();
    expect(reports[1]).toEqual({
      url: MEMBERS_WITHOUT_ORG,
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

  it.each([
    [REPLICA_URLS.bcPartnersNewRoute, 'bc-other', 'bc-partners'],
    [MEMBERS_WITHOUT_ORG, 'bc-members', 'bc-members'],
    [PARTNERS_WITHOUT_ORG, 'bc-partners', 'bc-partners'],
  ] as const)(
    'on %s with a "Members | Partners" tab bar above the table, it confirms %s as %s',
    async (url, byUrl, confirmed) => {
      dom = await openReplica(url, { settle: false });
      // Outside the app's root, so the replica's renders leave it in place.
      dom.document.body.insertAdjacentHTML(
        'afterbegin',
        '<div role="tablist"><button role="tab" aria-selected="true">Members</button>' +
          '<button role="tab" aria-selected="false">Partners</button></div>',
      );
      const reports: PageReport[] = [];
      watchRoute(dom.url(), dom.document, (r) => reports.push(r), new AbortController().signal);
      await dom.settle();
      expect(reports.map((r) => [r.kind, r.confirmedBy])).toEqual([
        [byUrl, 'url'],
        [confirmed, 'page'],
      ]);
    },
  );

  it('after a client-side navigation, the old route’s table does not confirm the new route', async () => {
    dom = await openReplica(REPLICA_URLS.bcPartners);
    const reports: PageReport[] = [];
    // As with the Navigation API: the watcher hears of the new URL before the app re-renders.
    // (A route naming no Business Center, which the page must confirm.)
    watchRoute(
      new URL(MEMBERS_WITHOUT_ORG),
      dom.document,
      (r) => reports.push(r),
      new AbortController().signal,
      {
        navigated: true,
      },
    );
    expect(reports).toHaveLength(1);
    expect(reports[0]!.newDocument).toBe(false); // an agent may run here already
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

describe('watchMembers (my row on a visited Members page)', () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const rowOf = (d: ReplicaDom, email: string) =>
    Array.from(d.document.querySelectorAll('tbody tr')).find((tr) =>
      tr.textContent?.includes(email),
    )!;

  it('reports the member rows at once, again when a status changes, never for a name or after abort', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const reports: MembersReport[] = [];
    const route = new AbortController();
    watchMembers(dom.url(), dom.document, (r) => reports.push(r), route.signal, {
      throttleMs: 20,
    });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ orgId: '7012345678901234567', bcName: 'Northwind Outdoor' });
    expect(reports[0]!.members).toHaveLength(10); // the table's first page
    expect(reports[0]!.members).toContainEqual({
      email: 'riley@northwind-outdoor.com',
      bcRole: 'admin',
      financeRole: 'manager',
      status: 'active',
    });
    expect(reports[0]!.members).toContainEqual({
      email: 'sam.ortiz@gmial.com',
      bcRole: 'standard',
      status: 'pending',
    });

    // A name changes: nothing the register cares about.
    rowOf(dom, 'dana@brightlane-agency.com').querySelector('.member-user-cell-name')!.textContent =
      'Dana K.';
    await wait(60);
    expect(reports).toHaveLength(1);

    // Sam accepts the invitation: the row's status reads Active.
    const tag = Array.from(rowOf(dom, 'sam.ortiz@gmial.com').querySelectorAll('span')).find(
      (s) => s.textContent?.trim() === 'Pending',
    )!;
    tag.lastChild!.textContent = 'Active';
    await wait(60);
    expect(reports).toHaveLength(2);
    expect(reports[1]!.members).toContainEqual({
      email: 'sam.ortiz@gmial.com',
      bcRole: 'standard',
      status: 'active',
    });

    route.abort();
    tag.lastChild!.textContent = 'Suspended';
    await wait(60);
    expect(reports).toHaveLength(2);
  });

  it('does not read the table again for changes elsewhere on the page', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const reports: MembersReport[] = [];
    watchMembers(dom.url(), dom.document, (r) => reports.push(r), new AbortController().signal, {
      throttleMs: 20,
    });
    const tables = dom.document.querySelectorAll.bind(dom.document);
    let reads = 0;
    // Count the table lookups a reading makes.
    dom.document.querySelectorAll = ((sel: string) => {
      if (/table/.test(sel)) reads++;
      return tables(sel);
    }) as typeof dom.document.querySelectorAll;
    const toast = dom.document.createElement('div');
    toast.textContent = 'Saved';
    dom.document.body.append(toast);
    toast.textContent = 'Saved again';
    await wait(60);
    expect(reads).toBe(0);
    expect(reports).toHaveLength(1);
  });

  it('follows the page agent’s observer instead of its own: status changes read, class flips not', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const observers = countObservers(dom);
    const store = createOverlayStore('bc-members');
    const runner = new ChecklistRunner(dom.document, store);
    const route = new AbortController();
    const reports: MembersReport[] = [];
    const rowReads = vi.spyOn(runner, 'tablesData');
    watchMembers(dom.url(), dom.document, (r) => reports.push(r), route.signal, {
      throttleMs: 20,
      changes: (onRecords) => runner.followChanges(onRecords, route.signal),
      rows: () => readRowsData(runner.tablesData()),
    });
    expect(reports).toEqual([]); // until the runner observes this route
    runner.runRoute(dom.url(), route.signal);
    expect(observers.created).toBe(1); // the runner's, and no other
    await wait(40);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.members).toEqual(readMembersReport(dom.url(), dom.document)!.members);
    expect(rowReads).toHaveBeenCalled();
    for (const row of dom.document.querySelectorAll('tbody tr')) row.className += ' h1';
    await wait(80);
    expect(reports).toHaveLength(1);
    const tag = Array.from(rowOf(dom, 'sam.ortiz@gmial.com').querySelectorAll('span')).find(
      (s) => s.textContent?.trim() === 'Pending',
    )!;
    tag.lastChild!.textContent = 'Active';
    await wait(80);
    expect(reports).toHaveLength(2);
    route.abort();
    tag.lastChild!.textContent = 'Suspended';
    await wait(80);
    expect(reports).toHaveLength(2);
  });

  it('reports nothing where no member table is shown', async () => {
    dom = await openReplica(REPLICA_URLS.bcPartners);
    const reports: MembersReport[] = [];
    watchMembers(dom.url(), dom.document, (r) => reports.push(r), new AbortController().signal);
    expect(readMembersReport(dom.url(), dom.document)).toBeNull();
    expect(reports).toEqual([]);
  });
});
