/**
 * The one message protocol between the content scripts, the background and the extension pages.
 * Each message is named `sender:verb`, so its direction is in its name, and carries one typed
 * `data` object.
 */
import type { RemoveListenerCallback } from '@webext-core/messaging';
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CheckedHandler } from './senders';
import { checkedHandler } from './senders';
import type { PageKind } from '../tiktok/routes';
import type {
  AccountOwnershipView,
  CampaignReadingAnswer,
  CampaignReadingRequest,
  GrantHint,
  ReconcileUpdate,
  RecordFlowRequest,
  RegisterRowView,
} from './companion';
import type { PageShapeAnswer } from './popup';
import type { ChecklistProgress } from '../checklists';
import type { LanguageWords } from '../tiktok/labels/words';
import type { HeldQuestion, PickerCenter, SeenMember } from '../register/held-types';

/** What the background knows about one tab's TikTok page. */
export interface TabContext {
  url: string;
  kind: PageKind;
  orgId: string | null;
  /** The Business Center's name, once the page confirmed what it is. */
  bcName?: string | null;
  advertiserId: string | null;
  seenAt: string;
}

/** The background's own health, shown on the options page. */
export interface BackgroundStatus {
  version: string;
  schemaVersion: number;
  startedAt: string;
  grants: number;
}

export interface ProtocolMap {
  /** The watcher saw a TikTok page (on load and after every SPA navigation). */
  'watcher:pageSeen'(data: {
    url: string;
    kind: PageKind;
    // Optional additions: whether the kind rests on the URL
    // alone or on the page's own table, and the Business Center the page itself names.
    confirmedBy?: 'url' | 'page';
    bcName?: string | null;
    orgId?: string | null;
    /**
     * The watcher's first report from its document: no page agent can be running there yet, so
     * the background injects one without first asking the page whether one runs.
     */
    newDocument?: boolean;
  }): {
    overlay: 'shown' | 'not-needed' | 'failed';
  };
  /** The popup asks what the active tab is showing. */
  'popup:getTabContext'(data: { tabId: number }): TabContext | null;
  /** The overlay asks the background to open the full register in a tab. */
  'overlay:openRegister'(data: { grantId?: string }): void;
  /**
   * The background tells a running overlay what the page confirmed its route to be (e.g. an
   * unknown `/manage/users/…` route whose own heading and table say Partners).
   */
  'background:pageConfirmed'(data: { url: string; kind: PageKind }): void;
  /**
   * The keyboard shortcut was pressed on this tab: the page agent moves the focus into the
   * companion panel. Answers whether there was a panel to focus.
   */
  'background:focusCompanion'(data: Record<string, never>): boolean;
  /** An extension page asks whether the background is alive and what it runs. */
  'page:getStatus'(data: Record<string, never>): BackgroundStatus;

