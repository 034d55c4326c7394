import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAllDeep } from '@/lib/tiktok/dom';
import { SELECTORS } from '@/lib/tiktok/selectors';
import { REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from './helpers/replica-dom';
import { openReplica } from './helpers/replica-dom';

type Page = keyof typeof REPLICA_URLS;
const opened = new Map<Page, ReplicaDom>();

beforeAll(async () => {
  const pages = new Set(Object.values(SELECTORS).flatMap((t) => t.examples as readonly Page[]));
  for (const page of pages) {
    if (!(page in REPLICA_URLS)) throw new Error(`selectors.ts names an unknown replica: ${page}`);
    opened.set(page, await openReplica(REPLICA_URLS[page]));
  }
});
afterAll(async () => {
  for (const dom of opened.values()) await dom.close();
});

// Each selector against every replica it says it must find something on (house style, pattern 3).
const cases = Object.entries(SELECTORS).flatMap(([name, target]) =>
  (target.examples as readonly Page[]).map((page) => ({ name, page, target })),
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
