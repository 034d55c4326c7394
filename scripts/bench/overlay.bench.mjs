/* global window, document, MutationObserver, HTMLElement, HTMLInputElement, HTMLTextAreaElement, MouseEvent, location -- these run in the browser, via Playwright */
// What the in-page checklist overlay costs, measured side by side in one run in Chromium on the
// Members replica (served on its real URL, nothing sent anywhere):
//   1. the time from the access table appearing to the panel being visible (in the companion
//      frame, or in an older build's in-page overlay: `--ext` measures either);
//   2. main-thread time (CDP Performance.getMetrics: ScriptDuration = JavaScript, TaskDuration =
//      everything the main thread did, style and layout included, ThreadTime = the main thread's
//      CPU time, the steadiest of the three on a busy machine), with the extension and
//      without it, in three phases of one visit: the load until the table is up plus a second of
//      idling; table churn (the rows' class names change 20 times, the table is paged 4 times);
//      an Invite Member walk (with the extension: the add-member checklist started from the panel
//      first, then running);
//   3. the size of what runs in TikTok's page (the page agent, the watcher), raw and gzip.
// The walk and the churn are driven from inside the page (one evaluate each), so Playwright's own
// scripts do not swell the "without" figures. Prints figures and ratios; asserts nothing.
//   node scripts/bench/overlay.bench.mjs [--no-build] [--ext DIR]
// `--ext DIR` measures another build (e.g. a copy of an older .output/chrome-mv3) instead.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { BC_MEMBERS_URL } from '../../tests/fixtures/tiktok/replicas.mjs';
import { CHROME_BUILD_DIR, launchWithExtension, serveReplicasOnly } from '../lib/browser.mjs';
import { findChromium } from '../lib/find-chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const extAt = process.argv.indexOf('--ext');
const extensionDir = extAt >= 0 ? resolve(process.argv[extAt + 1] ?? '') : CHROME_BUILD_DIR;

if (!process.argv.includes('--no-build') && extAt < 0) {
  console.log('Building the Chrome extension (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
}

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};
/** @param {number} x */
const ms = (x) => `${x.toFixed(1)} ms`;
/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const withExt = await launchWithExtension({ headless: true, extensionDir });
const plain = await chromium.launchPersistentContext('', {
  executablePath: findChromium(),
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [...(asRoot ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run'],
});

/**
 * Scripting and task time so far on the page, in ms.
 * @param {import('@playwright/test').CDPSession} cdp
 */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (/** @type {string} */ name) =>
    1000 * (list.find((m) => m.name === name)?.value ?? NaN);
  return { script: get('ScriptDuration'), task: get('TaskDuration'), cpu: get('ThreadTime') };
}

/** In the page: change the rows' class names (a new build's hashes) and page the table. */
async function churnInPage() {
  const pause = (/** @type {number} */ t) => new Promise((r) => setTimeout(r, t));
  for (let i = 0; i < 20; i++) {
    for (const row of document.querySelectorAll('main [data-row-key]'))
      row.className = row.className.replace(/\s*\bh\d+$/, '') + ` h${i}`;
    await pause(50);
  }
  for (const n of ['2', '1', '2', '1']) {
    const button = document.querySelector(`main [aria-label="Page ${n}"]`);
    if (!(button instanceof HTMLElement)) throw new Error(`no "Page ${n}" button`);
    button.click();
    await pause(150);
  }
}

/**
 * In the page: one Invite Member walk, as a user would click and type it. Stops short of
 * inviting, so every run is alike.
 */
async function walkInPage() {
  const pause = (/** @type {number} */ t = 100) => new Promise((r) => setTimeout(r, t));
  /** @param {ParentNode} root @param {string} selector @param {RegExp} text */
  const find = (root, selector, text) => {
    const found = [...root.querySelectorAll(selector)].find((e) => text.test(e.textContent ?? ''));
    if (!(found instanceof HTMLElement)) throw new Error(`nothing like ${text} to use`);
    return found;
  };
  find(document, 'main button', /^Invite Member$/).click();
  await pause();
  const dialog = find(document, '[role=dialog]', /Invite Member/);
  const emails = find(dialog, 'label', /Email address/);
  const field = document.getElementById(emails.getAttribute('for') ?? '');
  if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement))
    throw new Error('no email field');
  field.focus();
  for (const ch of 'bench@example.com') {
    field.value += ch;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await pause(20);
  }
  field.dispatchEvent(new Event('change', { bubbles: true }));
  find(dialog, 'label', /Standard/)
    .querySelector('input')
    ?.click();
  await pause();
  find(dialog, 'button', /^Next$/).click();
  await pause();
  find(dialog, 'label', /Northwind US/)
    .querySelector('input')
    ?.click();
  await pause();
  find(dialog, 'button', /^Back$/).click();
  await pause();
  find(dialog, 'button', /^Cancel$/).click();
  await pause(300);
}

