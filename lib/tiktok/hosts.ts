/**
 * The two hosts where TikTok manages access: the only ones the extension reads (wxt.config's
 * host permissions, where the watcher runs).
 */
export const TIKTOK_HOSTS: ReadonlySet<string> = new Set(['business.tiktok.com', 'ads.tiktok.com']);
