// Where the extension's share of the Members page's main thread goes, by kind of work: a
// Chromium trace (CDP Tracing on the page's target) of the load + 1 s idle phase, with and
// without the extension, the renderer main thread's time split into the trace events' self time
// (script compile, script run per script, style, layout, paint, garbage collection, …). The
// difference of the two columns is what the extension costs, and where. A tool for finding the
// cost, not a bench: `npm run bench` does not run it (its name does not end in .bench.mjs).
//
//   node scripts/bench/overlay-trace.mjs [--ext DIR] [--runs N]
import { basename, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { BC_MEMBERS_URL } from '../../tests/fixtures/tiktok/replicas.mjs';
import { QUIET_FLAGS, launchWithExtension, serveReplicasOnly } from '../lib/browser.mjs';
import { findChromium } from '../lib/find-chromium.mjs';

/** @param {string} name @param {string} fallback */
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
};
/** The builds to trace beside Chromium without the extension: every `--ext DIR`, or the current one. */
const builds = process.argv.flatMap((a, i) =>
  a === '--ext' && process.argv[i + 1] ? [resolve(process.argv[i + 1] ?? '')] : [],
);
if (builds.length === 0) builds.push(resolve('.output/chrome-mv3'));
const RUNS = Number(arg('--runs', '3'));
const pause = (/** @type {number} */ t) => new Promise((r) => setTimeout(r, t));

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink',
  'loading',
  'toplevel',
].join(',');

/**
 * What a trace event is, for the split: script events by the script's kind (page, watcher,
 * agent), the rest by name.
 * @param {any} e
 */
function kindOf(e) {
  const url = e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? e.args?.fileName ?? '';
  const script = /overlay\.js/.test(url)
    ? 'agent'
    : /tiktok-watch/.test(url)
      ? 'watcher'
      : /^chrome-extension:/.test(url)
        ? 'extension'
        : url
          ? 'page'
          : '';
  if (/compile|Compile|parse|Parse/.test(e.name) && script) return `compile ${script}`;
  if (['FunctionCall', 'EvaluateScript', 'v8.run', 'v8.callFunction'].includes(e.name) && script)
    return `script ${script}`;
  return e.name;
}

/**
 * Self time per kind on the page's renderer main thread, in ms: each complete event's duration
 * less its children's on the same thread.
 * @param {any[]} events
 * @param {number} pid
 * @param {number} tid
 */
function selfTimes(events, pid, tid) {
  const mine = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  /** @type {Map<string, number>} */
  const out = new Map();
  /** @type {{ end: number; kind: string; self: number }[]} */
  const stack = [];
  const close = (/** @type {number} */ until) => {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= until) {
      const done = stack.pop();
      if (done) out.set(done.kind, (out.get(done.kind) ?? 0) + done.self / 1000);
    }
  };
  for (const e of mine) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) parent.self -= e.dur;
    // A script event inside another of the same script adds nothing new: its kind is its parent's.
    const kind = kindOf(e);
    stack.push({ end: e.ts + e.dur, kind, self: e.dur });
  }
  close(Infinity);
  return out;
}

/**
 * One traced load of the Members replica (+ 1 s idle after the table is up).
 * @param {import('@playwright/test').BrowserContext} context
 */
async function tracedLoad(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  /** @type {any[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  const loadedAt = Date.now();
  await page.goto(BC_MEMBERS_URL);
  await page.getByText(/Records in Total/).waitFor();
  await pause(Math.max(1000, loadedAt + 1600 - Date.now()));
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  // The page's renderer: the process whose main thread ran the replica's navigation.
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some(
        (f) =>
          f.pid === e.pid &&
          f.tid === e.tid &&
          f.name === 'ParseHTML' &&
          String(f.args?.beginData?.url ?? '').startsWith('https://business.tiktok.com'),
      ),
  );
  if (!main) throw new Error('no renderer main thread for the Members page in the trace');
  return selfTimes(events, main.pid, main.tid);
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** @type {{ label: string; context: import('@playwright/test').BrowserContext }[]} */
const variants = [
  {
    label: 'without',
    context: await chromium.launchPersistentContext('', {
      executablePath: findChromium(),
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [...(asRoot ? ['--no-sandbox'] : []), ...QUIET_FLAGS],
    }),
  },
];
for (const dir of builds)
  variants.push({
    label: basename(dir === resolve('.output/chrome-mv3') ? 'this build' : dir).slice(0, 12),
    context: await launchWithExtension({ headless: true, extensionDir: dir }),
  });
/** @type {Map<string, Map<string, number>[]>} */
const results = new Map(variants.map((v) => [v.label, []]));
try {
  for (const { context } of variants) await serveReplicasOnly(context);
  for (let round = 0; round <= RUNS; round++) {
    // The order rotates from round to round, so that drift on a busy machine hits all alike.
    for (let i = 0; i < variants.length; i++) {
      const v = variants[(i + round) % variants.length];
      if (!v) continue;
      const times = await tracedLoad(v.context);
      // Round 0 warms up (the first injection compiles the bundles).
      if (round > 0) results.get(v.label)?.push(times);
    }
  }
} finally {
  for (const { context } of variants) await context.close();
}

/** @param {Map<string, number>[]} runs @param {string} kind */
const mean = (runs, kind) => runs.reduce((sum, r) => sum + (r.get(kind) ?? 0), 0) / runs.length;
const labels = variants.map((v) => v.label);
const kinds = new Set([...results.values()].flat().flatMap((r) => [...r.keys()]));
const rows = [...kinds]
  .map((kind) => ({ kind, means: labels.map((l) => mean(results.get(l) ?? [], kind)) }))
  .filter((r) => Math.max(...r.means) >= 0.5)
  .sort(
    (x, y) => Math.max(...y.means) - (y.means[0] ?? 0) - (Math.max(...x.means) - (x.means[0] ?? 0)),
  );
const total = (/** @type {string} */ label) =>
  (results.get(label) ?? []).reduce((s, r) => s + [...r.values()].reduce((t, v) => t + v, 0), 0) /
  RUNS;
const cell = (/** @type {number} */ x) => x.toFixed(1).padStart(12);
console.log(
  `Members replica, load + 1 s idle: self time on the page's main thread by trace event, mean of ${RUNS} loads (ms)`,
);
console.log(`${'kind'.padEnd(40)} ${labels.map((l) => l.padStart(12)).join(' ')}`);
for (const { kind, means } of rows)
  console.log(`${kind.slice(0, 40).padEnd(40)} ${means.map(cell).join(' ')}`);
console.log(`${'all traced'.padEnd(40)} ${labels.map((l) => cell(total(l))).join(' ')}`);
