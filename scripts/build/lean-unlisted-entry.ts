/**
 * The content scripts' entry without WXT's start-up logging. WXT wraps an unlisted script's
 * `main()` in a module that logs "crashed on startup" through a logger that prints nothing in a
 * production build, yet whose messages stay in the bundle, twice. The watcher runs on every
 * TikTok page and the page agent on every access page, so this Vite plugin, used in their
 * builds only, loads that module as the bare call: `main()` runs once plugins are set up, and
 * its result (or its error) is the script's, as before.
 */
import type { Plugin } from 'vite';

/** The id WXT resolves an unlisted script's entry module to, before the entrypoint's path. */
const ENTRY = '\0virtual:wxt-unlisted-script-entrypoint?';

export function leanUnlistedEntry(): Plugin {
  return {
    name: 'access-companion:lean-unlisted-entry',
    enforce: 'pre',
    load(id) {
      if (!id.startsWith(ENTRY)) return null;
      return [
        `import definition from ${JSON.stringify(id.slice(ENTRY.length))};`,
        `import { initPlugins } from 'virtual:wxt-plugins';`,
        `initPlugins();`,
        `export default definition.main();`,
      ].join('\n');
    },
  };
}
