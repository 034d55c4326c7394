// The register at 1,000, 10,000 and 100,000 grants, in the real built extension in Chromium:
// each task timed beside the same work done with the register kept as one chrome.storage.local
// JSON blob (scripts/bench/register/blob.js), in the same run, so how each cost grows is visible.
// Every scale gets a fresh browser profile. At 100,000 grants the blob is left out: with its
// history it would be over a gigabyte of JSON, which storage.local cannot hold in one value.
//   node scripts/bench/register.bench.mjs [--runs=3] [--scales=1000,10000,100000] [--no-build]
//     [--ext DIR]...
// `--ext DIR` measures that build too (e.g. a saved copy of an older .output/chrome-mv3), beside
// the current one in the same run: each scale is seeded and measured in each build in turn (the
// seeding writes the records each build's schema stores), the blob once. Prints figures; asserts
// nothing.
/* global document, window, requestAnimationFrame, MutationObserver, DataTransfer -- used in functions that run in the page */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import {
  CHROME_BUILD_DIR,
  extensionWorker,
  launchWithExtension,
  serveReplicasOnly,
} from '../lib/browser.mjs';
import { arg, buildUnlessAsked } from './options.mjs';

/** @param {string} name @returns {string[]} */
const values = (name) =>
  process.argv.flatMap((a, i) => {
    const value = process.argv[i + 1];
    return a === name && value ? [value] : [];
  });
const RUNS = Number(arg('runs', '3'));
/** The builds measured: this one, then each `--ext DIR`, labelled by their folder's name. */
const BUILDS = [CHROME_BUILD_DIR, ...values('--ext').map((dir) => resolve(dir))];
const labelOf = (/** @type {string} */ dir) =>
  dir === CHROME_BUILD_DIR ? 'this build' : basename(dir) || dir;
const SCALES = arg('scales', '1000,10000,100000').split(',').map(Number);
/** History per grant: ten events (100,000 at 10,000 grants), two at 100,000 to keep seeding short. */
const eventsPerGrant = (/** @type {number} */ grants) => (grants > 10_000 ? 2 : 10);
/** The blob is measured up to this scale. */
const BLOB_MAX = 10_000;

buildUnlessAsked();

