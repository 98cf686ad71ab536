import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every CSV Tandem writes goes through apps/server/src/lib/csv-output.ts, the formula-escaping writer (CSV injection):
// no other file imports a CSV writer. Repeated in each block below that sets no-restricted-imports, since a later
// block's options replace an earlier one's rather than adding to them.
const CSV_OUTPUT = 'apps/server/src/lib/csv-output.ts';
const csvWriterMessage = `CSV is written through ${CSV_OUTPUT} (safeCsv), which escapes formulas.`;
const csvWriters = {
  paths: ['csv', 'fast-csv', '@fast-csv/format', 'csv-writer', 'papaparse'].map((name) => ({ name, message: csvWriterMessage })),
  patterns: [{ group: ['csv-stringify', 'csv-stringify/*', 'csv/*'], message: csvWriterMessage }],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'apps/server/drizzle/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // With verbatimModuleSyntax, `import { type X } from 'm'` keeps `import 'm'`: the whole module (for the web
      // app, zod and every schema) would load for a type. `import type { X }` is erased.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    ignores: [CSV_OUTPUT],
    rules: { 'no-restricted-imports': ['error', csvWriters] },
  },
  {
    // Only repositories (and table definitions, migrations, the db layer) talk to Drizzle.
    files: ['apps/server/src/**/*.service.ts', 'apps/server/src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'drizzle-orm', message: 'Only *.repository.ts files use Drizzle.' }, ...csvWriters.paths], patterns: csvWriters.patterns },
      ],
    },
  },
  {
    files: ['apps/server/src/**/*.service.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'drizzle-orm', message: 'Only *.repository.ts files use Drizzle.' }, ...csvWriters.paths],
          patterns: [{ group: ['fastify', '@fastify/*', 'fastify-*'], message: 'Services do not import Fastify.' }, ...csvWriters.patterns],
        },
      ],
    },
  },
  {
    // Components read and write through hooks: the endpoint table is for hooks (with the rule in .dependency-cruiser.cjs).
    files: ['apps/web/src/**/components/**/*.{ts,tsx}', 'apps/web/src/app/shell/**/*.{ts,tsx}', 'apps/web/src/app/kit/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: csvWriters.paths,
          patterns: [{ group: ['@tandem/contracts'], importNamePattern: 'Endpoints$', message: 'Components call the API through hooks.' }, ...csvWriters.patterns],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
