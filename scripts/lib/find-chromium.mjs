// Finds a Chromium that can load an unpacked extension, for `npm start`, `npm test` and the
// e2e config. Order: $CHROMIUM_PATH, the system's Chromium, Playwright's own download, then a
// system Google Chrome (branded Chrome 137+ ignores --load-extension, so it comes last).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { executable, installDebianPackage, pathFromEnv } from './find-program.mjs';

const SYSTEM_CHROMIUM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Chromium\\Application\\chrome.exe',
];
const SYSTEM_CHROME = [
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** @returns {string | null} Playwright's own Chromium, when it has been downloaded. */
function playwrightChromium() {
  try {
    const out = execFileSync(
      process.execPath,
      ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return out && existsSync(out) ? out : null;
  } catch {
    return null;
  }
}

/**
 * The path of a usable Chromium, or null.
 * @returns {string | null}
 */
export function locateChromium() {
  return (
    pathFromEnv('CHROMIUM_PATH') ??
    SYSTEM_CHROMIUM.find(executable) ??
    playwrightChromium() ??
    SYSTEM_CHROME.find(executable) ??
    null
  );
}

export const HOW_TO_GET_CHROMIUM = [
  'No Chromium was found to run the extension in.',
  'Install one and run again, or point CHROMIUM_PATH at it:',
  '  Debian/Ubuntu:  sudo apt-get install chromium',
  '  Fedora:         sudo dnf install chromium',
  '  macOS:          brew install --cask chromium',
  '  elsewhere:      CHROMIUM_PATH=/path/to/chromium npm test',
].join('\n');

/**
 * The path of a usable Chromium; throws with instructions when there is none.
 * @returns {string}
 */
export function findChromium() {
  const found = locateChromium();
  if (!found) throw new Error(HOW_TO_GET_CHROMIUM);
  return found;
}

/**
 * Like findChromium, but installs Debian's `chromium` first when running as root on
 * Debian/Ubuntu and none is found (Playwright's browser download does not work everywhere).
 * @returns {string}
 */
export function ensureChromium() {
  const found = locateChromium();
  if (found) return found;
  if (installDebianPackage('chromium')) return findChromium();
  throw new Error(HOW_TO_GET_CHROMIUM);
}
