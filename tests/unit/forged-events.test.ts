import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import watcher from '@/entrypoints/tiktok-watch';
import {
  ignoreForgedScriptStarts,
  navigatedTo,
  scriptStartedEventName,
} from '@/lib/content-script/forged-events';

const ORG = '7012345678901234567';
const contexts: ContentScriptContext[] = [];
const watchers: AbortController[] = [];

/** A context as WXT makes one for the overlay, kept to be stopped after the test. */
function context(options?: { noScriptStartedPostMessage?: boolean }) {
  const ctx = new ContentScriptContext('overlay', options as never);
  contexts.push(ctx);
  return ctx;
}

/** What a page script can send: the event's public name, in a detail object of its own. */
function forgeStart(target: EventTarget = document, bubbles = false) {
  target.dispatchEvent(
    new CustomEvent(scriptStartedEventName(), {
      bubbles,
      detail: { contentScriptName: 'overlay', messageId: 'forged' },
    }),
  );
}

beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    `https://business.tiktok.com/manage/overview?org_id=${ORG}`,
  );
});

afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort('test over');
  for (const watch of watchers.splice(0)) watch.abort();
});

describe('a forged "content script started" event', () => {
  it('stops an unguarded WXT context (the event name is the one WXT listens for)', () => {
    const ctx = context();
    forgeStart();
    expect(ctx.isValid).toBe(false);
  });

  it('stops no guarded context, dispatched on the document or bubbling from the body', () => {
    const ctx = context();
    ignoreForgedScriptStarts(ctx);
    forgeStart();
    forgeStart(document.body, true);
    expect(ctx.isValid).toBe(true);
  });

  it('still lets a newer copy stop this one once its extension is gone (reloaded or updated)', () => {
    const ctx = context();
    ignoreForgedScriptStarts(ctx);
    const id = vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);
    forgeStart();
    id.mockRestore();
    expect(ctx.signal.aborted).toBe(true);
  });

  it('is never posted to the page with the extension’s id', () => {
    const post = vi.spyOn(window, 'postMessage');
    context({ noScriptStartedPostMessage: true });
    expect(post).not.toHaveBeenCalled();
  });
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
    forgeStart();
    document.dispatchEvent(
      new CustomEvent(`${fakeBrowser.runtime.id}:tiktok-watch:wxt:content-script-started`, {
        detail: { contentScriptName: 'tiktok-watch', messageId: 'forged' },
      }),
    );
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

  it('takes a navigation only from a URL WXT made', () => {
    expect(navigatedTo({ newUrl: new URL('https://business.tiktok.com/') })?.href).toBe(
      'https://business.tiktok.com/',
    );
    expect(navigatedTo({ newUrl: 'https://evil.example/' })).toBeNull();
    expect(navigatedTo({})).toBeNull();
  });
});
