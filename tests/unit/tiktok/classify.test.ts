import { afterEach, describe, expect, it } from 'vitest';
import {
  classifyPage,
  mayBeAccessPage,
  pageConfirmsAccess,
  readAdvertiserIdFromPage,
  readBcName,
  readBcOrgId,
  readBusinessCenterList,
  readPageEvidence,
} from '@/lib/tiktok';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import { PAGE_KINDS } from '../helpers/replica-expectations';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

const pages = Object.entries(PAGE_KINDS) as Array<[keyof typeof PAGE_KINDS, string]>;
let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

/** Follow a link in Business Center's side menu, as a user would (a pushState navigation). */
async function openSection(d: ReplicaDom, name: string) {
  const link = Array.from(d.document.querySelectorAll('nav a')).find((a) => a.textContent === name);
  if (!link) throw new Error(`no menu link ${name}`);
  (link as HTMLElement).click();
  await d.settle();
}

describe('classifyPage on every replica, on its real URL', () => {
  it.each(pages)('%s is %s', async (page, kind) => {
    dom = await openReplica(REPLICA_URLS[page]);
    expect(classifyPage(dom.url(), dom.document)).toBe(kind);
  });

  it('an unknown /manage/users/ route is classified by what the page shows (Partners)', async () => {
    dom = await openReplica(REPLICA_URLS.bcPartnersNewRoute);
    expect(dom.url().pathname).toBe('/manage/users/collaborators');
    expect(readPageEvidence(dom.document)).toEqual({
      heading: 'Partners',
      byHeading: 'bc-partners',
      byTabs: null,
      byTable: 'bc-partners',
    });
    expect(classifyPage(dom.url(), dom.document)).toBe('bc-partners');
  });

  it('before the table arrives, an access URL still classifies by the URL and is not yet confirmed', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers, { settle: false });
    expect(classifyPage(dom.url(), dom.document)).toBe('bc-members');
    expect(pageConfirmsAccess(dom.document)).toBe(false);
    await dom.settle();
    expect(pageConfirmsAccess(dom.document)).toBe(true);
  });

  it('a "Members" card on the overview does not make it a Members page', async () => {
    dom = await openReplica(REPLICA_URLS.bcOverview);
    expect(dom.document.querySelector('h2')?.textContent).toBe('Members');
    expect(classifyPage(dom.url(), dom.document)).toBe('bc-other');
  });
});

describe('classifyPage after client-side navigation', () => {
  it('follows Members → Overview → Partners → Ad accounts → an ad account → its Partner tab → back', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const d = dom;
    const kind = () => classifyPage(d.url(), d.document);
    expect(kind()).toBe('bc-members');

    await openSection(d, 'Overview');
    expect(d.url().pathname).toBe('/manage/overview');
    expect(kind()).toBe('bc-other');

    await openSection(d, 'Partners');
    expect(kind()).toBe('bc-partners');

    await openSection(d, 'Ad accounts');
    expect(kind()).toBe('bc-other');

    (d.document.querySelector('a[data-aadvid="7100000000000000001"]') as HTMLElement).click();
    await d.settle();
    expect(d.url().pathname).toBe('/manage/accounts/adv/detail');
    expect(kind()).toBe('bc-asset-access');
    expect(readPageEvidence(d.document).byTabs).toBe('bc-asset-access');

    const partnerTab = Array.from(d.document.querySelectorAll('[role=tab]')).find(
      (t) => t.textContent === 'Partner',
    ) as HTMLElement;
    partnerTab.click();
    await d.settle();
    expect(d.url().searchParams.get('tab')).toBe('partner');
    expect(kind()).toBe('bc-asset-access');

    await openSection(d, 'Members');
    expect(kind()).toBe('bc-members');
    d.window.history.back();
    await d.settle();
    expect(d.url().searchParams.get('tab')).toBe('partner');
    expect(kind()).toBe('bc-asset-access');
  });

  it('follows Ads Manager from Dashboard to Campaign, staying ads-manager', async () => {
    dom = await openReplica(REPLICA_URLS.adsDashboard);
    expect(classifyPage(dom.url(), dom.document)).toBe('ads-manager');
    const link = Array.from(dom.document.querySelectorAll('nav a')).find(
      (a) => a.textContent === 'Campaign',
    );
    (link as HTMLElement).click();
    await dom.settle();
    expect(dom.url().pathname).toBe('/i18n/manage/adgroup');
    expect(classifyPage(dom.url(), dom.document)).toBe('ads-manager');
  });
});

describe('mayBeAccessPage', () => {
  it.each([
    [REPLICA_URLS.bcMembers, true],
    [REPLICA_URLS.bcPartnersNewRoute, true],
    [REPLICA_URLS.bcAssetPartner, true],
    [REPLICA_URLS.bcOverview, false],
    [REPLICA_URLS.bcAdAccounts, false],
    [REPLICA_URLS.bcPicker, false],
    [REPLICA_URLS.adsDashboard, false],
    [REPLICA_URLS.bcLogin, false],
  ])('%s → %s', (href, expected) => {
    expect(mayBeAccessPage(new URL(href))).toBe(expected);
  });
});

describe('context readers', () => {
  it.each([
    ['bcMembers', '7012345678901234567', 'Northwind Outdoor'],
    ['bcMembersEs', '7098765432109876543', 'Tienda Sol'],
    ['bcAssetPartner', '7012345678901234567', 'Northwind Outdoor'],
  ] as const)('%s: org_id %s, Business Center %s', async (page, orgId, name) => {
    dom = await openReplica(REPLICA_URLS[page]);
    expect(readBcOrgId(dom.url(), dom.document)).toBe(orgId);
    expect(readBcName(dom.document)).toBe(name);
  });

  it('reads the org_id from the page header when the URL has none', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembersEs);
    const bare = new URL(dom.url().href);
    bare.search = '';
    expect(readBcOrgId(bare, dom.document)).toBe('7098765432109876543');
  });

  it("reads the ad account from Ads Manager's URL, or from its nested shadow roots", async () => {
    dom = await openReplica(REPLICA_URLS.adsDashboard);
    expect(readAdvertiserIdFromPage(dom.url(), dom.document)).toBe('7100000000000000001');
    const bare = new URL('https://ads.tiktok.com/i18n/dashboard');
    expect(readAdvertiserIdFromPage(bare, dom.document)).toBe('7100000000000000001');
    // It is only there inside the shadow roots, not in the light DOM.
    expect(dom.document.getElementById('root')?.textContent).not.toContain('7100000000000000001');
  });

  it('lists the Business Centers on the picker with my role in each, hostile names as text', async () => {
    dom = await openReplica(REPLICA_URLS.bcPicker);
    expect(readBusinessCenterList(dom.document)).toEqual([
      { orgId: '7012345678901234567', name: 'Northwind Outdoor', myRole: 'admin' },
      { orgId: '7098765432109876543', name: 'Tienda Sol', myRole: 'standard' },
      { orgId: '7034567890123456789', name: 'Cedar & Co Apparel', myRole: 'standard' },
      {
        orgId: '7067890123456789012',
        name: '<b onmouseover=alert(1)>Evil BC</b> 🧨',
        myRole: 'admin',
      },
    ]);
    expect(dom.document.querySelector('main b')).toBeNull();
  });

  it('reads no Business Centers while the picker is still loading', async () => {
    dom = await openReplica(REPLICA_URLS.bcPicker, { settle: false });
    expect(readBusinessCenterList(dom.document)).toEqual([]);
  });
});
