// Access review campaigns at 1,000 and 10,000 grants, in the real built extension in Chromium:
// a campaign over everything (one item per grant) is started from the register page, then
// opened, moved through and decided by keyboard. Each figure is timed in the page, from the
// event to the first animation frame after the change is in the document (the frame that
// paints it), so the automation's own round trips are not counted.
//   node scripts/bench/campaign.bench.mjs [--runs=5] [--scales=1000,10000] [--no-build]
/* global document, window, requestAnimationFrame, MutationObserver -- used in functions that run in the page */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CHROME_BUILD_DIR,
  extensionWorker,
  launchWithExtension,
  serveReplicasOnly,
} from '../lib/browser.mjs';
import { arg, buildUnlessAsked } from './options.mjs';

const RUNS = Number(arg('runs', '5'));
const SCALES = arg('scales', '1000,10000').split(',').map(Number);

buildUnlessAsked();

// The register bench's seeding page writes the same synthetic register straight into IndexedDB.
const dir = mkdtempSync(join(tmpdir(), 'campaign-bench-'));
cpSync(CHROME_BUILD_DIR, dir, { recursive: true });
for (const f of ['blob.html', 'blob.js'])
  cpSync(resolve('scripts/bench/register', f), join(dir, f));
cpSync(resolve('node_modules/papaparse/papaparse.min.js'), join(dir, 'papaparse.min.js'));

/** The median of the figures measured; keys that changed nothing (NaN) are left out. */
const median = (/** @type {number[]} */ xs) => {
  const seen = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return seen[Math.floor(seen.length / 2)] ?? NaN;
};

/**
 * Time from the next keydown to the first frame after `selector`'s text or attributes change.
 * @param {import('@playwright/test').Page} p
 * @param {string} selector
 * @param {() => Promise<void>} press
 */
async function timedKey(p, selector, press) {
  const measured = p.evaluate(
    (sel) =>
      new Promise((resolveMs) => {
        const el = /** @type {Element} */ (document.querySelector(sel));
        let t0 = 0;
        document.addEventListener('keydown', () => (t0 = performance.now()), {
          capture: true,
          once: true,
        });
        const seen = new MutationObserver(() => {
          // A change before the key (the previous key's work landing late) is not this key's.
          if (t0 === 0) return;
          seen.disconnect();
          requestAnimationFrame(() => resolveMs(performance.now() - t0));
        });
        seen.observe(el, { childList: true, characterData: true, subtree: true, attributes: true });
        // A key that changed nothing is reported as such (NaN) instead of waiting for ever.
        setTimeout(() => {
          seen.disconnect();
          resolveMs(Number.NaN);
        }, 10_000);
      }),
    selector,
  );
  // Should the key fail, its error is the one to report, not the abandoned wait's.
  measured.catch(() => {});
  await press();
  return /** @type {number} */ (await measured);
}

