// Finds a Firefox to run the Firefox build in, for `npm run test:firefox`. Order: $FIREFOX_PATH,
// Debian's firefox-esr, then a system Firefox. As root on Debian/Ubuntu with none found, it
// installs Debian's firefox-esr package (as find-chromium.mjs does for Chromium).
import { executable, installDebianPackage, pathFromEnv } from './find-program.mjs';

const SYSTEM_FIREFOX = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

/** @returns {string | null} The path of a usable Firefox, or null. */
export function locateFirefox() {
  return pathFromEnv('FIREFOX_PATH') ?? SYSTEM_FIREFOX.find(executable) ?? null;
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
  if (installDebianPackage('firefox-esr')) {
    const installed = locateFirefox();
    if (installed) return installed;
  }
  throw new Error(HOW_TO_GET_FIREFOX);
}
