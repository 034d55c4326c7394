import { sendMessage } from '@/lib/messaging/protocol';
import { classifyUrl } from '@/lib/tiktok/routes';

/**
 * The watcher: tiny, on every page of the two TikTok hosts. It classifies the page by its URL,
 * tells the background (which injects the overlay only where access is managed), and does so
 * again after each client-side navigation. It never changes the page.
 */
export default defineContentScript({
  matches: ['https://business.tiktok.com/*', 'https://ads.tiktok.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const report = (url: URL) => {
      sendMessage('watcher:pageSeen', { url: url.href, kind: classifyUrl(url) }).catch(() => {
        // The extension was reloaded or updated under this page: nothing to do until a reload.
      });
    };
    report(new URL(location.href));
    // The event carries the new URL: with the Navigation API it fires before `location` changes.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => report(newUrl));
  },
});
