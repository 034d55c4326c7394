import './style.css';
import { createRoot } from 'react-dom/client';
import { CompanionPanel } from '@/components/overlay/CompanionPanel';
import { createOverlayStore, type OverlayStore } from '@/components/overlay/store';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/protocol';
import { rememberPrefs } from '@/lib/overlay/prefs';
import {
  CONNECT,
  isTikTokOrigin,
  type AgentToFrame,
  type FrameToAgent,
} from '@/lib/overlay/frame-bridge';

// The companion panel, framed into a TikTok tab by the page agent. It takes exactly one port: the
// first CONNECT from its parent window, on a TikTok origin, carrying the token from this frame's
// own URL (which the page cannot read). Messages from anyone else are ignored.
document.documentElement.lang = t('locale_code');
const token = new URLSearchParams(location.hash.slice(1)).get('t');
let connected = false;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (connected || event.source !== window.parent || !isTikTokOrigin(event.origin)) return;
  const data = event.data as { kind?: unknown; token?: unknown } | null;
  const port = event.ports[0];
  if (!token || data?.kind !== CONNECT || data.token !== token || !port) return;
  connected = true;
  connect(port);
});

function connect(port: MessagePort): void {
  const post = (message: FrameToAgent) => port.postMessage(message);
  let store: OverlayStore | null = null;
  port.onmessage = (event: MessageEvent<AgentToFrame>) => {
    const message = event.data;
    if (message?.kind === 'remember') {
      void rememberPrefs(message.change, message.pageKey);
      return;
    }
    if (message?.kind !== 'state') return;
    if (store) {
      store.getState().set(message.patch);
      return;
    }
    store = createOverlayStore(message.patch.pageKind ?? 'unknown');
    store.getState().set(message.patch);
    render(store, post);
  };
}

function render(store: OverlayStore, post: (message: FrameToAgent) => void): void {
  const root = document.getElementById('root')!;
  createRoot(root).render(
    <CompanionPanel
      store={store}
      onOpenRegister={(grantId) =>
        void sendMessage('overlay:openRegister', grantId ? { grantId } : {})
      }
      onStart={(checklist) => post({ kind: 'start', checklist })}
      onAbandon={() => post({ kind: 'abandon' })}
      onManual={(step) => post({ kind: 'manual', step })}
      onFocusTarget={() => post({ kind: 'focusTarget' })}
      onReconcile={(keys, confirmed = false) => post({ kind: 'reconcile', keys, confirmed })}
      onChoosePerson={(subject) => post({ kind: 'choosePerson', subject })}
      onPrefs={(change) => post({ kind: 'prefs', change })}
    />,
  );
  // The agent sizes the frame to the panel's natural size (its content unclipped).
  const report = () => {
    const dock = root.firstElementChild;
    if (!dock) return;
    const box = dock.getBoundingClientRect();
    post({ kind: 'size', width: box.width + 8, height: box.height + 8 });
  };
  const sizes = new ResizeObserver(report);
  new MutationObserver(() => {
    sizes.disconnect();
    if (root.firstElementChild) sizes.observe(root.firstElementChild);
    report();
  }).observe(root, { childList: true });
}
