// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of lib/ (docs/ARCHITECTURE.md), each with the layers it stands on: a layer may
 * import those and, through them, every layer they stand on; `types` lends it types only
 * (`import type`). Every other module of lib/ is above it or beside it, and forbidden, as are
 * components/ and entrypoints/. Keyed by module; `lib/i18n` is a file.
 * @type {Record<string, { on: string[], types?: string[] }>}
 */
const LAYERS = {
  // The extension's own words, which every layer above may say.
  i18n: { on: [] },
  // TikTok's pages know nothing of the register, the checklists or the extension's contexts.
  tiktok: { on: ['i18n'] },
  // The content scripts' navigation and lent modules stand alone: the watcher loads them first.
  'content-script': { on: [] },
  // The settings sit below both register and reminders: the register takes its default cadence
  // from them, reminders and the pages read and write them.
  settings: { on: [] },
  register: { on: ['tiktok', 'settings'] },
  // The checklists read TikTok's pages; the frame runs them, and records what a run found.
  checklists: { on: ['tiktok', 'settings'] },
  // Campaigns review the register's grants; reminders remind of them, never the other way.
  campaigns: { on: ['register'] },
  // Reminders read the register and campaigns; the background registers their listeners and
  // answers the pages' reminder messages.
  reminders: { on: ['register', 'campaigns'] },
  // The contracts describe what the layers below hold (their types), so every context can speak
  // them without loading the code behind them; nothing in them reaches the background.
  messaging: {
    on: ['tiktok', 'settings'],
    types: ['register', 'checklists', 'reminders', 'campaigns'],
  },
  // The page agent and the frame's logic speak the contracts and run the checklists; the agent
  // holds no register data, so the register lends them types only.
  overlay: { on: ['checklists', 'messaging'], types: ['register'] },
  // The background answers messages with every layer below; only entrypoints wire it.
  background: { on: ['overlay', 'reminders', 'content-script'] },
};

/** The layer `name` of the table; a name the table lacks (a typo in it) stops the config. */
function layerOf(/** @type {string} */ name) {
  const found = LAYERS[name];
  if (!found) throw new Error(`eslint.config.js: no layer "${name}" in LAYERS.`);
  return found;
}

/** The layers `name` stands on, directly or through others. */
function standsOn(/** @type {string} */ name) {
  const seen = new Set(layerOf(name).on);
  for (const m of seen) for (const below of layerOf(m).on) seen.add(below);
  return seen;
}

/**
 * The rule for one layer: no import from a module of lib/ it does not stand on, nor from
 * components/ or entrypoints/ (whether named by the `@/` alias or by a relative path), and only
 * types from those that lend it types.
 * @param {string} name the layer's module under lib/
 * @returns {import('eslint').Linter.Config}
 */
function layer(name) {
  const path = name === 'i18n' ? 'lib/i18n.ts' : `lib/${name}`;
  const allowed = standsOn(name);
  const typesOnly = (layerOf(name).types ?? []).filter((m) => !allowed.has(m));
  const forbidden = Object.keys(LAYERS).filter(
    (m) => m !== name && !allowed.has(m) && !typesOnly.includes(m),
  );
  const modules = [...forbidden.map((m) => `lib/${m}`), 'components', 'entrypoints'];
  /** `@/lib/register…`, or a relative path whose last folder step is `register`. */
  const named = (/** @type {string} */ m) =>
    `^(@/${m}|(\\.\\.?/)+(\\.\\./)*${m.split('/').at(-1)})(/.*)?$`;
  return {
    files: [path.endsWith('.ts') ? path : `${path}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...modules.map((m) => ({
              regex: named(m),
              message: `${path} is below ${m} in the layers (docs/ARCHITECTURE.md): move the shared piece down instead.`,
            })),
            ...typesOnly.map((m) => ({
              regex: named(`lib/${m}`),
              allowTypeImports: true,
              message: `${path} takes only types from lib/${m} (docs/ARCHITECTURE.md): use \`import type\`, or move the code down.`,
            })),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // React's rules where React runs (not in Playwright fixtures, whose `use` is not a hook).
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'tests/unit/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  // The layers of lib/ point one way (docs/ARCHITECTURE.md): TikTok's pages know nothing of the
  // register, the register nothing of reminders, the background, the page agent or the UI.
  ...Object.keys(LAYERS).map(layer),
  // The extension pages' React takes each module of lib/ through its index.ts, so a module's
  // files can move and split behind it; and it never takes the background, which only the
  // entrypoints wire.
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+)lib/background(/.*)?$',
              message:
                'components/ never import lib/background (docs/ARCHITECTURE.md): the background is wired by the entrypoints.',
            },
            {
              regex: '^(@/|(\\.\\./)+)lib/(?!background/)[^/]+/.+$',
              message:
                "components/ import lib/ through each module's index.ts (docs/ARCHITECTURE.md): import '@/lib/<module>', or export the piece from there.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '.ci/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['tests/fixtures/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
