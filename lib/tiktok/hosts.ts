/** Business Center's host: its members, partners and assets. */
export const BC_HOST = 'business.tiktok.com';

/** Ads Manager's host. */
export const ADS_HOST = 'ads.tiktok.com';

/**
 * The two hosts where TikTok manages access: the only ones the extension reads (wxt.config's
 * host permissions, where the watcher runs).
 */
export const TIKTOK_HOSTS: ReadonlySet<string> = new Set([BC_HOST, ADS_HOST]);

/** Whether an origin is one of the two hosts' own (HTTPS, default port). */
export function isTikTokOrigin(origin: string): boolean {
  return origin === `https://${BC_HOST}` || origin === `https://${ADS_HOST}`;
}
