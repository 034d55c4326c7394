/**
 * The page agent's end of the message protocol, without `@webext-core/messaging` (and the
 * sender checks, which only listeners need): the agent runs in TikTok's page, where every byte is
 * the page's to load. It speaks the same wire format as `./protocol.ts`'s messenger — a message
 * framed by `frameMessage` (./tell-background.ts, which the watcher uses alone), an answer
 * `{ res }` or `{ err }` — so the background's checked listeners answer it unchanged.
 */
import type { GetDataType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { ProtocolMap } from './protocol';
import { frameMessage } from './tell-background';

type MessageType = keyof ProtocolMap;
type DataOf<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
type AnswerOf<K extends MessageType> = ReturnType<ProtocolMap[K]>;

/** Send one message to the background; resolves to its answer, or rejects with its refusal. */
export async function sendToBackground<K extends MessageType>(
  type: K,
  data: DataOf<K>,
): Promise<AnswerOf<K>> {
  const answer = (await browser.runtime.sendMessage(
    // The same data, typed as the library's listener reads it.
    frameMessage(type, data as GetDataType<ProtocolMap[K]>),
  )) as { res?: AnswerOf<K>; err?: Record<string, unknown> } | undefined;
  if (!answer) throw new Error('No response');
  if (answer.err != null) {
    // The refusal's own fields (its `code` says why a write was refused) come along.
    const { message: text, ...fields } = answer.err;
    throw Object.assign(new Error(String(text ?? 'Refused')), fields);
  }
  return answer.res as AnswerOf<K>;
}

/**
 * Listen for one message from the background (the only sender that can reach a content script:
 * `tabs.sendMessage` is for extension contexts alone, and the sender must be this extension,
 * outside any tab) and answer it with what `handler` returns. Returns what stops listening.
 */
export function onBackgroundMessage<K extends MessageType>(
  type: K,
  handler: (data: DataOf<K>) => AnswerOf<K>,
): () => void {
  const listener = (
    message: unknown,
    sender: { id?: string; tab?: unknown },
    sendResponse: (answer: unknown) => void,
  ) => {
    const m = message as { type?: unknown; data?: unknown } | null;
    if (m?.type !== type || sender.id !== browser.runtime.id || sender.tab) return;
    // The answer goes back as the background's messenger reads it (`res`).
    sendResponse({ res: handler(m.data as DataOf<K>) ?? null });
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
