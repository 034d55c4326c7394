import { defineConfig } from 'wxt';
import { agentDeliveredLabels } from './scripts/build/agent-delivered-labels';
import { leanUnlistedEntry } from './scripts/build/lean-unlisted-entry';
import { privateMembers } from './scripts/build/private-members';
import { borrowWatcherModules, lendWatcherModules } from './scripts/build/watcher-modules';
import { watcherPageWords } from './scripts/build/watcher-page-words';
import { ADS_HOST, BC_HOST } from './lib/tiktok/hosts';

/** The only pages the extension may touch: those of the two hosts where TikTok manages access. */
const TIKTOK_MATCHES = [BC_HOST, ADS_HOST].map((host) => `https://${host}/*`);

/** The watcher (entrypoints/tiktok-watch.ts): an unlisted script the manifest loads on both hosts. */
const WATCHER = 'tiktok-watch';
/** The page agent (entrypoints/overlay.ts): an unlisted script the background injects. */
const AGENT = 'overlay';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Keep the dev runner from opening a browser of its own: `npm start` drives Chromium itself.
  webExt: { disabled: true },
  hooks: {
    // The content scripts run in TikTok's pages, the watcher on every one: they use the browser's
    // own promise-based API (Chrome MV3's `chrome`, Firefox's `browser`, which is all they call)
    // instead of webextension-polyfill (about 2.8 KB gzip each). Extension pages keep it.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      const inPage = (name: string) => name === WATCHER || name === AGENT;
      if (!entrypoints.every((e) => e.type === 'content-script' || inPage(e.name))) return;
      if (entrypoints.every((e) => inPage(e.name)))
        (viteConfig.plugins ??= []).push(leanUnlistedEntry());
      if (entrypoints.some((e) => e.name === AGENT))
        viteConfig.plugins = [
          ...(viteConfig.plugins ?? []),
          agentDeliveredLabels(viteConfig.root ?? process.cwd()),
          borrowWatcherModules(viteConfig.root ?? process.cwd()),
          privateMembers(),
        ];
      const resolve = (viteConfig.resolve ??= {});
      const alias = resolve.alias ?? [];
      const list = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      resolve.alias = [
        { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
        ...list.filter((a) => a.find !== 'wxt/browser'),
      ];
      // How each content script gets TikTok's words: scripts/build/agent-delivered-labels.ts.
      if (entrypoints.every((e) => e.name === WATCHER))
        (viteConfig.plugins ??= []).push(
          watcherPageWords(viteConfig.root ?? process.cwd()),
          lendWatcherModules(viteConfig.root ?? process.cwd()),
        );
    },
  },
  manifest: ({ browser }) => ({
    name: 'Access Companion for TikTok Ads',
    short_name: 'Access Companion',
    // The UI's words live in public/_locales (en, es); the manifest's stay literal.
    default_locale: 'en',
    description:
      'Give, track, review and take back access to TikTok ad accounts. Your register stays in your browser.',
    // Each permission is used: storage (settings, per-tab state), alarms + notifications
    // (reminders), scripting (the overlay is injected only on pages where access is managed).
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    host_permissions: TIKTOK_MATCHES,
    // The watcher runs on every page of both hosts, once the page has loaded.
    content_scripts: [{ matches: TIKTOK_MATCHES, js: [`${WATCHER}.js`], run_at: 'document_idle' }],
    action: { default_title: 'Access Companion for TikTok Ads' },
    // A keyboard way into the panel from TikTok's page (no permission needed); the background
    // tells the tab's page agent to focus it. Users can change it in the browser's shortcuts.
    // (Its name is FOCUS_COMPANION_COMMAND in lib/background/commands.ts.)
    commands: {
      'focus-companion': {
        suggested_key: { default: 'Alt+Shift+K', mac: 'MacCtrl+Shift+K' },
        description: 'Move the keyboard focus to the Access Companion panel on a TikTok page',
      },
    },
    // The companion panel is an extension page the page agent frames into TikTok's access pages:
    // framable only by the two TikTok hosts, and in Chrome only through the per-session dynamic
    // URL, so other sites cannot probe for it. (WXT writes the MV2 list form for Firefox.)
    web_accessible_resources: [
      {
        resources: ['companion.html'],
        matches: TIKTOK_MATCHES,
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'access-companion@tiktok-ads.local',
              // data_collection_permissions is understood from Firefox 140 on.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android understands data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
