import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('the extension loads with its service worker and asks only for what it uses', async ({
  serviceWorker,
}) => {
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.name).toBe('Access Companion for TikTok Ads');
  expect(manifest.manifest_version).toBe(3);
  expect([...(manifest.permissions ?? [])].sort()).toEqual([
    'alarms',
    'notifications',
    'scripting',
    'storage',
  ]);
  expect(manifest.host_permissions).toEqual([
    'https://business.tiktok.com/*',
    'https://ads.tiktok.com/*',
  ]);
  // Only the tiny watcher is declared; the overlay is injected on demand.
  expect(manifest.content_scripts?.map((c) => c.js)).toEqual([['tiktok-watch.js']]);
  expect(Object.keys(manifest.icons ?? {})).toEqual(['16', '32', '48', '96', '128']);
  expect(JSON.stringify(manifest)).not.toMatch(
    /unsafe-eval|https?:\/\/(?!business\.tiktok\.com|ads\.tiktok\.com)/,
  );
});

test('the Firefox build declares its id and that it collects no data', () => {
  const manifest = JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8'));
  expect(manifest.browser_specific_settings.gecko).toMatchObject({
    id: 'access-companion@tiktok-ads.local',
    data_collection_permissions: { required: ['none'] },
  });
  expect([...manifest.permissions].sort()).toEqual([
    'alarms',
    'https://ads.tiktok.com/*',
    'https://business.tiktok.com/*',
    'notifications',
    'scripting',
    'storage',
  ]);
});
