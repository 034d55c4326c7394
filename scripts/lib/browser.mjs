// Starts Chromium with the built extension loaded and TikTok's pages answered by local replicas.
// Used by the e2e harness (tests/e2e/fixtures.ts) and by `npm start`, so both run the same way.
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { replicaFor } from '../../tests/fixtures/tiktok/replicas.mjs';
import { findChromium } from './find-chromium.mjs';

/** Where `wxt build` puts the Chrome extension. */
export const CHROME_BUILD_DIR = resolve('.output/chrome-mv3');

// The flags this machine needs (see README, "Testing"): no sandbox as root, no GPU, and none of
// Chromium's own background traffic, which a closed network refuses.
export const QUIET_FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-default-browser-check',
];

/**
 * Launch Chromium with the extension in `extensionDir` loaded, in a fresh profile.
 * @param {{ headless: boolean; extensionDir?: string; colorScheme?: 'light' | 'dark' | 'no-preference' }} options
 * @returns {Promise<import('@playwright/test').BrowserContext>}
 */
export async function launchWithExtension({
  headless,
  extensionDir = CHROME_BUILD_DIR,
  colorScheme,
}) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless,
    colorScheme,
    viewport: { width: 1280, height: 800 },
    args: [
      ...(asRoot ? ['--no-sandbox'] : []),
      ...QUIET_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
}

/**
 * The Content-Security-Policy the replicas are served with: as strict as large sites send, allowing
 * only what the replicas themselves need (their inline script and styles, no network, frames only
 * from their own origin). The companion frame must mount through it: Chromium lets an extension's
 * web-accessible page be framed whatever the page's frame-src says.
 */
export const REPLICA_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "child-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * Serve the replicas on their real URLs, with {@link REPLICA_CSP}, and refuse every other web
 * request, recording it.
 * Extension-internal URLs (chrome-extension://) are not web requests and pass untouched.
 * @param {import('@playwright/test').BrowserContext} context
 * @returns {Promise<{ blocked: string[] }>}
 */
export async function serveReplicasOnly(context) {
  /** @type {string[]} */
  const blocked = [];
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route) => {
      // Replicas answer page loads only; they fetch nothing themselves, so any other request
      // (a script's fetch, an image, a beacon) is something to flag, even to a TikTok host.
      const request = route.request();
      const body = request.resourceType() === 'document' ? replicaFor(request.url()) : null;
      if (body === null) {
        blocked.push(request.url());
        await route.abort('blockedbyclient');
      } else {
        await route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': REPLICA_CSP },
          body,
        });
      }
    },
  );
  return { blocked };
}

/**
 * The extension's service worker, waiting for it to start if need be.
 * @param {import('@playwright/test').BrowserContext} context
 */
export async function extensionWorker(context) {
  const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return running ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}
