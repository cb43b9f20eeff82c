// Lint: typescript-eslint's type-checked recommended rules on all code (no floating promises, no unsafe
// `any`, exhaustive switches over closed sets), and a workflow rule set: workflow code may import only the
// SDK's workflow API and libs/domain (no Node built-ins, Nest, TypeORM, pg or activity values), since it
// must stay deterministic.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '**/*.mjs', '**/*.js', 'docker/**'] },
  {
    // The pages (apps/web/src) are .tsx and type-checked with their own tsconfig (DOM, Preact's JSX).
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Nest and Fastify take async callbacks where they declare void returns; awaiting them is their job.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
      // An async function without await is how Nest handlers, activities and test doubles keep a
      // Promise-returning signature; the mistake the rule hunts (a forgotten await) is no-floating-promises'.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'os', 'child_process', 'worker_threads'], message: 'workflows must be deterministic: no Node built-ins; use an activity' },
            { group: ['@nestjs/*', 'typeorm', 'pg', 'axios', 'undici', 'pino', '**/libs/database', '**/libs/database/*', '@app/database', '@app/config', '@app/runtime', '@app/webhooks', '@app/social', '@app/outbound', '@app/shop', '@app/images', 'sharp'], message: 'workflows must not do I/O; use an activity' },
            { group: ['**/activities', '**/activities/*'], message: 'workflows call activities through proxyActivities and types from libs/domain', allowTypeImports: true },
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'workflow code may use only @temporalio/workflow and @temporalio/common' },
          ],
        },
      ],
    },
  },
);
