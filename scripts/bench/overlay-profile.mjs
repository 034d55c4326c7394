/* global document, HTMLElement -- these run in the browser, via Playwright */
// Where the overlay's main-thread time goes on the Members replica: a CPU profile (CDP Profiler)
// of four phases — load until the table and the panel are up, two idle seconds, an Invite Member
// walk with the add-member checklist running, and table churn (paging back and forth, class
// names changing on the rows) — with time grouped by script (page, watcher, overlay) and the
// overlay's heaviest functions, self and inclusive. A tool for finding hot spots, not a bench:
// `npm run bench` does not run it (its name does not end in .bench.mjs).
//
//   node scripts/bench/overlay-profile.mjs [--ext DIR] [--top N]
// For readable function names, build unminified into another directory first, e.g. with a config
// that spreads wxt.config.ts and sets `outDir: '.output/profile'` (ignored by git) and
// `vite: () => ({ build: { minify: false } })`, then pass `--ext .output/profile/chrome-mv3`.
import { resolve } from 'node:path';
import { BC_MEMBERS_URL } from '../../tests/fixtures/tiktok/replicas.mjs';
import { launchWithExtension, serveReplicasOnly } from '../lib/browser.mjs';

/** @param {string} name @param {string} fallback */
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const extensionDir = resolve(arg('--ext', '.output/chrome-mv3') ?? '');
const TOP = Number(arg('--top', '12'));
/** A function whose self time to show line by line (`--lines onBatch`). */
const LINES = arg('--lines', '');

/** The scripts whose functions are listed: the agent's and the watcher's. */
const DETAILED = new Set(['overlay', 'watcher']);

/** @param {number} x */
const ms = (x) => `${x.toFixed(1)} ms`.padStart(10);

/**
 * Self and inclusive time per function, and self time per script, from a CDP CPU profile.
 * @param {{ nodes: any[]; samples?: number[]; timeDeltas?: number[] }} profile
 */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const script = (/** @type {string} */ url) =>
    !url
      ? 'other'
      : url.includes('overlay.js')
        ? 'overlay'
        : url.includes('tiktok-watch')
          ? 'watcher'
          : url.startsWith('chrome-extension://')
            ? 'extension (other)'
            : url.startsWith('https://business.tiktok.com')
              ? 'page'
              : 'other';
  const key = (/** @type {{ functionName: string; url: string; lineNumber: number }} */ f) =>
    `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {Map<string, number>} */
  const inclusive = new Map();
  /** @type {Map<string, number>} */
  const byScript = new Map();
  (profile.samples ?? []).forEach((id, i) => {
    const dt = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    const f = node.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') return;
    const s = f.functionName === '(garbage collector)' ? 'gc' : script(f.url);
    byScript.set(s, (byScript.get(s) ?? 0) + dt);
    // A sample counts for a script's function when the overlay is on the stack at all.
    const seen = new Set();
    let overlayOnStack = false;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const cf = byId.get(at).callFrame;
      if (!DETAILED.has(script(cf.url))) continue;
      if (script(cf.url) === 'overlay') overlayOnStack = true;
      const k = key(cf);
      if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      seen.add(k);
    }
    if (overlayOnStack)
      byScript.set('overlay on stack', (byScript.get('overlay on stack') ?? 0) + dt);
    if (DETAILED.has(s)) self.set(key(f), (self.get(key(f)) ?? 0) + dt);
  });
  /** @type {Map<number, number>} */
  const lines = new Map();
  for (const n of profile.nodes)
    if (LINES && n.callFrame.functionName === LINES && script(n.callFrame.url) === 'overlay')
      for (const { line, ticks } of n.positionTicks ?? [])
        lines.set(line, (lines.get(line) ?? 0) + ticks);
  if (lines.size > 0)
    console.log(
      `  ${LINES}, samples by line: ${[...lines]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([l, n]) => `${l}: ${n}`)
        .join(', ')}`,
    );
  const top = (/** @type {Map<string, number>} */ m) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  return { byScript, self: top(self), inclusive: top(inclusive) };
}

/** The agent's functions whose calls at load are counted (names as in an unminified build). */
const COUNTED = [
  'flush',
  'onBatch',
  'observePage',
  'readAccessTableUnsafe',
  'pageLayers',
  'pageControlBoxes',
  'placePanel',
  'layout',
  'readBcName',
  'readMembersReport',
];

/**
 * How often each of `names` ran in the overlay's script, from CDP precise coverage (call counts
 * are the count of the function's whole range).
 * @param {{ url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[]} scripts
 * @param {string[]} names
 */
function callCounts(scripts, names) {
  const counts = new Map(names.map((n) => [n, 0]));
  for (const s of scripts) {
    if (!s.url.includes('overlay.js')) continue;
    for (const f of s.functions)
      if (counts.has(f.functionName))
        counts.set(f.functionName, (counts.get(f.functionName) ?? 0) + (f.ranges[0]?.count ?? 0));
  }
  return counts;
}

const context = await launchWithExtension({ headless: true, extensionDir });
await serveReplicasOnly(context);

/**
 * @param {import('@playwright/test').Page} page
 * @param {import('@playwright/test').CDPSession} cdp
 * @param {string} name
 * @param {() => Promise<void>} work
 */
async function phase(page, cdp, name, work) {
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (/** @type {string} */ n) =>
      1000 * (metrics.find((m) => m.name === n)?.value ?? NaN);
    return { script: get('ScriptDuration'), task: get('TaskDuration') };
  };
  const before = await metric();
  // Taking the coverage resets its counters: what the next take counts is this phase's.
  await cdp.send('Profiler.takePreciseCoverage');
  await cdp.send('Profiler.start');
  await work();
  const { profile } = await cdp.send('Profiler.stop');
  const coverage = await cdp.send('Profiler.takePreciseCoverage');
  const after = await metric();
  const { byScript, self, inclusive } = summarise(profile);
  console.log(`\n## ${name}`);
  console.log(
    `ScriptDuration ${ms(after.script - before.script)}   TaskDuration ${ms(after.task - before.task)}`,
  );
  console.log('Profiled JS time by script:');
  for (const [s, t] of [...byScript].sort((a, b) => b[1] - a[1]))
    console.log(`  ${s.padEnd(18)}${ms(t)}`);
  console.log('Agent and watcher functions, inclusive:');
  for (const [k, t] of inclusive) console.log(`  ${ms(t)}  ${k}`);
  console.log('Agent and watcher functions, self:');
  for (const [k, t] of self) console.log(`  ${ms(t)}  ${k}`);
  console.log('Overlay calls:');
  for (const [fn, count] of callCounts(coverage.result, COUNTED))
    console.log(`  ${String(count).padStart(6)}  ${fn}`);
}

