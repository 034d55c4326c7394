// Over 350 lines, one job: who may send each message, and the one check that proves it.
/**
 * Who may send each message, and the check every listener runs before its handler.
 *
 * A message's payload is never proof of where it comes from: a content script runs in TikTok's
 * page and reports what that page shows, and the browser delivers `runtime.onMessage` events to
 * every listener of the extension. So each message names the kinds of sender it accepts
 * ({@link SENDER_RULES}), the sender's kind is worked out from what the browser itself says
 * about it (`sender.id`, `sender.url`, `sender.tab`), and the Business Center or tab a message
 * concerns must be the sender's own. Chrome's guidance: "content scripts are less trustworthy
 * than the extension service worker … validate and sanitize all messages from content scripts"
 * (https://developer.chrome.com/docs/extensions/develop/security-privacy/stay-secure).
 */
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { TIKTOK_HOSTS } from '../tiktok/hosts';
import { TIKTOK_ID } from '../tiktok/ids';
import type { ProtocolMap } from './protocol';

/** Every kind of sender the extension talks to. */
export type SenderKind =
  /** A content script in a tab on one of the two TikTok hosts (its URL is the page's). */
  | 'tiktok-tab'
  /** An extension page of its own: popup, register, options (its URL is the extension's). */
  | 'extension-page'
  /**
   * An extension page framed into a TikTok tab (its URL is the extension's, its tab is on a
   * TikTok host): it acts only for the tab, and the Business Center, it is in.
   */
  | 'companion-frame'
  /** The background itself (a message a content script receives from the worker). */
  | 'background';

/** The hosts where TikTok manages access; the only hosts the extension reads. */
export const TIKTOK_ORIGINS: ReadonlySet<string> = new Set(
  [...TIKTOK_HOSTS].map((host) => `https://${host}`),
);

type MessageType = keyof ProtocolMap;
type DataOf<K extends MessageType> = GetDataType<ProtocolMap[K]>;

/** What one message accepts from whom. */
export interface SenderRule<K extends MessageType = MessageType> {
  /** The kinds of sender it is accepted from; every other kind is refused. */
  readonly from: readonly SenderKind[];
  /**
   * The Business Centers the payload names. From a tab (a content script or a framed page)
   * each must be the one the tab's own URL names; the payload alone never decides it.
   */
  readonly orgs?: (data: DataOf<K>) => ReadonlyArray<string | null | undefined>;
  /**
   * Set where the message is how a page reports the Business Center it shows (its header, when
   * the URL names none): then an org is accepted from a tab whose URL names none.
   */
  readonly orgReadFromPage?: true;
  /** The tabs the payload names: from a tab, each must be the sender's own tab. */
  readonly tabs?: (data: DataOf<K>) => ReadonlyArray<number | undefined>;
  /** The page URLs the payload names: each must be on the sending page's own origin. */
  readonly urls?: (data: DataOf<K>) => ReadonlyArray<string | undefined>;
}

const TAB_SENDERS = ['tiktok-tab', 'companion-frame'] as const satisfies readonly SenderKind[];
const PAGES = ['extension-page'] as const satisfies readonly SenderKind[];

/**
 * Every message of the protocol with the senders it accepts. Typed over every key of
 * {@link ProtocolMap}, so a message added to the protocol does not typecheck until it is given
 * a rule here.
 */
