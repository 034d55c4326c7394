/**
 * The background's answers to each message. Registered synchronously from the service worker's
 * `main()` (an MV3 worker can be stopped and woken at any time, and a listener added late misses
 * the event that woke it).
 */
import { browser } from 'wxt/browser';
import type {
  BackgroundMessage,
  BackgroundStatus,
  MessageHandlers,
  ProtocolMap,
  TabContext,
} from '../messaging/protocol';
import { onMessages, sendMessage } from '../messaging/protocol';
import type { ReminderMessage } from './reminder-handlers';
import { setReportedOrgLookup, tabSender } from '../messaging/senders';
import { OVERLAY_FLAG } from '../overlay/flag';
import { capturePageShape } from './page-shape';
import { REGISTER_SCHEMA_VERSION, registerDb } from '../register/db';
import {
  handleBusinessCentersSeen,
  handleHeldAnswer,
  handleMembersSeen,
  handlePickerAnswer,
  heldQuestionFor,
  pickerQuestionFor,
} from './held-accounts-handler';
import { LANGUAGES } from '../tiktok/labels';
import { wordsOf } from '../tiktok/labels/words';
import type { PageKind } from '../tiktok/routes';
import { ACCESS_PAGE_KINDS, readAdvertiserId, readOrgId } from '../tiktok/routes';
import { handleCampaignReading, withCampaignItem } from './campaign-handlers';
import {
  clearTabContext,
  forgetTabIfLeftTikTok,
  loadTabContext,
  saveTabContext,
} from './tab-context';
// In-page guided checklist.
import { applyReconcile, recordFlow } from './checklist-handlers';
import { accountOwnership, grantHint, registerRowsFor } from './checklist-lookups';
import { loadProgress, saveProgress } from './checklist-progress';

/** The page agent's bundle, built from entrypoints/overlay.ts (an unlisted script). */
export const OVERLAY_SCRIPT = '/overlay.js';

export interface BackgroundDeps {
  now: () => Date;
  startedAt: Date;
  /**
   * Inject the overlay into one frame of a tab; `newDocument`: the frame's document has had none
   * injected yet (no need to ask whether one runs).
   */
  injectOverlay: (tabId: number, frameId: number, newDocument?: boolean) => Promise<void>;
  /** Inject the Business Center picker's reader into one frame of a tab. */
  injectPickerReader?: (tabId: number, frameId: number) => Promise<void>;
  /** Tell the overlay in one frame what its page confirmed the route to be. */
  tellOverlay?: (
    tabId: number,
    frameId: number,
    page: { url: string; kind: PageKind },
  ) => Promise<void>;
}

type PageSeen = Parameters<ProtocolMap['watcher:pageSeen']>[0];
type PageSeenReply = ReturnType<ProtocolMap['watcher:pageSeen']>;

/** Record what the watcher saw and inject the overlay where access is managed. */
export async function handlePageSeen(
  data: PageSeen,
  sender: { tab?: { id?: number }; frameId?: number },
  deps: BackgroundDeps,
): Promise<PageSeenReply> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { overlay: 'not-needed' };
  const url = new URL(data.url);
  const context: TabContext = {
    url: url.href,
    kind: data.kind,
    // The page's own reading (confirmed by the watcher) wins over the URL's.
    orgId: data.orgId ?? readOrgId(url),
    bcName: data.bcName ?? null,
    advertiserId: readAdvertiserId(url),
    seenAt: deps.now().toISOString(),
  };
  await saveTabContext(tabId, context);
  if (data.kind === 'bc-picker') {
    // The picker lists the Business Centers this user belongs to, their own and their clients':
    // its reader reports them, and the background keeps the client accounts up to date and has
    // the popup ask about the ones the register does not know (held-accounts-picker.ts).
    await deps.injectPickerReader?.(tabId, sender.frameId ?? 0).catch((error: unknown) => {
      console.warn('Access Companion: could not read the Business Center picker', error);
    });
  }
  if (!ACCESS_PAGE_KINDS.has(data.kind)) return { overlay: 'not-needed' };
  try {
    await deps.injectOverlay(tabId, sender.frameId ?? 0, data.newDocument === true);
    // The URL alone may not say it is an access page (an unknown route): pass on the page's word.
    if (data.confirmedBy === 'page') {
      await deps.tellOverlay?.(tabId, sender.frameId ?? 0, { url: url.href, kind: data.kind });
    }
    return { overlay: 'shown' };
  } catch (error) {
    console.warn('Access Companion: could not show the overlay', error);
    return { overlay: 'failed' };
  }
}

