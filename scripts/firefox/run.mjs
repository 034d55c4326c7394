// `npm run test:firefox`: the Firefox build (.output/firefox-mv2) in a real Firefox.
//
// Firefox ESR is driven by puppeteer-core over WebDriver BiDi (Playwright's Firefox is a patched
// build that cannot load add-ons). The add-on is installed as a temporary add-on, exactly as
// about:debugging's "Load Temporary Add-on…" does; every request is intercepted: TikTok's two
// hosts are answered with the bundled replicas on their real URLs and anything else on the
// network is refused, so nothing is sent anywhere. Results go to test-results/firefox.json,
// which scripts/test-summary.mjs adds to its closing line.
/* global document, location, history, dispatchEvent, PopStateEvent -- in page.evaluate callbacks */
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { BC_MEMBERS_URL, REPLICA_URLS, replicaFor } from '../../tests/fixtures/tiktok/replicas.mjs';
import { ensureFirefox } from '../lib/find-firefox.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ADDON_DIR = join(root, '.output/firefox-mv2');
const RESULTS = join(root, 'test-results/firefox.json');
/** One step's patience: the replicas render their tables after a short delay. */
const STEP_MS = 30_000;

/**
 * Firefox gives each add-on a random moz-extension:// UUID per profile; this preference fixes it
 * ahead of the install, so the popup's address is known (the add-on's id is its manifest's
 * gecko id).
 */
const ADDON_UUID = 'a5c0e5f1-7a1e-4c1b-9d7e-2b4f6a8c0d11';

