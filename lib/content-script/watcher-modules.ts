/**
 * The watcher's modules, lent to the page agent. Both scripts run in the extension's isolated
 * world of the same frame (Chromium: one isolated world per extension and frame; Firefox: one
 * content-script sandbox per extension and window), whose globals the page's own scripts can
 * neither see nor set. The watcher, which runs first on every TikTok page, puts the exports both
 * scripts use (routes, classification, the DOM helpers, the selectors, the page words…) there
 * under one non-enumerable symbol; the agent, which the background injects only after the
 * watcher of the same frame asked for it, takes them from there instead of carrying them twice.
 *
 * What is lent, and how each build is rewritten for it, is scripts/build/watcher-modules.ts: in
 * the watcher's build `LENT` lists the lent exports, in the agent's build each lent declaration
 * becomes a read of `borrowedExport`. Elsewhere (unit tests, extension pages) nothing is lent and
 * every module is its own code.
 */

/**
 * Where the lent modules are: a symbol, so no enumeration of the global (for-in, `Object.keys`)
 * lists them. The build adds a hash of what is lent to its description, so an agent never takes
 * another build's watcher's modules (after an update under the page, both may run here).
 */
const LENT_KEY = Symbol.for('access-companion.watcher-modules');
type LentHolder = { [LENT_KEY]?: readonly unknown[] };

/** The lent exports, in the order both builds agree on (the watcher's build writes them in). */
const LENT: readonly unknown[] = [];

/**
 * Lend the watcher's modules to the scripts of this isolated world: fixed once lent. A second
 * watcher of the same build in this world (none is injected twice, but a browser may) finds its
 * very modules there already.
 */
export function lendWatcherModules(): void {
  if (!(LENT_KEY in globalThis)) Object.defineProperty(globalThis, LENT_KEY, { value: LENT });
}

/**
 * The export at `index` of what this build's watcher lent here (how the agent's build reads each
 * export it borrows); nothing when no watcher of this build has run here.
 */
export function borrowedExport(index: number): unknown {
  return (globalThis as LentHolder)[LENT_KEY]?.[index];
}
