import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAllDeep } from '@/lib/tiktok/dom';
import { SELECTOR_EXAMPLES, SELECTORS } from '@/lib/tiktok/selectors';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

type Page = keyof typeof REPLICA_URLS;
const opened = new Map<Page, ReplicaDom>();

beforeAll(async () => {
  const pages = new Set(Object.values(SELECTOR_EXAMPLES).flatMap((e) => e as readonly Page[]));
  for (const page of pages) {
    if (!(page in REPLICA_URLS)) throw new Error(`selectors.ts names an unknown replica: ${page}`);
    opened.set(page, await openReplica(REPLICA_URLS[page]));
  }
});
afterAll(async () => {
  for (const dom of opened.values()) await dom.close();
});

// Each selector against every replica it says it must find something on.
const cases = Object.entries(SELECTORS).flatMap(([name, target]) =>
  (SELECTOR_EXAMPLES[name as keyof typeof SELECTORS] as readonly Page[]).map((page) => ({
    name,
    page,
    target,
  })),
);

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const within = (el: Element, selectors: readonly string[]) =>
  selectors.some((s) => el.parentElement?.closest(s));

/**
 * What a match of each target must be, beyond matching: a selector that finds the wrong element
 * (a heading in a dialog, a row outside any table, an account id without digits) fails here.
 */
const IS_WHAT_IT_NAMES: Record<keyof typeof SELECTORS, (el: Element) => boolean> = {
  heading: (el) => /^(h1|h2)$/i.test(el.tagName) || el.getAttribute('role') === 'heading',
  table: (el) => el.querySelector('tr, [role=row], .bui-table-row, .bc-okee-table-row') !== null,
  columnHeader: (el) => within(el, SELECTORS.table.alternatives) && text(el).length > 0,
  gridRow: (el) =>
    within(el, SELECTORS.table.alternatives) &&
    queryAllDeep(el, [...SELECTORS.gridCell.alternatives, ...SELECTORS.columnHeader.alternatives])
      .length > 0,
  gridCell: (el) => within(el, SELECTORS.gridRow.alternatives),
  tab: (el) => text(el).length > 0 && within(el, ['[role=tablist]', '[class*="tabs"]']),
  dialog: () => true,
  message: () => true,
  currentStep: () => true,
  loading: () => true,
  bcName: (el) => text(el).length > 0 && !within(el, ['main', '[role=main]']),
  bcPickerEntry: (el) =>
    /org_id=\d+/.test(el.getAttribute('href') ?? '') ||
    /^\d+$/.test(el.getAttribute('data-org-id') ?? ''),
  // Ads Manager's x-text elements carry their words in a `value` attribute, not as text.
  adsAccountId: (el) => /\d{6,}/.test(`${text(el)} ${el.getAttribute('value') ?? ''}`),
};

describe('every selector finds its target on the replicas it names', () => {
  it.each(cases)('$name on $page', ({ name, page, target }) => {
    const dom = opened.get(page)!;
    const found = queryAllDeep(dom.document, target.alternatives);
    expect(found.length).toBeGreaterThan(0);
    const wrong = found.filter((el) => !IS_WHAT_IT_NAMES[name as keyof typeof SELECTORS](el));
    expect(wrong.map((el) => el.outerHTML.slice(0, 120))).toEqual([]);
  });

  it('a heading is the page title, not a dialog or card title', () => {
    for (const page of SELECTOR_EXAMPLES.heading) {
      const doc = opened.get(page as Page)!.document;
      const [first] = queryAllDeep(doc, SELECTORS.heading.alternatives);
      expect(first && within(first, SELECTORS.dialog.alternatives), page).toBe(false);
    }
  });

  it('lists alternatives for every target and no empty selector', () => {
    for (const [name, target] of Object.entries(SELECTORS)) {
      expect(target.alternatives.length, name).toBeGreaterThan(0);
      for (const s of target.alternatives) expect(s.trim(), name).not.toBe('');
    }
  });

  it('the older bui- generation is matched without the newer class names (and the reverse)', () => {
    const es = opened.get('bcMembersEs')!.document;
    const en = opened.get('bcMembers')!.document;
    expect(es.querySelector('[class*="bc-okee-"]')).toBeNull();
    expect(en.querySelector('[class*="bui-"]')).toBeNull();
    expect(queryAllDeep(es, SELECTORS.gridRow.alternatives).length).toBe(5); // header + 4
    expect(queryAllDeep(en, SELECTORS.table.alternatives).length).toBe(1);
  });

  it("walks open shadow roots (Ads Manager's nested custom elements)", () => {
    const ads = opened.get('adsDashboard')!.document;
    expect(ads.querySelector('[x-name="x-account-id"]')).toBeNull(); // not in the light DOM
    expect(queryAllDeep(ads, SELECTORS.adsAccountId.alternatives)).toHaveLength(1);
  });
});