function addonId() {
  const manifest = JSON.parse(readFileSync(join(ADDON_DIR, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id;
}

/**
 * The companion's frame in a page, or null. Over WebDriver BiDi, Firefox reports a frame an
 * extension page loaded into as `about:blank` (its navigation is not announced), so each frame
 * is asked for its own location.
 * @param {import('puppeteer-core').Page} page
 */
async function companionFrame(page) {
  for (const frame of page.frames()) {
    if (frame.detached) continue;
    const href = frame.url().startsWith('moz-extension://')
      ? frame.url()
      : await frame.evaluate(() => location.href).catch(() => '');
    if (href.startsWith('moz-extension://') && href.includes('/companion.html')) return frame;
  }
  return null;
}

/**
 * The companion's frame on a page: an extension page (moz-extension://…/companion.html) that the
 * page agent mounts in a closed shadow root, so it is found among the page's frames.
 * @param {import('puppeteer-core').Page} page
 */
async function findCompanionFrame(page) {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const frame = await companionFrame(page);
    if (frame) return frame;
    if (Date.now() > deadline) {
      const host = await page.evaluate(() => {
        const el = document.querySelector('tt-access-companion');
        return el ? 'its host element is in the page' : 'no host element either';
      });
      throw new Error(`The companion frame did not appear (${host}).`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The companion's panel on a page: the one place that knows where the panel lives.
 * @param {import('puppeteer-core').Page} page
 */
async function findPanel(page) {
  const frame = await findCompanionFrame(page);
  const panel = await frame.waitForSelector('[data-testid="companion-panel"][data-page-kind]', {
    timeout: STEP_MS,
  });
  if (!panel) throw new Error('The companion panel did not appear.');
  return panel;
}

/**
 * The kind of page the companion's panel says it is on, or null while there is none.
 * @param {import('puppeteer-core').Page} page
 */
async function panelPageKind(page) {
  const frame = await companionFrame(page);
  if (!frame) return null;
  return frame
    .$eval('[data-testid="companion-panel"]', (/** @type {Element} */ el) =>
      el.getAttribute('data-page-kind'),
    )
    .catch(() => null);
}

/**
 * Answer TikTok's hosts with the replicas, let the extension's own resources through, refuse
 * everything else.
 * @param {import('puppeteer-core').Page} page
 * @param {string[]} refused URLs refused, for the report
 */
async function serveReplicas(page, refused) {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('moz-extension://') || url.startsWith('data:') || url === 'about:blank') {
      void request.continue();
      return;
    }
    if (/^https:\/\/(business|ads)\.tiktok\.com\//.test(url)) {
      // The replicas are single files: a page is served, anything else (Firefox's favicon
      // request) is not found.
      const body = request.isNavigationRequest() ? replicaFor(url) : null;
      void request.respond(
        body === null
          ? { status: 404, contentType: 'text/plain', body: '' }
          : { status: 200, contentType: 'text/html; charset=utf-8', body },
      );
      return;
    }
    refused.push(url);
    void request.abort('blockedbyclient');
  });
}

/**
 * Open the popup in a tab, and a way to send messages from it as @webext-core/messaging does.
 * @param {import('puppeteer-core').Browser} browser
 */
async function openPopup(browser) {
  const popup = await browser.newPage();
  // The popup runs in the extension's process: Puppeteer does not see that navigation end, so
  // the page's own content says when it is there.
  void popup.goto(`moz-extension://${ADDON_UUID}/popup.html`, { timeout: STEP_MS }).catch(() => {});
  const heading = await popup.waitForSelector('h1', { timeout: STEP_MS });
  const title = await heading?.evaluate((el) => el.textContent);
  assert(title === 'Access Companion for TikTok Ads', `the popup's heading is "${title}"`);
  /** @param {string} type @param {unknown} data */
  const ask = (type, data) =>
    popup.evaluate(
      // Runs in the popup's page, where the WebExtension API is `browser`.
      (message) =>
        /** @type {{ browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }} */ (
          /** @type {unknown} */ (globalThis)
        ).browser.runtime.sendMessage(message),
      { id: 1, type, data, timestamp: Date.now() },
    );
  return { popup, ask };
}

/** @type {{ title: string; status: 'passed' | 'failed'; ms: number; error?: string }[]} */
const results = [];

/**
 * @param {string} title
 * @param {() => Promise<void>} run
 */
async function check(title, run) {
  const started = Date.now();
  try {
    await run();
    results.push({ title, status: 'passed', ms: Date.now() - started });
    console.log(`  ✓ ${title} (${Date.now() - started} ms)`);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    results.push({ title, status: 'failed', ms: Date.now() - started, error: message });
    console.log(`  ✘ ${title}\n${message.replace(/^/gm, '      ')}`);
  }
}

/** @param {boolean} condition @param {string} message */
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function save(extra = {}) {
  mkdirSync(dirname(RESULTS), { recursive: true });
  const passed = results.filter((r) => r.status === 'passed').length;
  writeFileSync(
    RESULTS,
    JSON.stringify({ passed, failed: results.length - passed, results, ...extra }, null, 2),
  );
}

async function main() {
  if (!existsSync(join(ADDON_DIR, 'manifest.json'))) {
    throw new Error(`${ADDON_DIR} is missing: run \`npm run build:firefox\` first.`);
  }
  const executablePath = ensureFirefox();
  console.log(`Firefox: ${executablePath}`);
  const id = addonId();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// pages (the popup) unless the
    // browser it drives allows it privileged access; this browser is the test's own.
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: ADDON_UUID }),
      // Nothing of Firefox's own goes out either (updates, telemetry, safe browsing lists).
      'app.update.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  /** @type {string[]} */
  const refused = [];
  try {
    await check(
      'the Firefox build installs as a temporary add-on, its background answering',
      async () => {
        const installedId = await browser.installExtension(ADDON_DIR);
        assert(installedId === id, `installed as ${installedId}, expected ${id}`);
        // Pages are opened once the background listens, as after a user's install.
        const { popup, ask } = await openPopup(browser);
        const status = /** @type {{ res?: { version?: string } }} */ (
          await ask('page:getStatus', {})
        );
        assert(
          typeof status?.res?.version === 'string',
          `page:getStatus answered ${JSON.stringify(status)}`,
        );
        await popup.close();
      },
    );

    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await serveReplicas(page, refused);

    await check('the panel appears on Business Center → Members', async () => {
      await page.goto(BC_MEMBERS_URL, { waitUntil: 'load' });
      const panel = await findPanel(page);
      const kind = await panel.evaluate((el) => el.getAttribute('data-page-kind'));
      assert(kind === 'bc-members', `the panel says the page is ${kind}`);
    });

    await check('a checklist’s first steps tick themselves off', async () => {
      // Each look finds the frame afresh: the agent may have re-created it since the last one.
      await findPanel(page);
      const start = await (
        await findCompanionFrame(page)
      ).waitForSelector(
        '[data-testid="checklist-menu"] ::-p-text(Add an account manager as a member)',
        { timeout: STEP_MS },
      );
      // Clicked from inside the frame: the panel may still be moving to its place as the page
      // settles, and a click aimed at where the link was a moment ago lands beside it (puppeteer,
      // unlike Playwright, does not wait for an element to stand still).
      await start?.evaluate((el) => /** @type {HTMLElement} */ (el).click());
      await (
        await findCompanionFrame(page)
      ).waitForSelector('li[data-step="open-members"][data-state="done"]', { timeout: STEP_MS });
      const active = await (
        await findCompanionFrame(page)
      ).waitForSelector('li[aria-current="step"]', { timeout: STEP_MS });
      const step = await active?.evaluate((el) => el.getAttribute('data-step'));
      assert(step === 'open-invite', `the active step is ${step}, expected open-invite`);
    });

    await check('the page’s own word reaches the panel from the background', async () => {
      // A route the URL detectors do not know, whose page shows Partners: only the background's
      // `background:pageConfirmed` (checked as sent by the background) tells the panel.
      await page.evaluate((href) => {
        history.pushState({}, '', href);
        dispatchEvent(new PopStateEvent('popstate'));
      }, REPLICA_URLS.bcPartnersNewRoute);
      const deadline = Date.now() + STEP_MS;
      while ((await panelPageKind(page)) !== 'bc-partners') {
        assert(Date.now() < deadline, 'the panel never said the page shows Partners');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    await check('the popup opens, and the background refuses it the frame’s message', async () => {
      const { popup, ask } = await openPopup(browser);
      await popup.waitForSelector('[data-testid="popup-empty"]', { timeout: STEP_MS });
      const refusal = /** @type {{ err?: { name?: string } }} */ (
        await ask('companion:registerRows', {})
      );
      assert(
        refusal?.err?.name === 'SenderRefusedError',
        `companion:registerRows from the popup answered ${JSON.stringify(refusal)}`,
      );
      await popup.close();
    });

    await check(
      'nothing was asked for beyond TikTok’s hosts (all answered by replicas)',
      async () => {
        assert(refused.length === 0, `requests refused: ${refused.join(', ')}`);
      },
    );
  } finally {
    await browser.close();
  }
  save({ firefox: executablePath });
}

const started = Date.now();
console.log('Firefox e2e (puppeteer-core over WebDriver BiDi)');
main()
  .catch((error) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(message);
    results.push({ title: 'the Firefox suite ran', status: 'failed', ms: 0, error: message });
    save();
  })
  .finally(() => {
    const failed = results.filter((r) => r.status === 'failed').length;
    console.log(
      `${results.length - failed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`,
    );
    process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
  });