export const SENDER_RULES: { readonly [K in MessageType]: SenderRule<K> } = {
  // The watcher, in TikTok's page.
  'watcher:pageSeen': {
    from: ['tiktok-tab'],
    urls: (d) => [d.url],
    orgs: (d) => [d.orgId ?? orgNamedBy(d.url)],
    orgReadFromPage: true,
  },
  'watcher:businessCentersSeen': { from: ['tiktok-tab'], urls: (d) => [d.url] },
  // The companion on a TikTok page (in the page today, framed into it tomorrow).
  'overlay:openRegister': { from: TAB_SENDERS },
  'overlay:recordFlow': { from: TAB_SENDERS, orgs: (d) => [d.orgId] },
  // The run of a checklist is the frame's (it runs the engine on the agent's readings).
  'overlay:getProgress': { from: ['companion-frame'], orgs: (d) => [d.orgId] },
  'overlay:saveProgress': { from: ['companion-frame'], orgs: (d) => [d.orgId] },
  // Updates name grants by id: the handler keeps them to the sender's Business Center.
  'overlay:reconcile': {
    from: TAB_SENDERS,
    orgs: (d) =>
      (Array.isArray(d.updates) ? d.updates : []).map((u) =>
        u && 'orgId' in u ? u.orgId : undefined,
      ),
  },
  // The grant's Business Center is in the register, not the payload: the handler compares it.
  // Only the frame asks (it follows a reminder's hint): the register's names stay out of the page.
  'overlay:grantHint': { from: ['companion-frame'] },
  'overlay:accountOwnership': { from: TAB_SENDERS, orgs: (d) => [d.orgId] },
  // The page agent alone: the interface words, the same for every page (no register data).
  'agent:labels': { from: ['tiktok-tab'] },
  // The companion frame alone: the register's rows for its own tab's Business Center.
  'companion:registerRows': { from: ['companion-frame'] },
  // The frame alone: a reading of its own tab's page; the handler takes the Business Center and
  // ad account from the tab's URL, never from the payload.
  'companion:campaignReading': { from: ['companion-frame'] },
  // The frame alone: the Members rows its own tab shows; the handler takes the page and its
  // Business Center from the tab's URL (`sender.tab.url`), never from the payload.
  'companion:membersSeen': { from: ['companion-frame'] },
  // The popup (it asks about any tab the user opened it on).
  'popup:getTabContext': { from: PAGES },
  'popup:pageShape': { from: PAGES },
  'popup:getHeldQuestion': { from: PAGES },
  'popup:answerHeldQuestion': { from: PAGES },
  'popup:getHeldPicker': { from: PAGES },
  'popup:answerHeldPicker': { from: PAGES },
  // The register and options pages.
  'page:getStatus': { from: PAGES },
  'page:reminderAction': { from: PAGES },
  'page:reviewGrant': { from: PAGES },
  'page:remindersChanged': { from: PAGES },
  // From the worker to the companion in a tab.
  'background:pageConfirmed': { from: ['background'] },
  'background:focusCompanion': { from: ['background'] },
};

/** The parts of `runtime.MessageSender` the checks read (Chrome's and Firefox's agree). */
export interface RawSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** A sender whose kind is proven, with what it acts for. */
export type CheckedSender =
  | {
      kind: 'tiktok-tab' | 'companion-frame';
      tabId: number;
      frameId: number;
      /** The TikTok page the sender is on (for a framed page: its tab's). */
      pageUrl: URL;
      /**
       * The Business Center it acts for: the one the page's URL names, else (where the message
       * is not itself the page's report) the one the tab last reported; null when none.
       */
      orgId: string | null;
    }
  | { kind: 'extension-page'; url: URL }
  | { kind: 'background' };

/** What the checks need to know about the extension itself. */
export interface SenderEnvironment {
  /** `runtime.id`. */
  extensionId: string;
  /** The extension's own origin (`runtime.getURL('/')`'s). */
  extensionOrigin: string;
  /** The background's own paths on that origin (service worker or background page). */
  backgroundPaths: ReadonlySet<string>;
  /**
   * The Business Center a tab last reported (the watcher's confirmed reading), for pages whose
   * URL names none. Set by the background; elsewhere nothing is known.
   */
  reportedOrg?: (tabId: number) => Promise<string | null>;
}

/** A message refused because of who sent it. Crosses the message boundary by its name. */
export class SenderRefusedError extends Error {
  constructor(
    readonly messageType: string,
    readonly reason: string,
  ) {
    super(`Access Companion refused "${messageType}": ${reason}`);
    this.name = 'SenderRefusedError';
  }
}

function parseUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * A URL's scheme and host. `URL.origin` is "null" for schemes the URL standard does not know
 * (`chrome-extension:`, `moz-extension:` outside their browser), so it is built from its parts.
 */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

const onTikTok = (url: URL | null): boolean => !!url && TIKTOK_ORIGINS.has(originOf(url));