/** @param {number} grants */
async function benchScale(grants) {
  const context = await launchWithExtension({ headless: true, extensionDir: dir });
  /** @type {[string, number][]} */
  const results = [];
  try {
    await serveReplicasOnly(context);
    const id = new URL((await extensionWorker(context)).url()).host;
    const url = (/** @type {string} */ path) => `chrome-extension://${id}/${path}`;
    const page = await context.newPage();
    await page.goto(url('register.html'));
    await page.getByTestId('register-empty').waitFor();
    await page.goto(url('blob.html'));
    await page.evaluate(
      (o) => /** @type {any} */ (window).seedRegister(o),
      /** @type {const} */ ({ grants, eventsPerGrant: 1 }),
    );

    // Start a review of everything: the snapshot of every live grant is written in one go.
    await page.goto(url('register.html#campaigns'));
    await page.getByRole('button', { name: 'Start a review' }).click();
    await page.getByLabel('Reviewer').fill('Bench Reviewer');
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Start the review' }).click();
    await page.getByTestId('campaign-item').first().waitFor({ timeout: 300_000 });
    results.push(['Start a review → its items shown (once)', performance.now() - t0]);
    const campaignUrl = page.url();
    const progressDone = page.locator('[data-testid="campaign-progress"][data-complete="true"]');
    await progressDone.waitFor({ timeout: 300_000 });
    const items = await progressDone.textContent();
    const itemCount = Number(/of ([\d,]+)/.exec(items ?? '')?.[1]?.replaceAll(',', ''));

    // Open: a fresh page, from navigation start to the first frame with items in it.
    await context.addInitScript(() => {
      const w = /** @type {any} */ (window);
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="campaign-item"]')) return;
        seen.disconnect();
        requestAnimationFrame(() => (w.itemsAt = performance.now()));
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    const opens = [];
    for (let i = 0; i <= RUNS; i++) {
      const p = await context.newPage();
      await p.goto(campaignUrl);
      await p.getByTestId('campaign-item').first().waitFor({ timeout: 300_000 });
      const at = await p.waitForFunction(() => /** @type {any} */ (window).itemsAt);
      if (i > 0) opens.push(/** @type {number} */ (await at.jsonValue()));
      await p.close();
    }
    results.push(['Open a campaign → items painted (page load included)', median(opens)]);

    const view = await context.newPage();
    await view.goto(campaignUrl);
    const list = view.getByRole('listbox', { name: 'Items to review' });
    await list.waitFor({ timeout: 300_000 });
    await view.bringToFront();
    await list.focus();
    // One move first, untimed: the first key into a freshly focused list is not typical.
    await view.keyboard.press('ArrowDown');
    await view.waitForTimeout(500);
    await view.evaluate(() => document.querySelector('[data-testid="item-panel"]')?.textContent);

    // Move: ↓ → the next item is the active one and the panel shows it.
    const moves = [];
    for (let i = 0; i <= RUNS; i++) {
      const ms = await timedKey(view, '[data-testid="item-panel"]', () =>
        view.keyboard.press('ArrowDown'),
      );
      if (i > 0) moves.push(ms);
      await view.waitForTimeout(100);
    }
    results.push(['↓ → next item active and shown', median(moves)]);

    // Decide: R opens the reason (which takes focus), then Enter saves it; timed from Enter to
    // the frame painting the new progress (the write to IndexedDB included).
    const decides = [];
    const opensForm = [];
    for (let i = 0; i <= RUNS; i++) {
      const formMs = await timedKey(view, '[data-testid="item-panel"]', () =>
        view.keyboard.press('r'),
      );
      await view.getByLabel('Reason', { exact: true }).waitFor();
      await view.keyboard.type('Bench');
      const ms = await timedKey(view, '[data-testid="campaign-progress"]', () =>
        view.keyboard.press('Enter'),
      );
      if (i > 0) {
        decides.push(ms);
        opensForm.push(formMs);
      }
      // The list takes the keyboard back as soon as the decision is saved, before its write
      // lands; the next R must go to the list, and the next Enter be timed from a settled page.
      await view.waitForFunction(() => document.activeElement?.getAttribute('role') === 'listbox');
      await view.waitForFunction(
        (n) =>
          document
            .querySelector('[data-testid="campaign-progress"]')
            ?.textContent?.startsWith(`${n} of`),
        i + 1,
      );
      await view.waitForTimeout(100);
    }
    results.push(['R → the reason field shown', median(opensForm)]);
    results.push(['Enter → decision saved and progress painted', median(decides)]);

    // The report: every item with its grant's history read and its hash chain checked.
    const exports = [];
    for (let i = 0; i <= RUNS; i++) {
      const t1 = performance.now();
      const [download] = await Promise.all([
        view.waitForEvent('download', { timeout: 300_000 }),
        view.getByRole('button', { name: 'Export report (CSV)' }).click(),
      ]);
      if (i > 0) exports.push(performance.now() - t1);
      await download.delete();
    }
    results.push(['Report as CSV: click → the download starts', median(exports)]);
    const prints = [];
    for (let i = 0; i <= RUNS; i++) {
      const p = await context.newPage();
      const t1 = performance.now();
      await p.goto(campaignUrl.replace('#campaign=', '#report='));
      await p
        .locator('table tbody tr')
        .nth(itemCount - 1)
        .waitFor({ state: 'attached', timeout: 300_000 });
      if (i > 0) prints.push(performance.now() - t1);
      await p.close();
    }
    results.push(['Printable report: open → every row in the page', median(prints)]);

    console.log(`\n${grants.toLocaleString('en')} grants (${items}); median of ${RUNS} runs each.`);
    for (const [task, ms] of results)
      console.log(`  ${task.padEnd(56)} ${`${ms.toFixed(1)} ms`.padStart(10)}`);
  } catch (error) {
    console.error(error);
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
}

try {
  for (const grants of SCALES) await benchScale(grants);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
