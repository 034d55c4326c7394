/* global window, document, HTMLElement, HTMLInputElement, HTMLTextAreaElement, MutationObserver -- these run in the browser, via Playwright */
// What the extension costs TikTok's page's main thread, measured in one run in Chromium on the
// replicas (served on their real URLs, nothing sent anywhere), and what runs in the page.
//
// The figures, all of the main thread of the renderer that holds the TikTok page (CDP
// Performance.getMetrics on the page's own target; each visit's page gets a fresh process):
//   CPU        ThreadTime, the thread's CPU time. The one to read: on a busy machine the other two
//              count time the thread was ready but not scheduled, which swings with the load;
//   task       TaskDuration − DevToolsCommandDuration, the wall time of every task the thread ran
//              (scripts of the page and of the content scripts, style, layout, paint, garbage
//              collection) without the bench's own CDP commands;
//   scripting  ScriptDuration, JavaScript only.
// The companion frame is an extension page in its own process (checked and printed below), so its
// React is not on this thread, and the extension's background is a worker elsewhere.
//
// Nothing of the bench's runs in the page while a phase is measured: no locator polling, no
// init script, no observer of its own. The phases' page work (paging, typing) runs in one evaluate
// whose command returns at once, the panel is driven inside the companion frame (another
// process), and waits are made from Node (the frame list, timers). Variants — Chromium without the
// extension, and each build given — are visited in turn, the order rotating from round to round
// so that drift on a busy machine hits all alike; each figure is the median over the rounds,
// printed with its spread (min–max) and the ratio with ÷ without.
//
// Members replica, three phases of one visit:
//   load + idle   navigation until the table is up (and, with the extension, the panel), + 1 s;
//   table churn   the rows' class names change 20 times (a new build's hashes), the table is
//                 paged 4 times;
//   Invite walk   an Invite Member walk as a user clicks and types it, stopped before inviting;
//                 with the extension, the add-member checklist is started from the panel first.
// Ads Manager replica (the watcher only): load + 1.5 s idle.
//
// Beside them, "floor": scripts/bench/floor-extension, an extension that frames an extension page
// into the Members page like the panel and does nothing else (no watcher, no agent). It is what
// any UI framed into TikTok's page costs that page, so the companion's cost reads as the frame's
// plus its agent's (`--no-floor` leaves it out).
//
//   node scripts/bench/overlay.bench.mjs [--no-build] [--ext DIR]... [--runs N] [--load-only]
// `--load-only` measures the Members load + idle phase alone (a visit takes seconds instead of a
// minute, so builds can be compared over many more rounds in the same time). `--ext DIR` measures that build (e.g. a saved copy of an older .output/chrome-mv3) beside the
// current one; `--ext DIR` given alone with `--no-build`, or `--only-ext`, measures only the
// builds named. Prints figures; asserts nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { BC_MEMBERS_URL, REPLICA_URLS } from '../../tests/fixtures/tiktok/replicas.mjs';
import {
  CHROME_BUILD_DIR,
  QUIET_FLAGS,
  launchWithExtension,
  serveReplicasOnly,
} from '../lib/browser.mjs';
import { findChromium } from '../lib/find-chromium.mjs';

/** @param {string} name @returns {string[]} */
const values = (name) =>
  process.argv.flatMap((a, i) => {
    const value = process.argv[i + 1];
    return a === name && value ? [value] : [];
  });
const RUNS = Number(values('--runs')[0] ?? process.env.BENCH_RUNS ?? 7);
const LOAD_ONLY = process.argv.includes('--load-only');
/** A phase not measured (`--load-only`): printed as nothing. */
const UNMEASURED = { task: NaN, script: NaN, cpu: NaN };
/** The floor: a framed extension page and nothing else (see above). */
const FLOOR_DIR = resolve('scripts/bench/floor-extension');
const WITH_FLOOR = !process.argv.includes('--no-floor');
const others = values('--ext').map((dir) => resolve(dir));
const builds = [
  ...(process.argv.includes('--only-ext') && others.length > 0 ? [] : [CHROME_BUILD_DIR]),
  ...others,
];
const labelOf = (/** @type {string} */ dir) =>
  dir === CHROME_BUILD_DIR ? 'this build' : dir === FLOOR_DIR ? 'floor' : basename(dir) || dir;

if (!process.argv.includes('--no-build') && builds.includes(CHROME_BUILD_DIR)) {
  console.log('Building the Chrome extension (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
}

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};
/** @param {number} x */
const ms = (x) => `${x.toFixed(1)} ms`;
/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pause = (/** @type {number} */ t) => new Promise((r) => setTimeout(r, t));

