// Lint, including the rule that keeps the process boundaries honest: each folder may import only
// in the allowed direction (see docs/ARCHITECTURE.md). Violations are errors, not warnings.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { uiTextPlugin } from './scripts/eslint/no-literal-ui-text.js';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'https', 'http2', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'tls',
  'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

const forbid = (message, ...group) => ({ group, message });
// The electron package itself, not any folder that happens to be called electron.
const forbidElectron = (message) => ({ regex: '^electron(/.*)?$', message });

/** `no-restricted-imports` for one folder: the listed patterns are off limits. */
const boundary = (files, ...patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const noRenderer = forbid('Nothing outside renderer/ imports it.', '**/renderer', '**/renderer/**');
const noServer = forbid('The backend is a separate process: talk to it over the protocol, never import it.', '**/server', '**/server/**');
const noElectron = forbidElectron('Only main/electron and preload may import electron.');
const noNode = forbid('This code runs outside Node: no Node built-ins.', 'node:*', ...NODE_BUILTINS);
const noMain = forbid('Only the main process imports main/.', '**/main', '**/main/**');
const noPreload = forbid('Nothing imports preload/.', '**/preload', '**/preload/**');
const noHostOrGlue = forbid('main/core is runtime-neutral: it never imports main/electron or main/host.', '**/electron/**', '**/host/**');
const noUseTranslation = {
  group: ['react-i18next'],
  importNames: ['useTranslation'],
  message: 'Use useT from renderer/src/i18n/LocaleContext: one translate function for the tree, without the per-render work of useTranslation.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**', 'bench/results/**', 'bench/.build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'portal/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Every user-visible string goes through i18next: no literal text in the UI bundles' JSX.
  {
    files: ['renderer/**/*.tsx', 'portal/**/*.tsx'],
    ignores: ['**/*.test.tsx', 'renderer/src/test/**'],
    plugins: { 'ui-text': uiTextPlugin },
    rules: { 'ui-text/no-literal-ui-text': 'error' },
  },
  // Import direction. renderer → shared; portal → shared; preload → shared;
  // main/electron → main/core → shared; main/host → main/core → shared; server → shared.
  boundary(
    ['shared/**/*.ts'],
    noNode, noElectron, noRenderer, noServer, noMain, noPreload,
    forbid('shared/ is pure: no React, no database, no sockets.', 'react', 'react-dom', 'better-sqlite3', 'kysely', 'socket.io', 'socket.io-client', 'fastify', 'ws'),
  ),
  boundary(['main/core/**/*.ts'], noElectron, noRenderer, noServer, noPreload, noHostOrGlue),
  boundary(['main/electron/**/*.ts'], noRenderer, noServer, noPreload, forbid('main/electron does not import main/host.', '**/host/**')),
  boundary(['main/host/**/*.ts'], noElectron, noRenderer, noServer, noPreload, forbid('main/host does not import the Electron glue.', '**/electron/**')),
  boundary(['preload/**/*.ts'], noRenderer, noServer, noMain, noNode),
  boundary(['renderer/**/*.{ts,tsx}'], noNode, noElectron, noServer, noMain, noPreload, noUseTranslation),
  boundary(['server/**/*.ts'], noElectron, noRenderer, noMain, noPreload),
  boundary(['portal/**/*.{ts,tsx}'], noNode, noElectron, noRenderer, noServer, noMain, noPreload),
  boundary(['e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'testing/**/*.ts'], noRenderer, noServer, noElectron),
);