/** The background's health and what it runs. */
export async function backgroundStatus(deps: BackgroundDeps): Promise<BackgroundStatus> {
  return {
    version: browser.runtime.getManifest().version,
    schemaVersion: REGISTER_SCHEMA_VERSION,
    startedAt: deps.startedAt.toISOString(),
    grants: await registerDb()
      .grants.filter((g) => g.deletedAt === null)
      .count(),
  };
}

/** The Business Center and ad account a tab's own URL names (never a payload's word). */
function senderPage(pageUrl: URL): { orgId: string | null; advertiserId: string | null } {
  return { orgId: readOrgId(pageUrl), advertiserId: readAdvertiserId(pageUrl) };
}

/** Open the full register in a tab, or focus it if it is open already. */
export async function openRegister(grantId?: string): Promise<void> {
  const base = browser.runtime.getURL('/register.html');
  const url = grantId ? `${base}#grant=${encodeURIComponent(grantId)}` : base;
  await browser.tabs.create({ url });
}

async function tellOverlayPage(
  tabId: number,
  frameId: number,
  page: { url: string; kind: PageKind },
): Promise<void> {
  await sendMessage('background:pageConfirmed', page, { tabId, frameId });
}

async function injectOverlayScript(
  tabId: number,
  frameId: number,
  newDocument = false,
): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  // Once running, the overlay follows the page's navigations itself; inject only once. A
  // document the watcher reports for the first time has none yet: asking would cost the page a
  // script run and the load a round trip. (Were one running after all, it would see its flag and
  // end at once.)
  if (!newDocument) {
    const [probe] = await browser.scripting.executeScript({
      target,
      func: (flag: string) => (window as unknown as Record<string, unknown>)[flag] === true,
      args: [OVERLAY_FLAG],
    });
    if (probe?.result === true) return;
  }
  await browser.scripting.executeScript({
    target,
    files: [OVERLAY_SCRIPT],
  });
}

/** The Business Center picker's reader (entrypoints/picker-watch.ts) as WXT builds it. */
export const PICKER_READER_SCRIPT = '/picker-watch.js';

async function injectPickerReaderScript(tabId: number, frameId: number): Promise<void> {
  // The reader keeps itself to one copy per page (it ends at the next navigation).
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: [PICKER_READER_SCRIPT],
  });
}

/**
 * Every message the background answers, with its handler: the reminders' are theirs
 * (./reminder-handlers.ts), every other one is here. Typed over the whole protocol, so a message
 * the background should answer and does not fails the typecheck. Each runs only for the senders
 * its message's rule accepts (lib/messaging/senders.ts); `from` is the proven sender, and a tab's
 * messages act for it.
 */
