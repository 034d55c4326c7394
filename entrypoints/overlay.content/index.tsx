import './style.css';
import { createRoot } from 'react-dom/client';
import { CompanionPanel } from '@/components/overlay/CompanionPanel';
import { createOverlayStore } from '@/components/overlay/store';
import { sendMessage } from '@/lib/messaging/protocol';
import { markOverlayRunning, overlayRunning } from '@/lib/overlay/flag';
import { ACCESS_PAGE_KINDS, classifyUrl } from '@/lib/tiktok/routes';

/**
 * The overlay: injected by the background (never declared in the manifest) only on pages where
 * access is managed, mounted in an open shadow root under <tt-access-companion>.
 */
export default defineContentScript({
  matches: ['https://business.tiktok.com/*'],
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    if (overlayRunning(window)) return;
    markOverlayRunning(window, true);

    const store = createOverlayStore(classifyUrl(new URL(location.href)));
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
            onOpenRegister={() => void sendMessage('overlay:openRegister', {})}
          />,
        );
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });

    // Follow the single-page app: show the panel only while the route is an access page.
    const sync = (url: URL) => {
      const kind = classifyUrl(url);
      store.getState().setPageKind(kind);
      if (ACCESS_PAGE_KINDS.has(kind)) {
        if (!ui.mounted) ui.mount();
      } else if (ui.mounted) {
        ui.remove();
      }
    };
    sync(new URL(location.href));
    // The event carries the new URL: with the Navigation API it fires before `location` changes.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => sync(newUrl));
    ctx.onInvalidated(() => {
      ui.remove();
      markOverlayRunning(window, false);
    });
  },
});
