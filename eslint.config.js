// Lint: ESLint's and typescript-eslint's recommended rules (formatting is Prettier's job, see .prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Files that are data tables (long because complete), not logic: exempt from the file-length limit. */
const DATA_TABLES = [
  'lambda/report/locale/messages.ts',
  'lambda/report/locale/messages-en.ts',
  'lambda/report/locale/messages-fr.ts',
  'lambda/report/playbook/default-playbook.ts',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'cdk.out/', 'test-artifacts/', '.bench/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'performance', 'Buffer', 'setTimeout', 'clearTimeout'].map((name) => [
          name,
          'readonly',
        ]),
      ),
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  // Source files of one idea: at most 200 lines, functions of at most 60 (tests are exempt: a describe block is
  // a list of cases). Data tables (the messages of each language, the default playbook) are exempt from the file
  // length only: they are long because they are complete.
  {
    files: ['{lambda,infra,local,bin,scripts,bench,tools}/**/*.{ts,mts,js,mjs}'],
    rules: {
      'max-lines': ['error', { max: 200 }],
      'max-lines-per-function': ['error', { max: 60 }],
    },
  },
  {
    files: DATA_TABLES,
    rules: { 'max-lines': 'off' },
  },
);
