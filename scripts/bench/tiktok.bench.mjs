/* global chrome, window, document, MutationObserver -- these run in the browser, via Playwright */
// What the watcher costs TikTok's pages, measured in Chromium on the replicas (served on their
// real URLs, nothing sent anywhere):
//   1. the content-script bytes a non-access page loads (raw and gzip, from the build output);
//   2. the time from the access table appearing to the watcher's page-confirmed classification,
//      on a route whose address does not prove what it is (an unknown users route showing
//      Partners): where the address proves it, the watcher reports by the URL alone.
// The main thread's time with and without the extension, Ads Manager included, is
// overlay.bench.mjs's to measure (with nothing of the bench's running in the page meanwhile).
// Prints figures; asserts nothing. `node scripts/bench/tiktok.bench.mjs --no-build` skips the build;
// `--ext DIR` measures another build instead.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPLICA_URLS } from '../../tests/fixtures/tiktok/replicas.mjs';
import {
  CHROME_BUILD_DIR,
  extensionWorker,
  launchWithExtension,
  serveReplicasOnly,
} from '../lib/browser.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// `--ext DIR` measures another build (e.g. a saved copy of an older .output/chrome-mv3).
const extAt = process.argv.indexOf('--ext');
const extensionDir = extAt >= 0 ? resolve(process.argv[extAt + 1] ?? '') : CHROME_BUILD_DIR;

if (!process.argv.includes('--no-build') && extAt < 0) {
  console.log('Building the Chrome extension (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
}

/**
 * @param {number[]} xs
 * @returns {number}
 */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const at = (/** @type {number} */ i) => s[i] ?? NaN;
  return s.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
};
/** @param {number} x */
const ms = (x) => `${x.toFixed(1)} ms`;

/**
 * The content scripts the manifest loads on `url`, with their sizes raw and gzipped.
 * @param {string} url
 * @returns {{ file: string; raw: number; gzip: number }[]}
 */
function contentScriptBytes(url) {
  /** @type {{ content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[] }} */
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  const files = [];
  for (const cs of manifest.content_scripts ?? []) {
    const matches = cs.matches.some((/** @type {string} */ pattern) => {
      const re = new RegExp(
        `^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
      );
      return re.test(url);
    });
    if (matches) files.push(...(cs.js ?? []), ...(cs.css ?? []));
  }
  return files.map((file) => {
    const body = readFileSync(join(extensionDir, file));
    return { file, raw: statSync(join(extensionDir, file)).size, gzip: gzipSync(body).length };
  });
}

const withExt = await launchWithExtension({ headless: true, extensionDir });
try {
  await serveReplicasOnly(withExt);
  const worker = await extensionWorker(withExt);

  // 1. Bytes on a page that is not about access.
  console.log('\nContent scripts loaded on a non-access page (Ads Manager dashboard):');
  const files = contentScriptBytes(REPLICA_URLS.adsDashboard);
  for (const f of files) console.log(`  ${f.file.padEnd(34)} ${f.raw} B raw   ${f.gzip} B gzip`);
  const raw = files.reduce((n, f) => n + f.raw, 0);
  const gz = files.reduce((n, f) => n + f.gzip, 0);
  console.log(`  total${' '.repeat(29)} ${raw} B raw   ${gz} B gzip`);
  const probe = await withExt.newPage();
  await probe.goto(REPLICA_URLS.adsDashboard);
  await probe.waitForTimeout(500);
  const overlays = await probe.locator('tt-access-companion').count();
  console.log(`  overlay injected there: ${overlays > 0 ? 'YES (unexpected)' : 'no'}`);
  await probe.close();

  // 2. Table appears → page classified (the watcher's page-confirmed report).
  await worker.evaluate(() => {
    /** @type {{ url: string; at: number }[]} */
    const log = [];
    Reflect.set(globalThis, '__benchConfirmed', log);
    chrome.runtime.onMessage.addListener((message) => {
      // @webext-core/messaging stamps each message with its send time in the content script.
      if (message?.type === 'watcher:pageSeen' && message.data?.confirmedBy === 'page')
        log.push({ url: message.data.url, at: message.timestamp });
    });
  });
  await withExt.addInitScript(() => {
    // Runs in the page before its own script: note when the first table appears.
    new MutationObserver((_, observer) => {
      if (document.querySelector('main table, main [role=table]')) {
        Reflect.set(window, '__tableAt', Date.now());
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  /** @type {number[]} */
  const latencies = [];
  for (let i = 0; i < RUNS; i++) {
    await worker.evaluate(() => (Reflect.get(globalThis, '__benchConfirmed').length = 0));
    const page = await withExt.newPage();
    await page.goto(REPLICA_URLS.bcPartnersNewRoute);
    await page.getByText(/Records in Total/).waitFor();
    /** @type {number | undefined} */
    const tableAt = await page.evaluate(() => Reflect.get(window, '__tableAt'));
    /** @type {{ url: string; at: number } | undefined} */
    let confirmed;
    for (let t = 0; t < 50 && !confirmed; t++) {
      confirmed = (await worker.evaluate(() => Reflect.get(globalThis, '__benchConfirmed')))[0];
      if (!confirmed) await page.waitForTimeout(20);
    }
    if (confirmed && tableAt) latencies.push(confirmed.at - tableAt);
    await page.close();
  }
  console.log(
    `\nTable appears → page classified (an unknown users route showing Partners, ${latencies.length} loads): median ${ms(median(latencies))}, max ${ms(Math.max(...latencies))}`,
  );
  console.log("  (page clock at the table's insertion vs. the watcher's send time; ms resolution)");
} finally {
  await withExt.close();
}
