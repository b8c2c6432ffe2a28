// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, and the rules for
// custom elements (eslint-plugin-wc) and Lit (eslint-plugin-lit). `npm run lint` runs it with
// Prettier's check; `npm test` runs both.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'types/',
      'test-results/',
      '.scratch*/',
      'examples/**/dist/',
      'examples/**/node_modules/',
      'examples/angular/.angular/',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wc.configs['flat/best-practice'],
  lit.configs['flat/recommended'],
  {
    settings: { wc: { elementBaseClasses: ['ReactiveElement', 'LitElement', 'TalkElement', 'TalkUiElement', 'TalkUiProperties', 'TalkSessionProperties'] } },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away, type assertions).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Every element extends Lit's ReactiveElement, which implements connectedCallback and
      // disconnectedCallback: a guard around the super call would only hide a broken chain.
      'wc/guard-super-call': 'off',
      // An empty interface that extends one type is how declaration merging adds the kit's
      // elements and events to the DOM's and the frameworks' maps.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // The tests' `html` is @open-wc/testing's static html: `<${unsafeStatic(tag)}>` is a tag there.
    files: ['test/**/*.ts'],
    rules: { 'lit/binding-positions': 'off', 'lit/no-invalid-html': 'off' },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts', 'test/e2e/pages/**/*.js', 'examples/**/*.{ts,tsx,js,jsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**', 'test/node/**', 'test/e2e/**/*.mjs', 'test/server/**', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
