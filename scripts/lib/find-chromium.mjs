// Finds a Chromium that can load an unpacked extension, for `npm start`, `npm test` and the
// e2e config. Order: $CHROMIUM_PATH, the system's Chromium, Playwright's own download, then a
// system Google Chrome (branded Chrome 137+ ignores --load-extension, so it comes last).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

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

/** @param {string} file */
function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

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
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (executable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  return (
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
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
    console.log(
      'No Chromium found: installing Debian’s chromium package (apt-get install chromium)…',
    );
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return findChromium();
  }
  throw new Error(HOW_TO_GET_CHROMIUM);
}
