import './style.css';
import { createRoot } from 'react-dom/client';
import { CompanionPanel } from '@/components/overlay/CompanionPanel';
import { createOverlayStore, type OverlayStore } from '@/lib/overlay/store';
import { browser } from 'wxt/browser';
import { FOCUS_COMPANION_COMMAND } from '@/lib/background/commands';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/protocol';
import { pageReadingOf, RegisterAdvisor } from '@/lib/overlay/frame-advice';
import { CampaignReadBack } from '@/lib/overlay/frame-campaign';
import { followHints } from '@/lib/overlay/frame-hint';
import { FlowRecorder } from '@/lib/overlay/frame-record';
import { membersReporter } from '@/lib/overlay/frame-members';
import { ChecklistRun, type RunAsk } from '@/lib/overlay/frame-run';
import { placePanel } from '@/lib/overlay/placement';
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
  // The store exists before the first state arrives, so a reading that comes first is kept.
  let store: OverlayStore | null = null;
  let advisor: RegisterAdvisor | null = null;
  let recorder: FlowRecorder | null = null;
  let readBack: CampaignReadBack | null = null;
  let run: ChecklistRun | null = null;
  const open = (): {
    store: OverlayStore;
    advisor: RegisterAdvisor;
    recorder: FlowRecorder;
    readBack: CampaignReadBack;
    run: ChecklistRun;
  } => {
    if (store && advisor && recorder && readBack && run)
      return { store, advisor, recorder, readBack, run };
    const created = createOverlayStore('unknown');
    store = created;
    // The checklists run here, on the agent's readings; the agent outlines the step named back.
    const engine = new ChecklistRun(
      created,
      {
        // The background keeps the run for this frame's own tab (and checks the org against it).
        load: (orgId) => sendMessage('overlay:getProgress', { orgId }),
        save: (orgId, progress) => sendMessage('overlay:saveProgress', { orgId, progress }),
      },
      (active, read) => post({ kind: 'run', run: active, read }),
    );
    run = engine;
    const ask = (a: RunAsk) => engine.ask(a);
    advisor = new RegisterAdvisor(created, {
      // The background answers for this frame's own tab; the payload names no Business Center.
      rows: () => sendMessage('companion:registerRows', {}),
      apply: (updates, confirmed) => sendMessage('overlay:reconcile', { updates, confirmed }),
    });
    // The frame records a proven run once the user confirms it; the agent never writes.
    recorder = new FlowRecorder(
      created,
      {
        record: (request) => sendMessage('overlay:recordFlow', request),
        ownership: (orgId) => sendMessage('overlay:accountOwnership', { orgId }),
      },
      ask,
    );
    // A reminder's hint the agent took off the address bar: the grant is looked up here.
    followHints(
      created,
      (grantId, itemId) =>
        sendMessage('overlay:grantHint', itemId ? { grantId, itemId } : { grantId }),
      ask,
    );
    // The campaigns' decisions are read back against what the page shows, in the background.
    readBack = new CampaignReadBack(created, {
      reading: (request) => sendMessage('companion:campaignReading', request),
    });
    return { store: created, advisor, recorder, readBack, run: engine };
  };
  // A Members page's rows, for the held accounts (the background takes this tab's Business Center).
  const members = membersReporter((seen) => sendMessage('companion:membersSeen', seen));
  let rendered = false;
  port.onmessage = (event: MessageEvent<AgentToFrame>) => {
    const message = event.data;
    if (message?.kind === 'remember') {
      void rememberPrefs(message.change, message.pageKey);
      return;
    }
    if (message?.kind === 'members') {
      members.tables(message.table, message.bcName);
      return;
    }
    if (message?.kind === 'route') {
      members.route(message.orgId);
      void open().run.route(message.orgId);
      return;
    }
    if (message?.kind === 'observed') {
      open().run.observe(message.observed);
      return;
    }
    if (message?.kind === 'reading') {
      const { advisor, recorder, readBack, run } = open();
      // The agent sends the tables as data: what they say is read here, outside the page.
      const reading = pageReadingOf(message.reading);
      run.setTable(reading.table);
      advisor.setReading(reading);
      recorder.setReading(reading);
      readBack.setReading(reading);
      return;
    }
    if (message?.kind === 'focus') {
      focusPanel();
      return;
    }
    // The agent measured the page; where the panel goes is weighed here.
    if (message?.kind === 'place') {
      post({ kind: 'placed', placement: placePanel(message.input) });
      return;
    }
    if (message?.kind !== 'state') return;
    const { store, advisor, recorder, run } = open();
    advisor.takeState(message.patch);
    if (!rendered) {
      rendered = true;
      render(store, advisor, recorder, run, post);
    }
  };
}

/** Take the keyboard focus: the panel itself (read out by its name), or the collapsed launcher. */
function focusPanel(): void {
  const target = document.querySelector<HTMLElement>(
    '[data-testid="companion-panel"], .ac-launcher',
  );
  target?.focus();
}

/**
 * The shortcut that brings the focus here from the page, as the browser shows it ('' when the
 * user has none set; null where the browser does not say).
 */
async function focusShortcut(): Promise<string | null> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === FOCUS_COMPANION_COMMAND)?.shortcut ?? '';
  } catch {
    return null;
  }
}

function render(
  store: OverlayStore,
  advisor: RegisterAdvisor,
  recorder: FlowRecorder,
  run: ChecklistRun,
  post: (message: FrameToAgent) => void,
): void {
  const root = document.getElementById('root')!;
  // Escape anywhere in the panel gives the focus back to the page (a question in the panel
  // answers its own Escape first, and stops it there).
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) post({ kind: 'leave' });
  });
  const reactRoot = createRoot(root);
  const draw = (shortcut: string | null) =>
    reactRoot.render(
      <CompanionPanel
        store={store}
        shortcut={shortcut}
        onOpenRegister={(grantId) =>
          void sendMessage('overlay:openRegister', grantId ? { grantId } : {})
        }
        onStart={(checklist) => run.ask({ kind: 'start', checklist })}
        onAbandon={() => run.ask({ kind: 'abandon' })}
        onManual={(step) => run.ask({ kind: 'manual', step })}
        onRecord={() => void recorder.confirm()}
        onDeclineRecord={() => recorder.decline()}
        onFocusTarget={() => post({ kind: 'focusTarget' })}
        onReconcile={(keys, confirmed = false) => void advisor.applyReconcile(keys, confirmed)}
        onChoosePerson={(subject) => run.ask({ kind: 'choosePerson', subject })}
        onPrefs={(change) => post({ kind: 'prefs', change })}
      />,
    );
  draw(null);
  void focusShortcut().then(draw);
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