/** @typedef {{ task: number; script: number; cpu: number }} Cost */

/**
 * The page's main-thread figures so far, in ms (see the header for what each one is).
 * @param {import('@playwright/test').CDPSession} cdp
 * @returns {Promise<Cost>}
 */
async function mainThread(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (/** @type {string} */ name) =>
    1000 * (metrics.find((m) => m.name === name)?.value ?? NaN);
  return {
    task: get('TaskDuration') - get('DevToolsCommandDuration'),
    script: get('ScriptDuration'),
    cpu: get('ThreadTime'),
  };
}
/** @param {Cost} a @param {Cost} b @returns {Cost} */
const since = (a, b) => ({
  task: b.task - a.task,
  script: b.script - a.script,
  cpu: b.cpu - a.cpu,
});

/** In the page: change the rows' class names (a new build's hashes) and page the table. */
async function churnInPage() {
  const wait = (/** @type {number} */ t) => new Promise((r) => setTimeout(r, t));
  // The bench's evaluate command ends here; the work runs in the page's own tasks.
  await wait(0);
  for (let i = 0; i < 20; i++) {
    for (const row of document.querySelectorAll('main [data-row-key]'))
      row.className = row.className.replace(/\s*\bh\d+$/, '') + ` h${i}`;
    await wait(50);
  }
  for (const n of ['2', '1', '2', '1']) {
    const button = document.querySelector(`main [aria-label="Page ${n}"]`);
    if (!(button instanceof HTMLElement)) throw new Error(`no "Page ${n}" button`);
    button.click();
    await wait(150);
  }
}

/**
 * In the page: one Invite Member walk, as a user would click and type it. Stops short of
 * inviting, so every run is alike.
 */
async function walkInPage() {
  const wait = (/** @type {number} */ t = 100) => new Promise((r) => setTimeout(r, t));
  await wait(0); // as in churnInPage
  /** @param {ParentNode} root @param {string} selector @param {RegExp} text */
  const find = (root, selector, text) => {
    const found = [...root.querySelectorAll(selector)].find((e) => text.test(e.textContent ?? ''));
    if (!(found instanceof HTMLElement)) throw new Error(`nothing like ${text} to use`);
    return found;
  };
  find(document, 'main button', /^Invite Member$/).click();
  await wait();
  const dialog = find(document, '[role=dialog]', /Invite Member/);
  const emails = find(dialog, 'label', /Email address/);
  const field = document.getElementById(emails.getAttribute('for') ?? '');
  if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement))
    throw new Error('no email field');
  field.focus();
  for (const ch of 'bench@example.com') {
    field.value += ch;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await wait(20);
  }
  field.dispatchEvent(new Event('change', { bubbles: true }));
  find(dialog, 'label', /Standard/)
    .querySelector('input')
    ?.click();
  await wait();
  find(dialog, 'button', /^Next$/).click();
  await wait();
  find(dialog, 'label', /Northwind US/)
    .querySelector('input')
    ?.click();
  await wait();
  find(dialog, 'button', /^Back$/).click();
  await wait();
  find(dialog, 'button', /^Cancel$/).click();
  await wait(300);
}

/**
 * The companion frame once its panel is up, found from Node (the page's frame list) and asked
 * inside the frame, so waiting for it costs the page's thread nothing.
 * @param {import('@playwright/test').Page} page
 */
async function companionFrame(page) {
  for (let i = 0; i < 400; i++) {
    const frame = page
      .frames()
      .find((f) => /^chrome-extension:\/\/[^/]+\/companion\.html/.test(f.url()));
    if (frame) {
      const up = await frame
        .evaluate(() => document.querySelector('[data-testid=companion-panel]') !== null)
        .catch(() => false);
      if (up) return frame;
    }
    await pause(25);
  }
  throw new Error('no companion panel');
}

/**
 * Click a button of the panel inside the frame (the frame's process, not the page's).
 * @param {import('@playwright/test').Frame} frame
 * @param {string} selector
 * @param {string} [text] a pattern its text must match
 */
async function clickInFrame(frame, selector, text) {
  await frame.evaluate(
    ({ sel, pattern }) => {
      const re = pattern ? new RegExp(pattern) : null;
      const button = [...document.querySelectorAll(sel)].find(
        (b) => !re || re.test(b.textContent ?? ''),
      );
      if (!(button instanceof HTMLElement))
        throw new Error(`no ${sel} ${pattern ?? ''} in the panel`);
      button.click();
    },
    { sel: selector, pattern: text ?? '' },
  );
}

