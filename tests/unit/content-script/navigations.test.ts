import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import watcher from '@/entrypoints/tiktok-watch';
import { POLL_MS, extensionAlive, followNavigations } from '@/lib/content-script/navigations';

const ORG = '7012345678901234567';
const OVERVIEW = `https://business.tiktok.com/manage/overview?org_id=${ORG}`;
const MEMBERS = `https://business.tiktok.com/manage/users/members?org_id=${ORG}`;
const stops: AbortController[] = [];

beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(OVERVIEW);
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop.abort();
  vi.useRealTimers();
});

/** A window whose Navigation API is a stand-in: the test hands its listener the events. */
function windowWithNavigation() {
  let listener: ((event: unknown) => void) | undefined;
  let options: AddEventListenerOptions | undefined;
  const navigation = {
    addEventListener: (_type: string, l: (event: unknown) => void, o: AddEventListenerOptions) => {
      listener = l;
      options = o;
    },
  };
  const win = { location: { href: OVERVIEW }, navigation } as unknown as Window & typeof globalThis;
  return {
    win,
    navigate: (url: string, isTrusted = true) => listener?.({ isTrusted, destination: { url } }),
    options: () => options,
  };
}

describe('followNavigations', () => {
  it('with the Navigation API: takes the destination of trusted navigations to another URL', () => {
    const seen: string[] = [];
    const stop = new AbortController();
    const page = windowWithNavigation();
    followNavigations((url) => seen.push(url.href), stop.signal, page.win);
    page.navigate(MEMBERS, false); // dispatched by a page script: not a navigation
    page.navigate(OVERVIEW); // the page it is on already
    page.navigate(MEMBERS);
    page.navigate(MEMBERS); // the same again (a replaceState, a hash-less reload of state)
    expect(seen).toEqual([MEMBERS]);
    // The listener goes with the signal.
    expect(page.options()?.signal).toBe(stop.signal);
  });

  it('without it (Firefox): looks at the address once a second, until stopped', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const stop = new AbortController();
    followNavigations((url) => seen.push(url.href), stop.signal);
    history.pushState({}, '', MEMBERS);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(POLL_MS);
    expect(seen).toEqual([MEMBERS]);
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(seen).toEqual([MEMBERS]);
    stop.abort();
    history.pushState({}, '', OVERVIEW);
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(seen).toEqual([MEMBERS]);
  });
});

describe('the watcher once its extension is gone', () => {
  it('reports nothing more and stops following the page', async () => {
    const sent: string[] = [];
    vi.spyOn(chrome.runtime, 'sendMessage').mockImplementation(((
      message: { data: { url: string } },
      reply?: (r: unknown) => void,
    ) => {
      sent.push(message.data.url);
      reply?.({ res: { overlay: 'not-needed' } });
    }) as never);
    const lifetime = watcher.main() as AbortController;
    stops.push(lifetime);
    expect(sent).toEqual([OVERVIEW]);
    expect(extensionAlive()).toBe(true);
    // Reloaded or updated under the page: the browser takes this copy's runtime away.
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);
    expect(extensionAlive()).toBe(false);
    history.pushState({}, '', MEMBERS);
    await vi.waitFor(() => expect(lifetime.signal.aborted).toBe(true), {
      timeout: 3000,
      interval: 100,
    });
    expect(sent).toEqual([OVERVIEW]);
  });
});
