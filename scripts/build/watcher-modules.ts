/**
 * The watcher lends the page agent the modules both carry (lib/content-script/watcher-modules.ts
 * says where they live at run time and why the page cannot reach them). Two Vite plugins:
 * - in the watcher's build, `lendWatcherModules` writes the lent exports into the runtime
 *   module's `LENT`, which the watcher puts in its isolated world as it starts;
 * - in the agent's build, `borrowWatcherModules` takes each lent declaration out of its module
 *   and reads the watcher's in its place, so every function that calls it (the agent's own
 *   table reader, runner, detectors) stays the same code; and the agent's bundle starts by
 *   checking that this build's watcher lent them, else it stops before any of its modules runs
 *   (the agent is injected only after the watcher of its frame asked for it, so this is the case
 *   of an extension updated under the page, whose new watcher has not run there).
 * Only what the watcher's bundle carries anyway is lent: anything more would grow the script on
 * every TikTok page. A lent name that a module no longer exports fails both builds.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The lent exports of each module (from the project's root), in the order both builds use. */
export const WATCHER_LENDS: Readonly<Record<string, readonly string[]>> = {
  'lib/content-script/navigations.ts': ['extensionAlive', 'followNavigations'],
  'lib/messaging/tell-background.ts': ['frameMessage'],
  'lib/tiktok/dom.ts': [
    'queryAllDeep',
    'queryFirst',
    'isHiddenDeep',
    'textSegments',
    'visibleText',
    'fold',
    'isLabel',
  ],
  'lib/tiktok/page-labels.ts': ['PAGE_LABELS'],
  'lib/tiktok/selectors.ts': ['SELECTORS'],
  'lib/tiktok/table-shape.ts': ['findAccessTables'],
  'lib/tiktok/routes.ts': ['ACCESS_PAGE_KINDS', 'classifyUrl', 'readOrgId'],
  'lib/tiktok/classify.ts': ['mayBeAccessPage', 'weighPage'],
  'lib/tiktok/context.ts': ['readBcOrgId', 'readBcName'],
};

const RUNTIME = 'lib/content-script/watcher-modules.ts';
/** The symbol's description in the runtime module: the agent's first check reads it too. */
const LENT_KEY = 'access-companion.watcher-modules';
const KEY_LINE = `const LENT_KEY = Symbol.for('${LENT_KEY}');`;
const LENT_LINE = 'const LENT: readonly unknown[] = [];';

/** Every lent export with its module and its index in `LENT`. */
function lentExports(root: string): { file: string; name: string; index: number }[] {
  return Object.entries(WATCHER_LENDS)
    .flatMap(([path, names]) => names.map((name) => ({ file: resolve(root, path), name })))
    .map((lent, index) => ({ ...lent, index }));
}

/**
 * A hash of what is lent and of the lending modules' sources: the two builds' shared word. (Not
 * of every source: `wxt dev` rebuilds only the scripts a change touches, and a change to the
 * agent's own code must not part it from the watcher already built.)
 */
function editionOf(root: string): string {
  const hash = createHash('sha256').update(JSON.stringify(WATCHER_LENDS));
  for (const path of [RUNTIME, ...Object.keys(WATCHER_LENDS)])
    hash.update(readFileSync(resolve(root, path)));
  return hash.digest('base64url').slice(0, 8);
}

/** The symbol's description in both builds: the runtime module's, and this build's edition. */
const lentKey = (root: string) => `${LENT_KEY}.${editionOf(root)}`;

/** The runtime module with its edition (and, in the watcher's build, its lent exports). */
function runtimeModule(root: string, lend: boolean): string {
  const source = readFileSync(resolve(root, RUNTIME), 'utf8');
  if (!source.includes(KEY_LINE) || !source.includes(LENT_LINE))
    throw new Error(`${RUNTIME} no longer holds the lines the build writes in.`);
  const lent = lentExports(root);
  const imports = lend
    ? lent.map((l) => `import { ${l.name} as lent${l.index} } from ${JSON.stringify(l.file)};`)
    : [];
  const list = lend ? lent.map((l) => `lent${l.index}`) : [];
  return [
    ...imports,
    source
      .replace(KEY_LINE, `const LENT_KEY = Symbol.for(${JSON.stringify(lentKey(root))});`)
      .replace(LENT_LINE, `const LENT: readonly unknown[] = [${list.join(', ')}];`),
  ].join('\n');
}

/** The watcher's build: the runtime module lists the lent exports. */
export function lendWatcherModules(root: string): Plugin {
  const runtime = resolve(root, RUNTIME);
  return {
    name: 'access-companion:lend-watcher-modules',
    enforce: 'pre',
    load(id) {
      return resolve(id.split('?')[0]!) === runtime ? runtimeModule(root, true) : null;
    },
  };
}

interface Declaration {
  type: string;
  start: number;
  end: number;
  declaration?: {
    type: string;
    id?: { name?: string } | null;
    declarations?: { id: { type: string; name?: string } }[];
  } | null;
}

/** The agent's build: each lent declaration reads the watcher's; the bundle checks they are there. */
export function borrowWatcherModules(root: string): Plugin {
  const runtime = resolve(root, RUNTIME);
  const byFile = new Map<string, { name: string; index: number }[]>();
  for (const lent of lentExports(root))
    byFile.set(lent.file, [...(byFile.get(lent.file) ?? []), lent]);
  const key = lentKey(root);
  return {
    name: 'access-companion:borrow-watcher-modules',
    // After TypeScript is stripped: the declarations are JavaScript's.
    enforce: 'post',
    load(id) {
      return resolve(id.split('?')[0]!) === runtime ? runtimeModule(root, false) : null;
    },
    transform(code, id) {
      const lent = byFile.get(resolve(id.split('?')[0]!));
      if (!lent) return null;
      const names = new Map(lent.map((l) => [l.name, l.index]));
      const cuts: [number, number][] = [];
      const found = new Set<string>();
      for (const statement of this.parse(code).body as unknown as Declaration[]) {
        const d = statement.type === 'ExportNamedDeclaration' ? statement.declaration : null;
        if (!d) continue;
        const declared = d.declarations
          ? d.declarations.map((v) => (v.id.type === 'Identifier' ? v.id.name : undefined))
          : [d.id?.name];
        const borrowed = declared.filter((n) => n !== undefined && names.has(n));
        if (borrowed.length === 0) continue;
        if (borrowed.length !== declared.length)
          this.error(`${id}: lend all of ${declared.join(', ')} or none (one declaration).`);
        if (!code.slice(statement.start, statement.end).startsWith('export'))
          this.error(`${id}: the parser's offsets do not match the code.`);
        cuts.push([statement.start, statement.end]);
        for (const n of borrowed) found.add(n!);
      }
      const missing = lent.filter((l) => !found.has(l.name)).map((l) => l.name);
      if (missing.length > 0) this.error(`${id} exports no ${missing.join(', ')} to borrow.`);
      let out = code;
      for (const [start, end] of cuts.sort((a, b) => b[0] - a[0]))
        out = out.slice(0, start) + out.slice(end);
      // Pure calls, so a borrowed export the agent does not use leaves no trace in its bundle.
      const reads = lent.map(
        (l) => `export const ${l.name} = /* @__PURE__ */ borrowedExport(${l.index});`,
      );
      const head = `import { borrowedExport } from ${JSON.stringify(runtime)};\n`;
      return { code: head + reads.join('\n') + '\n' + out, map: null };
    },
    // Before any module runs: without this build's watcher modules the agent stops here.
    intro: () => `if (!globalThis[Symbol.for(${JSON.stringify(key)})]) return;`,
  };
}
