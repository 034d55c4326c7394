// `npm start`: build the extension, open Chromium with it loaded on a replica of Business Center
// → Members (served on its real URL: no TikTok account needed, nothing sent to TikTok) and a few
// sample register entries. Without a display, or with `npm start -- --headless`, it drives the
// same pages headless, saves screenshots of the overlay, popup and register, prints where, and
// exits.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { BC_MEMBERS_URL } from '../tests/fixtures/tiktok/replicas.mjs';
import { extensionWorker, launchWithExtension, serveReplicasOnly } from './lib/browser.mjs';
import { ensureChromium } from './lib/find-chromium.mjs';

const args = process.argv.slice(2);
const hasDisplay =
  process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.includes('--headless') || !hasDisplay;
const outDir = resolve('screenshots');

try {
  console.log(`Chromium: ${ensureChromium()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

if (!args.includes('--no-build')) {
  const build = spawnSync('npx', ['wxt', 'build'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const context = await launchWithExtension({ headless });
const { blocked } = await serveReplicasOnly(context);
const worker = await extensionWorker(context);
const extensionId = new URL(worker.url()).host;
const extensionPage = (/** @type {string} */ path) => `chrome-extension://${extensionId}/${path}`;

// Sample entries, loaded the way a user would: the register's empty state offers them.
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(extensionPage('register.html'));
const table = page.getByTestId('grant-table');
const sample = page.getByRole('button', { name: 'Load sample entries' });
await table.or(sample).waitFor();
if (await sample.isVisible()) {
  await sample.click();
  await table.waitFor();
}

await page.goto(BC_MEMBERS_URL);
// The panel is an extension page framed into the tab (in a closed shadow root): found by its URL.
let companion;
for (let waited = 0; !companion && waited < 15_000; waited += 100) {
  companion = page.frames().find((f) => f.url().includes('/companion.html'));
  if (!companion) await page.waitForTimeout(100);
}
if (!companion) throw new Error('The companion panel did not appear on the Members replica.');
await companion.getByTestId('companion-panel').waitFor({ timeout: 15_000 });

if (!headless) {
  console.log(`\nChromium is open on a replica of ${BC_MEMBERS_URL}`);
  console.log('with Access Companion loaded. Close the browser window to stop.');
  await new Promise((done) => context.on('close', done));
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
const shots = [];
await page.getByText(/Records in Total/).waitFor();
shots.push(await shot(page, 'overlay-members.png'));

const popup = await context.newPage();
await popup.setViewportSize({ width: 380, height: 600 });
for (const scheme of /** @type {const} */ (['light', 'dark'])) {
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.goto(extensionPage('popup.html'));
  await popup.getByTestId('popup-list').locator('li').first().waitFor();
  shots.push(await shot(popup, `popup-${scheme}.png`));
}

const register = await context.newPage();
for (const scheme of /** @type {const} */ (['light', 'dark'])) {
  await register.emulateMedia({ colorScheme: scheme });
  await register.goto(extensionPage('register.html'));
  await register.getByTestId('grant-table').waitFor();
  shots.push(await shot(register, `register-${scheme}.png`));
}

await context.close();
if (blocked.length) console.warn(`Refused ${blocked.length} request(s) to the network:`, blocked);
console.log(
  `\nHeadless run (no display${args.includes('--headless') ? ' wanted' : ' found'}). Screenshots:`,
);
for (const file of shots) console.log(`  ${file}`);

/**
 * @param {import('@playwright/test').Page} p
 * @param {string} name
 */
async function shot(p, name) {
  const file = resolve(outDir, name);
  await p.screenshot({ path: file, fullPage: true });
  return file;
}