// Targets that exist only in a state the user brings about: checked in that state.
describe('selectors for dialogs, steps, messages and loading states', () => {
  it.each(['bcMembers', 'bcMembersEs'] as const)('match on %s as its flows run', async (page) => {
    const dom = await openReplica(REPLICA_URLS[page], { settle: false });
    try {
      const doc = dom.document;
      expect(queryAllDeep(doc, SELECTORS.loading.alternatives).length).toBeGreaterThan(0);
      await dom.settle();
      expect(queryAllDeep(doc, SELECTORS.dialog.alternatives)).toHaveLength(0);
      (doc.querySelector('main h1 + div button') as HTMLElement).click(); // Invite Member
      await dom.settle();
      const dialogs = queryAllDeep(doc, SELECTORS.dialog.alternatives);
      expect(dialogs.length).toBeGreaterThan(0);
      // Mounted at the end of body, not inside the table.
      expect(dialogs.every((d) => !doc.querySelector('main')!.contains(d))).toBe(true);
      expect(queryAllDeep(doc, SELECTORS.currentStep.alternatives)).toHaveLength(1);
      (doc.querySelector('[role=dialog] button') as HTMLElement).click(); // Cancel
      await dom.settle();
      expect(queryAllDeep(doc, SELECTORS.dialog.alternatives)).toHaveLength(0);
      // Resend on a pending invitation shows a message.
      const pendingRow = Array.from(doc.querySelectorAll('main tr, main [role=row]')).find((r) =>
        /Pending|Pendiente/.test(r.textContent ?? ''),
      )!;
      (pendingRow.querySelector('button') as HTMLElement).click(); // View
      await dom.settle();
      (doc.querySelector('[role=dialog] button') as HTMLElement).click(); // Resend
      await dom.settle();
      expect(queryAllDeep(doc, SELECTORS.message.alternatives).length).toBeGreaterThan(0);
    } finally {
      await dom.close();
    }
  });
});

/**
 * How many elements each selector finds on each replica, frozen: a selector that starts matching
 * more (a stray row, a second heading) or less fails here, and every page not listed is one it
 * must not match at all (no table on Overview, no dialog on a settled page, no Ads Manager account
 * id on Business Center). The dialogs', steps' and loading states' selectors are checked on their
 * open states below.
 */
