import { ignoreForgedScriptStarts, navigatedTo } from '@/lib/content-script/forged-events';
import { tellBackground } from '@/lib/messaging/tell-background';
import type { PageReport } from '@/lib/tiktok/watch';
import { classifyUrl } from '@/lib/tiktok/routes';
import { watchBusinessCenterList, watchRoute } from '@/lib/tiktok/watch';

/**
 * The watcher: tiny, on every page of the two TikTok hosts. It classifies the page by its URL
 * and, where the URL may be about access, confirms by the page's own table (lib/tiktok/watch.ts);
 * tells the background (which injects the overlay only where access is managed); and does so
 * again after each client-side navigation, aborting the previous route's watch. It never changes
 * the page.
 */
export default defineContentScript({
  matches: ['https://business.tiktok.com/*', 'https://ads.tiktok.com/*'],
  runAt: 'document_idle',
  // Don't tell every script of the page the extension's id (lib/content-script/forged-events.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    ignoreForgedScriptStarts(ctx);
    const send = (report: PageReport) => tellBackground('watcher:pageSeen', report);
    let route: AbortController | undefined;
    const onRoute = (url: URL, navigated: boolean) => {
      route?.abort();
      const current = (route = new AbortController());
      // A confirmed Members page's rows (for finding my own row there) are passed on by the page
      // agent, which the background injects on access pages: the table reader stays out of this
      // script, which runs on every TikTok page.
      watchRoute(url, document, send, current.signal, { navigated });
      // The picker lists the Business Centers this user belongs to, their own and their
      // clients': the background keeps the client accounts up to date and has the popup ask
      // about the ones the register does not know (lib/register/held-accounts-picker.ts).
      if (classifyUrl(url) === 'bc-picker') {
        const href = url.href;
        watchBusinessCenterList(
          document,
          (centers) => tellBackground('watcher:businessCentersSeen', { url: href, centers }),
          current.signal,
          { navigated },
        );
      }
    };
    ctx.onInvalidated(() => route?.abort());
    onRoute(new URL(location.href), false);
    // The event carries the new URL: with the Navigation API it fires before `location` changes.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      const url = navigatedTo(event);
      if (url) onRoute(url, true);
    });
  },
});