/**
 * The panel: in the companion frame (an extension page in a closed shadow root, found by URL),
 * or, in builds before it, in the overlay's open shadow root in the page.
 * @param {import('@playwright/test').Page} page
 */
async function panelOf(page) {
  for (let i = 0; i < 300; i++) {
    const frame = page
      .frames()
      .find((f) => /^chrome-extension:\/\/[^/]+\/companion\.html/.test(f.url()));
    const where = frame ?? page;
    const panel = where.getByTestId('companion-panel');
    if ((await panel.count().catch(() => 0)) > 0) return panel;
    await page.waitForTimeout(50);
  }
  throw new Error('no companion panel');
}

/**
 * Start the add-member checklist as the user would. From the frame this runs outside the page's
 * process; an older build's panel in the page is clicked from inside the page (its menu folded).
 * @param {import('@playwright/test').Page} page
 */
async function startAddMember(page) {
  const panel = await panelOf(page);
  const folded = panel.locator('[data-testid=checklist-menu] summary');
  if ((await folded.count()) > 0) {
    await page.evaluate(async () => {
      const shadow = document.querySelector('tt-access-companion')?.shadowRoot;
      shadow
        ?.querySelector('[data-testid=checklist-menu] summary')
        ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 100));
      shadow
        ?.querySelector('button[data-checklist=add-member]')
        ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 100));
    });
  } else {
    await panel.locator('button[data-checklist=add-member]').click();
    await page.waitForTimeout(100);
  }
}

/**
 * One visit: load and idle, churn, walk; the main-thread time of each phase in ms.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {boolean} extension
 */
async function visit(context, extension) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(BC_MEMBERS_URL);
  await page.getByText(/Records in Total/).waitFor();
  if (extension) await (await panelOf(page)).waitFor();
  await page.waitForTimeout(1000);
  const loaded = await metrics(cdp);
  await page.evaluate(churnInPage);
  await page.waitForTimeout(300);
  const churned = await metrics(cdp);
  if (extension) await startAddMember(page);
  await page.evaluate(walkInPage);
  const walked = await metrics(cdp);
  if (extension) {
    // Leave no checklist in progress for the next visit.
    await (await panelOf(page)).getByRole('button', { name: /Abandon/ }).click();
  }
  await page.close();
  const delta = (
    /** @type {{script:number,task:number,cpu:number}} */ a,
    /** @type {typeof a} */ b,
  ) => ({ script: b.script - a.script, task: b.task - a.task, cpu: b.cpu - a.cpu });
  return {
    load: loaded,
    churn: delta(loaded, churned),
    walk: delta(churned, walked),
  };
}

