import { resolve } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  WATCHER_LENDS,
  borrowWatcherModules,
  lendWatcherModules,
} from '@/scripts/build/watcher-modules';

const root = process.cwd();
const ROUTES = resolve(root, 'lib/tiktok/routes.ts');
const RUNTIME = resolve(root, 'lib/content-script/watcher-modules.ts');

/** The plugin's hooks, called as the bundler calls them (its `parse` and `error`). */
const context = {
  parse: (code: string) => parseAst(code),
  error: (message: string): never => {
    throw new Error(message);
  },
};
const borrow = borrowWatcherModules(root);
const transform = (code: string, id: string) =>
  (
    borrow.transform as unknown as (
      this: typeof context,
      code: string,
      id: string,
    ) => { code: string } | null
  ).call(context, code, id);
const load = (plugin: ReturnType<typeof lendWatcherModules>, id: string) =>
  (plugin.load as unknown as (id: string) => string | null).call({}, id);

/** Every lent export of routes.ts, declared as its JavaScript would be, beside one that is not. */
const routesLike = (skip: string | null = null) =>
  [
    // Text before the declarations that is not ASCII: the cuts must land by characters.
    `const HOST = '条/页 — business.tiktok.com';`,
    ...WATCHER_LENDS['lib/tiktok/routes.ts']!.filter((n) => n !== skip).map(
      (n) => `export function ${n}() { return HOST; }`,
    ),
    `export function readAdvertiserId(url) { return readOrgId(url) + '—kept'; }`,
  ].join('\n');

describe("the agent's build borrows what the watcher lends", () => {
  it("takes each lent declaration out and reads the watcher's in its place", () => {
    const out = transform(routesLike(), ROUTES)!.code;
    for (const name of WATCHER_LENDS['lib/tiktok/routes.ts']!) {
      expect(out).not.toContain(`function ${name}(`);
      expect(out).toMatch(
        new RegExp(`export const ${name} = /\\* @__PURE__ \\*/ borrowedExport\\(\\d+\\);`),
      );
    }
    // What is not lent stays, calling the borrowed one.
    expect(out).toContain(
      `export function readAdvertiserId(url) { return readOrgId(url) + '—kept'; }`,
    );
    expect(out).toContain(`from ${JSON.stringify(RUNTIME)}`);
  });

  it('gives each lent export its own place, in one order', () => {
    const out = transform(routesLike(), ROUTES)!.code;
    const indices = [...out.matchAll(/borrowedExport\((\d+)\)/g)].map((m) => Number(m[1]));
    const all = Object.values(WATCHER_LENDS).flat();
    expect(new Set(indices).size).toBe(indices.length);
    expect(indices.every((i) => i >= 0 && i < all.length)).toBe(true);
    expect(all[indices[0]!]).toBe(WATCHER_LENDS['lib/tiktok/routes.ts']![0]);
  });

  it('fails the build when a lent export is gone from its module', () => {
    expect(() => transform(routesLike('classifyUrl'), ROUTES)).toThrow(/no classifyUrl/);
  });

  it('fails the build when one declaration holds a lent export and one that is not', () => {
    const code = `${routesLike('ACCESS_PAGE_KINDS')}\nexport const ACCESS_PAGE_KINDS = new Set(), OTHER = 1;`;
    expect(() => transform(code, ROUTES)).toThrow(/all of ACCESS_PAGE_KINDS, OTHER or none/);
  });

  it('leaves modules that lend nothing alone', () => {
    expect(transform('export const x = 1;', resolve(root, 'lib/overlay/runner.ts'))).toBeNull();
  });
});

describe('the watcher lends, under the key the agent checks', () => {
  it("lists every lent export in the runtime module, in the agent's order", () => {
    const code = load(lendWatcherModules(root), RUNTIME)!;
    const all = Object.values(WATCHER_LENDS).flat();
    all.forEach((name, i) => expect(code).toContain(`import { ${name} as lent${i} } from `));
    expect(code).toContain(
      `const LENT: readonly unknown[] = [${all.map((_, i) => `lent${i}`).join(', ')}];`,
    );
    // The agent's copy of the runtime lends nothing, under the same key.
    const agents = load(borrow, RUNTIME)!;
    expect(agents).toContain('const LENT: readonly unknown[] = [];');
    const key = /Symbol\.for\(("access-companion\.watcher-modules\.[^"]+")\)/.exec(code)?.[1];
    expect(key).toBeTruthy();
    expect(agents).toContain(`Symbol.for(${key})`);
    // And the agent's bundle starts by looking for it.
    const intro = (borrow.intro as unknown as () => string)();
    expect(intro).toBe(`if (!globalThis[Symbol.for(${key})]) return;`);
  });
});
