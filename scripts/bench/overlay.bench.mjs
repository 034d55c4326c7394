/* global window, document, MutationObserver -- these run in the browser, via Playwright */
// What the in-page checklist overlay costs, measured side by side in one run in Chromium on the
// Members replica (served on its real URL, nothing sent anywhere):
//   1. the time from the access table appearing to the overlay's panel being visible;
//   2. main-thread scripting time (CDP ScriptDuration) for a load plus one Invite Member walk,
//      with the extension and a checklist running, and without the extension, and the ratio.
// Prints figures; asserts nothing. `node scripts/bench/overlay.bench.mjs --no-build` skips the build.
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { BC_MEMBERS_URL } from '../../tests/fixtures/tiktok/replicas.mjs';
import { launchWithExtension, serveReplicasOnly } from '../lib/browser.mjs';
import { findChromium } from '../lib/find-chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

if (!process.argv.includes('--no-build')) {
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

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const withExt = await launchWithExtension({ headless: true });
const plain = await chromium.launchPersistentContext('', {
  executablePath: findChromium(),
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [...(asRoot ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run'],
});

/**
 * One load of Members and one Invite Member walk; returns scripting time in ms.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {boolean} checklist start the add-member checklist first (with the extension)
 */
async function walk(context, checklist) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(BC_MEMBERS_URL);
  await page.getByText(/Records in Total/).waitFor();
  if (checklist) {
    await page.getByTestId('checklist-menu').locator('summary').click();
    await page
      .getByTestId('companion-panel')
      .getByRole('button', { name: 'Add an account manager as a member' })
      .click();
  }
  await page.getByRole('button', { name: 'Invite Member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite Member' });
  await dialog.getByLabel('Email address(es)').fill('bench@example.com');
  await dialog.getByLabel('Standard').check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('checkbox', { name: /Northwind US/ }).check();
  await dialog
    .getByRole('button', { name: 'Cancel' })
    .or(dialog.getByRole('button', { name: 'Back' }))
    .first()
    .click();
  await page.waitForTimeout(300);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  return 1000 * (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN);
}

try {
  await serveReplicasOnly(withExt);
  await serveReplicasOnly(plain);

  // 1. Table appears → overlay visible, both on the page's own clock.
  await withExt.addInitScript(() => {
    const seen = { table: 0, panel: 0 };
    Reflect.set(window, '__bench', seen);
    const check = () => {
      if (!seen.table && document.querySelector('main table, main [role=table]'))
        seen.table = performance.now();
      const host = document.querySelector('tt-access-companion');
      const panel = host?.shadowRoot?.querySelector('[data-testid=companion-panel]');
      if (!seen.panel && panel && panel.getBoundingClientRect().height > 0)
        seen.panel = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    const tick = () => {
      check();
      if (!seen.panel || !seen.table) window.requestAnimationFrame(tick);
    };
    window.requestAnimationFrame(tick);
  });
  /** @type {number[]} */
  const latencies = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const page = await withExt.newPage();
    await page.goto(BC_MEMBERS_URL);
    await page.getByText(/Records in Total/).waitFor();
    await page.getByTestId('companion-panel').waitFor();
    await page.waitForTimeout(50);
    const { table, panel } = await page.evaluate(() => Reflect.get(window, '__bench'));
    if (i > 0 && table && panel) latencies.push(panel - table); // first load is warm-up
    await page.close();
  }
  console.log(
    `\nTable appears → overlay visible (BC Members, ${latencies.length} loads): median ${ms(median(latencies))}, max ${ms(Math.max(...latencies))}`,
  );
  console.log('  (negative: the overlay was up before TikTok’s late table arrived)');

  // 2. Scripting time for a load and an Invite Member walk, alternating so drift hits both.
  const on = [];
  const idle = [];
  const off = [];
  await walk(withExt, true);
  await walk(plain, false);
  for (let i = 0; i < RUNS; i++) {
    on.push(await walk(withExt, true));
    idle.push(await walk(withExt, false));
    off.push(await walk(plain, false));
  }
  const a = median(on);
  const c = median(idle);
  const b = median(off);
  console.log(`\nMain-thread scripting, Members load + Invite Member walk (median of ${RUNS}):`);
  console.log(`  without the extension          ${ms(b)}`);
  console.log(
    `  with it, no checklist running  ${ms(c)}   ratio ${(c / b).toFixed(2)}×   (+${ms(c - b)})`,
  );
  console.log(
    `  with it, checklist running     ${ms(a)}   ratio ${(a / b).toFixed(2)}×   (+${ms(a - b)})`,
  );
  console.log(
    '  (includes the overlay bundle’s own start-up: React, the panel, the first reading)',
  );
} finally {
  await withExt.close();
  await plain.close();
}
