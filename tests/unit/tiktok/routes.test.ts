import { describe, expect, it } from 'vitest';
import type { PageKind } from '@/lib/tiktok/routes';
import {
  ACCESS_PAGE_KINDS,
  ROUTE_DETECTORS,
  ROUTE_EXAMPLES,
  bcAccessUrl,
  classifyUrl,
  readAdvertiserId,
  readOrgId,
} from '@/lib/tiktok/routes';

const ORG_ID = '7012345678901234567';

// Every example URL with the detector it belongs to.
const EXAMPLES = ROUTE_DETECTORS.flatMap(([kind]) =>
  ROUTE_EXAMPLES[kind].map((href) => ({ kind, href })),
);

describe('route detectors', () => {
  it('each detector has examples', () => {
    for (const [kind] of ROUTE_DETECTORS) {
      expect(ROUTE_EXAMPLES[kind].length, kind).toBeGreaterThan(0);
    }
  });

  describe.each(ROUTE_DETECTORS.map(([kind, detect]) => ({ kind, detect })))(
    '$kind',
    ({ kind, detect }) => {
      it.each(ROUTE_EXAMPLES[kind])('matches its own example %s', (href) => {
        expect(detect(new URL(href))).toBe(true);
      });

      const others = EXAMPLES.filter((e) => e.kind !== kind);
      it.each(others)("rejects $kind's example $href", ({ href }) => {
        expect(detect(new URL(href))).toBe(false);
      });
    },
  );
});

describe('classifyUrl', () => {
  it.each(EXAMPLES)('classifies $href as $kind', ({ kind, href }) => {
    expect(classifyUrl(new URL(href))).toBe(kind);
  });

  it.each([
    `https://example.com/manage/users/members?org_id=${ORG_ID}`,
    `http://business.tiktok.com.evil.com/manage/users/members?org_id=${ORG_ID}`,
    `https://evil.com/business.tiktok.com/manage/users/members?org_id=${ORG_ID}`,
    `https://www.tiktok.com/@someone`,
    `https://ads.tiktok.com.evil.com/i18n/dashboard?aadvid=7100000000000000001`,
  ])('calls a page off TikTok’s Business Center and Ads Manager hosts unknown: %s', (href) => {
    expect(classifyUrl(new URL(href))).toBe('unknown');
  });

  it('ignores a trailing slash and upper-case host', () => {
    expect(classifyUrl(new URL(`https://BUSINESS.tiktok.com/manage/users/members/?org_id=1`))).toBe(
      'bc-members',
    );
  });

  it('does not take a longer path for the members page', () => {
    expect(
      classifyUrl(new URL(`https://business.tiktok.com/manage/users/members/invite?org_id=1`)),
    ).toBe('bc-other');
  });

  it('marks exactly the three access pages as access kinds', () => {
    const kinds: PageKind[] = [...ACCESS_PAGE_KINDS].sort();
    expect(kinds).toEqual(['bc-asset-access', 'bc-members', 'bc-partners']);
  });
});

describe('readOrgId', () => {
  it.each([
    [`https://business.tiktok.com/manage/users/members?org_id=${ORG_ID}`, ORG_ID],
    ['https://business.tiktok.com/manage/overview?lang=en&org_id=123456', '123456'],
  ])('reads the digits of %s', (href, expected) => {
    expect(readOrgId(new URL(href))).toBe(expected);
  });

  it.each([
    'https://business.tiktok.com/manage/users/members',
    'https://business.tiktok.com/manage/users/members?org_id=',
    'https://business.tiktok.com/manage/users/members?org_id=12345',
    'https://business.tiktok.com/manage/users/members?org_id=12345678901234567890123456',
    'https://business.tiktok.com/manage/users/members?org_id=7012345678abc',
    'https://business.tiktok.com/manage/users/members?org_id=%20701234567890',
    'https://business.tiktok.com/manage/users/members?org_id=-7012345678',
    'https://business.tiktok.com/manage/users/members?org_id=%3Cscript%3E',
    'https://business.tiktok.com/manage/users/members?orgid=7012345678901234567',
  ])('rejects %s', (href) => {
    expect(readOrgId(new URL(href))).toBeNull();
  });
});

describe('readAdvertiserId', () => {
  it('reads the digits of aadvid', () => {
    expect(
      readAdvertiserId(new URL('https://ads.tiktok.com/i18n/dashboard?aadvid=7100000000000000001')),
    ).toBe('7100000000000000001');
  });

  it.each([
    'https://ads.tiktok.com/i18n/dashboard',
    'https://ads.tiktok.com/i18n/dashboard?aadvid=',
    'https://ads.tiktok.com/i18n/dashboard?aadvid=71000x0000000000001',
    'https://ads.tiktok.com/i18n/dashboard?aadvid=12345',
    'https://ads.tiktok.com/i18n/dashboard?aadvid=1.5e18',
    `https://ads.tiktok.com/i18n/dashboard?org_id=${ORG_ID}`,
  ])('rejects %s', (href) => {
    expect(readAdvertiserId(new URL(href))).toBeNull();
  });
});

describe('bcAccessUrl', () => {
  it.each([
    ['members', 'bc-members'],
    ['partners', 'bc-partners'],
  ] as const)('builds the %s page, which classifies as %s', (section, kind) => {
    const href = bcAccessUrl(ORG_ID, section);
    expect(href).toBe(`https://business.tiktok.com/manage/users/${section}?org_id=${ORG_ID}`);
    const url = new URL(href);
    expect(classifyUrl(url)).toBe(kind);
    expect(readOrgId(url)).toBe(ORG_ID);
  });

  it('encodes an ID rather than letting it add parameters', () => {
    const url = new URL(bcAccessUrl('123&lang=xx', 'members'));
    expect(url.searchParams.get('org_id')).toBe('123&lang=xx');
    expect(url.searchParams.has('lang')).toBe(false);
  });
});