/**
 * Whether the frame runs in a process of its own: only an out-of-process frame gets a CDP session
 * of its own.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {import('@playwright/test').Frame} frame
 */
async function outOfProcess(context, frame) {
  try {
    const session = await context.newCDPSession(frame);
    await session.detach();
    return true;
  } catch {
    return false;
  }
}

/**
 * One visit of the Members replica: the three phases' main-thread cost.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {boolean} extension
 * @param {boolean} checklists whether the frame is the companion's, with checklists to start
 */
async function visitMembers(context, extension, checklists = extension) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const loadedAt = Date.now();
  await page.goto(BC_MEMBERS_URL);
  // The replica renders its table 600 ms after load (TikTok's API answering).
  const frame = extension ? await companionFrame(page) : null;
  await pause(Math.max(1000, loadedAt + 1600 - Date.now()));
  const load = await mainThread(cdp);
  const ready = await page.evaluate(() => /Records in Total/.test(document.body.textContent ?? ''));
  if (!ready) throw new Error('the table was not up after load + idle');
  if (LOAD_ONLY) {
    await page.close();
    return { costs: { load, churn: UNMEASURED, walk: UNMEASURED }, separate: null };
  }

  const churnFrom = await mainThread(cdp);
  await page.evaluate(churnInPage);
  await pause(300);
  const churnTo = await mainThread(cdp);

  // The checklist's start (its first reading of the page) counts with the walk.
  const walkFrom = await mainThread(cdp);
  if (frame && checklists) {
    await clickInFrame(frame, 'button[data-checklist="add-member"]');
    await pause(150);
  }
  await page.evaluate(walkInPage);
  const walkTo = await mainThread(cdp);
  const separate = frame ? await outOfProcess(context, frame) : null;
  if (frame && checklists)
    await clickInFrame(frame, '[data-testid=checklist] button', 'Abandon|Close');
  await page.close();
  return {
    costs: { load, churn: since(churnFrom, churnTo), walk: since(walkFrom, walkTo) },
    separate,
  };
}

/**
 * One visit of the Ads Manager replica: load + 1.5 s idle.
 * @param {import('@playwright/test').BrowserContext} context
 */
async function visitAdsManager(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(REPLICA_URLS.adsDashboard);
  await pause(1500);
  const load = await mainThread(cdp);
  const ready = await page.evaluate(() => /Campaign 200/.test(document.body.textContent ?? ''));
  if (!ready) throw new Error('the Ads Manager replica was not up after load + idle');
  await page.close();
  return { load };
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** @type {{ label: string; extension: boolean; checklists: boolean; context: import('@playwright/test').BrowserContext }[]} */
const variants = [];
try {
  variants.push({
    label: 'without',
    extension: false,
    checklists: false,
    context: await chromium.launchPersistentContext('', {
      executablePath: findChromium(),
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        ...(asRoot ? ['--no-sandbox'] : []),
        // The same quiet browser as the builds with the extension, only without one.
        ...QUIET_FLAGS,
      ],
    }),
  });
  if (WITH_FLOOR)
    variants.push({
      label: labelOf(FLOOR_DIR),
      extension: true,
      checklists: false,
      context: await launchWithExtension({ headless: true, extensionDir: FLOOR_DIR }),
    });
  for (const dir of builds)
    variants.push({
      label: labelOf(dir),
      extension: true,
      checklists: true,
      context: await launchWithExtension({ headless: true, extensionDir: dir }),
    });
  for (const v of variants) await serveReplicasOnly(v.context);

  /** @type {Map<string, { members: Awaited<ReturnType<typeof visitMembers>>['costs'][]; ads: Cost[] }>} */
  const results = new Map(variants.map((v) => [v.label, { members: [], ads: [] }]));
  /** @type {Map<string, boolean | null>} */
  const separate = new Map();
  // Round 0 warms each browser up (the first injection compiles the bundles) and is not counted.
  for (let round = 0; round <= RUNS; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const v of order) {
      if (!v) continue;
      const visit = await visitMembers(v.context, v.extension, v.checklists);
      if (round > 0) results.get(v.label)?.members.push(visit.costs);
      if (v.checklists && !LOAD_ONLY) separate.set(v.label, visit.separate);
    }
    for (const v of [...order].reverse()) {
      if (!v || LOAD_ONLY) continue;
      const { load } = await visitAdsManager(v.context);
      if (round > 0) results.get(v.label)?.ads.push(load);
    }
    if (round > 0) process.stdout.write(`  round ${round}/${RUNS} done\r`);
  }

  for (const [label, out] of separate)
    console.log(
      `\n${label}: the companion frame runs ${out ? 'in a process of its own (not on the page’s thread)' : 'IN THE PAGE’S PROCESS: its React counts below'}`,
    );

  /**
   * @param {string} title
   * @param {(label: string) => Cost[]} pick
   */
  const table = (title, pick) => {
    console.log(`\n${title}`);
    const base = pick('without');
    for (const [kind, name] of /** @type {const} */ ([
      ['cpu', 'CPU'],
      ['task', 'task'],
      ['script', 'scripting'],
    ])) {
      const baseline = median(base.map((c) => c[kind]));
      const floor = median(pick('floor').map((c) => c[kind]));
      const cells = variants.map((v) => {
        const xs = pick(v.label).map((c) => c[kind]);
        const m = median(xs);
        // A build's cost beyond the floor's is its agent's and watcher's own.
        const beyond = v.checklists && Number.isFinite(floor) ? `, floor + ${ms(m - floor)}` : '';
        const ratio = v.label === 'without' ? '' : ` ${(m / baseline).toFixed(2)}×${beyond}`;
        return `${v.label} ${ms(m)} [${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]${ratio}`;
      });
      console.log(`  ${name.padEnd(10)} ${cells.join('   ')}`);
    }
  };
  console.log(
    `\nMain-thread time of the TikTok page's renderer, median [min–max] of ${RUNS} rounds, ratio with ÷ without:`,
  );
  for (const [title, key] of /** @type {const} */ ([
    ['BC Members, load + 1 s idle', 'load'],
    ['BC Members, table churn (20 class flips, 4 page changes)', 'churn'],
    ['BC Members, Invite Member walk (with: add-member checklist running)', 'walk'],
  ])) {
    if (LOAD_ONLY && key !== 'load') continue;
    table(title, (label) => (results.get(label)?.members ?? []).map((c) => c[key]));
  }
  if (!LOAD_ONLY)
    table(
      'Ads Manager dashboard, load + 1.5 s idle (the watcher only)',
      (label) => results.get(label)?.ads ?? [],
    );
} finally {
  for (const v of variants) await v.context.close();
}

