// What the benches that take `--name=value` options and build the extension first share.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD_DIR } from '../lib/browser.mjs';

/** The value of `--name=value` on the command line, else `fallback`. */
export function arg(/** @type {string} */ name, /** @type {string} */ fallback) {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
}

/** Build the Chrome extension, unless `--no-build` is given and a build exists; exit if it fails. */
export function buildUnlessAsked() {
  if (process.argv.includes('--no-build') && existsSync(join(CHROME_BUILD_DIR, 'manifest.json')))
    return;
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
