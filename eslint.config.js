// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'net',
  'crypto',
  'url',
  'util',
  'stream',
  'events',
  'zlib',
];

/**
 * Layer rules from DESIGN.md. Each layer lists what it must never import; a violation fails lint.
 * @param {string[]} files
 * @param {{ group: string[], message: string }[]} patterns
 */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

/** The hosts: only their own entry points import them. */
const hosts = ['**/electron/main/**', '**/electron/headless/**', '**/main/*', '**/headless/*'];

/** What every engine file must never import (DESIGN.md). */
const enginePatterns = [
  {
    group: ['electron', 'electron/*'],
    message: 'engine/ runs in plain Node: it never imports electron (DESIGN.md).',
  },
  {
    group: ['**/renderer/**', ...hosts],
    message: 'engine/ never imports the hosts or the renderer.',
  },
];

/**
 * The engine's rooms, lowest first: a room imports only rooms listed before it (and ports.ts), so the
 * arrows inside the engine run one way. README "Engine rooms" says what each holds.
 */
const engineRooms = [
  'fs',
  'removal',
  'scan',
  'index',
  'live',
  'units',
  'executor',
  'history',
  'config',
  'detect',
  'status',
  'schedule',
  'cleanup',
  'consent',
  'runtime',
];

/** One lint block per room: it may not import any room above it. */
const roomLayers = engineRooms.map((room, at) =>
  layer(
    [`electron/engine/${room}/**/*.ts`],
    [
      ...enginePatterns,
      ...(at + 1 < engineRooms.length
        ? [
            {
              group: engineRooms.slice(at + 1).map((above) => `../${above}/*`),
              message: `engine/${room}/ imports only the rooms below it (${engineRooms.slice(0, at).join(', ') || 'none'}); see engineRooms in eslint.config.js.`,
            },
          ]
        : []),
    ],
  ),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'coverage/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  layer(
    ['shared/**/*.ts'],
    [
      {
        group: ['electron', ...nodeBuiltins],
        message: 'shared/ is the contract: it imports nothing platform-specific.',
      },
      {
        group: ['**/electron/**', '**/renderer/**'],
        message: 'shared/ imports nothing from the layers above it.',
      },
    ],
  ),
  layer(
    ['electron/core/**/*.ts'],
    [
      {
        group: ['electron', ...nodeBuiltins],
        message: 'core/ is pure: no I/O, no Electron, no Node built-ins.',
      },
      {
        group: ['**/engine/**', '**/renderer/**', ...hosts],
        message: 'core/ imports only shared/.',
      },
      {
        group: ['yaml', 'chokidar', 'trash', 'react', 'zustand'],
        message: 'core/ imports only shared/ and pure helpers.',
      },
    ],
  ),
  layer(['electron/engine/**/*.ts'], enginePatterns),
  ...roomLayers,
  layer(
    ['electron/headless/**/*.ts'],
    [
      { group: ['electron', 'electron/*'], message: 'headless/ runs without Electron.' },
      {
        group: ['**/electron/main/**', '**/renderer/src/**'],
        message: 'headless/ imports the engine, not the Electron host or the renderer source.',
      },
    ],
  ),
  layer(
    ['electron/preload/**/*.ts'],
    [
      { group: nodeBuiltins, message: 'The preload is sandboxed: no Node built-ins.' },
      {
        group: ['**/engine/**', '**/core/**', '**/renderer/**', ...hosts],
        message: 'The preload imports only shared/ and electron.',
      },
    ],
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    [
      {
        group: ['electron', 'electron/*', ...nodeBuiltins],
        message: 'The renderer is untrusted browser code: no Node, no Electron.',
      },
      { group: ['**/electron/**'], message: 'The renderer imports only shared/ and browser code.' },
    ],
  ),
  {
    files: ['bin/**/*.js', '*.config.js', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
