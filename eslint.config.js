// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * A layer of lib/ that must not import the given modules of lib/, nor components/ or
 * entrypoints/ (whether named by the `@/` alias or by a relative path). Modules in `typesOnly`
 * may lend it their types (`import type`) but none of their code.
 * @param {string} path the layer's folder (or file) under the repository's root
 * @param {string[]} forbidden modules of lib/ above it
 * @param {string[]} [typesOnly] modules of lib/ below it whose types only it may use
 * @returns {import('eslint').Linter.Config[]}
 */
function layer(path, forbidden, typesOnly = []) {
  const below = path.endsWith('.ts') ? path : `${path}/**/*.{ts,tsx}`;
  const modules = [...forbidden.map((m) => `lib/${m}`), 'components', 'entrypoints'];
  /** `@/lib/register…`, or a relative path whose last folder step is `register`. */
  const named = (/** @type {string} */ m) =>
    `^(@/${m}|(\\.\\.?/)+(\\.\\./)*${m.split('/').at(-1)})(/.*)?$`;
  return [
    {
      files: [below],
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
    },
  ];
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
  ...layer('lib/tiktok', [
    'checklists',
    'register',
    'reminders',
    'campaigns',
    'overlay',
    'background',
    'messaging',
    'content-script',
  ]),
  ...layer('lib/i18n.ts', [
    'tiktok',
    'checklists',
    'register',
    'reminders',
    'campaigns',
    'overlay',
    'background',
    'messaging',
    'content-script',
  ]),
  // The content scripts' navigation and lent modules stand alone: the watcher loads them first.
  ...layer('lib/content-script', [
    'tiktok',
    'checklists',
    'register',
    'reminders',
    'campaigns',
    'overlay',
    'background',
    'messaging',
  ]),
  // The settings sit below both register and reminders: the register takes its default cadence
  // from them, reminders and the pages read and write them.
  ...layer('lib/settings', [
    'tiktok',
    'checklists',
    'register',
    'reminders',
    'campaigns',
    'overlay',
    'background',
    'messaging',
    'content-script',
  ]),
  ...layer('lib/register', [
    'checklists',
    'reminders',
    'campaigns',
    'overlay',
    'background',
    'messaging',
    'content-script',
  ]),
  // The checklists read TikTok's pages; the runner, the frame and the background run them.
  ...layer('lib/checklists', [
    'register',
    'reminders',
    'campaigns',
    'overlay',
    'background',
    'messaging',
    'content-script',
  ]),
  // Reminders read the register (and campaigns, to remind of their reviews); the background
  // registers their listeners and answers the pages' reminder messages.
  ...layer('lib/reminders', ['checklists', 'overlay', 'background', 'messaging', 'content-script']),
  // Campaigns review the register's grants; reminders remind of them, never the other way.
  ...layer('lib/campaigns', [
    'checklists',
    'reminders',
    'overlay',
    'background',
    'messaging',
    'content-script',
  ]),
  // The contracts describe what the layers below hold (their types), so every context can speak
  // them without loading the code behind them; nothing in them reaches the background.
  ...layer(
    'lib/messaging',
    ['overlay', 'background', 'content-script'],
    ['register', 'checklists', 'reminders', 'campaigns'],
  ),
  // The page agent and the frame's logic speak the contracts and run the checklists; the agent
  // holds no register data, so the register lends them types only.
  ...layer('lib/overlay', ['reminders', 'campaigns', 'background', 'content-script'], ['register']),
  // The background answers messages with every layer below; only entrypoints wire it.
  ...layer('lib/background', []),
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
