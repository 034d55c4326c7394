import { browser } from 'wxt/browser';
import { createOverlayStore } from '@/lib/overlay/store';
import { extensionAlive, followNavigations } from '@/lib/content-script/navigations';
import { onBackgroundMessage, sendToBackground as sendMessage } from '@/lib/messaging/agent-client';
import { ChecklistRunner } from '@/lib/overlay/runner';
import { CompanionDock } from '@/lib/overlay/dock';
import { companionLocation } from '@/lib/overlay/frame-bridge';
import type { PrefsChange } from '@/lib/overlay/frame-bridge';
import { markOverlayRunning, overlayRunning } from '@/lib/overlay/flag';
import { pageKey, readOverlayPrefs } from '@/lib/overlay/prefs-read';
import { classifyPage, mayBeAccessPage } from '@/lib/tiktok/classify';
import { receiveLanguages, receivedLanguages } from '@/lib/tiktok/labels/delivered';
import type { PageKind } from '@/lib/tiktok/routes';
import { ACCESS_PAGE_KINDS, classifyUrl } from '@/lib/tiktok/routes';
import { readBcName } from '@/lib/tiktok/context';
import { hasRows } from '@/lib/tiktok/table-data';
import { followTable } from '@/lib/tiktok/watch';

/**
 * The page agent: injected by the background (never declared in the manifest) only on pages where
 * access is managed. No React and no UI of its own: it reads and follows the page (the checklist
 * runner), draws the spotlight, and frames the companion panel (an extension page) into a closed
 * shadow root under <tt-access-companion>, telling it what it read over a private MessagePort.
 *
 * Built as an unlisted script, like the watcher: WXT's content-script context (its location
 * watcher and "content script started" events, which a page can forge or hear) is more than the
 * agent needs. It follows navigations itself (lib/content-script/navigations.ts) and stops once
 * its extension is reloaded or updated under the page.
 */
export default defineUnlistedScript(async () => {
  if (overlayRunning(window) || !extensionAlive()) return;
  markOverlayRunning(window, true);

  // TikTok's interface words come from the background as data (this script carries none);
  // the first reading waits for them, and without them the page is read by structure alone.
  const loadWords = () =>
    sendMessage('agent:labels', {}).then(
      (words) => {
        receiveLanguages(words);
        return receivedLanguages().length > 0;
      },
      () => false,
    );
  const [, prefs] = await Promise.all([loadWords(), readOverlayPrefs()]);

  // What the page itself confirmed each route to be, when its URL alone does not say (the
  // background passes on the watcher's confirmation; see lib/tiktok/watch.ts).
  const confirmed = new Map<string, PageKind>();
  const kindOf = (url: URL, first: boolean): PageKind => {
    const byUrl = classifyUrl(url);
    if (ACCESS_PAGE_KINDS.has(byUrl)) return byUrl;
    const known = confirmed.get(url.href);
    if (known) return known;
    // Injected on a route the page confirmed: its DOM is the confirmed one. (After a client-side
    // navigation the DOM is still the old route's, so only the background's word counts.)
    return first && mayBeAccessPage(url) ? classifyPage(url, document) : byUrl;
  };

  const store = createOverlayStore(kindOf(new URL(location.href), true));
  const runner = new ChecklistRunner(document, store);
  let currentUrl = new URL(location.href);
  store.getState().set({
    collapsed: prefs.collapsed,
    side: prefs.side,
    sideChosen: prefs.sideChosen,
  });

  // The frame remembers the user's panel choices (the agent only reads them).
  const remember = (change: PrefsChange) => {
    store.getState().set(change);
    ui.tell({ kind: 'remember', change, pageKey: pageKey(currentUrl) });
  };

  const ui = new CompanionDock(
    document,
    store,
    // What the panel in the frame asks for: the run's step to outline, the user's panel choices.
    (ask) =>
      ask.kind === 'run'
        ? runner.follow(ask.run, ask.read)
        : ask.kind === 'focusTarget'
          ? runner.focusTarget()
          : remember(ask.change),
    companionLocation((path) => browser.runtime.getURL(path), browser.runtime.id),
  );
  // What the runner reads goes to the frame, which holds the register's rows and checks it, and
  // runs the checklists on it.
  runner.onReading = (reading) => ui.tell({ kind: 'reading', reading });
  runner.onObserved = (observed) => ui.tell({ kind: 'observed', observed });
  runner.onRoute = (orgId) => ui.tell({ kind: 'route', orgId });

  // Each route's work hangs off its own signal, aborted on the next navigation.
  let route: AbortController | null = null;
  const sync = async (url: URL, first = false) => {
    currentUrl = url;
    // The worker was restarting when the words were asked for: ask again, and read afresh.
    if (!first && receivedLanguages().length === 0)
      void loadWords().then((got) => {
        if (got && url === currentUrl) void sync(url);
      });
    route?.abort();
    route = new AbortController();
    const signal = route.signal;
    const kind = kindOf(url, first);
    store.getState().setPageKind(kind);
    // The first route's choices were read with the agent's start; a later route's are read
    // afresh (the panel may have been closed for a page meanwhile).
    const { closedOn } = first ? prefs : await readOverlayPrefs();
    if (signal.aborted) return;
    const closed = closedOn.includes(pageKey(url));
    store.getState().set({ closed });
    // On a route that is not about access the frame goes, unless a run goes on: then it stays,
    // out of sight, and follows the run (see lib/overlay/frame-run.ts).
    if (ACCESS_PAGE_KINDS.has(kind)) {
      if (!ui.mounted) ui.mount();
    } else if (ui.mounted && !store.getState().run) {
      ui.remove();
    }
    // A Members page's tables go to the frame, again when they change, which reads the rows and
    // reports them to the background so it can find my own row there
    // (lib/overlay/frame-members.ts). The runner's observer and table reader serve both.
    if (kind === 'bc-members') {
      followTable(
        document,
        () => {
          const table = runner.tablesData();
          return hasRows(table) ? { table, bcName: readBcName(document) } : null;
        },
        JSON.stringify,
        (seen) => ui.tell({ kind: 'members', ...seen }),
        signal,
        { changes: (onRecords) => runner.followChanges(onRecords, signal) },
      );
    }
    // Progress is followed on every route of the Business Center: a checklist may start on
    // Members and go on elsewhere.
    runner.runRoute(url, signal);
  };
  // A run ended on a route that is not about access: its frame, kept for it, goes.
  store.subscribe((s) => {
    if (!s.run && ui.mounted && !ACCESS_PAGE_KINDS.has(s.pageKind)) ui.remove();
  });
  void sync(new URL(location.href), true);
  // The extension's keyboard shortcut, pressed on this tab: into the panel.
  const stopFocusing = onBackgroundMessage('background:focusCompanion', () => ui.focusPanel());
  const stopListening = onBackgroundMessage('background:pageConfirmed', (data) => {
    confirmed.set(data.url, data.kind);
    if (data.url === currentUrl.href && store.getState().pageKind !== data.kind) {
      void sync(currentUrl);
    }
  });
  // The URL comes with the navigation: with the Navigation API it fires before `location` changes.
  const lifetime = new AbortController();
  followNavigations((url) => {
    if (extensionAlive()) void sync(url);
    else lifetime.abort();
  }, lifetime.signal);
  lifetime.signal.addEventListener(
    'abort',
    () => {
      stopListening();
      stopFocusing();
      route?.abort();
      ui.destroy();
      markOverlayRunning(window, false);
    },
    { once: true },
  );
});
