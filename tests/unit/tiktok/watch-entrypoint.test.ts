import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import watcher from '@/entrypoints/tiktok-watch';
import { REPLICA_URLS, replicaFor } from '../../fixtures/tiktok/replicas.mjs';

const running: AbortController[] = [];

/** Start the watcher as the browser does on a page load; stopped after the test. */
function startWatcher() {
  running.push(watcher.main() as AbortController);
}
const restores: Array<() => void> = [];

/** Count the MutationObservers made in this window from now on, by anyone (the watcher or WXT). */
function countObservers() {
  const counter = { created: 0 };
  const Original = window.MutationObserver;
  class Counted extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      counter.created++;
    }
  }
  // The watcher takes the constructor from the document's window; other code from the global.
  const owners = [globalThis, document.defaultView].filter(
    (o, i, all): o is typeof globalThis => o !== null && all.indexOf(o) === i,
  );
  for (const owner of owners) {
    const before = Object.getOwnPropertyDescriptor(owner, 'MutationObserver');
    Object.defineProperty(owner, 'MutationObserver', { configurable: true, value: Counted });
    restores.push(() =>
      before
        ? Object.defineProperty(owner, 'MutationObserver', before)
        : delete (owner as { MutationObserver?: unknown }).MutationObserver,
    );
  }
  return counter;
}

/** Show the replica served at `url` in this test's window, on that URL (markup only). */
function showReplica(url: string) {
  const html = replicaFor(url);
  if (html === null) throw new Error(`No replica is served at ${url}`);
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.documentElement.innerHTML = new DOMParser()
    .parseFromString(html, 'text/html')
    .documentElement.innerHTML.replace(/<script[\s\S]*?<\/script>/gi, '');
}

/** The pages the watcher reports, as it sends them to the background; `reports`: the whole data. */
function recordReports(reports: Record<string, unknown>[] = []) {
  const sent: string[] = [];
  vi.spyOn(chrome.runtime, 'sendMessage').mockImplementation(((
    message: { type: string; data: { url: string } },
    reply?: (r: unknown) => void,
  ) => {
    if (message.type === 'watcher:pageSeen') {
      sent.push(message.data.url);
      reports.push(message.data);
    }
    reply?.({ res: { overlay: 'not-needed' } });
  }) as never);
  return sent;
}

beforeEach(() => showReplica(REPLICA_URLS.adsDashboard));

afterEach(() => {
  for (const watch of running.splice(0)) watch.abort();
  for (const restore of restores.splice(0).reverse()) restore();
});

describe('the watcher entrypoint on pages that are not about access', () => {
  it('sets up no MutationObserver on Ads Manager, on load or after a client-side navigation', async () => {
    const sent = recordReports();
    const observers = countObservers();
    startWatcher();
    expect(sent).toEqual([REPLICA_URLS.adsDashboard]);
    history.pushState({}, '', REPLICA_URLS.adsCampaigns);
    await vi.waitFor(() => expect(sent).toContain(REPLICA_URLS.adsCampaigns), {
      timeout: 3000,
      interval: 100,
    });
    expect(observers.created).toBe(0);
  });

  it('marks its first report in the document as such, and no later one', async () => {
    const reports: Record<string, unknown>[] = [];
    const sent = recordReports(reports);
    startWatcher();
    history.pushState({}, '', REPLICA_URLS.adsCampaigns);
    await vi.waitFor(() => expect(sent).toContain(REPLICA_URLS.adsCampaigns), {
      timeout: 3000,
      interval: 100,
    });
    expect(reports.map((r) => r.newDocument === true)).toEqual([true, false]);
  });

  it('does observe once a navigation reaches a route the page must confirm (the count above can fail)', async () => {
    showReplica(REPLICA_URLS.bcOverview);
    const sent = recordReports();
    const observers = countObservers();
    startWatcher();
    expect(sent).toEqual([REPLICA_URLS.bcOverview]);
    expect(observers.created).toBe(0);
    // A users route the detectors do not know: only the page can say it is about access.
    history.pushState({}, '', REPLICA_URLS.bcPartnersNewRoute);
    await vi.waitFor(() => expect(sent).toContain(REPLICA_URLS.bcPartnersNewRoute), {
      timeout: 3000,
      interval: 100,
    });
    expect(observers.created).toBeGreaterThan(0);
  });
});
