import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage } from '@/lib/messaging/protocol';
import type { RawSender } from '@/lib/messaging/senders';
import { resetSenderEnvironment } from '@/lib/messaging/senders';
import { frameMessage, tellBackground } from '@/lib/messaging/tell-background';

const ORG = '7012345678901234567';
const MEMBERS = `https://business.tiktok.com/manage/users/members?org_id=${ORG}`;
const TIKTOK_TAB: RawSender = {
  id: fakeBrowser.runtime.id,
  url: MEMBERS,
  frameId: 0,
  tab: { id: 3, url: MEMBERS },
};

/**
 * Deliver what the page sends to the background's listeners as the browser would, from `sender`,
 * and collect the answers the page is given.
 */
function deliverFrom(sender: RawSender) {
  const answers: unknown[] = [];
  vi.spyOn(chrome.runtime, 'sendMessage').mockImplementation(((
    message: unknown,
    reply?: (r: unknown) => void,
  ) => {
    // The protocol's listener answers through `sendResponse` (it returns true: "async").
    const sendResponse = (answer: unknown) => {
      answers.push(answer);
      reply?.(answer);
    };
    // The fake's `trigger` is typed with two arguments; the listeners are given all three.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (
      ...args: unknown[]
    ) => Promise<unknown>;
    void trigger(message, sender, sendResponse);
  }) as never);
  return answers;
}

const removers: Array<() => void> = [];
beforeEach(() => {
  resetSenderEnvironment();
  // The checks read the background's own paths from the manifest (the fake browser has none).
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'test',
    version: '0.0.0',
    background: { service_worker: 'background.js' },
  });
});
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
});

describe('tellBackground', () => {
  it('frames a message the way the protocol’s listener reads it', () => {
    const message = frameMessage('watcher:pageSeen', { url: MEMBERS, kind: 'bc-members' });
    expect(message).toMatchObject({
      type: 'watcher:pageSeen',
      data: { url: MEMBERS, kind: 'bc-members' },
    });
    expect(typeof message.id).toBe('number');
    expect(typeof message.timestamp).toBe('number');
    expect(frameMessage('watcher:pageSeen', message.data).id).not.toBe(message.id);
  });

  it('reaches the background’s checked handler, with the sender the browser names', async () => {
    const answers = deliverFrom(TIKTOK_TAB);
    const seen = vi.fn((_m: unknown) => ({ overlay: 'not-needed' as const }));
    removers.push(onMessage('watcher:pageSeen', seen));
    tellBackground('watcher:pageSeen', {
      url: MEMBERS,
      kind: 'bc-members',
      confirmedBy: 'page',
      orgId: ORG,
    });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]![0]).toMatchObject({
      type: 'watcher:pageSeen',
      data: { url: MEMBERS, kind: 'bc-members', confirmedBy: 'page', orgId: ORG },
      from: { kind: 'tiktok-tab', tabId: 3 },
    });
    expect(answers[0]).toEqual({ res: { overlay: 'not-needed' } });
  });

  it('is refused like any other message from a sender the rule does not accept', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const answers = deliverFrom({ url: 'https://evil.example/', tab: { id: 3 } });
    const seen = vi.fn(() => ({ overlay: 'not-needed' as const }));
    removers.push(onMessage('watcher:pageSeen', seen));
    tellBackground('watcher:pageSeen', { url: MEMBERS, kind: 'bc-members' });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(seen).not.toHaveBeenCalled();
    expect(answers[0]).toHaveProperty('err');
  });

  it('never throws when the extension is gone from under the page', () => {
    vi.spyOn(chrome.runtime, 'sendMessage').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(() =>
      tellBackground('watcher:businessCentersSeen', { url: MEMBERS, centers: [] }),
    ).not.toThrow();
  });
});