export function backgroundMessageHandlers(deps: BackgroundDeps) {
  return {
    'watcher:pageSeen': ({ data, from }) => {
      const tab = tabSender(from);
      return handlePageSeen(data, { tab: { id: tab.tabId }, frameId: tab.frameId }, deps);
    },
    'popup:getTabContext': ({ data }) => loadTabContext(data.tabId),
    'popup:pageShape': ({ data, sender }) => capturePageShape(data.tabId, sender.url),
    'overlay:openRegister': ({ data }) => openRegister(data.grantId),
    'page:getStatus': () => backgroundStatus(deps),
    'watcher:businessCentersSeen': ({ data, from }) =>
      handleBusinessCentersSeen(data, tabSender(from).tabId, deps.now()),
    'overlay:recordFlow': ({ data }) => recordFlow(registerDb(), data, deps.now()),
    'overlay:getProgress': ({ data, from }) => loadProgress(tabSender(from).tabId, data.orgId),
    'overlay:saveProgress': ({ data, from }) =>
      saveProgress(tabSender(from).tabId, data.orgId, data.progress),
    // The Business Center is the frame's tab's (its URL's, else the one the tab reported).
    'companion:registerRows': async ({ from }) => {
      const orgId = tabSender(from).orgId;
      return { orgId, rows: orgId ? await registerRowsFor(registerDb(), orgId) : [] };
    },
    'overlay:reconcile': ({ data, from }) =>
      applyReconcile(registerDb(), data.updates, deps.now(), {
        orgId: tabSender(from).orgId,
        confirmed: data.confirmed === true,
      }),
    // A hint names a grant by id: answered only on the grant's own Business Center's page.
    // A campaign's "Carry out" adds its item, taken only on the item's Business Center's page as
    // the tab's URL names it.
    'overlay:grantHint': async ({ data, from }) => {
      const tab = tabSender(from);
      const hint = await grantHint(registerDb(), data.grantId);
      if (!hint || hint.orgId !== tab.orgId) return null;
      return withCampaignItem(registerDb(), hint, data.itemId, senderPage(tab.pageUrl));
    },
    'companion:campaignReading': ({ data, from }) =>
      handleCampaignReading(registerDb(), data, senderPage(tabSender(from).pageUrl), deps.now()),
    // Every language's words: a page need not say which language it is in (nor say it truly).
    'agent:labels': () => wordsOf(LANGUAGES),
    'overlay:accountOwnership': ({ data }) => accountOwnership(registerDb(), data.orgId),
    // The rows are the page's (untrusted, checked by the handler); the page is the frame's tab's
    // as the browser names its URL, and the Business Center that URL's, else the one the tab
    // reported: never one the payload names.
    'companion:membersSeen': ({ data, from }) => {
      const tab = tabSender(from);
      return handleMembersSeen(
        { ...data, url: tab.pageUrl.href, orgId: tab.orgId ?? '' },
        tab.tabId,
        deps.now(),
      );
    },
    'popup:getHeldQuestion': ({ data }) => heldQuestionFor(data.tabId),
    'popup:answerHeldQuestion': ({ data }) => handleHeldAnswer(data, deps.now()),
    // The picker's question.
    'popup:getHeldPicker': ({ data }) => pickerQuestionFor(data.tabId),
    'popup:answerHeldPicker': ({ data }) => handlePickerAnswer(data, deps.now()),
  } satisfies MessageHandlers<Exclude<BackgroundMessage, ReminderMessage>>;
}

/**
 * Register every background listener. Call once, synchronously, from the worker's main().
 * Returns what removes them again (tests start a fresh worker per case).
 */
export function registerBackgroundHandlers(
  deps: BackgroundDeps = {
    now: () => new Date(),
    startedAt: new Date(),
    injectOverlay: injectOverlayScript,
    injectPickerReader: injectPickerReaderScript,
    tellOverlay: tellOverlayPage,
  },
): () => void {
  // Where a page's URL names no Business Center, a tab acts for the one it last reported.
  setReportedOrgLookup(async (tabId) => (await loadTabContext(tabId))?.orgId ?? null);
  const offMessages = onMessages(backgroundMessageHandlers(deps));
  const onRemoved = (tabId: number) => void clearTabContext(tabId);
  browser.tabs.onRemoved.addListener(onRemoved);
  // A tab that has left TikTok.
  const onUpdated = (
    tabId: number,
    change: { url?: string; status?: string },
    tab: { url?: string } | undefined,
  ) => void forgetTabIfLeftTikTok(tabId, change, tab);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    offMessages();
    browser.tabs.onRemoved.removeListener(onRemoved);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}
