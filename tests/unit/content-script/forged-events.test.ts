import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import watcher from '@/entrypoints/tiktok-watch';

const ORG = '7012345678901234567';
const watchers: AbortController[] = [];

/**
 * What a page script can send: WXT's "content script started" event under its public name (the
 * extension's id and a script's name), which stops a WXT content-script context of that name.
 */
function forgeStart(name: string, target: EventTarget = document, bubbles = false) {
  target.dispatchEvent(
    new CustomEvent(`${fakeBrowser.runtime.id}:${name}:wxt:content-script-started`, {
      bubbles,
      detail: { contentScriptName: name, messageId: 'forged' },
    }),
  );
}

beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    `https://business.tiktok.com/manage/overview?org_id=${ORG}`,
  );
});

afterEach(() => {
  for (const watch of watchers.splice(0)) watch.abort();
});

describe('the watcher under a hostile page', () => {
  it('keeps reporting navigations after forged "started" and "location change" events', async () => {
    const sent: { type: string; data: { url: string } }[] = [];
    vi.spyOn(chrome.runtime, 'sendMessage').mockImplementation(((
      message: (typeof sent)[number],
      reply?: (r: unknown) => void,
    ) => {
      sent.push(message);
      reply?.({ res: { overlay: 'not-needed' } });
    }) as never);
    const told = [
      vi.spyOn(window, 'postMessage'),
      vi.spyOn(window, 'dispatchEvent'),
      vi.spyOn(document, 'dispatchEvent'),
    ];
    watchers.push(watcher.main() as AbortController);
    // The watcher has no WXT context: it tells the page nothing when it starts...
    for (const spy of told) expect(spy).not.toHaveBeenCalled();
    for (const spy of told) spy.mockRestore();
    // ...and a page's forged "started" or "location change" events neither stop nor steer it.
    forgeStart('tiktok-watch');
    forgeStart('tiktok-watch', document.body, true);
    window.dispatchEvent(new Event(`${fakeBrowser.runtime.id}:tiktok-watch:wxt:locationchange`));
    expect(sent.map((m) => m.data.url)).toEqual([location.href]);
    const next = `https://business.tiktok.com/manage/accounts/adv?org_id=${ORG}`;
    history.pushState({}, '', next);
    await vi.waitFor(() => expect(sent.map((m) => m.data.url)).toContain(next), {
      timeout: 3000,
      interval: 100,
    });
    expect(sent.every((m) => m.type === 'watcher:pageSeen')).toBe(true);
  });
});
