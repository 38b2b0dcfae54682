// ESLint (typescript-eslint, type-aware where it pays: floating promises in the engine and UI).
// `npm test` runs it; `npm run lint -- --fix` fixes what can be fixed.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.tmp/**', 'bench/out/**', 'bin/**', 'test/e2e/electron-stub/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-control-regex': 'off', // neutralizing control characters in untrusted text is the point
      'no-useless-assignment': 'off', // byte scanners end loops with `i = n; break` on purpose
      eqeqeq: ['error', 'smart'],
    },
  },
  // Tests read untyped JSON payloads and engine answers.
  { files: ['test/**/*.ts', 'bench/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // CaseDb (main/db/) is the one owner of sql.js; schema repair sees a loaded file before a CaseDb exists.
  {
    files: ['main/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['main/db/**', 'main/cases/schema-repair.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'sql.js', message: 'Read and write through CaseDb (main/db/case-db.ts).' }] }] },
  },
  { files: ['renderer/**/*.tsx', 'renderer/**/*.ts'], plugins: { 'react-hooks': reactHooks }, rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' } },
  {
    // Build and run scripts: plain JavaScript outside the TypeScript projects, checked without types.
    files: ['**/*.mjs', '**/*.js', '**/*.mts', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false },
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
);
