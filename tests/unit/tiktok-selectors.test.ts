import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAllDeep } from '@/lib/tiktok/dom';
import { SELECTOR_EXAMPLES, SELECTORS } from '@/lib/tiktok/selectors';
import { REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from './helpers/replica-dom';
import { openReplica } from './helpers/replica-dom';

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

describe('every selector finds its target on the replicas it names', () => {
  it.each(cases)('$name on $page', ({ page, target }) => {
    const dom = opened.get(page)!;
    expect(queryAllDeep(dom.document, target.alternatives).length).toBeGreaterThan(0);
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
