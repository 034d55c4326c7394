// The register at ten-thousand scale: 10,000 grants and 100,000 history events, in the real
// built extension in Chromium, each task timed beside the same work done with the register kept
// as one chrome.storage.local JSON blob (scripts/bench/register/blob.js), in the same run.
//   node scripts/bench/register.bench.mjs [--runs=3] [--grants=10000] [--no-build]
/* global document, window -- used in functions that run in the page */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CHROME_BUILD_DIR,
  extensionWorker,
  launchWithExtension,
  serveReplicasOnly,
} from '../lib/browser.mjs';

/** @param {string} name @param {number} fallback */
const arg = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const RUNS = arg('runs', 3);
const GRANTS = arg('grants', 10_000);
const EVENTS_PER_GRANT = 10;
const IMPORT_ROWS = GRANTS;

if (!process.argv.includes('--no-build') || !existsSync(join(CHROME_BUILD_DIR, 'manifest.json'))) {
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// A copy of the built extension with the baseline page added. The blob needs `unlimitedStorage`:
// 10,000 grants with their history are far over chrome.storage.local's 10 MB quota (IndexedDB,
// which the register uses, has no such limit) — so the baseline gets it, the extension does not.
const dir = mkdtempSync(join(tmpdir(), 'register-bench-'));
cpSync(CHROME_BUILD_DIR, dir, { recursive: true });
for (const f of ['blob.html', 'blob.js'])
  cpSync(resolve('scripts/bench/register', f), join(dir, f));
cpSync(resolve('node_modules/papaparse/papaparse.min.js'), join(dir, 'papaparse.min.js'));
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
manifest.permissions = [...(manifest.permissions ?? []), 'unlimitedStorage'];
writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));

