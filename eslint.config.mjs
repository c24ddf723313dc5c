// ESLint (flat config): typescript-eslint's recommended rules over the product, tests, benches and scripts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'packages/cli/dist/',
      'demo/dist/',
      'bench/dist/',
      'test-results/',
      'coverage/',
      'node_modules/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' },
      ],
    },
  },
  {
    // Tests hand in malformed input on purpose (holes in arrays).
    files: ['test/**'],
    rules: { 'no-sparse-arrays': 'off' },
  },
  {
    // Config files are the tools' own format: default exports are what they read.
    files: ['*.config.{js,mjs,ts}', '**/rollup.config.mjs', 'eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
