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