const EXPECTED_COUNTS: Record<keyof typeof SELECTORS, Partial<Record<Page, number>>> = {
  heading: {
    bcOverview: 1,
    bcMembers: 1,
    bcMembersEs: 1,
    bcPartners: 1,
    bcPartnersEs: 1,
    bcPartnersNewRoute: 1,
    bcAssetMembers: 1,
    bcAssetPartner: 1,
    bcAssetMembersEs: 1,
    bcMembersJa: 1,
    bcPartnersJa: 1,
    bcAssetMembersJa: 1,
    bcMembersAr: 1,
    bcPartnersAr: 1,
    bcMembersTabs: 1,
    bcPartnersTabs: 1,
    bcMembersTabsJa: 1,
    bcMembersGrid: 1,
    bcMembersPaged: 1,
    bcMembersVirtual: 1,
    bcAdAccounts: 1,
    bcBilling: 1,
    bcPicker: 1,
    bcLogin: 1,
    ssoLogin: 1,
    adsLogin: 1,
    adsDashboard: 1,
    adsCampaigns: 1,
  },
  table: {
    bcMembers: 1,
    bcMembersEs: 1,
    bcPartners: 1,
    bcPartnersEs: 1,
    bcPartnersNewRoute: 1,
    bcAssetMembers: 1,
    bcAssetPartner: 1,
    bcAssetMembersEs: 3,
    bcMembersJa: 1,
    bcPartnersJa: 1,
    bcAssetMembersJa: 1,
    bcMembersAr: 1,
    bcPartnersAr: 1,
    bcMembersTabs: 1,
    bcPartnersTabs: 1,
    bcMembersTabsJa: 1,
    bcMembersGrid: 1,
    bcMembersPaged: 1,
    bcMembersVirtual: 1,
    bcAdAccounts: 1,
    adsDashboard: 1,
    adsCampaigns: 1,
  },
  columnHeader: {
    bcMembers: 6,
    bcMembersEs: 6,
    bcPartners: 4,
    bcPartnersEs: 4,
    bcPartnersNewRoute: 4,
    bcAssetMembers: 4,
    bcAssetPartner: 4,
    bcAssetMembersEs: 4,
    bcMembersJa: 6,
    bcPartnersJa: 4,
    bcAssetMembersJa: 4,
    bcMembersAr: 6,
    bcPartnersAr: 4,
    bcMembersTabs: 6,
    bcPartnersTabs: 4,
    bcMembersTabsJa: 6,
    bcMembersGrid: 6,
    bcMembersPaged: 6,
    bcMembersVirtual: 6,
    bcAdAccounts: 4,
    adsDashboard: 4,
    adsCampaigns: 4,
  },
  gridRow: {
    bcMembers: 10,
    bcMembersEs: 5,
    bcPartners: 4,
    bcPartnersEs: 2,
    bcPartnersNewRoute: 4,
    bcAssetMembers: 3,
    bcAssetPartner: 1,
    bcAssetMembersEs: 1,
    bcPartnersJa: 3,
    bcMembersAr: 4,
    bcPartnersAr: 3,
    bcMembersTabs: 10,
    bcPartnersTabs: 4,
    bcMembersGrid: 11,
    bcMembersPaged: 10,
    bcMembersVirtual: 8,
    bcAdAccounts: 3,
  },
  gridCell: {
    bcMembersEs: 24,
    bcPartners: 12,
    bcPartnersEs: 4,
    bcPartnersNewRoute: 12,
    bcPartnersJa: 8,
    bcPartnersAr: 8,
    bcPartnersTabs: 12,
    bcMembersGrid: 60,
    bcMembersVirtual: 42,
  },
  tab: {
    bcAssetMembers: 2,
    bcAssetPartner: 2,
    bcAssetMembersEs: 2,
    bcAssetMembersJa: 2,
    bcMembersTabs: 2,
    bcPartnersTabs: 2,
    bcMembersTabsJa: 2,
  },
  dialog: {},
  message: {},
  currentStep: {},
  loading: {},
  bcName: {
    bcOverview: 1,
    bcMembers: 1,
    bcMembersEs: 1,
    bcPartners: 1,
    bcPartnersEs: 1,
    bcPartnersNewRoute: 1,
    bcAssetMembers: 1,
    bcAssetPartner: 1,
    bcAssetMembersEs: 1,
    bcMembersJa: 1,
    bcPartnersJa: 1,
    bcAssetMembersJa: 1,
    bcMembersAr: 1,
    bcPartnersAr: 1,
    bcMembersTabs: 1,
    bcPartnersTabs: 1,
    bcMembersTabsJa: 1,
    bcMembersGrid: 1,
    bcMembersPaged: 1,
    bcMembersVirtual: 1,
    bcAdAccounts: 1,
    bcBilling: 1,
  },
  bcPickerEntry: {
    bcOverview: 5,
    bcMembers: 5,
    bcMembersEs: 5,
    bcPartners: 5,
    bcPartnersEs: 5,
    bcPartnersNewRoute: 5,
    bcAssetMembers: 5,
    bcAssetPartner: 5,
    bcAssetMembersEs: 5,
    bcMembersJa: 5,
    bcPartnersJa: 5,
    bcAssetMembersJa: 5,
    bcMembersAr: 5,
    bcPartnersAr: 5,
    bcMembersTabs: 7,
    bcPartnersTabs: 7,
    bcMembersTabsJa: 7,
    bcMembersGrid: 5,
    bcMembersPaged: 5,
    bcMembersVirtual: 5,
    bcAdAccounts: 8,
    bcBilling: 5,
    bcPicker: 4,
  },
  adsAccountId: { adsDashboard: 1, adsCampaigns: 1 },
};

describe('each selector finds exactly its expected count on every replica', () => {
  const all = Object.keys(REPLICA_URLS) as Page[];
  it.each(all)('%s', async (page) => {
    // A fresh page: the tests above open dialogs and steps on theirs.
    const dom = await openReplica(REPLICA_URLS[page]);
    try {
      const counts = Object.fromEntries(
        Object.entries(SELECTORS).map(([name, target]) => [
          name,
          queryAllDeep(dom.document, target.alternatives).length,
        ]),
      );
      const expected = Object.fromEntries(
        Object.keys(SELECTORS).map((name) => [
          name,
          EXPECTED_COUNTS[name as keyof typeof SELECTORS][page] ?? 0,
        ]),
      );
      expect(counts).toEqual(expected);
    } finally {
      await dom.close();
    }
  });
});