  // ── Reminders ──
  /** An extension page acts on due reminders (the same actions as a notification's buttons). */
  'page:reminderAction'(data: {
    reminderIds: string[];
    action: 'markReviewed' | 'snoozeDay' | 'snoozeWeek' | 'dismiss';
  }): { due: number };
  /**
   * An extension page records a review (keep / lower / revoke, with a note) and reschedules;
   * for lower and revoke the answer names the Business Center page whose checklist does it.
   */
  'page:reviewGrant'(data: {
    grantId: string;
    decision: 'keep' | 'lower' | 'revoke';
    note: string;
  }): {
    checklistUrl: string | null;
    due: number;
  };
  /** An extension page changed the register: recount the badge and set the next alarm. */
  'page:remindersChanged'(data: Record<string, never>): { due: number };
  // --- The access register -------------------------------------------------------
  /**
   * The watcher read the Business Centers I am a member of (picker page, or the one visited);
   * the background records them as client accounts I hold.
   */
  'watcher:businessCentersSeen'(data: {
    url: string;
    centers: { orgId: string; name: string; myRole?: 'admin' | 'standard' }[];
  }):
    | {
        created: number;
        updated: number;
        unchanged: number;
        conflicts: number;
        /** Business Centers the register does not know: the popup asks. */
        asked: number;
      }
    | { error: string };
  // --- In-page guided checklist -----------------------------------------------------
  /** A checklist finished: write its grants to the register (source 'checklist'). */
  'overlay:recordFlow'(data: RecordFlowRequest): { grantIds: string[] };
  /** This tab's checklist progress in one Business Center, kept across reloads. */
  'overlay:getProgress'(data: { orgId: string }): ChecklistProgress | null;
  /** Keep this tab's checklist progress (null: abandoned or finished). */
  'overlay:saveProgress'(data: { orgId: string; progress: ChecklistProgress | null }): void;
  /**
   * What the register holds for the Business Center of the companion frame's own tab (email
   * check, reconcile, troubleshoot). Only the framed panel asks: the register's rows never enter
   * the content script in TikTok's page.
   */
  'companion:registerRows'(data: Record<string, never>): {
    orgId: string | null;
    rows: RegisterRowView[];
  };
  /**
   * The reconcile card's one-click updates, each written as its own event. More than one update
   * at once ("Update all") is refused unless `confirmed` says the user confirmed it.
   */
  'overlay:reconcile'(data: { updates: ReconcileUpdate[]; confirmed?: boolean }): {
    grantIds: string[];
  };
  // --- Finishing the checklists (reminder hints) -------------------------------------
  /**
   * The grant a reminder's `#access-companion=…&grant=…` hint names, or null when it is gone;
   * with `itemId` (a campaign's "Carry out"), the campaign item too, when it is this page's.
   */
  'overlay:grantHint'(data: { grantId: string; itemId?: string }): GrantHint | null;
  /**
   * The companion frame read an access table (and maybe finished a checklist a campaign started):
   * the background reads it back against the campaigns' decisions for its tab's Business Center.
   */
  'companion:campaignReading'(data: CampaignReadingRequest): CampaignReadingAnswer;
  // --- Capture from a visited Business Center -------------------
  /**
   * The companion frame read a Business Center's Members table (as the page agent took it, and
   * again when it changes): the background finds my row by my sign-in emails and records my
   * grant there, or keeps a question for the popup when the register does not know whose
   * Business Center it is. The page and its Business Center are the frame's tab's (its URL),
   * never the payload's.
   */
  'companion:membersSeen'(data: {
    bcName: string | null;
    members: SeenMember[];
  }):
    | { outcome: 'notMember' | 'ownBusinessCenter' | 'recorded' | 'asked' | 'dismissed' }
    | { error: string };
  /** The popup asks whether its tab has a question ("is this Business Center yours?"). */
  'popup:getHeldQuestion'(data: { tabId: number }): HeldQuestion | null;
  /** The popup's answer: mine, a client's (track it), or not now. */
  'popup:answerHeldQuestion'(data: {
    tabId: number;
    orgId: string;
    answer: 'mine' | 'client' | 'dismiss';
  }):
    | { outcome: 'ownBusinessCenter' | 'dismissed' }
    | { outcome: 'recorded'; grantId: string | null }
    | { outcome: 'notMember' | 'ask' }
    | { error: string };
  // --- The picker's question -----------------------------------
  /** The popup asks which of the picker's Business Centers the register does not know. */
  'popup:getHeldPicker'(data: { tabId: number }): PickerCenter[];
  /**
   * The popup's answers about the picker's Business Centers, each mine, a client's (track it) or
   * not now; the ones not answered stay asked. Replies with what is still asked.
   */
  'popup:answerHeldPicker'(data: {
    tabId: number;
    answers: { orgId: string; answer: 'mine' | 'client' | 'dismiss' }[];
  }):
    { mine: number; clients: number; dismissed: number; left: PickerCenter[] } | { error: string };
  // --- Reminder hints and clients' Business Centers -----------------------
  /**
   * Whose a Business Center is per the register (mine, a client's, unknown) and, on a client's,
   * my own role and status there: the overlay shows a note instead of the reconcile card.
   */
  'overlay:accountOwnership'(data: { orgId: string }): AccountOwnershipView;

  /**
   * The page agent asks for TikTok's interface words it reads pages and follows flows by, as
   * data: it carries none of its own (lib/tiktok/labels/delivered.ts).
   */
  'agent:labels'(data: Record<string, never>): LanguageWords[];

  /** The popup asks for the shape of the active TikTok tab's page ("Save this page's shape"). */
  'popup:pageShape'(data: { tabId: number }): PageShapeAnswer;
}

const messaging = defineExtensionMessaging<ProtocolMap>();

export const { sendMessage } = messaging;

/**
 * Listen for one message. Every listener goes through here, so every message is first checked
 * against who sent it (`SENDER_RULES` in ./senders.ts); the handler is given the proven sender
 * as `from`.
 */
export function onMessage<K extends keyof ProtocolMap>(
  type: K,
  handler: CheckedHandler<K>,
): RemoveListenerCallback {
  return messaging.onMessage(type, checkedHandler(type, handler));
}

/**
 * The messages the background answers: every message of the protocol but those it sends itself
 * (`background:*`, to the page agent). The wiring test checks this against the senders' rules.
 */
export type BackgroundMessage = Exclude<keyof ProtocolMap, `background:${string}`>;

/** One handler for each message of `K`. */
export type MessageHandlers<K extends keyof ProtocolMap> = { [P in K]: CheckedHandler<P> };

/** Listen for every message of a handler map; returns what removes the listeners again. */
export function onMessages<K extends keyof ProtocolMap>(
  handlers: MessageHandlers<K>,
): RemoveListenerCallback {
  const offs = (Object.keys(handlers) as K[]).map((type) => onMessage(type, handlers[type]));
  return () => {
    for (const off of offs) off();
  };
}