try {
  await serveReplicasOnly(withExt);
  await serveReplicasOnly(plain);

  // 1. Table appears → overlay visible, both on the page's own clock.
  await withExt.addInitScript(() => {
    const seen = { table: 0, panel: 0 };
    Reflect.set(window, '__bench', seen);
    // Wall-clock times: this runs in the page and in the companion frame, whose clocks differ.
    const check = () => {
      if (!seen.table && document.querySelector('main table, main [role=table]'))
        seen.table = Date.now();
      const host = document.querySelector('tt-access-companion');
      const panel =
        document.querySelector('[data-testid=companion-panel]') ??
        host?.shadowRoot?.querySelector('[data-testid=companion-panel]');
      if (!seen.panel && panel && panel.getBoundingClientRect().height > 0) seen.panel = Date.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    const tick = () => {
      check();
      if (!seen.panel && !seen.table) window.requestAnimationFrame(tick);
      else if (!seen.panel || (!seen.table && location.protocol.startsWith('http')))
        window.requestAnimationFrame(tick);
    };
    window.requestAnimationFrame(tick);
  });
  /** @type {number[]} */
  const latencies = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const page = await withExt.newPage();
    await page.goto(BC_MEMBERS_URL);
    await page.getByText(/Records in Total/).waitFor();
    const shown = await panelOf(page);
    await shown.waitFor();
    await page.waitForTimeout(50);
    const inPage = await page.evaluate(() => Reflect.get(window, '__bench'));
    const frame = page.frames().find((f) => f.url().includes('/companion.html'));
    const inFrame = frame ? await frame.evaluate(() => Reflect.get(window, '__bench')) : null;
    const table = inPage.table;
    const panel = inFrame?.panel || inPage.panel;
    if (i > 0 && table && panel) latencies.push(panel - table); // first load is warm-up
    await page.close();
  }
  console.log(
    `\nTable appears → overlay visible (BC Members, ${latencies.length} loads): median ${ms(median(latencies))}, max ${ms(Math.max(...latencies))}`,
  );
  console.log('  (negative: the overlay was up before TikTok’s late table arrived)');

  // 2. Main-thread time per phase, alternating with and without so drift hits both.
  /** @type {Awaited<ReturnType<typeof visit>>[]} */
  const on = [];
  /** @type {Awaited<ReturnType<typeof visit>>[]} */
  const off = [];
  await visit(withExt, true); // warm-up, not counted
  await visit(plain, false);
  for (let i = 0; i < RUNS; i++) {
    on.push(await visit(withExt, true));
    off.push(await visit(plain, false));
  }
  const phases = /** @type {const} */ ([
    ['load + 1 s idle', 'load'],
    ['table churn', 'churn'],
    ['Invite Member walk', 'walk'],
  ]);
  console.log(`\nMain-thread time on BC Members, median of ${RUNS} visits each:`);
  console.log(
    `  ${'phase'.padEnd(20)} ${'kind'.padEnd(10)} ${'without'.padStart(10)} ${'with'.padStart(10)} ${'added'.padStart(10)}   ratio`,
  );
  for (const [label, key] of phases) {
    for (const kind of /** @type {const} */ (['script', 'task', 'cpu'])) {
      const a = median(on.map((v) => v[key][kind]));
      const b = median(off.map((v) => v[key][kind]));
      console.log(
        `  ${label.padEnd(20)} ${{ script: 'scripting', task: 'task', cpu: 'CPU' }[kind].padEnd(10)} ${ms(b).padStart(10)} ${ms(a).padStart(10)} ${('+' + ms(a - b)).padStart(10)}   ${(a / b).toFixed(2)}×`,
      );
    }
  }
  console.log('  (with: the add-member checklist runs during the walk, no checklist before it)');

  // 3. What runs in TikTok's page: the page agent (injected only on access pages) and the
  // watcher (on every TikTok page). The panel's React runs in the companion frame, outside it.
  console.log("\nIn TikTok's page (the agent only on access pages, the watcher on every page):");
  for (const file of [
    'content-scripts/overlay.js',
    'content-scripts/overlay.css',
    'tiktok-watch.js',
  ]) {
    if (!existsSync(join(extensionDir, file))) continue;
    const body = readFileSync(join(extensionDir, file));
    console.log(
      `  ${file.padEnd(30)} ${kb(body.length).padStart(9)} raw ${kb(gzipSync(body).length).padStart(9)} gzip`,
    );
  }
} finally {
  await withExt.close();
  await plain.close();
}
