/** Lint: typescript-eslint with type information, plus the boundary rules of docs/architecture:
 *  engine/ stays pure (xstate and zod only, no clocks, randomness, timers, DOM or Node). */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const engineBans = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { regex: '^(?!xstate$|xstate/graph$|zod$|\\.{1,2}/).*', message: 'engine/ may import only xstate, zod and engine/ itself.' },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'navigator', 'localStorage', 'performance', 'process', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'queueMicrotask', 'fetch', 'console', 'crypto'].map((name) => ({
      name,
      message: 'engine/ is pure and deterministic: inject time, randomness and I/O from outside.',
    })),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the seeded PRNG in engine/prng.ts.' },
    { object: 'Date', property: 'now', message: 'Time comes from the fixed tick, not the clock.' },
    { object: 'Math', property: 'exp', message: 'Math.exp may differ between engines; use + - * / only.' },
    { object: 'Math', property: 'pow', message: 'Math.pow may differ between engines; use + - * / only.' },
    { object: 'Math', property: 'sin', message: 'Math.sin may differ between engines.' },
    { object: 'Math', property: 'cos', message: 'Math.cos may differ between engines.' },
    { object: 'Math', property: 'log', message: 'Math.log may differ between engines.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date']", message: 'No wall clock in engine/.' },
    { selector: "BinaryExpression[operator='**']", message: '** is Math.pow, which may differ between engines; multiply.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'scenarios/**', 'assets/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-warning-comments': ['error', { terms: ['todo', 'fixme'], location: 'start' }],
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked, languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node } },
  { files: ['engine/**/*.ts'], languageOptions: { globals: {} }, rules: engineBans },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@colyseus/core', message: 'The client talks to rooms through @colyseus/sdk.' }], patterns: [{ group: ['**/server/**', '!**/server/**/*.d.ts'], message: 'client/ may only `import type` from server/.', allowTypeImports: true }] }],
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { paths: ['phaser', 'react', 'react-dom'], patterns: [{ group: ['**/client/**'], message: 'server/ must not import client code.' }] }] },
  },
  { files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts', '*.config.ts'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