// A copy of each build with the baseline page added. The blob needs `unlimitedStorage`: 10,000
// grants with their history are far over chrome.storage.local's 10 MB quota (IndexedDB, which
// the register uses, has no such limit) — so the baseline gets it, the extension does not.
/** @param {string} build */
function benchCopy(build) {
  const dir = mkdtempSync(join(tmpdir(), 'register-bench-'));
  cpSync(build, dir, { recursive: true });
  for (const f of ['blob.html', 'blob.js'])
    cpSync(resolve('scripts/bench/register', f), join(dir, f));
  cpSync(resolve('node_modules/papaparse/papaparse.min.js'), join(dir, 'papaparse.min.js'));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.permissions = [...(manifest.permissions ?? []), 'unlimitedStorage'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
const copies = BUILDS.map((build) => ({ label: labelOf(build), dir: benchCopy(build) }));

const median = (/** @type {number[]} */ xs) =>
  xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const time = async (/** @type {() => Promise<unknown>} */ fn) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};
/** @param {() => Promise<number>} fn */
const runs = async (fn) => {
  await fn(); // warm-up, not counted
  const out = [];
  for (let i = 0; i < RUNS; i++) out.push(await fn());
  return median(out);
};

/**
 * Type one character and time, in the page, from the keydown to the first animation frame
 * after the result count changed: the frame that paints the new results. Timed in the page so
 * that the automation's own round trips are not counted (they were larger than the work).
 * @param {import('@playwright/test').Page} p
 * @param {import('@playwright/test').Locator} input
 * @param {string} count
 */
async function keystroke(p, input, count) {
  // A background tab's animation frames are throttled: measure in the front tab.
  await p.bringToFront();
  await input.fill('person 1');
  await p.waitForFunction(
    (sel) => /^\d/.test(document.querySelector(sel)?.textContent ?? ''),
    count,
  );
  await p.waitForTimeout(400); // let the previous query settle (not timed)
  const measured = p.evaluate(
    (sel) =>
      new Promise((resolveMs) => {
        const el = /** @type {Element} */ (document.querySelector(sel));
        const before = el.textContent;
        let t0 = 0;
        document.addEventListener('keydown', () => (t0 = performance.now()), {
          capture: true,
          once: true,
        });
        const seen = new MutationObserver(() => {
          if (el.textContent === before) return;
          seen.disconnect();
          requestAnimationFrame(() => resolveMs(performance.now() - t0));
        });
        seen.observe(el, { childList: true, characterData: true, subtree: true });
      }),
    count,
  );
  await input.press('7');
  return /** @type {number} */ (await measured);
}

/** Watch the page's main thread: the longest task and the longest gap between frames. */
async function watchMainThread(/** @type {import('@playwright/test').Page} */ p) {
  await p.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.mainThread = { longestTask: 0, longestFrameGap: 0, watching: true };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.mainThread.longestTask = Math.max(w.mainThread.longestTask, e.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const frame = (/** @type {number} */ t) => {
      w.mainThread.longestFrameGap = Math.max(w.mainThread.longestFrameGap, t - last);
      last = t;
      if (w.mainThread.watching) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
/** @returns {Promise<{ longestTask: number; longestFrameGap: number }>} */
const mainThreadSeen = (/** @type {import('@playwright/test').Page} */ p) =>
  p.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.mainThread.watching = false;
    return w.mainThread;
  });

/** @typedef {{ task: string; grants: number; build: string; register: number; blob: number | null }} Result */

/**
 * @param {number} grants
 * @param {{ label: string; dir: string }} build
 * @param {boolean} withBlob measure the blob baseline too
 * @returns {Promise<Result[]>}
 */
async function benchScale(grants, build, withBlob) {
  /** @type {Result[]} */
  const results = [];
  /** @param {string} task @param {number} register @param {number | null} blob */
  const record = (task, register, blob) =>
    results.push({ task, grants, build: build.label, register, blob });
  const context = await launchWithExtension({ headless: true, extensionDir: build.dir });
  try {
    await serveReplicasOnly(context);
    const id = new URL((await extensionWorker(context)).url()).host;
    const url = (/** @type {string} */ path) => `chrome-extension://${id}/${path}`;

    // Let the register create its database, then seed it (and the blob) with the same rows.
    const page = await context.newPage();
    await page.goto(url('register.html'));
    await page.getByTestId('register-empty').waitFor();
    await page.goto(url('blob.html'));
    const seeded = await page.evaluate(
      ([o, both]) => /** @type {any} */ (window)[both ? 'seedBoth' : 'seedRegister'](o),
      // The blob is seeded wherever it fits, measured or not: writing 100 MB into
      // storage.local keeps the browser busy for a while after, and every build is measured
      // in a browser that went through the same.
      /** @type {const} */ ([
        { grants, eventsPerGrant: eventsPerGrant(grants) },
        grants <= BLOB_MAX,
      ]),
    );
    console.log(
      `\n${build.label}: ${seeded.grants.toLocaleString('en')} grants, ${seeded.events.toLocaleString('en')} events${Number.isNaN(seeded.bytes) ? ' in the register only' : ` (${(seeded.bytes / 1e6).toFixed(1)} MB as JSON) in both stores`}; median of ${RUNS} runs each.`,
    );

    // 1. Popup open → first rows shown (a fresh page each time, like opening the popup): from
    // the page's navigation start to the first frame after its first row is in the document,
    // recorded in the page so that the automation's own page set-up is not counted.
    await context.addInitScript(() => {
      const w = /** @type {any} */ (window);
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="popup-list"] li, #list li')) return;
        seen.disconnect();
        requestAnimationFrame(() => (w.firstRowsAt = performance.now()));
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    /** @param {string} path @param {string} selector */
    const popupRun = async (path, selector) => {
      const p = await context.newPage();
      await p.goto(url(path));
      await p.locator(selector).first().waitFor({ timeout: 300_000 });
      const at = await p.waitForFunction(() => /** @type {any} */ (window).firstRowsAt);
      const ms = /** @type {number} */ (await at.jsonValue());
      await p.close();
      return ms;
    };
    record(
      'Popup open → first rows painted',
      await runs(() => popupRun('popup.html', '[data-testid="popup-list"] li')),
      withBlob ? await runs(() => popupRun('blob.html?task=popup', '#list li')) : null,
    );

    // 2. The register page: open → first rows, then one search keystroke → results painted.
    const registerPage = await context.newPage();
    const registerOpen = await time(async () => {
      await registerPage.goto(url('register.html'));
      await registerPage.getByTestId('grant-row').first().waitFor({ timeout: 300_000 });
    });
    const blobPage = await context.newPage();
    const blobOpen = withBlob
      ? await time(async () => {
          await blobPage.goto(url('blob.html?task=register'));
          await blobPage.locator('#list li').first().waitFor({ timeout: 300_000 });
        })
      : null;
    record('Register open → first rows (once)', registerOpen, blobOpen);
    record(
      'Search keystroke → results painted',
      await runs(() =>
        keystroke(
          registerPage,
          registerPage.getByRole('searchbox', { name: 'Search' }),
          '[data-testid="result-count"]',
        ),
      ),
      withBlob ? await runs(() => keystroke(blobPage, blobPage.locator('#q'), '#count')) : null,
    );
    await registerPage.getByRole('searchbox', { name: 'Search' }).fill('');
    // The blob's register page holds the whole blob as objects (hundreds of MB at 10,000 grants)
    // in the renderer that the extension's pages share; left open, it slowed the register's own
    // export and import, in the one build that measures the blob. Its export and import below
    // load what they need themselves.
    if (withBlob) await blobPage.goto(url('blob.html'));

    // IndexedDB's own cost of what the export reads, without the register's code
    // (scripts/bench/register/blob.js): the floor the export is read against, timed like it.
    // Measured here, not straight after seeding, when the database still settles its writes.
    const readFloor = await runs(() =>
      page.evaluate(() => /** @type {any} */ (window).idbReadFloor()),
    );

    // 3. JSON export: click → the download starts.
    /** @param {import('@playwright/test').Page} p @param {() => Promise<unknown>} click */
    const download = (p, click) =>
      time(async () => {
        const started = p.waitForEvent('download', { timeout: 300_000 });
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
      withBlob
        ? await runs(() =>
            download(blobPage, () =>
              blobPage.evaluate(() => /** @type {any} */ (window).exportJson()),
            ),
          )
        : null,
    );

    // 4. Import of a CSV of new grants, as many rows as the register holds (once: it changes
    // the register), with the page's main thread watched throughout.
    const header =
      'account_kind,account_id,account_name,ownership,party_kind,name,email,partner_bc_id,organisation,bc_role,asset_role,status,invited_at,accepted_at';
    const rows = Array.from(
      { length: grants },
      (_, i) =>
        `business_center,72${String(i % 2000).padStart(17, '0')},Imported ${i % 2000},mine,person,New Person ${i},new${i}@import.example,,Agency ${i % 30},standard,operator,active,2026-10-01,2026-10-02`,
    );
    const csv = [header, ...rows].join('\r\n');
    // The same for the records this import writes, into a scratch database.
    const writeFloor = await page.evaluate(
      (n) => /** @type {any} */ (window).idbWriteFloor({ rows: n }),
      grants,
    );
    await registerPage.bringToFront();
    // The file is made in the page before the watch starts: Playwright's `setInputFiles` decodes
    // the bytes from base64 and builds the File in the page's main thread, a task of 190 – 300 ms
    // at 10,000 rows that the watch counted as the import's longest. Choosing a file costs the
    // page none of that; what is timed starts where the user's choice would (the input's change).
    await registerPage.evaluate((text) => {
      /** @type {any} */ (window).benchFile = new File([text], 'bench.csv', { type: 'text/csv' });
    }, csv);
    await watchMainThread(registerPage);
    const registerImport = await time(async () => {
      await registerPage.getByTestId('import-file').evaluate((input) => {
        const chosen = new DataTransfer();
        chosen.items.add(/** @type {any} */ (window).benchFile);
        /** @type {HTMLInputElement} */ (input).files = chosen.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await registerPage
        .getByTestId('import-status')
        .getByText(/^Imported bench\.csv/)
        .waitFor({ timeout: 900_000 });
    });
    const seen = await mainThreadSeen(registerPage);
    const blobImport = withBlob
      ? await time(() =>
          blobPage.evaluate((text) => /** @type {any} */ (window).importCsv(text), csv),
        )
      : null;
    record(`Import of a ${grants.toLocaleString('en')}-row CSV (once)`, registerImport, blobImport);
    record('  page during import: longest task', seen.longestTask, null);
    record('  page during import: longest frame gap', seen.longestFrameGap, null);
    record('IndexedDB alone: getAll of every store', readFloor, null);
    record("IndexedDB alone: the import's records", writeFloor.write, null);
    record('  the same, events 100 to a record (v4)', writeFloor.packed, null);
    for (const r of results)
      console.log(
        `  ${r.task.padEnd(44)} ${`${r.register.toFixed(0)} ms`.padStart(10)}${r.blob === null ? '' : `  (blob ${r.blob.toFixed(0)} ms)`}`,
      );
    return results;
  } finally {
    await context.close();
  }
}

try {
  /** @type {Result[]} */
  const all = [];
  for (const grants of SCALES)
    for (const [i, build] of copies.entries())
      all.push(...(await benchScale(grants, build, i === 0 && grants <= BLOB_MAX)));
  const tasks = [...new Set(all.map((r) => r.task.replace(/[\d,]+-row/, 'N-row')))];
  const width = Math.max(...tasks.map((t) => t.length));
  const cell = (/** @type {number | null | undefined} */ ms) =>
    (ms === null || ms === undefined ? '—' : `${ms.toFixed(0)} ms`).padStart(10);
  const labels = copies.map((c) => c.label);
  const heading = (/** @type {number} */ s) =>
    `${s.toLocaleString('en')} grants: ${labels.join(' / ')} / blob`;
  const colWidth = Math.max(...SCALES.map((s) => heading(s).length)) + 2;
  console.log(
    `\n${'Task'.padEnd(width)}  ${SCALES.map((s) => heading(s).padStart(colWidth)).join('')}`,
  );
  for (const task of tasks) {
    const line = SCALES.map((grants) => {
      const found = (/** @type {string} */ label) =>
        all.find(
          (x) =>
            x.grants === grants &&
            x.build === label &&
            x.task.replace(/[\d,]+-row/, 'N-row') === task,
        );
      const blob = found(labels[0] ?? '')?.blob;
      return [...labels.map((l) => cell(found(l)?.register)), cell(blob)]
        .join(' /')
        .padStart(colWidth);
    });
    console.log(`${task.padEnd(width)}  ${line.join('')}`);
  }
  console.log(
    '\nRegister: IndexedDB through the extension. Blob: the same data as one chrome.storage.local value (no validation; needs unlimitedStorage; not run at 100,000).' +
      '\nPopup: navigation start → first frame with a row, in the page. Search is timed in the page, keydown → first frame after the result count changed. "IndexedDB alone" is the raw API in the same browser: one getAll of every store (the floor of an export), and the accounts, people, grants and events the import writes, put in one transaction into a scratch database with the register’s indexes (the floor of an import). "Longest task" is the longest main-thread task (Long Tasks API, 0 when none reached 50 ms); "longest frame gap" is the longest time between animation frames.',
  );
} finally {
  for (const c of copies) rmSync(c.dir, { recursive: true, force: true });
}