function orgNamedBy(url: string | undefined): string | null {
  const parsed = parseUrl(url);
  return parsed ? readOrg(parsed) : null;
}

function readOrg(url: URL): string | null {
  const id = url.searchParams.get('org_id');
  return id && TIKTOK_ID.test(id) ? id : null;
}

/**
 * The proven kind of a sender, or why it is none. Only what the browser fills in is read: the
 * extension id, the sender's URL and its tab. A sender of another extension, a web page or a
 * content script on another host has no kind.
 */
export function classifySender(
  sender: RawSender,
  env: SenderEnvironment,
): CheckedSender | { refused: string } {
  if (!env.extensionId || sender.id !== env.extensionId) {
    return { refused: 'not sent by this extension' };
  }
  const url = parseUrl(sender.url);
  if (!url) return { refused: 'the sender has no URL' };
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  if (originOf(url) === env.extensionOrigin) {
    if (!sender.tab) {
      return env.backgroundPaths.has(url.pathname)
        ? { kind: 'background' }
        : { kind: 'extension-page', url };
    }
    const tabUrl = parseUrl(sender.tab.url);
    // An extension page that is the tab itself (the register opened in a tab, the options page).
    if (!!tabUrl && originOf(tabUrl) === env.extensionOrigin)
      return { kind: 'extension-page', url };
    // An extension page framed into a TikTok tab: it acts for that tab only.
    if (tabUrl && onTikTok(tabUrl) && tabId !== undefined && tabId >= 0 && frameId !== 0) {
      return { kind: 'companion-frame', tabId, frameId, pageUrl: tabUrl, orgId: readOrg(tabUrl) };
    }
    // Chrome shows an embedded options page inside chrome://extensions: its own page all the same.
    if (tabUrl && /^(chrome|edge|about):$/.test(tabUrl.protocol) && frameId !== 0) {
      return { kind: 'extension-page', url };
    }
    return { refused: 'an extension page in a tab that is not TikTok’s' };
  }
  if (!onTikTok(url)) return { refused: `a page on ${originOf(url)}` };
  if (tabId === undefined || tabId < 0) return { refused: 'a TikTok page outside any tab' };
  return { kind: 'tiktok-tab', tabId, frameId, pageUrl: url, orgId: readOrg(url) };
}

/**
 * Check one message against its rule; resolves to the proven sender or throws
 * {@link SenderRefusedError}.
 */
export async function checkSender<K extends MessageType>(
  type: K,
  data: DataOf<K>,
  sender: RawSender,
  env: SenderEnvironment,
): Promise<CheckedSender> {
  const rule = (SENDER_RULES as Record<string, SenderRule<K> | undefined>)[type];
  if (!rule) throw new SenderRefusedError(type, 'not a message of the protocol');
  const checked = classifySender(sender, env);
  if ('refused' in checked) throw new SenderRefusedError(type, checked.refused);
  if (!rule.from.includes(checked.kind)) {
    throw new SenderRefusedError(type, `not accepted from a sender of kind ${checked.kind}`);
  }
  if (checked.kind !== 'tiktok-tab' && checked.kind !== 'companion-frame') return checked;
  // A sender in a tab acts for that tab and the Business Center its page is on, nothing else.
  const payload = (data ?? {}) as DataOf<K>;
  for (const tab of rule.tabs?.(payload) ?? []) {
    if (tab !== undefined && tab !== checked.tabId) {
      throw new SenderRefusedError(type, 'it names a tab other than its own');
    }
  }
  for (const raw of rule.urls?.(payload) ?? []) {
    const named = parseUrl(raw);
    if (!named || originOf(named) !== originOf(checked.pageUrl)) {
      throw new SenderRefusedError(type, 'it names a page on another site than its own');
    }
  }
  // The Business Center it acts for: the one its page's URL names, else the one its tab reported.
  const urlOrg = checked.orgId;
  if (urlOrg === null && !rule.orgReadFromPage) checked.orgId = await reportedOrg(checked, env);
  for (const org of rule.orgs?.(payload) ?? []) {
    if (typeof org !== 'string') continue;
    // A page whose URL names no Business Center reports the one its header shows.
    if (urlOrg === null && rule.orgReadFromPage) continue;
    if (org !== checked.orgId) {
      throw new SenderRefusedError(type, 'it names a Business Center its page is not on');
    }
  }
  return checked;
}

