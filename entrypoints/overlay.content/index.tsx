import './style.css';
import { createRoot } from 'react-dom/client';
import { CompanionPanel } from '@/components/overlay/CompanionPanel';
import { createOverlayStore } from '@/components/overlay/store';
import { ignoreForgedScriptStarts, navigatedTo } from '@/lib/content-script/forged-events';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { markOverlayRunning, overlayRunning } from '@/lib/overlay/flag';
import { overlayPrefs, pageKey } from '@/lib/overlay/prefs';
import { ChecklistRunner } from '@/lib/overlay/runner';
import { classifyPage, mayBeAccessPage } from '@/lib/tiktok/classify';
import type { PageKind } from '@/lib/tiktok/routes';
import { ACCESS_PAGE_KINDS, classifyUrl } from '@/lib/tiktok/routes';

/**
 * The overlay: injected by the background (never declared in the manifest) only on pages where
 * access is managed, mounted in an open shadow root under <tt-access-companion>.
 */
export default defineContentScript({
  matches: ['https://business.tiktok.com/*'],
  registration: 'runtime',
  cssInjectionMode: 'ui',
  // Don't tell every script of the page the extension's id (lib/content-script/forged-events.ts).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ignoreForgedScriptStarts(ctx);
    if (overlayRunning(window)) return;
    markOverlayRunning(window, true);

    // What the page itself confirmed each route to be, when its URL alone does not say (the
    // background passes on the watcher's confirmation; see lib/tiktok/watch.ts).
    const confirmed = new Map<string, PageKind>();
    const kindOf = (url: URL, first: boolean): PageKind => {
      const byUrl = classifyUrl(url);
      if (ACCESS_PAGE_KINDS.has(byUrl)) return byUrl;
      const known = confirmed.get(url.href);
      if (known) return known;
      // Injected on a route the page confirmed: its DOM is the confirmed one. (After a client-side
      // navigation the DOM is still the old route's, so only the background's word counts.)
      return first && mayBeAccessPage(url) ? classifyPage(url, document) : byUrl;
    };

    const store = createOverlayStore(kindOf(new URL(location.href), true));
    const runner = new ChecklistRunner(document, store, sendMessage);
    let currentUrl = new URL(location.href);
    const prefs = await overlayPrefs.getValue();
    store.getState().set({ collapsed: prefs.collapsed, side: prefs.side });

    const remember = async (change: {
      collapsed?: boolean;
      side?: 'left' | 'right';
      closed?: boolean;
    }) => {
      const now = await overlayPrefs.getValue();
      const key = pageKey(currentUrl);
      await overlayPrefs.setValue({
        collapsed: change.collapsed ?? now.collapsed,
        side: change.side ?? now.side,
        closedOn:
          change.closed === true ? [...new Set([...now.closedOn, key])].slice(-200) : now.closedOn,
      });
    };

    const ui = await createShadowRootUi(ctx, {
      name: 'tt-access-companion',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      isolateEvents: true,
      onMount(container) {
        const wrapper = document.createElement('div');
        wrapper.className = 'ac-root';
        container.append(wrapper);
        const root = createRoot(wrapper);
        root.render(
          <CompanionPanel
            store={store}
            onOpenRegister={(grantId) =>
              void sendMessage('overlay:openRegister', grantId ? { grantId } : {})
            }
            onStart={(id) => runner.start(id)}
            onAbandon={() => runner.abandon()}
            onManual={(id) => runner.markDone(id)}
            onFocusTarget={() => runner.focusTarget()}
            onReconcile={(keys, confirmed) => void runner.applyReconcile(keys, confirmed)}
            onChoosePerson={(subject) => runner.choosePerson(subject)}
            onPrefs={(change) => void remember(change)}
          />,
        );
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });

    // Each route's work hangs off its own signal, aborted on the next navigation.
    let route: AbortController | null = null;
    const sync = async (url: URL, first = false) => {
      currentUrl = url;
      route?.abort();
      route = new AbortController();
      const signal = route.signal;
      const kind = kindOf(url, first);
      store.getState().setPageKind(kind);
      const closed = (await overlayPrefs.getValue()).closedOn.includes(pageKey(url));
      if (signal.aborted) return;
      store.getState().set({ closed });
      if (ACCESS_PAGE_KINDS.has(kind)) {
        if (!ui.mounted) ui.mount();
      } else if (ui.mounted) {
        ui.remove();
      }
      // Progress is followed on every route of the Business Center: a checklist may start on
      // Members and go on elsewhere.
      await runner.runRoute(url, signal);
    };
    void sync(new URL(location.href), true);
    const stopListening = onMessage('background:pageConfirmed', ({ data }) => {
      confirmed.set(data.url, data.kind);
      if (data.url === currentUrl.href && store.getState().pageKind !== data.kind) {
        void sync(currentUrl);
      }
    });
    // The event carries the new URL: with the Navigation API it fires before `location` changes.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      const url = navigatedTo(event);
      if (url) void sync(url);
    });
    ctx.onInvalidated(() => {
      stopListening();
      route?.abort();
      ui.remove();
      markOverlayRunning(window, false);
    });
  },
});
