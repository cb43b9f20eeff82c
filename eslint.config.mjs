// Lint rules: no floating promises anywhere; workflow code may import only the SDK's workflow API and
// libs/domain (no Node built-ins, Nest, TypeORM, pg or activity values), since it must stay deterministic.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'eslint.config.mjs', 'jest.config.js', 'docker/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
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
            { group: ['@nestjs/*', 'typeorm', 'pg', 'axios', 'undici', 'pino'], message: 'workflows must not do I/O; use an activity' },
            { group: ['**/activities', '**/activities/*'], message: 'workflows call activities through proxyActivities and types from libs/domain', allowTypeImports: true },
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'workflow code may use only @temporalio/workflow and @temporalio/common' },
          ],
        },
      ],
    },
  },
);
