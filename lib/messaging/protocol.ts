/**
 * The one message protocol between the content scripts, the background and the extension pages.
 * Each message is named `sender:verb`, so its direction is in its name, and carries one typed
 * `data` object (house style, pattern 7).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageKind } from '../tiktok/routes';

/** What the background knows about one tab's TikTok page. */
export interface TabContext {
  url: string;
  kind: PageKind;
  orgId: string | null;
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
  'watcher:pageSeen'(data: { url: string; kind: PageKind }): {
    overlay: 'shown' | 'not-needed' | 'failed';
  };
  /** The popup asks what the active tab is showing. */
  'popup:getTabContext'(data: { tabId: number }): TabContext | null;
  /** The overlay asks the background to open the full register in a tab. */
  'overlay:openRegister'(data: { grantId?: string }): void;
  /** An extension page asks whether the background is alive and what it runs. */
  'page:getStatus'(data: Record<string, never>): BackgroundStatus;

  // --- Issue #4, the access register -------------------------------------------------------
  /**
   * The watcher read the Business Centers I am a member of (picker page, or the one visited);
   * the background records them as client accounts I hold.
   */
  'watcher:businessCentersSeen'(data: {
    url: string;
    centers: { orgId: string; name: string; myRole?: 'admin' | 'standard' }[];
  }):
    { created: number; updated: number; unchanged: number; conflicts: number } | { error: string };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
