/**
 * Route detectors: pure functions of a URL, one per kind of TikTok page.
 *
 * Pattern from refined-github's github-url-detection: each detector has the URLs it must match
 * (ROUTE_EXAMPLES), and a generated test checks every detector against every other detector's
 * URLs. Routes come from docs/tiktok.md ("Routes"); both sites are single-page apps, so these run
 * again on every client-side navigation.
 */
import { ADS_HOST, BC_HOST } from './hosts';
import { TIKTOK_ID } from './ids';

/** The kinds of page the extension tells apart. */
export type PageKind =
  | 'bc-members'
  | 'bc-partners'
  | 'bc-asset-access'
  | 'bc-picker'
  | 'bc-other'
  | 'ads-manager'
  | 'login'
  | 'unknown';

/** Pages where access is managed: the overlay is injected only on these. */
export const ACCESS_PAGE_KINDS: ReadonlySet<PageKind> = new Set([
  'bc-members',
  'bc-partners',
  'bc-asset-access',
]);

const SSO_HOST = 'business-sso.tiktok.com';

/** Strip a trailing slash so `/manage/users/members/` and `/manage/users/members` agree. */
function path(url: URL): string {
  return url.pathname.replace(/\/+$/, '') || '/';
}

/** Whether a URL is one kind of page; its examples are in {@link ROUTE_EXAMPLES}. */
type Detector = (url: URL) => boolean;

/** Business Center → Users → Members (seen in code, C3). */
export const isBcMembers: Detector = (url) =>
  url.hostname === BC_HOST && path(url) === '/manage/users/members';

/**
 * Business Center → Users → Partners. The route is inferred by analogy (domain notes, "URLs"):
 * any `partner` route under `/manage/users/`; the page itself confirms it (issue «TikTok page
 * knowledge»).
 */
export const isBcPartners: Detector = (url) =>
  url.hostname === BC_HOST && /^\/manage\/users\/partners?$/.test(path(url));

/** An asset's own page with its Members / Partner tabs (Assets → ad account → View). */
export const isBcAssetAccess: Detector = (url) =>
  url.hostname === BC_HOST &&
  /^\/manage\/accounts\/(adv|tiktok-accounts)\/(detail|[0-9]+)$/.test(path(url));

/** The Business Center picker, listing the Business Centers the user belongs to. */
export const isBcPicker: Detector = (url) =>
  url.hostname === BC_HOST && /^\/select(-account)?$/.test(path(url));

/** Login, on Business Center, its single sign-on host, or Ads Manager. */
export const isLogin: Detector = (url) =>
  (url.hostname === BC_HOST && /^\/login(\/|$)/.test(path(url))) ||
  url.hostname === SSO_HOST ||
  (url.hostname === ADS_HOST && /^\/i18n\/login(\/|$)/.test(path(url)));

/** Any Ads Manager page that is not a login page. */
export const isAdsManager: Detector = (url) => url.hostname === ADS_HOST && !isLogin(url);

/** Any other Business Center page: overview, billing, the ad accounts list, settings. */
export const isBcOther: Detector = (url) =>
  url.hostname === BC_HOST &&
  !isBcMembers(url) &&
  !isBcPartners(url) &&
  !isBcAssetAccess(url) &&
  !isBcPicker(url) &&
  !isLogin(url);

/** Every detector with the kind it stands for, most specific first. */
export const ROUTE_DETECTORS: ReadonlyArray<readonly [Exclude<PageKind, 'unknown'>, Detector]> = [
  ['bc-members', isBcMembers],
  ['bc-partners', isBcPartners],
  ['bc-asset-access', isBcAssetAccess],
  ['bc-picker', isBcPicker],
  ['login', isLogin],
  ['ads-manager', isAdsManager],
  ['bc-other', isBcOther],
];

/**
 * The URLs each detector must match, by the kind it stands for; every other detector must reject
 * them (tests/unit/tiktok/routes.test.ts). A table beside the detectors rather than a property of each,
 * so the scripts that run on every TikTok page, which only call the detectors, do not carry them.
 */
export const ROUTE_EXAMPLES: Readonly<Record<Exclude<PageKind, 'unknown'>, readonly string[]>> = {
  'bc-members': [
    'https://business.tiktok.com/manage/users/members?org_id=7012345678901234567',
    'https://business.tiktok.com/manage/users/members/?org_id=7012345678901234567&lang=es',
    'https://business.tiktok.com/manage/users/members?org_id=7012345678901234567#invite',
  ],
  'bc-partners': [
    'https://business.tiktok.com/manage/users/partners?org_id=7012345678901234567',
    'https://business.tiktok.com/manage/users/partner?org_id=7012345678901234567',
  ],
  'bc-asset-access': [
    'https://business.tiktok.com/manage/accounts/adv/detail?org_id=7012345678901234567&aadvid=7100000000000000001',
    'https://business.tiktok.com/manage/accounts/adv/7100000000000000001?org_id=7012345678901234567&tab=partner',
    'https://business.tiktok.com/manage/accounts/tiktok-accounts/detail?org_id=7012345678901234567',
  ],
  'bc-picker': [
    'https://business.tiktok.com/select?source=login',
    'https://business.tiktok.com/select-account',
  ],
  login: [
    'https://business.tiktok.com/login?redirect=%2Fmanage%2Foverview',
    'https://business-sso.tiktok.com/login?lang=en',
    'https://ads.tiktok.com/i18n/login',
  ],
  'ads-manager': [
    'https://ads.tiktok.com/i18n/dashboard?aadvid=7100000000000000001',
    'https://ads.tiktok.com/i18n/manage/adgroup?aadvid=7100000000000000001',
    'https://ads.tiktok.com/i18n/account/payment?aadvid=7100000000000000001',
    'https://ads.tiktok.com/ac/page/settings',
  ],
  'bc-other': [
    'https://business.tiktok.com/manage/overview?org_id=7012345678901234567',
    'https://business.tiktok.com/manage/accounts/adv?org_id=7012345678901234567',
    'https://business.tiktok.com/manage/accounts/tiktok-accounts?org_id=7012345678901234567',
    'https://business.tiktok.com/manage/payment/bills?org_id=7012345678901234567',
  ],
};

/** The kind of page a URL is, judged by the URL alone. */
export function classifyUrl(url: URL): PageKind {
  for (const [kind, test] of ROUTE_DETECTORS) if (test(url)) return kind;
  return 'unknown';
}

/** The Business Center ID (`org_id`) named in a URL, when it is a plausible one. */
export function readOrgId(url: URL): string | null {
  const id = url.searchParams.get('org_id');
  return id && TIKTOK_ID.test(id) ? id : null;
}

/** The ad account ID (`aadvid`) named in a URL, when it is a plausible one. */
export function readAdvertiserId(url: URL): string | null {
  const id = url.searchParams.get('aadvid');
  return id && TIKTOK_ID.test(id) ? id : null;
}

/** The Business Center page where a Business Center's members or partners are managed. */
export function bcAccessUrl(orgId: string, section: 'members' | 'partners'): string {
  const url = new URL(`https://${BC_HOST}/manage/users/${section}`);
  url.searchParams.set('org_id', orgId);
  return url.href;
}

/**
 * An ad account's own page in its Business Center (Assets → ad account → View), on its Members
 * tab, where a member's permission on that ad account is edited or removed.
 */
export function bcAssetAccessUrl(orgId: string, advertiserId: string): string {
  const url = new URL(`https://${BC_HOST}/manage/accounts/adv/detail`);
  url.searchParams.set('org_id', orgId);
  url.searchParams.set('aadvid', advertiserId);
  return url.href;
}