// What runs in TikTok's page: the page agent (injected only on access pages) and the watcher (on
// every TikTok page). The panel's React runs in the companion frame, outside it.
for (const dir of builds) {
  console.log(
    `\nIn TikTok's page, ${labelOf(dir)} (the agent only on access pages, the watcher on every page):`,
  );
  for (const file of [
    'overlay.js',
    // Where builds before the agent became an unlisted script put it.
    'content-scripts/overlay.js',
    'content-scripts/overlay.css',
    'tiktok-watch.js',
  ]) {
    if (!existsSync(join(dir, file))) continue;
    const body = readFileSync(join(dir, file));
    console.log(
      `  ${file.padEnd(30)} ${kb(body.length).padStart(9)} raw ${kb(gzipSync(body).length).padStart(9)} gzip`,
    );
  }
}

// Table appears → panel visible, in a browser of its own: the bench's observer in the page would
// otherwise count against the extension above.
if (builds.length > 0 && !LOAD_ONLY) {
  const dir = builds[0] ?? CHROME_BUILD_DIR;
  const context = await launchWithExtension({ headless: true, extensionDir: dir });
  try {
    await serveReplicasOnly(context);
    await context.addInitScript(() => {
      // Wall-clock times: this runs in the page and in the companion frame, whose clocks differ.
      const seen = { table: 0, panel: 0 };
      Reflect.set(window, '__bench', seen);
      const check = () => {
        if (!seen.table && document.querySelector('main table, main [role=table]'))
          seen.table = Date.now();
        const panel = document.querySelector('[data-testid=companion-panel]');
        if (!seen.panel && panel && panel.getBoundingClientRect().height > 0)
          seen.panel = Date.now();
        if (seen.table || seen.panel) observer.disconnect();
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true });
    });
    /** @type {number[]} */
    const latencies = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await context.newPage();
      await page.goto(BC_MEMBERS_URL);
      const frame = await companionFrame(page);
      await page.getByText(/Records in Total/).waitFor();
      await pause(50);
      const table = (await page.evaluate(() => Reflect.get(window, '__bench'))).table;
      const panel = (await frame.evaluate(() => Reflect.get(window, '__bench'))).panel;
      if (i > 0 && table && panel) latencies.push(panel - table); // the first load warms up
      await page.close();
    }
    console.log(
      `\nTable appears → panel visible (BC Members, ${labelOf(dir)}, ${latencies.length} loads): median ${ms(median(latencies))}, max ${ms(Math.max(...latencies))}`,
    );
    console.log('  (negative: the panel was up before the late table arrived)');
  } finally {
    await context.close();
  }
}
