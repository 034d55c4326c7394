/**
 * Following a single-page app's client-side navigations from a content script, without WXT's
 * `ContentScriptContext`. The watcher (on every TikTok page) and the page agent need only this
 * much of the context: the new URL after each navigation, and to stop once their extension is
 * gone. It does
 * what WXT's location watcher does (the Navigation API's `navigate` event where the browser has
 * it, which fires before `location` changes; else a look at `location` once a second), but hands
 * the URL straight to its caller: no event on `window` that a page could forge or listen to, and
 * no "content script started" event for a page to send (docs/security.md).
 */

/**
 * Whether this copy of the content script still belongs to a running extension: the browser
 * takes `runtime.id` away from a copy whose extension was reloaded or updated (the test WXT's
 * `ctx.isInvalid` makes). `chrome` is there in Chrome and in Firefox's content scripts alike.
 */
export function extensionAlive(): boolean {
  try {
    return chrome.runtime?.id != null;
  } catch {
    return false;
  }
}

/** The Navigation API, where the browser has it (Chromium; not Firefox ESR). */
interface NavigationLike extends EventTarget {
  addEventListener(
    type: 'navigate',
    listener: (event: Event & { destination?: { url?: string } }) => void,
    options?: AddEventListenerOptions,
  ): void;
}

/** How often `location` is looked at where there is no Navigation API (as WXT does). */
export const POLL_MS = 1000;

/**
 * Call `onNavigate` with the new URL after each client-side navigation to another URL, until
 * `signal` aborts. Events a page script dispatches itself (not trusted) are ignored.
 */
export function followNavigations(
  onNavigate: (url: URL) => void,
  signal: AbortSignal,
  win: Window & typeof globalThis = window,
): void {
  let current = win.location.href;
  const arrive = (href: string) => {
    if (href === current) return;
    current = href;
    onNavigate(new URL(href));
  };
  const navigation = (win as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener(
      'navigate',
      (event) => {
        const href = event.isTrusted ? event.destination?.url : undefined;
        if (href) arrive(href);
      },
      { signal },
    );
    return;
  }
  const timer = win.setInterval(() => arrive(win.location.href), POLL_MS);
  signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
}