const context = await launchWithExtension({ headless: true, extensionDir: dir });
try {
  await serveReplicasOnly(context);
  const id = new URL((await extensionWorker(context)).url()).host;
  const url = (/** @type {string} */ path) => `chrome-extension://${id}/${path}`;

  // Let the register create its database, then seed it and the blob with the same rows.
  const page = await context.newPage();
  await page.goto(url('register.html'));
  await page.getByTestId('register-empty').waitFor();
  await page.goto(url('blob.html'));
  const seeded = await page.evaluate((o) => /** @type {any} */ (window).seedBoth(o), {
    grants: GRANTS,
    eventsPerGrant: EVENTS_PER_GRANT,
  });
  console.log(
    `Seeded ${seeded.grants.toLocaleString('en')} grants and ${seeded.events.toLocaleString('en')} events (${(seeded.bytes / 1e6).toFixed(1)} MB as JSON) into both stores; median of ${RUNS} runs each.\n`,
  );

  const median = (/** @type {number[]} */ xs) =>
    xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const time = async (/** @type {() => Promise<unknown>} */ fn) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  /** @type {{ task: string; register: number; blob: number }[]} */
  const results = [];
  /** @param {string} task @param {number} register @param {number} blob */
  const record = (task, register, blob) => results.push({ task, register, blob });

  // 1. Popup open → first rows shown (a fresh page each time, like opening the popup).
  /** @param {string} path @param {string} selector */
  const popupRun = async (path, selector) => {
    const p = await context.newPage();
    const ms = await time(async () => {
      await p.goto(url(path));
      await p.locator(selector).first().waitFor({ timeout: 180_000 });
    });
    await p.close();
    return ms;
  };
  /** @param {() => Promise<number>} fn */
  const runs = async (fn) => {
    await fn(); // warm-up, not counted
    const out = [];
    for (let i = 0; i < RUNS; i++) out.push(await fn());
    return median(out);
  };
  record(
    'Popup open → first rows',
    await runs(() => popupRun('popup.html', '[data-testid="popup-list"] li')),
    await runs(() => popupRun('blob.html?task=popup', '#list li')),
  );

  // 2. Register search: one keystroke → the result count changes.
  /**
   * @param {import('@playwright/test').Page} p
   * @param {import('@playwright/test').Locator} input
   * @param {string} count
   */
  const keystroke = async (p, input, count) => {
    // A background tab's animation frames are throttled: measure in the front tab, polling.
    await p.bringToFront();
    await input.fill('person 1');
    await p.waitForFunction(
      (sel) =>
        /^\d/.test(document.querySelector(sel)?.textContent ?? '') &&
        document.querySelector(sel)?.textContent !== '',
      count,
    );
    await p.waitForTimeout(400); // let the previous query settle (not timed)
    const before = await p.locator(count).textContent();
    const ms = await time(async () => {
      await input.press('7');
      const args = { sel: count, prev: before ?? '' };
      await p.waitForFunction((a) => document.querySelector(a.sel)?.textContent !== a.prev, args, {
        polling: 5,
      });
    });
    return ms;
  };
  const registerPage = await context.newPage();
  await registerPage.goto(url('register.html'));
  await registerPage.getByTestId('grant-row').first().waitFor({ timeout: 60_000 });
  const blobPage = await context.newPage();
  await blobPage.goto(url('blob.html?task=register'));
  await blobPage.locator('#list li').first().waitFor({ timeout: 60_000 });
  record(
    'Register search keystroke → results',
    await runs(() =>
      keystroke(
        registerPage,
        registerPage.getByRole('searchbox', { name: 'Search' }),
        '[data-testid="result-count"]',
      ),
    ),
    await runs(() => keystroke(blobPage, blobPage.locator('#q'), '#count')),
  );

  // 3. JSON export: click → the download starts.
  /** @param {import('@playwright/test').Page} p @param {() => Promise<unknown>} click */
  const download = (p, click) =>
    time(async () => {
      const started = p.waitForEvent('download', { timeout: 120_000 });
      await click();
      await (await started).cancel();
    });
  record(
    'JSON export (full backup)',
    await runs(() =>
      download(registerPage, () =>
        registerPage.getByRole('button', { name: 'Full backup (JSON)' }).click(),
      ),
    ),
    await runs(() =>
      download(blobPage, () => blobPage.evaluate(() => /** @type {any} */ (window).exportJson())),
    ),
  );

  // 4. Import of a 10,000-row CSV of new grants (once: it changes the register).
  const header =
    'account_kind,account_id,account_name,ownership,party_kind,name,email,partner_bc_id,organisation,bc_role,asset_role,status,invited_at,accepted_at';
  const rows = Array.from(
    { length: IMPORT_ROWS },
    (_, i) =>
      `business_center,72${String(i % 2000).padStart(17, '0')},Imported ${i % 2000},mine,person,New Person ${i},new${i}@import.example,,Agency ${i % 30},standard,operator,active,2026-10-01,2026-10-02`,
  );
  const csv = [header, ...rows].join('\r\n');
  const registerImport = await time(async () => {
    await registerPage.getByTestId('import-file').setInputFiles({
      name: 'bench.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await registerPage
      .getByTestId('import-status')
      .getByText(/^Imported bench\.csv/)
      .waitFor({ timeout: 300_000 });
  });
  const blobImport = await time(() =>
    blobPage.evaluate((text) => /** @type {any} */ (window).importCsv(text), csv),
  );
  record(
    `Import of a ${IMPORT_ROWS.toLocaleString('en')}-row CSV (one run)`,
    registerImport,
    blobImport,
  );

  const width = Math.max(...results.map((r) => r.task.length));
  console.log(
    `${'Task'.padEnd(width)}  Register (IndexedDB)  Blob (storage.local)  Blob ÷ Register`,
  );
  for (const r of results) {
    console.log(
      `${r.task.padEnd(width)}  ${`${r.register.toFixed(0)} ms`.padStart(20)}  ${`${r.blob.toFixed(0)} ms`.padStart(20)}  ${`${(r.blob / r.register).toFixed(2)}×`.padStart(15)}`,
    );
  }
  console.log(
    '\nBlob ÷ Register above 1 means the register is faster. The blob baseline does not validate rows, and needs unlimitedStorage.',
  );
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
