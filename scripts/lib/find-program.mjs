// What finding a browser to test in has in common, whichever browser: a path named by an
// environment variable, the first executable of a list of usual places, and Debian's package
// installed when the tests run as root on a Debian/Ubuntu machine that has none (as on CI).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

/** @param {string} file */
export function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path in environment variable `name`, null when unset; throws when it names no executable.
 * @param {string} name
 * @returns {string | null}
 */
export function pathFromEnv(name) {
  const value = process.env[name];
  if (!value) return null;
  if (executable(value)) return value;
  throw new Error(`${name} is set to ${value}, which is not an executable file.`);
}

/**
 * Install Debian package `pkg` when running as root on Debian/Ubuntu; false where that can't be
 * done (the caller then says how to get the browser).
 * @param {string} pkg
 * @returns {boolean}
 */
export function installDebianPackage(pkg) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/etc/debian_version') || !existsSync('/usr/bin/apt-get')) return false;
  console.log(`No browser found: installing Debian’s ${pkg} package (apt-get install ${pkg})…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', pkg], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return true;
}