/** The tab a sender acts for; throws for a sender that is not in a tab. */
export function tabSender(from: CheckedSender): Extract<CheckedSender, { tabId: number }> {
  if (from.kind === 'tiktok-tab' || from.kind === 'companion-frame') return from;
  throw new SenderRefusedError('(tab message)', `not sent from a tab but from ${from.kind}`);
}

async function reportedOrg(
  sender: { tabId: number },
  env: SenderEnvironment,
): Promise<string | null> {
  try {
    return (await env.reportedOrg?.(sender.tabId)) ?? null;
  } catch {
    return null;
  }
}

let environment: SenderEnvironment | null = null;
let reportedOrgLookup: SenderEnvironment['reportedOrg'];

/** This extension's own identity, read from the browser when the first message comes. */
function currentEnvironment(): SenderEnvironment {
  if (!environment) {
    environment = {
      extensionId: browser.runtime.id,
      extensionOrigin: originOf(new URL(browser.runtime.getURL('/'))),
      backgroundPaths: backgroundPaths(),
    };
  }
  return { ...environment, reportedOrg: reportedOrgLookup };
}

/** The background's own paths, from the manifest. */
function backgroundPaths(): Set<string> {
  const background = (browser.runtime.getManifest().background ?? {}) as {
    service_worker?: string;
    page?: string;
    scripts?: string[];
  };
  const paths = new Set<string>();
  if (background.service_worker) paths.add(`/${background.service_worker.replace(/^\//, '')}`);
  if (background.page) paths.add(`/${background.page.replace(/^\//, '')}`);
  // Firefox runs `background.scripts` in a page it generates under this name.
  if (background.scripts) paths.add('/_generated_background_page.html');
  return paths;
}

/**
 * Let the checks ask which Business Center a tab last reported (the background keeps it per
 * tab). Called by the background before its listeners are added.
 */
export function setReportedOrgLookup(lookup: (tabId: number) => Promise<string | null>): void {
  reportedOrgLookup = lookup;
}

/** Forget the cached identity (tests change the fake browser's between cases). */
export function resetSenderEnvironment(): void {
  environment = null;
  logged.clear();
}

const logged = new Set<string>();

/** Log a refusal once per message, sender kind and reason: a hostile page may repeat it. */
function logRefusal(error: SenderRefusedError): void {
  const key = `${error.messageType}\n${error.reason}`;
  if (logged.has(key)) return;
  logged.add(key);
  console.warn(error.message);
}

/** What a checked handler is given: the payload, the proven sender and the browser's own. */
export interface CheckedMessage<K extends MessageType> {
  type: K;
  data: DataOf<K>;
  /** The sender, proven to be of a kind the message's rule accepts. */
  from: CheckedSender;
  /** The browser's description of the sender, as it came. */
  sender: RawSender;
}

export type CheckedHandler<K extends MessageType> = (
  message: CheckedMessage<K>,
) => GetReturnType<ProtocolMap[K]> | Promise<GetReturnType<ProtocolMap[K]>>;

/**
 * Wrap a handler so it runs only for a sender its message's rule accepts. A refusal is thrown
 * (the sender receives it as an error) and logged once; the listener itself never fails.
 */
export function checkedHandler<K extends MessageType>(
  type: K,
  handler: CheckedHandler<K>,
  env: () => SenderEnvironment = currentEnvironment,
): (message: { data: DataOf<K>; sender: RawSender }) => Promise<GetReturnType<ProtocolMap[K]>> {
  return async (message) => {
    let from: CheckedSender;
    try {
      from = await checkSender(type, message.data, message.sender ?? {}, env());
    } catch (error) {
      if (error instanceof SenderRefusedError) logRefusal(error);
      throw error;
    }
    return handler({ type, data: message.data, from, sender: message.sender });
  };
}