/**
 * The panel: in the companion frame (found by URL), or in an older build's open shadow root.
 * @param {import('@playwright/test').Page} page
 */
async function panelOf(page) {
  for (let i = 0; i < 300; i++) {
    const frame = page.frames().find((f) => f.url().includes('/companion.html'));
    const panel = (frame ?? page).getByTestId('companion-panel');
    if ((await panel.count().catch(() => 0)) > 0) return panel;
    await page.waitForTimeout(50);
  }
  throw new Error('no companion panel');
}

try {
  // Warm-up load: the first injection pays for compiling the bundle once per profile.
  const warm = await context.newPage();
  await warm.goto(BC_MEMBERS_URL);
  await (await panelOf(warm)).waitFor();
  await warm.close();

  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  await cdp.send('Profiler.start');
  await page.goto(BC_MEMBERS_URL);
  await page.getByText(/Records in Total/).waitFor();
  await (await panelOf(page)).waitFor();
  await page.waitForTimeout(500);
  {
    const { profile } = await cdp.send('Profiler.stop');
    const coverage = await cdp.send('Profiler.takePreciseCoverage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (/** @type {string} */ n) =>
      1000 * (metrics.find((m) => m.name === n)?.value ?? NaN);
    const { byScript, self, inclusive } = summarise(profile);
    console.log('\n## load (goto → table and panel up + 500 ms)');
    console.log(
      `ScriptDuration ${ms(get('ScriptDuration'))}   TaskDuration ${ms(get('TaskDuration'))}`,
    );
    console.log('Profiled JS time by script:');
    for (const [s, t] of [...byScript].sort((a, b) => b[1] - a[1]))
      console.log(`  ${s.padEnd(18)}${ms(t)}`);
    console.log('Agent and watcher functions, inclusive:');
    for (const [k, t] of inclusive) console.log(`  ${ms(t)}  ${k}`);
    console.log('Agent and watcher functions, self:');
    for (const [k, t] of self) console.log(`  ${ms(t)}  ${k}`);
    console.log('Overlay calls:');
    for (const [name, count] of callCounts(coverage.result, COUNTED))
      console.log(`  ${String(count).padStart(6)}  ${name}`);
  }

  await phase(page, cdp, 'idle (2 s, nothing happens)', () => page.waitForTimeout(2000));

  await phase(page, cdp, 'walk (add-member checklist + Invite Member walk)', async () => {
    const panel = await panelOf(page);
    const folded = panel.getByTestId('checklist-menu').locator('summary');
    if ((await folded.count()) > 0) await folded.click();
    await panel.getByRole('button', { name: 'Add an account manager as a member' }).click();
    await page.getByRole('button', { name: 'Invite Member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite Member' });
    await dialog.getByLabel('Email address(es)').fill('bench@example.com');
    await dialog.getByLabel('Standard').check();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('checkbox', { name: /Northwind US/ }).check();
    await dialog.getByRole('button', { name: 'Back' }).first().click();
    await dialog.getByRole('button', { name: 'Cancel' }).first().click();
    await page.waitForTimeout(300);
  });
  await (await panelOf(page)).getByRole('button', { name: /Abandon/ }).click();

  await phase(page, cdp, 'churn (20 class-name flips on every row + 4 page changes)', async () => {
    for (let i = 0; i < 20; i++) {
      await page.evaluate((n) => {
        for (const row of document.querySelectorAll('main [data-row-key]'))
          row.className = row.className.replace(/row-\w+$/, `row-h${n}`);
      }, i);
      await page.waitForTimeout(50);
    }
    // Paged from inside the page: at the bottom right the panel may sit over the pager, and a
    // pointer click would land on it.
    for (const n of ['2', '1', '2', '1']) {
      await page.evaluate((label) => {
        const button = document.querySelector(`main [aria-label="${label}"]`);
        if (button instanceof HTMLElement) button.click();
      }, `Page ${n}`);
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(300);
  });
} finally {
  await context.close();
}
