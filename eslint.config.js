import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'out-*/**', 'dist/**', '.e2e-artifacts/**', '.scratch/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      'vue/attributes-order': 'off',
      'no-control-regex': 'off',
    },
  },
  // Boundaries: the data layer knows nothing of Electron or Vue.
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', 'vue', 'pinia', 'element-plus', 'vue-router', 'vue-i18n'], patterns: [{ group: ['**/renderer/**', '**/electron/**'], message: 'db/ must not import Electron, Vue or app layers.' }] }],
    },
  },
  // Handlers and documents run in plain Node (tests, harness): no Electron.
  {
    files: ['electron/handlers/**/*.ts', 'electron/documents/**/*.ts', 'harness/**/*.ts', 'seeds/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', 'vue', 'pinia', 'element-plus', 'vue-router', 'vue-i18n'], patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'Handlers, documents, seeds and the harness run without Electron or Vue.' }] }],
    },
  },
  // Shared code runs in every process: neither Node nor the DOM.
  {
    files: ['electron/common/**/*.ts'],
    ignores: ['electron/common/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: [...nodeBuiltins, 'electron', 'vue', 'better-sqlite3-multiple-ciphers', 'kysely'], patterns: [{ group: ['**/handlers/**', '**/main/**', '**/preload/**', '**/documents/**', '**/db/**', '**/seeds/**', '**/renderer/**'], message: 'common/ is shared: no Node, Electron, Vue, backend, seeds or renderer imports.' }] }],
    },
  },
  // The renderer reaches the backend only through the typed API client: no Node modules, no backend code.
  {
    files: ['renderer/src/**/*.{ts,vue}'],
    ignores: ['renderer/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers', 'kysely'],
          patterns: [{ group: ['**/electron/handlers/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/documents/**', '**/db/**', '**/seeds/**'], message: 'The renderer may import only electron/common (the contract) and browser code.' }],
        },
      ],
    },
  },
);
