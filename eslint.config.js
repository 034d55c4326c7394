// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * A layer of lib/ that must not import the given modules of lib/, nor components/ or
 * entrypoints/ (whether named by the `@/` alias or by a relative path).
 * @param {string} path the layer's folder (or file) under the repository's root
 * @param {string[]} forbidden modules of lib/ above it
 * @returns {import('eslint').Linter.Config[]}
 */
function layer(path, forbidden) {
  const below = path.endsWith('.ts') ? path : `${path}/**/*.{ts,tsx}`;
  const modules = [...forbidden.map((m) => `lib/${m}`), 'components', 'entrypoints'];
  return [
    {
      files: [below],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: modules.map((m) => ({
              // `@/lib/register…`, or a relative path whose last folder step is `register`.
              regex: `^(@/${m}|(\\.\\.?/)+(\\.\\./)*${m.split('/').at(-1)})(/.*)?$`,
              message: `${path} is below ${m} in the layers (docs/ARCHITECTURE.md): move the shared piece down instead.`,
            })),
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
    'overlay',
    'background',
    'messaging',
  ]),
  ...layer('lib/register', [
    'checklists',
    'reminders',
    'overlay',
    'background',
    'messaging',
    'content-script',
  ]),
  // The checklists read TikTok's pages; the runner, the frame and the background run them.
  ...layer('lib/checklists', [
    'register',
    'reminders',
    'overlay',
    'background',
    'messaging',
    'content-script',
  ]),
  {
    files: ['scripts/**/*.mjs', '.ci/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['tests/fixtures/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
