import { extensionAlive, followNavigations } from '@/lib/content-script/navigations';
import { lendWatcherModules } from '@/lib/content-script/watcher-modules';
import { tellBackground } from '@/lib/messaging/tell-background';
import type { PageReport } from '@/lib/tiktok/watch';
import { watchRoute } from '@/lib/tiktok/watch';

/**
 * The watcher: tiny, on every page of the two TikTok hosts. It classifies the page by its URL
 * and, where the URL may be about access without proving it, confirms by the page's own table
 * (lib/tiktok/watch.ts); tells the background (which injects the overlay only where access is
 * managed); and does so again after each client-side navigation, aborting the previous route's
 * watch. It never changes the page.
 *
 * It is declared in the manifest as a content script (wxt.config.ts) but built as an unlisted
 * script: WXT's content-script context, with its location watcher and its "content script
 * started" events (which a page can forge, docs/security.md), is more than a script on every
 * TikTok page needs. It stops by itself once its extension is reloaded or updated under the page.
 */
export default defineUnlistedScript(() => {
  // The page agent, injected here later, uses these modules instead of carrying its own.
  lendWatcherModules();
  const lifetime = new AbortController();
  let route: AbortController | undefined;
  lifetime.signal.addEventListener('abort', () => route?.abort(), { once: true });
  const send = (report: PageReport) => tellBackground('watcher:pageSeen', report);
  const onRoute = (url: URL, navigated: boolean) => {
    route?.abort();
    if (!extensionAlive()) {
      lifetime.abort();
      return;
    }
    const current = (route = new AbortController());
    // A confirmed Members page's rows (for finding my own row there) are passed on by the page
    // agent, which the background injects on access pages: the table reader stays out of this
    // script, which runs on every TikTok page.
    // On the Business Center picker the background injects the picker's reader
    // (entrypoints/picker-watch.ts): this script, on every TikTok page, does not carry it.
    watchRoute(url, document, send, current.signal, { navigated });
  };
  onRoute(new URL(location.href), false);
  // The URL comes with the navigation: with the Navigation API it fires before `location` changes.
  followNavigations((url) => onRoute(url, true), lifetime.signal);
  return lifetime;
});
