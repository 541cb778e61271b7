import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'bench/results.json', 'test-results', '.tmp', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The engine runs in Node, the page and a worker: it must never reach the UI or a framework.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', '@xyflow/*'], message: 'src/engine is framework-free.' },
          { group: ['**/app/**', '**/cli/**'], message: 'src/engine never imports the UI or the CLI.' },
          { group: ['node:*'], message: 'src/engine runs in the browser too; Node APIs belong in src/cli or *.node.ts tests.' },
        ],
      }],
    },
  },
  {
    files: ['src/engine/**/*.test.ts', 'src/engine/**/*.node.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // As for the designer, the CLI's tests may also use engine/testing (collected folders, fixture designs).
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/engine/*/**', '!**/engine/index'], message: 'The CLI imports the engine through src/engine/index.ts only.' }] }],
    },
  },
  {
    // The designer sits on the engine's one entry, as the CLI does; its tests may also use engine/testing.
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: ['src/app/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/engine/*/**', '!**/engine/index'], message: 'The app imports the engine through src/engine/index.ts only.' }] }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
