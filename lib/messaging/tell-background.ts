/**
 * Fire-and-forget messages from a content script that needs no answer (the watcher, which runs
 * on every TikTok page), without loading @webext-core/messaging's sender into the page. The
 * message is framed exactly as that library's `sendMessage` frames it — `{ id, type, data,
 * timestamp }` — so the background's `onMessage` (protocol.ts), with its sender checks
 * (senders.ts), receives it like any other; only the answer is not read.
 */
import type { GetDataType } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/** The frame @webext-core/messaging's listener accepts: a string `type`, a numeric `timestamp`. */
export interface ProtocolMessage<K extends keyof ProtocolMap> {
  id: number;
  type: K;
  data: GetDataType<ProtocolMap[K]>;
  timestamp: number;
}

let nextId = Math.floor(Math.random() * 1e4);

/** The message `tellBackground` sends, framed as the protocol's listener expects it. */
export function frameMessage<K extends keyof ProtocolMap>(
  type: K,
  data: GetDataType<ProtocolMap[K]>,
): ProtocolMessage<K> {
  return { id: nextId++, type, data, timestamp: Date.now() };
}

/**
 * Send one protocol message to the background and forget it. Never throws: when the extension
 * was reloaded or updated under the page there is no one to tell until the page reloads.
 */
export function tellBackground<K extends keyof ProtocolMap>(
  type: K,
  data: GetDataType<ProtocolMap[K]>,
): void {
  try {
    // The callback form reads `lastError`, so a missing receiver is not logged as unchecked
    // (the same call @webext-core/messaging makes, in Chrome and in Firefox's `chrome`).
    chrome.runtime.sendMessage(frameMessage(type, data), () => void chrome.runtime.lastError);
  } catch {
    // The extension's context is gone (reloaded or updated): nothing to do.
  }
}
