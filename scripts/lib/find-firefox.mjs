// Finds a Firefox to run the Firefox build in, for `npm run test:firefox`. Order: $FIREFOX_PATH,
// Debian's firefox-esr, then a system Firefox. As root on Debian/Ubuntu with none found, it
// installs Debian's firefox-esr package (as find-chromium.mjs does for Chromium).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

const SYSTEM_FIREFOX = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
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

/** @returns {string | null} The path of a usable Firefox, or null. */
export function locateFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (executable(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  return SYSTEM_FIREFOX.find(executable) ?? null;
}

export const HOW_TO_GET_FIREFOX = [
  'No Firefox was found to run the Firefox build in (140 or newer).',
  'Install one and run again, or point FIREFOX_PATH at it:',
  '  Debian/Ubuntu:  sudo apt-get install firefox-esr',
  '  Fedora:         sudo dnf install firefox',
  '  macOS:          brew install --cask firefox',
].join('\n');

/**
 * The path of a usable Firefox, installing Debian's firefox-esr first when running as root on
 * Debian/Ubuntu and none is found; throws with instructions otherwise.
 * @returns {string}
 */
export function ensureFirefox() {
  const found = locateFirefox();
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
    console.log('No Firefox found: installing Debian’s firefox-esr package…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = locateFirefox();
    if (installed) return installed;
  }
  throw new Error(HOW_TO_GET_FIREFOX);
}
